"""Coded events in the store: writing them per document, and every query events and tone need.

Runs on both backends (SQL with ``?`` placeholders, dialect differences from
:mod:`saidwhat.store.dialect`, backend errors caught as ``store.errors``); the
events table is created by its migration in :mod:`saidwhat.store.migrations`.
Writing replaces a document's events in one transaction, so coding again
(``saidwhat events --recode``) is idempotent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from saidwhat.model import Statement
from saidwhat.names import name_key
from saidwhat.store import dialect
from saidwhat.store.db import Store
from saidwhat.store.documents import copy_fresh
from saidwhat.store.people import TRUSTED_ORIGINS

#: The columns of an ``events`` row, in the order write_document_events builds them.
EVENT_COLUMNS = (
    "document_id", "statement_id", "event", "mode", "aux", "score", "stance", "span",
    "span_start", "span_end", "sentence_start", "sentence_end", "actor", "recipient",
    "actor_name", "actor_country", "actor_person_id", "recipient_name", "recipient_country",
    "recipient_person_id", "day", "confidence", "coder",
)  # fmt: skip
#: Decimals of a pair's mean stance.
STANCE_DIGITS = 3
#: Largest number of ids bound into one IN (...) list (SQLite's default limit is 32766).
MAX_IN_IDS = 30000


def _first(entities: list[Any], attr: str) -> str | None:
    for e in entities:
        value = getattr(e, attr, None)
        if value:
            return value
    return None


def _entities_json(entities: Sequence[Any], person_ids: dict[int, int | None]) -> str:
    out = []
    for e in entities:
        d = asdict(e)
        d["person_id"] = person_ids.get(id(e))
        out.append(d)
    return json.dumps(out, ensure_ascii=False)


def statement_ids(conn: Any, document_id: int, statements: Sequence[Statement]) -> list[int | None]:
    """The stored id of each statement of a document (by its offsets), None if not stored.

    One query for the whole document (offsets are unique per document), not one per
    statement: on PostgreSQL each query is a round trip.
    """
    stored = {
        (int(r[1]), int(r[2])): int(r[0])
        for r in conn.execute(
            "SELECT id, quote_start, quote_end FROM statements WHERE document_id = ?",
            (document_id,),
        ).fetchall()
    }
    return [stored.get((st.quote_start, st.quote_end)) for st in statements]


def find_people(
    conn: Any, names: Sequence[str], document_id: int
) -> dict[str, tuple[int | None, str | None, str | None, bool]]:
    """name -> (id, name, country, trusted) of the stored person an event entity named
    ``name`` is, for every name of a document in one query.

    Only a person the document itself quotes, or one a trusted alias (registry,
    manual) names: a person first met in a document stored later must not change
    what this document's events say, so coding at ingest and recoding agree
    whatever the order documents were stored in. ``trusted``: named by a trusted alias.
    """
    keys = {name: name_key(name) for name in dict.fromkeys(names)}
    wanted = sorted({k for k in keys.values() if k})
    best: dict[str, tuple[int | None, str | None, str | None, bool]] = {}
    for i in range(0, len(wanted), MAX_IN_IDS):
        chunk = wanted[i : i + MAX_IN_IDS]
        marks = ",".join("?" * len(TRUSTED_ORIGINS))
        keyed = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT a.key, p.id, p.name, p.country, a.origin IN ({marks}) AS trusted"
            " FROM aliases a JOIN people p ON p.id = a.person_id"
            f" WHERE a.key IN ({keyed}) AND (a.origin IN ({marks})"
            " OR EXISTS (SELECT 1 FROM statements s WHERE s.person_id = p.id AND s.document_id = ?))"
            " ORDER BY p.country IS NULL, p.id, trusted DESC",
            (*TRUSTED_ORIGINS, *chunk, *TRUSTED_ORIGINS, document_id),
        ).fetchall()
        for key, pid, name, country, trusted in rows:
            # the first row of a key: the person with a country, then the oldest
            best.setdefault(key, (int(pid), name, country, bool(trusted)))
    none = (None, None, None, False)
    return {name: best.get(key, none) for name, key in keys.items()}


def _link_people(conn: Any, document_id: int, events: Sequence[Any]) -> dict[int, int | None]:
    """Link person and organisation entities to stored people: id(entity) -> person id.

    A linked entity takes the stored person's name, so events name people as
    statements do; a person the registry (or a manual merge) names also gives its
    country. Other stored countries are left alone: a later document may fill one in,
    and the events of this one must not depend on that.
    """
    from saidwhat.events.places import country_of  # the events package imports this module

    person_ids: dict[int, int | None] = {}
    names = [
        ent.name
        for ev in events
        for ent in (*ev.actor, *ev.recipient)
        if ent.type in ("person", "organisation")
    ]
    found = find_people(conn, names, document_id)
    for ev in events:
        for ent in (*ev.actor, *ev.recipient):
            if ent.type not in ("person", "organisation"):
                continue
            pid, name, country, trusted = found[ent.name]
            person_ids[id(ent)] = pid
            if pid is None:
                continue
            ent.name = name or ent.name
            if trusted and country and country != ent.country:
                known = country_of(country)
                ent.country = known.name if known else country
                ent.code = known.code if known else None
    return person_ids


def replace_document_events(store: Store, *args: Any, **kwargs: Any) -> int:
    """:func:`write_document_events` (the same arguments after the store) in a
    transaction of its own."""
    with store.transaction() as conn:
        return write_document_events(conn, *args, **kwargs)


def write_document_events(
    conn: Any,
    document_id: int,
    events: Sequence[Any],
    statements: Sequence[Statement],
    *,
    day: str | None,
    coder: str,
    people: Sequence[Any] | None = None,
    fresh: bool = False,
) -> int:
    """Replace the events of ``document_id`` with ``events`` (``Event.statement`` indexes
    ``statements``) inside the caller's transaction; returns the number stored.

    ``people`` (the extractor's people, dataclasses) were the coder's input besides
    the parse and the statements: kept, so a recode gives the same input. Rows go in
    a canonical order (by span, then type), so the same events give the same rows.
    ``fresh``: the document was stored in this transaction, so it has nothing to
    replace (two statements fewer per document at ingest).
    """
    if people is not None:
        if not fresh:
            conn.execute("DELETE FROM event_people WHERE document_id = ?", (document_id,))
        conn.execute(
            "INSERT INTO event_people (document_id, people) VALUES (?, ?)",
            (document_id, json.dumps([asdict(p) for p in people], ensure_ascii=False)),
        )
    person_ids = _link_people(conn, document_id, events)
    ids = statement_ids(conn, document_id, statements)
    if not fresh:
        conn.execute("DELETE FROM events WHERE document_id = ?", (document_id,))
    rows = []
    for ev in sorted(events, key=lambda e: (e.start, e.end, e.event)):
        sid = ids[ev.statement] if ev.statement is not None else None
        st_day = None
        dating = ev.statement if ev.statement is not None else ev.dated_by
        if dating is not None:
            st_date = statements[dating].date
            st_day = st_date[:10] if st_date else None
        elif getattr(ev, "date", None):
            st_day = ev.date[:10]
        rows.append(
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
                _entities_json(ev.actor, person_ids),
                _entities_json(ev.recipient, person_ids),
                _first(ev.actor, "name"),
                _first(ev.actor, "country"),
                person_ids.get(id(ev.actor[0])) if ev.actor else None,
                _first(ev.recipient, "name"),
                _first(ev.recipient, "country"),
                person_ids.get(id(ev.recipient[0])) if ev.recipient else None,
                st_day or day,
                float(ev.confidence),
                coder,
            )
        )
    if not rows:
        return 0
    if fresh and copy_fresh(conn):
        # A new document has no events yet: only repeats among these can conflict
        # (UNIQUE document, span, type). The first of each is kept, as INSERT OR
        # IGNORE keeps it, and the rest go in with COPY, in the same order.
        seen: set[tuple] = set()
        unique = []
        for row in rows:
            key = (row[8], row[9], row[2])  # span_start, span_end, event
            if key not in seen:
                seen.add(key)
                unique.append(row)
        return conn.copy_rows("events", EVENT_COLUMNS, unique)
    # One executemany in the rows' order (ids follow it, as with one INSERT per
    # row; a duplicate is skipped as before): on PostgreSQL one pipeline, not a
    # round trip per event. rowcount is the total of rows inserted on both backends.
    marks = ", ".join("?" * len(EVENT_COLUMNS))
    cur = conn.executemany(
        f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})", rows
    )
    return cur.rowcount


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
    #: The people the coder was given at ingest (dicts of Person fields), None if not kept.
    coded_people: list[dict[str, Any]] | None = None


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
        except store.errors as e:
            raise store.error(e) from e
        if not rows:
            return
        for r in rows:
            last = r["id"]
            yield _stored_text(store.conn, r)


def _stored_text(conn: Any, r: Any) -> StoredText:
    """A document with its statements as ingest gave them to the coder.

    With the kept input (``event_people``), statements carry their own stored
    fields, exactly what the extractor gave; a store coded before that was kept
    falls back on the people's stored names and countries.
    """
    doc = StoredText(r["id"], r["text"], r["language"], r["published"], r["format"])
    kept = conn.execute(
        "SELECT people FROM event_people WHERE document_id = ?", (r["id"],)
    ).fetchone()
    if kept is not None:
        doc.coded_people = json.loads(kept[0])
    raw = kept is not None
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
                speaker=s["speaker_name"] if raw else (s["person_name"] or s["speaker_name"]),
                speaker_mention=s["speaker_mention"],
                speaker_start=s["speaker_start"],
                speaker_end=s["speaker_end"],
                cue=s["cue"],
                role=s["role"],
                date=s["date"],
                source=s["source"],
                speaker_type=s["speaker_type"] if raw else s["speaker_type"] or s["person_type"],
                organisation=s["organisation"] if raw else s["organisation"] or s["person_org"],
                country=s["country"] if raw else s["country"] or s["person_country"],
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
    e.actor_person_id, e.recipient_name, e.recipient_country, e.recipient_person_id, e.day,
    e.confidence, e.coder,
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


def find_events(store: Store, q: EventQuery) -> list[Any]:
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
    day = dialect.binary(store, "e.day")
    if q.since or q.until:
        where.append(f"{day} >= ? AND {day} <= ?")
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
    sql += f" ORDER BY e.day IS NULL, {day}, e.document_id, e.span_start, e.id"
    if q.limit is not None or q.offset:
        sql += " LIMIT ? OFFSET ?"
        params += [dialect.no_limit(store) if q.limit is None else q.limit, q.offset]
    return store.query(sql, params)


def count_events(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM events")[0][0])


def events_by_statement(store: Store, ids: Sequence[int]) -> dict[int, list[Any]]:
    """The events of each statement id in ``ids`` (for grouping a dossier by event type)."""
    out: dict[int, list[Any]] = {}
    ids = list(ids)
    for i in range(0, len(ids), MAX_IN_IDS):
        chunk = ids[i : i + MAX_IN_IDS]
        rows = store.query(
            "SELECT id, statement_id, event, mode, aux, score, stance, actor_name,"
            " actor_country, recipient_name, recipient_country, span FROM events"
            f" WHERE statement_id IN ({','.join('?' * len(chunk))}) ORDER BY span_start, id",
            chunk,
        )
        for r in rows:
            out.setdefault(r["statement_id"], []).append(r)
    return out


#: Columns a pair is read from, by level (a fixed choice, never user text).
_PAIR_COLUMNS = {
    "person": ("actor_name", "recipient_name"),
    "country": ("actor_country", "recipient_country"),
}


def pair_totals(
    store: Store,
    *,
    level: str = "country",
    since: str | None = None,
    until: str | None = None,
    limit: int | None = 20,
) -> list[dict[str, Any]]:
    """Actor → recipient pairs with their realised event count, mean stance and date span.

    A pair is grouped ignoring case and named by its first spelling in binary order
    (``min``), so both backends name it alike.
    """
    if level not in _PAIR_COLUMNS:
        raise ValueError(f"unknown pair level {level!r}")
    a, b = _PAIR_COLUMNS[level]
    ab, bb, day = (dialect.binary(store, c) for c in (a, b, "day"))
    sql = (
        f"SELECT min({ab}) AS actor, min({bb}) AS recipient, count(*) AS events,"
        f" avg(stance) AS stance, min({day}) AS first, max({day}) AS last FROM events"
        f" WHERE stance IS NOT NULL AND {a} IS NOT NULL AND {b} IS NOT NULL"
        f" AND lower({a}) != lower({b}) AND {day} >= ? AND {day} <= ?"
        # actor and recipient are the min()s above, which keep their binary collation.
        f" GROUP BY lower({a}), lower({b}) ORDER BY events DESC, actor, recipient LIMIT ?"
    )
    params = [since or "", (until + "~") if until else "~"]
    params.append(dialect.no_limit(store) if limit is None else limit)
    return [
        {
            "actor": r["actor"],
            "recipient": r["recipient"],
            "events": int(r["events"]),
            "stance": round(float(r["stance"]), STANCE_DIGITS),
            "first": r["first"],
            "last": r["last"],
        }
        for r in store.query(sql, params)
    ]
