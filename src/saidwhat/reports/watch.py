"""Watchlists: named searches kept in the store, published as Atom 1.0 feeds.

A watchlist is a :class:`~saidwhat.search.query.SearchFilters` saved as JSON
in the ``watchlists`` table. :func:`feed_xml` renders its newest matches as an
Atom feed built with :mod:`xml.etree` (so every piece of text is escaped).
"""

from __future__ import annotations

import difflib
import json
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from saidwhat.errors import NotFoundError, QueryError, ReportError, UsageError
from saidwhat.reports.dossier import check_writable, headline_for
from saidwhat.search.query import Hit, SearchFilters, search_statements, text_expression
from saidwhat.store.db import Store

log = logging.getLogger(__name__)

ATOM_NS = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00Z"
_NAME = re.compile(r"^[\w][\w .:@+-]{0,99}$")
_HTTP = re.compile(r"^https?://\S+$")
# Filters that shape one listing rather than what is watched.
_NOT_STORED = ("sort", "limit", "offset")


@dataclass
class Watchlist:
    id: int
    name: str
    filters: SearchFilters
    created_at: str

    def to_row(self) -> dict:
        return {"name": self.name, "filters": self.filters.describe(), "created": self.created_at}


def add_watchlist(
    store: Store, name: str, filters: SearchFilters, *, replace: bool = False
) -> Watchlist:
    """Save ``filters`` under ``name`` (``replace`` to overwrite an existing one)."""
    name = name.strip()
    if not _NAME.match(name):
        raise UsageError(
            f"bad watchlist name {name!r}; use letters, digits, spaces and . : @ + - (up to 100)"
        )
    filters.validate()
    data = {k: v for k, v in filters.to_dict().items() if k not in _NOT_STORED}
    if not data:
        raise UsageError("a watchlist needs at least one filter, e.g. --speaker or a search text")
    if filters.text:
        # A search that cannot run is refused now, not on every feed request.
        store.statements.check_text(text_expression(filters.text))
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
    if not store.watchlists.save(name, payload, replace=replace):
        raise UsageError(f"watchlist {name!r} exists; pass --replace to overwrite it")
    log.info("watchlist %s: %s", name, payload)
    return get_watchlist(store, name)


def _row(row) -> Watchlist:
    try:
        filters = SearchFilters.from_dict(json.loads(row["filters"]))
    except (ValueError, TypeError) as e:
        raise QueryError(
            f"watchlist {row['name']!r} has unreadable filters ({e}); add it again"
        ) from e
    return Watchlist(row["id"], row["name"], filters, row["created_at"])


def list_watchlists(store: Store) -> list[Watchlist]:
    return [_row(r) for r in store.watchlists.all()]


def get_watchlist(store: Store, name: str) -> Watchlist:
    row = store.watchlists.get(name.strip())
    if row is None:
        names = store.watchlists.names()
        close = difflib.get_close_matches(name, names, n=3)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise NotFoundError(f"no watchlist named {name!r}{hint} (see `saidwhat watch list`)")
    return _row(row)


def remove_watchlist(store: Store, name: str) -> None:
    get_watchlist(store, name)
    store.watchlists.remove(name.strip())


def watch_hits(store: Store, name: str, *, limit: int = 50) -> list[Hit]:
    """The newest ``limit`` statements matching watchlist ``name``."""
    wl = get_watchlist(store, name)
    filters = SearchFilters(
        **{**wl.filters.to_dict(), "sort": "-date", "limit": limit, "offset": 0}
    )
    try:
        return search_statements(store, filters)
    except NotFoundError as e:
        # A watched speaker who has not been quoted yet: an empty feed, not an error.
        log.info("watchlist %s matches nothing yet: %s", name, e)
        return []


def rfc3339(value: str | None) -> str:
    """An Atom date from an ISO date or datetime (UTC assumed when no zone is given)."""
    if not value:
        return EPOCH
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) == 10:
            dt = datetime.fromisoformat(text + "T00:00:00+00:00")
        else:
            dt = datetime.fromisoformat(text)
    except ValueError:
        return EPOCH
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.isoformat().replace("+00:00", "Z")


def _entry_time(h: Hit) -> str:
    return rfc3339(h.effective_date or h.ingested_at)


def feed_xml(
    name: str, filters: SearchFilters, hits: list[Hit], *, self_url: str | None = None
) -> bytes:
    """An Atom 1.0 feed of ``hits`` (given newest first)."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", f"urn:saidwhat:watchlist:{name}")
    sub(feed, "title", f"saidwhat watchlist: {name}")
    if filters.describe():
        sub(feed, "subtitle", filters.describe())
    sub(feed, "updated", max((_entry_time(h) for h in hits), default=EPOCH))
    author = sub(feed, "author")
    sub(author, "name", "saidwhat")
    sub(feed, "generator", "saidwhat")
    if self_url:
        sub(feed, "link", rel="self", href=self_url)
    for h in hits:
        entry = sub(feed, "entry")
        speaker = h.speaker_display or "Unattributed"
        sub(entry, "id", f"urn:saidwhat:statement:{h.id}")
        sub(entry, "title", f"{speaker}: {headline_for(h)}")
        sub(entry, "updated", _entry_time(h))
        sub(entry, "published", _entry_time(h))
        a = sub(entry, "author")
        sub(a, "name", speaker)
        if h.url and _HTTP.match(h.url):
            sub(entry, "link", rel="alternate", href=h.url)
        sub(entry, "category", term=h.kind)
        sub(entry, "summary", h.quote, type="text")
        cite = ", ".join(
            p
            for p in (
                speaker + (f" ({h.role})" if h.role else ""),
                "source missing" if h.source_missing else (h.source or h.outlet),
                h.title,
                h.day,
                h.url or h.doc,
            )
            if p
        )
        sub(entry, "content", f"“{h.quote}”\n\n— {cite}", type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def watch_feed(store: Store, name: str, *, limit: int = 50, self_url: str | None = None) -> bytes:
    """The Atom feed of watchlist ``name``."""
    wl = get_watchlist(store, name)
    return feed_xml(wl.name, wl.filters, watch_hits(store, name, limit=limit), self_url=self_url)


def write_feed(
    store: Store, name: str, path: str | Path, *, limit: int = 50, self_url: str | None = None
) -> int:
    """Write the feed of ``name`` to ``path``; returns the number of entries."""
    wl = get_watchlist(store, name)
    hits = watch_hits(store, name, limit=limit)
    data = feed_xml(wl.name, wl.filters, hits, self_url=self_url)
    p = check_writable(path)
    try:
        p.write_bytes(data)
    except OSError as e:
        raise ReportError(
            f"cannot write it ({e.strerror or e}); choose another path", source=str(path)
        ) from e
    log.info("wrote %d entries of watchlist %s to %s", len(hits), name, p)
    return len(hits)
