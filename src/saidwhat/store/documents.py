"""Documents and their statements: written atomically and idempotently.

The ``documents``, ``document_copies``, ``statements`` and ``person_roles``
tables are written here (people and aliases through :mod:`.people`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from saidwhat.model import Document, Extraction
from saidwhat.store.concerns import Concern
from saidwhat.store.lemmas import index_lemmas
from saidwhat.store.people import lock_people, resolve_person

if TYPE_CHECKING:
    from saidwhat.store.db import Store

#: The columns of a statement row, in the order :func:`statement_row` gives them.
STATEMENT_COLUMNS = (
    "document_id",
    "person_id",
    "speaker_name",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker_type",
    "quote",
    "quote_start",
    "quote_end",
    "fragments",
    "kind",
    "cue",
    "role",
    "organisation",
    "country",
    "date",
    "source",
    "source_missing",
    "confidence",
    "headline",
    "day",
    "date_source",
)


#: Content hashes looked up in one query.
HASH_CHUNK = 5000


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass
class StoredDocument:
    """What happened to one document on ingest."""

    document_id: int
    created: bool  # False when the same text was already stored
    statements: int
    match: str = "original"  # 'original', 'exact' or 'near'
    extra: int = 0  # rows the ``then`` hook of store_document wrote (events)


class Documents(Concern):
    """``store.documents``: documents, their copies and their statements."""

    def find_by_hash(self, content_hash: str) -> int | None:
        return find_by_hash(self.store, content_hash)

    def add_copy(self, document_id: int, doc: Document, match: str) -> None:
        with self.store.transaction() as conn:
            add_copy(conn, document_id, doc, match)

    def store(self, doc: Document, extraction: Extraction | None, **kw: Any) -> StoredDocument:
        return store_document(self.store, doc, extraction, **kw)

    def bulk_statements(
        self, rows: Iterable[Sequence[Any]], *, rebuild_indexes: bool = False
    ) -> int:
        """Insert many statement rows (in :data:`STATEMENT_COLUMNS` order) in one go.

        PostgreSQL loads them with COPY; SQLite with one prepared statement. Rows
        must not be stored yet (COPY has no ON CONFLICT); for loading benchmarks
        and ``saidwhat copy``. With ``rebuild_indexes`` (PostgreSQL) the
        statements' secondary indexes and foreign keys are dropped for the load
        and rebuilt after it, in the same transaction (see
        :meth:`~saidwhat.store.postgres.PgConnection.bulk_load`): much faster for
        a large load, but the table is locked against readers meanwhile.
        """
        rows = list(rows)
        if self.store.is_postgres and rebuild_indexes:
            with self.store.conn.bulk_load("statements") as _:
                return self.store.conn.copy_rows("statements", STATEMENT_COLUMNS, rows)
        with self.store.transaction() as conn:
            if self.store.is_postgres:
                return conn.copy_rows("statements", STATEMENT_COLUMNS, rows)
            marks = ", ".join("?" * len(STATEMENT_COLUMNS))
            conn.executemany(
                f"INSERT INTO statements ({', '.join(STATEMENT_COLUMNS)}) VALUES ({marks})", rows
            )
        return len(rows)


def find_by_hash(store: Store, content_hash: str) -> int | None:
    row = store.conn.execute(
        "SELECT id FROM documents WHERE content_hash = ?", (content_hash,)
    ).fetchone()
    return int(row[0]) if row else None


def add_copy(conn: Any, document_id: int, doc: Document, match: str) -> None:
    """Record where a document was seen (idempotent per document and ref)."""
    add_copies(conn, [copy_row(document_id, doc, match)])


def copy_row(document_id: int, doc: Document, match: str) -> tuple:
    """One ``document_copies`` row (for :func:`add_copies`)."""
    return (document_id, doc.ref, doc.outlet, doc.url, doc.published, doc.title, match, now_iso())


def add_copies(conn: Any, rows: Sequence[tuple]) -> None:
    """Record the :func:`copy_row` rows, in order (idempotent per document and ref)."""
    sql = (
        "INSERT OR IGNORE INTO document_copies"
        " (document_id, ref, outlet, url, published, title, match, seen_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    if len(rows) == 1:
        conn.execute(sql, rows[0])
    elif rows:
        conn.executemany(sql, rows)


def stored_hashes(store: Store, hashes: Iterable[str]) -> dict[str, int]:
    """The id of each of ``hashes`` that a stored document has (one query per 5,000)."""
    hashes = list(dict.fromkeys(hashes))
    found: dict[str, int] = {}
    for i in range(0, len(hashes), HASH_CHUNK):
        chunk = hashes[i : i + HASH_CHUNK]
        marks = ", ".join("?" * len(chunk))
        for digest, doc_id in store.query(
            f"SELECT content_hash, id FROM documents WHERE content_hash IN ({marks})", chunk
        ):
            found[digest] = int(doc_id)
    return found


def insert_document(conn: Any, doc: Document, *, status: str, minhash: bytes | None) -> int | None:
    """Insert ``doc``; its new id, or None when a document with the same text is stored.

    ON CONFLICT: another writer (a second ingest on PostgreSQL) may have stored
    the same text since the caller checked; then this is a copy of it.
    """
    row = conn.execute(
        "INSERT INTO documents (content_hash, ref, title, outlet, url, published, language,"
        " author, format, platform, text, status, metadata, minhash, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (content_hash) DO NOTHING RETURNING id",
        (
            doc.content_hash,
            doc.ref,
            doc.title,
            doc.outlet,
            doc.url,
            doc.published,
            doc.language,
            doc.author,
            doc.format,
            doc.platform,
            doc.text,
            status,
            json.dumps(doc.metadata, ensure_ascii=False, default=str),
            minhash,
            now_iso(),
        ),
    ).fetchone()
    return None if row is None else int(row[0])


def store_document(
    store: Store,
    doc: Document,
    extraction: Extraction | None,
    *,
    status: str = "extracted",
    duplicate_of: int | None = None,
    minhash: bytes | None = None,
    then: Callable[[Any, int], int] | None = None,
) -> StoredDocument:
    """Store ``doc`` and its statements in one transaction.

    ``then(conn, document_id)`` writes what else belongs to a newly stored document
    (its events) in the same transaction, so a failure leaves none of it.

    If the same normalised text is already stored, only this copy's provenance
    is added (re-ingesting is idempotent). ``duplicate_of`` names a stored
    near-duplicate: the copy is recorded against it and no statements are added,
    so search and counts do not double a syndicated story.
    """
    digest = doc.content_hash
    with store.transaction() as conn:
        if extraction is not None and extraction.statements:
            # The people lock before any row, as every writer of people takes it
            # (a batch of documents, a merge): a writer that waits for the lock never
            # holds a row another writer, holding the lock, may wait for.
            lock_people(conn)
        existing = find_by_hash(store, digest)
        if existing is not None:
            add_copy(conn, existing, doc, "exact")
            return StoredDocument(existing, False, 0, "exact")
        if duplicate_of is not None:
            add_copy(conn, duplicate_of, doc, "near")
            return StoredDocument(duplicate_of, False, 0, "near")
        document_id = insert_document(conn, doc, status=status, minhash=minhash)
        if document_id is None:
            existing = find_by_hash(store, digest)
            add_copy(conn, existing, doc, "exact")
            return StoredDocument(existing, False, 0, "exact")
        add_copy(conn, document_id, doc, "original")
        n = _store_statements(conn, document_id, doc, extraction) if extraction else 0
        if n:
            index_lemmas(conn, document_id, doc)  # Russian/Ukrainian: search by lemma
        extra = then(conn, document_id) if then is not None else 0
        return StoredDocument(document_id, True, n, "original", extra)


def _store_statements(conn: Any, document_id: int, doc: Document, extraction: Extraction) -> int:
    def resolve(name: str, **kw: Any) -> int:
        return resolve_person(conn, name, **kw)

    rows, roles = statement_rows(document_id, doc, extraction, resolve)
    n = insert_statements(conn, rows, fresh=True)  # the document was stored just before
    add_roles(conn, roles)
    return n


def statement_rows(
    document_id: int, doc: Document, extraction: Extraction, resolve: Callable[..., int]
) -> tuple[list[tuple], list[tuple]]:
    """The ``statements`` rows of a new document and its ``person_roles`` rows, in order.

    ``resolve(name, aliases=, type=, organisation=, country=)`` finds or creates
    a speaker (:func:`~saidwhat.store.people.resolve_person` or a batch's
    :class:`~saidwhat.store.people_batch.BatchPeople`); it is called once per
    speaker, in the order they speak.
    """
    people = {p.name: p for p in extraction.people}
    person_ids: dict[str, int] = {}
    # One statement per span (the table's UNIQUE key): skipping repeats here,
    # not in the database, keeps ids gapless on PostgreSQL as on SQLite.
    spans: set[tuple[int, int]] = set()
    roles: list[tuple] = []
    rows: list[tuple] = []
    for st in extraction.statements:
        st.check_offsets(doc.text)
        if (st.quote_start, st.quote_end) in spans:
            continue
        spans.add((st.quote_start, st.quote_end))
        person_id = None
        if st.speaker:
            if st.speaker not in person_ids:
                person = people.get(st.speaker)
                person_ids[st.speaker] = resolve(
                    st.speaker,
                    aliases=person.aliases if person else [],
                    type=(person.type if person else st.speaker_type) or "person",
                    organisation=(person.organisation if person else st.organisation),
                    country=(person.country if person else st.country),
                )
            person_id = person_ids[st.speaker]
            if st.role:
                roles.append((person_id, st.role, document_id, st.date or doc.published))
        rows.append(statement_row(document_id, person_id, doc, st))
    # Roles stated for people who were mentioned but did not speak are still facts.
    for person in extraction.people:
        if person.name in person_ids:
            pid = person_ids[person.name]
            roles.extend((pid, role, document_id, doc.published) for role in person.roles)
    return rows, roles


def insert_statements(conn: Any, rows: Sequence[tuple], *, fresh: bool = False) -> int:
    """Insert :func:`statement_row` rows in the order given; how many were new.

    One batch (one round trip on PostgreSQL instead of one per row): ids come
    out as row-by-row inserts would give them. ``fresh``: the rows are the
    statements of a document stored in this transaction, one per span (as
    :func:`statement_rows` gives them), so none can conflict: on PostgreSQL
    they go in with COPY (:func:`copy_fresh`).
    """
    if not rows:
        return 0
    if fresh and copy_fresh(conn):
        return conn.copy_rows("statements", STATEMENT_COLUMNS, rows)
    marks = ", ".join("?" * len(STATEMENT_COLUMNS))
    return conn.executemany(
        f"INSERT OR IGNORE INTO statements ({', '.join(STATEMENT_COLUMNS)}) VALUES ({marks})",
        rows,
    ).rowcount


#: Rows of a document stored in the same transaction go in with COPY on PostgreSQL.
#: A statement in a pipeline costs the client about 40 µs of psycopg's Python per
#: row and the server an executor start per row; COPY sends them in one stream.
COPY_FRESH_ROWS = True


def copy_fresh(conn: Any) -> bool:
    """Whether rows that cannot conflict are written with COPY on ``conn``."""
    return COPY_FRESH_ROWS and getattr(conn, "is_postgres", False)


def add_roles(conn: Any, roles: Sequence[tuple]) -> None:
    """Insert ``(person_id, role, document_id, date)`` rows (a role held twice stays once)."""
    if roles:
        conn.executemany(
            "INSERT OR IGNORE INTO person_roles (person_id, role, document_id, date)"
            " VALUES (?, ?, ?, ?)",
            roles,
        )


def statement_row(document_id: int, person_id: int | None, doc: Document, st: Any) -> tuple:
    """One ``statements`` row, in :data:`STATEMENT_COLUMNS` order."""
    return (
        document_id,
        person_id,
        st.speaker,
        st.speaker_mention,
        st.speaker_start,
        st.speaker_end,
        st.speaker_type,
        st.quote,
        st.quote_start,
        st.quote_end,
        json.dumps(st.fragments) if st.fragments else None,
        st.kind,
        st.cue,
        st.role,
        st.organisation,
        st.country,
        st.date,
        st.source,
        int(st.source_missing),
        float(st.confidence),
        st.headline,
        (st.date or doc.published or "")[:10] or None,
        st.date_source,
    )
