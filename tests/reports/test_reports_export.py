"""Exports: CSV, JSONL and Parquet with every provenance field, read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from saidwhat.errors import ReportError, UsageError
from saidwhat.reports.export import EXPORT_FIELDS, export_statements
from saidwhat.search.query import SearchFilters, search_statements

PROVENANCE = ("doc", "doc_id", "title", "outlet", "url", "published", "source", "source_missing")


def expected(store) -> dict[int, object]:
    return {h.id: h for h in search_statements(store, SearchFilters(limit=None))}


def test_jsonl_round_trip(store, tmp_path: Path):
    n = export_statements(store, SearchFilters(limit=None), str(tmp_path / "s.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert n == len(rows) == 7
    hits = expected(store)
    for row in rows:
        assert list(row) == list(EXPORT_FIELDS)
        hit = hits[row["statement_id"]]
        assert row["quote"] == hit.quote and row["doc"] == hit.doc
        assert row["person"] == hit.person and row["published"] == hit.published
    zak = next(r for r in rows if r["person"] == "Maria Zakharova")
    assert zak["source_missing"] is True and zak["source"] is None and zak["outlet"] == "Reuters"


def test_csv_round_trip(store, tmp_path: Path):
    n = export_statements(
        store, SearchFilters(speaker="Sergey Lavrov", limit=None), str(tmp_path / "s.csv")
    )
    with open(tmp_path / "s.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert n == len(rows) == 2
    assert tuple(rows[0]) == EXPORT_FIELDS
    assert {r["quote"] for r in rows} == {
        h.quote for h in expected(store).values() if h.person == "Sergey Lavrov"
    }
    assert {r["outlet"] for r in rows} == {"TASS", "Reuters"}
    assert all(r["url"].startswith("https://") for r in rows)


def test_parquet_round_trip(store, tmp_path: Path):
    import pyarrow.parquet as pq

    n = export_statements(store, SearchFilters(limit=None), str(tmp_path / "s.parquet"))
    table = pq.read_table(tmp_path / "s.parquet")
    assert n == table.num_rows == 7
    assert tuple(table.schema.names) == EXPORT_FIELDS
    assert str(table.schema.field("quote_start").type) == "int64"
    assert str(table.schema.field("confidence").type) == "double"
    hits = expected(store)
    for row in table.to_pylist():
        hit = hits[row["statement_id"]]
        for name in (
            "quote",
            "quote_start",
            "quote_end",
            "kind",
            "date",
            "doc_id",
            "title",
            "url",
        ):
            assert row[name] == getattr(hit, name), name
        assert row["speaker"] == hit.speaker_display  # the canonical person
        assert row["source_missing"] == hit.source_missing
        assert row["confidence"] == pytest.approx(hit.confidence)


def test_empty_parquet_has_the_schema(store, tmp_path: Path):
    import pyarrow.parquet as pq

    assert export_statements(store, SearchFilters(text="xyzzy"), str(tmp_path / "e.parquet")) == 0
    assert tuple(pq.read_table(tmp_path / "e.parquet").schema.names) == EXPORT_FIELDS


def test_export_errors(store, tmp_path: Path):
    with pytest.raises(ReportError, match="does not exist"):
        export_statements(store, SearchFilters(), str(tmp_path / "no" / "s.csv"))
    with pytest.raises(ReportError, match="does not exist"):
        export_statements(store, SearchFilters(), str(tmp_path / "no" / "s.parquet"))
    with pytest.raises(UsageError, match="cannot tell the export format"):
        export_statements(store, SearchFilters(), str(tmp_path / "s.xlsx"))
    with pytest.raises(UsageError, match="unknown export format"):
        export_statements(store, SearchFilters(), "-", "xml")


def test_cli_export_files(run, tmp_path: Path):
    import pyarrow.parquet as pq
    from search_samples import fill_sample

    from saidwhat.store.db import open_store

    fill_sample(open_store(run.db)).close()
    for name in ("a.csv", "a.jsonl", "a.parquet"):
        result = run("export", "--since", "2024-05-02", "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert "exported 5 statements" in result.stderr
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 5
    assert len((tmp_path / "a.jsonl").read_text().splitlines()) == 5


def test_bad_query_leaves_no_file(store, tmp_path: Path):
    from saidwhat.errors import QueryError

    with pytest.raises(QueryError):
        export_statements(store, SearchFilters(text='"open'), str(tmp_path / "s.csv"))
    with pytest.raises(QueryError):
        export_statements(store, SearchFilters(text="a AND"), str(tmp_path / "s.jsonl"))
    assert not (tmp_path / "s.csv").exists()
    assert not (tmp_path / "s.jsonl").exists()


def test_fragments_survive_every_format(store, tmp_path: Path):
    import pyarrow.parquet as pq
    from search_samples import make_document

    from saidwhat.store.documents import store_document

    doc, ex = make_document("frag", [{"mention": "Hakan Fidan", "quote": "Part one, part two."}])
    st = ex.statements[0]
    st.fragments = [[st.quote_start, st.quote_start + 9], [st.quote_start + 10, st.quote_end]]
    store_document(store, doc, ex)
    filters = SearchFilters(text='"part two"', limit=None)
    export_statements(store, filters, str(tmp_path / "f.parquet"))
    export_statements(store, filters, str(tmp_path / "f.jsonl"))
    export_statements(store, filters, str(tmp_path / "f.csv"))
    (row,) = pq.read_table(tmp_path / "f.parquet").to_pylist()
    assert row["fragments"] == st.fragments
    assert json.loads((tmp_path / "f.jsonl").read_text())["fragments"] == st.fragments
    with open(tmp_path / "f.csv", encoding="utf-8", newline="") as fh:
        (crow,) = list(csv.DictReader(fh))
    assert json.loads(crow["fragments"]) == st.fragments
