"""Attributions carried by a preposition: what someone spoke about.

PolNeAR counts ``Berg spoke about the pier`` as Berg's statement on the pier,
like ``Berg criticized the pier``: the object of ``about`` is what was said. The
verb rules of :mod:`.indirect` leave ``speak``/``talk`` out (``spoke warmly of her
years on the board``, ``did not respond to requests``: a memory or an addressee),
so this rule reads only the topic prepositions of speaking (``about``, ``against``),
said by someone who can speak, and the participle that names what a quote was
about (``..., said Hale, speaking of the levy``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .agents import agent
from .clause_spans import CueClause, object_end, trim
from .clause_speakers import speaker_index
from .lexicon import (
    NOT_SOURCES,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
    TOPIC_NOUNS,
    TOPIC_PREPS,
)
from .lexicon_topics import (
    CRITICISM_NOUNS,
    EXPRESSING_VERBS,
    FEELING_NOUNS,
    FEELING_PREPS,
    FOCUS_ADVERBS,
    OPEN_SECRET_WORDS,
    QUESTION_NOUNS,
    QUESTION_PREPS,
    QUESTION_VERBS,
    QUESTIONED_VERBS,
    REASON_PREPS,
    RECEIVING_VERBS,
    STAND_NOUNS,
    TOPIC_SPEECH_PREPS,
    TOPIC_SPEECH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .settings import Confidence


def _topic(verb: Token, preps: frozenset[str]) -> Token | None:
    """The object of the first topic preposition after ``verb`` (``spoke about X``)."""
    for prep in verb.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _addressed(verb: Token) -> bool:
    """``the experts I spoke to about the plan``: a relative clause whose noun is not its
    subject names whom the speaker addressed, in a clause about them, not a statement
    (``Hale, who spoke about the plan`` is one)."""
    while verb.dep_ == "xcomp" and verb.head is not verb:  # 'people we tried to talk to'
        verb = verb.head
    if verb.dep_ != "relcl":
        return False
    return not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)


def _aside(verb: Token) -> bool:
    """Not the speaker's own speaking about a topic: a preposition left without its
    object (``people we tried to talk to about the plan``: whom they addressed), a
    purpose infinitive under a passive (``was summoned to talk about``: sent, not
    speaking of one's own accord) or a verb the parser could not attach (``parataxis``)."""
    if verb.dep_ == "parataxis":
        return True
    if any(
        c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for c in verb.children
    ):
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "auxpass" for c in verb.head.children)


def _until_when(pobj: Token) -> int:
    """The last token of a topic, without a trailing ``on Tuesday`` the parser hung on it."""
    end = pobj.right_edge.i
    for prep in pobj.rights:
        if prep.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children
        ):
            return prep.i - 1
    return end


def _quote_topic(verb: Token) -> bool:
    """``..., said Hale, speaking of the levy``: a participle of speaking that hangs on a
    verb of saying (or on its subject) names what the statement was about."""
    if verb.tag_ != "VBG":
        return False
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "nsubj":
        head = head.head
    return verb.dep_ in ("advcl", "xcomp", "conj", "acl") and head.lemma_.lower() in SPEECH_VERBS


def _focused(verb: Token, end: int) -> int:
    """``spoke about race, particularly in the context of policing``: a phrase that a
    focusing adverb opens right after the topic narrows the topic, so it goes on."""
    doc = verb.doc
    for child in verb.rights:
        if child.i <= end + 1 or child.dep_ != "prep":
            continue
        first = doc[child.left_edge.i]
        if (
            doc[end + 1].text == ","
            and child.left_edge.i == end + 2
            and first.lower_ in FOCUS_ADVERBS
        ):
            return child.right_edge.i
        break
    return end


def _verbs(doc: Doc, lemmas: frozenset[str], column: list[int]) -> list[Token]:  # or nouns
    """The tokens with one of ``lemmas``, found on the LEMMA ``column`` (most tokens are
    never made into Python objects: that is most of the cost of a pass)."""
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in lemmas}
    return [doc[i] for i, h in enumerate(column) if h in wanted]


def topic_clauses(doc: Doc, conf: Confidence) -> list[CueClause]:
    """``X spoke/talked about A`` -> A, spoken by X (``about``, ``against``; ``of`` only
    in a participle after a verb of saying)."""
    out: list[CueClause] = []
    column = doc.to_array(["LEMMA"]).tolist()
    for verb in _verbs(doc, TOPIC_SPEECH_VERBS, column):
        if verb.pos_ != "VERB":
            continue
        preps = TOPIC_SPEECH_PREPS | ({"of"} if _quote_topic(verb) else set())
        pobj = _topic(verb, frozenset(preps))
        if pobj is None or _addressed(verb) or _aside(verb):
            continue
        speaker_i = speaker_index(verb)
        if speaker_i is None and _quote_topic(verb):
            speaker_i = speaker_index(verb.head)
        if speaker_i is None:
            continue
        subj = doc[speaker_i]
        if subj.lower_ in NOT_SOURCES or subj.lower_ == "it" or not agent(subj):
            continue
        end = object_end(verb, pobj.head)
        if end == pobj.right_edge.i:
            end = _until_when(pobj)
        end = _focused(verb, end)
        cc = _topic_clause(verb, pobj, end, speaker_i, conf.prep_object, "speech_topic")
        if cc is not None and not cc.start <= verb.idx < cc.end:
            out.append(cc)
    noun_forms = (
        (QUESTION_NOUNS, _question_clause),
        (CRITICISM_NOUNS, _criticised_for),
        (TOPIC_NOUNS, _said_with),
        (frozenset(STAND_NOUNS) | {"secret"}, _stand),
        (FEELING_NOUNS, _voiced_feeling),
    )
    for nouns, form in noun_forms:
        for noun in _verbs(doc, nouns, column):
            if noun.pos_ == "NOUN" and (cc := form(noun, conf)) is not None:
                out.append(cc)
    return out


def _after_object(verb: Token, end: int) -> int:
    """``raising questions about his microphone during the debate``: a phrase the parser
    hung on the verb right after the object still says which topic (not a date)."""
    for child in verb.rights:
        if child.i <= end:
            continue
        if child.dep_ == "prep" and child.i == end + 1:
            if any(c.ent_type_ in ("DATE", "TIME") for c in child.children):
                break
            end = child.right_edge.i
            continue
        break
    return end


def _there_are(noun: Token) -> Token | None:
    """``there are (many) questions about X``: the ``be`` of an existential sentence whose
    subject the noun is (or a conjunct of it); the questions are asked by people unnamed."""
    head = noun
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    verb = head.head
    if head.dep_ not in ("attr", "nsubj") or verb.lemma_.lower() != "be":
        return None
    return verb if any(c.dep_ == "expl" for c in verb.children) else None


def _question_clause(noun: Token, conf: Confidence) -> CueClause | None:
    """``Hale raised questions about the levy``, ``the board has questions about``,
    ``answering questions about`` -> the topic, by the verb's subject; ``Hale has faced
    questions about the accounts``, ``there are questions about`` -> the topic, asked by
    someone the text does not name."""
    there = _there_are(noun)
    if there is None and (noun.dep_ != "dobj" or noun.head.lemma_.lower() not in QUESTION_VERBS):
        return None
    verb = there or noun.head
    pobj = _topic(noun, QUESTION_PREPS)
    if pobj is None:
        return None
    unsourced = there is not None or verb.lemma_.lower() in QUESTIONED_VERBS
    speaker_i = None if unsourced else speaker_index(verb)
    if not unsourced:
        if speaker_i is None:
            return None
        subj = noun.doc[speaker_i]
        if subj.lower_ in NOT_SOURCES or subj.lower_ == "it" or not agent(subj):
            return None  # 'the decision raises questions': a thing prompts them, no one asks
    end = _after_object(verb, noun.right_edge.i)
    cc = _topic_clause(
        noun, pobj, end, speaker_i, conf.object_cue, "question_topic", unsourced=unsourced
    )
    return None if cc is None or cc.start <= verb.idx < cc.end else cc


def _received_from(noun: Token) -> Token | None:
    """The verb by which someone takes criticism: ``faced criticism``, ``came under
    (withering) criticism``, ``drew fire``."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "under":
        return head.head
    if noun.dep_ != "dobj":
        return None
    if head.tag_ == "VBG" and head.dep_ == "pcomp" and head.head.lower_ == "under":
        return head.head.head  # 'came under withering criticism': the parser's reading
    return head


def _criticised_for(noun: Token, conf: Confidence) -> CueClause | None:
    """``Hale has faced criticism for closing the pier``, ``came under fire over the
    levy``: what someone is criticised for is what unnamed critics said of them."""
    verb = _received_from(noun)
    if verb is None or verb.lemma_.lower() not in RECEIVING_VERBS:
        return None
    heads = (noun, noun.head) if noun.dep_ == "dobj" else (noun,)
    pobj = next((p for h in heads if (p := _topic(h, REASON_PREPS)) is not None), None)
    if pobj is None or pobj.i < noun.i or pobj.ent_type_ in ("DATE", "TIME"):
        return None  # 'came under fire over the weekend': when, not what for
    return _topic_clause(
        noun, pobj, pobj.right_edge.i, None, conf.object_cue, "criticised_for", unsourced=True
    )


def _said_with(noun: Token, conf: Confidence) -> CueClause | None:
    """``Hale responded with attacks on the board``, ``peppered him with criticism of
    the levy``: words of saying that are the means of the subject's act say what the
    subject said about their topic (an owned noun, ``his attacks on``, is read by
    :func:`.clause_forms.noun_topic`)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "with" or noun.head.head.pos_ != "VERB":
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None
    verb = noun.head.head
    pobj = _topic(noun, TOPIC_PREPS)
    speaker_i = speaker_index(verb)
    if pobj is None or speaker_i is None or pobj.ent_type_ in ("DATE", "TIME"):
        return None
    subj = noun.doc[speaker_i]
    if subj.lower_ in NOT_SOURCES or subj.lower_ == "it" or not agent(subj):
        return None
    return _topic_clause(noun, pobj, pobj.right_edge.i, speaker_i, conf.object_cue, "said_with")


def _prep_object(head: Token, preps: frozenset[str]) -> Token | None:
    """The object of the first of ``preps`` hanging on ``head`` after it."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _by_agent(verb: Token) -> int | None:
    """The subject of ``verb`` when it is someone who can speak, else None."""
    speaker_i = speaker_index(verb)
    if speaker_i is None:
        return None
    subj = verb.doc[speaker_i]
    if subj.lower_ in NOT_SOURCES or subj.lower_ == "it" or not agent(subj):
        return None
    return speaker_i


def _stand(noun: Token, conf: Confidence) -> CueClause | None:
    """``Hale made no secret of his doubts`` (what one does not hide, one says) and
    ``Hale spoke in support of the levy``, ``testified in opposition to the pier``:
    the object is the subject's stated view."""
    head = noun.head
    if noun.lower_ == "secret":
        if noun.dep_ != "dobj" or head.lemma_.lower() != "make":
            return None
        if not any(c.lower_ in OPEN_SECRET_WORDS for c in noun.lefts):
            return None  # 'made a secret of it': hidden, not said
        verb, pobj, rule = head, _prep_object(noun, frozenset({"of"})), "no_secret"
    else:
        if noun.dep_ != "pobj" or head.lower_ != "in" or head.head.pos_ not in ("VERB", "AUX"):
            return None
        verb, pobj, rule = head.head, _prep_object(noun, STAND_NOUNS[noun.lower_]), "in_support"
    speaker_i = _by_agent(verb) if pobj is not None else None
    if speaker_i is None:
        return None
    return _topic_clause(noun, pobj, pobj.right_edge.i, speaker_i, conf.object_cue, rule)


def _voiced_feeling(noun: Token, conf: Confidence) -> CueClause | None:
    """``Hale expressed outrage over the levy``, ``voiced dismay at the vote``: a feeling
    someone expresses is their stated view of what it is about."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in EXPRESSING_VERBS:
        return None
    verb = noun.head
    pobj = _prep_object(noun, FEELING_PREPS) or _prep_object(verb, FEELING_PREPS)
    if pobj is None or pobj.i < noun.i or pobj.ent_type_ in ("DATE", "TIME"):
        return None
    speaker_i = _by_agent(verb)
    if speaker_i is None:
        return None
    return _topic_clause(
        noun, pobj, pobj.right_edge.i, speaker_i, conf.object_cue, "voiced_feeling"
    )


def _topic_clause(
    cue: Token,
    pobj: Token,
    end: int,
    speaker_i: int | None,
    strength: float,
    rule: str,
    *,
    unsourced: bool = False,
) -> CueClause | None:
    """What ``cue`` reports: its topic ``pobj``, up to token ``end``. A named topic may be
    a single word ('spoke about Hale': a name is what was spoken about)."""
    span = trim(cue.doc, pobj.left_edge.i, end)
    if span is None:
        return None
    return CueClause(
        cue_i=cue.i,
        cue=cue.text,
        start=span[0],
        end=span[1],
        speaker_i=speaker_i,
        strength=strength,
        rule=rule,
        min_words=1 if pobj.ent_type_ else 2,
        unsourced=unsourced,
    )
