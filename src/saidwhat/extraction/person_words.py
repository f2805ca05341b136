"""Pure functions for reading person names: name parts, folding, gender.

The word lists they read (honorifics, first names, gender words, role and
outlet nouns) live in :mod:`.lexicon`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..names import name_tokens
from .lexicon import (  # noqa: F401 - re-exported for the resolver
    FEMALE_NAMES,
    FEMALE_WORDS,
    FIRST_NAMES,
    HONORIFICS,
    INVERTED_CUES,
    MALE_NAMES,
    MALE_WORDS,
    ORG_NOUNS,
    OUTLET_NOUNS,
    OUTLET_WORDS,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    TITLES,
)


@lru_cache(maxsize=8192)
def fold(token: str) -> str:
    """One name word, case- and accent-folded with transliteration variants merged
    (``Sergei`` -> ``sergey``), by the project's name keys (:mod:`saidwhat.names`)."""
    words = name_tokens(token)
    return words[0] if words else token.casefold().strip(".’'")


def is_honorific(word: str) -> bool:
    """A title before a name (``Ms.``, ``Mayor``); compared unfolded as well, since the
    name folding spells ``Mayor`` as ``maior``."""
    return word.lower().rstrip(".") in HONORIFICS or fold(word) in HONORIFICS


def name_parts(name: str) -> list[str]:
    """The words of a person name without honorifics or a trailing possessive."""
    return list(_name_parts(name))


@lru_cache(maxsize=8192)
def _name_parts(name: str) -> tuple[str, ...]:
    name = re.sub(r"[’']s$", "", name.strip())
    words = [w for w in re.split(r"[\s\u00a0]+", name) if w]
    while words and len(words) > 1 and (is_honorific(words[0]) or words[0] in INVERTED_CUES):
        words = words[1:]  # 'Ms. Lind', and 'Said Lund' when the NER took the cue along
    return tuple(words)


def gender_of(words: list[str], context: str) -> str | None:
    low = context.lower()
    if any(w in FEMALE_WORDS for w in re.findall(r"\w+", low)):
        return "f"
    if any(w in MALE_WORDS for w in re.findall(r"\w+", low)):
        return "m"
    if not words:
        return None
    first, last = fold(words[0]), fold(words[-1])
    if len(words) > 1 and first in FEMALE_NAMES:
        return "f"
    if len(words) > 1 and first in MALE_NAMES:
        return "m"
    if re.search(r"(ova|eva|ina|aya|skaya)$", last):
        return "f"
    if re.search(r"(ov|ev|in|sky|enko)$", last):
        return "m"
    return None
