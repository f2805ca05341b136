"""A bare surname the document has named a person by: that person, or among namesakes
the one mentioned nearest before."""

from __future__ import annotations

from ..person_words import fold, name_parts
from ..settings import SurnameRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule


def resolve(ask: Ask, seen: Seen, cfg: SurnameRule) -> Found | None:
    words = name_parts(ask.surface)
    if words and words[-1][:1].isupper() and fold(words[-1]) in seen.by_surname:
        return Found(seen.cluster_for(ask.surface, ask.start, create=False))
    return None


RULE = SpeakerRule(
    name="surname",
    func=resolve,
    needs=("surface", "seen.clusters", "seen.mentions"),
    gives=("person",),
    doc="Tomas Hale ... Hale said: the person of that surname",
)
