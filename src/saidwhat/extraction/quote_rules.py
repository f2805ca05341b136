"""Rules for a quotation that no cue clause reaches: each a small named unit, tried in order.

The rules that read the parse live here; those that read layout and wording
(posts, pull quotes, titles, ``Said X:``, ``as X put it``, dialogue turns) in
:mod:`.quote_layout`, the quote's surroundings in :mod:`.quote_context`.

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

from .builders import (
    Index,
    QuoteMask,
    clause_end,
    direct,
    mixed,
    set_off_quote,
    what_object,
    whole_sentence,
    words,
)
from .candidate import Candidate
from .indirect import doc_text, subject_of
from .lexicon import (
    ALL_CUE_LEMMAS,
    EVALUATION_VERBS,
    LABEL_VERBS,
    OBJECT_CUES,
    QUOTED_WORDS_NOUNS,
    SPEECH_VERBS,
    TERM_NOUNS,
)
from .quote_context import STOP, QuoteContext, cue_token
from .quote_layout import (
    as_put_it,
    continues_previous,
    dialogue_turn,
    embedded_post,
    epigraph_dash,
    inverted_cue,
    pull_quote_name,
    title_not_speech,
    unattributed_opening,
)
from .quotes import QuoteSpan

__all__ = ["RULES", "STOP", "QuoteContext", "Rule", "colon_cue", "search"]

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: A dash opening an aside after a quotation.
_ASIDE = re.compile(r"[ \t\u00a0]+[-—–―]{1,2}[ \t\u00a0]+\w")
#: Verbs a scare-quoted phrase under them may be attributed through.
_CHARACTERISING = ALL_CUE_LEMMAS | EVALUATION_VERBS
#: Verbs by which an organisation's ``it`` quotes words (the resolver finds the body).
_SAYING_FOR_IT = SPEECH_VERBS | OBJECT_CUES


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
#: Verbs that label in the passive (``what is being criticized as “X”``).
_PASSIVE_LABELS = LABEL_VERBS | {"criticize", "criticise", "describe", "hail", "deride"}
#: The longest quote taken for a named phrase (``the phrase “X”``).
_PHRASE_WORDS = 6


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
            # 'the fund ... it referenced “political tensions”': a body's 'it' with a verb
            # of saying (not 'it looks “odd”')
            or (subj.lower_ == "it" and t.lemma_.lower() in _SAYING_FOR_IT)
            # 'Another critic, Tomas Hale, likened ...': the apposition names the subject
            or any(ch.dep_ == "appos" and ch.ent_type_ == "PERSON" for ch in subj.children)
        ):
            return t, subj
    return None


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
    if c.doc[i].text == ":":  # 'X told reporters: “...”': the verb and its object
        return colon_cue(c.doc, c.idx, c.in_quote, c.q)
    return cue_token(c.doc, max(c.lo, i - 1), i, c.in_quote)


def colon_cue(doc: Doc, idx: Index, in_quote: QuoteMask, q: QuoteSpan):
    """The cue verb (and subject) right before a colon that opens quote ``q``
    (``X scolded him: “...”``), or None."""
    i = idx.tok_at(q.start) - 1
    if i < 1 or doc[i].text != ":":
        return None
    return cue_token(doc, max(doc[i].sent.start, i - 2), i, in_quote)


def _what_called(c: QuoteContext):
    """… what it calls “the biggest attack in history”: the relative clause naming
    the quoted words is the statement, from ``what`` to the quote."""
    for i in range(c.t_start - 1, max(c.lo, c.t_start - 4) - 1, -1):
        t = c.doc[i]
        what = what_object(t) if t.pos_ == "VERB" else None
        if what is None:
            passive = _what_passive(t)
            if passive is not None:
                return passive(c)
            continue
        subj = subject_of(t)
        if subj is None or c.in_quote.inside(subj.idx):
            return None
        return mixed(c.doc, t, subj, what.idx, c.q.end, c.conf.governed_mixed)
    return None


def _what_passive(t):
    """``in what is being criticized as a “pay or stay ashore” rule``: a passive label
    verb whose subject is ``what``; the statement is from ``what`` to the quote, said
    by nobody named."""
    if t.pos_ != "VERB" or t.tag_ != "VBN" or t.lemma_.lower() not in _PASSIVE_LABELS:
        return None
    what = next((ch for ch in t.lefts if ch.dep_ == "nsubjpass" and ch.lower_ == "what"), None)
    if what is None:
        return None

    def build(c: QuoteContext):
        cand = direct(c.doc, c.idx, c.q, t.i, None, t.text, c.conf.governed_mixed)
        cand.start, cand.kind = what.idx, "mixed"
        return cand

    return build


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
    found = cue_token(doc, c.t_end + 1, c.hi, c.in_quote, q=q if short else None)
    if (
        found is None
        and c.hi == sent.end < len(doc)
        and doc[sent.end].idx - q.end <= 1
        and text[q.start : q.end].rstrip("”’\"' ")[-1:] in ",?!"
    ):  # '“Why now?” Holt said.': the parser ended the sentence at the closing mark
        nxt_end = min(doc[sent.end].sent.end, c.idx.tok_at(min(c.nxt, c.pe)) + 1)
        found = cue_token(doc, sent.end, min(nxt_end, sent.end + 6), c.in_quote)
        if found is None:  # '“Q!” Hale's niece, state Del. Ana Lund, shouted.': a long subject
            found = cue_token(doc, sent.end, nxt_end, c.in_quote)
            if found is not None and not (
                found[0].dep_ == "ROOT" and found[1].left_edge.i == sent.end
            ):
                found = None
    if found and found[0].dep_ in ("advcl", "relcl", "acl"):
        return None  # '"...," when Clinton blasted him': a subordinate clause, not the cue
    if not found:
        return None
    t, subj = found
    lead = doc[c.lo].idx
    if set_off_quote(doc, c.idx, text, lead, q) and colon_cue(doc, c.idx, c.in_quote, q):
        return None  # 'X scolded him: “A,” she said': the cue before the colon (a rule before)
    if words(text, lead, q.start) >= 2 and not set_off_quote(doc, c.idx, text, lead, q):
        # 'X is "crooked," Trump said.' (but 'Asked about it, “No,” Trump said' is direct)
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
        end = clause_end(doc, t, gov[1])
        return _reported(doc, text, t, subj, gov[0], end, q, conf.governed_mixed)
    holder = gov and next(
        (
            ch
            for ch in t.rights
            if ch.dep_ in _RUN_ON_DEPS and ch.left_edge.idx <= q.start + 1 <= ch.right_edge.idx
        ),
        None,
    )
    if (
        holder is not None
        and holder.dep_ in _RUN_ON_DEPS
        and not re.search(r"[:,]\s*$", gap)
        and not whole_sentence(doc, c.idx, text, q)
    ):
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
        return _reported(doc, text, t, subj, start, end, q, conf.governed_mixed)
    return direct(doc, c.idx, q, t.i, subj.i, t.text, conf.cue_before)


#: A time or place phrase between a cue and its ``that`` clause, which the parser may
#: have taken for a relative clause (``tweeted in the early hours that B was ...``).
_THAT_AFTER_TIME = re.compile(
    r"(?:in|on|at|during|after|before|late|early|overnight|this|last)\b[^,;:“”\"]{0,60}?"
    r"\s(?P<that>that)\b",
    re.IGNORECASE,
)


def _before_next_verb(doc: Doc, t, after: int, end: int) -> int:
    """``end``, or the end of the words before a verb conjoined to cue ``t`` after char
    ``after``: ``tweeted that B was “a fraud” and encouraged voters to ...`` is two
    reports (the second with its own cue)."""
    for ch in t.rights:
        if ch.dep_ == "conj" and ch.pos_ == "VERB" and after <= ch.idx < end:
            k = ch.left_edge.i - 1
            while k > t.i and (doc[k].dep_ == "cc" or doc[k].is_punct or doc[k].is_space):
                k -= 1
            return max(after, doc[k].idx + len(doc[k]))
    return end


def _reported(doc: Doc, text: str, t, subj, start: int, end: int, q: QuoteSpan, conf: float):
    """The mixed statement of cue ``t`` from ``start`` to ``end``, without a time phrase
    before its ``that`` and without a second verb of the same subject after the quote."""
    m = _THAT_AFTER_TIME.match(text, start, q.start)
    if m is not None:  # 'tweeted in the early hours that B was “a fraud”'
        start = m.start("that")
    return mixed(doc, t, subj, start, _before_next_verb(doc, t, q.end, end), conf)


def _said_colon_paragraph(c: QuoteContext):
    """X said:  (the previous paragraph ends with a colon) and the quote opens this one."""
    if not (c.q.start == c.ps and c.pi > 0):
        return None
    pps, ppe = c.idx.paras[c.pi - 1]
    if c.text[ppe - 1] != ":":
        return None
    lo = c.doc[c.idx.tok_at(ppe - 1)].sent.start
    found = cue_token(
        c.doc, max(lo, c.idx.tok_at(pps)), c.idx.tok_at(ppe - 1) + 1, c.in_quote, True
    )
    if not found:
        return None
    t, subj = found
    cand = direct(c.doc, c.idx, c.q, t.i, subj.i, t.text, c.conf.said_colon_paragraph)
    cand.kind = "block"
    return cand


def _named_phrase(c: QuoteContext):
    """Hale has used the phrase “harbour thieves” for years: the quote names the words the
    subject of the verb said (the noun ``phrase``, ``term``, ``word`` in apposition)."""
    if c.n_words > _PHRASE_WORDS:
        return None
    last = c.doc[c.idx.tok_at(max(c.q.end - 2, c.q.start))]
    while last.head.i != last.i and c.q.start <= last.head.idx < c.q.end:
        last = last.head  # the head of the quoted words
    noun = last.head
    if last.dep_ not in ("appos", "compound", "dobj") or noun.lemma_.lower() not in TERM_NOUNS:
        return None
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or c.in_quote.inside(verb.idx):
        return None
    subj = subject_of(verb)
    if subj is None or c.in_quote.inside(subj.idx) or subj.pos_ not in ("PROPN", "PRON"):
        return None
    return direct(c.doc, c.idx, c.q, verb.i, subj.i, verb.text, c.conf.governing_verb)


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


@dataclass(frozen=True)
class Rule:
    name: str
    apply: Callable[[QuoteContext], object]


#: The declared order: the first rule that answers decides.
RULES: tuple[Rule, ...] = (
    Rule("embedded_post", embedded_post),
    Rule("epigraph_dash", epigraph_dash),
    Rule("pull_quote_name", pull_quote_name),
    Rule("title_not_speech", title_not_speech),
    Rule("inverted_cue", inverted_cue),
    Rule("according_before", _according_before),
    Rule("as_put_it", as_put_it),
    Rule("what_called", _what_called),
    Rule("cue_before_colon", _cue_before_colon),
    Rule("words_noun_colon", _words_noun_colon),
    Rule("cue_after", _cue_after),
    Rule("cue_before", _cue_before),
    Rule("said_colon_paragraph", _said_colon_paragraph),
    Rule("named_phrase", _named_phrase),
    Rule("governing_verb", _governing_verb_rule),
    Rule("dialogue_turn", dialogue_turn),
    Rule("continues_previous", continues_previous),
    Rule("unattributed_opening", unattributed_opening),
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
