"""Issue 13 item 7: read-only and mistyped databases.

Root ignores file permissions, so when the suite runs as root the read-only
file or folder is made immutable with ``chattr +i`` (which binds root too).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "search"))

from search_samples import fill_sample

from saidwhat.errors import StoreError
from saidwhat.store.db import open_store

READ_COMMANDS = [
    ("quotes", "visit"),
    ("speakers",),
    ("stats",),
    ("show", "1"),
    ("export", "-o", "-"),
    ("watch", "list"),
    ("feeds", "list"),
    ("speakers", "show", "Lavrov"),
]


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make ``paths`` unwritable for this process, even when it runs as root."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(modes[p] & ~0o222)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"running as root and chattr +i fails here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True)


def _one_error(result, name: str) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("saidwhat: error: "), lines[0]
    assert name in lines[0], lines[0]
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    path = folder / "desk.db"
    fill_sample(open_store(path)).close()
    return path


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_a_read_command_refuses_a_missing_database(make_cli, tmp_path, command):
    typo = tmp_path / "typo.db"
    result = make_cli(typo)(*command)
    assert result.exit_code == 1
    line = _one_error(result, str(typo))
    assert "no such database" in line
    assert not typo.exists(), "a read command created the database"


def test_open_store_for_reading_does_not_create(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "none.db", write=False)
    assert not (tmp_path / "none.db").exists()


def test_a_database_in_a_read_only_folder_can_be_searched(make_cli, sample_db):
    run = make_cli(sample_db)
    with read_only(sample_db, sample_db.parent):
        result = run("quotes", "visit", "--format", "jsonl")
        assert result.exit_code == 0, result.output
        assert len(result.stdout.splitlines()) >= 1
        assert run("stats").exit_code == 0
        assert run("speakers").exit_code == 0


def test_reading_leaves_a_read_only_database_unchanged(sample_db):
    before = sample_db.read_bytes()
    with read_only(sample_db, sample_db.parent):
        store = open_store(sample_db, write=False)
        assert store.readonly
        assert store.query("SELECT COUNT(*) FROM statements")[0][0] > 0
        with pytest.raises(StoreError, match="read-only"):
            store.watchlists.save("x", "{}", replace=False)
        store.close()
    assert sample_db.read_bytes() == before


def test_ingest_into_a_read_only_database_fails_before_the_model_loads(
    make_cli, sample_db, tmp_path, monkeypatch
):
    import saidwhat.extraction

    def no_model(*a, **kw):
        raise AssertionError("the model was loaded before the write check")

    monkeypatch.setattr(saidwhat.extraction, "Extractor", no_model)
    doc = tmp_path / "a.txt"
    doc.write_text('"We will wait," said Minister Ilse Vantor.', encoding="utf-8")
    with read_only(sample_db):
        result = make_cli(sample_db)("ingest", str(doc))
    assert result.exit_code == 1
    line = _one_error(result, str(sample_db))
    assert "read-only" in line


def test_a_write_command_in_a_read_only_folder_names_the_folder(make_cli, sample_db):
    with read_only(sample_db.parent):
        result = make_cli(sample_db)("speakers", "merge", "Sergey Lavrov", "Lavrov")
    assert result.exit_code == 1
    line = _one_error(result, str(sample_db))
    assert "folder" in line and "read-only" in line


@pytest.mark.parametrize(
    "command",
    [("watch", "add", "w", "--speaker", "Lavrov"), ("speakers", "import", "missing.csv")],
    ids=" ".join,
)
def test_write_commands_on_a_read_only_file_are_a_clear_error(make_cli, sample_db, command):
    with read_only(sample_db):
        result = make_cli(sample_db)(*command)
    assert result.exit_code == 1
    assert "read-only" in _one_error(result, str(sample_db))


def test_a_read_command_on_a_missing_postgres_database_names_it(make_cli, pg_server):
    url = pg_server.url_of("saidwhat_test_no_such_db")
    result = make_cli(url)("quotes", "visit")
    assert result.exit_code == 1
    line = _one_error(result, "saidwhat_test_no_such_db")
    assert "cannot connect" in line
    password = urlsplit(url).password
    assert not password or f":{password}@" not in line, "the password was printed"


def test_an_empty_postgres_database_is_not_a_store_for_reading(make_cli, pg_server):
    name = pg_server.create()
    try:
        result = make_cli(pg_server.url_of(name))("quotes", "visit")
        assert result.exit_code == 1
        assert "no saidwhat database" in _one_error(result, name)
    finally:
        pg_server.drop(name)


def test_postgres_opened_for_reading_refuses_writes(both_stores):
    maker = both_stores("postgres")
    store = maker.open(sample=True, write=False)
    with pytest.raises(StoreError, match="read-only"):
        store.watchlists.save("x", "{}", replace=False)
    # Below the store's own check, the server refuses too.
    with pytest.raises(store.errors):
        store.conn.execute(
            "INSERT INTO watchlists (name, filters, created_at) VALUES ('x', '{}', 'now')"
        )


def test_ingest_into_a_read_only_postgres_session_fails_before_the_model_loads(
    make_cli, both_stores, tmp_path, monkeypatch
):
    import saidwhat.extraction

    def no_model(*a, **kw):
        raise AssertionError("the model was loaded before the write check")

    monkeypatch.setattr(saidwhat.extraction, "Extractor", no_model)
    url = both_stores("postgres").target(sample=True)
    read_only_url = url + "?options=-c%20default_transaction_read_only%3Don"
    doc = tmp_path / "a.txt"
    doc.write_text('"We will wait," said Minister Ilse Vantor.', encoding="utf-8")
    result = make_cli(read_only_url)("ingest", str(doc))
    assert result.exit_code == 1
    assert "read-only" in _one_error(result, "saidwhat_test_")


def test_a_read_command_upgrades_an_older_writable_database_first(make_cli, tmp_path):
    import sqlite3

    from saidwhat.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(MIGRATIONS[0].sqlite)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    result = make_cli(path)("stats", "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"schema_version": ' + str(len(MIGRATIONS)) in result.stdout


def test_an_older_database_that_cannot_be_upgraded_is_a_clear_error(make_cli, tmp_path):
    import sqlite3

    from saidwhat.store.migrations import MIGRATIONS

    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(MIGRATIONS[0].sqlite)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with read_only(path, folder):
        result = make_cli(path)("quotes", "x")
    assert result.exit_code == 1
    assert "cannot be upgraded" in _one_error(result, str(path))
