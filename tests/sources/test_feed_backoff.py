"""Failed feed entries: retried with back-off, reported as failed (never as new), then given up."""

from __future__ import annotations

from datetime import timedelta

import pytest

from saidwhat.sources import feeds
from saidwhat.sources.feeds import MAX_ATTEMPTS, RETRY_FIRST, add_feed, list_feeds, poll_feeds
from saidwhat.store.db import open_store
from saidwhat.store.documents import store_document


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "backoff.db")
    yield s
    s.close()


def ingest_into(store):
    def ingest(docs):
        for doc in docs:
            store_document(store, doc, None)

    return ingest


def test_failed_entry_backs_off_then_gives_up(store, fresh_site, client, monkeypatch):
    start = feeds._clock()
    now = [start]
    monkeypatch.setattr(feeds, "_clock", lambda: now[0])
    add_feed(store, fresh_site.url("/feeds/full.xml"))  # its "teaser" entry always fails
    ingest = ingest_into(store)

    def poll():
        (res,) = poll_feeds(store, ingest, client=client).feeds
        return res

    first = poll()
    assert (first.new_entries, first.ingested, first.failed) == (2, 1, 1)
    assert "attempt 1 of 6; retry after" in first.entry_errors[0]

    # Polled again at once: the failure waits; nothing is new, nothing fetched.
    fetched = fresh_site.hits["/news/teaser.html"]
    again = poll()
    assert (again.new_entries, again.retried, again.waiting, again.failed) == (0, 0, 1, 0)
    assert fresh_site.hits["/news/teaser.html"] == fetched

    # Each failure doubles the wait; after MAX_ATTEMPTS it is given up.
    wait = RETRY_FIRST
    for attempt in range(2, MAX_ATTEMPTS + 1):
        now[0] += wait - timedelta(minutes=1)
        assert poll().waiting == 1  # not yet due
        now[0] += timedelta(minutes=2)
        res = poll()
        assert (res.new_entries, res.retried, res.failed) == (0, 1, 1)
        assert f"attempt {attempt} of {MAX_ATTEMPTS}" in res.entry_errors[0]
        wait *= 2
    assert "given up" in res.entry_errors[0]
    now[0] += timedelta(days=365)
    fetched = fresh_site.hits["/news/teaser.html"]
    res = poll()
    assert (res.new_entries, res.retried, res.waiting, res.failed) == (0, 0, 0, 0)
    assert fresh_site.hits["/news/teaser.html"] == fetched
    (feed,) = list_feeds(store)
    assert (feed.entries, feed.failed_entries) == (2, 1)
    row = store.query(
        "SELECT status, attempts, last_error FROM feed_entries WHERE status != 'ingested'"
    )[0]
    assert (row["status"], row["attempts"]) == ("gave-up", MAX_ATTEMPTS)
    assert "HTTP 404" in row["last_error"]
