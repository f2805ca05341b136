"""``the newspaper said``: the outlet the document last named."""

from __future__ import annotations

from ..person_words import OUTLET_NOUNS
from ..settings import OutletNounRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule, named_in


def resolve(ask: Ask, seen: Seen, cfg: OutletNounRule) -> Found | None:
    head = ask.head
    if head is None or head.lemma_.lower() not in OUTLET_NOUNS or named_in(ask, seen):
        return None
    return Found(seen.last_org(ask.start, "outlet"))


RULE = SpeakerRule(
    name="outlet_noun",
    func=resolve,
    needs=("head", "seen.orgs"),
    gives=("outlet",),
    doc="The Harbour Herald reported ... the newspaper said: the outlet",
)
