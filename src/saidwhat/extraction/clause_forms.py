"""Reported-clause forms beside the verb's own complement (rules of :mod:`.indirect`).

``X's claim that ...`` and ``her pledge to ...`` (a cue noun with its owner),
``warned officials to ...`` (a directive verb's object and infinitive) and
``The talks, he said, would go on`` (a reporting clause set off by commas).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .agents import agent
from .clause_spans import CueClause, trim
from .clause_speakers import speaker_index
from .lexicon import (
    BELIEF_VERBS,
    CLEAR_WORDS,
    FINDING_SOURCES,
    HEARSAY_ADVERBS,
    LIFE_STAGE_NOUNS,
    MID_CLAUSE_ADVERBS,
    MID_CLAUSE_NOT_WHO,
    MID_CLAUSE_PRONOUNS,
    MID_CLAUSE_VERBS,
    NOT_SOURCES,
    NOUN_OWNER_PREPS,
    SPEECH_VERBS,
    TOPIC_PREPS,
    UNSOURCED_PASSIVES,
    VOICING_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def noun_cue(doc: Doc, tok: Token, strength: float, intent: bool = False) -> CueClause | None:
    """``X's claim that ...``: a content clause on a cue noun with a stated owner.

    With ``intent`` (a noun of intention), an infinitive counts too: ``her decision
    to run``, ``the mayor's pledge to cut fares``.
    """
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp")), None)
    owner = _noun_owner(tok)
    if clause is None or owner is None or clause.i < tok.i:
        return None
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    to = intent and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    if not (that or to):
        return None
    span = trim(doc, clause.left_edge.i, clause.right_edge.i)
    if span is None:
        return None
    rule = "intent_noun" if to else "cue_noun"
    return CueClause(tok.i, tok.text, span[0], span[1], owner.i, strength, rule=rule)


def noun_topic(doc: Doc, tok: Token, strength: float) -> CueClause | None:
    """``her criticism of the levy``, ``Hale expressed concern about the pier``: what an
    owned noun of saying or opinion is about (the object of ``of``, ``about``, ...).

    The preposition may hang on the noun or, after it, on the verb that voices it.
    """
    owner = _noun_owner(tok)
    if owner is None:
        return None
    heads = [tok]
    if tok.dep_ == "dobj":
        heads.append(tok.head)
    for head in heads:
        for prep in head.rights:
            if prep.i > tok.i and prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPS:
                pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
                    continue  # 'her remarks on Saturday': when, not what about
                span = trim(doc, pobj.left_edge.i, pobj.right_edge.i)
                if span is None:
                    return None
                return CueClause(
                    tok.i,
                    tok.text,
                    span[0],
                    span[1],
                    owner.i,
                    strength,
                    rule="noun_topic",
                    min_words=1 if pobj.ent_type_ else 2,
                )
    return None


def made_clear(doc: Doc, tok: Token, strength: float) -> CueClause | None:
    """``Hale made it clear he would stay``, ``made clear that ...``: the clause under
    ``clear`` is what the subject of ``make`` said."""
    if tok.lemma_.lower() != "make":
        return None
    clear = next((c for c in tok.rights if c.lower_ in CLEAR_WORDS), None)
    if clear is None:
        return None
    clause = next(
        (
            c
            for c in clear.rights
            if c.dep_ in ("ccomp", "advcl", "csubj", "acl") and c.pos_ in ("VERB", "AUX")
        ),
        None,
    )
    speaker_i = speaker_index(tok)
    if clause is None or speaker_i is None or doc[speaker_i].lower_ in ("it", *NOT_SOURCES):
        return None
    if not agent(doc[speaker_i]):
        return None  # 'the fog made it clear that ...': evidence, not a statement
    span = trim(doc, clause.left_edge.i, clause.right_edge.i)
    if span is None:
        return None
    cue = doc[tok.i : clear.i + 1].text
    return CueClause(tok.i, cue, span[0], span[1], speaker_i, strength, rule="made_clear")


def unsourced_report(doc: Doc, tok: Token, strength: float) -> CueClause | None:
    """``The vote is expected to pass``, ``Quiros was accused of fraud``: a passive verb
    of report or belief with no agent reports the whole clause, its subject included,
    as someone's unnamed view (PolNeAR attributes it to no named source)."""
    if tok.tag_ != "VBN" or tok.lemma_.lower() not in UNSOURCED_PASSIVES:
        return None
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None  # 'was accused by X of ...': the object-cue rules name X
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    rest = [c for c in tok.rights if c.dep_ in ("xcomp", "prep", "oprd", "ccomp")]
    if subj is None or not rest or subj.lower_ in ("it", "there"):
        return None
    if tok.lemma_.lower() == "expect" and subj.ent_type_ == "PERSON":
        return None  # 'President Marsk is expected to speak at noon': a schedule, not a view
    if any(t.tag_ == "VBG" and t.lemma_.lower() in SPEECH_VERBS for r in rest for t in r.subtree):
        return None  # 'was criticised for saying that ...': what was said is the statement
    span = trim(doc, subj.left_edge.i, rest[-1].right_edge.i)
    if span is None:
        return None
    return CueClause(
        tok.i, tok.text, span[0], span[1], None, strength, rule="unsourced_report", unsourced=True
    )


def hearsay_adverb(doc: Doc, tok: Token, strength: float) -> CueClause | None:
    """``Hale reportedly left the board``, ``he allegedly took the money``: an adverb of
    hearsay makes its clause a report by an unnamed source."""
    if tok.lower_ not in HEARSAY_ADVERBS or tok.dep_ != "advmod":
        return None
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        return None
    start = verb.left_edge.i
    while doc[start].dep_ == "mark" and doc[start].head.i == verb.i:
        start += 1  # 'after he allegedly ...': the conjunction is the writer's
    span = trim(doc, start, verb.right_edge.i)
    if span is None:
        return None
    return CueClause(
        tok.i, tok.text, span[0], span[1], None, strength, rule="hearsay_adverb", unsourced=True
    )


def _noun_owner(tok: Token) -> Token | None:
    """Whose claim or warning a cue noun is: ``her claim``, ``warnings from his lawyer``,
    ``claims by the board``, or the subject of a verb that voices it (``Hale made the
    argument that``, ``Berg repeated her warning that``); not of one that answers it
    (``Hale rejected the claim that``)."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in NOUN_OWNER_PREPS:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return pobj
    verb = tok.head
    if tok.dep_ == "dobj" and verb.lemma_.lower() in VOICING_VERBS:
        i = speaker_index(verb)
        return tok.doc[i] if i is not None else None
    return None


def directed(tok: Token, comp: Token) -> Token | None:
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
#: Dependencies of a participle that modifies the reporting verb (not ``csubj``, ``prep``).
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})
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


def _speakers_participle(first: Token) -> bool:
    """``..., she said, referencing X.``: a participle that ends the sentence is what the
    speaker did in saying it (``adding``, ``citing``), not the rest of the content
    (``..., Lund said, citing the accounts, would follow`` goes on after it, and a
    gerund subject or ``including`` belongs to the content)."""
    return (
        first.tag_ == "VBG"
        and first.dep_ in _PARTICIPLE_DEPS
        and not any(t.text == "," for t in first.doc[first.i : first.sent.end])
    )


def with_mid_clauses(doc: Doc, text: str, out: list[CueClause], strength: float):
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
        if _speakers_participle(rest_i[0]):
            continue  # '..., she said, referencing the levy': her act, not the content
        second = trim(doc, rest_i.start, rest_i.end - 1)
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


def passive_object(tok: Token) -> tuple[Token, Token] | None:
    """``The levy was backed by the harbour board``: (the passive subject, the agent).

    The mirror of an object cue (``the board backed the levy``): what was backed,
    criticised or reported is the subject, whoever did it is the ``by`` phrase.
    """
    if tok.tag_ != "VBN":
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    by = next((c for c in tok.rights if c.dep_ == "agent"), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if subj is None or agent is None or subj.pos_ == "PRON":
        return None
    return subj, agent


def regarded_as(tok: Token) -> tuple[Token, Token] | None:
    """``Many voters see the levy as a tax on the poor``: (the object, the ``as`` phrase).

    How someone sees, views or regards a thing is their view of it (PolNeAR attributes
    it like ``believe``); without ``as`` (``saw the pier``) it is only perception.
    """
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    as_ = next(
        (c for c in tok.rights if c.i > obj.i and c.dep_ == "prep" and c.lower_ == "as"), None
    )
    pobj = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
    if pobj is None or pobj.lemma_.lower() in LIFE_STAGE_NOUNS:
        return None
    return obj, as_


def finding(tok: Token) -> tuple[Token, Token] | None:
    """``A poll showed Hale with a narrow lead``: the first and last words of what a
    poll, survey or study found (its object and what follows it in the clause).

    Only a study-like subject: ``figures show ...`` and ``the video shows ...`` are
    evidence, not anyone's statement (see ``EVIDENCE_VERBS``).
    """
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if subj is None or obj is None or subj.lemma_.lower() not in FINDING_SOURCES:
        return None
    last = obj
    for c in tok.rights:  # 'Hale with a narrow lead', 'her ahead by three points'
        if c.i > last.i and c.dep_ in ("prep", "advmod", "oprd", "acomp", "npadvmod"):
            last = c
        elif c.i > last.i:
            break
    return obj, last
