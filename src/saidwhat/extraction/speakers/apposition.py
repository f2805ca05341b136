"""``The mayor of X, Marat Chelnokov, told``: the name in apposition to the noun."""

from __future__ import annotations

from ..indirect import doc_ents
from ..settings import AppositionRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule, common


def resolve(ask: Ask, seen: Seen, cfg: AppositionRule) -> Found | None:
    head = ask.head
    if head is None or not common(head):
        return None
    doc = seen.doc
    for child in head.subtree:
        if child.i <= head.i or child.ent_type_ not in ("PERSON", "ORG"):
            continue
        ent = doc_ents(doc)[1].get(child.i)
        if ent is None or (
            ent.label_ == "ORG" and (len(ent) < 2 or any(t.pos_ != "PROPN" for t in ent))
        ):
            continue
        # an apposition, by label or by its commas: "The mayor of X, Marat Chelnokov, told"
        if child.dep_ == "appos" or (
            doc[ent.start - 1].text == "," and ent.end < len(doc) and doc[ent.end].text == ","
        ):
            return Found(seen.cluster_for(ent.text, ent.start_char, create=True))
    return None


RULE = SpeakerRule(
    name="apposition",
    func=resolve,
    needs=("head", "entities"),
    gives=("person", "organisation"),
    doc="The Arkhavian ambassador, Pavel Dronov, told ...: the name, not the title",
)
