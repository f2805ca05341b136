"""The surroundings of one quotation, computed once for every quote rule.

:class:`QuoteContext` holds the quote, its paragraph and sentence bounds and the
nearest cue before it; :func:`cue_token` finds a cue verb with a subject in a
token range. Shared by :mod:`.quote_rules` (the parse rules and their order) and
:mod:`.quote_layout` (the rules that read layout and wording).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .builders import Index, QuoteMask, set_off_quote
from .candidate import Candidate
from .indirect import CueClause, fallback_subject, subject_of
from .lexicon import BELIEF_VERBS, QUOTE_VERBS, SPEECH_VERBS
from .quotes import QuoteSpan
from .settings import Confidence

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CUES = SPEECH_VERBS | BELIEF_VERBS | QUOTE_VERBS | {"go", "read", "put"}


def cue_token(
    doc: Doc,
    lo: int,
    hi: int,
    in_quote: QuoteMask,
    reverse: bool = False,
    q: QuoteSpan | None = None,
):
    """The nearest cue verb with a subject in tokens [lo, hi); with ``q``, one governing ``q``."""
    rng = range(hi - 1, lo - 1, -1) if reverse else range(lo, hi)
    for i in rng:
        t = doc[i]
        if q is not None and not (t.left_edge.idx <= q.start and t.right_edge.idx >= q.end - 1):
            continue
        if t.lemma_.lower() == "put" and any(c.dep_ == "prt" for c in t.children):
            continue  # 'put on a show of being "strong"': a phrasal verb, not 'put it'
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _CUES and not in_quote.inside(t.idx):
            subj = subject_of(t) or _gerund_subject(t)
            if subj is None or in_quote.inside(subj.idx):  # '"...," Chief X said': misparsed
                subj = fallback_subject(t)
            if subj is not None and not in_quote.inside(subj.idx):
                return t, subj
    return None


def _gerund_subject(t):
    """``X sings to Y before asking her, “...”``: a gerund under a preposition speaks
    with the subject of the verb the preposition hangs on."""
    if t.tag_ != "VBG" or t.dep_ != "pcomp" or t.head.dep_ != "prep":
        return None
    if t.lemma_.lower() not in SPEECH_VERBS | QUOTE_VERBS:
        return None  # 'The choice was between going after X as “...”': no speaker here
    verb = t.head.head
    if verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "DET"), None)


def _outer_speaker(found, lo: int, in_quote: QuoteMask):
    """``X said the council was considering a bypass, “…”``: a belief inside what
    someone says is part of their report, so the quote after it is theirs too."""
    if found is None or found[0].lemma_.lower() not in BELIEF_VERBS - SPEECH_VERBS:
        return found
    for outer in found[0].ancestors:
        if outer.i < lo or outer.lemma_.lower() not in SPEECH_VERBS | QUOTE_VERBS:
            continue
        subj = subject_of(outer)
        if subj is not None and not in_quote.inside(subj.idx):
            return outer, subj
    return found


#: What a rule returns to say "not a statement, stop looking".
STOP = object()


@dataclass
class QuoteContext:
    """One quotation and its surroundings in the parse, computed once for every rule."""

    doc: Doc
    text: str
    idx: Index
    in_quote: QuoteMask
    q: QuoteSpan
    quotes: list[QuoteSpan]
    prev: Candidate | None
    by_cue: dict[int, tuple[int, CueClause]]
    used: set[int]
    conf: Confidence
    n_words: int = 0
    pi: int = 0  # paragraph index
    ps: int = 0  # paragraph start, end
    pe: int = 0
    t_start: int = 0  # tokens at the quote's start and end
    t_end: int = 0
    sent: object = None  # the sentence where the quote ends
    hi: int = 0  # token bound after the quote: its sentence, the next quote, the paragraph
    lo: int = 0  # token bound before it: its sentence start, the paragraph
    nxt: int = 0  # char start of the next quote
    before: tuple | None = None  # the nearest cue (token, subject) before the quote
    earlier: Candidate | None = None  # the statement before ``prev`` (dialogue turns)

    def __post_init__(self) -> None:
        doc, idx, q, text = self.doc, self.idx, self.q, self.text
        self.n_words = q.words(text)
        self.pi = idx.para_of(q.start)
        self.ps, self.pe = idx.paras[self.pi]
        self.t_end = idx.tok_at(max(q.end - 1, 0))
        self.sent = doc[self.t_end].sent
        self.nxt = next((o.start for o in self.quotes if o.start >= q.end), len(text))
        self.hi = min(self.sent.end, idx.tok_at(min(self.nxt, self.pe)) + 1)
        self.t_start = idx.tok_at(q.start)
        self.lo = max(doc[self.t_start].sent.start, idx.tok_at(self.ps))
        # a short quote needs a cue that governs it (scare quotes: 'called it “a sham”'),
        # unless it is a whole utterance set off by a comma or colon ('Berg saying
        # during the debate, “That makes me smart,”'): then the nearest cue speaks it
        short = self.n_words < 5 and not set_off_quote(doc, idx, text, doc[self.lo].idx, q)
        self.before = _outer_speaker(
            cue_token(
                doc, self.lo, self.t_start, self.in_quote, reverse=True, q=q if short else None
            ),
            self.lo,
            self.in_quote,
        )
