"""The desk, its facets and the events commands on both backends, over the demo corpus.

The demo corpus is ingested once per session into SQLite and into PostgreSQL
(``demo_stores`` in tests/backends.py). Facet counts and the statements-over-time
chart, the store functions the desk's pages call, and ``saidwhat events`` /
``saidwhat tone`` must give the same answers on both; tests that write work on
fresh copies of the two stores.
"""

from __future__ import annotations

import re
import warnings
from collections import OrderedDict
from datetime import UTC, date, datetime

import pytest

from saidwhat.errors import StoreError
from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.store import desk, facets
from saidwhat.store.db import open_store
from saidwhat.store.feeds import insert_feed, record_entry
from saidwhat.store.translations import annotate_hits, get_translation, set_translation

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BACKENDS = ("sqlite", "postgres")

#: (search, period): text, prefix, phrase, speaker (with and without text), dates, language.
FACET_SEARCHES = [
    ({"text": "minister"}, "month"),
    ({"text": "agree*"}, "week"),
    ({"text": '"foreign minister" OR crossing'}, "day"),
    ({"speaker": "Ostrikov"}, "week"),
    ({"speaker": "Ostrikov", "text": "talks OR agreement"}, "day"),
    ({"since": "2026-05-13", "until": "2026-06"}, "week"),
    ({"language": "en", "kind": "direct"}, "month"),
    ({"about": "Ostrikov", "source": "northwire"}, "week"),
    ({"event": "CONSULT"}, "month"),
    ({}, "week"),
]


def _facets_of(target: str, search: dict, period: str) -> facets.Facets:
    with open_store(target, write=False) as store:
        return facets.facets_and_timeline(store, SearchFilters(**search), period=period)


def _plain(f: facets.Facets) -> tuple:
    return (
        f.total,
        f.total_estimated,
        f.sample_every,
        f.timeline,
        {k: [(v.value, v.label, v.count) for v in vs] for k, vs in f.facets.items()},
    )


@pytest.mark.parametrize("search, period", FACET_SEARCHES, ids=lambda v: str(v))
def test_facets_and_timeline_agree(demo_stores, search, period):
    got = {b: _facets_of(demo_stores[b], search, period) for b in BACKENDS}
    sqlite = got["sqlite"]
    assert sqlite.total > 0 and sqlite.timeline, f"{search} finds nothing to compare"
    assert _plain(got["postgres"]) == _plain(sqlite)
    # The facets count what the search finds.
    with open_store(demo_stores["postgres"], write=False) as store:
        hits = search_statements(store, SearchFilters(**search, limit=None))
    assert got["postgres"].total == len(hits)
    if period == "week":
        assert all(date.fromisoformat(day).weekday() == 0 for day, _ in sqlite.timeline)


@pytest.mark.parametrize(
    "search",
    [
        {},
        {"text": "minister OR crossing"},
        {"source": "northwire"},
        {"kind": "direct", "text": "the"},
    ],
    ids=str,
)
def test_sampled_facets_agree(demo_stores, monkeypatch, search):
    """Beyond EXACT_MAX matches both backends count the same every k-th statement."""
    monkeypatch.setattr(facets, "EXACT_MAX", 10)
    monkeypatch.setattr(facets, "SAMPLE_TARGET", 5)
    monkeypatch.setattr(facets, "PROBE_MIN_MATCHES", 3)
    monkeypatch.setattr(facets, "PROBE_MIN_STEP", 2)
    monkeypatch.setattr(facets, "_CACHE", OrderedDict())
    got = {b: _facets_of(demo_stores[b], search, "month") for b in BACKENDS}
    assert got["sqlite"].sample_every > 1 and got["sqlite"].timeline
    # Row filters (source, kind) estimate the total from the sample too.
    assert got["sqlite"].total_estimated == bool({"source", "kind"} & set(search))
    assert _plain(got["postgres"]) == _plain(got["sqlite"])


def test_facet_cache_sees_a_commit_on_postgres(demo_stores):
    target = demo_stores.copy("postgres")
    with open_store(target) as store:
        search = SearchFilters(speaker="Sergey Ostrikov")
        before = facets.facets_and_timeline(store, search).total
        sid = search_statements(store, SearchFilters(speaker="Sergey Ostrikov", limit=1))[0].id
        with open_store(target) as other:  # another connection, as another desk thread
            desk.fix_statement_speaker(other, sid, "Margit Hallen")
        assert facets.facets_and_timeline(store, search).total == before - 1


@pytest.fixture(scope="module")
def readers(demo_stores):
    stores = {b: open_store(demo_stores[b], write=False) for b in BACKENDS}
    yield stores
    for store in stores.values():
        store.close()


def _same(readers, fn, *args):
    """``fn(store, *args)`` on both backends; the answers must be equal and not empty."""
    out = {b: fn(store, *args) for b, store in readers.items()}
    assert out["sqlite"], f"{fn.__name__}{args} is empty; the comparison would prove nothing"
    assert out["postgres"] == out["sqlite"]
    return out["sqlite"]


def test_desk_pages_read_the_same(readers):
    pg = readers["postgres"]
    hit = search_statements(pg, SearchFilters(speaker="Sergey Ostrikov", sort="date", limit=1))[0]
    assert _same(readers, desk.get_hit, hit.id).quote == hit.quote
    _same(readers, desk.same_day_by_speaker, hit)
    text, _language, _status = _same(readers, desk.document_text, hit.doc_id)
    spans = _same(readers, desk.document_spans, hit.doc_id)
    assert any(text[s["quote_start"] : s["quote_end"]] == hit.quote for s in spans)
    weeks = _same(readers, desk.per_week, hit.person_id)
    assert all(date.fromisoformat(wk).weekday() == 0 and n > 0 for wk, n in weeks)
    assert sum(n for _, n in weeks) == len(
        search_statements(pg, SearchFilters(speaker=f"#{hit.person_id}", limit=None))
    )
    _same(readers, desk.latest_of_person, hit.person_id)
    _same(readers, desk.aliases_with_origin, hit.person_id)


@pytest.mark.parametrize("backend", BACKENDS)
def test_desk_writes(demo_stores, backend):
    with open_store(demo_stores.copy(backend)) as store:
        ids = [h.id for h in search_statements(store, SearchFilters(text="crossing", limit=3))]
        assert len(ids) == 3
        desk.save_draft(store, "Crossing", "Reactions")
        desk.save_draft(store, "Crossing", "Reactions to the crossing", "Intro")  # an update
        assert desk.add_to_draft(store, "Crossing", [*ids, ids[0]]) == 3
        assert desk.reorder_draft(store, "Crossing", ids[::-1]).statement_ids == ids[::-1]
        assert desk.remove_from_draft(store, "Crossing", ids[1]).statement_ids == [ids[2], ids[0]]
        [draft] = desk.list_drafts(store)
        assert (draft.title, draft.intro, len(draft.statement_ids)) == (
            "Reactions to the crossing",
            "Intro",
            2,
        )
        desk.delete_draft(store, "Crossing")
        assert desk.list_drafts(store) == []

        watch = store.query("SELECT id FROM watchlists WHERE name = 'ostrikov'")[0][0]
        desk.mark_visited(store, watch)
        first = desk.last_visits(store)[watch]
        desk.mark_visited(store, watch)  # an update of the same row
        assert desk.last_visits(store)[watch] >= first

        for speaker in ("Margit Hallen", "Sergey Ostrikov"):  # a fix, then a fix of the fix
            fixed = desk.fix_statement_speaker(store, ids[0], speaker)
            assert fixed.person == speaker
            assert desk.speaker_fix_of(store, ids[0])["person_name"] == speaker
        set_translation(store, ids[0], "Eine Übersetzung", "de")
        set_translation(store, ids[0], "A translation", "EN")  # replaces it
        tr = get_translation(store, ids[0])
        assert (tr.language, tr.text) == ("en", "A translation")
        hits = desk.hits_by_ids(store, ids[:2])
        annotate_hits(store, hits)
        assert hits[0].extra["translation"].text == "A translation"
        assert "translation" not in hits[1].extra and hits[1].extra["language"] == "en"
        pid, _name = desk.rename_person(store, "Margit Hallen", "Margit A. Hallen")
        assert ("Margit Hallen", "manual") in desk.aliases_with_origin(store, pid)

        insert_feed(store, "https://news.example/rss", "2026-05-01T00:00:00+00:00", "News")
        feed = store.query("SELECT id FROM feeds")[0][0]
        for i, day in enumerate(("2026-05-10", "2026-05-11", "2026-05-12")):
            record_entry(
                store,
                feed,
                f"entry-{i}",
                url=None,
                status="ingested" if i else "error",
                document_id=None,
                seen_at=f"{day}T09:00:00+00:00",
            )
        health = desk.feed_health(store, now=datetime(2026, 6, 1, tzinfo=UTC))
        assert (health[feed].entries, health[feed].ingested, health[feed].errors) == (3, 2, 1)
        assert health[feed].usual_interval_h == 24 and "silent" in health[feed].warning

        desk.make_read_only(store)
        with pytest.raises(store.errors):  # the connection refuses writes as well
            store.conn.execute("DELETE FROM dossier_drafts")
        with pytest.raises(StoreError, match="read-only"):
            desk.save_draft(store, "Refused", "Refused")


def test_the_desk_serves_a_postgresql_store(demo_stores):
    """The desk's pages and a correction, through its ASGI app, over PostgreSQL."""
    from saidwhat.web.app import create_app
    from saidwhat.web.base import DeskConfig

    target = demo_stores.copy("postgres")
    c = TestClient(create_app(DeskConfig(db_path=target)), base_url="http://127.0.0.1:8000")
    page = c.get("/search", params={"q": "minister", "period": "week"})
    assert page.status_code == 200 and 'class="facets"' in page.text
    sid = int(re.search(r'href="/statements/(\d+)"', page.text).group(1))
    doc = int(re.search(r'href="/documents/(\d+)', page.text).group(1))
    for path in (f"/statements/{sid}", f"/documents/{doc}", "/people", "/dossiers", "/feeds"):
        assert c.get(path).status_code == 200, path
    person = re.search(r'href="/people/(\d+)"', c.get("/people").text).group(1)
    assert "Statements per week" in c.get(f"/people/{person}").text
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
    r = c.post("/dossiers/add", data={"sid": [str(sid)], "new_dossier": "Pg", "csrf": token})
    assert r.status_code == 200 and "Dossier: Pg" in r.text
    assert c.get("/dossiers/Pg/download.md").text.startswith("# Pg")
    # A streamed download and the event-type facet's filter.
    csv_text = c.get("/search/export.csv", params={"q": "minister", "event": "consult"}).text
    with open_store(target, write=False) as store:
        n = len(search_statements(store, SearchFilters(text="minister", event="CONSULT")))
    assert n > 0 and csv_text.count("\n") >= n + 1
    # A job and its errors are stored: a new desk over the same store lists them.
    r = c.post("/ingest", data={"urls": "ftp://files.example/a.txt", "csrf": token},
               files={"files": ("", b"", "application/octet-stream")}, follow_redirects=False)  # fmt: skip
    job = c.app.state.desk.jobs.wait(r.headers["location"].rsplit("/", 1)[1])
    assert job.state == "done"
    again = TestClient(create_app(DeskConfig(db_path=target)), base_url="http://127.0.0.1:8000")
    assert "ftp://files.example/a.txt: not an http(s) URL" in again.get(f"/jobs/{job.id}").text


#: ``saidwhat events`` / ``saidwhat tone`` invocations compared byte for byte.
EVENT_COMMANDS = [
    ("events", "--limit", "500", "--format", "csv"),
    ("events", "--speaker", "Zhelezova", "--format", "plover"),
    ("events", "minister", "--realised", "--format", "jsonl"),
    ("events", "--actor", "Ostrikov", "--since", "2026-05-13", "--limit", "4", "--offset", "1"),
    ("events", "--type", "CONSULT", "--source", "northwire", "--format", "json"),
    ("tone", "--level", "person", "--format", "csv"),
    ("tone", "--level", "country", "--limit", "50", "--format", "json"),
    ("tone", "Arkhavia", "Vessia", "--by", "week", "--format", "json"),
    ("tone", "Ostrikov", "Hallen", "--both", "--by", "day", "--format", "json"),
    ("tone", "Arkhavia", "Vessia", "--by", "month", "--since", "2026-05-13"),
]


@pytest.mark.parametrize("command", EVENT_COMMANDS, ids=" ".join)
def test_events_and_tone_print_the_same(demo_stores, make_cli, command):
    out = {}
    for backend in BACKENDS:
        result = make_cli(demo_stores[backend])(*command)
        assert result.exit_code == 0, result.output
        out[backend] = result.stdout
    assert out["sqlite"].count("\n") > 2, f"{command} prints too little to compare"
    assert out["postgres"] == out["sqlite"]


def test_recoding_events_agrees(demo_stores, make_cli):
    out = {}
    for backend in BACKENDS:
        cli = make_cli(demo_stores.copy(backend))
        recoded = cli("events", "--recode", "--limit", "1000", "--format", "csv")
        assert recoded.exit_code == 0, recoded.output
        assert "recoded" in recoded.stderr and recoded.stdout.count("\n") > 10
        out[backend] = recoded.stdout
    assert out["postgres"] == out["sqlite"]
