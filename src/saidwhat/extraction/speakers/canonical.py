"""Canonical names: how a surface form becomes the name of a person or organisation.

Titles and honorifics stay out of a person's canonical name (``Councillor Eva
Lind`` -> ``Eva Lind``, by :func:`~..person_words.name_parts`), hyphenated
surnames stay whole (``Lidia Vasquez-Roth``), an all-capital word is
title-cased, ``the``, a possessive and a dangling ``of`` leave an organisation's
name, and an alias
is recorded only when it is a form of the same name (not a role description).
"""

from __future__ import annotations

import re

from ..lexicon import PRONOUNS
from ..person_words import HONORIFICS, ROLE_NOUNS, fold, is_honorific, name_parts
from ..settings import CanonicalNames

_POSSESSIVE = re.compile(r"[’']s$")
_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_LETTER = re.compile(r"[A-Za-z]")
#: Words an organisation's name does not end with (an entity cut short: "Ministry of").
_DANGLING = re.compile(r"(?:[\s\u00a0,]+(?:of|the|and|for|in|on|at|to|de))+$", re.IGNORECASE)


def person_name(words: list[str], cfg: CanonicalNames) -> str:
    """The canonical name of a new person from the words of its first full form."""
    return " ".join(w.title() if w.isupper() and len(w) > cfg.upper_word else w for w in words)


def org_name(text: str) -> str | None:
    """The canonical name of an organisation written ``text`` (None: no name in it)."""
    name = _DANGLING.sub("", _POSSESSIVE.sub("", _ARTICLE.sub("", text.strip())))
    return name if _LETTER.search(name) else None


def person_alias(surface: str, canonical: str, cfg: CanonicalNames) -> str | None:
    """``surface`` as an alias of the person called ``canonical``, or None when it is not
    a form of that name ("presidential spokesman Dmitry Peskov" -> "Dmitry Peskov")."""
    if surface.lower() in PRONOUNS:
        return None
    words = name_parts(surface)
    # the name starts after the last lower-case or title word ("Police chief Tomas Hale")
    cut = 0
    for i, w in enumerate(words[:-1]):
        if not w[:1].isupper() or w.lower() in ROLE_NOUNS or is_honorific(w):
            cut = i + 1
    words = words[cut:]
    name = " ".join(name_parts(" ".join(words))) if words else ""
    if (
        name
        and len(words) <= cfg.alias_words
        and not any(w.lower() in ROLE_NOUNS or w.lower() in HONORIFICS for w in words[1:])
        and fold(words[-1]) == fold(name_parts(canonical)[-1])
    ):
        return name
    return None


def org_alias(surface: str) -> str | None:
    """``surface`` as an alias of an organisation: a name or a definite description."""
    if surface.lower() in PRONOUNS:
        return None
    surface = _POSSESSIVE.sub("", surface)  # "the Ministry's statement" names the Ministry
    return surface if surface[:1].isupper() or surface.lower().startswith("the ") else None
