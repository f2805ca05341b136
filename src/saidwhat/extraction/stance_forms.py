"""Attributions carried by an adjective of stance: ``X is confident that ...``.

PolNeAR counts a source's fear, hope or certainty as an attribution of its view
just as it counts ``X believes that ...``; the parser hangs the that-clause on the
adjective (``afraid``, ``convinced``, ``worried``), not on a verb, so the verb rules
of :mod:`.indirect` never see it. The speaker is the subject of the copula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .agents import agent
from .clause_spans import CueClause, complement_end, trim
from .clause_speakers import speaker_index
from .lexicon import (
    INTENT_ADJECTIVES,
    NOT_SOURCES,
    OPINION_ADJECTIVES,
    STANCE_ADJECTIVES,
)
from .lexicon_topics import CONCESSIVE_PREPS
from .topic_forms import topic_clauses

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .settings import Confidence


def _stance_clause(adj: Token) -> Token | None:
    """The finite clause an adjective of stance reports (``afraid that A``, ``sure A``)."""
    for child in adj.rights:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child
    return None


def _opinion_object(adj: Token) -> Token | None:
    """What an adjective of opinion is about (``critical of the levy``, ``worried about``)."""
    for prep in adj.rights:
        if prep.dep_ == "prep" and prep.lower_ in OPINION_ADJECTIVES[adj.lower_]:
            return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _intended(adj: Token) -> Token | None:
    """The infinitive an adjective of intention governs (``willing to go``)."""
    for child in adj.rights:
        if child.dep_ == "xcomp" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return child
    return None


def _before_concession(comp: Token, end: int) -> int:
    """``coy about whether they would change, despite weeks of bad polls``: a concessive
    phrase after a comma is the writer's comment on the view, not part of it."""
    doc = comp.doc
    for k in range(comp.i + 1, end):
        if doc[k].text == "," and doc[k + 1].lower_ in CONCESSIVE_PREPS:
            return k - 1
    return end


def _adjectives(doc: Doc) -> list[Token]:
    """The tokens that are one of the adjectives above, found on the LOWER column (most
    tokens are never made into Python objects: that is most of the cost of a pass)."""
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in _ADJECTIVES}
    lower = doc.to_array(["LOWER"]).tolist()
    return [doc[i] for i, h in enumerate(lower) if h in wanted]


_ADJECTIVES = STANCE_ADJECTIVES | INTENT_ADJECTIVES | frozenset(OPINION_ADJECTIVES)


def stance_clauses(doc: Doc, conf: Confidence) -> list[CueClause]:
    """``X is/was/seemed <stance adjective> (that) A`` -> A, spoken by X; ``X is
    <adjective of intention> to A`` -> ``to A`` (``willing to``, ``determined to``);
    then the topic forms of :mod:`.topic_forms` (``X spoke about A``)."""
    out: list[CueClause] = []
    for adj in _adjectives(doc):
        if adj.dep_ not in ("acomp", "ROOT"):
            continue
        comp = None
        if adj.lower_ in STANCE_ADJECTIVES:
            comp, strength, rule = _stance_clause(adj), conf.belief_clause, "stance_clause"
        if comp is None and adj.lower_ in INTENT_ADJECTIVES:
            comp, strength, rule = _intended(adj), conf.intent_clause, "intent_adjective"
        if comp is None and adj.lower_ in OPINION_ADJECTIVES:
            comp, strength, rule = _opinion_object(adj), conf.object_cue, "opinion_adjective"
        if comp is None:
            continue
        if any(c.lower_ == "so" for c in adj.lefts):
            continue  # 'so worried that she left': a result clause, not the view held
        cop = adj.head if adj.dep_ == "acomp" else adj
        speaker_i = speaker_index(cop)
        if speaker_i is None:  # 'X is convinced that': the passive subject holds the view
            subj = [c for c in cop.children if c.dep_ == "nsubjpass"]
            speaker_i = subj[0].i if subj else None
        if speaker_i is None:
            continue  # 'it is clear that ...': no one's stance
        subj = doc[speaker_i]
        if subj.lower_ in NOT_SOURCES or subj.lower_ == "it":
            continue
        if rule != "stance_clause" and not agent(subj):
            continue  # 'the pier is ready to open': a thing's state, not anyone's intention
        span = trim(doc, comp.left_edge.i, _before_concession(comp, complement_end(adj, comp)))
        if span is None or span[0] <= adj.idx < span[1]:
            continue
        out.append(
            CueClause(
                cue_i=adj.i,
                cue=adj.text,
                start=span[0],
                end=span[1],
                speaker_i=speaker_i,
                strength=strength,
                rule=rule,
                # 'critical of Hale': a name is what the opinion is about
                min_words=1 if rule == "opinion_adjective" and comp.ent_type_ else 2,
            )
        )
    return out + topic_clauses(doc, conf)
