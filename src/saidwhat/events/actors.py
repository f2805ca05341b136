"""Actors and recipients: from a token of the parse to a resolved :class:`~.model.Entity`.

Names resolve like speakers do: a person mention to the document's canonical
person (``Lavrov`` -> ``Sergey Lavrov``, through the extractor's people and their
aliases), a demonym or capital to its country (:mod:`.places`), an organisation
to itself with the country its name carries ("the Vessian foreign ministry").
Inside a statement, "I"/"we" stand for the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..extraction.indirect import doc_ents
from ..model import Person, Statement
from . import places
from .lexicon import Lexicon
from .model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Named-entity labels that can be actors, most specific first.
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_LABEL_RANK = {label: i for i, label in enumerate(ENTITY_LABELS)}
_THIRD_PERSON = frozenset(["he", "she", "him", "her", "they", "them"])
_RELATIVE = frozenset(["who", "which", "that", "whom"])
_TRIM = re.compile(r"^(?:the|a|an|his|her|its|their|our)\s+", re.IGNORECASE)
#: Dependencies that leave the noun phrase of a head (its clauses and appositions).
_NP_EXITS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep"})


@dataclass
class DocContext:
    """What the coder knows about one document beyond the parse."""

    text: str
    statements: list[Statement]
    people: dict[str, Person]  # lower-cased alias or name -> person
    places: set[str]  # place names the document uses (GPE entities)
    person_ents: list[tuple[int, str]]  # (char offset, text) of PERSON entities, in order
    # The parse's named entities of actor labels, read once (``Doc.ents`` builds Spans each time).
    ents: list = None  # type: ignore[assignment]
    # Events coded so far in this document, in order (for "rejected the accusation").
    coded: list = field(default_factory=list)

    @classmethod
    def build(cls, sdoc: Doc, statements: Iterable[Statement], people: Iterable[Person]):
        index: dict[str, Person] = {}
        for p in people:
            for form in [p.name, *p.aliases]:
                index.setdefault(form.lower(), p)
            parts = p.name.split()
            if p.type == "person" and len(parts) > 1:
                index.setdefault(parts[-1].lower(), p)
        ents = list(doc_ents(sdoc)[0])  # shared with the statement extractor: built once
        known = {e.text for e in ents if e.label_ == "GPE"}
        # Demonyms name their country even where the country itself is not named.
        known |= {g for e in ents if e.label_ == "NORP" and (g := places.guess_place(e.text))}
        return cls(
            text=sdoc.text,
            statements=list(statements),
            people=index,
            places=known,
            person_ents=[(e.start_char, e.text) for e in ents if e.label_ == "PERSON"],
            ents=[e for e in ents if e.label_ in _LABEL_RANK],
        )


def speaker_entity(st: Statement, ctx: DocContext) -> Entity | None:
    """The statement's speaker as an entity (with the mention's offsets when it has one)."""
    name = st.speaker or st.speaker_mention
    if not name:
        return None
    person = ctx.people.get(name.lower())
    country = st.country or (person_country(person, ctx) if person else None)
    if not country and st.role:
        country = places.country_in_text(st.role, ctx.places)
    kind = st.speaker_type or (person.type if person else "person")
    ent = Entity(
        text=st.speaker_mention or name,
        name=name,
        type="organisation" if kind in ("organisation", "outlet") else "person",
        start=st.speaker_start if st.speaker_mention else None,
        end=st.speaker_end if st.speaker_mention else None,
        basis="speaker",
    )
    _set_country(ent, country, ctx)
    return ent


def person_country(person: Person, ctx: DocContext) -> str | None:
    """The person's country as extracted, else as their roles name it ("Vessian President")."""
    if person.country:
        return person.country
    for role in person.roles:
        found = places.country_in_text(role, ctx.places)
        if found:
            return found
    return None


def _set_country(ent: Entity, country: str | None, ctx: DocContext) -> None:
    if not country:
        return
    known = places.country_of(country)
    if known:
        ent.country, ent.code = known.name, known.code
    else:
        ent.country = places.demonym_to_place(country, ctx.places) or country


def country_for(text: str, ctx: DocContext) -> tuple[str | None, str | None]:
    """(country name, ISO code) for a place or demonym as written."""
    known = places.country_of(text)
    if known:
        return known.name, known.code
    found = places.demonym_to_place(text, ctx.places) or places.guess_place(text)
    return (found, None) if found else (None, None)


def _ents_in(ctx: DocContext, start: int, end: int) -> list[Span]:
    """Named entities of actor labels overlapping tokens [start, end)."""
    return [e for e in ctx.ents if e.start < end and e.end > start]


#: Prepositions whose entity phrase belongs to a group noun's mention: "activists from the
#: Fatah party", "police in Orrin", "leaders of the opposition coalition".
_AFFILIATION_PREPS = ("of", "from", "in")


def np_bounds(tok: Token, lex: Lexicon | None = None) -> tuple[int, int]:
    """Token bounds [start, end) of ``tok``'s noun phrase without clauses or appositions.

    An ``of`` phrase naming an entity stays ("the Foreign Minister of Iran"); with
    ``lex``, a group noun ("police", "activists") keeps the ``of``/``from``/``in``
    phrase that names whose they are.
    """
    start, end = tok.i, tok.i + 1
    group = lex is not None and _is_group_noun(tok, lex)
    for child in tok.lefts:
        if child.dep_ not in _NP_EXITS:
            start = min(start, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ in _NP_EXITS:
            if child.dep_ == "appos" and child.ent_type_ in _LABEL_RANK:
                end = max(end, child.right_edge.i + 1)  # "the opposition leader Petr Dorn"
            if child.dep_ == "prep" and (
                child.lower_ == "of" or (group and child.lower_ in _AFFILIATION_PREPS)
            ):
                sub = list(child.subtree)
                named = any(t.ent_type_ in _LABEL_RANK for t in sub)
                if not named and group and child.lower_ == "of":
                    named = any(
                        g.dep_ == "pobj" and g.lemma_.lower() in lex.actor_nouns
                        for g in child.children
                    )
                if named:
                    end = max(end, sub[-1].i + 1)
            continue
        end = max(end, child.right_edge.i + 1)
    # Never start on punctuation or a bare determiner-only edge.
    while start < end - 1 and tok.doc[start].is_punct:
        start += 1
    while end - 1 > start and tok.doc[end - 1].is_punct:
        end -= 1
    return start, end


def _is_group_noun(tok: Token, lex: Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in lex.actor_nouns or lemma in lex.civilian_nouns)


def is_entity_like(tok: Token, lex: Lexicon) -> bool:
    """Could this noun be an actor: a named entity, an actor noun, a pronoun?"""
    if tok.ent_type_ in _LABEL_RANK:
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in _THIRD_PERSON or tok.lower_ in lex.first_plural | lex.first_singular
    start, end = np_bounds(tok)
    if tok.lemma_.lower() in lex.actor_nouns or tok.lemma_.lower() in lex.civilian_nouns:
        return True
    return any(t.ent_type_ in ("PERSON", "ORG") for t in tok.doc[start:end])


def entity_from_token(
    tok: Token,
    ctx: DocContext,
    lex: Lexicon,
    *,
    statement: Statement | None,
    basis: str,
) -> Entity | None:
    """The entity the noun ``tok`` names, resolved to a person, organisation or country."""
    sdoc = tok.doc
    low = tok.lower_
    if tok.pos_ == "PRON":
        if low in lex.first_singular or low in lex.first_plural:
            if statement is not None and _inside(tok.idx, statement):
                ent = speaker_entity(statement, ctx)
                if ent is not None:
                    ent.basis = "speaker"
                return ent
            return None
        if low in _RELATIVE and tok.head.dep_ == "relcl":
            return entity_from_token(tok.head.head, ctx, lex, statement=statement, basis=basis)
        if low in _THIRD_PERSON or low in lex.neuter_pronouns:
            # "X said he would ...", "Tarvia said it would ...", "X was quoted as saying
            # he would ...": the subject of a reported clause is the reporter
            matrix = _reporter(tok)
            if matrix is not None:
                return entity_from_token(matrix, ctx, lex, statement=statement, basis=basis)
            if low in _THIRD_PERSON:
                return _resolve_pronoun(tok, ctx, statement)
        return None
    start, end = np_bounds(tok, lex)
    ents = sorted(
        _ents_in(ctx, start, end),
        key=lambda e: (tok.i not in range(e.start, e.end), _LABEL_RANK[e.label_], e.start),
    )
    span = sdoc[start:end]
    text = span.text
    ent = Entity(
        text=text,
        name=" ".join(_TRIM.sub("", text).split()),
        start=span.start_char,
        end=span.end_char,
        basis=basis,
    )
    known = ctx.people.get(" ".join(text.split()).lower()) or ctx.people.get(tok.text.lower())
    if not ents and known is not None:
        # a speaker of the document the tagger did not tag ("Ostrikov met Hallen")
        ent.type = "person" if known.type == "person" else "organisation"
        ent.name = known.name
        _set_country(ent, person_country(known, ctx), ctx)
        return ent
    if not ents:
        lemma = tok.lemma_.lower()
        actorish = lemma in lex.actor_nouns or lemma in lex.civilian_nouns
        # A subject acts even when it is not a known name ("Ostrikov met Hallen").
        if not actorish and not (basis in ("subject", "agent") and tok.pos_ in ("NOUN", "PROPN")):
            return None
        ent.type = "group"
        return ent
    best = ents[0]
    label = best.label_
    if label in ("ORG", "PERSON") and (best.text in ctx.places or places.country_of(best.text)):
        label = "GPE"  # a country the tagger took for a name elsewhere in the document
    elif label in ("GPE", "NORP") and best.text.lower() in ctx.people:
        # a speaker of the document the tagger took for a place ("Marsk")
        label = "PERSON" if ctx.people[best.text.lower()].type == "person" else "ORG"
    if label == "PERSON":
        person = ctx.people.get(best.text.lower()) or ctx.people.get(best.text.split()[-1].lower())
        ent.type = "person"
        ent.name = person.name if person else best.text
        country = person_country(person, ctx) if person else None
        if country:
            _set_country(ent, country, ctx)
    elif label == "ORG":
        person = ctx.people.get(best.text.lower())
        ent.type = "organisation"
        ent.name = person.name if person else _TRIM.sub("", best.text)
    else:
        name, code = country_for(best.text, ctx)
        is_head = best.start <= tok.i < best.end
        ent.type = "country" if is_head else "group"
        if is_head:
            ent.name = name or _TRIM.sub("", best.text)
        ent.country = name or (best.text if label == "GPE" else None)
        ent.code = code
    if ent.country is None:
        for other in ents:
            if other.label_ in ("GPE", "NORP"):
                name, code = country_for(other.text, ctx)
                if name:
                    ent.country, ent.code = name, code
                    break
    return ent


#: Dependencies from a reported clause up to the verb that reports it.
_REPORTED = frozenset({"ccomp", "xcomp", "pcomp", "prep", "advcl"})
#: How many clause levels a pronoun subject looks up for its reporter.
_REPORTER_LEVELS = 4


def _reporter(tok: Token) -> Token | None:
    """The named subject of the verb reporting the clause whose subject ``tok`` is."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    cur = tok.head
    for _ in range(_REPORTER_LEVELS):
        if cur.dep_ not in _REPORTED or cur.head.i == cur.i:
            return None
        cur = cur.head
        matrix = next(
            (c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"),
            None,
        )
        if matrix is not None:
            return matrix
    return None


def entities_from_token(
    tok: Token, ctx: DocContext, lex: Lexicon, *, statement: Statement | None, basis: str
) -> list[Entity]:
    """``tok`` and its conjuncts ("the United States and France") as entities."""
    out: list[Entity] = []
    for t in (tok, *tok.conjuncts):
        ent = entity_from_token(t, ctx, lex, statement=statement, basis=basis)
        if ent is not None and all(ent.key() != o.key() for o in out):
            out.append(ent)
    return out


def _resolve_pronoun(tok: Token, ctx: DocContext, statement: Statement | None) -> Entity | None:
    """he/she/they: the statement's speaker when the pronoun is its mention, else the last person."""
    if statement is not None and statement.speaker_start == tok.idx and statement.speaker:
        return speaker_entity(statement, ctx)
    before = [(off, text) for off, text in ctx.person_ents if off < tok.idx]
    if not before or tok.lower_ in ("they", "them"):
        return None
    _, text = before[-1]
    person = ctx.people.get(text.lower()) or ctx.people.get(text.split()[-1].lower())
    ent = Entity(
        text=tok.text,
        name=person.name if person else text,
        type="person",
        start=tok.idx,
        end=tok.idx + len(tok.text),
        basis="pronoun",
    )
    if person:
        _set_country(ent, person_country(person, ctx), ctx)
    return ent


def nearest_entity(
    sent: Span, after: int, exclude: list[Entity], ctx: DocContext, lex: Lexicon
) -> Entity | None:
    """The first actor-like named entity of ``sent`` after token ``after`` (else before it)."""
    taken = {e.key() for e in exclude}
    spans = [(e.start, e.end) for e in exclude if e.start is not None]
    cands = [e for e in ctx.ents if sent.start <= e.start and e.end <= sent.end]
    ordered = [e for e in cands if e.start > after] + [e for e in cands if e.start <= after][::-1]
    for e in ordered:
        if any(s < e.end_char and e.start_char < t for s, t in spans):
            continue
        ent = entity_from_token(e.root, ctx, lex, statement=None, basis="nearest")
        if ent is not None and ent.key() not in taken:
            return ent
    return None


def _inside(offset: int, st: Statement) -> bool:
    if st.fragments:
        return any(s <= offset < e for s, e in st.fragments)
    return st.quote_start <= offset < st.quote_end
