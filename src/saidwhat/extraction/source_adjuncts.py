"""Sentences opened by their source: ``By X's own admission, ...``, ``As X noted, ...``.

An adjunct at the start of a sentence can name whose account, view, proposal or
finding the rest of the sentence is, like ``According to X, ...``:

- ``By Lund's own admission, the pier was never safe.`` (an account: ``by``);
- ``In Lund's view, the levy is a tax on the poor.`` (a view: ``in``);
- ``Under Lund's plan, ferries would run every hour.`` (a proposal: ``under``);
- ``In a new poll, Berg leads Hale by four points.`` (a finding: ``in`` a poll);
- ``As Lund noted, the fares doubled.`` / ``As stated in Lund's report, ...`` (an aside).

The statement is the rest of the sentence after the adjunct's comma; its source is
the possessor (or the poll, or the subject of the aside). Each is a
:class:`~.clause_spans.CueClause` marked ``according``, so the quote rules treat it
like ``according to``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .clause_spans import CueClause, trim
from .lexicon import (
    BELIEF_VERBS,
    FINDING_SOURCES,
    SPEECH_VERBS,
    TOPIC_PREPS,
)
from .lexicon_layout import (
    AS_SOURCE_VERBS,
    SOURCE_ADJUNCT_NOUNS,
)
from .settings import Confidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: The fewest words of the statement after the adjunct.
_MIN_WORDS = 4
#: Verbs by which the clause after the adjunct reports on its own.
_OWN_REPORT_VERBS = SPEECH_VERBS | BELIEF_VERBS
#: Where a clause after an aside ends: the verb heading it is one of these to its head.
_CLAUSE_DEPS = frozenset({"ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp"})
#: Complements that make an ``as`` clause say something of its own (``As she said goodbye``).
_OWN_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp"})


def source_adjuncts(doc: Doc, conf: Confidence = Confidence()) -> list[CueClause]:  # noqa: B008
    """The statements of ``doc`` whose sentence opens with the name of their source."""
    out = []
    for sent in doc.sents:
        first = _first_word(sent)
        if first is None:
            continue
        found = _prep_source(first) if first.dep_ == "prep" else None
        if found is None and first.lower_ == "as" and first.dep_ == "mark":
            found = _as_source(first)
        if found is not None:
            adjunct_end, speaker = found
            cc = _clause(doc, sent, first, adjunct_end, speaker, sent.end - 1, conf.source_adjunct)
            if cc is not None:
                out.append(cc)
            continue
        out.extend(_inner_asides(doc, sent, conf.source_adjunct))
    return out


def _inner_asides(doc: Doc, sent: Span, strength: float) -> list[CueClause]:
    """``If, as I have suggested, the levy fails, ...``: an aside set off by commas before
    the clause it comments on, inside the sentence; the statement is that clause."""
    out = []
    for mark in sent:
        if mark.lower_ != "as" or mark.dep_ != "mark" or doc[mark.i - 1].text != ",":
            continue
        found = _as_source(mark)
        if found is None:
            continue
        adjunct_end, speaker = found
        if doc[adjunct_end].text == ",":
            adjunct_end -= 1
        if adjunct_end + 2 >= sent.end:
            continue
        verb = doc[adjunct_end + 2]  # the clause after the aside, up to its own verb
        while verb.dep_ not in _CLAUSE_DEPS and verb.head.i != verb.i:
            verb = verb.head
        if verb.i <= adjunct_end:
            continue
        last = verb.right_edge.i
        if _first_word(sent).dep_ == "mark":  # 'If, as I suggested, A, B': A, not B
            last = next((t.i - 1 for t in doc[adjunct_end + 2 : last + 1] if t.text == ","), last)
        cc = _clause(doc, sent, mark, adjunct_end, speaker, last, strength)
        if cc is not None:
            out.append(cc)
    return out


def _first_word(sent: Span) -> Token | None:
    """The sentence's first word past a conjunction (``But by his own admission, ...``)."""
    for tok in sent:
        if tok.is_space or tok.is_punct or tok.dep_ == "cc":
            continue
        return tok
    return None


def _prep_source(prep: Token) -> tuple[int, Token] | None:
    """``By X's own admission`` / ``In X's view`` / ``Under X's plan`` / ``In a poll``."""
    # the last object: 'In Councillor Hale's view' may parse with 'Councillor' as one too
    pobj = next((c for c in reversed(list(prep.children)) if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    lemma = pobj.lemma_.lower()
    if lemma in SOURCE_ADJUNCT_NOUNS.get(prep.lower_, ()):
        owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
        if owner is None:  # 'in the view of X'
            of = next((c for c in pobj.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return (prep.right_edge.i, owner) if owner is not None else None
    if prep.lower_ == "in" and lemma in FINDING_SOURCES:
        return prep.right_edge.i, pobj
    return None


def _as_source(mark: Token) -> tuple[int, Token] | None:
    """``As X noted,`` / ``As stated in X,`` / ``As reported by X,``: an aside with its source."""
    verb = mark.head
    if verb.lemma_.lower() not in AS_SOURCE_VERBS or verb.dep_ != "advcl":
        return None
    kids = list(verb.children)
    if any(c.dep_ in _OWN_OBJECTS and c.lower_ != "it" for c in kids):
        return None  # 'As she said goodbye, ...': the clause has an object of its own
    if any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPS for c in kids):
        return None  # 'As Berg talked about the pier, ...': a topic, not an aside
    source = next((c for c in kids if c.dep_ == "nsubj"), None)
    if source is None:  # 'As stated in X's report' / 'as reported by X'
        for c in kids:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by"):
                source = next((g for g in c.children if g.dep_ == "pobj"), None)
                break
    return (verb.right_edge.i, source) if source is not None else None


def _clause(
    doc: Doc, sent: Span, first: Token, adjunct_end: int, speaker: Token, last: int, strength: float
) -> CueClause | None:
    """What follows the adjunct's comma up to token ``last``, unless a verb of saying with
    its own subject reports it (``In the poll, most voters said ...``: theirs)."""
    if doc[adjunct_end].text == ",":  # the parser may hang the comma on the aside
        adjunct_end -= 1
    comma = adjunct_end + 1
    if comma >= sent.end or doc[comma].text != ",":
        return None
    for t in doc[comma + 1 : last + 1]:  # the clause's own verb: its head lies outside it
        if comma < t.head.i <= last and t.head.i != t.i:
            continue
        if t.lemma_.lower() in _OWN_REPORT_VERBS and any(c.dep_ == "nsubj" for c in t.children):
            return None
    span = trim(doc, comma + 1, last)
    if span is None or len(doc.text[span[0] : span[1]].split()) < _MIN_WORDS:
        return None
    return CueClause(
        cue_i=first.i,
        cue=doc[first.i : adjunct_end + 1].text,
        start=span[0],
        end=span[1],
        speaker_i=speaker.i,
        strength=strength,
        according=True,
        rule="source_adjunct",
    )
