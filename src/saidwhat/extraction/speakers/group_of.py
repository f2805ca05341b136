"""A person's own organisation: ``Trump's campaign``, ``the Berg campaign``, ``her office``.

The campaign (team, office, staff) speaks, not the person: the mention is an
organisation named after its owner (``Ana Berg's campaign``), the owner
resolved through all the rules (``her`` is the woman just named). A bare ``the
campaign`` is the last such organisation that spoke before it.
"""

from __future__ import annotations

from ..indirect import np_span
from ..lexicon import GROUP_NOUNS
from ..settings import GroupOfRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule, bare_definite, common

_OWNER_DEPS = ("poss", "compound")


def resolve(ask: Ask, seen: Seen, cfg: GroupOfRule) -> Found | None:
    head = ask.head
    if head is None or not common(head) or head.lemma_.lower() not in GROUP_NOUNS:
        return None
    noun = head.lemma_.lower()
    owner = next(
        (
            c
            for c in head.lefts
            if c.dep_ in _OWNER_DEPS
            and (c.pos_ == "PROPN" or (c.dep_ == "poss" and c.pos_ == "PRON"))
        ),
        None,
    )
    if owner is None:
        return Found(_last_group(seen, noun)) if bare_definite(ask) else None
    ci = ask.again(*np_span(seen.doc, owner), owner.i)
    if ci is None or seen.clusters[ci].type != "person":
        return None
    return Found(seen.org_cluster(f"{seen.clusters[ci].name}’s {noun}", "organisation"))


def _last_group(seen: Seen, noun: str) -> int | None:
    suffix = f"’s {noun}"
    for ci in sorted(seen.used, reverse=True):
        c = seen.clusters[ci]
        if c.type != "person" and c.name.lower().endswith(suffix):
            return ci
    return None


RULE = SpeakerRule(
    name="group_of",
    func=resolve,
    needs=("head", "parse", "seen.used"),
    gives=("organisation",),
    doc="Ana Berg's campaign said ...: the campaign, an organisation, not Ana Berg",
)
