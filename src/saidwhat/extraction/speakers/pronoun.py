"""Pronouns: ``he``/``she`` to the earlier person that agrees, ``they``/``it`` to an
organisation, ``who`` to the noun it qualifies.

A person's pronoun is never resolved to an organisation or a place: only person
clusters are antecedents. Gender agreement comes from the document's own use
(``Ms.``, ``his``, a gendered title) and the packaged first names (read when the
clusters are built). Among agreeing persons, one in the same sentence comes
first (its nearest subject, else the nearest); else the latest earlier sentence
that names one, and its grammatical subject rather than whoever it names last.
"""

from __future__ import annotations

from ..indirect import np_span
from ..person_words import PLURAL_PRONOUNS
from ..settings import PronounRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule

_PRONOUNS = frozenset({"he", "she", "who", "they", "it", "we", "i"})
_RELATIVE = frozenset({"who", "which", "that"})
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def resolve(ask: Ask, seen: Seen, cfg: PronounRule) -> Found | None:
    head, low = ask.head, ask.low
    if not ((head is not None and head.pos_ == "PRON") or low in _PRONOUNS):
        return None
    if low in _RELATIVE and head is not None:
        noun = head.head.head if head.head.dep_ == "relcl" else None
        if noun is not None and noun.pos_ in ("PROPN", "NOUN"):
            s, e = np_span(seen.doc, noun)
            return Found(ask.again(s, e, noun.i))
        return Found(None)
    if low in PLURAL_PRONOUNS or low == "it":
        return Found(seen.last_org(ask.start, None))
    return Found(antecedent(seen, ask.start, _GENDER.get(low), cfg))


def antecedent(seen: Seen, pos: int, gender: str | None, cfg: PronounRule) -> int | None:
    """The person a pronoun of ``gender`` (None: any) at ``pos`` refers to."""
    k = seen.mentions_before(pos)
    if k == 0:
        return None
    ok = [
        m for m in seen.mentions[max(0, k - cfg.mentions_back) : k] if _agrees(seen, m.ci, gender)
    ]
    if not ok:
        return None
    sent_here = seen.sentence_start(pos)
    same = [m for m in ok if m.sent_start == sent_here]
    if same:  # the nearest subject of this sentence, else the nearest mention
        return ([m for m in same if m.subject] or same)[-1].ci
    last_sent = ok[-1].sent_start
    in_sent = [m for m in ok if m.sent_start == last_sent]
    subj = [m for m in in_sent if m.subject]
    return (subj or in_sent)[0].ci


def _agrees(seen: Seen, ci: int, gender: str | None) -> bool:
    c = seen.clusters[ci]
    return c.type == "person" and (gender is None or c.gender in (None, gender))


RULE = SpeakerRule(
    name="pronoun",
    func=resolve,
    needs=("head", "surface", "seen.mentions", "seen.orgs"),
    gives=("person", "organisation"),
    doc="“…,” she said: the earlier person who agrees in gender, never an organisation",
)
