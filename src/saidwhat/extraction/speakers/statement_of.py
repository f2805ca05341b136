"""``a statement from X``, ``X's statement``, ``X issued a statement saying``: X.

A document (a statement, a release, a letter, an ad) speaks for whoever it is
from: its possessor, the object of ``from``/``by`` after it, or the subject of
the verb that put it out (``issued``, ``released``: not ``believed the polls``). The owner is resolved through all the rules (``It
issued a statement`` is the organisation ``it`` stands for).
"""

from __future__ import annotations

from ..indirect import np_span
from ..lexicon import DOCUMENT_NOUNS, ISSUING_VERBS
from ..settings import StatementOfRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule, common

_FROM = ("from", "by")
_SUBJECTS = ("nsubj", "nsubjpass")


def resolve(ask: Ask, seen: Seen, cfg: StatementOfRule) -> Found | None:
    head = ask.head
    if head is None or not common(head) or head.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    owner = _owner(head)
    if owner is None:
        return None
    ci = ask.again(*np_span(seen.doc, owner), owner.i)
    return Found(ci) if ci is not None else None


def _owner(head):
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _FROM:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                return pobj
    verb = head.head
    if head.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in ISSUING_VERBS:
        return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return None


RULE = SpeakerRule(
    name="statement_of",
    func=resolve,
    needs=("head", "parse"),
    gives=("person", "organisation"),
    doc="The port authority issued a statement calling ...: the port authority",
)
