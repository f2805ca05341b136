"""The event commands on PostgreSQL: dates compared in byte order, as on SQLite.

Runs on the demo corpus ingested into both backends (``demo_stores`` in
tests/backends.py; skipped locally without ``$SAIDWHAT_TEST_PG``, run in CI).
"""

from __future__ import annotations

import json

BACKENDS = ("sqlite", "postgres")


def _events(cli, *args: str) -> list[dict]:
    result = cli("events", *args, "--limit", "1000", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_an_until_month_includes_its_days_on_both_backends(demo_stores, make_cli):
    out = {}
    for backend in BACKENDS:
        cli = make_cli(demo_stores[backend])
        # "--until 2026-06" is every day of June: under a database locale such as
        # en_US, '2026-06-15' <= '2026-06~' is false (punctuation is ignored)
        june = _events(cli, "--since", "2026-06", "--until", "2026-06")
        assert june and all(e["date"].startswith("2026-06") for e in june), backend
        out[backend] = june
        everything = _events(cli)
        assert len(everything) > len(june)
    assert out["postgres"] == out["sqlite"]


def _without_row_ids(events: list[dict]) -> list[dict]:
    # a recode deletes and inserts the rows again: everything but the row id must agree
    return [{k: v for k, v in e.items() if k != "id"} for e in events]


def test_recode_on_postgres_gives_the_events_ingest_stored(demo_stores, make_cli):
    cli = make_cli(demo_stores.copy("postgres"))
    before = _without_row_ids(_events(cli))
    assert before
    for _ in range(2):
        result = cli("events", "--recode", "--limit", "1")
        assert result.exit_code == 0, result.output
        assert _without_row_ids(_events(cli)) == before
