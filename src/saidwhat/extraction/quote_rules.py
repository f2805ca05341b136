"""Rules for a quotation that no cue clause reaches: each a small named unit, tried in order.

:data:`RULES` is the declared order; the first rule that returns a candidate
wins, and a rule may return :data:`STOP` to say the quote is not a statement
(a title, for instance). Every rule reads one :class:`QuoteContext` and takes
its confidence from :class:`~.settings.Confidence`. A new form is one more
function and one more entry in :data:`RULES` (and one row in the table of
forms in ``tests/extraction/test_forms_table.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .builders import Index, QuoteMask, clause_end, direct, mixed, what_object, words
from .candidate import Candidate
from .indirect import CueClause, doc_text, fallback_subject, subject_of
from .lexicon import (
    ALL_CUE_LEMMAS,
    BELIEF_VERBS,
    EVALUATION_VERBS,
    INVERTED_CUES,
    QUOTE_VERBS,
    QUOTED_WORDS_NOUNS,
    SPEECH_VERBS,
)
from .quotes import QuoteSpan
from .settings import DIALOGUE_TURN_WORDS, Confidence

if TYPE_CHECKING:
    from spacy.tokens import Doc

_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,4})"
)
_TITLE = re.compile(
    r"^\W*[A-Z0-9][\w’'.-]*[\s,:]*"
    r"(?:(?:(?:of|the|a|an|and|in|on|for|to|at|with)\s+){0,2}[A-Z0-9][\w’'.-]*[\s,:]*){0,5}\W*$"
)
#: The line under an embedded post: "— Oleg Varin (@VarinOleg) May 22, 2026".
_POST_TRAILER = re.compile(
    r"[\s\u00a0]*\n[\s\u00a0]*[-―—–][ \t\u00a0]*"
    r"(?P<name>[A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,3})[ \t\u00a0]*"
    r"\((?P<handle>@\w{1,30})\)"
)
#: A speech verb right after a quote (with up to three name words before it).
_ANSWERED = re.compile(
    r"[\s,]*(?:[A-Z][\w’'-]+\s+){0,3}(?:said|says|answered|replied|asked|shouted|added|told|"
    r"snapped|whispered|cried)\b"
)
#: The line under a pull quote: "— Dara Novak, union chair" and nothing else.
_PULL_NAME = re.compile(
    r"[ \t\u00a0]*\n[\s\u00a0]*[―—–-][ \t\u00a0]*"
    r"(?P<name>[A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){1,3})"
    r"[ \t\u00a0]*(?:,[^\n]{1,80})?[ \t\u00a0]*(?:\n|$)"
)
#: "Said Lund:" / "Added one official," at the start of a sentence, just before a quote.
_INVERTED = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?P<cue>" + "|".join(sorted(INVERTED_CUES)) + r")[ \t\u00a0]+"
    r"(?P<name>(?:[A-Z][\w.’'-]*|one|an?|the)(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,3}"
    r"(?:[ \t\u00a0]+[a-z]+){0,2})[ \t\u00a0]*[:,][ \t\u00a0]*"
)
#: A dash opening an aside after a quotation.
_ASIDE = re.compile(r"[ \t\u00a0]+[-—–―]{1,2}[ \t\u00a0]+\w")
_CUES = SPEECH_VERBS | BELIEF_VERBS | QUOTE_VERBS | {"go", "read", "put"}
#: Verbs a scare-quoted phrase under them may be attributed through.
_CHARACTERISING = ALL_CUE_LEMMAS | EVALUATION_VERBS


def _governed(t, q: QuoteSpan) -> tuple[int, int] | None:
    """The extent of the complement of cue ``t`` that holds quote ``q``, if one does."""
    for child in t.rights:
        if child.dep_ in ("punct", "prt", "npadvmod"):
            continue
        lo, hi = child.left_edge, child.right_edge
        # (the opening mark itself is often attached to the verb, not to the phrase)
        if lo.idx <= q.start + 1 and hi.idx >= q.start:
            end = max(q.end, hi.idx + len(hi))
            if _ASIDE.match(
                doc_text(t.doc), q.end
            ):  # '“burning the charter” - a charge that stung'
                end = q.end
            return (min(lo.idx, q.start), end)
    return None


#: The complement a quote may sit in when the clause runs on after it (``noted several
#: “intangibles” left him ...``, ``reported “251 break-ins” in the city ...``); not a
#: label after ``as`` (``describing as “unhinged” a tweet ...``).
_RUN_ON_DEPS = frozenset({"ccomp", "dobj", "xcomp"})


def _characterising(t) -> bool:
    """A verb that reports or characterises; the inflected form is tried beside the lemma
    (the lemmatizer gives 'rated' the lemma 'rat')."""
    low = t.lower_
    forms = {t.lemma_.lower(), low, low[:-1], low[:-2]}
    if low.endswith("ing"):
        forms |= {low[:-3], low[:-3] + "e"}
    return not forms.isdisjoint(_CHARACTERISING)


def _governing_verb(doc: Doc, i: int, lo: int, in_quote: QuoteMask):
    """The nearest verb above token ``i`` (in its sentence) whose subject names someone."""
    t = doc[i]
    for _ in range(6):
        if t.head is t or t.head.i < lo:
            return None
        t = t.head
        if t.pos_ != "VERB" or in_quote.inside(t.idx):
            continue
        if not _characterising(t):
            continue  # 'sent its "national reporter"': an action, not a report
        subj = subject_of(t)
        if subj is None or in_quote.inside(subj.idx):
            continue
        if (
            subj.ent_type_ in ("PERSON", "ORG", "NORP")
            or subj.lower_ in ("he", "she", "they", "who")
            # 'Another critic, Tomas Hale, likened ...': the apposition names the subject
            or any(ch.dep_ == "appos" and ch.ent_type_ == "PERSON" for ch in subj.children)
        ):
            return t, subj
    return None


def _cue_token(
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
        short = self.n_words < 5
        self.before = _cue_token(
            doc, self.lo, self.t_start, self.in_quote, reverse=True, q=q if short else None
        )


def _embedded_post(c: QuoteContext):
    """An embedded post: the quote, then a line ``— Name (@handle) December 22, 2018``."""
    if c.n_words < 3:
        return None
    m = _POST_TRAILER.match(c.text, c.q.end)
    if m is None:
        return None
    cand = direct(c.doc, c.idx, c.q, None, None, m.group("handle"), c.conf.embedded_post)
    cand.speaker_start, cand.speaker_end = m.start("name"), m.end("name")
    cand.speaker_tok = c.idx.tok_at(m.end("name") - 1)  # the name's head: its last word
    return cand


def _pull_quote_name(c: QuoteContext):
    """A pull quote: the quotation, then a line holding only ``— Name`` (and a role)."""
    if c.n_words < 3:
        return None
    m = _PULL_NAME.match(c.text, c.q.end)
    if m is None:
        return None
    cand = direct(c.doc, c.idx, c.q, None, None, None, c.conf.epigraph_dash)
    cand.speaker_start, cand.speaker_end = m.start("name"), m.end("name")
    cand.speaker_tok = c.idx.tok_at(m.end("name") - 1)
    return cand


def _epigraph_dash(c: QuoteContext):
    """“...” ― Name: an epigraph-style dash after the quote."""
    m = _DASH_NAME.match(c.text, c.q.end)
    if m and c.n_words >= 3:
        cue = c.text[c.q.end : m.start(1)].strip()
        cand = direct(c.doc, c.idx, c.q, None, None, cue, c.conf.epigraph_dash)
        cand.speaker_start, cand.speaker_end = m.start(1), m.end(1)
        return cand
    return None


def _title_not_speech(c: QuoteContext):
    """A short title-case quote is a title (“Morning Joe”), not speech."""
    inner = c.text[c.q.start : c.q.end].strip("\"“”‘’'„«» ")
    if inner[-1:] in "!?" or _ANSWERED.match(c.text, c.q.end):
        return None  # “No!” answered Hale: a short answer in dialogue, not a title
    if c.n_words <= 6 and _TITLE.match(c.text[c.q.start : c.q.end]):
        return STOP
    return None


def _inverted_cue(c: QuoteContext):
    """Said Lund: “...”: a cue opening its sentence, then the name, then the quote."""
    m = _INVERTED.search(c.text, c.ps, c.q.start)
    if m is None or m.end() != c.q.start:
        return None
    cand = direct(c.doc, c.idx, c.q, None, None, m.group("cue"), c.conf.cue_before_colon)
    cand.cue_start = m.start("cue")
    cand.speaker_start, cand.speaker_end = m.start("name"), m.end("name")
    cand.speaker_tok = c.idx.tok_at(m.end("name") - 1)
    return cand


_AS_PUT_IT = (
    r"as\s+(?P<who>[A-Za-z][^,.;:“”\"]{1,60}?)\s+(?:put|puts|said|says|wrote|writes)\s+it\b"
)
#: '"...," as a ministry memo put it.' after the quote; 'as X put it in ..., "..."' before.
_AS_PUT_IT_AFTER = re.compile(r"[\s,]*" + _AS_PUT_IT)
_AS_PUT_IT_BEFORE = re.compile(r"\b" + _AS_PUT_IT + r"[^.;:“”\"]{0,60},\s*$")


def _as_put_it(c: QuoteContext):
    """“...,” as a ministry memo put it. / as the Courier put it, “the operator.”: the
    source named in an ``as X put it`` aside next to the quote. After the quote, the
    clause the quote ends is the statement (mixed when it starts before the quote)."""
    after = _AS_PUT_IT_AFTER.match(c.text, c.q.end)
    before = None if after else _AS_PUT_IT_BEFORE.search(c.text, c.ps, c.q.start)
    m = after or before
    if m is None:
        return None
    cand = direct(c.doc, c.idx, c.q, None, None, "put it", c.conf.cue_after)
    cand.speaker_start, cand.speaker_end = m.start("who"), m.end("who")
    cand.speaker_tok = c.idx.tok_at(m.end("who") - 1)
    cand.cue_start = m.start()
    if after is not None:
        t = c.doc[min(c.t_start + 1, len(c.doc) - 1)]
        for _ in range(6):  # the verb of the clause the quote belongs to
            if t.pos_ in ("VERB", "AUX") or t.head is t:
                break
            t = t.head
        subj = next((ch for ch in t.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and c.lo <= subj.left_edge.i and subj.left_edge.idx < c.q.start:
            cand.start, cand.kind = subj.left_edge.idx, "mixed"
    return cand


def _according_before(c: QuoteContext):
    """According to X, “...”: the source named just before the quote, in its sentence."""
    for i in range(c.t_start - 1, c.lo - 1, -1):
        hit = c.by_cue.get(i)
        if hit is None or not hit[1].according or hit[1].speaker_i is None:
            continue
        cc = hit[1]
        spk = c.doc[cc.speaker_i]
        if words(c.text, spk.idx + len(spk), c.q.start):
            return None  # more words between the source and the quote: not this form
        c.used.add(hit[0])
        cue = c.text[c.doc[cc.cue_i].idx : spk.idx].strip()
        return direct(c.doc, c.idx, c.q, cc.cue_i, cc.speaker_i, cue, c.conf.according_quote)
    return None


def _adjacent_cue(c: QuoteContext):
    """The cue verb right before the quote's ``,`` or ``:``, however the parser attached
    the quote (``... ― Trump boasted, “That makes me smart.”`` under another verb)."""
    i = c.t_start - 1
    if i < c.lo or c.doc[i].text not in (",", ":"):
        return None
    return _cue_token(c.doc, max(c.lo, i - 1), i, c.in_quote)


def _what_called(c: QuoteContext):
    """… what it calls “the biggest attack in history”: the relative clause naming
    the quoted words is the statement, from ``what`` to the quote."""
    for i in range(c.t_start - 1, max(c.lo, c.t_start - 4) - 1, -1):
        t = c.doc[i]
        what = what_object(t) if t.pos_ == "VERB" else None
        if what is None:
            continue
        subj = subject_of(t)
        if subj is None or c.in_quote.inside(subj.idx):
            return None
        return mixed(c.doc, t, subj, what.idx, c.q.end, c.conf.governed_mixed)
    return None


def _cue_before_colon(c: QuoteContext):
    """X scolded him: “...”: a cue just before the quote, then a colon or comma."""
    before = c.before or _adjacent_cue(c)
    if before is None:
        return None
    t, subj = before
    if re.search(r"\w\W{0,3}[:,]\s*$", c.text[t.idx : c.q.start]) and (
        words(c.text, t.idx + len(t), c.q.start) <= 2
    ):
        return direct(c.doc, c.idx, c.q, t.i, subj.i, t.text, c.conf.cue_before_colon)
    return None


#: How many tokens before the colon the noun naming the words may stand.
_NOUN_TO_COLON = 6


def _words_noun_colon(c: QuoteContext):
    """X is rolling out a new message: “...”: a noun naming words, a colon, the quote;
    the speaker is the subject of the verb the noun belongs to."""
    i = c.t_start - 1
    if i <= c.lo or c.doc[i].text != ":":
        return None
    noun = next(  # 'a blunt new message for the summer:': the noun, a few words back
        (
            c.doc[k]
            for k in range(i - 1, max(c.lo, i - _NOUN_TO_COLON) - 1, -1)
            if c.doc[k].pos_ == "NOUN" and c.doc[k].lemma_.lower() in QUOTED_WORDS_NOUNS
        ),
        None,
    )
    if noun is None:
        return None
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if head.pos_ not in ("VERB", "AUX") or c.in_quote.inside(head.idx):
        return None
    subj = subject_of(head)
    if subj is None or c.in_quote.inside(subj.idx):
        return None
    return direct(c.doc, c.idx, c.q, head.i, subj.i, noun.text, c.conf.cue_before_colon)


def _cue_after(c: QuoteContext):
    """“...,” X said.: a cue after the quote, in its sentence (or the next, if split there)."""
    doc, text, q, sent = c.doc, c.text, c.q, c.sent
    if q.end >= c.pe:
        return None
    short = c.n_words < 5
    found = _cue_token(doc, c.t_end + 1, c.hi, c.in_quote, q=q if short else None)
    if (
        found is None
        and c.hi == sent.end < len(doc)
        and doc[sent.end].idx - q.end <= 1
        and text[q.start : q.end].rstrip("”’\"' ")[-1:] in ",?!"
    ):  # '“Why now?” Holt said.': the parser ended the sentence at the closing mark
        nxt_hi = min(doc[sent.end].sent.end, c.idx.tok_at(min(c.nxt, c.pe)) + 1, sent.end + 6)
        found = _cue_token(doc, sent.end, nxt_hi, c.in_quote)
    if found and found[0].dep_ in ("advcl", "relcl", "acl"):
        return None  # '"...," when Clinton blasted him': a subordinate clause, not the cue
    if not found:
        return None
    t, subj = found
    lead = doc[c.lo].idx
    if words(text, lead, q.start) >= 2:  # 'X is "crooked," Trump said.'
        return mixed(doc, t, subj, lead, q.end, c.conf.lead_then_quote)
    return direct(doc, c.idx, q, t.i, subj.i, t.text, c.conf.cue_after)


def _cue_before(c: QuoteContext):
    """X said “...” / X said the plan was “a disaster”: the cue before, in the sentence."""
    if c.before is None:
        return None
    doc, text, q, conf = c.doc, c.text, c.q, c.conf
    t, subj = c.before
    gap = text[t.idx + len(t) : q.start]
    prev = c.prev
    if prev is not None and prev.cue_start == t.idx and prev.end <= t.idx:
        # '"A," said X, who heads Y. "B."': the cue already spoke the quote before
        return direct(doc, c.idx, q, t.i, subj.i, t.text, conf.cue_repeated)
    hit = c.by_cue.get(t.i)
    if hit is not None and hit[0] not in c.used:
        ci, cc = hit  # 'said she has one quality: "Steadiness."': the clause runs into the quote
        if cc.end <= q.start and not words(text, cc.end, q.start) and cc.fragments is None:
            c.used.add(ci)
            return mixed(doc, t, subj, cc.start, q.end, conf.clause_into_quote)
    gov = _governed(t, q)
    if gov is not None and words(text, gov[0], q.start) >= 3:
        return mixed(doc, t, subj, gov[0], clause_end(doc, t, gov[1]), conf.governed_mixed)
    holder = gov and next(
        (
            ch
            for ch in t.rights
            if ch.dep_ in _RUN_ON_DEPS and ch.left_edge.idx <= q.start + 1 <= ch.right_edge.idx
        ),
        None,
    )
    if holder is not None and holder.dep_ in _RUN_ON_DEPS and not re.search(r"[:,]\s*$", gap):
        # 'noted several “intangibles” left him ...', 'reported “2,521 incidents” in the
        # city ...': the quote is part of the clause the cue reports, which runs on
        end = clause_end(doc, t, gov[1])
        if words(text, q.end, end) >= 2:
            return mixed(doc, t, subj, min(gov[0], q.start), end, conf.governed_mixed)
    if words(text, t.idx + len(t), q.start) >= 2 and not re.search(r"[:,]\s*(?:that\s*)?$", gap):
        sent, t_end, t_start = c.sent, c.t_end, c.t_start
        end_tok = min(sent.end, c.hi) - 1 if t_end < sent.end else t_end
        end_tok = max(end_tok, t_end)
        while end_tok > t_end and (doc[end_tok].is_punct or doc[end_tok].is_space):
            end_tok -= 1
        start_tok = t.i + 1
        while start_tok < t_start and (doc[start_tok].is_punct or doc[start_tok].dep_ == "prt"):
            start_tok += 1
        start, end = doc[start_tok].idx, max(q.end, doc[end_tok].idx + len(doc[end_tok]))
        if gov is not None:
            start, end = gov
        return mixed(doc, t, subj, start, end, conf.governed_mixed)
    return direct(doc, c.idx, q, t.i, subj.i, t.text, conf.cue_before)


def _said_colon_paragraph(c: QuoteContext):
    """X said:  (the previous paragraph ends with a colon) and the quote opens this one."""
    if not (c.q.start == c.ps and c.pi > 0):
        return None
    pps, ppe = c.idx.paras[c.pi - 1]
    if c.text[ppe - 1] != ":":
        return None
    lo = c.doc[c.idx.tok_at(ppe - 1)].sent.start
    found = _cue_token(
        c.doc, max(lo, c.idx.tok_at(pps)), c.idx.tok_at(ppe - 1) + 1, c.in_quote, True
    )
    if not found:
        return None
    t, subj = found
    cand = direct(c.doc, c.idx, c.q, t.i, subj.i, t.text, c.conf.said_colon_paragraph)
    cand.kind = "block"
    return cand


def _governing_verb_rule(c: QuoteContext):
    """Reid has been pounding Trump as a “con artist”: any verb of a named subject above it."""
    if (c.q.start == c.ps and c.n_words >= 3) or _modifier(c.doc, c.idx, c.q, c.n_words):
        return None
    gov = _governing_verb(c.doc, c.t_start, c.lo, c.in_quote)
    if gov is None:
        return None
    t, subj = gov
    span = _governed(t, c.q)
    if span is None:
        return None
    start = span[0]
    holder = next((ch for ch in t.rights if ch.left_edge.idx == start), None)
    if holder is not None and holder.lower_ == "as":
        # 'rated 32% of the claims as “false”': what is called "false" belongs to the statement
        obj = next((ch for ch in t.rights if ch.dep_ == "dobj" and ch.i < holder.i), None)
        if obj is not None and not c.in_quote.inside(obj.left_edge.idx):
            start = obj.left_edge.idx
    return mixed(c.doc, t, subj, start, clause_end(c.doc, t, span[1]), c.conf.governing_verb)


def _turn(c: QuoteContext, cand: Candidate | None) -> int | None:
    """The paragraph of ``cand`` if its quote opens that paragraph (a dialogue turn)."""
    if cand is None or cand.speaker_start is None:
        return None
    pi = c.idx.para_of(cand.start)
    return pi if c.idx.paras[pi][0] == cand.start else None


def _dialogue_turn(c: QuoteContext):
    """An exchange of short turns, one paragraph each: an unattributed turn is the reply
    of the speaker before last (“Will it close?” asked Hale. / “Not yet,” Berg said. /
    “And next year?” is Hale's)."""
    prev, earlier, q, text = c.prev, c.earlier, c.q, c.text
    if not (q.start == c.ps and q.end >= c.pe - 1) or c.n_words > DIALOGUE_TURN_WORDS:
        return None
    if _turn(c, prev) != c.pi - 1 or _turn(c, earlier) != c.pi - 2:
        return None
    who = [text[x.speaker_start : x.speaker_end].split()[-1].lower() for x in (prev, earlier)]
    if who[0] == who[1]:
        return None  # one speaker going on: not an exchange
    quoted = [text[x.start : x.end] for x in (earlier, prev)] + [text[q.start : q.end]]
    if not any("?" in piece for piece in quoted):
        return None  # no question asked: consecutive quotes in news, not a dialogue
    if any(len(piece.split()) > DIALOGUE_TURN_WORDS for piece in quoted):
        return None
    cand = direct(c.doc, c.idx, q, None, None, None, c.conf.dialogue_turn)
    cand.speaker_start, cand.speaker_end = earlier.speaker_start, earlier.speaker_end
    cand.speaker_tok = earlier.speaker_tok
    cand.cue, cand.cue_start = earlier.cue, earlier.cue_start
    return cand


def _continues_previous(c: QuoteContext):
    """A quote opening a paragraph right after another statement continues it."""
    prev, q = c.prev, c.q
    # '“No,” Peter said blankly. “Not today.”': a short second piece after the cue joins it
    short_piece = (
        prev is not None
        and prev.cue_start is not None
        and prev.end <= prev.cue_start < q.start
        and c.idx.para_of(prev.start) == c.pi
        and q.start - prev.end < 200
    )
    if (
        prev is None
        or (c.n_words < 3 and not short_piece)
        or not (q.start == c.ps or q.start - prev.end < 200)
        or c.idx.para_of(prev.end) < c.pi - 1
        or prev.speaker_start is None
    ):
        return None
    if q.start != c.ps and c.doc[c.idx.tok_at(max(prev.end - 1, 0))].sent == c.sent:
        return None  # 'After saying "A," she was "rushed off"': a phrase of the same sentence
    cand = direct(c.doc, c.idx, q, None, None, None, c.conf.continues_previous)
    cand.speaker_start, cand.speaker_end = prev.speaker_start, prev.speaker_end
    cand.speaker_tok = prev.speaker_tok
    cand.cue, cand.cue_start = prev.cue, prev.cue_start
    return cand


def _unattributed_opening(c: QuoteContext):
    """A long quotation opening a paragraph is a statement even with no source in sight."""
    if c.n_words >= 8 and c.q.start == c.ps:
        return direct(c.doc, c.idx, c.q, None, None, None, c.conf.unattributed_opening)
    return None


@dataclass(frozen=True)
class Rule:
    name: str
    apply: Callable[[QuoteContext], object]


#: The declared order: the first rule that answers decides.
RULES: tuple[Rule, ...] = (
    Rule("embedded_post", _embedded_post),
    Rule("epigraph_dash", _epigraph_dash),
    Rule("pull_quote_name", _pull_quote_name),
    Rule("title_not_speech", _title_not_speech),
    Rule("inverted_cue", _inverted_cue),
    Rule("according_before", _according_before),
    Rule("as_put_it", _as_put_it),
    Rule("what_called", _what_called),
    Rule("cue_before_colon", _cue_before_colon),
    Rule("words_noun_colon", _words_noun_colon),
    Rule("cue_after", _cue_after),
    Rule("cue_before", _cue_before),
    Rule("said_colon_paragraph", _said_colon_paragraph),
    Rule("governing_verb", _governing_verb_rule),
    Rule("dialogue_turn", _dialogue_turn),
    Rule("continues_previous", _continues_previous),
    Rule("unattributed_opening", _unattributed_opening),
)


def search(ctx: QuoteContext, rules: tuple[Rule, ...] = RULES) -> Candidate | None:
    """The first rule's candidate for ``ctx.q`` (with the rule's name), or None."""
    for rule in rules:
        found = rule.apply(ctx)
        if found is STOP:
            return None
        if found is not None:
            found.rule = rule.name
            return found
    return None


def _modifier(doc: Doc, idx: Index, q: QuoteSpan, n_words: int) -> bool:
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
