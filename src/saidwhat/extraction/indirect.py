"""Parse-based attribution: cue verbs, their subjects and the clauses they report.

:func:`find_cue_clauses` walks a spaCy ``Doc`` once and returns, for every cue
(``say``, ``tell``, ``warn``, ``according to``, ``believe``, ...), the char
span of what is reported (the clausal complement's extent), the cue word and
the token heading the speaker mention. Which of these become direct, mixed or
indirect statements is decided later, against the quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import (
    ALL_CUE_LEMMAS,
    BELIEF_VERBS,
    CUE_NOUNS,
    CUT_AFTER_COMMA,
    DIRECTIVE_VERBS,
    DOCUMENT_NOUNS,
    INTENT_NOUNS,
    INTENT_VERBS,
    LABEL_VERBS,
    LEMMA_FIXES,
    MID_CLAUSE_ADVERBS,
    MID_CLAUSE_NOT_WHO,
    MID_CLAUSE_PRONOUNS,
    MID_CLAUSE_VERBS,
    NOT_CUES,
    NOT_SOURCES,
    OBJ_PREPS,
    OBJECT_CUES,
    PREP_CUES,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
)
from .parsed import parsed
from .settings import Confidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_NP_LEFT = frozenset(
    """det poss compound amod nmod nummod quantmod case predet punct advmod npadvmod""".split()  # noqa: SIM905
)


@dataclass
class CueClause:
    """One cue with what it reports; offsets are char offsets into the text."""

    cue_i: int  # token index of the cue
    cue: str
    start: int
    end: int
    speaker_i: int | None  # token index of the speaker mention's head
    strength: float
    fragments: list[tuple[int, int]] | None = None
    according: bool = False
    #: The name of the rule (the cue form) that found it.
    rule: str = ""


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
    return doc_ents(doc)[1].get(tok.i)


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
        if tok.dep_ == "advcl" and tok.tag_ not in ("VBG", "VBN"):
            return None
        return subject_of(tok.head)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _owner(tok.head)
    return None


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


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last)


def _trim(doc: Doc, i: int, j: int, cut: bool = True) -> tuple[int, int] | None:
    """Token range [i, j] without edge punctuation/conjunctions -> char span.

    With ``cut``, a second clause after the reported one (after ';', a dash, ', which',
    a participle) is left out. A clause *before* its cue (``A, which B, X said.``) is
    bounded by the reporting clause itself and is kept whole (``cut=False``).
    """
    while i <= j and (
        doc[i].is_space or (doc[i].is_punct and doc[i].text not in "“‘\"'") or doc[i].dep_ == "cc"
    ):
        i += 1
    for k in range(
        i + 3, j if cut else i + 3
    ):  # a second clause after ';', a dash or ', which' is not reported
        t = doc[k]
        if t.text in (";", "—", "--", "―") and doc[k - 1].text not in '“"':
            if t.text != ";" and any(doc[m].text == t.text for m in range(k + 1, j + 1)):
                continue  # a parenthetical pair of dashes
            j = k - 1
            break
        nxt = doc[k + 2] if doc[k + 1].pos_ == "ADV" and k + 2 <= j else doc[k + 1]
        if t.text == "," and (
            doc[k + 1].lower_ in CUT_AFTER_COMMA
            or (nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "acl", "xcomp"))
            or (nxt.dep_ == "det" and nxt.head.dep_ == "appos" and nxt.head.right_edge.i >= j)
        ):
            j = k - 1
            break
    while j >= i and (doc[j].is_space or (doc[j].is_punct and doc[j].text not in "”’\"'")):
        j -= 1
    if j < i:
        return None
    return doc[i].idx, doc[j].idx + len(doc[j])


def _complement(tok: Token) -> tuple[Token | None, str]:
    """The clause a cue reports and how it attaches (ccomp / xcomp / label)."""
    ccomp = xcomp = None
    for child in tok.children:
        if child.dep_ == "ccomp" or (child.dep_ == "parataxis" and child.i < tok.i):
            # a clause after the cue wins over one before it that is cut off by a colon or that
            # the clause after introduces with 'that' ('Writing ..., X noted that ...')
            later = child.i > tok.i and (
                any(m.dep_ == "mark" for m in child.children)
                or (ccomp is not None and _cut_off(ccomp, tok))
            )
            ccomp = child if ccomp is None or later else ccomp
        elif child.dep_ == "xcomp":
            xcomp = child
    if ccomp is not None:
        return ccomp, "ccomp"
    if xcomp is not None:
        return xcomp, "xcomp"
    if tok.lemma_.lower() in SPEECH_VERBS:
        misread = _misread_clause(tok)
        if misread is not None:
            return misread, "ccomp"
    return None, ""


def _misread_clause(tok: Token) -> Token | None:
    """The reported clause of a speech verb that the parser attached elsewhere.

    ``said after the vote he would resign``: an adverbial clause with its own subject
    and no conjunction is what was said. ``told a meeting of leaders that few people
    knew``: a ``that`` clause hung on the verb's object as a relative clause (a
    relative ``that`` is the clause's subject or object, never its marker).
    """
    for child in tok.rights:
        if (
            child.dep_ == "advcl"
            and child.pos_ in ("VERB", "AUX")
            and child.left_edge.i > tok.i
            and not any(m.dep_ == "mark" or m.tag_ == "WRB" for m in child.children)
            and any(s.dep_ in ("nsubj", "nsubjpass") for s in child.children)
        ):
            return child
    for child in tok.rights:
        if child.dep_ in ("dobj", "dative"):
            for g in child.subtree:
                if g.dep_ == "relcl" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in g.children
                ):
                    return g
    return None


def _after_relative(doc: Doc, tok: Token, comp: Token) -> tuple[int, int] | None:
    """``which he said were paid for``: the clause after the cue, without its relative pronoun.

    The parser starts the reported clause at the relative pronoun before the speaker;
    what was said is the rest of the clause after the cue.
    """
    lead = doc[comp.left_edge.i : tok.i]
    if comp.i > tok.i and 1 < len(lead) <= 5 and lead[0].lower_ in RELATIVE_PRONOUNS:
        return _trim(doc, tok.i + 1, comp.right_edge.i)
    return None


def _cut_off(clause: Token, cue: Token) -> bool:
    """Whether a colon or semicolon separates ``clause`` (before ``cue``) from the cue."""
    end = clause.right_edge.i
    return clause.i < cue.i and any(t.text in (":", ";") for t in clause.doc[end : cue.i])


def _cue_candidates(doc: Doc):
    """Tokens worth a look: any cue lemma, or a verb with a clausal complement.

    Reads the lemma and dependency columns as arrays, so most tokens are never
    turned into Python objects (that is most of the cost of a pass over a Doc).
    """
    strings = doc.vocab.strings
    lemmas = {strings.add(w) for w in ALL_CUE_LEMMAS} | {strings.add(w) for w in LEMMA_FIXES}
    ccomp = strings.add("ccomp")
    arr = doc.to_array(["LEMMA", "DEP", "HEAD", "LOWER"])
    wanted = set()
    for i, (lemma, dep, head, lower) in enumerate(arr.tolist()):
        if lemma in lemmas or lower in lemmas:
            wanted.add(i)
        if dep == ccomp:
            wanted.add(i + head if head < 2**63 else i + head - 2**64)
    return [doc[i] for i in sorted(wanted) if 0 <= i < len(doc)]


def find_cue_clauses(doc: Doc, conf: Confidence = Confidence()) -> list[CueClause]:  # noqa: B008
    """Every cue in ``doc`` with the char extent of what it reports."""
    out: list[CueClause] = []
    text = doc_text(doc)
    for tok in _cue_candidates(doc):
        lemma = LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()
        if lemma == "accord" and tok.lower_ == "according":
            cc = _according(doc, tok, conf.according_to)
            if cc is not None:
                out.append(cc)
            continue
        if tok.pos_ == "NOUN" and (lemma in CUE_NOUNS or lemma in INTENT_NOUNS):
            cc = _noun_cue(doc, tok, conf.cue_noun, lemma in INTENT_NOUNS)
            if cc is not None:
                out.append(cc)
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        speech = lemma in SPEECH_VERBS
        belief = lemma in BELIEF_VERBS or (
            tok.pos_ == "VERB"
            and lemma not in NOT_CUES
            and any(
                c.dep_ == "ccomp"
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in tok.rights
            )
        )
        if not (
            speech
            or belief
            or lemma in PREP_CUES
            or lemma in INTENT_VERBS
            or lemma in DIRECTIVE_VERBS
            or lemma in LABEL_VERBS
            or lemma in OBJECT_CUES
        ):
            continue
        comp, how = _complement(tok)
        strength = 0.0
        rule = ""
        if how == "ccomp" and (speech or belief or lemma in LABEL_VERBS):
            strength = (
                conf.speech_clause
                if speech
                else conf.belief_clause
                if belief
                else conf.label_clause
            )
            rule = "speech_clause" if speech else "belief_clause" if belief else "label_clause"
            span = _trim(doc, comp.left_edge.i, comp.right_edge.i, cut=comp.i > tok.i)
        elif how == "xcomp" and lemma in DIRECTIVE_VERBS and (obj := _directed(tok, comp)):
            strength, rule = conf.directive_clause, "directive_clause"
            span = _trim(doc, obj.left_edge.i, comp.right_edge.i)
        elif how == "xcomp" and lemma in INTENT_VERBS:
            strength, rule = conf.intent_clause, "intent_clause"
            span = _trim(doc, comp.left_edge.i, comp.right_edge.i)
        elif how == "" and lemma in PREP_CUES and (pobj := _prep_object(tok, PREP_CUES[lemma])):
            span = _trim(doc, pobj.left_edge.i, pobj.right_edge.i)
            strength, rule = conf.prep_object, "prep_object"
        elif lemma in LABEL_VERBS or (lemma in OBJECT_CUES and how == ""):
            right = [c for c in tok.rights if c.dep_ in ("dobj", "oprd")]
            if not right:
                continue
            last = right[-1]
            for c in tok.rights:  # "accused X of Y", "described X as Y", "attacked X for Y"
                if c.i > last.i and (
                    c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in OBJ_PREPS)
                ):
                    last = c
            span = _trim(doc, right[0].left_edge.i, last.right_edge.i)
            if span is not None:
                span = cut_after_quote(doc, span)
            strength, rule = conf.object_cue, "object_cue"
        else:
            continue
        if span is not None and span[0] <= tok.idx < span[1] and how == "ccomp":
            span = _after_relative(doc, tok, comp)
        if span is None or span[0] <= tok.idx < span[1]:
            continue  # a misparse: the content cannot hold its own cue
        if span[1] <= tok.idx and re.search(r"[:;]", text[span[1] : tok.idx]):
            continue  # 'A new fight: Republicans said ...': the clause before a colon is not content
        speaker_i = _speaker_i(tok)
        if speaker_i is not None:
            subj = doc[speaker_i]
            if subj.lower_ in NOT_SOURCES or (subj.lower_ == "it" and not speech):
                continue
        out.append(
            CueClause(
                cue_i=tok.i,
                cue=_cue_text(doc, tok),
                start=span[0],
                end=span[1],
                speaker_i=speaker_i,
                strength=strength,
                rule=rule,
            )
        )
    return _with_mid_clauses(doc, text, out, conf.speech_clause)


_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_AFTER_QUOTE = re.compile(
    r"[\s,]*(?:during|at|in|on|after|before|while|when|since|from|last|this|earlier|later|"
    r"yesterday|today|tonight|according|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.I,
)


def cut_after_quote(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """``criticized X as a "crazy system" during a stop in Flint`` ends at the quote."""
    text = doc_text(doc)
    s, e = span
    close = max(text.rfind("”", s, e), text.rfind('"', s, e))
    if close > s and close + 1 < e and _AFTER_QUOTE.match(text, close + 1):
        return s, close + 1
    return span


def _prep_object(tok: Token, preps: set[str]) -> Token | None:
    """The object of the first of ``preps`` attached to ``tok`` (through a particle too)."""
    for child in tok.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            for pobj in child.rights:
                if pobj.dep_ in ("pobj", "pcomp"):
                    return pobj
        if child.dep_ == "prt":
            for grand in child.rights:
                if grand.dep_ == "prep" and grand.lower_ in preps:
                    return next((p for p in grand.rights if p.dep_ == "pobj"), None)
    return None


def _speaker_i(tok: Token) -> int | None:
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


def _cue_text(doc: Doc, tok: Token) -> str:
    """The cue as written: the verb with its particle (``pointed out``, ``called for``)."""
    parts = [tok]
    for child in tok.rights:
        if child.dep_ == "prt":
            parts.append(child)
    return doc[parts[0].i : parts[-1].i + 1].text


def _according(doc: Doc, tok: Token, strength: float) -> CueClause | None:
    """``..., according to X`` / ``According to X, ...``: content is the rest of the sentence."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = tok.sent
    a_start, a_end = tok.i, to.right_edge.i
    for k in range(pobj.i + 1, a_end + 1):  # "According to X, the move ...": X ends at the comma
        if doc[k].text == ",":
            a_end = k - 1
            break
    pieces = []
    if a_start > sent.start:
        pieces.append(_trim(doc, sent.start, a_start - 1))
    if a_end < sent.end - 1:
        pieces.append(_trim(doc, a_end + 1, sent.end - 1))
    pieces = [p for p in pieces if p is not None and p[1] - p[0] > 3]
    if not pieces:
        return None
    return CueClause(
        cue_i=tok.i,
        cue=doc[tok.i : to.i + 1].text,
        start=pieces[0][0],
        end=pieces[-1][1],
        speaker_i=_owner(pobj).i,
        strength=strength,
        fragments=pieces if len(pieces) > 1 else None,
        according=True,
        rule="according_to",
    )


def _noun_cue(doc: Doc, tok: Token, strength: float, intent: bool = False) -> CueClause | None:
    """``X's claim that ...``: a content clause on a cue noun with a stated owner.

    With ``intent`` (a noun of intention), an infinitive counts too: ``her decision
    to run``, ``the mayor's pledge to cut fares``.
    """
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp")), None)
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if clause is None or owner is None or clause.i < tok.i:
        return None
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    to = intent and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    if not (that or to):
        return None
    span = _trim(doc, clause.left_edge.i, clause.right_edge.i)
    if span is None:
        return None
    rule = "intent_noun" if to else "cue_noun"
    return CueClause(tok.i, tok.text, span[0], span[1], owner.i, strength, rule=rule)


def _directed(tok: Token, comp: Token) -> Token | None:
    """The object of a directive verb before its infinitive (``warned officials to ...``)."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i < comp.i), None)
    if obj is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        return None
    return obj


#: ``The ferries, he says, will run ...``: a reporting clause set off by commas mid-sentence.
#: ``who`` is a pronoun or up to six words (``Mr. Obama``, ``advisers to Mr. Obama``,
#: ``as one of the mayor's aides``), checked against the parse; an adjunct may follow
#: the verb (``said in a June report,``, ``told me on Friday,``).
_MID_CLAUSE = re.compile(
    r",[ \t]+(?:as[ \t]+)?(?P<who>[\w’'.-]+(?:[ \t]+[\w’'.-]+){0,5}?)[ \t]+"
    r"(?:(?:" + "|".join(MID_CLAUSE_ADVERBS) + r")[ \t]+)?"
    r"(?P<verb>" + "|".join(sorted(MID_CLAUSE_VERBS, key=len, reverse=True)) + r")"
    r"(?P<adjunct>[ \t]+[^,.;:!?\"“”\n]{1,40}?)?[ \t]*,[ \t]+"
)
#: A relative pronoun just before the reporting clause starts the statement
#: (``..., which, Tompkins said, is usually full``).
_REL_BEFORE = re.compile(r"(?:^|[\s,])(which|who|that)[ \t]*$")


def _mid_clause_ok(who, adjunct) -> bool:
    """The words before the verb name someone and nothing between them is a clause."""
    toks = list(who)
    if toks[0].lower_ in MID_CLAUSE_NOT_WHO or any(t.lower_ in MID_CLAUSE_NOT_WHO for t in toks):
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in toks):
        return False
    if len(toks) == 1 and toks[0].pos_ == "PRON":
        return toks[0].lower_ in MID_CLAUSE_PRONOUNS
    if not (toks[0].is_title or toks[0].is_upper or toks[0].pos_ in ("DET", "NUM", "ADJ", "NOUN")):
        return False
    if not any(t.pos_ in ("PROPN", "NOUN") for t in toks):
        return False
    return adjunct is None or not any(t.pos_ in ("VERB", "AUX") for t in adjunct)


def _with_mid_clauses(doc: Doc, text: str, out: list[CueClause], strength: float):
    """Add the statements of mid-sentence reporting clauses; drop what misread them.

    ``The talks, he said, would continue next week.`` is one statement in two
    pieces (``The talks`` and ``would continue next week``) by ``he``. A cue
    clause of the parse whose content lies inside the reporting clause (the
    parser often makes ``he said`` the complement of ``continue``) is a misreading.
    """
    found: list[CueClause] = []
    for sent in doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        m = _MID_CLAUSE.search(text, s0, s1)
        if m is None or m.start() - s0 < 3:
            continue
        head = doc.char_span(m.start("verb"), m.end("verb"), alignment_mode="expand")
        who = doc.char_span(m.start("who"), m.end("who"), alignment_mode="expand")
        adjunct = None
        if m.start("adjunct") >= 0:
            adjunct = doc.char_span(m.start("adjunct"), m.end("adjunct"), alignment_mode="expand")
        if head is None or who is None or not _mid_clause_ok(who, adjunct):
            continue
        verb = head[0]
        if verb.lemma_.lower() not in SPEECH_VERBS | BELIEF_VERBS:
            continue
        rest_i = doc.char_span(m.end(), s1, alignment_mode="expand")
        if rest_i is None or len(rest_i) == 0:
            continue
        second = _trim(doc, rest_i.start, rest_i.end - 1)
        if second is None or second[1] - second[0] < 3:
            continue
        first_start = s0 + (len(text[s0 : m.start()]) - len(text[s0 : m.start()].lstrip()))
        rel = _REL_BEFORE.search(text, s0, m.start())
        if rel is not None:
            first_start = rel.start(1)
        pieces = [(first_start, m.start()), second]
        found.append(
            CueClause(
                cue_i=verb.i,
                cue=head.text,
                start=pieces[0][0],
                end=pieces[1][1],
                speaker_i=who.root.i,
                strength=strength,
                fragments=pieces,
                rule="mid_sentence_clause",
            )
        )
    if not found:
        return out
    kept = [
        c
        for c in out
        if not any(
            c.cue_i == f.cue_i or (f.fragments[0][1] <= c.start and c.end <= f.fragments[1][0])
            for f in found
        )
    ]
    return sorted(kept + found, key=lambda c: c.start)
