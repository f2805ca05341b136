"""What the CLI says: one line per error, no third-party noise, plurals, Ctrl-C, show, CSV columns."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from saidwhat.cli.main import _configure_logging, cli
from saidwhat.model import Document
from saidwhat.store.db import open_store
from saidwhat.store.documents import store_document

STORY = """Ferry talks resume

PORT ALDER, May 6, 2026 - "We expect the channel to be open for the spring fleet," said harbour
master Oskar Lindqvist on Wednesday.
"""


def saidwhat(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("saidwhat")
    env = {k: v for k, v in os.environ.items() if k != "SAIDWHAT_DB"}
    return subprocess.run(
        [str(exe), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def test_an_unreadable_input_is_one_line_not_two(tmp_path):
    result = saidwhat("--db", "x.db", "ingest", "missing.txt", "javascript:alert(1)", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "saidwhat: error: missing.txt: no such file or folder; check the path",
        "saidwhat: error: javascript:alert(1): the javascript: scheme is not supported; "
        "give a local path (without file://) or an http(s) URL",
    ]
    assert "0 documents read, 0 stored" in result.stdout and "2 errors" in result.stdout


def test_third_party_loggers_are_silent_unless_verbose(capsys):
    root = logging.getLogger()
    level = root.level
    try:
        _configure_logging(0, False)
        logging.getLogger("trafilatura.core").error("discarding data: None")
        logging.getLogger("htmldate.core").warning("date not found")
        logging.getLogger("saidwhat.sources.encoding").warning("a.html: 1 byte replaced")
        assert capsys.readouterr().err == "saidwhat: warning: a.html: 1 byte replaced\n"
        _configure_logging(1, False)
        logging.getLogger("trafilatura.core").error("discarding data: None")
        assert "trafilatura.core: discarding data" in capsys.readouterr().err
    finally:
        for h in [h for h in root.handlers if getattr(h, "_saidwhat", False)]:
            root.removeHandler(h)
        root.setLevel(level)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ferry.txt").write_text(STORY, encoding="utf-8")
    (folder / "pier.txt").write_text(STORY.replace("Ferry", "Pier"), encoding="utf-8")
    return folder


def test_plurals_and_ctrl_c_says_what_was_kept(tmp_path, corpus, monkeypatch):
    import saidwhat.ingest as ingest

    runner = CliRunner()
    db = str(tmp_path / "m.db")
    one = runner.invoke(cli, ["--db", db, "ingest", str(corpus / "ferry.txt")])
    assert one.exit_code == 0, one.output
    assert re.search(
        r"1 document read, 1 stored \((1 statement|[02-9]\d* statements)\)", one.stdout
    )
    assert "0 errors" in one.stdout and "0 near-duplicates" in one.stdout

    import saidwhat.scale.storing as storing

    real = storing.store_batch
    calls = {"n": 0}

    def interrupt_second(*args, **kwargs):  # Ctrl-C while the second document is stored
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest, "STORE_BATCH_DOCUMENTS", 1)
    monkeypatch.setattr(storing, "store_batch", interrupt_second)
    (corpus / "third.txt").write_text(STORY.replace("Ferry", "Quay"), encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(tmp_path / "n.db"), "ingest", str(corpus)])
    assert result.exit_code == 130
    assert re.fullmatch(
        r"saidwhat: interrupted; 1 new document stored before it \(\d+ statements?\) is kept; "
        r"run the same command again to go on \(stored documents are skipped\)",
        result.stderr.strip(),
    ), result.stderr


def test_show_accepts_any_spelling_of_the_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = open_store(tmp_path / "s.db")
    store_document(store, Document(text=STORY, ref="corpus/ferry.txt", title="Ferry"), None)
    store.close()
    runner = CliRunner()
    for spelling in ("corpus/ferry.txt", "./corpus/ferry.txt", "corpus//ferry.txt",
                     str(tmp_path / "corpus" / "ferry.txt"), "corpus/../corpus/ferry.txt"):  # fmt: skip
        result = runner.invoke(cli, ["--db", "s.db", "show", spelling])
        assert result.exit_code == 0, (spelling, result.output)
        assert "title: Ferry" in result.stdout
    missing = runner.invoke(cli, ["--db", "s.db", "show", "corpus/pier.txt"])
    assert missing.exit_code == 1
    assert "`saidwhat quotes --format csv` lists each statement's doc" in missing.stderr
    # ... and that command does show ids.
    header = runner.invoke(cli, ["--db", "s.db", "quotes", "--format", "csv"]).stdout
    assert header.startswith("doc,") and ",doc_id," in header


def test_extract_csv_has_a_doc_column(corpus):
    result = CliRunner().invoke(cli, ["extract", str(corpus / "ferry.txt"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["doc"] == str(corpus / "ferry.txt")
    assert "spring fleet" in row["quote"] and row["quote_start"].isdigit()


def test_the_ingest_total_is_known_for_plain_files(corpus, tmp_path):
    from saidwhat.cli.ingest_cmds import _progress
    from saidwhat.ingest import IngestReport
    from saidwhat.sources import count_documents

    assert count_documents([str(corpus), str(corpus / "ferry.txt")]) == 3
    (tmp_path / "posts.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    assert count_documents([str(corpus), str(tmp_path / "posts.jsonl")]) is None
    assert count_documents(["https://example.org/a.html"]) is None
    with _progress(True, 3) as (update, _section):
        update(IngestReport(documents=1, statements=1))  # a bar with M/N and ETA columns


def test_an_unexpected_error_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    import saidwhat.store.inspect as inspect

    def broken(store):
        raise TypeError("unsupported operand")

    open_store(tmp_path / "e.db").close()  # read commands refuse a missing database
    monkeypatch.setattr(inspect, "store_stats", broken)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "e.db"), "stats"])
    assert result.exit_code == 70
    assert result.stderr.splitlines() == [
        "saidwhat: error: internal error (TypeError: unsupported operand); "
        "rerun with -vv for the details and please report it"
    ]
