"""Ingest memory does not grow with the number of stored documents.

A cheap proxy: Python's allocation peak (tracemalloc) while ingesting a few
documents into a store of 50 and of 2,000 documents. The in-memory index this
replaced loaded every stored signature (about 14 KB per document: 27 MB more
here); the store index costs the same at both sizes. Documents in a language
the extractor does not support skip spaCy, so the test runs in seconds.
"""

from __future__ import annotations

import tracemalloc

import numpy as np

from saidwhat.ingest import ingest_documents
from saidwhat.model import Document
from saidwhat.sources.dedup import NUM_PERM
from saidwhat.store.db import open_store
from saidwhat.store.near_dupes import CATCH_UP_CHUNK, NearDupes

#: Allowed difference between the two peaks; the old index would add ~27 MB.
SLACK_BYTES = 512 * 1024


def _fill(store, n: int, seed: int) -> None:
    """``n`` stored documents with signatures, written in one transaction (fast)."""
    rng = np.random.default_rng(seed)
    rows = [
        (
            f"hash-{seed}-{i}",
            f"s{i}.txt",
            f"stored document {i}",
            rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype("<u8").tobytes(),
        )
        for i in range(n)
    ]
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO documents (content_hash, ref, format, text, minhash, ingested_at)"
            " VALUES (?, ?, 'txt', ?, ?, '2024-01-01')",
            rows,
        )


def _new_documents() -> list[Document]:
    return [
        Document(
            " ".join(f"Wort{i}x{j} und weitere Worte im Bericht" for j in range(12)),
            f"neu-{i}.txt",
            language="de",
        )
        for i in range(5)
    ]


def _peak(tmp_path, n: int, *, catch_up: bool) -> int:
    """Allocation peak of ingesting 5 documents into a store of ``n`` (or of catching up)."""
    store = open_store(tmp_path / f"s{n}-{catch_up}.db")
    _fill(store, n, seed=n)
    near = NearDupes(store)
    if not catch_up:
        near.catch_up()  # the bulk-loaded documents' bands, outside the measurement
    tracemalloc.start()
    try:
        if catch_up:
            assert near.catch_up() == n
        else:
            report = ingest_documents(store, _new_documents())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        store.close()
    if not catch_up:
        assert report.unsupported == 5 and not report.errors
    return peak


def test_ingest_memory_does_not_grow_with_the_store(tmp_path):
    # Imports (language detection, datasketch) happen once, outside the measurement.
    with open_store(tmp_path / "warm.db") as store:
        ingest_documents(store, _new_documents())
    small = _peak(tmp_path, 50, catch_up=False)
    large = _peak(tmp_path, 2000, catch_up=False)
    assert large - small < SLACK_BYTES, (small, large)


def test_indexing_documents_written_by_others_is_bounded(tmp_path):
    """Catching up on queued documents reads them in chunks: memory does not grow either."""
    small = _peak(tmp_path, CATCH_UP_CHUNK, catch_up=True)
    large = _peak(tmp_path, 4 * CATCH_UP_CHUNK, catch_up=True)
    assert large - small < SLACK_BYTES, (small, large)
