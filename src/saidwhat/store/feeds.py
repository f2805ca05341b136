"""The SQL of feed subscriptions and their entries (``feeds``, ``feed_entries``).

:mod:`saidwhat.sources.feeds` decides what to fetch and when; this module only
reads and writes rows. Column names in updates come from :data:`FEED_COLUMNS`,
never from callers' strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from saidwhat.store.db import Store

#: Columns of ``feeds`` that a poll may update.
FEED_COLUMNS = ("title", "etag", "last_modified", "last_polled", "last_status", "last_error")

_FEED_SELECT = (
    "SELECT f.*, (SELECT COUNT(*) FROM feed_entries e WHERE e.feed_id = f.id) AS entries,"
    " (SELECT COUNT(*) FROM feed_entries e WHERE e.feed_id = f.id AND e.status != 'ingested')"
    " AS failed_entries FROM feeds f"
)


@dataclass
class EntryState:
    """What is known of one feed entry from earlier polls."""

    status: str  # 'ingested', 'error' (will be retried) or 'gave-up'
    attempts: int
    next_try: str | None


def insert_feed(store: Store, url: str, added_at: str, title: str | None = None) -> None:
    """Subscribe ``url`` (nothing happens if it is already subscribed)."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO feeds (url, title, added_at) VALUES (?, ?, ?)",
            (url, title, added_at),
        )


def feed_row(store: Store, url_or_id: str | int) -> Any | None:
    """One subscribed feed by id or URL, with its entry counts."""
    if isinstance(url_or_id, int) or str(url_or_id).isdigit():
        rows = store.query(_FEED_SELECT + " WHERE f.id = ?", (int(url_or_id),))
    else:
        rows = store.query(_FEED_SELECT + " WHERE f.url = ?", (str(url_or_id).strip(),))
    return rows[0] if rows else None


def feed_rows(store: Store) -> list[Any]:
    """Every subscribed feed, oldest first."""
    return store.query(_FEED_SELECT + " ORDER BY f.id")


def delete_feed(store: Store, feed_id: int) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def update_feed(store: Store, feed_id: int, **cols: Any) -> None:
    """Set some of :data:`FEED_COLUMNS` on one feed."""
    unknown = set(cols) - set(FEED_COLUMNS)
    if unknown:
        raise ValueError(f"not a feeds column: {', '.join(sorted(unknown))}")
    sets = ", ".join(f"{k} = ?" for k in cols)
    with store.transaction() as conn:
        conn.execute(f"UPDATE feeds SET {sets} WHERE id = ?", (*cols.values(), feed_id))


def record_entry(
    store: Store,
    feed_id: int,
    key: str,
    *,
    url: str | None,
    status: str,
    document_id: int | None,
    seen_at: str,
    attempts: int = 0,
    next_try: str | None = None,
    error: str | None = None,
) -> None:
    """Insert or update one entry's outcome."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO feed_entries (feed_id, entry_id, url, document_id, status, seen_at,"
            " attempts, next_try, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (feed_id, entry_id) DO UPDATE SET url = excluded.url,"
            " document_id = excluded.document_id, status = excluded.status,"
            " seen_at = excluded.seen_at, attempts = excluded.attempts,"
            " next_try = excluded.next_try, last_error = excluded.last_error",
            (feed_id, key, url, document_id, status, seen_at, attempts, next_try, error),
        )


def entry_states(store: Store, feed_id: int) -> dict[str, EntryState]:
    """Every entry seen in ``feed_id``, by entry key."""
    rows = store.query(
        "SELECT entry_id, status, attempts, next_try FROM feed_entries WHERE feed_id = ?",
        (feed_id,),
    )
    return {r["entry_id"]: EntryState(r["status"], r["attempts"], r["next_try"]) for r in rows}


def document_id_for_ref(store: Store, ref: str) -> int | None:
    """The document stored under ``ref`` (latest copy), if any."""
    row = store.conn.execute(
        "SELECT document_id FROM document_copies WHERE ref = ? ORDER BY id DESC LIMIT 1", (ref,)
    ).fetchone()
    return int(row[0]) if row else None
