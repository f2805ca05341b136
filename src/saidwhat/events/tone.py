"""Tone between two actors over time: the stance of A's events toward B, per day, week or month.

An event's stance is its PLOVER score / 10 (−1 most conflictual … +1 most
cooperative); negated and hypothetical events have none and are left out. A
and B match a person (any part of the name: "Ostrikov"), an organisation or a
country: a country also matches every actor of that country, so person pairs
roll up to country pairs. Each period keeps the statements behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from saidwhat.errors import QueryError
from saidwhat.store.db import Store
from saidwhat.store.events import EventQuery, find_events

PERIODS = ("day", "week", "month")
#: Characters of the sentence kept for each statement behind a point.
SNIPPET_CHARS = 160


def period_of(day: str, by: str) -> str:
    """The period key of an ISO ``day``: ``2026-05-12``, ``2026-W20`` or ``2026-05``."""
    if by == "day":
        return day[:10]
    if by == "month":
        return day[:7]
    if by == "week":
        y, w, _ = date.fromisoformat(day[:10]).isocalendar()
        return f"{y}-W{w:02d}"
    raise QueryError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")


@dataclass
class Evidence:
    event_id: int
    event: str
    mode: str | None
    stance: float
    actor: str | None
    recipient: str | None
    day: str
    text: str  # the statement (or the sentence of a reported action)
    statement_id: int | None
    doc: str
    source: str | None


@dataclass
class Point:
    period: str
    count: int = 0
    stance: float = 0.0  # mean stance in −1…+1
    score: float = 0.0  # mean PLOVER score
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ToneSeries:
    actor: str
    recipient: str
    by: str
    points: list[Point]
    unrealised: int = 0  # negated or hypothetical events left out
    undated: int = 0  # events without a date, left out

    @property
    def count(self) -> int:
        return sum(p.count for p in self.points)


def _snippet(text: str) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1] + "…"


def tone_series(
    store: Store,
    actor: str,
    recipient: str,
    *,
    by: str = "week",
    since: str | None = None,
    until: str | None = None,
    both_ways: bool = False,
) -> ToneSeries:
    """A's stance toward B per period (and B's toward A too with ``both_ways``)."""
    if by not in PERIODS:
        raise QueryError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    if not actor.strip() or not recipient.strip():
        raise QueryError("give two actors: saidwhat tone A B")
    pairs = [(actor, recipient)] + ([(recipient, actor)] if both_ways else [])
    rows = []
    seen: set[int] = set()
    for a, b in pairs:
        for r in find_events(store, EventQuery(actor=a, recipient=b, since=since, until=until)):
            if r["id"] not in seen:
                seen.add(r["id"])
                rows.append(r)
    points: dict[str, Point] = {}
    series = ToneSeries(actor, recipient, by, [])
    for r in rows:
        if r["stance"] is None:
            series.unrealised += 1
            continue
        if not r["day"]:
            series.undated += 1
            continue
        key = period_of(r["day"], by)
        p = points.setdefault(key, Point(key))
        p.count += 1
        p.stance += r["stance"]
        p.score += r["score"]
        p.evidence.append(
            Evidence(
                event_id=r["id"],
                event=r["event"],
                mode=r["mode"],
                stance=r["stance"],
                actor=r["actor_name"],
                recipient=r["recipient_name"],
                day=r["day"],
                text=_snippet(r["quote"] or r["sentence"]),
                statement_id=r["statement_id"],
                doc=r["doc_ref"],
                source=r["source"] or r["outlet"],
            )
        )
    for p in points.values():
        p.stance = round(p.stance / p.count, 3)
        p.score = round(p.score / p.count, 2)
    series.points = [points[k] for k in sorted(points)]
    return series
