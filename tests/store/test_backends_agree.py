"""Same answers everywhere: the demo corpus ingested into SQLite and into PostgreSQL.

The real ``ingest`` runs once into each backend (the clock is fixed, so the
stored ``ingested_at`` is the same); then 20 canned searches must return the
same statement ids, and exports, a dossier, a watch feed and the registry must
be byte for byte the same.
"""

from __future__ import annotations

import re

import pytest

from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.store.db import open_store

#: (filters, compare the order too). Rank orders may differ between bm25 and
#: ts_rank, so rank-sorted searches are compared as sets; date orders exactly.
CANNED: list[tuple[dict, bool]] = [
    ({"text": "agreement"}, False),
    ({"text": "minister"}, False),
    ({"text": '"foreign minister"'}, False),
    ({"text": "border*"}, False),
    ({"text": "border AND crossing"}, False),
    ({"text": "talks OR negotiations"}, False),
    ({"text": "agreement NOT senate"}, False),
    ({"text": "(agreement OR crossing) AND minister"}, False),
    ({"text": "Ostrikov", "sort": "date"}, True),
    ({"speaker": "Sergey Ostrikov"}, True),
    ({"speaker": "Hallen", "sort": "date"}, True),
    ({"org": "ministry"}, True),
    ({"role": "senator"}, True),
    ({"kind": "indirect", "sort": "date"}, True),
    ({"source": "northwire"}, True),
    ({"since": "2026-05-13", "until": "2026-06"}, True),
    ({"about": "Ostrikov"}, False),
    ({"sort": "-date", "limit": 25, "offset": 10}, True),
    ({"text": "agree*", "since": "2026-05-12", "sort": "-date"}, True),
    ({"text": "agree*", "kind": "direct", "sort": "date"}, True),
]


@pytest.fixture(scope="module")
def ingested(demo_stores):
    """The demo corpus in each backend (tests/backends.py), ingested once per session."""
    return demo_stores


@pytest.mark.parametrize("filters, ordered", CANNED, ids=lambda v: str(v))
def test_canned_searches_return_the_same_statements(ingested, filters, ordered):
    found = {}
    for backend, target in ingested.items():
        with open_store(target, write=False) as store:
            kw = {"limit": None, **filters}
            found[backend] = [h.id for h in search_statements(store, SearchFilters(**kw))]
    assert found["sqlite"], f"{filters} finds nothing; the comparison would be empty"
    if ordered:
        assert found["postgres"] == found["sqlite"]
    else:
        assert sorted(found["postgres"]) == sorted(found["sqlite"])


@pytest.mark.parametrize(
    "command",
    [
        ("export", "--format", "jsonl", "-o", "-"),
        ("export", "--format", "csv", "-o", "-"),
        ("quotes", "--speaker", "Dunmore", "--format", "json"),
        ("speakers", "--format", "csv"),
        ("speakers", "export"),
        ("speakers", "show", "Sergey Ostrikov", "--format", "json"),
        ("watch", "feed", "ostrikov"),
        ("stats", "--format", "json"),
        ("show", "3", "--format", "json"),
        ("quotes", "agreement", "--sort", "date", "--format", "jsonl"),
    ],
    ids=" ".join,
)
def test_commands_print_the_same_bytes(ingested, make_cli, command):
    out = {}
    for backend, target in ingested.items():
        result = make_cli(target)(*command)
        assert result.exit_code == 0, result.output
        out[backend] = result.stdout
    if command[0] == "stats":  # the size on disk is each backend's own
        out = {k: re.sub(r'"size_bytes": \d+', "", v) for k, v in out.items()}
    assert out["postgres"] == out["sqlite"]


def test_dossiers_are_the_same(ingested, make_cli, tmp_path):
    files = {}
    for backend, target in ingested.items():
        files[backend] = tmp_path / f"{backend}.md"
        result = make_cli(target)(
            "dossier", "--title", "Reactions", "--about", "Ostrikov", "-o", files[backend]
        )
        assert result.exit_code == 0, result.output
    assert files["postgres"].read_bytes() == files["sqlite"].read_bytes()


def test_copy_moves_a_store_both_ways(ingested, make_cli, pg_server, tmp_path):
    """SQLite -> a new PostgreSQL database -> a new SQLite file: the export is unchanged."""
    name = pg_server.create()
    try:
        pg = pg_server.url_of(name)
        back = tmp_path / "back.db"
        assert (
            make_cli(tmp_path / "x.db")("copy", "--from", ingested["sqlite"], "--to", pg).exit_code
            == 0
        )
        assert make_cli(tmp_path / "x.db")("copy", "--from", pg, "--to", back).exit_code == 0
        export = ("export", "--format", "jsonl", "-o", "-")
        original = make_cli(ingested["sqlite"])(*export).stdout
        assert original
        assert make_cli(pg)(*export).stdout == original
        assert make_cli(back)(*export).stdout == original
        # Search works on the copies (FTS filled on SQLite, tsvector on PostgreSQL).
        for target in (pg, str(back)):
            with open_store(target, write=False) as store:
                assert search_statements(store, SearchFilters(text="agreement"))
        again = make_cli(tmp_path / "x.db")("copy", "--from", ingested["sqlite"], "--to", pg)
        assert again.exit_code == 1 and "empty" in again.stderr
    finally:
        pg_server.drop(name)
