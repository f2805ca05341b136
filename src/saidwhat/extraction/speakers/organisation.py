"""An organisation, place or group named in the mention (``the Ukrainian embassy``
as a whole when the mention's head is a common noun, not ``Ukrainian``)."""

from __future__ import annotations

from ..lexicon import RELATIVE_NOUNS
from ..settings import OrganisationRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule, common, named_in

_LABELS = ("ORG", "NORP", "GPE", "FAC")


def resolve(ask: Ask, seen: Seen, cfg: OrganisationRule) -> Found | None:
    head = ask.head
    if head is not None and common(head) and head.lemma_.lower() in RELATIVE_NOUNS:
        return None  # "Lund's lawyer": a person, whoever the NER took Lund for
    for e in named_in(ask, seen):
        if e.label_ in _LABELS:
            if head is not None and common(head) and not e.start <= head.i < e.end:
                return Found(seen.org_cluster(ask.surface))
            return Found(seen.org_cluster(e.text))
    return None


RULE = SpeakerRule(
    name="organisation",
    func=resolve,
    needs=("head", "entities"),
    gives=("organisation", "outlet"),
    doc="A statement from Harlow Energy said ...: the organisation",
)
