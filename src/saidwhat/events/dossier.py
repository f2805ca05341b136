"""The events part of a dossier: its statements grouped by PLOVER type, and the tone of its pairs.

:func:`events_section` reads the events of the dossier's statements; the
Markdown and HTML renderers of :mod:`saidwhat.reports` call
:func:`render_markdown` / :func:`render_html` when a dossier carries one. All
document text is escaped by the renderer's own escape function.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from saidwhat.store.db import Store
from saidwhat.store.events import events_by_statement

from . import plover
from .chart import render_svg
from .tone import ToneSeries, tone_series

#: Pairs (actor → recipient) shown with a tone chart, most events first.
MAX_PAIRS = 3
#: Statements listed under each event type.
MAX_PER_TYPE = 12


@dataclass
class TypedStatement:
    statement_id: int
    speaker: str
    headline: str
    citation: int | None
    recipient: str | None
    aux: str | None


@dataclass
class EventsSection:
    by_type: list[tuple[str, list[TypedStatement]]] = field(default_factory=list)
    tones: list[ToneSeries] = field(default_factory=list)
    uncoded: int = 0  # statements with no event


def events_section(store: Store, dossier, *, by: str = "week") -> EventsSection:
    """Group the dossier's statements by their main event type; chart its busiest pairs."""
    quotes = [(s, q) for s in dossier.sections for q in s.quotes]
    events = events_by_statement(store, [q.statement_id for _, q in quotes])
    section = EventsSection()
    groups: dict[str, list[TypedStatement]] = {}
    pairs: Counter[tuple[str, str]] = Counter()
    for sec, q in quotes:
        evs = events.get(q.statement_id, [])
        if not evs:
            section.uncoded += 1
            continue
        realised = [e for e in evs if e["aux"] not in plover.UNREALISED] or evs
        main = realised[0]
        groups.setdefault(main["event"], []).append(
            TypedStatement(
                q.statement_id,
                sec.speaker,
                q.headline,
                q.citation,
                main["recipient_name"],
                main["aux"],
            )
        )
        for e in realised:
            a = e["actor_country"] or e["actor_name"]
            b = e["recipient_country"] or e["recipient_name"]
            if a and b and a != b and e["stance"] is not None:
                pairs[(a, b)] += 1
    section.by_type = [(t, groups[t]) for t in plover.EVENT_TYPES if t in groups]
    for (a, b), _ in pairs.most_common(MAX_PAIRS):
        section.tones.append(
            tone_series(store, a, b, by=by, since=dossier.date_from, until=dossier.date_to)
        )
    return section


def _line(item: TypedStatement, esc: Callable[[str], str]) -> str:
    text = f"{esc(item.speaker)}: {esc(item.headline)}"
    if item.recipient:
        text += f" (→ {esc(item.recipient)})"
    if item.aux:
        text += f" [{esc(item.aux)}]"
    return text


def render_markdown(section: EventsSection, esc: Callable[[str], str]) -> list[str]:
    out = ["## Statements by event type (PLOVER)", ""]
    for event, items in section.by_type:
        out += [f"### {event} ({len(items)})", ""]
        for item in items[:MAX_PER_TYPE]:
            cite = f" [{item.citation}]" if item.citation else ""
            out.append(f"- {_line(item, esc)}{cite}")
        if len(items) > MAX_PER_TYPE:
            out.append(f"- … and {len(items) - MAX_PER_TYPE} more")
        out.append("")
    if section.uncoded:
        out += [f"{section.uncoded} statements have no event.", ""]
    for tone in section.tones:
        out += [f"### Tone: {esc(tone.actor)} → {esc(tone.recipient)}, by {tone.by}", ""]
        out += ["| period | events | stance |", "| --- | --- | --- |"]
        out += [f"| {p.period} | {p.count} | {p.stance:+.2f} |" for p in tone.points]
        out.append("")
    return out


def render_html(section: EventsSection, esc: Callable[[str], str]) -> list[str]:
    out = ['<section class="events">', "<h2>Statements by event type (PLOVER)</h2>"]
    for event, items in section.by_type:
        out += [f"<h3>{esc(event)} ({len(items)})</h3>", "<ul>"]
        for item in items[:MAX_PER_TYPE]:
            cite = (
                f' <a href="#cite-{item.citation}">[{item.citation}]</a>' if item.citation else ""
            )
            out.append(
                f'<li><a href="#statement-{item.statement_id}">{_line(item, esc)}</a>{cite}</li>'
            )
        if len(items) > MAX_PER_TYPE:
            out.append(f"<li>… and {len(items) - MAX_PER_TYPE} more</li>")
        out.append("</ul>")
    if section.uncoded:
        out.append(f"<p>{section.uncoded} statements have no event.</p>")
    for tone in section.tones:
        out.append(f"<h3>Tone: {esc(tone.actor)} → {esc(tone.recipient)}, by {esc(tone.by)}</h3>")
        out.append(f'<figure class="tone">{render_svg(tone)}</figure>')
    out.append("</section>")
    return out
