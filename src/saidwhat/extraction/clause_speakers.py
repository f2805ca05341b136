"""Who a cue's statement is by: the subject of the cue, inherited or recovered.

Shared by the cue-clause rules of :mod:`.indirect` and the quote rules: a cue's
subject (``subject_of``), the owner of a document noun (``The Embassy's
statement`` -> the Embassy), a misparsed subject (``fallback_subject``) and the
char span of a speaker mention (``np_span``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import DOCUMENT_NOUNS, MID_CLAUSE_PRONOUNS, SPEECH_VERBS
from .parsed import parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_NP_LEFT = frozenset(
    """det poss compound amod nmod nummod quantmod case predet punct advmod npadvmod""".split()  # noqa: SIM905
)


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once (:class:`~.parsed.Parsed`)."""
    return parsed(doc).text


def doc_ents(doc: Doc) -> tuple:
    """``doc.ents`` and a token index -> entity map, built once (:class:`~.parsed.Parsed`)."""
    p = parsed(doc)
    return p.ents, p.ent_by_tok


def np_span(doc: Doc, head: Token) -> tuple[int, int]:
    """Char span of the core of the noun phrase headed by ``head`` (left modifiers + head)."""
    if head.pos_ == "PRON":
        return head.idx, head.idx + len(head)
    ent = _entity_of(doc, head)
    start = head.i
    for child in head.lefts:
        if child.dep_ in _NP_LEFT and child.dep_ != "punct":
            start = min(start, child.left_edge.i)
    if ent is not None:
        start = min(start, ent.start)
        end_tok = max(head.i, ent.end - 1)
    else:
        end_tok = head.i
        nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if (
            head.pos_ == "NOUN"
            and nxt is not None
            and nxt.ent_type_ == "PERSON"
            and nxt.ent_iob_ == "B"
        ):
            person = _entity_of(doc, nxt)
            return person.start_char, person.end_char
    while start < end_tok and (
        doc[start].is_punct
        or doc[start].is_space
        or doc[start].dep_ == "cc"
        or doc[start].sent != head.sent
        or _CLOCK.match(doc[start].text)  # "11:20 Opposition senator X": a live blog's time
    ):
        start += 1
    s_tok, e_tok = doc[start], doc[end_tok]
    end = e_tok.idx + len(e_tok)
    # drop a trailing possessive marker
    if e_tok.text[-2:] in ("'s", "’s") and end - 2 > s_tok.idx:
        end -= 2
    return s_tok.idx, end


def _entity_of(doc: Doc, tok: Token):
    if tok.ent_iob_ == "O":
        return None
    ent = doc_ents(doc)[1].get(tok.i)
    if ent is not None and any(t.pos_ == "VERB" for t in ent):
        return None  # 'Trump accused Holt of being a' read as a title: no name holds a verb
    return ent


def subject_of(tok: Token) -> Token | None:
    """The speaker head of a cue verb: its subject, or an inherited one (conj, advcl, relcl)."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
    if subjects:
        nearest = min(subjects, key=lambda c: abs(c.i - tok.i))
        return None if nearest.dep_ == "nsubjpass" else _owner(nearest)
    for child in tok.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _owner(pobj)
    if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok:
        if tok.dep_ == "advcl" and tok.tag_ not in ("VBG", "VBN") and not _infinitive(tok):
            return None
        head = tok.head
        if head.dep_ == "acomp" and head.pos_ == "ADJ":  # 'was able to tout', 'is determined to'
            head = head.head
        return subject_of(head)
    gerund = _gerund_owner(tok)
    if gerund is not None:
        return gerund
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _owner(tok.head)
    return None


def _infinitive(tok: Token) -> bool:
    """A ``to`` infinitive (``met officials to discuss the plan``: a purpose clause)."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _gerund_owner(tok: Token) -> Token | None:
    """``In defending himself, X ...``, ``stopped short of calling ...``: the doer of a
    gerund under a preposition is the subject of the verb the preposition hangs on
    (a passive subject too: the one criticised for saying it is the one who said it)."""
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp" or tok.head.dep_ != "prep":
        return None
    verb = tok.head.head
    if verb.pos_ == "ADV" and verb.dep_ == "advmod":  # 'stopped short of calling'
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "DET"]
    if subj:
        return _owner(subj[0])
    return subject_of(verb) if verb.dep_ in ("conj", "xcomp") else None


def _owner(tok: Token) -> Token:
    """``The Embassy's statement`` -> ``Embassy``; ``a statement from the RNC`` -> ``RNC``."""
    if tok.lemma_.lower() in DOCUMENT_NOUNS:
        for child in tok.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return child
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                    return pobj
    return tok


def speaker_index(tok: Token) -> int | None:
    subj = subject_of(tok) or fallback_subject(tok)
    return subj.i if subj is not None else None


def fallback_subject(tok: Token) -> Token | None:
    """A misparsed subject: the nearest person name before a speech verb in its sentence."""
    if tok.lemma_.lower() not in SPEECH_VERBS or tok.dep_ not in ("ROOT", "conj"):
        return None
    doc = tok.doc
    before = tok.i - 1
    while before > tok.sent.start and doc[before].pos_ == "ADV":
        before -= 1
    if before >= tok.sent.start and (
        doc[before].pos_ == "PROPN" or doc[before].lower_ in MID_CLAUSE_PRONOUNS
    ):  # 'With the board of the Courier Trump said that ...': the name right before the verb
        return doc[before]
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 12) - 1, -1):
        t = doc[i]
        if (
            t.ent_type_ == "PERSON"
            and t.ent_iob_ != "B"
            and i + 1 < len(doc)
            and doc[i + 1].ent_type_ != "PERSON"
        ):
            return t
        if t.ent_type_ == "PERSON" and (i + 1 == tok.i or doc[i + 1].ent_type_ != "PERSON"):
            return t
        if t.text in '.;:“”"' or (t.pos_ in ("VERB",) and t.dep_ != "amod"):
            return None
    return None
