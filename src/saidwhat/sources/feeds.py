"""RSS/Atom feeds: subscribe, then poll from cron.

Polling is idempotent: a conditional GET (ETag / Last-Modified, kept in the
``feeds`` table) means an unchanged feed costs one request and ingests
nothing, and each entry (keyed by its id, else its link) is fetched and
ingested once, recorded in ``feed_entries``. A failing feed is recorded
(``last_status``/``last_error``) and reported; the others go on.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from saidwhat.errors import (
    FetchError,
    NotFoundError,
    SaidwhatError,
    SourceError,
    StoreError,
    UsageError,
)
from saidwhat.model import Document
from saidwhat.sources.dates import iso_from_struct
from saidwhat.sources.files import MAX_BYTES
from saidwhat.sources.language import detect_language
from saidwhat.sources.web import (
    FEED_TYPES,
    canonical_url,
    document_from_response,
    fetch,
    host_name,
    is_url,
    make_client,
)
from saidwhat.store.db import Store

log = logging.getLogger(__name__)

#: Feed bodies are small; a bigger one is probably not a feed.
FEED_MAX_BYTES = 10 * 1024 * 1024


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass
class Feed:
    """A subscribed feed as stored."""

    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    last_polled: str | None
    last_status: str | None
    last_error: str | None
    added_at: str
    entries: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class FeedResult:
    """What one poll did for one feed."""

    feed_id: int
    url: str
    status: str  # 'ok', 'not-modified' or 'error'
    new_entries: int = 0
    ingested: int = 0
    failed: int = 0
    error: str | None = None
    entry_errors: list[str] = field(default_factory=list)


@dataclass
class PollReport:
    """The outcome of :func:`poll_feeds`, one result per feed."""

    feeds: list[FeedResult] = field(default_factory=list)

    @property
    def ingested(self) -> int:
        return sum(f.ingested for f in self.feeds)

    @property
    def errors(self) -> list[FeedResult]:
        return [f for f in self.feeds if f.status == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def _row_to_feed(row) -> Feed:
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_polled=row["last_polled"],
        last_status=row["last_status"],
        last_error=row["last_error"],
        added_at=row["added_at"],
        entries=row["entries"] if "entries" in row.keys() else 0,  # noqa: SIM118
    )


def add_feed(store: Store, url: str) -> Feed:
    """Subscribe to ``url`` (idempotent: adding it again returns the stored feed)."""
    if not is_url(url):
        raise UsageError("a feed must be an http(s) URL", source=url)
    url = url.strip()
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?, ?)", (url, _now()))
    return get_feed(store, url)


def get_feed(store: Store, url_or_id: str | int) -> Feed:
    sql = (
        "SELECT f.*, (SELECT COUNT(*) FROM feed_entries e WHERE e.feed_id = f.id) AS entries"
        " FROM feeds f WHERE "
    )
    if isinstance(url_or_id, int) or str(url_or_id).isdigit():
        rows = store.query(sql + "f.id = ?", (int(url_or_id),))
    else:
        rows = store.query(sql + "f.url = ?", (str(url_or_id).strip(),))
    if not rows:
        raise NotFoundError("no such feed; see `saidwhat feeds list`", source=str(url_or_id))
    return _row_to_feed(rows[0])


def list_feeds(store: Store) -> list[Feed]:
    """Every subscribed feed, oldest first, with how many entries were seen."""
    rows = store.query(
        "SELECT f.*, (SELECT COUNT(*) FROM feed_entries e WHERE e.feed_id = f.id) AS entries"
        " FROM feeds f ORDER BY f.id"
    )
    return [_row_to_feed(r) for r in rows]


def remove_feed(store: Store, url_or_id: str | int) -> Feed:
    """Unsubscribe (the documents already ingested stay)."""
    feed = get_feed(store, url_or_id)
    with store.transaction() as conn:
        conn.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))
    return feed


def _entry_key(entry: Any) -> str | None:
    key = entry.get("id") or entry.get("guid") or entry.get("link")
    if key:
        return str(key).strip()
    title = entry.get("title") or ""
    if not title:
        return None
    raw = f"{title}|{entry.get('published') or entry.get('updated') or ''}"
    return "sha1:" + hashlib.sha1(raw.encode("utf-8")).hexdigest()


def _record_feed(store: Store, feed: Feed, **cols: Any) -> None:
    cols["last_polled"] = _now()
    sets = ", ".join(f"{k} = ?" for k in cols)
    with store.transaction() as conn:
        conn.execute(f"UPDATE feeds SET {sets} WHERE id = ?", (*cols.values(), feed.id))


def _record_entry(
    store: Store, feed: Feed, key: str, url: str | None, status: str, doc_id: int | None
) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO feed_entries (feed_id, entry_id, url, document_id, status, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, entry_id) DO UPDATE SET"
            " url = excluded.url, document_id = excluded.document_id,"
            " status = excluded.status, seen_at = excluded.seen_at",
            (feed.id, key, url, doc_id, status, _now()),
        )


def _done_entries(store: Store, feed: Feed) -> set[str]:
    rows = store.query(
        "SELECT entry_id FROM feed_entries WHERE feed_id = ? AND status = 'ingested'", (feed.id,)
    )
    return {r[0] for r in rows}


def _document_id(store: Store, doc: Document) -> int | None:
    row = store.conn.execute(
        "SELECT document_id FROM document_copies WHERE ref = ? ORDER BY id DESC LIMIT 1",
        (doc.ref,),
    ).fetchone()
    return int(row[0]) if row else None


#: Feed content shorter than this (in characters of text) is a teaser, not the article.
FULL_CONTENT_MIN = 500


def _content_document(entry: Any, url: str) -> Document | None:
    """The entry's own full text (``content:encoded``, Atom ``content``), if it has one."""
    import lxml.html

    for part in entry.get("content") or ():
        value = part.get("value") or ""
        if not value.strip():
            continue
        if "html" in (part.get("type") or "html"):
            try:
                root = lxml.html.fromstring(value)
            except (ValueError, lxml.etree.ParserError):
                continue
            blocks = [
                " ".join(el.text_content().split()) for el in root.iter("p", "h1", "h2", "h3", "li")
            ]
            text = "\n\n".join(b for b in blocks if b) or " ".join(root.text_content().split())
        else:
            text = value.strip()
        if len(text) >= FULL_CONTENT_MIN:
            return Document(
                text=text, ref=url, url=url, format="feed", metadata={"from_feed_content": True}
            )
    return None


def entry_document(
    entry: Any, feed_title: str | None, feed_url: str, client: httpx.Client, max_bytes: int
) -> Document:
    """Fetch an entry's article; the entry's title, date and the feed title fill gaps."""
    link = entry.get("link")
    if not link or not is_url(link):
        raise SourceError("entry has no http(s) link", source=f"{feed_url}#{_entry_key(entry)}")
    try:
        res = fetch(link, client=client, max_bytes=max_bytes)
        final = res.final_url
        doc = document_from_response(res, final, fmt="feed")
    except SourceError as e:
        # A paywall or a dead link: a feed that carries the full text still gives it.
        doc = _content_document(entry, canonical_url(link))
        if doc is None:
            raise
        log.info("%s: article not fetched (%s); using the feed's full text", link, e)
        final = doc.url
    published = iso_from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
    doc.title = doc.title or (entry.get("title") or "").strip() or None
    doc.published = doc.published or published
    doc.outlet = doc.outlet or feed_title or host_name(final)
    doc.author = doc.author or (entry.get("author") or "").strip() or None
    doc.url = doc.url or canonical_url(link)
    if doc.language is None:
        doc.language = detect_language(doc.text)
    doc.metadata.update(
        {k: v for k, v in (("feed", feed_url), ("feed_entry", _entry_key(entry))) if v}
    )
    return doc


def poll_feeds(
    store: Store,
    ingest: Callable[[Iterable[Document]], object],
    *,
    client: httpx.Client | None = None,
    max_bytes: int = MAX_BYTES,
    feeds: Iterable[str | int] | None = None,
) -> PollReport:
    """Poll every subscribed feed (or those named in ``feeds``) once; ingest new entries.

    ``ingest`` is called once per feed with the list of its new entries'
    documents and must store them before it returns; each entry is then
    recorded as ingested if its document (``ref`` = article URL) is in the
    store, else as failed. Never raises for a feed's failure: see
    :class:`PollReport`. A SaidwhatError from ``ingest`` marks the feed failed
    (its validators are not saved, so the next poll tries again); a StoreError
    (database locked or corrupt) is raised, as every feed would fail alike.
    """
    own = client is None
    client = client or make_client()
    report = PollReport()
    try:
        targets = list_feeds(store) if feeds is None else [get_feed(store, f) for f in feeds]
        for feed in targets:
            try:
                report.feeds.append(_poll_one(store, feed, ingest, client, max_bytes))
            except SourceError as e:
                log.warning("%s", e)
                _record_feed(store, feed, last_status="error", last_error=str(e))
                report.feeds.append(FeedResult(feed.id, feed.url, "error", error=str(e)))
    finally:
        if own:
            client.close()
    return report


def _poll_one(store, feed: Feed, ingest, client, max_bytes) -> FeedResult:
    import feedparser

    headers = {
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
    }
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    res = fetch(
        feed.url,
        client=client,
        max_bytes=min(max_bytes, FEED_MAX_BYTES),
        headers=headers,
        accept=FEED_TYPES,
        what="an RSS or Atom feed",
    )
    if res.status == 304:
        _record_feed(store, feed, last_status="not-modified", last_error=None)
        return FeedResult(feed.id, feed.url, "not-modified")
    parsed = feedparser.parse(
        res.content,
        response_headers={
            "content-type": res.headers.get("content-type", ""),
            "content-location": feed.url,
        },
    )
    if parsed.get("bozo") and not parsed.entries:
        exc = parsed.get("bozo_exception")
        raise FetchError(
            f"not a valid RSS/Atom feed ({type(exc).__name__ if exc else 'unknown'}: {exc})",
            source=feed.url,
        )
    feed_title = (parsed.feed.get("title") or "").strip() or None
    result = FeedResult(feed.id, feed.url, "ok")
    done = _done_entries(store, feed)
    fetched: list[tuple[str, str | None, Document]] = []
    for entry in parsed.entries:
        key = _entry_key(entry)
        if key is None or key in done:
            continue
        done.add(key)
        result.new_entries += 1
        link = entry.get("link")
        try:
            doc = entry_document(entry, feed_title, feed.url, client, max_bytes)
        except SourceError as e:
            log.warning("%s: entry %s: %s", feed.url, key, e)
            result.failed += 1
            result.entry_errors.append(str(e))
            _record_entry(store, feed, key, link, "error", None)
            continue
        fetched.append((key, link, doc))
    if fetched:
        # One call per feed (the ingest loads its near-duplicate index once);
        # what was stored is then read back from the store, entry by entry.
        try:
            ingest([doc for _, _, doc in fetched])
        except StoreError:
            raise  # a locked or broken database stops the whole poll
        except SaidwhatError as e:
            raise FetchError(f"ingest failed: {e}", source=feed.url) from e
    for key, link, doc in fetched:
        doc_id = _document_id(store, doc)
        if doc_id is None:
            result.failed += 1
            result.entry_errors.append(f"{doc.ref}: not stored by the ingest")
            _record_entry(store, feed, key, doc.url or link, "error", None)
        else:
            result.ingested += 1
            _record_entry(store, feed, key, doc.url or link, "ingested", doc_id)
    # Validators are saved only now: a crash above means the next poll re-reads the feed.
    _record_feed(
        store,
        feed,
        title=feed_title or feed.title,
        etag=res.headers.get("etag"),
        last_modified=res.headers.get("last-modified"),
        last_status="ok" if not result.failed else f"ok ({result.failed} entries failed)",
        last_error=result.entry_errors[0] if result.entry_errors else None,
    )
    return result
