"""The desk's library parts: facet counts, charts, download paths, drafts, feed health."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from saidwhat.errors import QueryError, UsageError
from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.store.db import open_store
from saidwhat.store.desk import feed_health
from saidwhat.store.facets import facets_and_timeline
from saidwhat.web.base import contained
from saidwhat.web.charts import bar_chart, fill_gaps
from saidwhat.web.drafts import move_section, move_statement, ordered_dossier


@pytest.fixture(scope="module")
def store(desk_db):
    s = open_store(desk_db)
    yield s
    s.close()


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"text": "border OR crossing"},
        {"speaker": "Ostrikov"},
        {"kind": "direct", "since": "2026-05", "until": "2026-06"},
        {"source": "Northwire", "about": "Hallen"},
        {"language": "en", "org": "ministry"},
        {"country": "nowhere"},
        {"event": "agree"},
        {"text": "talks OR agreement", "event": "CONSULT"},
    ],
)
def test_facet_counts_agree_with_the_search(store, filters):
    f = SearchFilters(**filters, limit=None)
    hits = search_statements(store, f)
    facets = facets_and_timeline(store, SearchFilters(**filters), period="day")
    assert facets.total == len(hits)
    assert sum(n for _, n in facets.timeline) == sum(1 for h in hits if h.day)
    kinds = {fv.value: fv.count for fv in facets.facets["kind"]}
    for kind, n in kinds.items():
        assert n == sum(1 for h in hits if h.kind == kind)
    for fv in facets.facets["speaker"]:
        assert fv.count == sum(1 for h in hits if f"#{h.person_id}" == fv.value)
    ids = {h.id for h in hits}
    for fv in facets.facets["event"]:
        coded = {r[0] for r in store.query(
            "SELECT statement_id FROM events WHERE event = ?", (fv.value,))}  # fmt: skip
        assert fv.count == len(ids & coded) > 0


def test_event_type_facet_narrows_to_its_statements(store):
    facets = facets_and_timeline(store, SearchFilters())
    events = facets.facets["event"]
    assert events, "the demo corpus codes events in its statements"
    fv = events[0]
    narrowed = search_statements(store, SearchFilters(event=fv.value, limit=None))
    assert len(narrowed) == fv.count
    with pytest.raises(QueryError, match="unknown event type"):
        SearchFilters(event="HUG").validate()


def test_large_match_sets_are_counted_on_a_sample(store, monkeypatch):
    import saidwhat.store.facets as facets_module

    exact = facets_and_timeline(store, SearchFilters(), period="month")
    monkeypatch.setattr(facets_module, "EXACT_MAX", 20)
    monkeypatch.setattr(facets_module, "SAMPLE_TARGET", 30)
    monkeypatch.setattr(facets_module, "_CACHE", type(facets_module._CACHE)())
    sampled = facets_and_timeline(store, SearchFilters(), period="month")
    assert sampled.total == exact.total  # the total stays exact
    assert sampled.estimated and sampled.sample_every == -(-exact.total // 30)
    k = sampled.sample_every
    ids = [h.id for h in search_statements(store, SearchFilters(limit=None))]
    assert sum(n for _, n in sampled.timeline) == k * sum(1 for i in ids if i % k == 0)
    assert not exact.estimated


@pytest.mark.parametrize("filters", [{"source": "Northwire"}, {"kind": "direct", "text": "the"}])
def test_row_filters_are_counted_on_a_sample_of_ids(store, monkeypatch, filters):
    """Filters no index answers: every k-th statement by id, denser until enough match."""
    import saidwhat.store.facets as facets_module

    hits = search_statements(store, SearchFilters(**filters, limit=None))
    monkeypatch.setattr(facets_module, "_CACHE", type(facets_module._CACHE)())
    monkeypatch.setattr(facets_module, "EXACT_MAX", 10)
    monkeypatch.setattr(facets_module, "SAMPLE_TARGET", 10)
    monkeypatch.setattr(facets_module, "PROBE_GROWTH", 2)
    monkeypatch.setattr(facets_module, "PROBE_MIN_STEP", 2)
    monkeypatch.setattr(facets_module, "PROBE_MIN_MATCHES", 4)
    got = facets_and_timeline(store, SearchFilters(**filters), period="day")
    k = got.sample_every
    sampled = [h for h in hits if h.id % k == 0]
    assert got.total_estimated and k > 1 and len(sampled) >= 4
    assert got.total == k * len(sampled)
    assert sum(n for _, n in got.timeline) == k * sum(1 for h in sampled if h.day)
    # Too few matches in any sample: every row is read, and the counts are exact.
    monkeypatch.setattr(facets_module, "PROBE_MIN_MATCHES", 10_000)
    monkeypatch.setattr(facets_module, "_CACHE", type(facets_module._CACHE)())
    exact = facets_and_timeline(store, SearchFilters(**filters), period="day")
    assert exact.total == len(hits) and not exact.estimated and not exact.total_estimated


def test_a_facet_value_narrows_to_its_count(store):
    facets = facets_and_timeline(store, SearchFilters(text="border"))
    for name, field in (("speaker", "speaker"), ("kind", "kind"), ("source", "source")):
        fv = facets.facets[name][0]
        narrowed = SearchFilters(text="border", **{field: fv.value}, limit=None)
        assert len(search_statements(store, narrowed)) == fv.count, (name, fv)


def test_cached_facets_follow_a_commit(tmp_path, desk_db):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(desk_db, db)
    s = open_store(db)
    before = facets_and_timeline(s, SearchFilters(kind="qa"))
    with s.transaction() as conn:
        conn.execute("UPDATE statements SET kind = 'qa' WHERE kind = 'direct'")
    after = facets_and_timeline(s, SearchFilters(kind="qa"))
    direct = len(search_statements(s, SearchFilters(kind="qa", limit=None)))
    assert after.total == direct > before.total
    s.close()


def test_week_and_month_periods_add_up(store):
    by = {
        p: facets_and_timeline(store, SearchFilters(), period=p) for p in ("day", "week", "month")
    }
    totals = {p: sum(n for _, n in f.timeline) for p, f in by.items()}
    assert len(set(totals.values())) == 1
    assert all(
        datetime.fromisoformat(w).weekday() == 0 for w, _ in by["week"].timeline
    )  # weeks are named by their Monday


def test_weeks_and_months_add_up_as_the_database_names_them(store):
    from saidwhat.store import dialect
    from saidwhat.store.facets import roll_up

    days = [("2026-05-31", 1), ("2026-06-01", 2), ("2026-06-07", 4), ("2026-06-08", 8),
            ("2026-06", 16), ("2025-12-31", 32), ("2026-03-02", 64)]  # fmt: skip
    for period, sql in (("week", dialect.week_start), ("month", dialect.month_of)):
        expected: dict = {}
        for day, n in days:
            (name,) = store.conn.execute(f"SELECT {sql(store, '?')}", (day,)).fetchone()
            if name is not None:
                expected[name] = expected.get(name, 0) + n
        assert roll_up(days, period) == sorted(expected.items()), period
    assert roll_up(days, "day") == days


def test_switching_the_chart_period_is_answered_from_the_cache(store, monkeypatch):
    import saidwhat.store.facets as facets_module

    monkeypatch.setattr(facets_module, "_CACHE", type(facets_module._CACHE)())
    calls = []
    real = facets_module._compute
    monkeypatch.setattr(facets_module, "_compute", lambda *a: calls.append(1) or real(*a))
    f = SearchFilters(text="border OR crossing")
    by = {p: facets_and_timeline(store, f, period=p) for p in ("month", "week", "day")}
    assert len(calls) == 1
    assert by["day"].timeline and by["week"].period == "week"
    assert by["month"].timeline != by["day"].timeline


def test_a_speaker_with_many_statements_is_sampled_too(store, monkeypatch):
    import saidwhat.store.facets as facets_module

    f = SearchFilters(speaker="Ostrikov")
    exact = facets_and_timeline(store, f)
    monkeypatch.setattr(facets_module, "EXACT_MAX", 3)
    monkeypatch.setattr(facets_module, "SAMPLE_TARGET", 2)
    monkeypatch.setattr(facets_module, "_CACHE", type(facets_module._CACHE)())
    sampled = facets_and_timeline(store, f)
    assert exact.total > 3 and sampled.total == exact.total and sampled.estimated
    assert not exact.estimated


def test_chart_fills_missing_periods_with_zero():
    assert fill_gaps([("2026-01", 2), ("2026-04", 1)], "month") == [
        ("2026-01", 2), ("2026-02", 0), ("2026-03", 0), ("2026-04", 1),
    ]  # fmt: skip
    weeks = fill_gaps([("2026-05-04", 1), ("2026-05-25", 3)], "week")
    assert [w for w, _ in weeks] == ["2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25"]
    chart = bar_chart([("2026-05-01", 4), ("2026-05-03", 2)], "day")
    assert [b.count for b in chart.bars] == [4, 0, 2] and chart.max_count == 4
    tallest = max(chart.bars, key=lambda b: b.height)
    assert tallest.y == pytest.approx(0) and chart.bars[1].height == 0


def test_downloads_cannot_leave_their_folder(tmp_path):
    assert contained(tmp_path, "a.csv") == (tmp_path / "a.csv").resolve()
    for bad in ("../a.csv", "/etc/passwd", "sub/a.csv", "..", "", "."):
        with pytest.raises(UsageError):
            contained(tmp_path, bad)


def test_draft_moves_keep_every_statement():
    speaker = {1: "A", 2: "B", 3: "A", 4: "C"}
    assert move_statement([1, 2, 3, 4], speaker, 3, -1) == [3, 1, 2, 4]
    assert move_statement([1, 3, 2, 4], speaker, 1, -1) == [1, 3, 2, 4]  # already first
    assert move_section([1, 3, 2, 4], speaker, 4, -1) == [1, 3, 4, 2]
    assert move_section([1, 3, 2, 4], speaker, 1, 1) == [2, 1, 3, 4]


def test_ordered_dossier_follows_the_draft_and_renumbers_citations(store):
    hits = search_statements(store, SearchFilters(text="crossing", limit=6))
    hits = list(reversed(hits))
    dossier = ordered_dossier(hits, "T", "intro")
    assert dossier.description == "intro"
    order = [q.statement_id for s in dossier.sections for q in s.quotes]
    firsts = [s.quotes[0].statement_id for s in dossier.sections]
    ids = [h.id for h in hits]
    assert firsts == sorted(firsts, key=ids.index)
    assert sorted(order) == sorted(ids)
    numbers = [q.citation for s in dossier.sections for q in s.quotes]
    assert numbers == list(range(1, len(ids) + 1))
    assert [c.statement_id for c in dossier.citations] == order


def test_feed_health_warns_only_when_silent_beyond_the_usual_interval(tmp_path):
    s = open_store(tmp_path / "f.db")
    now = datetime(2026, 6, 1, tzinfo=UTC)
    with s.transaction() as conn:
        for fid, url in ((1, "https://a.example/rss"), (2, "https://b.example/rss")):
            conn.execute(
                "INSERT INTO feeds (id, url, added_at) VALUES (?, ?, ?)",
                (fid, url, (now - timedelta(days=60)).isoformat()),
            )
        conn.execute("INSERT INTO feeds (id, url, added_at) VALUES (3, 'https://c.example', ?)",
                     ((now - timedelta(hours=2)).isoformat(),))  # fmt: skip
        # Feed 1: hourly until 2 hours ago (fine). Feed 2: hourly until 3 days ago (silent).
        for fid, last_h in ((1, 2), (2, 72)):
            for i in range(10):
                t = now - timedelta(hours=last_h + i)
                conn.execute(
                    "INSERT INTO feed_entries (feed_id, entry_id, status, seen_at)"
                    " VALUES (?, ?, 'ingested', ?)",
                    (fid, f"e{i}", t.isoformat()),
                )
    health = feed_health(s, now=now)
    assert health[1].warning is None
    assert health[2].warning == "silent for 3 days; it usually brings something every 1 h"
    assert health[2].usual_interval_h == pytest.approx(1.0)
    assert health[3].warning is None  # added 2 hours ago: too early to tell
    later = feed_health(s, now=now + timedelta(days=2))
    assert later[3].warning == "nothing received since it was added 2 days ago"
    s.close()
