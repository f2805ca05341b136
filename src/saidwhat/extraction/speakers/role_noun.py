"""``the minister said``: the person the description stands for.

The person just spoken of (the subject of a recent mention), unless a
different title they hold rules them out ("the senator" is not the minister
just named); else the last person the document gave that role; else a person
named next to the role word. An indefinite ``a spokesman said`` names nobody;
a capitalised ``The Minister`` is a description too, never a person's name.
"""

from __future__ import annotations

import re

from ..person_words import ROLE_NOUNS, TITLES
from ..settings import RoleNounRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule, bare_definite, common, named_in


def resolve(ask: Ask, seen: Seen, cfg: RoleNounRule) -> Found | None:
    head = ask.head
    if head is None or head.lemma_.lower() not in ROLE_NOUNS:
        return None
    if not (common(head) or bare_definite(ask)):  # "The Minister said" is no name
        return None
    if named_in(ask, seen):
        return None
    if any(t.lower_ in ("a", "an") for t in head.lefts):
        return Found(None)
    return Found(by_role(seen, ask.start, head.lemma_.lower(), cfg))


def by_role(seen: Seen, pos: int, noun: str, cfg: RoleNounRule) -> int | None:
    k = seen.mentions_before(pos)
    ms = seen.mentions
    recent = next((m for m in reversed(ms[max(0, k - cfg.recent_mentions) : k]) if m.subject), None)
    if recent is not None and pos - recent.pos < cfg.recent_chars:
        c = seen.clusters[recent.ci]
        titles = {w for r in c.roles for w in re.findall(r"\w+", r.lower())} & TITLES
        if c.type == "person" and (
            noun in titles or (not titles and not _addressed(seen, recent.pos, pos, noun))
        ):
            return recent.ci
    for m in reversed(ms[:k]):
        if any(noun in r.lower() for r in seen.clusters[m.ci].roles):
            return m.ci
    for m in reversed(ms[max(0, k - cfg.near_mentions) : k]):  # the role stated near a name
        if not m.subject or _addressed(seen, m.pos, pos, noun):
            continue
        near = seen.text[max(0, m.pos - cfg.near_before) : m.pos + cfg.near_after].split("\n\n")
        if any(noun in part.lower() for part in near):
            return m.ci
    return None


#: A description in these relations is someone the subject acts on ("asked the minister").
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})


def _addressed(seen: Seen, since: int, pos: int, noun: str) -> bool:
    """``Ana Berg asked the minister ... “…,” the minister said``: the person just
    spoken of put the description to someone else, so the one answering is not them."""
    doc = seen.doc
    span = doc.char_span(since, pos, alignment_mode="expand")
    return span is not None and any(
        t.lemma_.lower() == noun and t.dep_ in _OBJECT_DEPS and t.head.dep_ != "appos" for t in span
    )


RULE = SpeakerRule(
    name="role_noun",
    func=resolve,
    needs=("head", "seen.mentions", "seen.clusters"),
    gives=("person",),
    doc="Transport Minister Lena Voss ... The minister said: the person holding the role",
)
