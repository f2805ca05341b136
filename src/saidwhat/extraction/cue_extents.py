"""Where an object cue's content starts and ends, for forms the parse gets wrong.

- ``accused Kim of "recklessness"``: the charge (after ``of``) is what was said; the
  accused is whom it is about. The parser hangs ``of`` on the verb or on its object.
- ``to accuse X of being "duped" and encourage voters to ...``: a verb joined to the
  content in the cue's own form (``encourage`` like ``accuse``, unlike ``duped``) is
  the speaker's next act, which the parser hung inside the content; its speaker is
  the speaker of the verb it joins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import ALL_CUE_LEMMAS, CHARGE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


def charge_start(cue: Token, lemma: str, obj: Token) -> int | None:
    """The first token of the charge of ``accused <obj> of <charge>``, or None."""
    if lemma not in CHARGE_VERBS:
        return None
    for head in (obj, cue):
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > obj.i:
                body = next((c for c in prep.rights if c.dep_ in ("pobj", "pcomp")), None)
                if body is not None:
                    return body.left_edge.i
    return None


def cue_conjunct_end(cue: Token, start: int, end: int) -> int:
    """``end``, or the token before ``and <verb>`` when that verb is in the cue's form
    (a bare verb after a bare ``accuse``) but not in its own head's: the next act."""
    doc = cue.doc
    for tok in doc[start : end + 1]:
        if (
            tok.dep_ == "conj"
            and tok.pos_ == "VERB"
            and tok.tag_ == cue.tag_
            and tok.head.tag_ != cue.tag_
            and tok.head.i >= start
            and tok.i > start + 1
            and doc[tok.i - 1].dep_ == "cc"
        ):
            return tok.i - 2
    return end


def misplaced_conjunct_head(tok: Token) -> Token | None:
    """The cue ``tok`` joins when the parser hung it inside that cue's content: for
    ``encourage`` in ``to accuse X of being "duped" and encourage voters to ...``, the
    nearest verb above it in its own form (``accuse``), whose subject speaks it too.
    Only a cue: ``the show proved a haven ... and offered him a platform`` joins no
    statement."""
    if tok.dep_ != "conj" or tok.head.tag_ == tok.tag_:
        return None
    up = tok.head
    for _ in range(6):
        if up.head is up:
            return None
        up = up.head
        if up.pos_ == "VERB" and up.tag_ == tok.tag_:
            return up if up.lemma_.lower() in ALL_CUE_LEMMAS else None
    return None
