"""``the ministry said``: the organisation of that kind the document named or described.

First an organisation named before whose name holds the noun ("the Transport
Ministry" for "the ministry"), else the last organisation written as
capitalised words before the lower-case noun ("the Arkhavian embassy ... The
embassy said"), which the NER tags as no entity.
"""

from __future__ import annotations

import re

from ..person_words import ORG_NOUNS
from ..settings import OrgNounRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule, common, named_in

_ARTICLES = ("the", "a", "an", "said")


def resolve(ask: Ask, seen: Seen, cfg: OrgNounRule) -> Found | None:
    head = ask.head
    if head is None or head.lemma_.lower() not in ORG_NOUNS or not common(head):
        return None
    if named_in(ask, seen):
        return None
    noun = head.lemma_.lower()
    named = _named(seen, ask.start, noun, cfg)
    return Found(named if named is not None else _described(seen, ask.start, noun, cfg))


def _named(seen: Seen, pos: int, noun: str, cfg: OrgNounRule) -> int | None:
    """The last organisation before ``pos`` whose name holds ``noun`` ("Transport Ministry")."""
    k = seen.org_before(pos)
    for _, ci in reversed(seen.orgs[max(0, k - cfg.orgs_back) : k]):
        if noun in seen.clusters[ci].name.lower().split():
            return ci
    return None


def _described(seen: Seen, pos: int, noun: str, cfg: OrgNounRule) -> int | None:
    """The last organisation written as capitalised words and ``noun`` before ``pos``."""
    pattern = re.compile(r"\b((?:[A-Z][\w’'-]+[ \u00a0]){1,3})" + re.escape(noun) + r"\b")
    window = seen.text[max(0, pos - cfg.described_window) : pos]
    found = [m for m in pattern.finditer(window) if not seen.inside_quote(m.start())]
    for m in reversed(found):
        words = m.group(1).split()
        while words and words[0].lower() in _ARTICLES:
            words = words[1:]
        if words:
            return seen.org_cluster(" ".join([*words, noun]))
    return None


RULE = SpeakerRule(
    name="org_noun",
    func=resolve,
    needs=("head", "seen.orgs", "text"),
    gives=("organisation",),
    doc="The Transport Ministry ... The ministry said: the organisation it stands for",
)
