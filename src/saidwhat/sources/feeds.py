"""RSS/Atom feeds: subscribe, then poll from cron.

Polling is idempotent: a conditional GET (ETag / Last-Modified, kept in the
``feeds`` table) means an unchanged feed costs one request and ingests
nothing, and each entry (keyed by its id, else its link) is fetched and
ingested once, recorded in ``feed_entries``. A failing feed is recorded
(``last_status``/``last_error``) and reported; the others go on. An entry that
fails is retried with back-off (1 h, 2 h, 4 h, ... after each failure) and given
up after :data:`MAX_ATTEMPTS` tries; it is reported as failed, never as new.
The SQL is in :mod:`saidwhat.store.feeds`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
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
from saidwhat.store import feeds as sql
from saidwhat.store.db import Store

log = logging.getLogger(__name__)

#: Feed bodies are small; a bigger one is probably not a feed.
FEED_MAX_BYTES = 10 * 1024 * 1024
#: A failed entry waits RETRY_FIRST, then twice as long after each further failure...
RETRY_FIRST = timedelta(hours=1)
#: ...and is given up after this many failed tries (about two and a half days in all).
MAX_ATTEMPTS = 6


def _clock() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _now() -> str:
    return _clock().isoformat()


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
    failed_entries: int = 0  # entries waiting for a retry or given up

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class FeedResult:
    """What one poll did for one feed."""

    feed_id: int
    url: str
    status: str  # 'ok', 'not-modified' or 'error'
    new_entries: int = 0  # entries never seen before
    retried: int = 0  # failed before and due again
    waiting: int = 0  # failed before, not yet due (back-off)
    ingested: int = 0
    failed: int = 0  # fetched or stored without success in this poll
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
    def failed_entries(self) -> int:
        return sum(f.failed for f in self.feeds)

    @property
    def ok(self) -> bool:
        """No feed failed and no entry failed."""
        return not self.errors and not self.failed_entries


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
        entries=row["entries"],
        failed_entries=row["failed_entries"],
    )


def add_feed(store: Store, url: str, *, title: str | None = None) -> Feed:
    """Subscribe to ``url`` (idempotent: adding it again returns the stored feed)."""
    if not is_url(url):
        raise UsageError("a feed must be an http(s) URL", source=url)
    url = url.strip()
    sql.insert_feed(store, url, _now(), title)
    return get_feed(store, url)


def get_feed(store: Store, url_or_id: str | int) -> Feed:
    row = sql.feed_row(store, url_or_id)
    if row is None:
        raise NotFoundError("no such feed; see `saidwhat feeds list`", source=str(url_or_id))
    return _row_to_feed(row)


def list_feeds(store: Store) -> list[Feed]:
    """Every subscribed feed, oldest first, with how many entries were seen."""
    return [_row_to_feed(r) for r in sql.feed_rows(store)]


def remove_feed(store: Store, url_or_id: str | int) -> Feed:
    """Unsubscribe (the documents already ingested stay)."""
    feed = get_feed(store, url_or_id)
    sql.delete_feed(store, feed.id)
    return feed


@dataclass
class FeedPreview:
    """What one fetch of a feed found (for ``feeds add``)."""

    url: str
    title: str | None
    entries: int
    with_links: int
    newest: str | None  # ISO date of the newest entry


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
    sql.update_feed(store, feed.id, last_polled=_now(), **cols)


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
    try:
        return _entry_document(entry, feed_title, feed_url, client, max_bytes)
    except SourceError:
        raise
    except Exception as e:
        # An entry nobody foresaw (a link like "http://[") fails alone, not the poll.
        log.debug("%s: unexpected error in an entry", feed_url, exc_info=True)
        raise SourceError(
            f"could not read the entry ({type(e).__name__}: {e})",
            source=f"{feed_url}#{_entry_key(entry)}",
        ) from e


def _entry_document(entry, feed_title, feed_url, client, max_bytes) -> Document:
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
            except StoreError:
                raise
            except SourceError as e:
                log.info("%s", e)  # reported by the caller, once
                _record_feed(store, feed, last_status="error", last_error=str(e))
                report.feeds.append(FeedResult(feed.id, feed.url, "error", error=str(e)))
    finally:
        if own:
            client.close()
    return report


def _fetch_feed(feed_url: str, client, max_bytes: int, headers: dict[str, str]):
    """(fetch result, parsed feed or None for 304); FetchError if it is not a feed."""
    import feedparser

    res = fetch(
        feed_url,
        client=client,
        max_bytes=min(max_bytes, FEED_MAX_BYTES),
        headers=headers,
        accept=FEED_TYPES,
        what="an RSS or Atom feed",
    )
    if res.status == 304:
        return res, None
    try:
        parsed = feedparser.parse(
            res.content,
            response_headers={
                "content-type": res.headers.get("content-type", ""),
                "content-location": feed_url,
            },
        )
    except Exception as e:  # feedparser is lenient, but its sanitizers meet odd input
        raise FetchError(
            f"not a readable RSS/Atom feed ({type(e).__name__}: {e})", source=feed_url
        ) from e
    if parsed.get("bozo") and not parsed.entries:
        exc = parsed.get("bozo_exception")
        raise FetchError(
            f"not a valid RSS/Atom feed ({type(exc).__name__ if exc else 'unknown'}: {exc})",
            source=feed_url,
        )
    return res, parsed


def preview_feed(
    url: str, *, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES
) -> FeedPreview:
    """Fetch ``url`` once and say what it holds (FetchError if it is not a feed)."""
    if not is_url(url):
        raise UsageError("a feed must be an http(s) URL", source=url)
    own = client is None
    client = client or make_client()
    try:
        _, parsed = _fetch_feed(url.strip(), client, max_bytes, {})
    finally:
        if own:
            client.close()
    dates = [
        iso_from_struct(e.get("published_parsed") or e.get("updated_parsed"))
        for e in parsed.entries
    ]
    return FeedPreview(
        url=url.strip(),
        title=_text(parsed.feed.get("title")),
        entries=len(parsed.entries),
        with_links=sum(1 for e in parsed.entries if is_url(_text(e.get("link")) or "")),
        newest=max((d for d in dates if d), default=None),
    )


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _due(state: sql.EntryState | None, now: datetime) -> str:
    """'new', 'retry', 'wait' or 'done' for an entry in this poll."""
    if state is None:
        return "new"
    if state.status != "error":
        return "done"  # ingested, or given up
    if state.next_try and datetime.fromisoformat(state.next_try) > now:
        return "wait"
    return "retry"


def _backoff(attempts: int, now: datetime) -> tuple[str, str | None]:
    """(status, next try) after the ``attempts``-th failure."""
    if attempts >= MAX_ATTEMPTS:
        return "gave-up", None
    return "error", (now + RETRY_FIRST * 2 ** (attempts - 1)).isoformat()


def _poll_one(store, feed: Feed, ingest, client, max_bytes) -> FeedResult:
    headers = {
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
    }
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    res, parsed = _fetch_feed(feed.url, client, max_bytes, headers)
    if parsed is None:
        _record_feed(store, feed, last_status="not-modified", last_error=None)
        return FeedResult(feed.id, feed.url, "not-modified")
    feed_title = _text(parsed.feed.get("title"))
    result = FeedResult(feed.id, feed.url, "ok")
    states = sql.entry_states(store, feed.id)
    now = _clock()
    fetched: list[tuple[str, str | None, Document]] = []
    seen: set[str] = set()

    def failed(key: str, link: str | None, message: str) -> None:
        attempts = (states[key].attempts if key in states else 0) + 1
        status, next_try = _backoff(attempts, now)
        when = f"retry after {next_try[:16]}" if next_try else "given up"
        result.failed += 1
        result.entry_errors.append(f"{message} (attempt {attempts} of {MAX_ATTEMPTS}; {when})")
        sql.record_entry(
            store, feed.id, key, url=link, status=status, document_id=None, seen_at=now.isoformat(),
            attempts=attempts, next_try=next_try, error=message,
        )  # fmt: skip

    for entry in parsed.entries:
        key = _entry_key(entry)
        if key is None or key in seen:
            continue
        seen.add(key)
        due = _due(states.get(key), now)
        if due in ("done", "wait"):
            result.waiting += due == "wait"
            continue
        if due == "new":
            result.new_entries += 1
        else:
            result.retried += 1
        link = _text(entry.get("link"))
        try:
            doc = entry_document(entry, feed_title, feed.url, client, max_bytes)
        except SourceError as e:
            log.info("%s: entry %s: %s", feed.url, key, e)  # reported by the caller, once
            failed(key, link, str(e))
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
        doc_id = sql.document_id_for_ref(store, doc.ref)
        if doc_id is None:
            failed(key, doc.url or link, f"{doc.ref}: not stored by the ingest")
        else:
            result.ingested += 1
            sql.record_entry(
                store, feed.id, key, url=doc.url or link, status="ingested", document_id=doc_id,
                seen_at=now.isoformat(),
            )  # fmt: skip
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
