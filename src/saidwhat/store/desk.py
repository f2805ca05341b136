"""What the web desk stores and reads beyond the search library.

Dossier drafts (statements picked in the browser, in the analyst's order),
when a watchlist was last opened, feed health figures, statements by id, and
two speaker corrections the CLI has no command for: renaming a person and
fixing one statement's speaker. Both are stored the way the CLI stores its
corrections (aliases with origin 'manual'), so they survive re-ingest.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise

from saidwhat.errors import NotFoundError, UsageError
from saidwhat.search.query import Hit, _hit
from saidwhat.store import dialect
from saidwhat.store.db import Store
from saidwhat.store.people import add_alias, resolve_one_person
from saidwhat.store.statements import COLUMNS

#: Longest dossier name and title accepted from a form.
NAME_MAX = 100
TITLE_MAX = 300
INTRO_MAX = 20_000
#: Most statements in one dossier draft (a PDF of more is not read by anyone).
DRAFT_MAX_ITEMS = 2000


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


#: Bytes of a SQLite store each desk connection maps into memory (virtual address
#: space; the pages are the OS's file cache, shared by every connection). Facet
#: counts look up thousands of sampled statements with their documents: mapped pages
#: are read without a system call each, which halved the CPU of such a lookup on a
#: 1M-statement store (bench/README.md, "round 3, merged").
MMAP_BYTES = 1 << 30


def tune_for_reading(store: Store) -> None:
    """Let this connection read a SQLite store through memory-mapped I/O (no-op on PostgreSQL)."""
    if not store.is_postgres:
        store.conn.execute(f"PRAGMA mmap_size = {int(MMAP_BYTES)}").fetchall()


def make_read_only(store: Store) -> None:
    """Make this connection refuse every write (``saidwhat serve --read-only``)."""
    dialect.make_query_only(store)


# --- statements and documents by id ----------------------------------------------------


def hits_by_ids(store: Store, ids: list[int]) -> list[Hit]:
    """The statements ``ids`` as search hits, in the order given (missing ids are skipped)."""
    found: dict[int, Hit] = {}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ",".join("?" * len(chunk))
        rows = store.query(
            f"SELECT {COLUMNS}, NULL AS snippet, NULL AS rank FROM statements s"
            " JOIN documents d ON d.id = s.document_id LEFT JOIN people p ON p.id = s.person_id"
            f" WHERE s.id IN ({marks})",
            tuple(chunk),
        )
        for r in rows:
            found[r["id"]] = _hit(r)
    return [found[i] for i in ids if i in found]


def get_hit(store: Store, statement_id: int) -> Hit:
    hits = hits_by_ids(store, [statement_id])
    if not hits:
        raise NotFoundError(f"no statement with id {statement_id}")
    return hits[0]


def same_day_by_speaker(store: Store, hit: Hit, *, limit: int = 20) -> list[Hit]:
    """Other statements by the same person on the same day (newest document first)."""
    if hit.person_id is None or not hit.day:
        return []
    ids = [
        r[0]
        for r in store.query(
            "SELECT id FROM statements WHERE person_id = ? AND day = ? AND id != ?"
            " ORDER BY document_id DESC, quote_start LIMIT ?",
            (hit.person_id, hit.day, hit.id, limit),
        )
    ]
    return hits_by_ids(store, ids)


def document_text(store: Store, doc_id: int) -> tuple[str, str | None, str]:
    """A document's text, language and status."""
    rows = store.query("SELECT text, language, status FROM documents WHERE id = ?", (doc_id,))
    if not rows:
        raise NotFoundError(f"no document with id {doc_id}")
    return rows[0]["text"], rows[0]["language"], rows[0]["status"]


def document_spans(store: Store, doc_id: int) -> list[dict]:
    """Every statement of a document with its offsets and resolved speaker, in text order."""
    return [
        dict(r)
        for r in store.query(
            "SELECT s.id, s.person_id, COALESCE(p.name, s.speaker_name) AS speaker,"
            " s.quote_start, s.quote_end, s.speaker_start, s.speaker_end, s.kind"
            " FROM statements s LEFT JOIN people p ON p.id = s.person_id"
            " WHERE s.document_id = ? ORDER BY s.quote_start",
            (doc_id,),
        )
    ]


def speaker_fix_of(store: Store, statement_id: int) -> dict | None:
    rows = store.query(
        "SELECT f.person_name, f.fixed_at FROM speaker_fixes f JOIN documents d"
        " ON d.content_hash = f.content_hash JOIN statements s ON s.document_id = d.id"
        " AND s.quote_start = f.quote_start AND s.quote_end = f.quote_end WHERE s.id = ?",
        (statement_id,),
    )
    return dict(rows[0]) if rows else None


# --- corrections ------------------------------------------------------------------------


def rename_person(store: Store, name: str, new_name: str) -> tuple[int, str]:
    """Give a person a new display name; the old name stays as a manual alias."""
    new_name = " ".join(new_name.split())
    if not new_name or len(new_name) > NAME_MAX:
        raise UsageError(f"a name needs 1 to {NAME_MAX} characters")
    pid = resolve_one_person(store.conn, name)
    old = store.query("SELECT name FROM people WHERE id = ?", (pid,))[0][0]
    with store.transaction() as conn:
        conn.execute("UPDATE people SET name = ? WHERE id = ?", (new_name, pid))
        for alias in dict.fromkeys([old, new_name]):
            add_alias(conn, pid, alias, "manual")
    return pid, new_name


def fix_statement_speaker(store: Store, statement_id: int, speaker: str) -> Hit:
    """Attribute one statement to ``speaker`` (any alias or #id) and record the fix.

    Only this statement moves: its mention ("the minister") is not made an alias,
    since it may name someone else elsewhere. Re-ingesting the document leaves the
    stored statement as fixed (ingest is idempotent: the same text is not stored
    twice). The fix is also recorded by the document's content hash and the quote's
    offsets, and the statement page shows who fixed it to whom and when.
    """
    hit = get_hit(store, statement_id)
    pid = resolve_one_person(store.conn, speaker)
    name = store.query("SELECT name FROM people WHERE id = ?", (pid,))[0][0]
    digest = store.query("SELECT content_hash FROM documents WHERE id = ?", (hit.doc_id,))[0][0]
    with store.transaction() as conn:
        conn.execute("UPDATE statements SET person_id = ? WHERE id = ?", (pid, statement_id))
        conn.execute(
            "INSERT INTO speaker_fixes (content_hash, quote_start, quote_end, person_name,"
            " fixed_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (content_hash, quote_start, quote_end) DO UPDATE SET"
            " person_name = excluded.person_name, fixed_at = excluded.fixed_at",
            (digest, hit.quote_start, hit.quote_end, name, now_iso()),
        )
    return get_hit(store, statement_id)


def per_week(store: Store, person_id: int) -> list[tuple[str, int]]:
    """Statements per ISO week (Monday's date) of one person."""
    return [
        (r[0], r[1])
        for r in store.query(
            f"SELECT {dialect.week_start(store, 'day')} AS wk, COUNT(*) FROM statements"
            " WHERE person_id = ? AND day IS NOT NULL GROUP BY wk ORDER BY wk",
            (person_id,),
        )
    ]


def latest_of_person(store: Store, person_id: int, *, limit: int = 10) -> list[Hit]:
    ids = [
        r[0]
        for r in store.query(
            "SELECT id FROM statements WHERE person_id = ? ORDER BY day DESC, id DESC LIMIT ?",
            (person_id, limit),
        )
    ]
    return hits_by_ids(store, ids)


def aliases_with_origin(store: Store, person_id: int) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in store.query(
            "SELECT alias, origin FROM aliases WHERE person_id = ? ORDER BY alias", (person_id,)
        )
    ]


# --- dossier drafts ---------------------------------------------------------------------


@dataclass
class Draft:
    id: int
    name: str
    title: str
    intro: str
    updated_at: str
    statement_ids: list[int] = field(default_factory=list)


def _check_text(value: str, what: str, most: int, *, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise UsageError(f"a dossier needs a {what}")
    if len(value) > most:
        raise UsageError(f"the {what} is longer than {most} characters")
    return value


def list_drafts(store: Store) -> list[Draft]:
    rows = store.query(
        "SELECT d.*, (SELECT COUNT(*) FROM dossier_draft_items i WHERE i.draft_id = d.id) AS n"
        " FROM dossier_drafts d ORDER BY d.updated_at DESC, d.name"
    )
    return [
        Draft(r["id"], r["name"], r["title"], r["intro"], r["updated_at"], [0] * r["n"])
        for r in rows
    ]


def get_draft(store: Store, name: str) -> Draft:
    rows = store.query("SELECT * FROM dossier_drafts WHERE name = ?", (name.strip(),))
    if not rows:
        raise NotFoundError(f"no dossier named {name!r}")
    r = rows[0]
    ids = [
        x[0]
        for x in store.query(
            "SELECT statement_id FROM dossier_draft_items WHERE draft_id = ? ORDER BY position",
            (r["id"],),
        )
    ]
    return Draft(r["id"], r["name"], r["title"], r["intro"], r["updated_at"], ids)


def save_draft(store: Store, name: str, title: str, intro: str = "") -> Draft:
    """Create the draft ``name`` or update its title and introduction."""
    name = _check_text(name, "name", NAME_MAX)
    title = _check_text(title, "title", TITLE_MAX)
    intro = _check_text(intro, "introduction", INTRO_MAX, required=False)
    now = now_iso()
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO dossier_drafts (name, title, intro, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET title = excluded.title,"
            " intro = excluded.intro, updated_at = excluded.updated_at",
            (name, title, intro, now, now),
        )
    return get_draft(store, name)


def delete_draft(store: Store, name: str) -> None:
    draft = get_draft(store, name)
    with store.transaction() as conn:
        conn.execute("DELETE FROM dossier_drafts WHERE id = ?", (draft.id,))


def add_to_draft(store: Store, name: str, statement_ids: list[int]) -> int:
    """Append statements (those not in it yet); returns how many were added."""
    draft = get_draft(store, name)
    have = set(draft.statement_ids)
    new = [i for i in dict.fromkeys(statement_ids) if i not in have]
    if len(have) + len(new) > DRAFT_MAX_ITEMS:
        raise UsageError(f"a dossier holds at most {DRAFT_MAX_ITEMS} statements")
    existing = {h.id for h in hits_by_ids(store, new)}
    missing = [i for i in new if i not in existing]
    if missing:
        raise NotFoundError(f"no statement with id {missing[0]}")
    with store.transaction() as conn:
        pos = len(draft.statement_ids)
        for sid in new:
            conn.execute(
                "INSERT INTO dossier_draft_items (draft_id, statement_id, position)"
                " VALUES (?, ?, ?)",
                (draft.id, sid, pos),
            )
            pos += 1
        conn.execute("UPDATE dossier_drafts SET updated_at = ? WHERE id = ?", (now_iso(), draft.id))
    return len(new)


def reorder_draft(store: Store, name: str, statement_ids: list[int]) -> Draft:
    """Store a new order; ``statement_ids`` must hold exactly the draft's statements."""
    draft = get_draft(store, name)
    if sorted(statement_ids) != sorted(draft.statement_ids):
        raise UsageError("the new order must list every statement of the dossier once")
    _write_order(store, draft.id, statement_ids)
    return get_draft(store, name)


def remove_from_draft(store: Store, name: str, statement_id: int) -> Draft:
    draft = get_draft(store, name)
    _write_order(store, draft.id, [i for i in draft.statement_ids if i != statement_id])
    return get_draft(store, name)


def _write_order(store: Store, draft_id: int, ids: list[int]) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM dossier_draft_items WHERE draft_id = ?", (draft_id,))
        conn.executemany(
            "INSERT INTO dossier_draft_items (draft_id, statement_id, position) VALUES (?, ?, ?)",
            [(draft_id, sid, pos) for pos, sid in enumerate(ids)],
        )
        conn.execute("UPDATE dossier_drafts SET updated_at = ? WHERE id = ?", (now_iso(), draft_id))


# --- watchlist visits -------------------------------------------------------------------


def last_visits(store: Store) -> dict[int, str]:
    return {
        r[0]: r[1] for r in store.query("SELECT watchlist_id, last_visit FROM watchlist_visits")
    }


def mark_visited(store: Store, watchlist_id: int) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO watchlist_visits (watchlist_id, last_visit) VALUES (?, ?)"
            " ON CONFLICT (watchlist_id) DO UPDATE SET last_visit = excluded.last_visit",
            (watchlist_id, now_iso()),
        )


# --- feed health ------------------------------------------------------------------------

#: A feed is "silent" when nothing new came for this many times its usual interval...
SILENT_FACTOR = 3.0
#: ...and never before this many hours (hourly feeds have quiet nights).
SILENT_MIN_HOURS = 6.0
#: A feed that never brought anything is flagged after this many hours.
NEW_FEED_GRACE_HOURS = 24.0


@dataclass
class FeedHealth:
    feed_id: int
    entries: int
    ingested: int
    errors: int
    last_new_entry: str | None  # the newest entry's publication time (else when it was seen)
    usual_interval_h: float | None  # median hours between entries
    silent_for_h: float | None
    warning: str | None


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def feed_health(store: Store, *, now: datetime | None = None) -> dict[int, FeedHealth]:
    """Per feed: entry counts, when it last brought something new, and a silence warning."""
    now = now or datetime.now(UTC)
    times: dict[int, list[datetime]] = {}
    counts: dict[int, list[int]] = {}
    for r in store.query(
        "SELECT e.feed_id, e.status, COALESCE(d.published, e.seen_at) AS t FROM feed_entries e"
        " LEFT JOIN documents d ON d.id = e.document_id"
    ):
        c = counts.setdefault(r["feed_id"], [0, 0, 0])
        c[0] += 1
        c[1] += r["status"] == "ingested"
        c[2] += r["status"] != "ingested"
        t = _parse(r["t"])
        if t is not None:
            times.setdefault(r["feed_id"], []).append(t)
    out: dict[int, FeedHealth] = {}
    for f in store.query("SELECT id, added_at FROM feeds"):
        fid = f["id"]
        ts = sorted(times.get(fid, []))
        n, ok, bad = counts.get(fid, [0, 0, 0])
        last = ts[-1] if ts else None
        gaps = [(b - a).total_seconds() / 3600 for a, b in pairwise(ts)]
        gaps = [g for g in gaps if g > 0]
        usual = statistics.median(gaps) if gaps else None
        silent = (now - last).total_seconds() / 3600 if last else None
        warning = None
        if last is None:
            added = _parse(f["added_at"])
            age = (now - added).total_seconds() / 3600 if added else 0.0
            if age > NEW_FEED_GRACE_HOURS:
                warning = f"nothing received since it was added {_span(age)} ago"
        elif usual is not None and silent > max(SILENT_FACTOR * usual, SILENT_MIN_HOURS):
            warning = (
                f"silent for {_span(silent)}; it usually brings something every {_span(usual)}"
            )
        out[fid] = FeedHealth(
            fid, n, ok, bad, last.isoformat() if last else None, usual, silent, warning
        )
    return out


def _span(hours: float) -> str:
    if hours < 1:
        return f"{max(1, round(hours * 60))} min"
    if hours < 48:
        return f"{round(hours)} h"
    return f"{round(hours / 24)} days"
