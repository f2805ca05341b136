"""Reading the dependency parse for the coder: arguments of a word, depth, titles, dates.

Small functions over spaCy tokens; nothing here knows about PLOVER types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actors import DocContext
from .model import Event

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Complement dependencies of a frame verb.
COMPLEMENTS = ("xcomp", "ccomp", "pcomp")
SUBJECTS = ("nsubj", "csubj", "expl")
#: A sentence that ends without one of these and has this share of capitalised words is a title.
HEADLINE_ENDINGS = frozenset('.!?:;"”’)»')
HEADLINE_CAPITALISED_SHARE = 0.6


def is_headline(sent: Span, doc_text: str) -> bool:
    """A one-line title: no closing punctuation and mostly capitalised words."""
    text = doc_text[sent.start_char : sent.end_char].strip()
    if not text or "\n" in text or text[-1] in HEADLINE_ENDINGS:
        return False
    words = [t.text for t in sent if t.is_alpha]
    if len(words) < 2:
        return False
    upper = sum(1 for w in words if w[0].isupper())
    return upper / len(words) >= HEADLINE_CAPITALISED_SHARE


def cited_date(ev: Event, text: str, citations) -> str | None:
    """The date of a citation closing the event's paragraph (on it, or on the next line block)."""
    for c in citations:
        if c.start >= ev.end:
            return c.date if text.count("\n\n", ev.end, c.start) <= 1 else None
    return None


def paragraph_statement(ev: Event, ctx: DocContext) -> int | None:
    """A statement in the event's paragraph (its citation dates a reported action)."""
    text = ctx.text
    lo = text.rfind("\n\n", 0, ev.start)
    hi = text.find("\n\n", ev.end)
    hi = len(text) if hi < 0 else hi
    for i, st in enumerate(ctx.statements):
        if lo < st.quote_start < hi and st.date:
            return i
    return None


def child_with(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def object_of(tok: Token) -> Token | None:
    return child_with(tok, ("dobj", "obj"))


def passive_patient(tok: Token) -> Token | None:
    """The passive subject of ``tok``, through a relative pronoun to its noun."""
    subj = child_with(tok, ("nsubjpass",))
    if subj is not None and subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
        return tok.head
    return subj


def complement(tok: Token) -> Token | None:
    return child_with(tok, COMPLEMENTS)


def subject_of(tok: Token) -> Token | None:
    """The subject of ``tok``'s clause: its own, else that of the verb it is conjoined to or complements."""
    cur = tok
    for _ in range(4):
        subj = child_with(cur, SUBJECTS)
        if subj is not None:
            return subj
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ == "acomp" and cur.head.i != cur.i:
            cur = cur.head
            continue
        return None
    return None


def prep_objects(tok: Token, preps: tuple[str, ...], dep: str = "prep") -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == dep and (dep == "agent" or c.lower_ in preps):
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 100:
        tok = tok.head
        d += 1
    return d


def depth_below(tok: Token, ancestor: Token) -> int:
    d = 0
    while tok.i != ancestor.i and tok.head.i != tok.i and d < 100:
        tok = tok.head
        d += 1
    return d


def statement_for(tok: Token, sent: Span, ctx: DocContext) -> int | None:
    """The statement whose quotation holds the trigger, or whose cue (or speaker) it is."""
    off = tok.idx
    for i, st in enumerate(ctx.statements):
        pieces = st.fragments or [[st.quote_start, st.quote_end]]
        if any(s <= off < e for s, e in pieces):
            return i
    for i, st in enumerate(ctx.statements):
        if st.speaker_start is None or not (sent.start_char <= st.speaker_start < sent.end_char):
            continue
        cue = (st.cue or "").lower().split()
        if tok.lower_ in cue or (cue and tok.lemma_.lower() == cue[0]):
            return i
    return None
