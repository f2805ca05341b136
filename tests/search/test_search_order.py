"""Search order on a store larger than the rank window: keys, tiers, speaker and dates in FTS.

SQLite keys its full-text index by the statement's day then id
(saidwhat.store.search_sqlite); PostgreSQL walks its day index. Best-first
searches rank the newest ``rank_window`` matches, then list older ones newest
first. These tests use a tiny window so that a few statements cross it.
"""

from __future__ import annotations

import pytest
from search_samples import make_document

from saidwhat.model import Person
from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.store.documents import store_document
from saidwhat.store.search_sqlite import ID_BITS, day_number, key_range

WINDOW = 5
HARBOUR_PEOPLE = [Person("Ilse Varnow"), Person("Tomas Brekke"), Person("Odile Fenn")]
DAYS = ["2025-03-04", "2025-01-15", "2025-03-04", "2024-12-31", "2025-02", "2025-02-10",
        "2025-05-01", "2024-11-30", None, "2025-03-05", "2025-04-20", "2025-01-01"]  # fmt: skip


def _fill(store):
    for i, day in enumerate(DAYS):
        said = []
        for j, person in enumerate(HARBOUR_PEOPLE):
            words = " ".join(["harbour"] * (1 + (i + j) % 3))
            said.append(
                {
                    "mention": person.name,
                    "quote": f"The {words} reopens in stage {i}-{j}, said the port office.",
                    "date": day,
                }
            )
        doc, extraction = make_document(
            f"https://harbour.example/{i}",
            said,
            HARBOUR_PEOPLE,
            outlet="Harbour Post",
            published=None if day is None else (day if len(day) == 10 else f"{day}-28"),
        )
        store_document(store, doc, extraction)
    return store


@pytest.fixture
def harbour(backend_store):
    return _fill(backend_store.open())


def ids(store, window=WINDOW, **kw):
    kw.setdefault("limit", None)
    return [h.id for h in search_statements(store, SearchFilters(**kw), rank_window=window)]


def test_packed_days_sort_as_their_text():
    days = [None, "2024", "2024-01", "2024-01-01", "2024-01-31", "2024-02", "2024-12-31", "2025"]
    assert sorted(days, key=day_number) == days
    assert [day_number(d) for d in days] == sorted({day_number(d) for d in days})
    for since, until in [("2024-01", "2024-01"), ("2024", "2024"), ("2024-01-01", "2024-02")]:
        lo, hi = key_range(since, until)
        for day in days[1:]:
            key = (day_number(day) << ID_BITS) + 7
            by_text = day >= since and day <= until + "~"
            assert (lo <= key <= hi) == by_text, (day, since, until)


def test_sqlite_keys_are_day_then_id(harbour):
    if harbour.is_postgres:
        pytest.skip("the packed key is SQLite's")
    rows = harbour.query("SELECT id, day, search_key FROM statements")
    assert len(rows) == 3 * len(DAYS)
    for sid, day, key in rows:
        assert key == (day_number(day) << ID_BITS) + sid


def test_best_first_ranks_the_newest_window_then_lists_older_ones(harbour):
    newest = ids(harbour, text="harbour", sort="-date")
    assert len(newest) == 3 * len(DAYS)
    hits = search_statements(harbour, SearchFilters(text="harbour", limit=None), rank_window=WINDOW)
    best = [h.id for h in hits]
    assert sorted(best[:WINDOW]) == sorted(newest[:WINDOW])
    assert best[WINDOW:] == newest[WINDOW:]
    ranks = [h.rank for h in hits[:WINDOW]]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1  # best first, and it did rank
    # Pages continue the same order across the window's edge.
    pages = []
    for offset in range(0, len(best), 4):
        pages += ids(harbour, text="harbour", limit=4, offset=offset)
    assert pages == best
    # A page inside the window is the same page as from the whole order.
    assert ids(harbour, text="harbour", limit=3, offset=1) == best[1:4]


def test_without_a_window_every_match_is_ranked(harbour):
    hits = search_statements(harbour, SearchFilters(text="harbour", limit=None), rank_window=None)
    assert len(hits) == 3 * len(DAYS)
    ranks = [h.rank for h in hits]
    assert ranks == sorted(ranks)
    assert [h.id for h in hits[:3]] == ids(harbour, window=None, text="harbour", limit=3)


@pytest.mark.parametrize("sort", ["rank", "date", "-date"])
def test_text_with_speaker_and_dates_is_the_text_search_narrowed(harbour, sort):
    everything = search_statements(
        harbour, SearchFilters(text="harbour", sort=sort, limit=None), rank_window=None
    )
    by_brekke = [h.id for h in everything if h.person == "Tomas Brekke"]
    assert ids(harbour, None, text="harbour", speaker="Brekke", sort=sort) == by_brekke
    dated = [h.id for h in everything if h.day and "2025-02" <= h.day <= "2025-03-04~"]
    assert len(dated) == 4 * 3
    assert ids(harbour, None, text="harbour", since="2025-02", until="2025-03-04", sort=sort) == (
        dated
    )
    newest = [h.id for h in everything if h.person == "Tomas Brekke" and h.day and h.day >= "2025"]
    both = ids(harbour, None, text="harbour", speaker="Tomas Brekke", since="2025", sort=sort)
    assert both == newest


def test_words_never_match_the_speaker_tokens(harbour):
    pid = harbour.query("SELECT id FROM people WHERE name = 'Ilse Varnow'")[0][0]
    assert ids(harbour, text=f"person{pid}") == []
    assert len(ids(harbour, text="harbour", speaker="Ilse Varnow")) == len(DAYS)


def test_the_index_follows_edits_merges_and_deletes(harbour):
    before = ids(harbour, text="harbour", sort="-date")
    (oldest,) = harbour.query("SELECT id FROM statements WHERE day = '2024-11-30' LIMIT 1")[0:1]
    with harbour.transaction() as conn:
        conn.execute("UPDATE statements SET date = '2026-01-01' WHERE id = ?", (oldest[0],))
    after = ids(harbour, text="harbour", sort="-date")
    assert after[0] == oldest[0] and sorted(after) == sorted(before)
    keep, other = (
        harbour.query("SELECT id FROM people WHERE name = ?", (n,))[0][0]
        for n in ("Ilse Varnow", "Odile Fenn")
    )
    harbour.registry.merge(keep, other)
    assert len(ids(harbour, text="harbour", speaker="Ilse Varnow")) == 2 * len(DAYS)
    with harbour.transaction() as conn:
        conn.execute("DELETE FROM documents WHERE ref = 'https://harbour.example/0'")
    assert len(ids(harbour, text="harbour")) == 3 * len(DAYS) - 3
    if not harbour.is_postgres:
        _check_index_in_step(harbour)


def _check_index_in_step(store):
    """Every statement is in the FTS index once, at its key, with its words and speaker."""
    rows = store.query("SELECT id, search_key, quote, person_id FROM statements")
    (indexed,) = store.query("SELECT COUNT(*) FROM statements_fts_docsize")[0]
    assert indexed == len(rows)
    for sid, key, quote, pid in rows:
        match = f'quote : "{quote.split()[1]}" AND speaker_ref : "person{pid}"'
        found = store.query(
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? AND rowid = ?",
            (match, key),
        )
        assert [r[0] for r in found] == [key], (sid, quote)


def test_a_stale_index_is_caught(harbour):
    if harbour.is_postgres:
        pytest.skip("the FTS5 index is SQLite's")
    _check_index_in_step(harbour)
    harbour.conn.execute("DROP TRIGGER statements_au")
    harbour.conn.execute("UPDATE statements SET person_id = NULL WHERE id = 1")
    with pytest.raises(AssertionError):
        _check_index_in_step(harbour)


@pytest.mark.parametrize("factor", [1, 2, 4])
def test_the_window_looked_for_in_recent_days_first_is_the_same(harbour, monkeypatch, factor):
    """PostgreSQL first looks among the newest factor x window statements (then all)."""
    from saidwhat.store import search_postgres

    whole = ids(harbour, text="harbour", limit=WINDOW)
    monkeypatch.setattr(search_postgres, "CUTOFF_FACTOR", factor)
    assert ids(harbour, text="harbour", limit=WINDOW) == whole
    assert ids(harbour, text="harbour", kind="direct", limit=3) == whole[:3]
    rare = ids(harbour, text='"stage 3-1"', limit=WINDOW)
    assert len(rare) == 1  # fewer matches than the window: every match is read


WINDOW_QUERIES = ["harbour", "harbour AND reopens", '"stage 3-1"', "harbour NOT office",
                  "(harbour AND stage) OR port"]  # fmt: skip


@pytest.mark.parametrize(
    "strategy",
    [
        {},  # as chosen from the sample (on this small store: testing the newest rows)
        {"WALK_MARGIN": 0.01},  # a walk too short for the window: every match is read
        {"WALK_MAX": 0},  # the index search, recent days first
        {"WALK_MAX": 0, "cut_worthwhile": lambda found, window: False},  # the index alone
    ],
    ids=["walk", "short-walk", "index", "index-no-cut"],
)
def test_every_way_to_find_the_window_gives_the_same_rows(harbour, monkeypatch, strategy):
    """PostgreSQL picks how it finds the window from a sample; SQLite has one way."""
    from saidwhat.store import search_postgres

    for query in WINDOW_QUERIES:
        newest = ids(harbour, text=query, sort="-date")
        whole = ids(harbour, text=query, limit=WINDOW)
        assert sorted(whole) == sorted(newest[:WINDOW]), query
        for name, value in strategy.items():
            monkeypatch.setattr(search_postgres, name, value)
        assert ids(harbour, text=query, limit=WINDOW) == whole, query
        assert ids(harbour, text=query, limit=3, offset=1) == whole[1:4], query
        monkeypatch.undo()


def test_several_words_are_one_index_test_on_postgres():
    """Words ANDed are first tested together over every column (one GIN scan)."""
    from saidwhat.store.fts_postgres import ALL_VECTORS, compile_query

    both = compile_query('harbour AND "stage 3" NOT office')
    assert both.prefilter is not None and both.prefilter.startswith(f"({ALL_VECTORS} @@")
    assert both.prefilter.count("?") == len(both.prefilter_params)
    # The exact test follows over expressions no per-column index answers.
    assert "COALESCE(s.fts, ''::tsvector) @@" in both.prefilter
    assert "plainto_tsquery" in both.prefilter  # the phrase's words, in any order
    for single in ["harbour", '"stage 3"', "harbour OR office", "harbour NOT office"]:
        assert compile_query(single).prefilter is None, single
