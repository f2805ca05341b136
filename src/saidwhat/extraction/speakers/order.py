"""The declared order of the speaker-resolution rules: the first that knows the form answers.

The writer's own ``I`` before the pronouns (it is never a person named before);
pronouns come before names (``who`` is resolved through the noun it
qualifies); a document (``a statement from X``) and a person's own organisation (``Trump's
campaign``) before the names in them; an apposition before the names inside a description; a written
name before a bare surname; definite descriptions (outlet, organisation, role
nouns) only when the mention names nobody; an organisation named in the
mention and capitalised words the NER missed last.
"""

from __future__ import annotations

from . import (
    apposition,
    author,
    explicit_name,
    first_name,
    group_of,
    handle,
    org_noun,
    organisation,
    outlet_noun,
    pronoun,
    proper_name,
    role_noun,
    statement_of,
    surname,
)
from .units import SpeakerRule

RULES: tuple[SpeakerRule, ...] = (
    handle.RULE,
    author.RULE,
    pronoun.RULE,
    statement_of.RULE,
    group_of.RULE,
    apposition.RULE,
    explicit_name.RULE,
    surname.RULE,
    outlet_noun.RULE,
    org_noun.RULE,
    role_noun.RULE,
    first_name.RULE,
    organisation.RULE,
    proper_name.RULE,
)
