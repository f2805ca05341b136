"""The real CLI over a real store (SQLite file and PostgreSQL): quotes, speakers, export."""

from __future__ import annotations

import csv
import io
import json

import pytest

from saidwhat.cli.main import cli

CONTRACT = [
    "doc", "quote", "quote_start", "quote_end", "speaker", "speaker_mention", "speaker_start",
    "speaker_end", "kind", "cue", "role", "date", "source", "confidence", "fragments", "text",
    "doc_id", "title", "outlet", "url", "published",
]  # fmt: skip


@pytest.fixture
def run(backend_store, make_cli):
    return make_cli(backend_store.target(sample=True))


def test_quotes_jsonl_has_contract_and_provenance(run):
    rows = run.jsonl("quotes", "--speaker", "Sergei Lavrov")
    assert len(rows) == 2
    for row in rows:
        assert list(row) == CONTRACT
    by_doc = {r["doc"]: r for r in rows}
    tass = by_doc["https://tass.example/visit-1"]
    assert tass["speaker"] == "Sergey Lavrov" and tass["source"] == "TASS"
    assert tass["outlet"] == "TASS" and tass["title"] == "Lavrov arrives in Ankara"
    assert tass["date"] == "2024-05-01" and tass["confidence"] == 0.9


def test_quotes_table_shows_speaker_role_date_source_snippet(run):
    result = run("quotes", "Brussels")
    assert result.exit_code == 0, result.output
    for column in ("speaker", "role", "date", "source", "snippet"):
        assert column in result.stdout
    assert "[Brussels]" in result.stdout and "Sergey Lavrov" in result.stdout


def test_quotes_filters_limit_and_sort(run):
    rows = run.jsonl("quotes", "--since", "2024-05-02", "--sort", "date", "--limit", "2")
    assert [r["date"] for r in rows] == ["2024-05-02", "2024-05-02"]
    rows = run.jsonl("quotes", "--about", "Black Sea", "--country", "Turkey", "--kind", "direct")
    assert [r["speaker"] for r in rows] == ["Hakan Fidan"]


def test_quotes_errors_are_one_line(run):
    result = run("quotes", '"grain deal')
    assert result.exit_code == 2
    assert result.stderr.startswith("saidwhat: error: cannot search for '\"grain deal'")
    assert "double quote is not closed" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = run("quotes", "--speaker", "Lavrof")
    assert result.exit_code == 1 and "did you mean" in result.stderr
    result = run("quotes", "--since", "yesterday")
    assert result.exit_code == 2 and "ISO date" in result.stderr


def test_speakers_list_and_show(run):
    listed = run.jsonl("speakers")
    assert listed[0]["name"] == "Sergey Lavrov" and listed[0]["statements"] == 2
    assert "Sergei Lavrov" in listed[0]["aliases"]
    result = run("speakers", "show", "Sergei Lavrov")
    assert result.exit_code == 0, result.output
    assert "roles as stated" in result.stdout and "Hakan Fidan" in result.stdout
    (profile,) = run.jsonl("speakers", "show", "Fidan")
    assert profile["person"]["name"] == "Hakan Fidan"
    assert profile["outlets"] == [["TASS", 1]]


def test_speakers_import_export_merge_split(run, tmp_path):
    out = tmp_path / "reg.csv"
    result = run("speakers", "export", "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("name,aliases,role,organisation,country\n")
    stdout = run("speakers", "export").stdout
    assert stdout == text
    new = tmp_path / "new.csv"
    new.write_text(
        "name,aliases,role,organisation,country\nAntony Blinken,Blinken,Secretary of State,,US\n"
    )
    result = run("speakers", "import", new)
    assert result.exit_code == 0 and "1 person created" in result.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("name,role\nX,\n")
    result = run("speakers", "import", bad)
    assert result.exit_code == 1 and "row 1 (header)" in result.stderr

    result = run("speakers", "merge", "Sergey Lavrov", "Pavel Lavrov")
    assert result.exit_code == 0 and "1 statement," in result.stdout
    assert len(run.jsonl("quotes", "--speaker", "Sergey Lavrov")) == 3
    result = run("speakers", "split", "Sergey Lavrov", "--alias", "Pavel Lavrov")
    assert result.exit_code == 0, result.output
    assert len(run.jsonl("quotes", "--speaker", "Pavel Lavrov")) == 1


def test_export_formats_to_stdout(run):
    result = run("export", "--speaker", "Fidan")
    assert result.exit_code == 0
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["person"] == "Hakan Fidan" and row["outlet"] == "TASS"
    result = run("export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 7
    result = run("export", "--format", "parquet")
    assert result.exit_code == 2 and "parquet cannot go to stdout" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["quotes"],
        ["export"],
        ["speakers"],
        ["speakers", "show"],
        ["speakers", "import"],
        ["speakers", "export"],
        ["speakers", "merge"],
        ["speakers", "split"],
        ["dossier"],
        ["watch"],
        ["watch", "add"],
        ["watch", "list"],
        ["watch", "feed"],
        ["watch", "remove"],
    ],
)
def test_help_shows_an_example(command):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:\n    saidwhat " in result.output
