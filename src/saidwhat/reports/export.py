"""Exporting search results with full provenance: CSV, JSON Lines or Parquet.

CSV and JSONL stream row by row, so an export of the whole store runs in
constant memory; Parquet is written in row groups of ``batch`` statements.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from saidwhat.errors import ReportError, UsageError
from saidwhat.model import Statement
from saidwhat.reports.csv_cells import csv_writer
from saidwhat.reports.dossier import check_writable
from saidwhat.search.query import PROVENANCE_FIELDS, Hit, SearchFilters, iter_statements

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("csv", "jsonl", "parquet")

#: Every exported column, in order: the extract contract, then provenance, then detail.
EXPORT_FIELDS: tuple[str, ...] = (
    "doc",
    *Statement.CONTRACT_FIELDS,
    *PROVENANCE_FIELDS,
    "statement_id",
    "person_id",
    "person",
    "speaker_type",
    "organisation",
    "country",
    "source_missing",
    "headline",
    "fragments",
    "ingested_at",
)

_INT = (
    "quote_start",
    "quote_end",
    "speaker_start",
    "speaker_end",
    "doc_id",
    "statement_id",
    "person_id",
)


def export_row(hit: Hit) -> dict[str, Any]:
    """One hit as a flat dict of :data:`EXPORT_FIELDS`."""
    row = hit.to_contract()
    row.update(
        statement_id=hit.id,
        person_id=hit.person_id,
        person=hit.person,
        speaker_type=hit.speaker_type,
        organisation=hit.organisation,
        country=hit.country,
        source_missing=hit.source_missing,
        headline=hit.headline,
        fragments=hit.fragments,
        ingested_at=hit.ingested_at,
    )
    return {k: row[k] for k in EXPORT_FIELDS}


def format_for(path: str | None, fmt: str | None) -> str:
    if fmt:
        if fmt not in EXPORT_FORMATS:
            raise UsageError(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
        return fmt
    suffix = Path(path or "").suffix.lower().lstrip(".")
    if suffix in EXPORT_FORMATS:
        return suffix
    if suffix == "pq":
        return "parquet"
    raise UsageError(
        f"cannot tell the export format of {path!r}; name it .csv, .jsonl or .parquet "
        "(or pass --format)"
    )


@contextmanager
def _open_text(path: str | None) -> Iterator[IO[str]]:
    if path in (None, "-"):
        yield sys.stdout
        return
    p = check_writable(path)
    try:
        fh = open(p, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as e:
        raise ReportError(
            f"cannot write it ({e.strerror or e}); choose another path", source=path
        ) from e
    with fh:
        yield fh


def write_csv(hits: Iterable[Hit], out: IO[str]) -> int:
    writer = csv_writer(out, EXPORT_FIELDS)
    writer.writeheader()
    n = 0
    for hit in hits:
        writer.writerow(export_row(hit))
        n += 1
    return n


def write_jsonl(hits: Iterable[Hit], out: IO[str]) -> int:
    n = 0
    for hit in hits:
        out.write(json.dumps(export_row(hit), ensure_ascii=False) + "\n")
        n += 1
    return n


def parquet_schema():
    import pyarrow as pa

    types = {name: pa.string() for name in EXPORT_FIELDS}
    types.update({name: pa.int64() for name in _INT})
    types["confidence"] = pa.float64()
    types["source_missing"] = pa.bool_()
    types["fragments"] = pa.list_(pa.list_(pa.int64()))
    return pa.schema([(name, types[name]) for name in EXPORT_FIELDS])


def write_parquet(hits: Iterable[Hit], path: str | Path, *, batch: int = 50_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    p = check_writable(path)
    try:
        with pq.ParquetWriter(str(p), schema, compression="zstd") as writer:
            buf: list[dict[str, Any]] = []
            for hit in hits:
                buf.append(export_row(hit))
                if len(buf) >= batch:
                    writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                    n += len(buf)
                    buf = []
            if buf or n == 0:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
    except OSError as e:
        raise ReportError(f"cannot write it ({e}); choose another path", source=str(path)) from e
    return n


def export_statements(
    store, filters: SearchFilters, path: str | None, fmt: str | None = None
) -> int:
    """Export every statement matching ``filters`` to ``path`` (``-`` or None: stdout).

    Returns the number of statements written. ``filters.limit`` applies as given
    (None exports everything).
    """
    fmt = format_for(path, fmt)
    if fmt == "parquet" and path in (None, "-"):
        raise UsageError("parquet cannot go to stdout; give a file name with -o")
    if path not in (None, "-"):
        check_writable(path)
    hits = iter_statements(store, filters)  # a bad query fails here, before any file is made
    if fmt == "parquet":
        n = write_parquet(hits, path)
    else:
        writer = write_csv if fmt == "csv" else write_jsonl
        with _open_text(path) as out:
            n = writer(hits, out)
    log.info("exported %d statements as %s to %s", n, fmt, path or "stdout")
    return n
