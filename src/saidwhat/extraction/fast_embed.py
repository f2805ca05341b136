"""Remember the token embeddings of spaCy's tok2vec networks (exact, bounded).

The first stage of a ``MultiHashEmbed`` tok2vec turns each token's lexical
features (NORM, PREFIX, SUFFIX, SHAPE) into a vector: four hash-table lookups,
a maxout layer and a layer norm, about a third of the network's CPU time. Its
output depends on those four feature values alone, one row at a time, and news
repeats its words: :func:`cache_embeddings` wraps that stage so that each
distinct feature row is computed once, by the network's own layers, and
remembered (up to :data:`MAX_ROWS` rows per network, then new rows are computed
every time). The encoder layers that follow, which look at each token's
neighbours, run as before. The outputs are the same floats (checked in
``tests/extraction/test_fast_components.py``).
"""

from __future__ import annotations

import numpy as np

#: Distinct feature rows remembered per network (96 floats each: about 12 MB).
MAX_ROWS = 32_768
_MARK = "saidwhat_embed_cache"
#: The embedding chain of spaCy's MultiHashEmbed without static vectors, layer by layer.
_SHAPE = (
    "extract_features",
    "list2ragged",
    None,
    "with_array(maxout>>layernorm>>dropout)",
    "ragged2list",
)


def _is_embed(node) -> bool:
    names = [layer.name for layer in node.layers]
    return (
        len(names) == len(_SHAPE)
        and all(want is None or name == want for name, want in zip(names, _SHAPE, strict=True))
        and names[2].startswith("with_array(")
        and "hashembed" in names[2]
    )


def cache_embeddings(model) -> int:
    """Wrap every embedding chain inside the thinc ``model``; returns how many (idempotent)."""
    count = 0
    for node in model.walk():
        if node.layers and _is_embed(node):
            if not node.attrs.get(_MARK):
                node.attrs[_MARK] = True
                node._func = _CachedEmbed(node._func)
            count += 1
    return count


class _CachedEmbed:
    """The forward function of an embedding chain, reading remembered rows first."""

    def __init__(self, forward):
        self.forward = forward
        self.keys: dict[bytes, int] = {}
        self.rows: np.ndarray | None = None

    def __call__(self, model, docs, is_train: bool):
        if is_train:
            return self.forward(model, docs, is_train)
        extract, _, hashed, dense, _ = model.layers
        features = extract.predict(docs)
        lengths = [len(f) for f in features]
        if not sum(lengths):
            return self.forward(model, docs, is_train)
        feats = np.ascontiguousarray(np.concatenate(features), dtype=np.uint64)
        as_bytes = feats.view(np.dtype((np.void, feats.dtype.itemsize * feats.shape[1])))
        distinct, first, inverse = np.unique(
            as_bytes.ravel(), return_index=True, return_inverse=True
        )
        known = self.keys
        keys = distinct.tolist()
        where = np.empty(len(distinct), dtype=np.int64)
        missing = []
        for k, key in enumerate(keys):
            at = known.get(key)
            if at is None:
                missing.append(k)
                at = -1
            where[k] = at
        fresh = None
        if missing:
            fresh = dense.predict(hashed.predict(feats[first[missing]]))
            self._remember(keys, missing, fresh, where)
        width = fresh.shape[1] if fresh is not None else self.rows.shape[1]
        vectors = np.empty((len(distinct), width), dtype=np.float32)
        cached = where >= 0
        if cached.any():
            vectors[cached] = self.rows[where[cached]]
        if missing:
            unstored = np.array(missing)[where[missing] < 0]
            if len(unstored):
                vectors[unstored] = fresh[np.searchsorted(missing, unstored)]
        out = vectors[inverse.reshape(-1)]
        splits = np.cumsum(lengths)[:-1]
        return list(np.split(out, splits)), _no_backprop

    def _remember(self, keys: list[bytes], missing: list[int], fresh: np.ndarray, where) -> None:
        """Store fresh rows while there is room; ``where`` gets their new positions."""
        if self.rows is None:
            self.rows = np.empty((MAX_ROWS, fresh.shape[1]), dtype=np.float32)
        room = MAX_ROWS - len(self.keys)
        if room <= 0:
            return
        take = missing[:room]
        start = len(self.keys)
        self.rows[start : start + len(take)] = fresh[: len(take)]
        for j, k in enumerate(take):
            self.keys[keys[k]] = start + j
            where[k] = start + j


def _no_backprop(d_outputs):
    raise NotImplementedError("the remembered embeddings are for prediction only")
