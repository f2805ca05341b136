"""Cue forms that look like reports but say nothing: the last check on a cue clause.

:func:`.indirect.find_cue_clauses` finds a cue and the extent of what it reports;
:func:`not_a_report` then tells the forms whose words are no statement at all, so
that an analyst is not shown acts, feelings or evidence as what someone said:

- a naming verb with a bare object (``called an emergency meeting``);
- an adverbial clause taken for the content (``feel stung after the vote went ...``);
- ``find it hard to ...``: an experience, not a finding;
- an invitation (``invited him to visit``);
- a physical attack (``attacked the ferry``);
- an ending (``the spot concludes with footage of ...``);
- a taking (``claimed the title``, ``the fire claimed three lives``).

(Evidence summed up by the writer, ``polls show a close race``, what a video shows
someone doing, and a meeting held ``to discuss`` a topic stay reports: PolNeAR
attributes them to their source.)

Each test reads the parse only; the word lists live in :mod:`.lexicon`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import (
    ADVERBIAL_MARKS,
    ASSAULT_VERBS,
    ENDING_VERBS,
    EXPERIENCE_VERBS,
    INVITING_VERBS,
    NAMING_VERBS,
    PHYSICAL_TARGET_ENTS,
    PHYSICAL_TARGET_NOUNS,
    TAKEN_NOUNS,
    TAKING_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: A clause inside an object may hold the name the parser lost (``called the unrest
#: that followed a moment similar to ...``, read with ``moment`` as its object).
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl"})
#: Rules whose content is a clause the cue governs.
_CLAUSE_RULES = frozenset({"speech_clause", "belief_clause"})


def _adverbial(tok: Token, comp: Token | None) -> bool:
    """The clause opens with ``after``, ``because``...: when or why, not what.

    Either the clause itself is adverbial, or the cue is a state (``feel stung``, an
    adjective after it) and the clause after it merely starts with one; a clause after
    ``said`` that starts with ``after ...`` goes on to what was said (``said after the
    vote the levy would rise``) and stays.
    """
    if comp is None:
        return False
    first = comp.doc[comp.left_edge.i]
    if first.dep_ != "mark" or first.lower_ not in ADVERBIAL_MARKS:
        return False
    return first.head == comp or any(c.dep_ == "acomp" for c in tok.children)


def _experience(lemma: str, comp: Token | None) -> bool:
    """``find it difficult to repeat``: an adjective with an empty ``it`` and an infinitive
    (``considers it necessary to point out`` is a view, and stays)."""
    return (
        lemma in EXPERIENCE_VERBS
        and comp is not None
        and comp.pos_ == "ADJ"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in comp.children)
        and any(c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" for c in comp.children)
    )


def _bare_object(tok: Token) -> bool:
    """``called an emergency meeting``: one object, no name given it, nothing quoted."""
    objs = [c for c in tok.rights if c.dep_ == "dobj"]
    return (
        len(objs) == 1
        and not any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in tok.rights)
        and not any(t.is_quote or t.dep_ in _CLAUSE_DEPS for t in objs[0].subtree)
    )


def _physical_target(tok: Token) -> bool:
    """``attacked the USS Cole``, ``struck the convoy``: a place or thing, not a view."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    heads = [obj, *(c for c in obj.children if c.dep_ == "compound")]
    return obj.ent_type_ in PHYSICAL_TARGET_ENTS or any(
        t.lemma_.lower() in PHYSICAL_TARGET_NOUNS for t in heads
    )


def _taken(tok: Token) -> bool:
    """``claimed the regional title``, ``claimed three lives``: a prize or a loss."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    return obj is not None and obj.lemma_.lower() in TAKEN_NOUNS


def not_a_report(tok: Token, lemma: str, rule: str, comp: Token | None) -> bool:
    """Whether the cue ``tok`` (lemma ``lemma``), read by ``rule``, reports no statement.

    ``comp`` is the clause the cue governs, when the rule reads one.
    """
    if rule == "object_cue" and lemma in NAMING_VERBS and _bare_object(tok):
        return True
    if rule == "object_cue" and lemma in ASSAULT_VERBS and _physical_target(tok):
        return True
    if rule == "object_cue" and lemma in TAKING_VERBS and _taken(tok):
        return True
    if rule in _CLAUSE_RULES and (_adverbial(tok, comp) or _experience(lemma, comp)):
        return True
    if lemma in ENDING_VERBS and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return True  # 'the spot concludes with footage of ...': it ends, it does not conclude
    return rule == "directive_clause" and lemma in INVITING_VERBS
