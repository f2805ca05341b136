"""Entities as the rules read them (:class:`saidwhat.extraction.parsed.Parsed`)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from saidwhat.extraction.parsed import Parsed


def _headline(words, pos, heads, deps, ents):
    return Doc(Vocab(), words=words, pos=pos, heads=heads, deps=deps, ents=ents)


def test_a_person_entity_stops_before_its_own_verb():
    # title case: the NER runs 'Spokesperson Brask Criticizes' together as one person
    doc = _headline(
        ["Spokesperson", "Brask", "Criticizes", "Local", "Reporters"],
        ["PROPN", "PROPN", "VERB", "ADJ", "NOUN"],
        [1, 2, 2, 4, 2],
        ["compound", "nsubj", "ROOT", "amod", "dobj"],
        ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O"],
    )
    parsed = Parsed.of(doc)
    assert [(e.text, e.label_) for e in parsed.ents] == [("Spokesperson Brask", "PERSON")]
    assert doc[2].ent_type_ == ""  # the tokens say the same as the entity list
    assert 2 not in parsed.ent_by_tok


def test_a_name_with_a_verb_it_does_not_govern_is_kept():
    # 'Will Hale': a proper noun the tagger calls a verb, governing nothing in the name
    doc = _headline(
        ["Will", "Hale", "spoke"],
        ["VERB", "PROPN", "VERB"],
        [1, 2, 2],
        ["compound", "nsubj", "ROOT"],
        ["B-PERSON", "I-PERSON", "O"],
    )
    assert [e.text for e in Parsed.of(doc).ents] == ["Will Hale"]
