"""Near-duplicate documents (syndicated or lightly edited copies) by MinHash.

Exact copies are caught by the store's content hash. Here: a MinHash over
word 5-shingles (128 permutations) stored in ``documents.minhash``, and an LSH
index that finds a stored document whose estimated Jaccard similarity is at
least :data:`THRESHOLD`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from saidwhat.store.db import Store

log = logging.getLogger(__name__)

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.85
#: Texts shorter than this (in words) get no signature: short posts collide too easily.
MIN_WORDS = 30
_SEED = 1
#: datasketch's permutation scheme; fixed so stored signatures stay comparable.
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")
_SIG_BYTES = NUM_PERM * 8


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def signature(text: str) -> bytes | None:
    """The MinHash of ``text`` as bytes (1 KiB), or None if it is too short to compare."""
    from datasketch import MinHash

    words = _words(text)
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    try:
        mh = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    except TypeError:  # datasketch < 2 has one scheme only
        mh = MinHash(num_perm=NUM_PERM, seed=_SEED)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh.hashvalues.astype("<u8").tobytes()


def _minhash(sig: bytes):
    from datasketch import LeanMinHash

    if len(sig) != _SIG_BYTES:
        raise ValueError(f"not a saidwhat MinHash signature ({len(sig)} bytes)")
    values = np.frombuffer(sig, dtype="<u8").astype(np.uint64)
    try:
        return LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)
    except TypeError:
        return LeanMinHash(seed=_SEED, hashvalues=values)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype="<u8") == np.frombuffer(b, dtype="<u8")))


class NearDuplicateIndex:
    """Stored documents' signatures, searchable for a near-duplicate.

    ``NearDuplicateIndex.from_store(store)`` loads every ``documents.minhash``;
    call :meth:`add` after storing a new original so later documents in the
    same batch are compared against it too.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        # The LSH bands are tuned a little below the threshold; candidates are then verified.
        self._lsh = MinHashLSH(threshold=max(0.5, threshold - 0.1), num_perm=NUM_PERM)
        self._sigs: dict[int, bytes] = {}

    @classmethod
    def from_store(cls, store: Store, threshold: float = THRESHOLD) -> NearDuplicateIndex:
        index = cls(threshold)
        rows = store.conn.execute(
            "SELECT id, minhash FROM documents WHERE minhash IS NOT NULL ORDER BY id"
        )
        for doc_id, sig in rows:
            try:
                index.add(int(doc_id), bytes(sig))
            except ValueError:
                log.warning("document %s has an unreadable minhash; ignored", doc_id)
        return index

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, document_id: int, sig: bytes | None) -> None:
        if sig is None or document_id in self._sigs:
            return
        mh = _minhash(sig)
        self._lsh.insert(document_id, mh)
        self._sigs[document_id] = sig

    def find(self, sig: bytes | None) -> int | None:
        """The most similar stored document at or above the threshold (lowest id on ties)."""
        if sig is None or not self._sigs:
            return None
        best: tuple[float, int] | None = None
        for cand in self._lsh.query(_minhash(sig)):
            sim = similarity(sig, self._sigs[cand])
            if sim >= self.threshold and (best is None or (sim, -cand) > (best[0], -best[1])):
                best = (sim, cand)
        return best[1] if best else None
