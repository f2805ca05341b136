"""Verb constructions the clause rules do not read (rules of :mod:`.indirect`).

Each function looks at one cue token and returns the :class:`CueClause` of its form,
or None; :func:`verb_form` tries them in order. They fire only where the clause and
object rules of :mod:`.indirect` find nothing:

- ``Hale compared the levy to a toll``: a comparison someone draws is their view, the
  object and what it is likened to (``comparison_object``);
- ``Berg did not know how the fund was spent``, ``Hale realized why ...``: a question
  under a verb of knowing or deciding is what the holder knew or asked
  (``wh_cognition``);
- ``Berg said as much``, ``Hale thinks so``: a pro-form object stands for what was said
  (``pro_form``);
- ``Harbour Board Votes To Close Pier``, ``The Hale campaign plans to ...``: an
  intention verb the tagger took for a plural noun, its subject hung on it as a
  compound (``noun_tagged_intent``).

The word lists live in :mod:`.lexicon` and :mod:`.lexicon_verbs`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .clause_spans import CueClause, trim
from .clause_speakers import speaker_index
from .lexicon import (
    BELIEF_VERBS,
    INTENT_VERBS,
    NOT_SOURCES,
    PHYSICAL_TARGET_ENTS,
    SPEECH_VERBS,
    WH_WORDS,
)
from .lexicon_verbs import (
    COMPARISON_PREPS,
    COMPARISON_VERBS,
    FASTENED_THINGS,
    IT_EMPTY_VERBS,
    OBLIGATION_MODALS,
    PRO_FORM_VERBS,
    WH_COGNITION_VERBS,
    WITHHELD_SPEECH_VERBS,
    WITHHOLDING_VERBS,
)
from .settings import Confidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Every lemma a rule here starts from (added to the cue token filter of :mod:`.indirect`).
VERB_FORM_LEMMAS = (
    COMPARISON_VERBS | WH_COGNITION_VERBS | PRO_FORM_VERBS | INTENT_VERBS | WITHHELD_SPEECH_VERBS
)
#: Dependencies of a wh-complement the clause rules leave unread (a ``ccomp`` under a
#: verb of saying or belief is theirs).
_WH_DEPS = frozenset({"ccomp", "xcomp", "dobj", "advcl"})


def _source(doc: Doc, tok: Token, speech: bool = False) -> tuple[bool, int | None]:
    """Whether ``tok`` may have a source, and the token index of its speaker: not when
    its subject is no source (``you``, ``anyone``, or an empty ``it`` of a verb that is
    not of saying)."""
    i = speaker_index(tok)
    if i is None:
        return True, None
    subj = doc[i]
    return not (subj.lower_ in NOT_SOURCES or (subj.lower_ == "it" and not speech)), i


def _physical(tok: Token) -> bool:
    """A vessel, building or place (``the boat``, ``the pier``), not an idea."""
    return tok.ent_type_ in PHYSICAL_TARGET_ENTS or tok.lemma_.lower() in FASTENED_THINGS


def comparison_object(doc: Doc, tok: Token, lemma: str, strength: float) -> CueClause | None:
    """``Hale likened the levy to a toll``, ``Berg linked the delays to the budget cuts``:
    the object and the ``to``/``with`` phrase after it (a comparison is the subject's view;
    without that phrase, ``compared prices``, it is an act; with quoted words in it,
    ``likened X to a "trap"``, it is a mixed quote of the quote rules)."""
    if lemma not in COMPARISON_VERBS or tok.pos_ != "VERB" or tok.tag_ == "VBN":
        return None
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    prep = next(
        (
            c
            for c in tok.rights
            if c.i > obj.i and c.dep_ == "prep" and c.lower_ in COMPARISON_PREPS[lemma]
        ),
        None,
    )
    if prep is None or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    things = (obj, *(c for c in prep.children if c.dep_ == "pobj"))
    if any(_physical(t) for t in things):
        return None  # 'tied the boat to the pier': a fastening, not a view
    if any(t.is_quote for t in doc[obj.left_edge.i : prep.right_edge.i + 1]):
        return None  # 'likened X to a "trap"': the quote rules read what it quotes
    ok, speaker = _source(doc, tok)
    if not ok:
        return None
    span = trim(doc, obj.left_edge.i, prep.right_edge.i)
    if span is None:
        return None
    return CueClause(tok.i, tok.text, span[0], span[1], speaker, strength, rule="comparison_object")


def _withheld(tok: Token) -> bool:
    """``did not say``, ``declined to say``: a verb of saying that says nothing."""
    return any(c.dep_ == "neg" for c in tok.children) or (
        tok.dep_ == "xcomp" and tok.head.lemma_.lower() in WITHHOLDING_VERBS
    )


def wh_cognition(doc: Doc, tok: Token, lemma: str, strength: float) -> CueClause | None:
    """``Berg did not know how the fund was spent``: the wh-clause after a verb of knowing,
    wondering or deciding (``realize how``, ``fathom why``, ``decide who``) that the clause
    rules do not read (a ``ccomp`` of a verb of saying or belief is theirs)."""
    if tok.pos_ != "VERB":
        return None
    if lemma not in WH_COGNITION_VERBS and not (lemma in WITHHELD_SPEECH_VERBS and _withheld(tok)):
        return None
    comp = next(
        (
            c
            for c in tok.rights
            if c.dep_ in _WH_DEPS
            and c.left_edge.i > tok.i
            and doc[c.left_edge.i].lower_ in WH_WORDS
            and c.pos_ in ("VERB", "AUX")
        ),
        None,
    )
    if comp is None:
        return None
    if comp.dep_ == "ccomp" and lemma in (SPEECH_VERBS | BELIEF_VERBS):
        return None  # the speech and belief clause rules read it
    if comp.dep_ == "advcl" and any(c.dep_ == "dobj" for c in tok.children):
        return None  # 'did not say anything when he left': when, not what
    ok, speaker = _source(doc, tok)
    if not ok or speaker is None:
        return None  # 'you never know what ...': no one's view
    span = trim(doc, comp.left_edge.i, comp.right_edge.i)
    if span is None:
        return None
    return CueClause(tok.i, tok.text, span[0], span[1], speaker, strength, rule="wh_cognition")


def pro_form(doc: Doc, tok: Token, lemma: str, strength: float) -> CueClause | None:
    """``Berg said as much``, ``Hale thinks so``, ``Lund said the same of the board``: the
    pro-form that stands for what was said or believed (not ``as much about X as``, a
    comparison, nor ``said so far``)."""
    if lemma not in PRO_FORM_VERBS or tok.pos_ != "VERB":
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in tok.children):
        return None  # 'the board should say so': what someone ought to say, not a report
    start = end = None
    for c in tok.rights:
        nxt = doc[c.i + 1] if c.i + 1 < len(doc) else None
        if c.lower_ == "much" and c.i > 0 and doc[c.i - 1].lower_ == "as":
            if nxt is not None and nxt.lower_ in ("about", "as"):
                return None
            start, end = c.i - 1, c.i
        elif c.lower_ == "so" and c.dep_ in ("advmod", "dobj") and c.i == tok.i + 1:
            if nxt is not None and nxt.lower_ in ("far", "much", "many"):
                return None
            start = end = c.i
        elif c.lower_ == "same" and c.dep_ in ("dobj", "npadvmod") and doc[c.i - 1].lower_ == "the":
            start, end = c.i - 1, c.i
            of = next((p for p in c.rights if p.dep_ == "prep" and p.lower_ == "of"), None)
            if of is not None:
                end = of.right_edge.i  # 'the same of the board': of whom
            elif nxt is not None and nxt.lower_ == "thing":
                end = nxt.i
        if start is not None:
            break
    if start is None:
        return None
    ok, speaker = _source(doc, tok, speech=lemma in SPEECH_VERBS)
    if not ok or speaker is None:
        return None
    first, last = doc[start], doc[end]
    return CueClause(
        tok.i,
        tok.text,
        first.idx,
        last.idx + len(last),
        speaker,
        strength,
        rule="pro_form",
        min_words=1,
    )


def noun_tagged_intent(doc: Doc, tok: Token, lemma: str, strength: float) -> CueClause | None:
    """``The Hale campaign plans to close the pier``, ``Harbour Board Votes To Close Pier``:
    an intention verb tagged as a plural noun heading the sentence, its subject hung on it
    as a compound, and an infinitive right after it."""
    if lemma not in INTENT_VERBS or tok.pos_ != "NOUN" or tok.tag_ != "NNS":
        return None
    if tok.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "poss", "det") for c in tok.children):
        return None
    subj = next((c for c in tok.lefts if c.dep_ == "compound" and c.i == tok.i - 1), None)
    if subj is None or tok.i + 2 >= len(doc):
        return None
    to, verb = doc[tok.i + 1], doc[tok.i + 2]
    if to.lower_ != "to" or verb.tag_ != "VB" or to.head.i != verb.i or verb.head.i != tok.i:
        return None
    span = trim(doc, to.i, verb.right_edge.i, cut=False)
    if span is None:
        return None
    return CueClause(tok.i, tok.text, span[0], span[1], subj.i, strength, rule="noun_tagged_intent")


def it_names_source(tok: Token, rule: str, speech: bool) -> bool:
    """Whether ``it`` as the subject of cue ``tok`` (read by ``rule``; ``speech``: a verb
    of saying) is a body named before (a paper, a party, a board) rather than the empty
    ``it`` of ``it seems``: the subject of a verb of saying, of an intention (``it wants
    to release the files``, not ``it promises to be a long night``) or of standing for
    or against a named person (``it backed Hale``, ``it criticized Lund``)."""
    if rule == "intent_clause":
        return not any(c.dep_ == "xcomp" and c.lemma_ in IT_EMPTY_VERBS for c in tok.children)
    if speech:
        return True
    if rule != "object_cue":
        return False
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    return obj is not None and obj.ent_type_ in ("PERSON", "ORG", "NORP")


def one_of(subj: Token) -> bool:
    """``one of its members``, ``one or more of the judges``: ``one`` counting people named
    after it, a source (not the generic ``one`` of ``one can never know``)."""
    if subj.lower_ != "one":
        return False
    heads = [subj, *(c for c in subj.children if c.dep_ == "conj")]
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" for p in c.children)
        for h in heads
        for c in h.children
    )


def verb_form(doc: Doc, tok: Token, lemma: str, conf: Confidence) -> CueClause | None:
    """The first form of this module that ``tok`` (lemma ``lemma``) is the cue of."""
    return (
        noun_tagged_intent(doc, tok, lemma, conf.intent_clause)
        or comparison_object(doc, tok, lemma, conf.object_cue)
        or wh_cognition(doc, tok, lemma, conf.belief_clause)
        or pro_form(doc, tok, lemma, conf.speech_clause)
    )
