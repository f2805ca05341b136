"""Parse-based attribution: cue verbs, their subjects and the clauses they report.

:func:`find_cue_clauses` walks a spaCy ``Doc`` once and returns, for every cue
(``say``, ``tell``, ``warn``, ``according to``, ``believe``, ...), the char
span of what is reported (the clausal complement's extent), the cue word and
the token heading the speaker mention. Which of these become direct, mixed or
indirect statements is decided later, against the quotation marks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .clause_forms import (
    directed,
    finding,
    hearsay_adverb,
    made_clear,
    noun_cue,
    noun_topic,
    passive_object,
    regarded_as,
    unsourced_report,
    with_mid_clauses,
)
from .clause_spans import (
    CueClause,
    clause_end,
    clause_start,
    complement_end,
    object_end,
    trim,
)
from .clause_speakers import (  # noqa: F401 - re-exported for the quote rules and speakers
    _owner,
    doc_ents,
    doc_text,
    fallback_subject,
    np_span,
    speaker_index,
    subject_of,
)
from .continuation import colon_paragraphs, continue_paragraph
from .cue_extents import charge_start, cue_conjunct_end, misplaced_conjunct_head
from .lexicon import (
    ACT_OBJECT_VERBS,
    ADDRESSEE_VERBS,
    ALL_CUE_LEMMAS,
    BELIEF_VERBS,
    CUE_NOUNS,
    DATA_NOUNS,
    DIRECTIVE_VERBS,
    DURATION_NOUNS,
    EVIDENCE_VERBS,
    GERUND_CUES,
    HEARSAY_ADVERBS,
    INTENT_NOUNS,
    INTENT_VERBS,
    LABEL_VERBS,
    LEMMA_FIXES,
    NOT_CUES,
    NOT_SOURCES,
    OBJ_PREPS,
    OBJECT_CUES,
    PARTICIPLE_SOURCE_NOUNS,
    PASSIVE_CUES,
    PREP_CUES,
    RELATIVE_PRONOUNS,
    SEEMING_VERBS,
    SPEECH_VERBS,
    THAT_SUBORDINATORS,
    TOPIC_NOUNS,
    TOPIC_PREP_CUES,
    UNSAID_GOVERNORS,
    UNSOURCED_CUES,
    VIEW_AS_VERBS,
    WH_WORDS,
)
from .not_reports import not_a_report
from .settings import Confidence
from .stance_forms import stance_clauses
from .verb_forms import VERB_FORM_LEMMAS, it_names_source, one_of, verb_form

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Entity types whose one-word mention is a whole object (``endorsed Hale``).
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _not_said(tok: Token, clause: Token | None) -> bool:
    """Cue forms that report nothing: ``it goes without saying that``, ``left without
    mentioning it`` and ``failed to note that`` (what was not said), ``it is worth noting
    that`` (the writer's aside), and a result clause the parser took for a
    complement (``drove so erratically that I had to stop``)."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True
    if tok.dep_ in ("xcomp", "pcomp", "acomp") and tok.head.lemma_.lower() in UNSAID_GOVERNORS:
        return True
    if (
        tok.dep_ == "xcomp"
        and tok.head.lemma_.lower() in SEEMING_VERBS
        and tok.lemma_.lower() in BELIEF_VERBS - SPEECH_VERBS
    ):
        return True  # 'seems to think he is exempt': the writer's inference, not a report
    if clause is None or not any(m.lower_ == "that" for m in clause.children if m.dep_ == "mark"):
        return False
    before = tok.doc[clause.left_edge.i - 1] if clause.left_edge.i > tok.i + 1 else None
    if before is not None and before.lower_ in THAT_SUBORDINATORS and before.head.pos_ != "ADP":
        return True  # 'panicking now that the bill is due' (not 'heard by now that'): a reason
    return any(t.lower_ in ("so", "such") for t in tok.doc[tok.i + 1 : clause.left_edge.i])


def _own_complement(tok: Token) -> bool:
    """What a cue reports after it: a gerund (``suggested cutting the levy``) or a common
    noun object (``added the words``). Then a clause before the cue is not its content.
    Objects of addressee verbs are people told (``"...," Hale told reporters``)."""
    for c in tok.rights:
        if c.dep_ == "xcomp" and c.tag_ == "VBG":
            return True
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and tok.lemma_.lower() not in ADDRESSEE_VERBS:
            return True
    return False


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last)


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
        elif (
            child.dep_ == "advcl"
            and xcomp is None
            and child.i == tok.i + 2
            and tok.doc[tok.i + 1].lower_ == "to"
            and tok.doc[tok.i + 1].head.i == child.i
            and (LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()) in INTENT_VERBS
        ):
            xcomp = child  # 'Vows To Eliminate' (a title) read as a purpose clause
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
        return trim(doc, tok.i + 1, comp.right_edge.i)
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
    lemmas = {
        strings.add(w) for w in ALL_CUE_LEMMAS | UNSOURCED_CUES | HEARSAY_ADVERBS | VERB_FORM_LEMMAS
    } | {strings.add(w) for w in LEMMA_FIXES}
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
        if tok.lower_ in HEARSAY_ADVERBS:
            if (cc := hearsay_adverb(doc, tok, conf.object_cue)) is not None:
                out.append(cc)
            continue
        if lemma == "accord" and tok.lower_ == "according":
            cc = _according(doc, tok, conf.according_to)
            if cc is not None:
                out.append(cc)
            continue
        if (cc := verb_form(doc, tok, lemma, conf)) is not None:
            out.append(cc)  # forms the rules below do not read (:mod:`.verb_forms`)
            continue
        # 'The campaign plans to ...' with 'plans' tagged as a plural noun: a cue verb
        # that has a subject is a verb, whatever its tag
        verbal = (
            tok.pos_ == "NOUN"
            and lemma in SPEECH_VERBS | INTENT_VERBS | BELIEF_VERBS
            and any(c.dep_ == "nsubj" for c in tok.children)
        )
        if tok.pos_ == "NOUN" and not verbal and (lemma in CUE_NOUNS or lemma in INTENT_NOUNS):
            cc = noun_cue(doc, tok, conf.cue_noun, lemma in INTENT_NOUNS)
            if cc is None and tok.lower_ in TOPIC_NOUNS:
                cc = noun_topic(doc, tok, conf.object_cue)
            if cc is not None:
                out.append(cc)
            continue
        if tok.pos_ == "NOUN" and tok.lower_ in TOPIC_NOUNS:
            cc = noun_topic(doc, tok, conf.object_cue)
            if cc is not None:
                out.append(cc)
            continue
        if tok.pos_ not in ("VERB", "AUX") and not verbal:
            continue
        if (cc := made_clear(doc, tok, conf.speech_clause)) is not None:
            out.append(cc)
            continue
        if (cc := unsourced_report(doc, tok, conf.object_cue)) is not None:
            out.append(cc)
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
            or lemma in VIEW_AS_VERBS
        ):
            continue
        comp, how = _complement(tok)
        passive = None
        min_words = 2
        strength = 0.0
        rule = ""
        if how == "ccomp" and comp.i < tok.i and _own_complement(tok):
            continue  # 'In her book, "A Title," Berg suggested cutting ...': it says what follows
        if how == "ccomp" and (speech or belief or lemma in LABEL_VERBS):
            strength = (
                conf.speech_clause
                if speech
                else conf.belief_clause
                if belief
                else conf.label_clause
            )
            rule = "speech_clause" if speech else "belief_clause" if belief else "label_clause"
            end = complement_end(tok, comp) if comp.i > tok.i else clause_end(tok, comp)
            span = trim(doc, clause_start(tok, comp), end, cut=comp.i > tok.i)
        elif (
            how == "ccomp"
            and comp.i > tok.i
            and lemma in OBJECT_CUES
            and doc[comp.left_edge.i].lower_ in WH_WORDS
            and comp.lemma_.lower() not in LABEL_VERBS  # 'what X called "..."': its own form
        ):
            strength, rule = conf.object_cue, "wh_clause"  # 'discussed how the levy works'
            span = trim(doc, comp.left_edge.i, complement_end(tok, comp))
        elif how == "xcomp" and lemma in DIRECTIVE_VERBS and (obj := directed(tok, comp)):
            strength, rule = conf.directive_clause, "directive_clause"
            span = trim(doc, obj.left_edge.i, comp.right_edge.i)
        elif how == "xcomp" and lemma in GERUND_CUES | OBJECT_CUES and comp.tag_ == "VBG":
            strength, rule = conf.intent_clause, "gerund_clause"  # 'proposed dropping the levy'
            span = trim(doc, comp.left_edge.i, complement_end(tok, comp))
        elif how == "xcomp" and lemma in INTENT_VERBS:
            strength, rule = conf.intent_clause, "intent_clause"
            span = trim(doc, comp.left_edge.i, complement_end(tok, comp))
        elif (
            how == ""
            and lemma in PREP_CUES
            and lemma not in TOPIC_PREP_CUES
            and (pobj := _prep_object(tok, PREP_CUES[lemma]))
        ):
            span = trim(doc, pobj.left_edge.i, object_end(tok, pobj))
            strength, rule = conf.prep_object, "prep_object"
        elif (
            how == ""
            and lemma in OBJECT_CUES | PASSIVE_CUES
            and lemma not in ACT_OBJECT_VERBS
            and (passive := passive_object(tok)) is not None
        ):
            span = trim(doc, passive[0].left_edge.i, passive[0].right_edge.i)
            strength, rule = conf.object_cue, "passive_object"
            if passive[0].ent_type_ in _NAMED and passive[0].left_edge == passive[0]:
                min_words = 1  # 'Hale was endorsed by the union': a name is enough
        elif lemma in LABEL_VERBS or (
            lemma in OBJECT_CUES and lemma not in ACT_OBJECT_VERBS and how == ""
        ):
            right = [c for c in tok.rights if c.dep_ in ("dobj", "oprd")]
            if not right:
                continue
            last = right[-1]
            for c in tok.rights:  # "accused X of Y", "described X as Y", "attacked X for Y"
                if c.i > last.i and (
                    c.dep_ == "oprd"
                    or (c.dep_ == "prep" and c.lower_ in OBJ_PREPS and not _duration(c))
                ):
                    last = c
            end = object_end(tok, last)
            tail = [c for c in last.rights if c.dep_ == "prep" and c.right_edge.i == end]
            if tail and _duration(tail[0]):
                end = tail[0].i - 1  # 'promoted the ferry for years': how long, not what
            start = charge_start(tok, lemma, right[0]) or right[0].left_edge.i
            span = trim(doc, start, cue_conjunct_end(tok, start, end))
            if span is not None:
                span = cut_after_quote(doc, span)
            strength, rule = conf.object_cue, "object_cue"
            if last is right[0] and right[0].ent_type_ in _NAMED:
                min_words = 1  # 'endorsed Hale', 'attacked Lund': whom one stood for or against
        elif how == "" and lemma in VIEW_AS_VERBS and (seen := regarded_as(tok)) is not None:
            span = trim(doc, seen[0].left_edge.i, seen[1].right_edge.i)
            strength, rule = conf.belief_clause, "view_as"
        elif how == "" and lemma in EVIDENCE_VERBS and (found := finding(tok)) is not None:
            span = trim(doc, found[0].left_edge.i, found[1].right_edge.i)
            strength, rule = conf.object_cue, "finding_object"
        else:
            continue
        if span is not None and span[0] <= tok.idx < span[1] and how == "ccomp":
            span = _after_relative(doc, tok, comp)
        if span is None or span[0] <= tok.idx < span[1]:
            continue  # a misparse: the content cannot hold its own cue
        if span[1] <= tok.idx and re.search(r"[:;]", text[span[1] : tok.idx]):
            continue  # 'A new fight: Republicans said ...': the clause before a colon is not content
        if _not_said(tok, comp if how == "ccomp" else None):
            continue
        if not_a_report(tok, lemma, rule, comp if how == "ccomp" else None):
            continue  # 'called a meeting to discuss', 'polls show': acts and evidence
        if (
            tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and how != "ccomp"  # 'a side knowing that ...' still reports a clause
            and tok.head.pos_ in ("NOUN", "PROPN")
            and tok.head.lemma_.lower() not in PARTICIPLE_SOURCE_NOUNS
        ):
            continue  # 'voters supporting Hale', 'a policy urging ...': a kind, not a report
        speaker_i = passive[1].i if rule == "passive_object" else speaker_index(tok)
        if rule != "passive_object" and (joined := misplaced_conjunct_head(tok)) is not None:
            speaker_i = speaker_index(joined)  # '... of being "duped" and encourage X to'
        if speaker_i is not None:
            subj = doc[speaker_i]
            if subj.lower_ in NOT_SOURCES and not one_of(subj):
                continue
            if subj.lower_ == "it" and not it_names_source(tok, rule, speech):
                continue
            if lemma in EVIDENCE_VERBS and subj.lemma_.lower() in DATA_NOUNS:
                continue  # 'figures show that ...': a finding, not anyone's statement
        out.append(
            CueClause(
                cue_i=tok.i,
                cue=_cue_text(doc, tok),
                start=span[0],
                end=span[1],
                speaker_i=speaker_i,
                strength=strength,
                rule=rule,
                min_words=min_words,
            )
        )
    out.extend(stance_clauses(doc, conf))
    out.extend(colon_paragraphs(doc, text, conf.speech_clause))
    return continue_paragraph(doc, text, with_mid_clauses(doc, text, out, conf.speech_clause))


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


def _duration(prep: Token) -> bool:
    """``promoted the plan for years``: how long, not what for."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.lemma_.lower() in DURATION_NOUNS


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
        pieces.append(trim(doc, sent.start, a_start - 1))
    if a_end < sent.end - 1:
        pieces.append(trim(doc, a_end + 1, sent.end - 1))
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
