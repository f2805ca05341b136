"""Storing a batch of documents in one transaction, with a few statements per document.

The one-document path (:func:`saidwhat.store.documents.store_document`) costs
about 40 statements per document on PostgreSQL, each a round trip and a server
statement: the exact-copy and near-copy checks, the catch-up of the
near-duplicate index, the people lock, a dozen alias lookups, two
transactions. A Dask worker hands the client 16 documents at once, and
:class:`DocumentBatch` writes them together: one transaction, one people lock,
the speakers of all of them resolved from one read of their aliases
(:class:`~saidwhat.store.people_batch.BatchPeople`), copies and roles written
at the end in one ``executemany`` each. What is left per new document is its
row, its statements and its events.

Everything is written in the order the one-document path writes it (people,
documents, statements, aliases, copies, events: each table's rows in the same
order), so ids, and a sorted export, are the same whichever path stored a
corpus. The caller makes the decisions (exact copy, near copy, new) before,
with :func:`~saidwhat.store.documents.stored_hashes` and
:meth:`~saidwhat.store.near_dupes.NearDupes.candidates`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from saidwhat.model import Document, Extraction
from saidwhat.store.documents import (
    StoredDocument,
    add_copies,
    add_roles,
    copy_row,
    insert_document,
    insert_statements,
    statement_rows,
)
from saidwhat.store.lemmas import index_lemmas
from saidwhat.store.people import lock_people
from saidwhat.store.people_batch import BatchPeople

if TYPE_CHECKING:
    from saidwhat.store.db import Store


class DocumentBatch:
    """The documents of one transaction: :meth:`copy` and :meth:`store`, then :meth:`finish`."""

    def __init__(self, conn: Any, names: Iterable[str]) -> None:
        self.conn = conn
        # Once for the batch, held until the commit, and before any row is written,
        # as every writer of people takes it (store_document, merges): no writer
        # waiting for it holds a row this batch might wait for.
        lock_people(conn)
        self.people = BatchPeople(conn, names)
        self.copies: list[tuple] = []
        self.roles: list[tuple] = []

    def copy(self, document_id: int, doc: Document, match: str) -> None:
        """Record that ``doc`` was seen as a copy ('exact' or 'near') of ``document_id``."""
        self.copies.append(copy_row(document_id, doc, match))

    def store(
        self,
        doc: Document,
        extraction: Extraction | None,
        *,
        status: str = "extracted",
        minhash: bytes | None = None,
        then: Callable[[Any, int], int] | None = None,
        existing: Callable[[], int | None] = lambda: None,
    ) -> StoredDocument:
        """Store a new document and its statements (``then`` as in ``store_document``).

        When another writer stored the same text meanwhile, this is its exact
        copy: ``existing()`` gives that document's id.
        """
        document_id = insert_document(self.conn, doc, status=status, minhash=minhash)
        if document_id is None:
            found = existing()
            self.copy(found, doc, "exact")
            return StoredDocument(found, False, 0, "exact")
        self.copy(document_id, doc, "original")
        n = 0
        if extraction is not None:
            rows, roles = statement_rows(document_id, doc, extraction, self.people.resolve)
            n = insert_statements(self.conn, rows, fresh=True)
            self.roles.extend(roles)
            # The events below look the document's people up: its aliases must be there.
            self.people.flush()
            if n:
                index_lemmas(self.conn, document_id, doc)  # Russian/Ukrainian: search by lemma
        extra = then(self.conn, document_id) if then is not None else 0
        return StoredDocument(document_id, True, n, "original", extra)

    def finish(self) -> None:
        """Write what was kept for the end (copies, roles, aliases); call before the commit."""
        self.people.flush()
        add_copies(self.conn, self.copies)
        add_roles(self.conn, self.roles)
        self.copies, self.roles = [], []


@contextmanager
def document_batch(store: Store, names: Iterable[str]) -> Iterator[DocumentBatch]:
    """A :class:`DocumentBatch` in its own transaction, committed (finished) on success.

    ``names``: every speaker name and alias the batch's extractions hold (their
    aliases are read in one query).
    """
    with store.transaction() as conn:
        batch = DocumentBatch(conn, names)
        yield batch
        batch.finish()
