"""A surname the NER took for an organisation, after a known first name: a person
("Sergey Oznobishev", "Lidia Vasquez-Roth"), by the packaged list of first names."""

from __future__ import annotations

from ..person_words import FIRST_NAMES, fold
from ..settings import FirstNameRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule

_HYPHENS = frozenset("-‐‑")


def resolve(ask: Ask, seen: Seen, cfg: FirstNameRule) -> Found | None:
    head = ask.head
    if head is None or head.pos_ != "PROPN" or head.i == 0:
        return None
    doc, i = seen.doc, head.i
    # a hyphenated surname is one name: "Lidia Vasquez-Roth", tagged as an organisation
    while (
        i >= 2
        and doc[i - 1].text in _HYPHENS
        and not (doc[i - 1].whitespace_ or doc[i - 2].whitespace_)
    ):
        i -= 2
    if i == 0:
        return None
    first = doc[i - 1]
    if not (first.text[:1].isupper() and fold(first.text) in FIRST_NAMES):
        return None
    return Found(seen.cluster_for(doc[first.i : head.i + 1].text, first.idx, create=True))


RULE = SpeakerRule(
    name="first_name",
    func=resolve,
    needs=("head", "first names"),
    gives=("person",),
    doc="Sergey Oznobishev said (the surname tagged as an organisation): a person",
)
