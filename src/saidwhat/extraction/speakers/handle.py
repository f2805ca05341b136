"""``@handle``: the person whose name the document wrote the handle after, else a new one."""

from __future__ import annotations

from ..settings import HandleRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule


def resolve(ask: Ask, seen: Seen, cfg: HandleRule) -> Found | None:
    if not ask.low.startswith("@"):
        return None
    ci = seen.handles.get(ask.low)
    return Found(ci if ci is not None else seen.org_cluster(ask.surface, "person"))


RULE = SpeakerRule(
    name="handle",
    func=resolve,
    needs=("surface", "seen.handles"),
    gives=("person",),
    doc="Oleg Varin (@VarinOleg) ... @VarinOleg said: the person named before the handle",
)
