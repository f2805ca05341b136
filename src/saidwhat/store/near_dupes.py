"""The near-duplicate index, kept in the store: MinHash LSH band keys in a table.

Each stored document with a signature (``documents.minhash``, see
:mod:`saidwhat.sources.dedup`) has one row per LSH band in
``near_dupe_bands``. A new document's candidates are the stored documents that
share a band key with it (one index lookup per band); each candidate is then
verified on the whole signature. Nothing is held in memory between documents,
so an ingest's memory does not grow with the store (the in-memory index this
replaces cost about 14 KB per stored document), and every process that writes
to the store (one ingest, the client of a Dask cluster, two ingests at once)
sees the same index.

Writers do not maintain the bands themselves: a trigger (migration 3) queues
every document that gets a signature in ``near_dupe_pending``, in the writer's
own transaction, and the index catches up on that queue before each lookup. So
documents written by any writer (``store_document``, a copy between stores, a
bulk loader) are indexed, and a crash never leaves a document unindexed.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from saidwhat.sources.dedup import THRESHOLD, band_keys, check_signature, similarity

if TYPE_CHECKING:
    from saidwhat.store.db import Store

log = logging.getLogger(__name__)

#: Pending documents indexed per transaction when catching up (bounds memory and lock time).
CATCH_UP_CHUNK = 500
#: Band keys looked up in one query (a batch of 16 documents has 176).
LOOKUP_KEYS = 2000


class NearDupes:
    """The store's near-duplicate index: ``NearDupes(store).find(signature)``."""

    def __init__(self, store: Store, threshold: float = THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold

    def catch_up(self) -> int:
        """Index every document queued in ``near_dupe_pending``; returns how many.

        Set-based: a chunk of queued documents costs a handful of statements
        (read the chunk, clear its old bands, insert all its bands, dequeue it),
        not three per document.
        """
        conn = self.store.conn
        done = 0
        while conn.execute("SELECT 1 FROM near_dupe_pending LIMIT 1").fetchone():
            with self.store.transaction() as tx:
                rows = tx.execute(
                    "SELECT p.document_id, d.minhash FROM near_dupe_pending p"
                    " LEFT JOIN documents d ON d.id = p.document_id"
                    " ORDER BY p.document_id LIMIT ?",
                    (CATCH_UP_CHUNK,),
                ).fetchall()
                ids = [int(doc_id) for doc_id, _ in rows]
                bands: list[tuple[int, int]] = []
                for doc_id, sig in rows:
                    if sig is None:
                        continue
                    try:
                        keys = band_keys(bytes(sig))
                    except ValueError:
                        log.warning("document %s has an unreadable minhash; not indexed", doc_id)
                        continue
                    bands.extend((k, int(doc_id)) for k in keys)
                if ids:
                    marks = ", ".join("?" * len(ids))
                    tx.execute(f"DELETE FROM near_dupe_bands WHERE document_id IN ({marks})", ids)
                if bands:
                    tx.executemany(
                        "INSERT OR IGNORE INTO near_dupe_bands (key, document_id) VALUES (?, ?)",
                        bands,
                    )
                if ids:
                    tx.execute(f"DELETE FROM near_dupe_pending WHERE document_id IN ({marks})", ids)
            done += len(rows)
            if len(rows) < CATCH_UP_CHUNK:
                # The queue held no more when this chunk was read (in its transaction),
                # so everything queued before this call is indexed: no probe again (a
                # round trip per stored document on PostgreSQL).
                return done
            del rows, bands  # before the next chunk is read: one chunk in memory at a time
        return done

    def find(self, sig: bytes | None, *, catch_up: bool = True) -> int | None:
        """The most similar stored document at or above the threshold (lowest id on ties).

        ``catch_up=False`` (a read-only connection) skips documents whose bands
        are still queued: a cheaper, possibly incomplete answer.
        """
        if sig is None:
            return None
        check_signature(sig)
        if catch_up:
            self.catch_up()
        return best_match(sig, self.candidates([sig]).get(sig, ()), self.threshold)

    def candidates(self, sigs: list[bytes]) -> dict[bytes, list[tuple[int, bytes]]]:
        """``(id, minhash)`` of the stored documents sharing a band with each of ``sigs``.

        One query for all of them (a batch of documents is checked at once); the
        caller verifies each candidate with :func:`best_match`. Call
        :meth:`catch_up` first on a writable store.
        """
        wanted: dict[int, list[bytes]] = {}
        for sig in dict.fromkeys(sigs):
            for key in band_keys(sig):
                wanted.setdefault(key, []).append(sig)
        found: dict[bytes, dict[int, bytes]] = {sig: {} for sig in dict.fromkeys(sigs)}
        keys = list(wanted)
        for i in range(0, len(keys), LOOKUP_KEYS):
            chunk = keys[i : i + LOOKUP_KEYS]
            marks = ", ".join("?" * len(chunk))
            rows = self.store.query(
                "SELECT b.key, d.id, d.minhash FROM near_dupe_bands b"
                f" JOIN documents d ON d.id = b.document_id WHERE b.key IN ({marks})",
                tuple(chunk),
            )
            for key, doc_id, other in rows:
                if other is None:
                    continue
                for sig in wanted[int(key)]:
                    found[sig][int(doc_id)] = bytes(other)
        return {sig: sorted(c.items()) for sig, c in found.items()}

    def indexed(self) -> int:
        """How many documents the index holds (after catching up)."""
        self.catch_up()
        return self.store.query("SELECT COUNT(DISTINCT document_id) FROM near_dupe_bands")[0][0]


def best_match(
    sig: bytes, candidates: Iterable[tuple[int, bytes]], threshold: float = THRESHOLD
) -> int | None:
    """The candidate most similar to ``sig`` at or above ``threshold`` (lowest id on ties)."""
    best: tuple[float, int] | None = None
    for doc_id, other in candidates:
        try:
            sim = similarity(sig, other)
        except ValueError:
            continue
        if sim >= threshold and (best is None or (sim, -doc_id) > (best[0], -best[1])):
            best = (sim, int(doc_id))
    return best[1] if best else None


def open_reader(path: str) -> Store:
    """A read-only connection to the store at ``path``: no migrations, no writes.

    For pre-checks in other processes (Dask workers) while the ingest writes.
    A SQLite file in WAL mode: readers neither wait for nor block the writer.
    A PostgreSQL URL: a read-only session (MVCC readers never block writers).
    """
    from saidwhat.store.db import Store, is_postgres_url

    if is_postgres_url(path):
        from saidwhat.store.postgres import open_postgres

        return open_postgres(path, write=False)

    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    conn.row_factory = sqlite3.Row
    return Store(conn, path)
