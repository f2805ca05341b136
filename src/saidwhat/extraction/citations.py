"""Citations that follow quoted statements: ``(Kommersant, May 10, 2017)`` and footnotes.

Compilations of reactions cite each quote with a parenthesis after it:
``(Kommersant, May 10, 2017)``, ``(Source: TASS, May 11, 2017)``, or, when the
links were lost in copying, ``(, May 10, 2017)`` / ``(Source:, May 11, 2017)``
(an empty source slot: :attr:`Citation.source_missing`). Several can share one
parenthesis, separated by ``;``. Numbered footnote markers (``[1]``) count
too when the text has a notes section (``[1] See ...`` lines).

Pure functions over the text; offsets refer to it unchanged.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from saidwhat.sources.dates import DATE_PATTERN, parse_date

__all__ = ["Citation", "attach_citations", "find_citations"]


@dataclass
class Citation:
    """One citation: ``text[start:end]`` is the whole parenthesis (or footnote marker)."""

    start: int
    end: int
    source: str | None
    date: str | None  # ISO date
    source_missing: bool = False
    kind: str = "inline"  # 'inline' or 'footnote'


_PAREN = re.compile(r"\(([^()\n]{1,400})\)")
_PART = re.compile(
    rf"""^\s*
    (?P<prefix>(?:Sources?|Via|Quelle|Источник)\s*:)?\s*
    (?P<src>.*?)\s*
    (?:(?P<comma>,)?\s*(?P<date>{DATE_PATTERN}))?
    \s*[.,]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SRC_MAX_CHARS = 100
_SRC_MAX_WORDS = 10
_NOTE_LINE = re.compile(r"^[ \t]*\[(\d{1,3})\][ \t]+(\S.*)$", re.MULTILINE)
_MARKER = re.compile(r"(?<=\S)\[(\d{1,3})\]")
_DATE_ANY = re.compile(DATE_PATTERN, re.IGNORECASE)
_NOTE_MAX = 300
_SEE = re.compile(r"^(?:See also|See|Cf\.)\s+", re.IGNORECASE)


def _parse_part(part: str) -> tuple[str | None, str | None, bool] | None:
    """(source, date, slot_empty) for one ``;``-separated piece, or None if not a citation."""
    m = _PART.match(part)
    if not m:
        return None
    prefix, src, comma, date = m.group("prefix"), m.group("src"), m.group("comma"), m.group("date")
    src = src.strip(" ,\t")
    if not prefix and not date:
        return None  # "(i.e. the meeting)", "(@handle)": not a citation
    if src and (len(src) > _SRC_MAX_CHARS or len(src.split()) > _SRC_MAX_WORDS):
        return None
    if date and not src and not prefix and not comma:
        # "(May 10, 2017)": a bare date, no source slot at all.
        return None, parse_date(date), False
    iso = parse_date(date) if date else None
    if date and iso is None:
        return None
    return (src or None), iso, not src


def _inline(text: str) -> list[Citation]:
    out = []
    for m in _PAREN.finditer(text):
        parts = [_parse_part(p) for p in m.group(1).split(";")]
        if not parts or any(p is None for p in parts):
            continue
        sources = list(dict.fromkeys(p[0] for p in parts if p[0]))
        dates = [p[1] for p in parts if p[1]]
        missing = not sources and any(p[2] for p in parts)
        out.append(
            Citation(
                start=m.start(),
                end=m.end(),
                source="; ".join(sources) or None,
                date=dates[0] if dates else None,
                source_missing=missing,
            )
        )
    return out


def _footnotes(text: str) -> list[Citation]:
    notes: dict[str, tuple[int, str]] = {}
    for m in _NOTE_LINE.finditer(text):
        notes.setdefault(m.group(1), (m.start(), m.group(2).strip()))
    if not notes:
        return []
    out = []
    for m in _MARKER.finditer(text):
        note = notes.get(m.group(1))
        if note is None or note[0] <= m.start():
            continue
        body = _SEE.sub("", note[1]) or note[1]
        dates = [d for d in (parse_date(x.group(0)) for x in _DATE_ANY.finditer(body)) if d]
        source = body if len(body) <= _NOTE_MAX else body[: _NOTE_MAX - 1].rstrip() + "…"
        out.append(
            Citation(m.start(), m.end(), source, dates[-1] if dates else None, False, "footnote")
        )
    return out


def find_citations(text: str) -> list[Citation]:
    """Every citation in ``text``, in order of position."""
    cits = _inline(text) + _footnotes(text)
    cits.sort(key=lambda c: c.start)
    return cits


# -- attaching citations to statements -----------------------------------------

#: The rest of the statement's own line may run this long before the citation.
_TAIL_MAX = 300
#: A line between a statement and its citation must be this short (an image caption).
_CAPTION_MAX = 100
_MAX_CAPTIONS = 3
#: A line holding only citations: "(, May 10, 2017)", "(Source: X, May 11, 2017)."
_CITATION_LINE = re.compile(r"^\s*(?:\([^()\n]*\)[\s.,;]*)+$")
_OPENING_MARKS = frozenset("\"“„«‘'")
#: Farther than this, a citation cannot pass the two limits above (blank lines included).
_GAP_MAX = 4_000


def _span(st: Any) -> tuple[int, int]:
    starts = [st.quote_start]
    ends = [st.quote_end]
    if getattr(st, "speaker_start", None) is not None and st.speaker_end is not None:
        starts.append(st.speaker_start)
        ends.append(st.speaker_end)
    for frag in getattr(st, "fragments", None) or ():
        starts.append(frag[0])
        ends.append(frag[1])
    return min(starts), max(ends)


def _gap_ok(text: str, end: int, cit: Citation, other_starts: list[int]) -> bool:
    end = min(end, cit.start)
    if cit.start - end > _GAP_MAX:
        return False
    gap = text[end : cit.start]
    nl = gap.find("\n")
    tail = gap if nl < 0 else gap[:nl]
    if len(tail.strip()) > _TAIL_MAX:
        return False
    if nl < 0:
        return True
    line_start = end + nl
    # Another statement after this one's line: the citation belongs to that block.
    if any(line_start <= s < cit.start for s in other_starts):
        return False
    captions = [ln.strip() for ln in gap[nl:].splitlines() if ln.strip()]
    # The citation's own line may start with a few characters ("Photo: ... (Source: X)").
    return len(captions) <= _MAX_CAPTIONS and all(len(c) <= _CAPTION_MAX for c in captions)


def _alone_on_its_line(text: str, cit: Citation) -> bool:
    ls = text.rfind("\n", 0, cit.start) + 1
    le = text.find("\n", cit.end)
    return bool(_CITATION_LINE.match(text[ls : le if le >= 0 else len(text)]))


def _reach_back(
    text: str, cits: list[Citation], spans: list[tuple[int, int]], heads: dict[int, str | None]
) -> dict[int, tuple[int, int, str | None]]:
    """For each citation alone on its line: how far back it applies, ``(others, turns, who)``.

    Walking back paragraph by paragraph, it stops at the previous citation, at a
    heading (``others``; transcript turns go on, and so do statements by the
    speaker ``who`` a ``Who: '...'`` heading names) and at a paragraph of
    narrative (longer than a caption, holding no statement or transcript turn).
    Each paragraph is walked at most once per citation that follows it, so this
    is linear in the text.
    """
    from .blocks import _LABEL
    from .candidate import Spans
    from .quotes import paragraphs

    paras = paragraphs(text)
    para_starts = [p[0] for p in paras]
    in_statement = Spans(spans)
    st_starts = sorted(s for s, _ in spans)
    cit_starts = [c.start for c in cits]
    out: dict[int, tuple[int, int]] = {}
    for k, cit in enumerate(cits):
        if cit.kind != "inline" or not _alone_on_its_line(text, cit):
            continue
        j = bisect.bisect_right(para_starts, cit.start) - 1
        others = None
        who = None
        stop = 0
        while j > 0:
            j -= 1
            ps, pe = paras[j]
            c = bisect.bisect_left(cit_starts, ps)
            if c < k and cit_starts[c] < pe:
                stop = pe  # the previous citation
                break
            if ps in heads:
                if others is None:
                    others, who = pe, heads[ps]
                continue
            i = bisect.bisect_left(st_starts, ps)
            holds = (i < len(st_starts) and st_starts[i] < pe) or in_statement(ps)
            # a transcript turn, or a quoted paragraph (a question running on), is not narrative
            holds = holds or bool(_LABEL.match(text, ps, pe)) or text[ps] in _OPENING_MARKS
            if not holds and pe - ps > _CAPTION_MAX:
                stop = pe  # narrative between: the citation is not the statement's
                break
        out[k] = (others if others is not None else stop, stop, who)
    return out


def _same_speaker(who: str | None, speaker: str | None) -> bool:
    w, s = re.findall(r"\w+", (who or "").lower()), re.findall(r"\w+", (speaker or "").lower())
    return bool(w and s) and w[-1] == s[-1]


def attach_citations(
    text: str, statements: Iterable[Any], headings: Iterable[tuple[int, str | None]] = ()
) -> None:
    """Set ``source``, ``date`` and ``source_missing`` on each statement from its citation.

    A statement takes the first citation after its end when only the rest of
    its own line (closing marks, "he said.") and at most a few short caption
    lines lie between, and no other statement starts on those lines. A
    citation on a line of its own also applies back to every statement since
    the previous citation or heading (``headings``: where each starts, and the
    speaker it names, as in ``Ushakov: '...'``, or None); for transcript turns
    (``qa``) and for statements by the speaker the heading names, since the
    previous citation, so one citation after a transcript covers all of it. A citation's empty fields never erase
    what a statement already has; a date from one sets ``date_source``.
    """
    statements = list(statements)
    cits = find_citations(text)
    if not cits or not statements:
        return
    spans = [_span(st) for st in statements]
    starts = sorted(s for s, _ in spans)
    back = _reach_back(text, cits, spans, dict(headings))
    cit_ends = [c.end for c in cits]  # citations are sorted and disjoint: ends sorted too
    for st, (start, end) in zip(statements, spans, strict=True):
        # A citation overlapping the end counts too ("...months.[2]" with the span ending in it).
        k = bisect.bisect_right(cit_ends, end)
        while k < len(cits) and cits[k].start < start:
            k += 1
        if k == len(cits):
            continue
        cit = cits[k]
        # only the statements starting between this one and its citation matter
        lo = bisect.bisect_right(starts, start)
        hi = bisect.bisect_left(starts, cit.start)
        if not _gap_ok(text, end, cit, starts[lo:hi]):
            reach = back.get(k)
            if reach is None:
                continue
            past_heading = getattr(st, "kind", None) == "qa" or _same_speaker(
                reach[2], getattr(st, "speaker", None)
            )
            if end < reach[1 if past_heading else 0]:
                continue
        if cit.source:
            st.source = cit.source
        if cit.date:
            st.date = cit.date
            st.date_source = "citation"
        st.source_missing = cit.source_missing
