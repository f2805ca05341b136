"""``the ministry said``: the organisation of that kind the document named or described.

First an organisation named before whose name holds the noun ("the Transport
Ministry" for "the ministry"), else the last organisation written as
capitalised words before the lower-case noun ("the Arkhavian embassy ... The
embassy said"), which the NER tags as no entity; else the organisation headed
by the person last named with its title ("Transport Minister Eva Lind ... the
ministry said"). A capitalised bare ``The Ministry`` is a description too.
"""

from __future__ import annotations

import re

from ..lexicon import ORG_OF_TITLE
from ..person_words import ORG_NOUNS
from ..settings import OrgNounRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule, bare_definite, common, named_in

_ARTICLES = ("the", "a", "an", "said")


def resolve(ask: Ask, seen: Seen, cfg: OrgNounRule) -> Found | None:
    head = ask.head
    if head is None or head.lemma_.lower() not in ORG_NOUNS:
        return None
    if not (common(head) or bare_definite(ask)) or named_in(ask, seen):
        return None
    noun = head.lemma_.lower()
    for find in (_named, _described, _of_title):
        ci = find(seen, ask.start, noun, cfg)
        if ci is not None:
            return Found(ci)
    return Found(None)


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


def _of_title(seen: Seen, pos: int, noun: str, cfg: OrgNounRule) -> int | None:
    """The organisation headed by the person last named with its title: "Transport
    Minister Eva Lind ... The ministry said" -> "Transport Ministry"."""
    title = ORG_OF_TITLE.get(noun)
    if title is None:
        return None
    k = seen.mentions_before(pos)
    for m in reversed(seen.mentions[max(0, k - cfg.title_mentions) : k]):
        for role in seen.clusters[m.ci].roles:
            words = role.split()
            low = [w.lower() for w in words]
            if title not in low:
                continue
            qualifier = words[: low.index(title)]
            if qualifier and all(w[:1].isupper() for w in qualifier):
                return seen.org_cluster(" ".join([*qualifier, noun.title()]))
    return None


RULE = SpeakerRule(
    name="org_noun",
    func=resolve,
    needs=("head", "seen.orgs", "text"),
    gives=("organisation",),
    doc="The Transport Ministry ... The ministry said: the organisation it stands for",
)
