"""A second reporting verb conjoined inside a reported clause starts a statement of its own.

``Vessia said it was "opposed" to the test and warned Arkhavia to refrain from ...``:
the parser often hangs ``warned`` on the reported verb (``was``), so the clause of
``said`` runs on over it. What the speaker said ends before ``and``; what they warned
is a second statement with its own cue, as news readers (and PolNeAR) count them.

Only a verb that reports (a speech or directive verb), written in the same form as
the cue (``said ... and warned``, not ``said the council would meet and discuss``),
with no subject of its own and with something it reports (a clause or an object and
an infinitive), splits a statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .builders import QuoteMask
from .candidate import Candidate
from .lexicon import DIRECTIVE_VERBS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Verbs that report on their own: ``and warned X to``, ``and urged X to``, ``and said``.
_SECOND_CUES = (SPEECH_VERBS | DIRECTIVE_VERBS) - {"find", "show", "continue", "point"}
#: The clause rules whose complement may have run on over a second verb.
_CLAUSE_RULES = frozenset({"speech_clause", "belief_clause"})
#: The finite forms a cue and its second verb share (the parser tags a bare past as
#: either); a bare ``discuss`` after ``would`` is the reported subject's verb.
_TENSE = {"VBD": "past", "VBN": "past", "VBZ": "present", "VBP": "present"}
#: What the second verb must report: a clause, or an infinitive (``warned X to refrain``).
_REPORTED_DEPS = frozenset({"ccomp", "xcomp"})


def split_second_cues(doc: Doc, cands: list[Candidate], in_quote: QuoteMask) -> list[Candidate]:
    """``cands`` with every clause statement that runs over a conjoined second cue cut in
    two (see the module doc); the second piece is the same speaker's."""
    out: list[Candidate] = []
    for c in cands:
        second = _second_verb(doc, c, in_quote)
        if second is None:
            out.append(c)
            continue
        v, first_end = second
        start = min(ch.left_edge.idx for ch in v.rights if not ch.is_punct)
        tail = Candidate(
            start=start,
            end=c.end,
            kind="mixed" if in_quote.overlapping(start, c.end) else "indirect",
            cue=v.text,
            cue_start=v.idx,
            speaker_start=c.speaker_start,
            speaker_end=c.speaker_end,
            speaker_tok=c.speaker_tok,
            confidence=c.confidence,
            rule="conjoined_cue",
        )
        c.end = first_end
        if c.kind == "mixed" and not in_quote.overlapping(c.start, c.end):
            c.kind = "indirect"
        out += [c, tail]
    return out


def _second_verb(doc: Doc, c: Candidate, in_quote: QuoteMask):
    """The conjoined reporting verb inside ``c`` and where the first statement ends."""
    if c.rule not in _CLAUSE_RULES or c.fragments or c.cue_start is None:
        return None
    if c.cue_start >= c.start:
        return None  # a clause before its cue ends where the reporting clause starts
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return None
    cue = doc[span.start - 1] if span.start > 0 else None
    cue = next((t for t in doc[max(0, span.start - 40) : span.start] if t.idx == c.cue_start), cue)
    for v in span:
        if (
            v.dep_ != "conj"
            or v.pos_ != "VERB"
            or v.lemma_.lower() not in _SECOND_CUES
            or cue is None
            or _TENSE.get(v.tag_) is None
            or _TENSE.get(v.tag_) != _TENSE.get(cue.tag_)
            or in_quote.inside(v.idx)
            or any(ch.dep_ in ("nsubj", "nsubjpass") for ch in v.children)
            or not any(ch.dep_ in _REPORTED_DEPS for ch in v.children)
        ):
            continue
        k = v.i - 1
        if k <= span.start or doc[k].dep_ != "cc":
            continue
        while k > span.start and (doc[k].dep_ == "cc" or doc[k].is_punct or doc[k].is_space):
            k -= 1
        first_end = doc[k].idx + len(doc[k])
        for q in in_quote.overlapping(first_end - 1, first_end):
            first_end = max(first_end, q.end)  # 'and “a con” and encouraged': the mark too
        if first_end <= c.start or first_end > v.idx:
            continue
        return v, first_end
    return None
