"""Who acts and who is acted on: the actor and recipient of a trigger (a mixin of the coder).

The subject (or the passive's agent), the speaker for "I"/"we" in a statement,
the possessor or "by" phrase of a noun; the recipient from the dative, object
and prepositional objects, then the frame's complement, then the accuser of an
accusation being rejected, then the nearest other named entity of the sentence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Statement
from .actors import (
    DocContext,
    entities_from_token,
    is_entity_like,
    nearest_entity,
    speaker_entity,
)
from .model import Entity
from .syntax import child_with, object_of, prep_objects, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .coder import _Hit
    from .lexicon import Lexicon

#: Triggers where the subject hosts and the object visits (the visitor is the actor).
HOSTING = frozenset({"host", "receive"})


class ParticipantsMixin:
    """Actor and recipient finding for :class:`~.coder.EventCoder` (which sets ``lex``)."""

    lex: Lexicon

    def _answered(self, hit: _Hit, ctx: DocContext) -> list[Entity]:
        """Who made the accusation (proposal, demand …) that this event rejects or answers.

        "Hallen rejected the accusation": the recipient is the actor of the latest
        earlier event of the type the object noun names.
        """
        obj = object_of(hit.tok)
        if obj is None or obj.lemma_.lower() not in self.lex.nouns:
            return []
        wanted = self.lex.nouns[obj.lemma_.lower()].event
        for ev in reversed(ctx.coded):
            if ev.event == wanted and ev.start < hit.tok.idx and ev.actor:
                return [replace(a, basis="answered") for a in ev.actor[:1]]
        return []

    def _participants(
        self, hit: _Hit, sent: Span, ctx: DocContext, st: Statement | None
    ) -> tuple[list[Entity], list[Entity]]:
        lex = self.lex
        tok = hit.tok

        def ents(t: Token | None, basis: str) -> list[Entity]:
            if t is None:
                return []
            return entities_from_token(t, ctx, lex, statement=st, basis=basis)

        if hit.frame == "deontic":
            return self._deontic_participants(hit, ents, ctx, st)
        actors: list[Entity] = []
        recipients: list[Entity] = []
        passive_subj = child_with(tok, ("nsubjpass",))
        agent = next(iter(prep_objects(tok, ("by",), dep="agent")), None)
        if hit.frame == "judgement" and st is not None:
            spk = speaker_entity(st, ctx)
            actors = [spk] if spk else []
        elif tok.pos_ in ("NOUN", "PROPN"):
            actors = self._noun_actors(tok, ctx, st)
        elif passive_subj is not None and agent is None and self._stative_passive(hit):
            # "Tarvia is opposed to ...", "is prepared to ...": a state of the subject
            actors = ents(passive_subj, "subject")
        elif passive_subj is not None:
            actors = ents(agent, "agent")
            if is_entity_like(passive_subj, lex):
                recipients = ents(passive_subj, "object")
            elif agent is not None:
                # "a camp for Moldenian refugees was attacked": the named entity inside
                recipients = self._inner_entities(passive_subj, ctx, st, "object")
        else:
            actors = ents(subject_of(tok), "subject")
        if not actors and st is not None:
            spk = speaker_entity(st, ctx)
            actors = [spk] if spk else []
        if not actors and (
            hit.trigger.event in lex.state_action_events or hit.trigger.mode == "investigate"
        ):
            # "was arrested in Tarvia": the state of the place acts
            actors = self._place_actor(tok, ctx, st)
        keys = {a.key() for a in actors}
        if not recipients:
            recipients = self._recipients(tok, hit, ctx, st, keys)
        if tok.lemma_.lower() in HOSTING and hit.trigger.event == "CONSULT" and recipients:
            actors, recipients = recipients, actors
            keys = {a.key() for a in actors}
        recipients = [r for r in recipients if r.key() not in keys]
        if not recipients and hit.trigger.event in ("REJECT", "ACCUSE", "AGREE", "CONCEDE"):
            recipients = [r for r in self._answered(hit, ctx) if r.key() not in keys]
        if not recipients:
            near = nearest_entity(sent, tok.i, actors, ctx, lex)
            if near is not None:
                recipients = [near]
        if not actors:
            near = nearest_entity(sent, -1, recipients, ctx, lex)
            if near is not None and near.start is not None and near.start < tok.idx:
                actors = [near]
        return actors, recipients

    def _deontic_participants(
        self, hit: _Hit, ents, ctx: DocContext, st: Statement | None
    ) -> tuple[list[Entity], list[Entity]]:
        """A reported obligation ("X said Molden must withdraw"): X demands of Molden."""
        tok = hit.tok
        actors = ents(subject_of(tok.head), "subject") if tok.dep_ == "ccomp" else []
        if not actors and st is not None:
            spk = speaker_entity(st, ctx)
            actors = [spk] if spk else []
        keys = {a.key() for a in actors}
        recipients = [
            r for r in ents(child_with(tok, ("nsubj",)), "obliged") if r.key() not in keys
        ]
        return actors, recipients

    def _stative_passive(self, hit: _Hit) -> bool:
        """A participle that states its subject's stance ("opposed to", "prepared to")."""
        if hit.trigger.event not in self.lex.stative_passive_events:
            return False
        tok = hit.tok
        return any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("to", "in"))
            for c in tok.children
        )

    def _place_actor(self, tok: Token, ctx: DocContext, st: Statement | None) -> list[Entity]:
        lex = self.lex
        heads = [tok]
        if tok.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
            heads.append(tok.head)
            if tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
                heads.append(tok.head.head)  # "put under investigation in Tarvia"
        for head in heads:
            for place in prep_objects(head, lex.locative_preps):
                if place.ent_type_ == "GPE":
                    found = entities_from_token(place, ctx, lex, statement=st, basis="place")
                    if found:
                        return found[:1]
        return []

    def _inner_entities(
        self, cand: Token, ctx: DocContext, st: Statement | None, basis: str
    ) -> list[Entity]:
        """A named entity inside the phrase ``cand`` ("condemned Israel's bombing")."""
        lex = self.lex
        for t in cand.subtree:
            if (
                t.i != cand.i
                and t.ent_type_
                and t.dep_ in ("poss", "pobj", "compound", "amod", "nmod")
                and is_entity_like(t, lex)
            ):
                found = entities_from_token(t, ctx, lex, statement=st, basis=basis)
                if found:
                    return found
        return []

    def _noun_actors(self, tok: Token, ctx: DocContext, st: Statement | None) -> list[Entity]:
        lex = self.lex
        for c in tok.children:
            if c.dep_ == "poss" or (
                c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
            ):
                found = entities_from_token(c, ctx, lex, statement=st, basis="possessor")
                if found:
                    return found
        for pobj in prep_objects(tok, ("by", "between")):
            found = entities_from_token(pobj, ctx, lex, statement=st, basis="prep")
            if found:
                return found
        of = prep_objects(tok, ("of",))
        # "the visit of President Arno Kell" names the actor; "speeded up the withdrawal of
        # its forces" names what is withdrawn: then the subject of the verb acts
        for pobj in of:
            if pobj.ent_type_ in ("PERSON", "ORG", "GPE"):
                found = entities_from_token(pobj, ctx, lex, statement=st, basis="prep")
                if found:
                    return found
        verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
        if verb is not None:
            subj = subject_of(verb)
            if subj is not None:
                found = entities_from_token(subj, ctx, lex, statement=st, basis="subject")
                if found:
                    return found
        for pobj in of:
            found = entities_from_token(pobj, ctx, lex, statement=st, basis="prep")
            if found:
                return found
        return []

    def _recipients(
        self,
        tok: Token,
        hit: _Hit,
        ctx: DocContext,
        st: Statement | None,
        actor_keys: set[str] = frozenset(),
    ) -> list[Entity]:
        lex = self.lex
        if hit.frame == "judgement":
            # "the obsession in the United States is regrettable": judged is the subject
            subj = subject_of(tok)
            own = speaker_entity(st, ctx) if st is not None else None
            judged = []
            for t in subj.subtree if subj is not None else ():
                if t.ent_type_ and is_entity_like(t, lex):
                    found = entities_from_token(t, ctx, lex, statement=st, basis="judged")
                    judged += [(e, t.dep_ in ("amod", "compound")) for e in found]
            # a named place ("in the United States") names the judged side better than an
            # adjective ("the Russian factor"); one's own side is rarely the one judged
            judged.sort(key=lambda p: (p[0].type != "country", p[1]))
            judged = [e for e, _ in judged]
            judged = [e for e in judged if not (own and e.country and e.country == own.country)]
            if judged:
                return judged[:1]

        def fresh(found: list[Entity]) -> list[Entity]:
            return [e for e in found if e.key() not in actor_keys]

        # The trigger, the noun of a light verb ("staged rallies against X"), the
        # frame's complement ("urged X to withdraw from Y").
        sources = [(tok, hit.trigger.event)]
        sources += [(t, hit.trigger.event) for t in hit.extra if t.pos_ in ("NOUN", "PROPN")]
        if hit.complement is not None:
            sources.append((hit.complement.tok, hit.complement.trigger.event))
        for src, event in sources:
            cands: list[tuple[Token, str]] = []
            for c in src.children:
                if c.dep_ == "dative":
                    cands.append((c, "dative"))
            obj = object_of(src)
            if obj is not None:
                cands.append((obj, "object"))
            # "demanded that Molden withdraw", "protested that the authorities fail"
            # (only where the clause is what the trigger takes: no object, no infinitive)
            clause = None
            if obj is None and child_with(src, ("xcomp",)) is None:
                clause = child_with(src, ("ccomp",))
            subj = child_with(clause, ("nsubj", "nsubjpass")) if clause is not None else None
            if subj is not None:
                cands.append((subj, "clause"))
            for prep in lex.recipient_preps:
                cands += [(p, "prep") for p in prep_objects(src, (prep,))]
            if event in lex.place_recipient_events:
                # an attack "on Kabul" / "in Tel Aviv": the place stands for its side
                cands += [(p, "place") for p in prep_objects(src, lex.locative_preps)]
            if src.pos_ in ("NOUN", "PROPN"):
                cands += [(p, "prep") for p in prep_objects(src, ("against", "with", "on"))]
            for cand, basis in cands:
                if is_entity_like(cand, lex) and not self._own(cand):
                    found = fresh(entities_from_token(cand, ctx, lex, statement=st, basis=basis))
                    if found:
                        return found
            # "condemned Israel's bombing", "the shelling of Velda": an entity inside the object
            for cand, basis in cands:
                found = fresh(self._inner_entities(cand, ctx, st, basis))
                if found:
                    return found
        return []

    def _own(self, tok: Token) -> bool:
        """The actor's own ("its troops", "their forces"): not a recipient."""
        return any(
            c.dep_ == "poss" and c.lower_ in self.lex.possessive_pronouns for c in tok.children
        )
