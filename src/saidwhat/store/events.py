"""Coded events in the store: writing them per document, and every query events and tone need.

Self-contained (one ``sqlite3`` connection from a :class:`~saidwhat.store.db.Store`):
the events table is created by its migration in :mod:`saidwhat.store.migrations`.
Writing replaces a document's events in one transaction, so coding again
(``saidwhat events --recode``) is idempotent.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from saidwhat.errors import StoreError
from saidwhat.model import Statement
from saidwhat.names import name_key
from saidwhat.store.db import Store, store_error

#: Largest number of ids bound into one IN (...) list (SQLite's default limit is 32766).
MAX_IN_IDS = 30000


def _first(entities: list[Any], attr: str) -> str | None:
    for e in entities:
        value = getattr(e, attr, None)
        if value:
            return value
    return None


def statement_ids(
    conn: sqlite3.Connection, document_id: int, statements: Sequence[Statement]
) -> list[int | None]:
    """The stored id of each statement of a document (by its offsets), None if not stored."""
    out: list[int | None] = []
    for st in statements:
        row = conn.execute(
            "SELECT id FROM statements WHERE document_id = ? AND quote_start = ? AND quote_end = ?",
            (document_id, st.quote_start, st.quote_end),
        ).fetchone()
        out.append(int(row[0]) if row else None)
    return out


def person_country(conn: sqlite3.Connection, name: str) -> str | None:
    """The country the registry (or an earlier document) gives the person named ``name``."""
    row = conn.execute(
        "SELECT p.country FROM aliases a JOIN people p ON p.id = a.person_id"
        " WHERE a.key = ? AND p.country IS NOT NULL LIMIT 1",
        (name_key(name),),
    ).fetchone()
    return row[0] if row else None


def replace_document_events(
    store: Store,
    document_id: int,
    events: Sequence[Any],
    statements: Sequence[Statement],
    *,
    day: str | None,
    coder: str,
) -> int:
    """Replace the events of ``document_id`` with ``events`` (``Event.statement`` indexes
    ``statements``); returns the number stored."""
    with store.transaction() as conn:
        for ev in events:
            for ent in (*ev.actor, *ev.recipient):
                if ent.type == "person" and not ent.country:
                    ent.country = person_country(conn, ent.name)
        ids = statement_ids(conn, document_id, statements)
        conn.execute("DELETE FROM events WHERE document_id = ?", (document_id,))
        n = 0
        for ev in events:
            sid = ids[ev.statement] if ev.statement is not None else None
            st_day = None
            dating = ev.statement if ev.statement is not None else ev.dated_by
            if dating is not None:
                st_date = statements[dating].date
                st_day = st_date[:10] if st_date else None
            cur = conn.execute(
                "INSERT OR IGNORE INTO events (document_id, statement_id, event, mode, aux, score,"
                " stance, span, span_start, span_end, sentence_start, sentence_end, actor,"
                " recipient, actor_name, actor_country, recipient_name, recipient_country, day,"
                " confidence, coder)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    sid,
                    ev.event,
                    ev.mode,
                    ev.aux,
                    ev.score,
                    ev.stance,
                    ev.span,
                    ev.start,
                    ev.end,
                    ev.sentence_start,
                    ev.sentence_end,
                    json.dumps([asdict(a) for a in ev.actor], ensure_ascii=False),
                    json.dumps([asdict(r) for r in ev.recipient], ensure_ascii=False),
                    _first(ev.actor, "name"),
                    _first(ev.actor, "country"),
                    _first(ev.recipient, "name"),
                    _first(ev.recipient, "country"),
                    st_day or day,
                    float(ev.confidence),
                    coder,
                ),
            )
            n += cur.rowcount
        return n


# -- reading documents back for recoding --------------------------------------------


@dataclass
class StoredText:
    """A stored document with what the coder needs: its text and its statements."""

    document_id: int
    text: str
    language: str | None
    published: str | None
    format: str
    statements: list[Statement] = field(default_factory=list)
    people: list[tuple[str, str | None, str | None, list[str]]] = field(default_factory=list)


def iter_documents_to_code(store: Store, *, batch: int = 50) -> Iterator[StoredText]:
    """Every stored document with extracted statements, with its statements and speakers."""
    last = 0
    while True:
        try:
            rows = store.conn.execute(
                "SELECT id, text, language, published, format FROM documents"
                " WHERE id > ? AND status = 'extracted' ORDER BY id LIMIT ?",
                (last, batch),
            ).fetchall()
        except sqlite3.DatabaseError as e:
            raise store_error(store.path, e) from e
        if not rows:
            return
        for r in rows:
            last = r["id"]
            yield _stored_text(store.conn, r)


def _stored_text(conn: sqlite3.Connection, r: sqlite3.Row) -> StoredText:
    doc = StoredText(r["id"], r["text"], r["language"], r["published"], r["format"])
    sts = conn.execute(
        "SELECT s.*, p.name AS person_name, p.type AS person_type, p.country AS person_country,"
        " p.organisation AS person_org FROM statements s LEFT JOIN people p ON p.id = s.person_id"
        " WHERE s.document_id = ? ORDER BY s.quote_start",
        (r["id"],),
    ).fetchall()
    seen: set[int] = set()
    for s in sts:
        doc.statements.append(
            Statement(
                quote=s["quote"],
                quote_start=s["quote_start"],
                quote_end=s["quote_end"],
                kind=s["kind"],
                speaker=s["person_name"] or s["speaker_name"],
                speaker_mention=s["speaker_mention"],
                speaker_start=s["speaker_start"],
                speaker_end=s["speaker_end"],
                cue=s["cue"],
                role=s["role"],
                date=s["date"],
                source=s["source"],
                speaker_type=s["speaker_type"] or s["person_type"],
                organisation=s["organisation"] or s["person_org"],
                country=s["country"] or s["person_country"],
                fragments=json.loads(s["fragments"]) if s["fragments"] else None,
            )
        )
        pid = s["person_id"]
        if pid is not None and pid not in seen:
            seen.add(pid)
            aliases = [
                a[0] for a in conn.execute("SELECT alias FROM aliases WHERE person_id = ?", (pid,))
            ]
            doc.people.append((s["person_name"], s["person_type"], s["person_country"], aliases))
    return doc


# -- queries -------------------------------------------------------------------------

_EVENT_COLUMNS = """
    e.id, e.document_id, e.statement_id, e.event, e.mode, e.aux, e.score, e.stance, e.span,
    e.span_start, e.span_end, e.actor, e.recipient, e.actor_name, e.actor_country,
    e.recipient_name, e.recipient_country, e.day, e.confidence, e.coder,
    s.quote, s.quote_start, s.quote_end, s.speaker_name, s.source, s.source_missing,
    p.name AS person_name, d.ref AS doc_ref, d.title, d.outlet, d.url, d.published,
    d.language, substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
        AS sentence
"""


@dataclass
class EventQuery:
    """Filters over stored events; every set field is combined with AND."""

    types: list[str] = field(default_factory=list)
    actor: str | None = None  # name, surname or country of the actor
    recipient: str | None = None
    since: str | None = None  # ISO date prefix, inclusive
    until: str | None = None
    source: str | None = None  # cited source or outlet contains
    speaker_ids: list[int] | None = None  # statements by these people
    statement_ids: list[int] | None = None  # only events of these statements
    include_unrealised: bool = True  # negated and hypothetical events too
    limit: int | None = None
    offset: int = 0


def _like(value: str) -> str:
    esc = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "%" + esc + "%"


def _party(column: str, value: str) -> tuple[str, list[Any]]:
    """Match an actor/recipient by name (or a part of it, e.g. a surname) or by country."""
    return (
        f"(e.{column}_name LIKE ? ESCAPE '\\' OR lower(e.{column}_country) = lower(?))",
        [_like(value), value.strip()],
    )


def find_events(store: Store, q: EventQuery) -> list[sqlite3.Row]:
    """Stored events matching ``q`` with their statement and document, oldest first."""
    where: list[str] = []
    params: list[Any] = []
    if q.types:
        where.append(f"e.event IN ({','.join('?' * len(q.types))})")
        params += q.types
    for column, value in (("actor", q.actor), ("recipient", q.recipient)):
        if value:
            clause, ps = _party(column, value)
            where.append(clause)
            params += ps
    if q.since or q.until:
        where.append("e.day >= ? AND e.day <= ?")
        params += [q.since or "", (q.until + "~") if q.until else "~"]
    if q.source:
        where.append("(s.source LIKE ? ESCAPE '\\' OR d.outlet LIKE ? ESCAPE '\\')")
        params += [_like(q.source)] * 2
    for column, ids in (("s.person_id", q.speaker_ids), ("e.statement_id", q.statement_ids)):
        if ids is not None:
            ids = list(ids)[:MAX_IN_IDS]
            if not ids:
                return []
            where.append(f"{column} IN ({','.join('?' * len(ids))})")
            params += ids
    if not q.include_unrealised:
        where.append("e.score IS NOT NULL")
    sql = (
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id"
        " LEFT JOIN statements s ON s.id = e.statement_id"
        " LEFT JOIN people p ON p.id = s.person_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.day IS NULL, e.day, e.document_id, e.span_start"
    if q.limit is not None or q.offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if q.limit is None else q.limit, q.offset]
    try:
        return store.conn.execute(sql, params).fetchall()
    except sqlite3.DatabaseError as e:
        raise store_error(store.path, e) from e


def count_events(store: Store) -> int:
    try:
        return int(store.conn.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.OperationalError as e:
        raise StoreError(f"cannot read events ({e})", source=store.path) from e


def events_by_statement(store: Store, ids: Sequence[int]) -> dict[int, list[sqlite3.Row]]:
    """The events of each statement id in ``ids`` (for grouping a dossier by event type)."""
    out: dict[int, list[sqlite3.Row]] = {}
    ids = list(ids)
    for i in range(0, len(ids), MAX_IN_IDS):
        chunk = ids[i : i + MAX_IN_IDS]
        rows = store.conn.execute(
            "SELECT id, statement_id, event, mode, aux, score, stance, actor_name,"
            " actor_country, recipient_name, recipient_country, span FROM events"
            f" WHERE statement_id IN ({','.join('?' * len(chunk))}) ORDER BY span_start",
            chunk,
        ).fetchall()
        for r in rows:
            out.setdefault(r["statement_id"], []).append(r)
    return out
