"""Cutting stored text into plain and highlighted pieces by character offsets.

Templates print each piece escaped inside its own element, so no document
text is ever treated as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

#: Characters of context around a statement, before snapping to paragraph ends.
CONTEXT_CHARS = 700
#: Background tints for speakers: dark text (#111) on each passes WCAG AA (>= 4.5:1).
SPEAKER_COLOURS = (
    "#ffe08a",
    "#b9e6ff",
    "#c8f0c0",
    "#ffc9de",
    "#e2d4ff",
    "#ffd3b0",
    "#c2f2ec",
    "#f0e6c8",
    "#dde3ea",
    "#f7c6c6",
)


@dataclass
class Piece:
    text: str
    cls: str | None = None
    title: str | None = None
    colour: str | None = None
    link: str | None = None


@dataclass
class Span:
    start: int
    end: int
    cls: str
    title: str | None = None
    colour: str | None = None
    link: str | None = None


def pieces(text: str, spans: list[Span], start: int = 0, end: int | None = None) -> list[Piece]:
    """``text[start:end]`` cut at ``spans`` (overlapping ones after the first are dropped)."""
    end = len(text) if end is None else end
    out: list[Piece] = []
    pos = start
    for sp in sorted(spans, key=lambda s: (s.start, -s.end)):
        a, b = max(sp.start, start), min(sp.end, end)
        if a < pos or a >= b:
            continue
        if a > pos:
            out.append(Piece(text[pos:a]))
        out.append(Piece(text[a:b], sp.cls, sp.title, sp.colour, sp.link))
        pos = b
    if pos < end:
        out.append(Piece(text[pos:end]))
    return out


def context_window(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[int, int]:
    """A window around ``[start, end)`` widened to whole paragraphs where they are near."""
    a = max(0, start - chars)
    b = min(len(text), end + chars)
    para_a = text.rfind("\n\n", a, start)
    if para_a != -1:
        a = para_a + 2
    para_b = text.find("\n\n", end, b)
    if para_b != -1:
        b = para_b
    return a, b


def cue_span(text: str, cue: str | None, near: int, lo: int, hi: int) -> tuple[int, int] | None:
    """Where the cue word (``said``, ``told``) stands nearest to offset ``near`` in ``[lo, hi)``."""
    if not cue or not cue.strip():
        return None
    best = None
    for m in re.finditer(r"\b" + re.escape(cue.strip()) + r"\b", text[lo:hi]):
        s = lo + m.start()
        if best is None or abs(s - near) < abs(best[0] - near):
            best = (s, lo + m.end())
    return best


def mark_snippet(snippet: str) -> Markup:
    """An FTS snippet with \\x02...\\x03 around matches, escaped, matches in <mark>."""
    safe = str(escape(snippet))
    return Markup(safe.replace("\x02", "<mark>").replace("\x03", "</mark>"))


def colour_for(index: int) -> str:
    """The CSS class of the ``index``-th speaker's tint (``sp0`` .. ``sp9`` in desk.css).

    Classes, not style attributes: the Content-Security-Policy forbids inline style.
    """
    return f"sp{index % len(SPEAKER_COLOURS)}"
