"""Exact, array-based stand-ins for two of spaCy's slow Python components.

spaCy's ``attribute_ruler`` runs its ~180 token patterns through the generic
``Matcher`` and sets each match token by token; the rule ``lemmatizer`` walks
every token in Python. Together they cost about an eighth of the stock
pipeline's CPU time on news. The stand-ins here compute the same annotations
from the document's attribute arrays:

* :class:`ArrayAttributeRuler` evaluates each pattern of the model's own
  attribute ruler as a boolean mask over the token columns (equality, ``IN``,
  ``NOT_IN``, ``REGEX``, one- and two-token patterns), applies the attributes
  in the ruler's order (a later pattern wins, as in spaCy), and writes the
  columns back in one call. A ruler with a pattern form it does not know is
  left in place (:func:`compile_ruler` returns None).
* :class:`CachedLemmatizer` looks lemmas up by ``(orth, pos, morph)``, the
  very key the rule lemmatizer caches on, and asks the wrapped lemmatizer only
  for keys it has not seen.

Both give the same ``TAG``/``POS``/``MORPH``/``LEMMA``/``DEP`` as the stock
components (checked token by token in ``tests/extraction/test_fast_components.py``);
:func:`install` swaps them into a loaded pipeline, together with the NER decoder
of :mod:`.fast_ner` and the embedding cache of :mod:`.fast_embed`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from .fast_embed import cache_embeddings
from .fast_ner import NER_NAME, GreedyEntityRecognizer

#: The token columns the patterns of an English attribute ruler test.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: The columns an attribute ruler may set, in the order they are written back.
_SET = ("TAG", "POS", "MORPH", "LEMMA", "DEP")

RULER_NAME = "saidwhat_attribute_ruler"
LEMMATIZER_NAME = "saidwhat_lemmatizer"


class Unsupported(ValueError):
    """A pattern form the array ruler does not evaluate (the stock ruler stays)."""


@dataclass(frozen=True, eq=False)
class _Test:
    """One token predicate: column ``col`` compared with ``op`` against ``arg``."""

    col: int
    op: str  # "eq", "in", "not_in", "regex"
    arg: object


@dataclass(frozen=True)
class _Rule:
    """One pattern: its token predicates, the token it sets, and what it sets."""

    tokens: tuple[tuple[_Test, ...], ...]
    index: int
    attrs: tuple[tuple[int, int], ...]  # (column in _SET, value)


def _test(vocab, key: str, spec, known: dict[str, _Test]) -> _Test:
    """The predicate for ``{key: spec}``; one object per distinct predicate (masks are shared)."""
    ident = f"{key}={spec!r}"
    if ident not in known:
        known[ident] = _new_test(vocab, key, spec)
    return known[ident]


def _new_test(vocab, key: str, spec) -> _Test:
    if key not in _TESTED:
        raise Unsupported(f"attribute {key!r}")
    col = _TESTED.index(key)
    if key == "IS_SPACE":
        if not isinstance(spec, bool):
            raise Unsupported(f"IS_SPACE {spec!r}")
        return _Test(col, "eq", int(spec))
    if isinstance(spec, str):
        return _Test(col, "eq", vocab.strings.add(spec))
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op in ("IN", "NOT_IN") and all(isinstance(s, str) for s in arg):
            hashes = np.array([vocab.strings.add(s) for s in arg], dtype=np.uint64)
            return _Test(col, op.lower(), hashes)
        if op == "REGEX" and isinstance(arg, str):
            return _Test(col, "regex", re.compile(arg))
    raise Unsupported(f"{key} {spec!r}")


def compile_ruler(ruler) -> list[_Rule] | None:
    """The rules of a spaCy ``AttributeRuler``, or None if one has a form not handled here."""
    from spacy.attrs import IDS

    set_cols = {IDS[name]: k for k, name in enumerate(_SET)}
    rules: list[_Rule] = []
    known: dict[str, _Test] = {}
    try:
        for attr_id, attrs in enumerate(ruler.attrs):
            _, patterns = ruler.matcher.get(str(attr_id))
            if any(a not in set_cols for a in attrs):
                raise Unsupported(f"sets {sorted(attrs)}")
            sets = tuple((set_cols[a], int(v)) for a, v in attrs.items())
            for pattern in patterns:
                if not 1 <= len(pattern) <= 2 or any("OP" in t for t in pattern):
                    raise Unsupported(f"pattern {pattern!r}")
                tokens = tuple(
                    tuple(_test(ruler.vocab, k, v, known) for k, v in t.items()) for t in pattern
                )
                index = ruler.indices[attr_id]
                if not -len(pattern) <= index < len(pattern):
                    raise Unsupported(f"index {index} in {pattern!r}")
                rules.append(_Rule(tokens, index % len(pattern), sets))
    except Unsupported:
        return None
    return rules


#: Columns of _TESTED a "simple" rule may test: decided by the token's (TAG, LOWER) pair alone.
_PAIR = (_TESTED.index("TAG"), _TESTED.index("LOWER"))


def _simple(rule: _Rule) -> bool:
    return len(rule.tokens) == 1 and all(
        t.col in _PAIR and t.op in ("eq", "in") for t in rule.tokens[0]
    )


class ArrayAttributeRuler:
    """The model's attribute ruler, evaluated on whole columns (same annotations).

    Most patterns test only a token's tag and lower-case form: their outcome is
    worked out once per distinct (TAG, LOWER) pair and remembered. The others
    (dependency labels, whitespace, regular expressions, two tokens) are
    evaluated as masks. For every attribute the rule with the highest index
    that matched wins, which is the order in which spaCy applies them.
    """

    def __init__(self, vocab, rules: list[_Rule]):
        self.vocab = vocab
        self.rules = rules
        self._simple = [(i, r) for i, r in enumerate(rules) if _simple(r)]
        self._complex = [(i, r) for i, r in enumerate(rules) if not _simple(r)]
        # (tag, lower) -> for each column of _SET: (index of the last rule setting it, value)
        self._pairs: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
        self._regex_cache: dict[str, dict[int, bool]] = {}
        # the simple rules a pair can match, indexed by the value of one column they test
        # (the lower-case form if they test it, else the tag, else they are always tried)
        self._by_lower: dict[int, list[tuple[int, _Rule]]] = {}
        self._by_tag: dict[int, list[tuple[int, _Rule]]] = {}
        self._always: list[tuple[int, _Rule]] = []
        for i, rule in self._simple:
            tests = {t.col: t for t in rule.tokens[0]}
            key = tests.get(_PAIR[1]) or tests.get(_PAIR[0])
            if key is None:
                self._always.append((i, rule))
                continue
            index = self._by_lower if key.col == _PAIR[1] else self._by_tag
            values = [key.arg] if key.op == "eq" else key.arg.tolist()
            for value in dict.fromkeys(int(v) for v in values):
                index.setdefault(value, []).append((i, rule))

    @contextmanager
    def memory_zone(self, mem=None) -> Iterator[object]:
        """Part of ``nlp.memory_zone()``: first forget what the strings earlier zones freed keyed.

        The cached answers stay right (rule values are permanent strings), but
        without this they would grow with every new word ever parsed.
        """
        strings = self.vocab.strings
        self._pairs = {k: v for k, v in self._pairs.items() if k[1] in strings}
        for cache in self._regex_cache.values():
            for key in [k for k in cache if k not in strings]:
                del cache[key]
        yield mem

    def _pair(self, tag: int, lower: int) -> tuple[tuple[int, int], ...]:
        found = self._pairs.get((tag, lower))
        if found is None:
            best = [(-1, 0)] * len(_SET)
            token = {_PAIR[0]: tag, _PAIR[1]: lower}
            candidates = sorted(
                self._by_lower.get(lower, []) + self._by_tag.get(tag, []) + self._always,
                key=lambda ir: ir[0],
            )
            for i, rule in candidates:
                if all(
                    token[t.col] == t.arg if t.op == "eq" else token[t.col] in t.arg
                    for t in rule.tokens[0]
                ):
                    for col, value in rule.attrs:
                        best[col] = (i, value)
            found = self._pairs[(tag, lower)] = tuple(best)
        return found

    def _mask(self, cols: np.ndarray, test: _Test, uniq) -> np.ndarray:
        col = cols[:, test.col]
        if test.op == "eq":
            return col == test.arg
        if test.op == "in":
            return np.isin(col, test.arg)
        if test.op == "not_in":
            return ~np.isin(col, test.arg)
        # a regular expression: tried once per distinct value (ever), then spread back
        values, inverse = uniq(test.col)
        strings = self.vocab.strings
        cache = self._regex_cache.setdefault(test.arg.pattern, {})
        hits = []
        for value in values.tolist():
            hit = cache.get(value)
            if hit is None:
                hit = cache[value] = bool(test.arg.search(strings[value]))
            hits.append(hit)
        return np.array(hits, dtype=bool)[inverse]

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        from spacy.attrs import IDS

        cols = doc.to_array([IDS[a] for a in _TESTED])
        out = doc.to_array([IDS[a] for a in _SET])
        distinct: dict[int, tuple[np.ndarray, np.ndarray]] = {}

        def uniq(c: int) -> tuple[np.ndarray, np.ndarray]:
            if c not in distinct:
                values, inverse = np.unique(cols[:, c], return_inverse=True)
                distinct[c] = (values, inverse.reshape(-1))
            return distinct[c]

        (tags, tag_at), (lowers, lower_at) = uniq(_PAIR[0]), uniq(_PAIR[1])
        pair_ids, inverse = np.unique(tag_at * len(lowers) + lower_at, return_inverse=True)
        inverse = inverse.reshape(-1)
        found = [
            self._pair(int(tags[p // len(lowers)]), int(lowers[p % len(lowers)]))
            for p in pair_ids.tolist()
        ]
        # per token and column of _SET: the index of the last rule setting it, and its value
        best = np.array([[i for i, _ in f] for f in found], dtype=np.int64)[inverse]
        values = np.array([[v for _, v in f] for f in found], dtype=np.uint64)[inverse]
        masks: dict[int, np.ndarray] = {}  # by id(): many patterns share a test

        def mask(test: _Test) -> np.ndarray:
            m = masks.get(id(test))
            if m is None:
                m = masks[id(test)] = self._mask(cols, test, uniq)
            return m

        for i, rule in self._complex:
            width = len(rule.tokens)
            if width > n:
                continue
            hit = np.ones(n - width + 1, dtype=bool)
            for k, tests in enumerate(rule.tokens):
                for test in tests:
                    hit &= mask(test)[k : n - width + 1 + k]
            if not hit.any():
                continue
            target = np.flatnonzero(hit) + rule.index
            for col, value in rule.attrs:
                later = target[best[target, col] < i]
                best[later, col] = i
                values[later, col] = value
        set_by_rule = best >= 0
        out[set_by_rule] = values[set_by_rule]
        doc.from_array([IDS[a] for a in _SET], out)
        return doc


class CachedLemmatizer:
    """A rule lemmatizer read through its own ``(orth, pos, morph)`` cache, a column at a time."""

    def __init__(self, lemmatizer):
        _index_as_sets(lemmatizer)
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}
        #: A memory zone ended since the cache was last cleaned (see memory_zone).
        self._zoned = False

    @contextmanager
    def memory_zone(self, mem=None) -> Iterator[object]:
        """Part of ``nlp.memory_zone()``: the cache keeps no lemma whose string a zone freed.

        A lemma first seen inside a zone is a transient string: reused after
        the zone, its hash would name nothing (``token.lemma_`` raises). Entries
        are dropped when the next zone starts (or the next parse outside one).
        """
        self._forget(self.lemmatizer.vocab.strings)
        try:
            yield mem
        finally:
            self._zoned = True

    def _forget(self, strings) -> None:
        self._lemmas = {k: v for k, v in self._lemmas.items() if k[0] in strings and v in strings}
        self._zoned = False

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        if self._zoned and not doc.vocab.in_memory_zone:
            self._forget(doc.vocab.strings)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        known = self._lemmas
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                value = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                known[key] = value
            lemmas[i] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas)
        return doc


def _index_as_sets(lemmatizer) -> None:
    """Give the rule lemmatizer its word index as sets instead of lists (same answers).

    ``rule_lemmatize`` only asks ``form in index``; on English's lists (57,000
    nouns) each question is a linear scan, most of a new word's lemmatizing
    time. The stock component is out of the pipeline once wrapped, so its
    lookups are replaced, not the model's files.
    """
    from spacy.lookups import Lookups

    old = lemmatizer.lookups
    if not old.has_table("lemma_index"):
        return
    index = old.get_table("lemma_index")
    if not any(isinstance(v, list) for v in index.values()):
        return
    new = Lookups()
    for name in old.tables:
        if name == "lemma_index":
            new.add_table(
                name, {k: frozenset(v) if isinstance(v, list) else v for k, v in index.items()}
            )
        else:
            new.set_table(name, old.get_table(name))
    lemmatizer.lookups = new


def install(nlp) -> None:
    """Swap the stock attribute ruler, rule lemmatizer and greedy NER of ``nlp`` for the array
    ones, and let its tok2vec networks remember token embeddings (:mod:`.fast_embed`).

    Idempotent; leaves a pipeline alone where a component is missing, is not the
    stock kind, or (for the ruler) has a pattern form :func:`compile_ruler` does not handle.
    """
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, EntityRecognizer, Lemmatizer
    from thinc.api import Model

    if not Language.has_factory(RULER_NAME):
        Language.factory(RULER_NAME, func=_make_ruler)
        Language.factory(LEMMATIZER_NAME, func=_make_lemmatizer)
    if not Language.has_factory(NER_NAME):
        Language.factory(NER_NAME, func=_make_ner)
    for _, component in nlp.pipeline:  # the tok2vec networks remember token embeddings
        if isinstance(getattr(component, "model", None), Model):
            cache_embeddings(component.model)
    names = nlp.pipe_names
    if "attribute_ruler" in names:
        stock = nlp.get_pipe("attribute_ruler")
        if isinstance(stock, AttributeRuler) and compile_ruler(stock) is not None:
            nlp.add_pipe(RULER_NAME, after="attribute_ruler")
            nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in names:
        stock = nlp.get_pipe("lemmatizer")
        if isinstance(stock, Lemmatizer) and stock.mode == "rule":
            nlp.add_pipe(LEMMATIZER_NAME, after="lemmatizer")
            nlp.remove_pipe("lemmatizer")
    if "ner" in names:
        stock = nlp.get_pipe("ner")
        if isinstance(stock, EntityRecognizer) and GreedyEntityRecognizer.supports(stock):
            nlp.add_pipe(NER_NAME, after="ner")
            nlp.remove_pipe("ner")


# The factories read the stock component they stand in for from the pipeline
# (install adds them next to it, then removes the stock one).


def _make_ruler(nlp, name):
    return ArrayAttributeRuler(nlp.vocab, compile_ruler(nlp.get_pipe("attribute_ruler")))


def _make_lemmatizer(nlp, name):
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def _make_ner(nlp, name):
    return GreedyEntityRecognizer(nlp.get_pipe("ner"))
