"""Writing documents and their statements, atomically and idempotently."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from saidwhat.model import Document, Extraction
from saidwhat.store.db import Store
from saidwhat.store.lemmas import index_lemmas
from saidwhat.store.people import resolve_person


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass
class StoredDocument:
    """What happened to one document on ingest."""

    document_id: int
    created: bool  # False when the same text was already stored
    statements: int
    match: str = "original"  # 'original', 'exact' or 'near'


def find_by_hash(store: Store, content_hash: str) -> int | None:
    row = store.conn.execute(
        "SELECT id FROM documents WHERE content_hash = ?", (content_hash,)
    ).fetchone()
    return row[0] if row else None


def add_copy(conn: sqlite3.Connection, document_id: int, doc: Document, match: str) -> None:
    """Record where a document was seen (idempotent per document and ref)."""
    conn.execute(
        "INSERT OR IGNORE INTO document_copies"
        " (document_id, ref, outlet, url, published, title, match, seen_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (document_id, doc.ref, doc.outlet, doc.url, doc.published, doc.title, match, now_iso()),
    )


def store_document(
    store: Store,
    doc: Document,
    extraction: Extraction | None,
    *,
    status: str = "extracted",
    duplicate_of: int | None = None,
    minhash: bytes | None = None,
) -> StoredDocument:
    """Store ``doc`` and its statements in one transaction.

    If the same normalised text is already stored, only this copy's provenance
    is added (re-ingesting is idempotent). ``duplicate_of`` names a stored
    near-duplicate: the copy is recorded against it and no statements are added,
    so search and counts do not double a syndicated story.
    """
    digest = doc.content_hash
    with store.transaction() as conn:
        existing = find_by_hash(store, digest)
        if existing is not None:
            add_copy(conn, existing, doc, "exact")
            return StoredDocument(existing, False, 0, "exact")
        if duplicate_of is not None:
            add_copy(conn, duplicate_of, doc, "near")
            return StoredDocument(duplicate_of, False, 0, "near")
        cur = conn.execute(
            "INSERT INTO documents (content_hash, ref, title, outlet, url, published, language,"
            " author, format, platform, text, status, metadata, minhash, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                digest,
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
        )
        document_id = int(cur.lastrowid)
        add_copy(conn, document_id, doc, "original")
        n = _store_statements(conn, document_id, doc, extraction) if extraction else 0
        if n:
            index_lemmas(conn, document_id, doc)  # Russian/Ukrainian: search by lemma
        return StoredDocument(document_id, True, n, "original")


def _store_statements(
    conn: sqlite3.Connection, document_id: int, doc: Document, extraction: Extraction
) -> int:
    people = {p.name: p for p in extraction.people}
    person_ids: dict[str, int] = {}
    n = 0
    for st in extraction.statements:
        st.check_offsets(doc.text)
        person_id = None
        if st.speaker:
            if st.speaker not in person_ids:
                person = people.get(st.speaker)
                person_ids[st.speaker] = resolve_person(
                    conn,
                    st.speaker,
                    aliases=person.aliases if person else [],
                    type=(person.type if person else st.speaker_type) or "person",
                    organisation=(person.organisation if person else st.organisation),
                    country=(person.country if person else st.country),
                )
            person_id = person_ids[st.speaker]
            if st.role:
                conn.execute(
                    "INSERT OR IGNORE INTO person_roles (person_id, role, document_id, date)"
                    " VALUES (?, ?, ?, ?)",
                    (person_id, st.role, document_id, st.date or doc.published),
                )
        cur = conn.execute(
            "INSERT OR IGNORE INTO statements (document_id, person_id, speaker_name,"
            " speaker_mention, speaker_start, speaker_end, speaker_type, quote, quote_start,"
            " quote_end, fragments, kind, cue, role, organisation, country, date, source,"
            " source_missing, confidence, headline, day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
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
            ),
        )
        n += cur.rowcount
    # Roles stated for people who were mentioned but did not speak are still facts.
    for person in extraction.people:
        if person.name in person_ids:
            pid = person_ids[person.name]
            for role in person.roles:
                conn.execute(
                    "INSERT OR IGNORE INTO person_roles (person_id, role, document_id, date)"
                    " VALUES (?, ?, ?, ?)",
                    (pid, role, document_id, doc.published),
                )
    return n
