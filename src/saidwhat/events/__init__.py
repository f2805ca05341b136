"""Event coding (PLOVER 2.0) of statements and reported actions, and tone between actors.

Nothing is loaded at import time. The public API::

    EventCoder(language="en").code(sdoc, statements, people) -> list[Event]
    main_event(events) -> Event | None        # the sentence's main event
    plover.score(event, mode) -> float       # the manual's conflict–cooperation score

Every :class:`Event` keeps its evoking span with document offsets, its
statement (when it is in one, or is its cue), actor and recipient entities and
the PLOVER score; negated and hypothetical events are marked (``aux``) and carry
no score. Storing, recoding and tone aggregation live in :mod:`.service` and
:mod:`.tone`; all SQL is in :mod:`saidwhat.store.events`.
"""

from __future__ import annotations

from .coder import EventCoder
from .model import Entity, Event

__all__ = ["Entity", "Event", "EventCoder", "main_event"]


def main_event(events: list[Event]) -> Event | None:
    """The main event among ``events`` of one sentence: realised first, then shallowest, then first."""
    if not events:
        return None
    return min(events, key=lambda e: (not e.realised, e.depth, e.start))
