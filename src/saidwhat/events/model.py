"""Coded events: who did what to whom, with the text that says so.

Offsets are character offsets into the document text (the same text statement
offsets refer to): ``text[start:end] == span`` for the event's evoking words and
for each actor and recipient mention that has offsets (a speaker standing in for
"we" keeps the speaker mention's offsets, or none).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .plover import SCORE_RANGE, UNREALISED

#: What an entity is.
ENTITY_TYPES = ("person", "organisation", "country", "group")


@dataclass
class Entity:
    """An actor or recipient: a person, organisation, country or group named in the text."""

    text: str  # as written (the mention)
    name: str  # canonical: the person's fullest name, the country's name, the organisation
    type: str = "group"  # one of ENTITY_TYPES
    start: int | None = None
    end: int | None = None
    country: str | None = None  # the country it belongs to (itself for a country)
    code: str | None = None  # ISO 3166 alpha-3 of ``country`` when known
    # How it was found: subject, object, prep, speaker, nearest, ...
    basis: str = ""

    def key(self) -> str:
        return self.name.casefold()


@dataclass
class Event:
    """One PLOVER event evoked by ``span`` (``text[start:end]``)."""

    event: str  # one of plover.EVENT_TYPES
    span: str
    start: int
    end: int
    mode: str | None = None
    aux: str | None = None  # 'negation', 'hypothetical', 'future' or None
    score: float | None = None  # the PLOVER score; None when not realised
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    sentence_start: int = 0
    sentence_end: int = 0
    statement: int | None = None  # index into the document's statements (or stored id)
    # A statement of the same paragraph whose date (citation) dates a reported action.
    dated_by: int | None = None
    confidence: float = 0.5
    # Depth of the trigger in the sentence parse: the shallowest is the sentence's main event.
    depth: int = 0

    @property
    def realised(self) -> bool:
        return self.aux not in UNREALISED

    @property
    def stance(self) -> float | None:
        """The actor's stance toward the recipient in −1…+1 (score / 10), None if not realised."""
        if self.score is None or not self.realised:
            return None
        return round(self.score / SCORE_RANGE, 3)

    def check_offsets(self, text: str) -> None:
        """Raise ValueError if an offset does not point at its span (a bug)."""
        if text[self.start : self.end] != self.span:
            raise ValueError(f"event offsets {self.start}:{self.end} do not match {self.span!r}")
        for ent in (*self.actor, *self.recipient):
            if ent.start is not None and text[ent.start : ent.end] != ent.text:
                raise ValueError(f"entity offsets {ent.start}:{ent.end} do not match {ent.text!r}")

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["stance"] = self.stance
        return out
