"""Decide what each quotation and each cue clause becomes: direct, mixed or indirect.

:func:`attribute` is the core: it pairs quotation-mark spans with the cue
clauses of the parse. A quote that fills a cue's complement is a direct
quote of that cue's speaker; a quote inside a larger complement makes the
complement a mixed quote; quotes with no cue in their sentence look for one
after the quote, before it, at the end of the previous paragraph (``X said:``)
or continue the statement just before (the rules of :mod:`.quote_rules`, in
their declared order). Quotes sharing one cue become one statement with
fragments (``"A," she said, "B."``), as PolNeAR annotates them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .builders import (
    Index,
    QuoteMask,
    clause_end,
    direct,
    opens_sentence,
    overlap,
    past_dateline,
    set_off_quote,
    speaker_span,
    what_object,
    words,
)
from .candidate import Candidate, Spans
from .conjoined_cues import split_second_cues
from .indirect import CueClause, doc_text, fallback_subject
from .lexicon import BELIEF_VERBS, SPEECH_VERBS
from .quote_rules import QuoteContext, colon_cue, search
from .quotes import QuoteSpan
from .settings import Confidence, Shares

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"\w")


def attribute(
    doc: Doc,
    quotes: list[QuoteSpan],
    clauses: list[CueClause],
    paras: list[tuple[int, int]],
    conf: Confidence = Confidence(),  # noqa: B008 - frozen, shared default
    shares: Shares = Shares(),  # noqa: B008 - frozen, shared default
) -> list[Candidate]:
    """Candidates for every attributed quote and reported clause, in text order."""
    text = doc_text(doc)
    idx = Index(doc, paras)
    in_quote = QuoteMask(quotes)
    clauses = [  # a cue in capitals is a headline ('DOCTORS SAY HE IS FIT'), not a statement
        c
        for c in clauses
        if not in_quote.inside(doc[c.cue_i].idx)
        and not (doc[c.cue_i].is_upper and len(doc[c.cue_i]) > 1)
    ]
    by_q: dict[int, Candidate] = {}
    consumed: dict[int, Candidate] = {}  # quote index -> the mixed statement holding it
    used: set[int] = set()
    out: list[Candidate] = []

    def quote_alone(ci, cc, found, rule: str, aside: tuple[int, int]) -> None:
        """The cue's quote as a direct statement; the cues inside ``aside`` are spent."""
        qi, q = found
        if qi not in by_q:
            spk = _outside(doc, cc, in_quote)
            by_q[qi] = direct(doc, idx, q, cc.cue_i, spk, cc.cue, conf.cue_complement)
            by_q[qi].rule = rule
        used.add(ci)
        used.update(j for j, o in enumerate(clauses) if aside[0] <= doc[o.cue_i].idx < aside[1])

    # 1. quotes reached through a cue's complement
    speech_cues = {cc.cue_i for cc in clauses if doc[cc.cue_i].lemma_.lower() in SPEECH_VERBS}
    for ci, cc in enumerate(clauses):
        c_words = words(text, cc.start, cc.end)
        if not c_words or _belief_reported(doc[cc.cue_i], speech_cues):
            continue
        inside = [
            (qi, quotes[qi])
            for qi in in_quote.overlapping_idx(cc.start, cc.end)
            if qi not in consumed
        ]
        if not inside:
            continue
        q_words = sum(words(text, max(q.start, cc.start), min(q.end, cc.end)) for _, q in inside)
        what = what_object(doc[cc.cue_i])
        if what is not None and what.idx < cc.start:  # 'after what she called a “rant,”'
            cand = _from_clause(doc, cc, "mixed", _outside(doc, cc, in_quote))
            named = next(q for _, q in inside if q.end > doc[cc.cue_i].idx)
            cand.start, cand.end = what.idx, named.end  # the words it names, no further
            out.append(cand)
            consumed.update((qi, cand) for qi, _ in inside)
            used.add(ci)
            continue
        said_after = _sentence_after_aside(doc, text, cc, inside, idx)
        if said_after is not None:  # 'Asked about X, Lund said, "Not now."': the quote alone
            # 'Asked to describe it': the aside makes no statement of its own here
            quote_alone(ci, cc, said_after, "cue_complement", cc.fragments[0])
            continue
        set_off = _quote_after_aside(doc, text, cc, inside, idx)
        if set_off is not None and colon_cue(doc, idx, in_quote, set_off[1]) is not None:
            used.add(ci)  # 'X scolded him: “A,” she said. “B.”': A is scolded's (a quote rule)
            continue
        if set_off is not None:  # 'When Berg asked him, “We will cut them,” Hale said'
            # what comes before the quote reports nothing here
            quote_alone(ci, cc, set_off, "aside_then_quote", (cc.start, set_off[1].start))
            continue
        if q_words >= shares.direct_quoted * c_words and not cc.according:
            qi, q = max(inside, key=lambda x: overlap(x[1].start, x[1].end, cc.start, cc.end))
            if qi in by_q:
                continue
            spk = _outside(doc, cc, in_quote)
            by_q[qi] = direct(doc, idx, q, cc.cue_i, spk, cc.cue, conf.cue_complement)
            by_q[qi].rule = "cue_complement"
            used.add(ci)
        elif all(_within(text, q, cc.start, cc.end) for _, q in inside):
            cand = _from_clause(doc, cc, "mixed", _outside(doc, cc, in_quote))
            _run_on(doc, text, cand, cc, inside[-1][1])
            out.append(cand)
            consumed.update((qi, cand) for qi, _ in inside)
            used.add(ci)
    # 2. quotes with no complement link: search around them
    by_cue = {cc.cue_i: (ci, cc) for ci, cc in enumerate(clauses)}
    prev: Candidate | None = None
    prev_prev: Candidate | None = None  # the statement before ``prev`` (dialogue turns)
    covered = 0
    for qi, q in enumerate(quotes):
        holder = consumed.get(qi)
        if holder is not None:  # '... "too little," he added. "B."': B may continue it
            if holder is not prev:
                prev_prev, prev = prev, holder
            covered = max(covered, holder.end)
            continue
        if q.start < covered:
            continue
        ctx = QuoteContext(doc, text, idx, in_quote, q, quotes, prev, by_cue, used, conf)
        ctx.earlier = prev_prev if prev is not None else None
        cand = by_q.get(qi) or search(ctx)
        if cand is None:
            continue
        if cand.kind == "mixed":
            covered = cand.end
            out.append(cand)
            prev_prev, prev = prev, cand
            continue
        if _merge_into(idx, prev, cand, q):
            covered = max(covered, prev.end)
            continue
        out.append(cand)
        prev_prev, prev = prev, cand
    # 3. the remaining clauses are indirect (unless mostly quoted)
    n_before = len(out)
    outer = Spans([(o.start, o.end) for o in out])
    for ci, cc in enumerate(clauses):
        if ci in used or (cc.speaker_i is None and not (cc.according or cc.unsourced)):
            continue
        c_words = words(text, cc.start, cc.end)
        if c_words < cc.min_words:
            continue
        quoted = sum(
            words(text, max(q.start, cc.start), min(q.end, cc.end))
            for q in in_quote.overlapping(cc.start, cc.end)
        )
        if quoted >= shares.indirect_quoted * c_words:
            continue
        cue_at = doc[cc.cue_i].idx
        if outer(cue_at) or any(o.start <= cue_at < o.end for o in out[n_before:][-12:]):
            continue  # an attribution nested in a reported clause: the outer one stands
        out.append(_from_clause(doc, cc, "mixed" if quoted else "indirect", cc.speaker_i))
    out = split_second_cues(doc, out, in_quote)
    for c in out:
        if c.kind in ("mixed", "indirect") and not c.fragments:
            _snap(c, in_quote)
    return _dedupe(_join_conjoined(text, out))


#: Only a conjunction between two pieces of one cue's complement: "A, and B", "A but B".
_CONJ_GAP = re.compile(r"[\s,;]*(?:(?:and|but|or)\b[\s,]*(?:that\b\s*)?)?", re.IGNORECASE)


#: The gap before a second cue of the same speaker joined to the first statement:
#: ``X says A, but she knows that “B”``, ``said A but said “B”``, ``and let them know that``,
#: ``called X “A” and referred to her “B”``.
_SECOND_CUE_GAP = re.compile(
    r"[\s,;”’\"']*(?:(?:and|but)\b\s*)?(?:(?:he|she|they|we|i)\s+)?(?:also\s+)?"
    r"(?:let\s+\w+\s+)?(?P<cue>[a-z]+)\s*(?:(?:that|to|of|as)\s*)?[“‘\"'\s]*",
    re.IGNORECASE,
)
#: Second cues that make a statement of their own, never joined to the one before.
_OWN_STATEMENT_RULES = frozenset({"directive_clause", "conjoined_cue"})
#: (r7-extent) Rules whose statement is the object of one act (``presented her budget``,
#: ``regretted the delays``): a second cue joined to it is another act, never the same statement.
_OBJECT_RULES = frozenset({"object_cue", "prep_object"})
_CONJ_END = re.compile(r"\b(?:and|but)\W*$", re.IGNORECASE)
_GAP_SUBJECT = re.compile(r"\b(?:he|she|they|we|i)\b", re.IGNORECASE)
_SAME_SPEAKER_WORDS = frozenset({"he", "she", "they", "we", "i", "them"})


def _second_cue(text: str, last: Candidate, c: Candidate) -> bool:
    """``c`` is what the speaker of ``last`` says next in the same sentence, joined by a
    conjunction (``X says A, but she knows that “B”``): PolNeAR makes the two one
    statement. Only a quoted second piece, and only a pronoun (or no) speaker for it."""
    if c.kind not in ("direct", "mixed") or last.kind not in ("indirect", "mixed"):
        return False
    if c.cue_start is None or not (last.end <= c.cue_start < c.start):
        return False
    if c.rule in _OWN_STATEMENT_RULES:
        return False  # 'said A and urged voters to “B”': a claim, then an exhortation
    if last.rule in _OBJECT_RULES and last.kind == "indirect":
        # 'presented her budget and promised to “B”': an act on an object, then a claim
        return False
    m = _SECOND_CUE_GAP.fullmatch(text, last.end, c.start)
    if m is None or m.start("cue") != c.cue_start:
        return False
    gap = text[last.end : c.start]
    if _GAP_SUBJECT.search(gap) and (c.cue or "").lower() == (last.cue or "").lower():
        return False  # 'X said A, but he said that B': two reports, as PolNeAR keeps them
    if not (
        re.search(r"\b(?:and|but)\b", gap, re.IGNORECASE)
        or _CONJ_END.search(text, last.start, last.end)
    ):
        return False
    if c.speaker_start is None:
        return True
    said_by = text[c.speaker_start : c.speaker_end].lower()
    return said_by in _SAME_SPEAKER_WORDS or (
        last.speaker_start is not None
        and said_by == text[last.speaker_start : last.speaker_end].lower()
    )


def _join_conjoined(text: str, cands: list[Candidate]) -> list[Candidate]:
    """One statement for the conjoined complements of one cue (or of one speaker's two cues).

    ``X said that A, and there was “no evidence” of B`` / ``X claimed that A is “C”
    but “D”``: the clause rule and a quote rule may each find one conjunct of the
    same cue; what X said is both, as one statement. So is ``X says A, but she
    knows that “B”`` (:func:`_second_cue`).
    """
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        last = out[-1] if out else None
        if (
            last is not None
            and not last.fragments
            and not c.fragments
            and last.end <= c.start
            and "\n" not in text[last.end : c.start]
            and _second_cue(text, last, c)
        ):
            last.end = c.end
            last.kind = "mixed"
            last.confidence = max(last.confidence, c.confidence)
            last.rule = last.rule or c.rule
            continue
        if (
            last is not None
            and c.cue_start is not None
            and c.cue_start == last.cue_start
            and last.end <= c.start
            and not last.fragments
            and not c.fragments
            and "\n" not in text[last.end : c.start]
            and _CONJ_GAP.fullmatch(text, last.end, c.start)
            and c.cue_start < last.start
        ):
            last.end = c.end
            last.kind = "indirect" if last.kind == c.kind == "indirect" else "mixed"
            last.confidence = max(last.confidence, c.confidence)
            continue
        out.append(c)
    return out


def _sentence_after_aside(
    doc: Doc, text: str, cc: CueClause, inside: list[tuple[int, QuoteSpan]], idx: Index
) -> tuple[int, QuoteSpan] | None:
    """A mid-sentence clause whose second piece is a whole quoted sentence.

    ``Asked about the device, Lund said, "Not going into that."``: the first piece is
    an aside (a participle, a subordinate clause), not the subject of what is quoted;
    a quote opening with a capital after ``said,`` is a sentence of its own, a direct
    quote. ``The ferries, he says, "will run"`` (lower case) stays one mixed statement.
    """
    if not cc.fragments or len(cc.fragments) != 2 or len(inside) != 1:
        return None
    qi, q = inside[0]
    (_, _), (s2, e2) = cc.fragments
    if not _within(text, q, s2, e2) or q.start > s2 + 1:
        return None
    if not re.match(r"\s*[,:]\s*$", text[doc[cc.cue_i].idx + len(doc[cc.cue_i]) : q.start]):
        return None
    return (qi, q) if opens_sentence(doc, idx, q) else None


def _quote_after_aside(
    doc: Doc, text: str, cc: CueClause, inside: list[tuple[int, QuoteSpan]], idx: Index
) -> tuple[int, QuoteSpan] | None:
    """A clause before its cue that ends with a whole quoted sentence set off by a comma
    or a colon: ``When Berg asked him about the fares, “We will cut them,” Hale said`` /
    ``Lund scolded him: “The study is wrong,” she said``. The words before the quote
    are an aside or another reporting clause, not part of what is said; the quote is a
    direct quote of the cue after it. A quote going on in lower case (``If it closes,
    “we lose,” Lund said``) continues the sentence and stays one mixed statement.
    """
    if cc.fragments or cc.according or doc[cc.cue_i].idx < cc.end:
        return None
    last_qi, last = max(inside, key=lambda x: x[1].end)
    if any(not (last.start <= q.start and q.end <= last.end) for _, q in inside):
        return None  # another quotation before it: a mixed statement
    if _WORD.search(text, last.end, cc.end) or not _WORD.search(text, cc.start, last.start):
        return None
    return (last_qi, last) if set_off_quote(doc, idx, text, cc.start, last) else None


#: Clausal complements (``said that ...``), whose clause goes on after a quotation.
_RUN_ON_RULES = frozenset({"speech_clause", "belief_clause"})


def _run_on(doc: Doc, text: str, cand: Candidate, cc: CueClause, last_q: QuoteSpan) -> None:
    """A mixed statement ending at its last quotation runs on to the end of its clause
    (``Lynch said there remains a "significant difference," when it comes to ...``)."""
    if cand.fragments or cc.fragments or cc.end <= doc[cc.cue_i].idx:
        return  # a clause before its cue ('A, X said') ends where the reporting clause starts
    if cc.rule not in _RUN_ON_RULES:
        return  # 'blasted Clinton as a “disgrace” Wednesday on ...': a label ends at its quote
    if last_q.end < cand.end or _WORD.search(text, cand.end, last_q.end):
        return  # the clause goes on past its last quotation already
    cand.end = max(cand.end, clause_end(doc, doc[cc.cue_i], last_q.end))


def _within(text: str, q: QuoteSpan, start: int, end: int) -> bool:
    """Quote ``q`` lies in ``[start, end)`` but for marks and punctuation at its edges.

    A clause stops before the sentence's final stop, a quote closing it does not
    (``... know that “this is not who we are.”``): the quote is still inside.
    """
    return not _WORD.search(text, q.start, max(q.start, start)) and not _WORD.search(
        text, min(q.end, max(end, q.start)), q.end
    )


def _snap(c: Candidate, in_quote: QuoteMask) -> None:
    """Never cut a quotation: widen a span that starts or ends inside one."""
    for q in in_quote.overlapping(c.start, c.end):
        if q.start < c.start < q.end:
            c.start = q.start
        if q.start < c.end < q.end:
            c.end = q.end
        if c.kind == "indirect":
            c.kind = "mixed"


def _participle_subject(doc: Doc, cue_i: int) -> int | None:
    """``X was criticised for saying ...`` / ``After saying ..., she left``: the speaker
    of a gerund under a preposition is the subject of the verb the preposition hangs on
    (passive subjects included: the one criticised is the one who said it)."""
    t = doc[cue_i]
    if t.tag_ != "VBG" or t.dep_ != "pcomp" or t.head.dep_ != "prep":
        return None
    verb = t.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "DET"]
    return subj[0].i if subj else None


def _outside(doc: Doc, cc: CueClause, in_quote: QuoteMask) -> int | None:
    """The clause's speaker, unless the parser took it from inside a quotation
    (``X said on Radio North’s “Fox and Friends.”``: "Fox" is no subject); then
    the name just before the cue, if there is one."""
    if cc.speaker_i is None or not in_quote.inside(doc[cc.speaker_i].idx):
        return cc.speaker_i
    found = fallback_subject(doc[cc.cue_i])
    return found.i if found is not None and not in_quote.inside(found.idx) else None


def _from_clause(doc: Doc, cc: CueClause, kind: str, speaker_i: int | None) -> Candidate:
    """A candidate from a cue clause whose speaker head is ``speaker_i``."""
    if speaker_i is None:
        speaker_i = _participle_subject(doc, cc.cue_i)
    speaker_i = past_dateline(doc, speaker_i)
    s0, s1 = speaker_span(doc, speaker_i)
    return Candidate(
        start=cc.start,
        end=cc.end,
        kind=kind,
        fragments=cc.fragments,
        cue=cc.cue,
        cue_start=doc[cc.cue_i].idx,
        speaker_start=s0,
        speaker_end=s1,
        speaker_tok=speaker_i,
        confidence=cc.strength,
        interrupted=cc.fragments is not None,
        rule=cc.rule,
    )


def _merge_into(idx: Index, prev: Candidate | None, cand: Candidate, q: QuoteSpan) -> bool:
    """Join ``"A," she said, "B."``: make quote ``q`` a fragment of ``prev``; True if it did."""
    if prev is None or prev.kind not in ("direct", "block", "mixed"):
        return False
    if cand.kind not in ("direct", "block"):
        return False
    same_cue = cand.cue_start is not None and cand.cue_start == prev.cue_start
    if not same_cue:
        return False
    if idx.para_of(prev.start) != idx.para_of(q.start) and not _next_paragraph(idx, prev, q):
        return False
    if not (prev.end <= (prev.cue_start or 0) < q.start):
        return False
    if _cue_goes_on(idx, prev.cue_start, q.start):
        return False
    prev.fragments = [*(prev.fragments or [[prev.start, prev.end]]), [q.start, q.end]]
    prev.interrupted = True
    prev.end = q.end
    return True


#: A clause hanging on the cue itself (``said, going on to ...``, ``said, suggesting ...``).
_CUE_CLAUSE_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp"})


def _cue_goes_on(idx: Index, cue_at: int, until: int) -> bool:
    """After the cue the reporting clause goes on to a new statement, so the next quote
    is not the interrupted quote's second piece: the quote belongs to a clause hanging on
    the cue (``“A,” Lund said, suggesting questions, including, “B?”``) or the speaker
    moved on (``“A,” Lund said, going on to compare the plans. “B.”``). Other asides
    (``said, referring to the treaty. “B.”``, ``said Varga, who runs the port.``) keep
    the two pieces one statement, as news writes them."""
    doc = idx.doc
    cue = doc[idx.tok_at(cue_at)]
    q_tok = doc[idx.tok_at(until + 1)]
    for ch in cue.rights:
        if ch.dep_ not in _CUE_CLAUSE_DEPS or ch.pos_ not in ("VERB", "AUX") or ch.idx >= until:
            continue
        if ch.left_edge.i <= q_tok.i <= ch.right_edge.i:
            return True
        if ch.lemma_ == "go" and any(p.dep_ == "prt" and p.lower_ == "on" for p in ch.children):
            return True
    return False


def _next_paragraph(idx: Index, prev: Candidate, q: QuoteSpan) -> bool:
    """``“A,” he said.`` closing a paragraph and ``“B.”`` opening the next one: the
    speaker goes on, and the pieces are one statement (as PolNeAR joins them)."""
    p_end = idx.para_of(prev.cue_start or prev.end)
    return (
        prev.kind == "direct"
        and not prev.fragments
        and idx.para_of(prev.start) == p_end
        and idx.para_of(q.start) == p_end + 1
        and idx.paras[p_end + 1][0] == q.start
    )


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


def _belief_reported(cue, speech_cues: set[int]) -> bool:
    """``Sollen said the council was considering a bypass, “if …”``: a belief inside
    what someone says is part of their report; the quote after it is theirs, not the
    believer's."""
    if cue.lemma_.lower() not in BELIEF_VERBS - SPEECH_VERBS:
        return False
    return any(a.i in speech_cues for a in cue.ancestors)
