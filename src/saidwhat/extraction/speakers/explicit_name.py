"""A name written in the mention: the person (or a known surname) it names.

The entity at the mention's head comes first, so a possessor is not the
speaker ("Ana Berg's campaign manager Tom Lund" -> Tom Lund). A surname the NER
tagged alone after a known first name keeps its first name, which keeps
namesakes apart ("Ana Novak" is not the "Dara Novak" named before).
"""

from __future__ import annotations

from ..lexicon import RELATIVE_NOUNS
from ..person_words import FIRST_NAMES, fold, name_parts
from ..settings import ExplicitNameRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule, named_in


def resolve(ask: Ask, seen: Seen, cfg: ExplicitNameRule) -> Found | None:
    doc = seen.doc
    head = ask.head
    for e in named_in(ask, seen):
        if head is not None and head.lemma_.lower() in RELATIVE_NOUNS and e.root.head.i == head.i:
            continue  # "Hale's niece said": the niece speaks, not Hale
        parts = name_parts(e.text)
        if e.label_ != "PERSON" and fold(parts[-1] if parts else "") not in seen.by_surname:
            continue
        named = e.text
        if e.start > 0 and len(parts) == 1:
            first = doc[e.start - 1]
            if first.idx >= ask.start and fold(first.text) in FIRST_NAMES:
                named = seen.text[first.idx : e.end_char]
        ci = seen.cluster_for(named, e.start_char, create=True)
        if ci is not None:
            return Found(ci)
    return None


RULE = SpeakerRule(
    name="explicit_name",
    func=resolve,
    needs=("head", "entities", "seen.clusters"),
    gives=("person",),
    doc="Mayor Ana Berg said ...: the person named, clustered with her other forms",
)
