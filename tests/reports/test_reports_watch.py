"""Watchlists and their Atom feeds (parsed back with feedparser)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from saidwhat.errors import NotFoundError, QueryError, ReportError, UsageError
from saidwhat.reports.watch import (
    add_watchlist,
    get_watchlist,
    list_watchlists,
    remove_watchlist,
    rfc3339,
    watch_feed,
    write_feed,
)
from saidwhat.search.query import SearchFilters


def test_add_list_get_remove(store):
    add_watchlist(store, "lavrov", SearchFilters(speaker="Sergei Lavrov", since="2024-05"))
    add_watchlist(store, "sanctions", SearchFilters(text="sanction*", sort="date", limit=3))
    assert [w.name for w in list_watchlists(store)] == ["lavrov", "sanctions"]
    wl = get_watchlist(store, "sanctions")
    # Sorting and paging shape a listing; they are not part of what is watched.
    assert wl.filters.to_dict() == {"text": "sanction*"}
    with pytest.raises(UsageError, match="--replace"):
        add_watchlist(store, "lavrov", SearchFilters(speaker="Fidan"))
    add_watchlist(store, "lavrov", SearchFilters(speaker="Fidan"), replace=True)
    assert get_watchlist(store, "lavrov").filters.speaker == "Fidan"
    with pytest.raises(NotFoundError, match="did you mean 'lavrov'"):
        get_watchlist(store, "lavrow")
    remove_watchlist(store, "lavrov")
    assert [w.name for w in list_watchlists(store)] == ["sanctions"]


def test_add_rejects_bad_filters(store):
    with pytest.raises(QueryError, match="double quotes"):
        add_watchlist(store, "bad", SearchFilters(text="sanctions AND"))
    with pytest.raises(UsageError, match="at least one filter"):
        add_watchlist(store, "empty", SearchFilters())
    with pytest.raises(UsageError, match="bad watchlist name"):
        add_watchlist(store, "", SearchFilters(text="x"))
    assert list_watchlists(store) == []


def test_feed_is_valid_atom_newest_first(store):
    add_watchlist(store, "visit", SearchFilters(text="visit OR sanctions"))
    data = watch_feed(store, "visit")
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "saidwhat watchlist: visit"
    assert feed.feed.id == "urn:saidwhat:watchlist:visit"
    entries = feed.entries
    assert len(entries) == 5
    updated = [e.updated for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert updated[0] == "2024-05-03T00:00:00Z"
    assert len({e.id for e in entries}) == 5
    # Text comes back exactly, escaping and all.
    script = next(e for e in entries if "script" in e.summary)
    assert script.summary == "Sanctions <script>alert('x')</script> are coming & soon."
    assert script.author == "Unattributed"
    zakharova = next(e for e in entries if e.author == "Maria Zakharova")
    assert zakharova.updated == "2024-05-02T09:30:00Z"
    assert zakharova.link == "https://reuters.example/reactions"
    assert "source missing" in zakharova.content[0].value
    assert zakharova.tags[0].term == "indirect"


def test_feed_limit_self_url_and_deterministic(store):
    add_watchlist(store, "all", SearchFilters(since="2024"))
    data = watch_feed(store, "all", limit=2, self_url="https://example.org/all.xml")
    feed = feedparser.parse(data)
    assert len(feed.entries) == 2
    assert feed.feed.links[0].href == "https://example.org/all.xml"
    assert watch_feed(store, "all", limit=2, self_url="https://example.org/all.xml") == data


def test_feed_of_a_speaker_not_yet_quoted_is_empty(store):
    add_watchlist(store, "blinken", SearchFilters(speaker="Antony Blinken"))
    feed = feedparser.parse(watch_feed(store, "blinken"))
    assert not feed.bozo and feed.entries == []


def test_write_feed(store, tmp_path: Path):
    add_watchlist(store, "lavrov", SearchFilters(speaker="Sergey Lavrov"))
    assert write_feed(store, "lavrov", tmp_path / "f.xml") == 2
    assert len(feedparser.parse(str(tmp_path / "f.xml")).entries) == 2
    with pytest.raises(ReportError, match="does not exist"):
        write_feed(store, "lavrov", tmp_path / "no" / "f.xml")


def test_rfc3339():
    assert rfc3339("2024-05-01") == "2024-05-01T00:00:00Z"
    assert rfc3339("2024-05-01T10:00:00") == "2024-05-01T10:00:00Z"
    assert rfc3339("2024-05-01T10:00:00+03:00") == "2024-05-01T10:00:00+03:00"
    assert rfc3339(None) == rfc3339("garbage") == "1970-01-01T00:00:00Z"


def test_cli_watch(run, tmp_path: Path):
    from search_samples import fill_sample

    from saidwhat.store.db import open_store

    fill_sample(open_store(run.db)).close()
    result = run("watch", "add", "lavrov", "--speaker", "Sergei Lavrov")
    assert result.exit_code == 0, result.output
    result = run("watch", "add", "grain", '"Black Sea" OR sanctions', "--since", "2024-05-01")
    assert result.exit_code == 0, result.output
    rows = run.jsonl("watch", "list")
    assert [r["name"] for r in rows] == ["grain", "lavrov"]
    assert rows[0]["filters"] == {"text": '"Black Sea" OR sanctions', "since": "2024-05-01"}
    out = tmp_path / "feed.xml"
    result = run("watch", "feed", "grain", "-o", out)
    assert result.exit_code == 0, result.output
    feed = feedparser.parse(str(out))
    assert not feed.bozo and len(feed.entries) == 4
    result = run("watch", "feed", "lavrov")
    assert result.exit_code == 0
    assert len(feedparser.parse(result.stdout_bytes).entries) == 2
    result = run("watch", "feed", "nope", "-o", out)
    assert result.exit_code == 1 and "no watchlist named 'nope'" in result.stderr
    result = run("watch", "add", "lavrov", "--speaker", "Fidan")
    assert result.exit_code == 2 and "--replace" in result.stderr
