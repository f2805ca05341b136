"""The people registry as CSV: ``name, aliases, role, organisation, country``.

``aliases`` and ``role`` hold ``|``-separated lists. Imported aliases get origin
'registry', which :func:`saidwhat.store.people.find_person` trusts, so later
documents resolve through them.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from saidwhat.errors import ReportError, SourceError
from saidwhat.names import name_key
from saidwhat.reports.csv_cells import csv_writer, uncell
from saidwhat.search.people import PersonSummary, list_people
from saidwhat.store.db import Store

log = logging.getLogger(__name__)

#: Columns of the registry CSV, in order.
CSV_COLUMNS = ("name", "aliases", "role", "organisation", "country")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    aliases: int = 0
    roles: int = 0


def _split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def read_registry_csv(path: str | Path) -> list[dict]:
    """Rows of a registry CSV, checked: all columns present, names given and unique."""
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as e:
        raise SourceError("file not found; check the path", source=str(path)) from e
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(f"cannot read it ({e}); save it as UTF-8 CSV", source=str(path)) from e
    reader = csv.reader(io.StringIO(raw))
    header = next(reader, None)
    if not header:
        raise SourceError(
            f"empty file; the first row must be {', '.join(CSV_COLUMNS)}", source=str(path)
        )
    header = [h.strip().lower() for h in header]
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise SourceError(
            f"row 1 (header) lacks column(s) {', '.join(missing)}; "
            f"the header must be {','.join(CSV_COLUMNS)}",
            source=str(path),
        )
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for line_no, cells in enumerate(reader, start=2):
        values = [uncell(v) for v in cells]  # what export_registry guarded against formulas
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise SourceError(
                f"row {line_no} has {len(values)} column(s) but the header has {len(header)}; "
                "quote values that contain commas",
                source=str(path),
            )
        row = dict(zip(header, (v.strip() for v in values), strict=True))
        name = row["name"]
        key = name_key(name)
        if not key:
            raise SourceError(f"row {line_no} has no name; every row needs one", source=str(path))
        if key in seen:
            raise SourceError(
                f"row {line_no}: duplicate name {name!r} (already on row {seen[key]}); "
                "put all aliases of one person on one row",
                source=str(path),
            )
        seen[key] = line_no
        row["_row"] = line_no
        rows.append(row)
    return rows


def import_registry(store: Store, path: str | Path) -> ImportResult:
    """Import people from CSV (all or nothing); aliases get origin 'registry'."""
    rows = read_registry_csv(path)
    result = ImportResult(**store.registry.import_rows(rows, _split_list))
    log.info("imported %d people from %s: %s", len(rows), path, result)
    return result


def export_registry(store: Store, out: str | Path | IO[str]) -> int:
    """Write every person as a registry CSV row; returns the number of rows."""
    people = sorted(list_people(store), key=lambda p: (p.name.casefold(), p.id))
    if isinstance(out, (str, Path)):
        try:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                return _write_registry(fh, people)
        except OSError as e:
            raise ReportError(
                f"cannot write it ({e.strerror}); choose another path", source=str(out)
            ) from e
    return _write_registry(out, people)


def _write_registry(fh: IO[str], people: list[PersonSummary]) -> int:
    writer = csv_writer(fh)
    writer.writerow(CSV_COLUMNS)
    for p in people:
        writer.writerow(
            [
                p.name,
                "|".join(sorted(set(p.aliases))),
                "|".join(sorted(set(p.roles))),
                p.organisation or "",
                p.country or "",
            ]
        )
    return len(people)
