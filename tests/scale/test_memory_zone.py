"""Extraction in spaCy memory zones: memory does not grow with the documents parsed.

spaCy keeps every string it meets (names, numbers) in the vocabulary's
StringStore for the life of the model; a worker that parses a year of news
would keep them all. ``nlp.memory_zone()`` frees what a parse added at the end
of the zone. These tests parse documents full of names never seen before and
check that the StringStore and our components' caches stay bounded in a zone
(and grow without one, so the measurement can fail), that the extractions are
the same as without zones, and that nothing spaCy owns escapes a zone.
"""

from __future__ import annotations

import dataclasses

import pytest
import spacy.tokens
from scale_corpus import new_name_documents

from saidwhat.ingest import extract_in_zones, memory_zone
from saidwhat.model import Document
from saidwhat.scale import worker

#: Documents per test run: enough that growth is unmistakable, few enough to stay fast.
N_DOCS = 24
#: New strings a document brings (two new names and a report number, at least).
MIN_NEW_STRINGS_PER_DOC = 3
#: Strings a zoned run may still add for good (morphology keeps new feature sets).
ZONE_SLACK = 20


@pytest.fixture(scope="module")
def ex():
    from saidwhat.events.service import CodingExtractor

    ex = CodingExtractor()
    ex.extract(Document('The minister said on Monday: "We will not change the plan."', "warm"))
    return ex


def _caches(ex) -> dict[str, int]:
    from saidwhat.extraction.fast_components import LEMMATIZER_NAME, RULER_NAME

    nlp = ex.nlp
    out = {"strings": len(nlp.vocab.strings)}
    if LEMMATIZER_NAME in nlp.pipe_names:
        out["lemmas"] = len(nlp.get_pipe(LEMMATIZER_NAME)._lemmas)
    if RULER_NAME in nlp.pipe_names:
        out["pairs"] = len(nlp.get_pipe(RULER_NAME)._pairs)
    return out


def _plain(value, path: str = "extraction") -> None:
    """Fail if ``value`` holds anything but plain data (no spaCy Doc, Span, Token...)."""
    assert not type(value).__module__.startswith(("spacy", "thinc")), path
    assert not isinstance(value, spacy.tokens.Doc | spacy.tokens.Span | spacy.tokens.Token), path
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            _plain(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            _plain(v, f"{path}[{k!r}]")
    elif isinstance(value, list | tuple | set | frozenset):
        for k, v in enumerate(value):
            _plain(v, f"{path}[{k}]")
    else:
        assert isinstance(value, str | int | float | bool | type(None)), (path, type(value))


def test_zones_keep_the_string_store_flat_and_the_results_the_same(ex):
    docs = new_name_documents("zq", N_DOCS)
    before = _caches(ex)
    zoned = list(extract_in_zones(ex, docs, zone_documents=8))
    after_zoned = _caches(ex)
    assert after_zoned["strings"] - before["strings"] <= ZONE_SLACK, (before, after_zoned)

    # The same documents without a zone: every new name stays (the test can fail).
    plain = list(ex.extract_many(docs, errors="yield"))
    grown = _caches(ex)["strings"] - after_zoned["strings"]
    assert grown >= MIN_NEW_STRINGS_PER_DOC * len(docs), grown

    assert [d.ref for d, _ in zoned] == [d.ref for d in docs]
    assert sum(len(e.statements) for _, e in zoned) >= len(docs)  # the documents were read
    assert [(d.ref, e) for d, e in zoned] == [(d.ref, e) for d, e in plain]
    for _, extraction in zoned:
        _plain(extraction)


def test_caches_do_not_grow_with_the_documents_parsed_in_zones(ex):
    # Warm the caches on the common words, then parse twice as many new-name documents.
    list(extract_in_zones(ex, new_name_documents("wa", 8), zone_documents=8))
    list(extract_in_zones(ex, new_name_documents("wb", 8), zone_documents=8))
    start = _caches(ex)
    list(extract_in_zones(ex, new_name_documents("wc", 3 * N_DOCS), zone_documents=8))
    list(
        extract_in_zones(ex, new_name_documents("wd", 8), zone_documents=8)
    )  # the last zone's words
    end = _caches(ex)
    assert end["strings"] - start["strings"] <= ZONE_SLACK, (start, end)
    # The component caches forget the words of earlier zones: they stay at about one
    # zone's worth, not 3 * N_DOCS documents' worth of new names.
    for name in ("lemmas", "pairs"):
        if name in end:
            assert end[name] - start[name] <= 8 * 2 * MIN_NEW_STRINGS_PER_DOC, (name, start, end)


def test_a_lemma_first_seen_in_a_zone_is_still_readable_after_it(ex):
    nlp = ex.nlp
    with memory_zone(ex):
        doc = nlp("The vorplaxes were late again.")
        lemma = doc[1].lemma_
        words = {t.lower_ for t in doc}
    assert lemma and lemma not in words  # a lemma that is not itself a word of the text
    # Outside a zone, and in later ones: the cached lemma's string was freed with the
    # zone; the lemmatizer must not hand back its dangling hash.
    assert nlp("Two vorplaxes arrived.")[1].lemma_ == lemma
    with memory_zone(ex):
        nlp("Another sentence about harbours.")
    with memory_zone(ex):
        assert nlp("Three vorplaxes left.")[1].lemma_ == lemma
    with memory_zone(ex):
        assert nlp("Four vorplaxes stayed.")[1].lemma_ == lemma


def test_zones_do_not_nest(ex):
    with memory_zone(ex):
        with memory_zone(ex):  # a no-op inside a zone (spaCy's zones must not nest)
            ex.extract(new_name_documents("nz", 1)[0])
        assert ex.nlp.vocab.in_memory_zone
    assert not ex.nlp.vocab.in_memory_zone


def test_a_worker_batch_is_parsed_in_a_zone(ex, tmp_path, monkeypatch):
    monkeypatch.setitem(worker._extractors, worker.DEFAULT_MODEL, ex)
    refs = []
    for doc in new_name_documents("wk", 6):
        path = tmp_path / doc.ref
        path.write_text(doc.text, encoding="utf-8")
        refs.append((str(path), doc.ref))
    before = len(ex.nlp.vocab.strings)
    rows = worker.process_batch(refs, worker.DEFAULT_MODEL, 1_000_000)
    assert len(ex.nlp.vocab.strings) - before <= ZONE_SLACK
    assert all(r.statements for (r,) in rows)
    _plain([tuple(r) for (r,) in rows], "rows")


def test_a_zone_does_not_load_a_model_nothing_needed_yet():
    # an ingest of posts or of Russian and Ukrainian texts never loads the English
    # model; asking for a zone must not load it either (about 2 s for nothing)
    from saidwhat.extraction import Extractor

    fresh = Extractor()
    with memory_zone(fresh):
        pass
    assert not fresh.loaded
