"""Dossier drafts in the analyst's order: sections and statements as arranged on the desk.

The CLI orders a dossier by importance or time; on the desk the analyst
arranges it. :func:`ordered_dossier` builds the dossier with the CLI's
:func:`~saidwhat.reports.dossier.build_dossier` (so the renderers are the same)
and then puts sections and quotes in the draft's order, renumbering citations.
"""

from __future__ import annotations

from dataclasses import replace

from saidwhat.reports.dossier import NO_SPEAKER_SECTION, Dossier, build_dossier
from saidwhat.search.query import Hit


def speaker_key(hit: Hit) -> str:
    """The section a statement falls in (as build_dossier groups them)."""
    return (hit.person or hit.speaker or "").strip() or NO_SPEAKER_SECTION


def sections_of(ids: list[int], speaker_of: dict[int, str]) -> list[list[int]]:
    """Statement ids grouped by speaker, sections in order of first appearance."""
    groups: dict[str, list[int]] = {}
    for sid in ids:
        groups.setdefault(speaker_of.get(sid, NO_SPEAKER_SECTION), []).append(sid)
    return list(groups.values())


def move_statement(ids: list[int], speaker_of: dict[int, str], sid: int, delta: int) -> list[int]:
    """Move ``sid`` one place up (-1) or down (+1) within its section."""
    sections = sections_of(ids, speaker_of)
    for sec in sections:
        if sid in sec:
            i = sec.index(sid)
            j = i + delta
            if 0 <= j < len(sec):
                sec[i], sec[j] = sec[j], sec[i]
    return [s for sec in sections for s in sec]


def move_section(ids: list[int], speaker_of: dict[int, str], sid: int, delta: int) -> list[int]:
    """Move the section holding ``sid`` one place up (-1) or down (+1)."""
    sections = sections_of(ids, speaker_of)
    for i, sec in enumerate(sections):
        if sid in sec:
            j = i + delta
            if 0 <= j < len(sections):
                sections[i], sections[j] = sections[j], sections[i]
            break
    return [s for sec in sections for s in sec]


def ordered_dossier(hits: list[Hit], title: str, intro: str = "") -> Dossier:
    """The CLI's dossier of ``hits``, with sections and quotes in the order of ``hits``."""
    dossier = build_dossier(hits, title, description=intro.strip() or None)
    order = {h.id: i for i, h in enumerate(hits)}
    for section in dossier.sections:
        section.quotes.sort(key=lambda q: order[q.statement_id])
    dossier.sections.sort(key=lambda s: order[s.quotes[0].statement_id] if s.quotes else 0)
    old = {c.number: c for c in dossier.citations}
    citations = []
    for section in dossier.sections:
        for quote in section.quotes:
            citations.append(replace(old[quote.citation], number=len(citations) + 1))
            quote.citation = len(citations)
    dossier.citations = citations
    return dossier
