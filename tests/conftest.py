"""Fixtures shared by the whole suite: the real CLI against real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_DISPATCH = SHARED / "samples" / "reactions-dispatch-2017-05.txt"

# Store fixtures on SQLite and PostgreSQL (backend_store, both_stores, pg_server).
pytest_plugins = ["backends"]


class Cli:
    """Runs `saidwhat` in-process (the spaCy model stays loaded between calls)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, db: bool = True):
        from saidwhat.cli.main import cli

        argv = (["--db", str(self.db)] if db else []) + [str(a) for a in args]
        return self.runner.invoke(cli, argv, catch_exceptions=False)

    def jsonl(self, *args: str) -> list[dict]:
        result = self(*args, "--format", "jsonl")
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def run(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "test.db")


@pytest.fixture(scope="session")
def make_cli():
    """``make_cli(db_path)``: a CLI runner on another database (for wider-scoped fixtures)."""
    return Cli
