"""Near-duplicate documents (syndicated or lightly edited copies) by MinHash: the pure part.

Exact copies are caught by the store's content hash. Here: a MinHash over
word 5-shingles (128 permutations), stored in ``documents.minhash``, and its
LSH band keys. The index that finds a stored document whose estimated Jaccard
similarity is at least :data:`THRESHOLD` lives in the store
(:mod:`saidwhat.store.near_dupes`), so it is shared by every process and
worker that writes there and costs no memory per stored document.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.85
#: The LSH bands are tuned a little below the threshold (candidates are then verified).
LSH_THRESHOLD = max(0.5, THRESHOLD - 0.1)
#: Bands x rows per band: what datasketch's MinHashLSH picks for LSH_THRESHOLD and
#: NUM_PERM with equal false-positive and false-negative weights (a test checks),
#: so the index finds the same candidates as the in-memory index it replaced.
BANDS = 11
ROWS = 11
#: Texts shorter than this (in words) get no signature: short posts collide too easily.
MIN_WORDS = 30
_SEED = 1
#: datasketch's permutation scheme; fixed so stored signatures stay comparable.
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")
SIG_BYTES = NUM_PERM * 8
_KEY_BYTES = 8


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


def check_signature(sig: bytes) -> None:
    """Raise ValueError unless ``sig`` has the shape :func:`signature` gives."""
    if len(sig) != SIG_BYTES:
        raise ValueError(f"not a saidwhat MinHash signature ({len(sig)} bytes)")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype="<u8") == np.frombuffer(b, dtype="<u8")))


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit key per LSH band of ``sig`` (the band number is part of the key).

    Two signatures that agree on all :data:`ROWS` values of some band share that
    band's key: they are candidates. A 64-bit hash collision can only add a
    candidate, and every candidate is verified on the whole signature.
    """
    check_signature(sig)
    width = ROWS * 8
    keys = []
    for band in range(BANDS):
        h = hashlib.blake2b(sig[band * width : (band + 1) * width], digest_size=_KEY_BYTES)
        h.update(band.to_bytes(2, "little"))
        keys.append(int.from_bytes(h.digest(), "little", signed=True))
    return keys
