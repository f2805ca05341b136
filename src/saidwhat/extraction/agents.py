"""Who can hold a view or speak: the test the stance and topic rules share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import ORG_NOUNS, ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


def agent(subj: Token) -> bool:
    """Whether ``subj`` can intend: a name, a pronoun, or a person or body by role."""
    return (
        subj.pos_ in ("PROPN", "PRON")
        or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or subj.lemma_.lower() in ROLE_NOUNS | ORG_NOUNS
    )
