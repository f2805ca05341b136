"""Cutting a long document into sections that are parsed one at a time.

A section never cuts a quotation or a paragraph (unless a paragraph alone is
longer than a section: then it is cut at a sentence end outside quotations).
Each section carries the paragraphs just before it as read-only context.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from .quotes import QuoteSpan, find_quotes, paragraphs
from .settings import Sections

_SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
#: Transcript turn labels ("Q:", "HALE:", "Anna Berg:"): preferred places to cut.
_TURN = re.compile(r"[A-Z][\w.'’ -]{0,40}:\s")


@dataclass(frozen=True)
class Section:
    """Parse ``text[context:end]``; keep what starts in ``text[start:end]``."""

    context: int
    start: int
    end: int


class _Inside:
    """Whether a position lies strictly inside a quotation (quotes are disjoint, sorted)."""

    def __init__(self, quotes: list[QuoteSpan]):
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def __call__(self, pos: int) -> bool:
        k = bisect.bisect_left(self.starts, pos) - 1
        return k >= 0 and self.quotes[k].end > pos


def _cut_points(text: str, paras: list[tuple[int, int]], cfg: Sections, inside) -> list[int]:
    """Candidate cuts: paragraph starts outside quotes, plus sentence ends in long paragraphs."""
    cuts = []
    for ps, pe in paras:
        if not inside(ps):
            cuts.append(ps)
        if pe - ps > cfg.target:
            cuts.extend(
                m.end() for m in _SENTENCE_END.finditer(text, ps, pe) if not inside(m.end())
            )
    return sorted(set(cuts))


def plan_sections(text: str, cfg: Sections) -> list[Section]:
    """Sections covering ``text`` in order (one section when the text is short)."""
    if len(text) <= cfg.threshold:
        return [Section(0, 0, len(text))]
    paras = paragraphs(text)
    inside = _Inside(find_quotes(text))
    cuts = _cut_points(text, paras, cfg, inside)
    para_starts = [p[0] for p in paras]
    bounds = [0]
    k = 0
    while True:
        start = bounds[-1]
        lo, hi = start + cfg.target, start + cfg.target + cfg.slack
        if len(text) <= hi:
            break
        k = bisect.bisect_left(cuts, lo, k)
        if k < len(cuts) and cuts[k] <= hi:
            # prefer a transcript turn when one starts soon after the target
            turn = next((c for c in cuts[k : k + 8] if c <= hi and _TURN.match(text, c)), None)
            bounds.append(turn if turn is not None else cuts[k])
        else:
            # no clean cut in reach: the last one before it, else a hard cut at a space
            j = bisect.bisect_right(cuts, lo) - 1
            if j >= 0 and cuts[j] > start:
                bounds.append(cuts[j])
            else:
                sp = text.rfind(" ", start + 1, hi)
                bounds.append(sp + 1 if sp > start else hi)
    bounds.append(len(text))
    out = []
    for s, e in itertools.pairwise(bounds):
        # context: whole paragraphs before s, within cfg.context characters
        j = bisect.bisect_left(para_starts, max(0, s - cfg.context))
        ctx = para_starts[j] if j < len(para_starts) and para_starts[j] < s else s
        out.append(Section(ctx, s, e))
    return out
