"""The intermediate record the finders produce before speakers are resolved."""

from __future__ import annotations

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
