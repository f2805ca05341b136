"""The intermediate record the finders produce before speakers are resolved, and a span set."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass
class Candidate:
    """A statement found in the text, with its speaker still a surface mention.

    ``speaker_start``/``speaker_end`` point at the mention in the text (or are
    None when the text names no source); ``speaker_tok`` is the parse token at
    the head of that mention, when there is one, so roles can be read off it.
    """

    start: int
    end: int
    kind: str
    fragments: list[tuple[int, int]] | None = None
    cue: str | None = None
    cue_start: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_tok: int | None = None
    role: str | None = None
    confidence: float = 0.5
    #: The fragments are pieces of one quote interrupted by its cue ("A," she said, "B.").
    interrupted: bool = False
    #: The name of the rule that found it (for tracing and the table of forms).
    rule: str = ""


class Spans:
    """Membership in a set of possibly overlapping [start, end) spans, by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = []
        m = -1
        for _, e in self.spans:
            m = max(m, e)
            self.reach.append(m)

    def __call__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        while k >= 0 and self.reach[k] > pos:
            if self.spans[k][1] > pos:
                return True
            k -= 1
        return False
