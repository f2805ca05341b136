"""Feeds: conditional GET, each entry once, failures recorded while the others go on."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from saidwhat.errors import NotFoundError, SaidwhatError, StoreError, UsageError
from saidwhat.sources.feeds import add_feed, list_feeds, poll_feeds, remove_feed
from saidwhat.store.db import open_store
from saidwhat.store.documents import store_document


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "feeds.db")
    yield s
    s.close()


class Recorder:
    """An ingest callable that stores documents without extraction."""

    def __init__(self, store) -> None:
        self.store = store
        self.calls: list[list] = []

    def __call__(self, docs) -> None:
        docs = list(docs)
        self.calls.append(docs)
        for doc in docs:
            store_document(self.store, doc, None)

    @property
    def docs(self):
        return [d for call in self.calls for d in call]


def test_add_is_idempotent_and_listed(store, site):
    a = add_feed(store, site.url("/feeds/rss.xml"))
    b = add_feed(store, site.url("/feeds/rss.xml"))
    assert a.id == b.id
    assert [f.url for f in list_feeds(store)] == [site.url("/feeds/rss.xml")]
    with pytest.raises(UsageError):
        add_feed(store, "file:///etc/passwd")
    remove_feed(store, a.id)
    assert list_feeds(store) == []
    with pytest.raises(NotFoundError):
        remove_feed(store, a.id)


def test_poll_twice(store, fresh_site, client):
    for path in ("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/broken.xml", "/feeds/down.xml"):
        add_feed(store, fresh_site.url(path))
    ingest = Recorder(store)

    report = poll_feeds(store, ingest, client=client)
    by_url = {r.url.rsplit("/", 1)[1]: r for r in report.feeds}
    rss, atom = by_url["rss.xml"], by_url["atom.xml"]
    assert (rss.status, rss.new_entries, rss.ingested, rss.failed) == ("ok", 4, 3, 1)
    assert "HTTP 404" in rss.entry_errors[0] and "gone.html" in rss.entry_errors[0]
    assert (atom.status, atom.ingested) == ("ok", 2)
    assert by_url["broken.xml"].status == "error"
    assert "not a valid RSS/Atom feed" in by_url["broken.xml"].error
    assert "HTTP 503" in by_url["down.xml"].error
    assert not report.ok and report.ingested == 5
    # One ingest call per feed with new documents.
    assert len(ingest.calls) == 2

    docs = {d.url.rsplit("/", 1)[1]: d for d in ingest.docs}
    first = docs["1.html"]  # utm_* dropped from the entry link
    assert first.ref == fresh_site.url("/news/1.html")
    assert (first.title, first.outlet, first.published) == (
        "Channel works, part 1",
        "Harbour Gazette",
        "2024-03-01",
    )
    assert first.format == "feed" and first.language == "en"
    assert first.metadata["feed"] == fresh_site.url("/feeds/rss.xml")
    bare = docs["bare.html"]  # the page says nothing: the entry and the feed fill in
    assert bare.title == "Entry title bare"
    assert bare.published == "2024-03-08T10:00:00+00:00"
    assert bare.outlet == "Harbour Gazette RSS"

    feeds = {f.url.rsplit("/", 1)[1]: f for f in list_feeds(store)}
    assert feeds["rss.xml"].etag == fresh_site.rss_etag and feeds["rss.xml"].entries == 4
    assert feeds["rss.xml"].title == "Harbour Gazette RSS"
    assert feeds["atom.xml"].last_modified == fresh_site.atom_last_modified
    assert feeds["broken.xml"].last_status == "error"
    assert "not a valid RSS/Atom feed" in feeds["broken.xml"].last_error
    stored = store.query("SELECT entry_id, status, document_id FROM feed_entries ORDER BY 1")
    assert {r["entry_id"]: r["status"] for r in stored}["gazette-gone"] == "error"
    assert all(r["document_id"] for r in stored if r["status"] == "ingested")

    # Second poll: one conditional request per feed, nothing fetched or ingested.
    fresh_site.server.state.reset()
    report2 = poll_feeds(store, ingest, client=client)
    assert len(ingest.calls) == 2
    assert {r.url.rsplit("/", 1)[1]: r.status for r in report2.feeds} == {
        "rss.xml": "not-modified",
        "atom.xml": "not-modified",
        "broken.xml": "error",
        "down.xml": "error",
    }
    assert sum(fresh_site.hits.values()) == 4
    assert all(n == 1 for n in fresh_site.hits.values())
    sent = dict(fresh_site.requests)
    assert sent["/feeds/rss.xml"]["If-None-Match"] == fresh_site.rss_etag
    assert sent["/feeds/atom.xml"]["If-Modified-Since"] == fresh_site.atom_last_modified
    assert store.query("SELECT COUNT(*) FROM documents")[0][0] == 5


def test_failing_ingest_keeps_the_feed_for_next_time(store, site, client):
    add_feed(store, site.url("/feeds/atom.xml"))

    def broken(docs):
        raise SaidwhatError("the extractor crashed")

    report = poll_feeds(store, broken, client=client)
    assert report.feeds[0].status == "error" and "ingest failed" in report.feeds[0].error
    feed = list_feeds(store)[0]
    assert feed.last_modified is None and feed.entries == 0  # next poll re-reads it
    ingest = Recorder(store)
    assert poll_feeds(store, ingest, client=client).ingested == 2


def test_locked_store_stops_the_poll(store, site, client):
    add_feed(store, site.url("/feeds/atom.xml"))

    def locked(docs):
        raise StoreError("database is locked", source="x.db")

    with pytest.raises(StoreError):
        poll_feeds(store, locked, client=client)


def test_feeds_cli(tmp_path, site):
    from saidwhat.cli.main import cli

    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", db, "feeds", "add", site.url("/feeds/atom.xml")])
    assert out.exit_code == 0, out.output
    # `feeds add` fetched the feed once and says what it found.
    assert "feed 1: Harbour Gazette Atom: 2 entries, newest 2024-03-04" in out.stderr
    # Not a feed: said so, and not subscribed.
    out = runner.invoke(cli, ["--db", db, "feeds", "add", site.url("/feeds/broken.xml")])
    assert out.exit_code == 1
    assert out.stderr.startswith("saidwhat: error: ") and "not a valid RSS/Atom feed" in out.stderr
    out = runner.invoke(cli, ["--db", db, "feeds", "poll", "--format", "json"])
    assert out.exit_code == 0, out.output
    (row,) = json.loads(out.stdout)
    assert (row["status"], row["new"], row["ingested"], row["failed"]) == ("ok", 2, 2, 0)
    # An entry that fails (a 404 in the RSS feed) makes the poll exit 1, one line per entry.
    assert (
        runner.invoke(cli, ["--db", db, "feeds", "add", site.url("/feeds/rss.xml")]).exit_code == 0
    )
    out = runner.invoke(cli, ["--db", db, "feeds", "poll", "--format", "json"])
    assert out.exit_code == 1
    rows = {r["url"].rsplit("/", 1)[1]: r for r in json.loads(out.stdout)}
    assert (rows["rss.xml"]["ingested"], rows["rss.xml"]["failed"]) == (3, 1)
    (line,) = out.stderr.strip().splitlines()
    assert line.startswith("saidwhat: error: entry failed: ") and "gone.html" in line
    assert "attempt 1 of 6; retry after" in line
    out = runner.invoke(cli, ["--db", db, "feeds", "list", "--format", "json"])
    listed = json.loads(out.stdout)
    assert [(f["entries"], f["failed_entries"]) for f in listed] == [(2, 0), (4, 1)]
    for args in (["feeds", "--help"], ["feeds", "poll", "--help"], ["feeds", "add", "--help"]):
        assert "Example:" in runner.invoke(cli, args).output


def test_feed_full_text_when_the_article_cannot_be_fetched(store, site, client):
    add_feed(store, site.url("/feeds/full.xml"))
    ingest = Recorder(store)
    report = poll_feeds(store, ingest, client=client)
    (res,) = report.feeds
    assert (res.ingested, res.failed) == (1, 1)
    assert "teaser.html" in res.entry_errors[0] and "HTTP 404" in res.entry_errors[0]
    (doc,) = ingest.docs
    assert doc.metadata["from_feed_content"] is True
    assert doc.text.startswith("Paragraph 0 of the paywalled report")
    assert doc.text.count("\n\n") == 5
    assert (doc.title, doc.outlet, doc.url) == (
        "Pier report",
        "Paywalled Post",
        site.url("/news/paywalled.html"),
    )
    assert doc.published == "2024-03-09T07:00:00+00:00"
