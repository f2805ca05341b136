"""The near-duplicate index in the store: same decisions as datasketch's in-memory LSH."""

from __future__ import annotations

import random
import sqlite3

from dedup_texts import OTHER, STORY, SYNDICATED
from saidwhat.model import Document
from saidwhat.sources.dedup import (
    BANDS,
    LSH_THRESHOLD,
    NUM_PERM,
    ROWS,
    THRESHOLD,
    signature,
    similarity,
)
from saidwhat.store.db import open_store
from saidwhat.store.documents import store_document
from saidwhat.store.migrations import MIGRATIONS, statements_of
from saidwhat.store.near_dupes import NearDupes

WORDS = [
    "harbour",
    "ferry",
    "council",
    "fare",
    "island",
    "bridge",
    "timetable",
    "winter",
    "vote",
    "chair",
    "opposition",
    "operator",
    "library",
    "hours",
    "survey",
    "reader",
    "union",
    "overtime",
    "budget",
    "mayor",
    "river",
    "school",
    "tram",
    "road",
    "port",
]


def _store(tmp_path, name="d.db"):
    return open_store(tmp_path / name)


def test_bands_are_datasketch_choice():
    from datasketch.lsh import _optimal_param

    assert _optimal_param(LSH_THRESHOLD, NUM_PERM, 0.5, 0.5) == (BANDS, ROWS)
    assert BANDS * ROWS <= NUM_PERM


def test_finds_copy_not_other(tmp_path):
    store = _store(tmp_path)
    near = NearDupes(store)
    assert near.find(signature(STORY)) is None  # empty store
    a = store_document(store, Document(STORY, "a.txt"), None, minhash=signature(STORY))
    store_document(store, Document("short text", "b.txt"), None, minhash=None)
    assert near.find(signature(SYNDICATED)) == a.document_id
    assert near.find(signature(OTHER)) is None
    assert near.find(None) is None
    c = store_document(store, Document(OTHER, "c.txt"), None, minhash=signature(OTHER))
    assert near.find(signature(OTHER)) == c.document_id
    assert near.indexed() == 2
    # Another connection (another process, a Dask client) sees the same index.
    other = _store(tmp_path)
    assert NearDupes(other).find(signature(SYNDICATED)) == a.document_id
    other.close()
    store.close()


def _variants(rng: random.Random, n: int) -> list[str]:
    """Texts in families: each family a base text and copies with a few words changed."""
    texts = []
    for _ in range(n // 6):
        base = [rng.choice(WORDS) + str(rng.randint(0, 9)) for _ in range(120)]
        texts.append(" ".join(base))
        for edits in (1, 2, 4, 8, 16):
            copy = list(base)
            for _ in range(edits):
                copy[rng.randrange(len(copy))] = rng.choice(WORDS)
            texts.append(" ".join(copy))
    rng.shuffle(texts)
    return texts


def test_same_decisions_as_in_memory_lsh(tmp_path):
    """The store index decides like datasketch's MinHashLSH + verification did before."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    store = _store(tmp_path)
    near = NearDupes(store)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    sigs: dict[int, bytes] = {}

    def old_find(sig: bytes) -> int | None:
        values = np.frombuffer(sig, dtype="<u8").astype(np.uint64)
        best = None
        for cand in lsh.query(LeanMinHash(seed=1, hashvalues=values, scheme="affine32")):
            sim = similarity(sig, sigs[cand])
            if sim >= THRESHOLD and (best is None or (sim, -cand) > (best[0], -best[1])):
                best = (sim, cand)
        return best[1] if best else None

    found = 0
    for i, text in enumerate(_variants(random.Random(3), 60)):
        sig = signature(text)
        expected = old_find(sig)
        assert near.find(sig) == expected, i
        if expected is None:
            saved = store_document(store, Document(text, f"{i}.txt"), None, minhash=sig)
            values = np.frombuffer(sig, dtype="<u8").astype(np.uint64)
            lsh.insert(saved.document_id, LeanMinHash(seed=1, hashvalues=values, scheme="affine32"))
            sigs[saved.document_id] = sig
        else:
            found += 1
    # The corpus has both outcomes, so the comparison means something.
    assert 5 <= found <= 50
    store.close()


def test_documents_stored_before_the_index_are_indexed(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for version in (1, 2):  # the schema before the index existed
        for stmt in statements_of(MIGRATIONS[version - 1], "sqlite"):
            conn.execute(stmt)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO documents (content_hash, ref, format, text, minhash, ingested_at)"
        " VALUES ('h1', 'a.txt', 'txt', ?, ?, '2024-01-01'),"
        " ('h2', 'bad.txt', 'txt', 'x', X'0102', '2024-01-01')",
        (STORY, signature(STORY)),
    )
    conn.close()
    store = open_store(path)
    near = NearDupes(store)
    assert near.find(signature(SYNDICATED)) == 1
    assert near.indexed() == 1  # the unreadable signature is skipped, not fatal
    assert store.query("SELECT COUNT(*) FROM near_dupe_pending")[0][0] == 0
    store.close()
