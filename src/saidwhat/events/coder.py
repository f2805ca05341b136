"""The rule coder: PLOVER events from a spaCy parse, its statements and its people.

For each sentence:

1. **Triggers**: verbs, nouns and adjectives of the :mod:`.lexicon`, refined by
   their particle ("call for"), their object ("send troops" vs "send aid"), a
   light verb taking its event from its object ("hold talks") and by who acts
   ("protest" by a crowd is PROTEST, by a ministry ACCUSE).
2. **Frames**: an intention ("offered to hand over"), a request ("urged X to
   withdraw"), a refusal or a threat takes its mode, and for intentions its
   type, from the event of its complement, which it absorbs. A trigger inside
   the arguments of another trigger is absorbed too ("condemned the attack" is
   one ACCUSE); conjoined and adverbial clauses keep their own events.
3. **Auxiliary modes**: negation ("did not meet") and conditionals ("if the
   issue is not solved") are marked and get no score; a negated acceptance is a
   refusal (REJECT); future cooperation is AGREE and a future retreat CONCEDE,
   as the manual says.
4. **Actor and recipient** (:mod:`.actors`): the subject (or the passive's agent),
   the speaker for "I"/"we" in a statement or for a statement's own cue; the
   recipient from the dative, object and prepositional objects, then the
   complement, then the nearest other named entity of the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..extraction.citations import find_citations
from ..model import Person, Statement
from . import plover
from .actors import DocContext, is_entity_like
from .lexicon import Lexicon, Trigger, lexicon_for
from .model import Event
from .participants import ParticipantsMixin
from .syntax import (
    COMPLEMENTS,
    child_with,
    cited_date,
    complement,
    depth,
    depth_below,
    is_headline,
    object_of,
    paragraph_statement,
    passive_patient,
    prep_objects,
    statement_for,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Dependencies across which a trigger keeps its own event (not absorbed by the head's).
_INDEPENDENT = frozenset({"conj", "advcl", "parataxis", "relcl", "ROOT"})
#: Types whose future form is AGREE, and whose future form is CONCEDE (manual, AGREE/CONCEDE).
_FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_FUTURE_TO_CONCEDE = frozenset({"RETREAT"})
_FUTURE_TO_THREATEN = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
_CONFLICT_MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})
#: Confidence of an event by how its recipient was found.
CONFIDENCE_SYNTAX = 0.7
CONFIDENCE_NEAREST = 0.5
#: Widest evoking span in tokens ("held talks"); wider pieces keep only the trigger word.
MAX_SPAN_TOKENS = 6


@dataclass
class _Hit:
    tok: Token  # the trigger word
    trigger: Trigger
    extra: list[Token]  # further words of the evoking span (particle, object noun)
    frame: str | None = None  # 'intent', 'request', 'reject', 'threat', 'judgement'
    complement: _Hit | None = None


class EventCoder(ParticipantsMixin):
    """Codes events in parsed documents; one per language, cheap to build."""

    def __init__(self, language: str | None = "en") -> None:
        lex = lexicon_for(language)
        if lex is None:
            raise ValueError(f"no event lexicon for language {language!r}")
        self.lex: Lexicon = lex
        # Every lemma that can start a trigger: most tokens are rejected by one set lookup.
        self._lemmas = (
            set(lex.verbs)
            | {v for v, _ in lex.phrasal}
            | {v for v, _ in lex.verb_object}
            | set(lex.nouns)
            | set(lex.adjectives)
            | set(lex.evaluative)
            | lex.light_verbs
            | lex.request_frames
            | lex.intent_frames
            | {"call", "open"}
        )

    # -- public ------------------------------------------------------------------
    def code(
        self,
        sdoc: Doc,
        statements: Iterable[Statement] = (),
        people: Iterable[Person] = (),
    ) -> list[Event]:
        """All events of ``sdoc`` (a parse of the document text), linked to ``statements``."""
        ctx = DocContext.build(sdoc, statements, people)
        events: list[Event] = []
        for sent in sdoc.sents:
            if is_headline(sent, ctx.text):
                continue  # titles paraphrase the statements below them; code those instead
            events.extend(self.code_sentence(sent, ctx))
        citations = None
        for ev in events:
            if ev.statement is None:
                ev.dated_by = paragraph_statement(ev, ctx)
            if ev.statement is None and ev.dated_by is None:
                if citations is None:
                    citations = [c for c in find_citations(ctx.text) if c.date]
                ev.date = cited_date(ev, ctx.text, citations)
        return events

    def code_sentence(self, sent: Span, ctx: DocContext) -> Iterator[Event]:
        hits = {}
        lemmas = self._lemmas
        deontic = self.lex.deontic_aux
        obliged: list[Token] = []
        for tok in sent:
            if tok.dep_ == "aux" and tok.lower_ in deontic:
                obliged.append(tok)
            if tok.lemma_.lower() not in lemmas:
                continue
            hit = self._trigger(tok)
            if hit is not None:
                hits[tok.i] = hit
        for hit in hits.values():
            self._frame(hit, hits)
        for modal in obliged:
            hit = self._deontic(modal, hits, sent, ctx)
            if hit is not None:
                hits[hit.tok.i] = hit
        for i, hit in hits.items():
            if self._absorbed(hit.tok, hits, sent):
                continue
            event = self._event(hit, sent, ctx)
            if event is not None:
                ctx.coded.append(event)
                yield event
            del i

    # -- triggers ----------------------------------------------------------------
    def _deontic(self, modal: Token, hits: dict[int, _Hit], sent: Span, ctx: DocContext):
        """A demand (REQUEST) of the clause's subject: "X said Molden must withdraw".

        Only a reported clause or a statement's words: an obligation the writer states
        is no one's demand. The clause's own event (if any) sets the mode.
        """
        verb = modal.head
        if verb.i == modal.i or child_with(verb, ("nsubj",)) is None:
            return None
        if verb.dep_ != "ccomp" and statement_for(verb, sent, ctx) is None:
            return None
        own = hits.get(verb.i)
        comp = own if own is not None else self._complement_hit(verb, hits)
        extra = [modal, *(own.extra if own is not None else [])]
        return _Hit(verb, Trigger("REQUEST"), extra, frame="deontic", complement=comp)

    def _trigger(self, tok: Token) -> _Hit | None:
        lex = self.lex
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            return self._verb_trigger(tok, lemma)
        if tok.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns:
            return self._noun_trigger(tok, lemma)
        if (
            tok.pos_ == "ADJ"
            and lemma in lex.adjectives
            and any(c.dep_ in ("xcomp", "prep", "ccomp") for c in tok.children)
        ):
            return _Hit(tok, lex.adjectives[lemma], [])
        if tok.pos_ == "ADJ" and lemma in lex.evaluative and tok.dep_ in ("acomp", "ROOT", "conj"):
            return _Hit(tok, lex.evaluative[lemma], [], frame="judgement")
        return None

    def _verb_trigger(self, tok: Token, lemma: str) -> _Hit | None:
        lex = self.lex
        obj = object_of(tok)
        if lemma == "open" and obj is not None and obj.lemma_.lower() == "fire":
            return _Hit(tok, Trigger("ASSAULT", "firearms"), [obj])
        if obj is not None:
            cls = self._object_class(obj)
            if cls and (lemma, cls) in lex.verb_object:
                return _Hit(tok, lex.verb_object[(lemma, cls)], [obj])
        for child in tok.children:
            if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in lex.phrasal:
                if obj is not None and (lemma, child.lower_) in lex.intransitive_phrasal:
                    continue  # "took two cameras to the briefing" is no "take to the streets"
                return _Hit(tok, lex.phrasal[(lemma, child.lower_)], [child])
        if obj is not None and lemma in lex.light_verbs and obj.lemma_.lower() in lex.nouns:
            noun = self._noun_trigger(obj, obj.lemma_.lower())
            if noun is not None:
                return _Hit(tok, noun.trigger, [obj])
        if lemma in lex.light_verbs:
            # "engaged in fighting", "took part in talks": the event is the noun of the phrase
            for pobj in prep_objects(tok, ("in", "into")):
                noun = (
                    self._noun_trigger(pobj, pobj.lemma_.lower())
                    if pobj.lemma_.lower() in lex.nouns
                    else None
                )
                if noun is not None:
                    return _Hit(tok, noun.trigger, [pobj])
        if lemma == "release" and obj is not None:
            return None  # releasing a statement or a report is not an event
        if lemma in lex.show_verbs and (obj is not None or complement(tok) is not None):
            return None  # "demonstrated its readiness": showing, not a demonstration
        if lemma in lex.meet_verbs and obj is None:
            subj = subject_of(tok)
            if subj is not None and not is_entity_like(subj, lex):
                return None  # "where our interests meet": no meeting
        if lemma in lex.meet_verbs and obj is not None and not is_entity_like(obj, lex):
            noun = lex.nouns.get(obj.lemma_.lower())
            if noun is not None and noun.event == "REQUEST":
                return _Hit(tok, Trigger("CONCEDE"), [obj])  # "met their demands": yielding
            return None  # "meets the interests of both sides": no meeting
        patient = obj if obj is not None else passive_patient(tok)
        if (
            patient is not None
            and lex.verbs.get(lemma, Trigger("")).event == "ASSAULT"
            and self._object_class(patient) in lex.abstract_object_classes
        ):
            return None  # "destroyed the relations", "relations, which were destroyed"
        if lemma in ("allow", "permit") and not (obj is not None or complement(tok) is not None):
            return None
        if lemma == "call":
            return self._call(tok, obj)
        if lemma in ("ask", "request") and not (
            child_with(tok, ("xcomp", "ccomp")) is not None or prep_objects(tok, ("for",))
        ):
            return None  # "Asked about the border, she said": a question, not a request
        trig = lex.verbs.get(lemma)
        if trig is None:
            # "told them to leave", not "told reporters that ...": an order needs an infinitive
            if lemma in lex.request_frames and child_with(tok, ("xcomp",)) is not None:
                return _Hit(tok, Trigger("REQUEST"), [])
            if lemma in lex.intent_frames and complement(tok) is not None:
                return _Hit(tok, Trigger("AGREE"), [])
            return None
        return _Hit(tok, self._refine(tok, lemma, trig, obj), [])

    def _noun_trigger(self, tok: Token, lemma: str) -> _Hit | None:
        lex = self.lex
        trig = lex.nouns[lemma]
        if tok.dep_ == "compound":
            return None  # "riot police", "protest leaders": a modifier, not an event
        if lemma == "strike" or (lemma == "call" and tok.dep_ != "dobj"):
            return None if lemma == "call" else _Hit(tok, self._strike_noun(tok), [])
        if trig.event == "MOBILIZE" and tok.lemma_.lower() in (
            "exercise",
            "drill",
            "manoeuvre",
            "maneuver",
        ):
            mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
            if mods & lex.joint_modifiers:
                return _Hit(tok, Trigger("COOPERATE"), [])
        if lemma == "release" and not any(
            self._object_class(c) == "people" for c in prep_objects(tok, ("of",))
        ):
            return None
        return _Hit(tok, trig, [])

    def _strike_noun(self, tok: Token) -> Trigger:
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if mods & self.lex.attack_strike_modifiers:
            return Trigger("ASSAULT", "aerial" if "air" in mods else None)
        return Trigger("PROTEST", "strike")

    def _call(self, tok: Token, obj: Token | None) -> _Hit | None:
        if any(c.dep_ == "oprd" for c in tok.children):
            return None  # "called the talks a landmark"
        if obj is not None and complement(tok) is not None:
            return _Hit(tok, Trigger("REQUEST"), [])
        if obj is not None and obj.ent_type_ in ("PERSON", "GPE", "ORG"):
            return _Hit(tok, Trigger("CONSULT", "phone"), [])
        return None

    def _refine(self, tok: Token, lemma: str, trig: Trigger, obj: Token | None) -> Trigger:
        """Adjust a verb's trigger by its subject and object (protest, attack, withdraw)."""
        lex = self.lex
        if trig.mode == "obstruct" or lemma == "protest":
            subj = subject_of(tok)
            state = subj is not None and (
                subj.ent_type_ in ("GPE", "PERSON")
                or subj.lemma_.lower() in lex.state_nouns
                or any(c.lemma_.lower() in lex.state_nouns for c in subj.lefts)
            )
            if state:
                # a state "protesting" protests diplomatically; a state "blocking" refuses
                return (
                    Trigger("REJECT")
                    if trig.mode == "obstruct"
                    else Trigger("ACCUSE", "disapprove")
                )
        if (
            lemma in ("attack", "strike")
            and obj is not None
            and obj.lemma_.lower() in lex.abstract_objects
        ):
            return Trigger("ACCUSE", "disapprove")
        if lemma == "strike" and obj is None:
            subj = subject_of(tok)
            if subj is not None and subj.lemma_.lower() in lex.civilian_nouns:
                return Trigger("PROTEST", "strike")
        if lemma == "withdraw":
            for pobj in prep_objects(tok, ("from",)):
                cls = self._object_class(pobj)
                if cls in ("agreements", "meetings", "relations") or pobj.ent_type_ == "ORG":
                    return Trigger("SANCTION", "withdraw")
        return trig

    def _object_class(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        for name, words in self.lex.object_classes.items():
            if lemma in words or tok.lower_ in words:
                return name
        if tok.ent_type_ == "PERSON" or tok.like_num:
            return "people"
        return None

    # -- frames and absorption ---------------------------------------------------
    def _frame(self, hit: _Hit, hits: dict[int, _Hit]) -> None:
        lex = self.lex
        lemma = hit.tok.lemma_.lower()
        if lemma in lex.threat_frames and hit.trigger.event in ("THREATEN", "AGREE"):
            hit.frame = "threat" if lemma != "vow" else "intent"
        elif lemma in lex.reject_frames:
            hit.frame = "reject"
        elif hit.trigger.event == "REQUEST":
            hit.frame = "request"
        elif lemma in lex.intent_frames and hit.trigger.event == "AGREE":
            hit.frame = "intent"
        if hit.frame in (None, "judgement", "deontic"):
            return
        hit.complement = self._complement_hit(hit.tok, hits)

    def _complement_hit(self, tok: Token, hits: dict[int, _Hit]) -> _Hit | None:
        """The shallowest trigger inside the frame's complement (or its object/for-phrase)."""
        roots = [c for c in tok.children if c.dep_ in (*COMPLEMENTS, "dobj")]
        roots += prep_objects(tok, ("for", "to", "of", "on"))
        best: tuple[int, _Hit] | None = None
        for root in roots:
            for t in root.subtree:
                if t.i in hits and t.i != tok.i:
                    depth = depth_below(t, tok)
                    if best is None or depth < best[0]:
                        best = (depth, hits[t.i])
        return best[1] if best else None

    def _absorbed(self, tok: Token, hits: dict[int, _Hit], sent: Span) -> bool:
        """True if an ancestor trigger takes ``tok`` as (part of) an argument."""
        cur = tok
        while cur.head.i != cur.i:
            if cur.dep_ in _INDEPENDENT:
                return False
            cur = cur.head
            if cur.i in hits:
                return True
        return False

    # -- the event ---------------------------------------------------------------
    def _event(self, hit: _Hit, sent: Span, ctx: DocContext) -> Event | None:
        lex = self.lex
        tok = hit.tok
        event, mode = hit.trigger.event, hit.trigger.mode
        comp = hit.complement
        if hit.frame == "intent":
            if comp is not None:
                ctype = comp.trigger.event
                if ctype in _COOPERATIVE or ctype in ("RETREAT", "CONCEDE"):
                    # agreeing, offering or promising to cooperate or to yield (manual, AGREE)
                    event, mode = "AGREE", None
                elif ctype in _CONFLICT_MATERIAL:
                    event = "THREATEN"
                    mode = lex.threat_mode_by_event.get(ctype)
            elif tok.lemma_.lower() not in lex.verbs and tok.lemma_.lower() not in lex.adjectives:
                return None
        elif hit.frame in ("request", "reject", "deontic") and comp is not None:
            mode = lex.request_mode_by_event.get(comp.trigger.event, "change")
        elif hit.frame == "threat" and comp is not None:
            mode = lex.threat_mode_by_event.get(comp.trigger.event, mode)

        aux = None
        if hit.frame == "deontic":
            # "Molden must not attack" is still a demand: only a condition makes it unreal
            aux = plover.AUX_HYPOTHETICAL if self._conditional(tok) else None
        elif self._negated(tok):
            if tok.lemma_.lower() in lex.negated_to_reject:
                mode = lex.request_mode_by_event.get(comp.trigger.event) if comp else None
                event = "REJECT"
            elif event in _COOPERATIVE | {"RETREAT", "CONCEDE"} and self._volition(tok):
                # "we will not withdraw", "cannot accept": a refusal
                mode = lex.request_mode_by_event.get(event)
                event = "REJECT"
            else:
                aux = plover.AUX_NEGATION
        elif self._conditional(tok):
            aux = plover.AUX_HYPOTHETICAL
        elif self._future(tok):
            if event in _FUTURE_TO_AGREE:
                event, mode = "AGREE", None
            elif event in _FUTURE_TO_CONCEDE:
                event, mode = "CONCEDE", None
            elif event in _FUTURE_TO_THREATEN:
                # "we will retaliate": force announced is a threat (manual: THREATEN is
                # ASSAULT + hypothetical; return the single category)
                mode = lex.threat_mode_by_event.get(event)
                event = "THREATEN"
            else:
                aux = plover.AUX_FUTURE

        statement = statement_for(tok, sent, ctx)
        st = ctx.statements[statement] if statement is not None else None
        if hit.frame == "judgement" and st is None:
            return None  # a judgement without a speaker is the writer's, not an event
        actors, recipients = self._participants(hit, sent, ctx, st)
        if hit.frame == "deontic" and not (actors and recipients):
            return None  # "we must be careful": an obligation of one's own is no demand
        start, end = self._span(hit)
        basis_nearest = any(r.basis == "nearest" for r in recipients)
        realised = aux not in plover.UNREALISED
        return Event(
            event=event,
            mode=mode,
            aux=aux,
            span=ctx.text[start:end],
            start=start,
            end=end,
            score=plover.score(event, mode) if realised else None,
            actor=actors,
            recipient=recipients,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            statement=statement,
            confidence=CONFIDENCE_NEAREST if basis_nearest else CONFIDENCE_SYNTAX,
            depth=depth(tok),
        )

    def _span(self, hit: _Hit) -> tuple[int, int]:
        toks = [hit.tok, *hit.extra]
        lo, hi = min(t.i for t in toks), max(t.i for t in toks)
        if hi - lo >= MAX_SPAN_TOKENS:
            lo = hi = hit.tok.i
        doc = hit.tok.doc
        return doc[lo].idx, doc[hi].idx + len(doc[hi].text)

    # -- auxiliary modes ---------------------------------------------------------
    def _negated(self, tok: Token) -> bool:
        neg = self.lex.negators
        cur = tok
        for _ in range(3):  # the trigger and the verbs it is the complement of
            if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in neg) for c in cur.children):
                return True
            if cur.dep_ not in ("xcomp", "dobj", "pobj", "prep") or cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def _volition(self, tok: Token) -> bool:
        verb = tok if tok.pos_ in ("VERB", "AUX", "ADJ") else tok.head
        return any(c.dep_ == "aux" and c.lower_ in self.lex.volition_aux for c in verb.children)

    def _conditional(self, tok: Token) -> bool:
        marks = self.lex.conditional_marks
        cur = tok
        while True:
            if any(c.dep_ == "mark" and c.lower_ in marks for c in cur.children):
                return True
            if cur.head.i == cur.i or cur.dep_ in ("ROOT", "conj", "ccomp", "parataxis"):
                return False
            cur = cur.head

    def _future(self, tok: Token) -> bool:
        lex = self.lex
        verb = tok if tok.pos_ in ("VERB", "AUX", "ADJ") else tok.head
        for c in verb.children:
            if c.dep_ == "aux" and c.lower_ in lex.future_aux:
                return True
            if c.dep_ == "aux" and c.lower_ == "would" and verb.dep_ == "ccomp":
                return True
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_.lower() in lex.future_frames:
            return True
        return verb.dep_ == "xcomp" and head.lower_ == "going"
