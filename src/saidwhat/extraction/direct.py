"""Decide what each quotation and each cue clause becomes: direct, mixed or indirect.

:func:`attribute` is the core: it pairs quotation-mark spans with the cue
clauses of the parse. A quote that fills a cue's complement is a direct
quote of that cue's speaker; a quote inside a larger complement makes the
complement a mixed quote; quotes with no cue in their sentence look for one
after the quote, before it, at the end of the previous paragraph (``X said:``)
or continue the statement just before. Quotes sharing one cue become one
statement with fragments (``"A," she said, "B."``), as PolNeAR annotates them.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .candidate import Candidate, Spans
from .cues import BELIEF_VERBS, SPEECH_VERBS
from .indirect import (
    CueClause,
    doc_text,
    fallback_subject,
    np_span,
    subject_of,
)
from .quotes import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"\w+")
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,4})"
)
_TITLE = re.compile(
    r"^\W*[A-Z0-9][\w’'.-]*[\s,:]*"
    r"(?:(?:(?:of|the|a|an|and|in|on|for|to|at|with)\s+){0,2}[A-Z0-9][\w’'.-]*[\s,:]*){0,5}\W*$"
)
_CUES = SPEECH_VERBS | BELIEF_VERBS | {"go", "read", "put"}


def _words(text: str, s: int, e: int) -> int:
    return len(_WORD.findall(text, s, e))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


class _Index:
    """Token lookups by char offset, built once per document."""

    def __init__(self, doc: Doc, paras: list[tuple[int, int]]):
        self.doc = doc
        self.starts = doc.to_array("IDX").tolist()
        self.para_starts = [p[0] for p in paras]
        self.paras = paras

    def tok_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)


def attribute(
    doc: Doc,
    quotes: list[QuoteSpan],
    clauses: list[CueClause],
    paras: list[tuple[int, int]],
) -> list[Candidate]:
    """Candidates for every attributed quote and reported clause, in text order."""
    text = doc_text(doc)
    idx = _Index(doc, paras)
    in_quote = _QuoteMask(quotes)
    clauses = [  # a cue in capitals is a headline ('DOCTORS SAY HE IS FIT'), not a statement
        c
        for c in clauses
        if not in_quote.inside(doc[c.cue_i].idx)
        and not (doc[c.cue_i].is_upper and len(doc[c.cue_i]) > 1)
    ]
    by_q: dict[int, Candidate] = {}
    consumed: set[int] = set()
    used: set[int] = set()
    out: list[Candidate] = []
    # 1. quotes reached through a cue's complement
    for ci, cc in enumerate(clauses):
        c_words = _words(text, cc.start, cc.end)
        if not c_words:
            continue
        inside = [
            (qi, quotes[qi])
            for qi in in_quote.overlapping_idx(cc.start, cc.end)
            if qi not in consumed
        ]
        if not inside:
            continue
        q_words = sum(_words(text, max(q.start, cc.start), min(q.end, cc.end)) for _, q in inside)
        if q_words >= 0.75 * c_words and not cc.according:
            qi, q = max(inside, key=lambda x: _overlap(x[1].start, x[1].end, cc.start, cc.end))
            if qi in by_q:
                continue
            by_q[qi] = _direct(doc, idx, q, cc.cue_i, cc.speaker_i, cc.cue, 0.9)
            used.add(ci)
        elif all(q.start >= cc.start - 1 and q.end <= cc.end + 1 for _, q in inside):
            cand = _from_clause(doc, cc, "mixed")
            out.append(cand)
            consumed.update(qi for qi, _ in inside)
            used.add(ci)
    # 2. quotes with no complement link: search around them
    by_cue = {cc.cue_i: (ci, cc) for ci, cc in enumerate(clauses)}
    prev: Candidate | None = None
    covered = 0
    for qi, q in enumerate(quotes):
        if qi in consumed or q.start < covered:
            continue
        cand = by_q.get(qi) or _search(doc, idx, in_quote, q, quotes, prev, by_cue, used)
        if cand is None:
            continue
        if cand.kind == "mixed":
            covered = cand.end
            out.append(cand)
            prev = cand
            continue
        if _merge_into(idx, prev, cand, q):
            covered = max(covered, prev.end)
            continue
        out.append(cand)
        prev = cand
    # 3. the remaining clauses are indirect (unless mostly quoted)
    n_before = len(out)
    outer = Spans([(o.start, o.end) for o in out])
    for ci, cc in enumerate(clauses):
        if ci in used or (cc.speaker_i is None and not cc.according):
            continue
        c_words = _words(text, cc.start, cc.end)
        if c_words < 2:
            continue
        quoted = sum(
            _words(text, max(q.start, cc.start), min(q.end, cc.end))
            for q in in_quote.overlapping(cc.start, cc.end)
        )
        if quoted >= 0.5 * c_words:
            continue
        cue_at = doc[cc.cue_i].idx
        if outer(cue_at) or any(o.start <= cue_at < o.end for o in out[n_before:][-12:]):
            continue  # an attribution nested in a reported clause: the outer one stands
        out.append(_from_clause(doc, cc, "mixed" if quoted else "indirect"))
    for c in out:
        if c.kind in ("mixed", "indirect") and not c.fragments:
            _snap(c, in_quote)
    return _dedupe(out)


def _snap(c: Candidate, in_quote: _QuoteMask) -> None:
    """Never cut a quotation: widen a span that starts or ends inside one."""
    for q in in_quote.overlapping(c.start, c.end):
        if q.start < c.start < q.end:
            c.start = q.start
        if q.start < c.end < q.end:
            c.end = q.end
        if c.kind == "indirect":
            c.kind = "mixed"


class _QuoteMask:
    def __init__(self, quotes: list[QuoteSpan]):
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def inside(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return any(
            self.quotes[j].start <= pos < self.quotes[j].end for j in range(max(0, k - 3), k + 1)
        )

    def overlapping_idx(self, s: int, e: int) -> list[int]:
        """Indices of the quotes overlapping [s, e) (quotes are disjoint and sorted)."""
        k = bisect.bisect_left(self.starts, e)
        j = max(0, bisect.bisect_right(self.starts, s) - 1)
        return [i for i in range(j, k) if self.quotes[i].end > s and self.quotes[i].start < e]

    def overlapping(self, s: int, e: int) -> list[QuoteSpan]:
        return [self.quotes[i] for i in self.overlapping_idx(s, e)]


def _speaker(doc: Doc, speaker_i: int | None) -> tuple[int | None, int | None]:
    if speaker_i is None:
        return None, None
    return np_span(doc, doc[speaker_i])


def _from_clause(doc: Doc, cc: CueClause, kind: str) -> Candidate:
    s0, s1 = _speaker(doc, cc.speaker_i)
    return Candidate(
        start=cc.start,
        end=cc.end,
        kind=kind,
        fragments=cc.fragments,
        cue=cc.cue,
        cue_start=doc[cc.cue_i].idx,
        speaker_start=s0,
        speaker_end=s1,
        speaker_tok=cc.speaker_i,
        confidence=cc.strength,
        interrupted=cc.fragments is not None,
    )


def _direct(
    doc: Doc,
    idx: _Index,
    q: QuoteSpan,
    cue_i: int | None,
    spk_i: int | None,
    cue: str | None,
    conf: float,
) -> Candidate:
    s0, s1 = _speaker(doc, spk_i)
    kind = "direct"
    cue_pos = doc[cue_i].idx if cue_i is not None else None
    if q.fragments or (cue_pos is not None and idx.para_of(cue_pos) != idx.para_of(q.start)):
        kind = "block"
    return Candidate(
        start=q.start,
        end=q.end,
        kind=kind,
        fragments=[list(f) for f in q.fragments] if q.fragments else None,
        cue=cue,
        cue_start=cue_pos,
        speaker_start=s0,
        speaker_end=s1,
        speaker_tok=spk_i,
        confidence=conf,
    )


def _governed(t, q: QuoteSpan) -> tuple[int, int] | None:
    """The extent of the complement of cue ``t`` that holds quote ``q``, if one does."""
    for child in t.rights:
        if child.dep_ in ("punct", "prt", "npadvmod"):
            continue
        lo, hi = child.left_edge, child.right_edge
        if lo.idx <= q.start and hi.idx >= q.start:
            return (lo.idx, max(q.end, hi.idx + len(hi)))
    return None


def _governing_verb(doc: Doc, i: int, lo: int, in_quote: _QuoteMask):
    """The nearest verb above token ``i`` (in its sentence) whose subject names someone."""
    t = doc[i]
    for _ in range(6):
        if t.head is t or t.head.i < lo:
            return None
        t = t.head
        if t.pos_ != "VERB" or in_quote.inside(t.idx):
            continue
        subj = subject_of(t)
        if subj is None or in_quote.inside(subj.idx):
            continue
        if subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.lower_ in (
            "he",
            "she",
            "they",
            "who",
        ):
            return t, subj
    return None


def _mixed(doc: Doc, t, subj, start: int, end: int, conf: float) -> Candidate:
    s0, s1 = _speaker(doc, subj.i)
    return Candidate(
        start=start,
        end=end,
        kind="mixed",
        cue=t.text,
        cue_start=t.idx,
        speaker_start=s0,
        speaker_end=s1,
        speaker_tok=subj.i,
        confidence=conf,
    )


def _cue_token(
    doc: Doc,
    lo: int,
    hi: int,
    in_quote: _QuoteMask,
    reverse: bool = False,
    q: QuoteSpan | None = None,
):
    """The nearest cue verb with a subject in tokens [lo, hi); with ``q``, one governing ``q``."""
    rng = range(hi - 1, lo - 1, -1) if reverse else range(lo, hi)
    for i in rng:
        t = doc[i]
        if q is not None and not (t.left_edge.idx <= q.start and t.right_edge.idx >= q.end - 1):
            continue
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _CUES and not in_quote.inside(t.idx):
            subj = subject_of(t)
            if subj is None or in_quote.inside(subj.idx):  # '"...," Chief X said': misparsed
                subj = fallback_subject(t)
            if subj is not None and not in_quote.inside(subj.idx):
                return t, subj
    return None


def _search(
    doc: Doc,
    idx: _Index,
    in_quote: _QuoteMask,
    q: QuoteSpan,
    quotes: list[QuoteSpan],
    prev: Candidate | None,
    by_cue: dict[int, tuple[int, CueClause]] | None = None,
    used: set[int] | None = None,
) -> Candidate | None:
    text = doc_text(doc)
    n_words = q.words(text)
    pi = idx.para_of(q.start)
    ps, pe = idx.paras[pi]
    # an epigraph-style dash after the quote: “...” ― Name
    m = _DASH_NAME.match(text, q.end)
    if m and n_words >= 3:
        cand = _direct(doc, idx, q, None, None, text[q.end : m.start(1)].strip(), 0.8)
        cand.speaker_start, cand.speaker_end = m.start(1), m.end(1)
        return cand
    # after the quote, up to the end of its sentence (not past another quote)
    t_end = idx.tok_at(max(q.end - 1, 0))
    sent = doc[t_end].sent
    nxt = next((o.start for o in quotes if o.start >= q.end), len(text))
    hi = min(sent.end, idx.tok_at(min(nxt, pe)) + 1)
    t_start = idx.tok_at(q.start)
    s_start = doc[t_start].sent.start
    lo = max(s_start, idx.tok_at(ps))
    short = n_words < 5
    if n_words <= 6 and _TITLE.match(text[q.start : q.end]):
        return None  # a title ("Morning Joe", "The Apprentice"), not speech
    before = _cue_token(doc, lo, t_start, in_quote, reverse=True, q=q if short else None)
    if (
        before is not None
        and re.search(r"\w\W{0,3}[:,]\s*$", text[before[0].idx : q.start])
        and _words(text, before[0].idx + len(before[0]), q.start) <= 2  # 'X scolded him: "..."'
    ):
        t, subj = before
        return _direct(doc, idx, q, t.i, subj.i, t.text, 0.85)
    if q.end < pe:
        found = _cue_token(doc, t_end + 1, hi, in_quote, q=q if short else None)
        if (
            found is None
            and hi == sent.end < len(doc)
            and doc[sent.end].idx - q.end <= 1
            and text[q.start : q.end].rstrip("”’\"' ")[-1:] in ",?!"
        ):  # '“Why now?” Holt said.': the parser ended the sentence at the closing mark
            nxt_hi = min(doc[sent.end].sent.end, idx.tok_at(min(nxt, pe)) + 1, sent.end + 6)
            found = _cue_token(doc, sent.end, nxt_hi, in_quote)
        if found and found[0].dep_ in ("advcl", "relcl", "acl"):
            found = None  # '"...," when Clinton blasted him': a subordinate clause, not the cue
        if found:
            t, subj = found
            lead = doc[lo].idx
            if _words(text, lead, q.start) >= 2:  # 'X is "crooked," Trump said.'
                return _mixed(doc, t, subj, lead, q.end, 0.7)
            return _direct(doc, idx, q, t.i, subj.i, t.text, 0.85)
    # before the quote, in the sentence where it opens
    found = before
    if found:
        t, subj = found
        gap = text[t.idx + len(t) : q.start]
        if prev is not None and prev.cue_start == t.idx and prev.end <= t.idx:
            # '"A," said X, who heads Y. "B."': the cue already spoke the quote before
            return _direct(doc, idx, q, t.i, subj.i, t.text, 0.8)
        hit = by_cue.get(t.i) if by_cue else None
        if hit is not None and used is not None and hit[0] not in used:
            ci, cc = (
                hit  # 'said she has one quality: "Steadiness."': the clause runs on into the quote
            )
            if cc.end <= q.start and not _words(text, cc.end, q.start) and cc.fragments is None:
                used.add(ci)
                return _mixed(doc, t, subj, cc.start, q.end, 0.75)
        gov = _governed(t, q)
        if gov is not None and _words(text, gov[0], q.start) >= 3:
            return _mixed(doc, t, subj, gov[0], gov[1], 0.7)
        if _words(text, t.idx + len(t), q.start) >= 2 and not re.search(
            r"[:,]\s*(?:that\s*)?$", gap
        ):
            end_tok = min(sent.end, hi) - 1 if t_end < sent.end else t_end
            end_tok = max(end_tok, t_end)
            while end_tok > t_end and (doc[end_tok].is_punct or doc[end_tok].is_space):
                end_tok -= 1
            start_tok = t.i + 1
            while start_tok < t_start and (doc[start_tok].is_punct or doc[start_tok].dep_ == "prt"):
                start_tok += 1
            start, end = doc[start_tok].idx, max(q.end, doc[end_tok].idx + len(doc[end_tok]))
            if gov is not None:
                start, end = gov
            return _mixed(doc, t, subj, start, end, 0.7)
        return _direct(doc, idx, q, t.i, subj.i, t.text, 0.8)
    # X said:  (end of the previous paragraph)
    if q.start == ps and pi > 0:
        pps, ppe = idx.paras[pi - 1]
        if text[ppe - 1] == ":":
            lo = doc[idx.tok_at(ppe - 1)].sent.start
            found = _cue_token(
                doc, max(lo, idx.tok_at(pps)), idx.tok_at(ppe - 1) + 1, in_quote, True
            )
            if found:
                t, subj = found
                cand = _direct(doc, idx, q, t.i, subj.i, t.text, 0.85)
                cand.kind = "block"
                return cand
    # 'Reid has been pounding Trump as a "con artist"': any verb of a named subject governing it
    if (q.start != ps or n_words < 3) and not _modifier(doc, idx, q, n_words):
        gov = _governing_verb(doc, t_start, lo, in_quote)
        if gov is not None:
            t, subj = gov
            span = _governed(t, q)
            if span is not None:
                return _mixed(doc, t, subj, span[0], span[1], 0.45)
    # a quote that opens a paragraph right after another statement continues it
    if (
        prev is not None
        and n_words >= 3
        and (q.start == ps or q.start - prev.end < 200)
        and idx.para_of(prev.end) >= pi - 1
        and prev.speaker_start is not None
    ):
        cand = _direct(doc, idx, q, None, None, None, 0.55)
        cand.speaker_start, cand.speaker_end = prev.speaker_start, prev.speaker_end
        cand.speaker_tok = prev.speaker_tok
        cand.cue, cand.cue_start = prev.cue, prev.cue_start
        return cand
    if n_words >= 8 and q.start == ps:
        return _direct(doc, idx, q, None, None, None, 0.3)
    return None


def _modifier(doc: Doc, idx: _Index, q: QuoteSpan, n_words: int) -> bool:
    """A scare-quoted modifier: ``the ''carried interest'' loophole``, ``its "top" man Jo``."""
    if n_words > 4:
        return False
    i = idx.tok_at(q.end)
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
        i += 1
    if i >= len(doc) or doc[i].idx - q.end > 3 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return False
    last = doc[idx.tok_at(max(q.end - 1, q.start))]
    while last.i > 0 and last.is_punct:
        last = doc[last.i - 1]
    return last.head.i >= i and last.head.pos_ in ("NOUN", "PROPN")


def _merge_into(idx: _Index, prev: Candidate | None, cand: Candidate, q: QuoteSpan) -> bool:
    """Join ``"A," she said, "B."``: make quote ``q`` a fragment of ``prev``; True if it did."""
    if prev is None or prev.kind not in ("direct", "block", "mixed"):
        return False
    if cand.kind not in ("direct", "block"):
        return False
    same_cue = cand.cue_start is not None and cand.cue_start == prev.cue_start
    if not same_cue or idx.para_of(prev.start) != idx.para_of(q.start):
        return False
    if not (prev.end <= (prev.cue_start or 0) < q.start):
        return False
    prev.fragments = [*(prev.fragments or [[prev.start, prev.end]]), [q.start, q.end]]
    prev.interrupted = True
    prev.end = q.end
    return True


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop repeats: the same span twice, or a span inside another of the same speaker mention."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if any(
            (o.start, o.end) == (c.start, c.end)
            or (
                o.start <= c.start
                and c.end <= o.end
                and (
                    (o.speaker_start is not None and o.speaker_start == c.speaker_start)
                    # 'X said that Y called it "Z"': PolNeAR keeps the outer statement
                    or (o.kind in ("mixed", "indirect") and not o.fragments and not c.fragments)
                )
            )
            for o in out[-8:]
        ):
            continue
        out.append(c)
    return out
