"""Capitalised words the NER did not type: a person's name when there are enough of
them and the NER did not call them something else, else an organisation."""

from __future__ import annotations

from ..person_words import name_parts
from ..settings import ProperNameRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule


def resolve(ask: Ask, seen: Seen, cfg: ProperNameRule) -> Found | None:
    head = ask.head
    words = name_parts(ask.surface)
    if not words or not all(w[:1].isupper() for w in words):
        return None
    if head is None or head.pos_ != "PROPN":
        return None
    if len(words) >= cfg.person_words and head.ent_type_ in ("", "PERSON"):
        return Found(seen.cluster_for(ask.surface, ask.start, create=True))
    return Found(seen.org_cluster(ask.surface))


RULE = SpeakerRule(
    name="proper_name",
    func=resolve,
    needs=("head", "surface"),
    gives=("person", "organisation"),
    doc="Tarn Veskel said ... (no entity tagged): two capitalised words are a person",
)
