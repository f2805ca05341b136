"""The foundation end to end: ingest into real SQLite, search, show, stats, bad input."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from saidwhat.model import STATEMENT_KINDS

WIRE = """Ministers Meet in Velda

VELDA, May 3, 2026 (Northwire) - Foreign Minister Anna Petrova said on Tuesday that talks with \
her neighbours would resume next month.

"We will not be rushed," Petrova told reporters. "But we will be there."

Deputy Prime Minister Tomas Brill said the government expected "concrete steps" from the other side.
"""

ROUNDUP = """Reactions to the Velda talks

Senator Ivo Marek tweeted: "The talks were a landmark. Now comes the hard part."

(Daily Courier, May 4, 2026)

Ivo Marek's colleague, Senator Lena Sova, said: "Nobody expected miracles from one meeting."

(, May 5, 2026)
"""

CONTRACT = {
    "doc", "quote", "quote_start", "quote_end", "speaker", "speaker_mention", "speaker_start",
    "speaker_end", "kind", "cue", "role", "date", "source", "confidence", "fragments", "text",
}  # fmt: skip


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "roundup.txt").write_text(ROUNDUP, encoding="utf-8")
    return folder


def counts(db: Path) -> tuple[int, int, int, int]:
    conn = sqlite3.connect(db)
    try:
        return tuple(
            conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("documents", "statements", "people", "document_copies")
        )
    finally:
        conn.close()


def test_extract_jsonl_obeys_the_contract(run, corpus):
    rows = run.jsonl("extract", corpus / "wire.txt", corpus / "roundup.txt")
    assert rows, "the extractor found nothing in two documents full of quotes"
    texts = {str(p): p.read_text(encoding="utf-8") for p in corpus.iterdir()}
    for row in rows:
        assert set(row) == CONTRACT
        text = texts[row["doc"]]
        assert text[row["quote_start"] : row["quote_end"]] == row["quote"]
        assert row["fragments"][0] == [row["quote_start"], row["quote_end"]]
        assert row["text"] == " ".join(text[s:e] for s, e in row["fragments"])
        if row["speaker_mention"] is not None:
            assert text[row["speaker_start"] : row["speaker_end"]] == row["speaker_mention"]
        assert row["kind"] in STATEMENT_KINDS
        assert 0.0 <= row["confidence"] <= 1.0
        assert not row["quote"].startswith(('"', "“")) and not row["quote"].endswith(('"', "”"))
    quotes = {r["quote"]: r for r in rows}
    assert quotes["We will not be rushed,"]["speaker"] == "Anna Petrova"
    landmark = next(r for r in rows if r["quote"].startswith("The talks were a landmark"))
    assert landmark["speaker"] == "Ivo Marek"
    assert landmark["source"] == "Daily Courier"
    assert landmark["date"] == "2026-05-04"


def test_ingest_then_search_show_and_stats(run, corpus):
    result = run("ingest", corpus)
    assert result.exit_code == 0, result.output
    docs, statements, people, _ = counts(run.db)
    assert docs == 2 and statements >= 4 and people >= 3

    hits = run.jsonl("quotes", "--speaker", "Petrova")
    assert hits and all(h["speaker"] == "Anna Petrova" for h in hits)
    assert all(h["doc"] == str(corpus / "wire.txt") for h in hits)
    assert {"doc_id", "title", "outlet", "url", "published"} <= set(hits[0])

    shown = run("show", str(corpus / "wire.txt"))
    assert shown.exit_code == 0 and "Ministers Meet in Velda" in shown.output

    stats = run.jsonl("stats")[0]
    assert stats["documents"] == 2 and stats["statements"] == statements


def test_reingest_is_idempotent(run, corpus):
    assert run("ingest", corpus).exit_code == 0
    before = counts(run.db)
    again = run("ingest", corpus, "--format", "json")
    assert again.exit_code == 0
    assert counts(run.db) == before
    assert '"duplicates": 2' in again.stdout


def test_interrupted_ingest_keeps_whole_documents_only(run, corpus, monkeypatch):
    import saidwhat.ingest as ingest
    import saidwhat.store.document_batches as batches

    (corpus / "third.txt").write_text(WIRE.replace("Velda", "Orsk"), encoding="utf-8")
    real = batches.insert_statements
    calls = {"n": 0}

    def crash_on_second(conn, rows, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            real(conn, rows, **kwargs)  # half-written, then Ctrl-C
            raise KeyboardInterrupt
        return real(conn, rows, **kwargs)

    # one document per transaction, so the first is committed before the second fails
    monkeypatch.setattr(ingest, "STORE_BATCH_DOCUMENTS", 1)
    monkeypatch.setattr(batches, "insert_statements", crash_on_second)
    result = run("ingest", corpus)
    assert result.exit_code == 130
    conn = sqlite3.connect(run.db)
    docs = conn.execute("SELECT id FROM documents").fetchall()
    assert len(docs) == 1  # the first document, whole; the second rolled back
    orphans = conn.execute(
        "SELECT COUNT(*) FROM statements WHERE document_id NOT IN (SELECT id FROM documents)"
    ).fetchone()[0]
    assert orphans == 0
    conn.close()
    monkeypatch.setattr(batches, "insert_statements", real)
    assert run("ingest", corpus).exit_code == 0
    assert counts(run.db)[0] == 3


def _one_error_line(output: str, name: str) -> None:
    lines = [ln for ln in output.splitlines() if ln.startswith("saidwhat: error:")]
    assert lines, output
    assert any(name in ln for ln in lines), lines
    assert "Traceback" not in output


def test_bad_inputs_are_reported_and_the_batch_goes_on(run, corpus, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (bad / "latin1.txt").write_bytes("Le ministre a déclaré".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    result = run("ingest", missing, bad / "empty.txt", bad / "binary.txt", bad / "latin1.txt",
                 corpus / "wire.txt")  # fmt: skip
    assert result.exit_code == 1
    for name in ("missing.txt", "empty.txt", "binary.txt", "latin1.txt"):
        _one_error_line(result.stderr, name)
    assert counts(run.db)[0] == 1  # the good document was still stored


def test_nothing_readable_in_a_folder(run, tmp_path):
    folder = tmp_path / "images"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    result = run("ingest", folder)
    assert result.exit_code == 1
    _one_error_line(result.stderr, "images")


def test_extract_reports_bad_input_and_prints_the_rest(run, corpus, tmp_path):
    missing = tmp_path / "nope.txt"
    result = run("extract", missing, corpus / "wire.txt", "--format", "jsonl", db=False)
    assert result.exit_code == 1
    _one_error_line(result.stderr, "nope.txt")
    assert result.stdout.strip(), "the good file's statements should still be printed"


def test_corrupt_database_is_a_clear_error(run, corpus):
    run.db.write_bytes(b"this is not a database" * 100)
    result = run("ingest", corpus)
    assert result.exit_code == 1
    _one_error_line(result.stderr, str(run.db))
    assert "corrupt" in result.stderr


def test_locked_database_is_a_clear_error(run, corpus, monkeypatch):
    from saidwhat.store import db as dbmod

    _create(run.db)
    locker = sqlite3.connect(run.db, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    real_open = dbmod.open_store
    monkeypatch.setattr(
        dbmod, "open_store", lambda p=None, timeout=5.0, **kw: real_open(p, timeout=0.1, **kw)
    )
    monkeypatch.setattr("saidwhat.cli.main.open_store", dbmod.open_store)
    try:
        result = run("ingest", corpus)
    finally:
        locker.rollback()
        locker.close()
    assert result.exit_code == 1
    _one_error_line(result.stderr, str(run.db))
    assert "locked" in result.stderr


def _create(path) -> None:
    from saidwhat.store.db import open_store

    open_store(path).close()


def test_newer_schema_is_refused(run):
    _create(run.db)
    conn = sqlite3.connect(run.db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = run("stats")
    assert result.exit_code == 1
    assert "upgrade saidwhat" in result.stderr


def test_store_is_wal_with_a_schema_version(run):
    _create(run.db)
    assert run("stats").exit_code == 0
    conn = sqlite3.connect(run.db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    conn.close()


def test_db_from_environment(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from saidwhat.cli.main import cli

    target = tmp_path / "env.db"
    monkeypatch.setenv("SAIDWHAT_DB", str(target))
    missing = CliRunner().invoke(cli, ["stats"])
    assert missing.exit_code == 1 and str(target) in missing.stderr
    _create(target)
    assert CliRunner().invoke(cli, ["stats"]).exit_code == 0


def _all_commands():
    import click

    from saidwhat.cli.main import cli

    def walk(group: click.Group, prefix: tuple[str, ...]):
        for name, command in sorted(group.commands.items()):
            yield (*prefix, name)
            if isinstance(command, click.Group):
                yield from walk(command, (*prefix, name))

    return list(walk(cli, ()))


@pytest.mark.parametrize("command", _all_commands(), ids=" ".join)
def test_every_command_has_help_with_an_example_and_is_documented(command):
    from click.testing import CliRunner

    from saidwhat.cli.main import cli

    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"saidwhat {' '.join(command)} --help has no example"
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert re.search(r"saidwhat (--db \S+ )?" + re.escape(" ".join(command)) + r"\b", readme), (
        f"`saidwhat {' '.join(command)}` is not documented in README.md"
    )
