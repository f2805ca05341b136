"""Russian and Ukrainian statement extraction: one engine, a lexicon per language.

Same contract as the English engine (kinds direct/indirect/mixed/block/qa/post,
exact offsets, fragments for interrupted quotes, canonical speakers), built
from rule units over tokens, pymorphy3 morphology and quotation spans; no
parser model is needed, so Russian and Ukrainian run at the same speed.

    extract(doc, settings=None) -> Extraction    # doc.language 'ru' or 'uk'
    handles(doc) -> bool                         # whether this package reads doc
    to_latin(name) / transliterations(name)      # see .translit

Nothing is loaded at import time; pymorphy3 dictionaries load on first use.

Layout: :mod:`.lexicon` (every word list, one :class:`~.lexicon.Lexicon` per
language), :mod:`.settings` (every threshold and confidence), :mod:`.text`
(tokens, sentences, quotes, name spans), :mod:`.morph` (pymorphy3: lemmas,
gender, names and roles in the nominative), :mod:`.phrases` (the speaker
phrase beside a cue), :mod:`.rules` (the rule units in order, defined in
:mod:`.quote_rules` and :mod:`.clause_rules` over :mod:`.units`),
:mod:`.speakers` (clusters, pronouns, roles, organisations), :mod:`.engine`
(runs the rules, builds statements), :mod:`.translit` and :mod:`.lemmas`
(registry keys and search).

A third language with the same grammar of reporting (Belarusian, say) is a new
``Lexicon`` in :data:`.lexicon.LEXICONS`, its code in :data:`LANGUAGES` and in
``sources.language.SUPPORTED_LANGUAGES``, and a morphology for :mod:`.morph`
(pymorphy3 ships Russian and Ukrainian dictionaries only).
"""

from __future__ import annotations

from ...model import Document, Extraction
from .settings import DEFAULT, Settings

#: Languages this package extracts.
LANGUAGES = frozenset({"ru", "uk"})
_UK_LETTERS = frozenset("іїєґІЇЄҐ")
_RU_LETTERS = frozenset("ыэъёЫЭЪЁ")
#: Share of Cyrillic letters above which an undetected text is read as ru/uk.
CYRILLIC_SHARE = 0.5
_SAMPLE = 3000


def guess_language(text: str) -> str | None:
    """'ru' or 'uk' for a mostly Cyrillic text whose language was not detected, else None."""
    sample = text[:_SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    if cyr < CYRILLIC_SHARE * len(letters):
        return None
    uk = sum(1 for c in letters if c in _UK_LETTERS)
    ru = sum(1 for c in letters if c in _RU_LETTERS)
    return "uk" if uk > ru else "ru"


def language_of(doc: Document) -> str | None:
    """The language this package reads ``doc`` in, or None when it is not ru/uk."""
    if doc.language in LANGUAGES:
        return doc.language
    if doc.language is None:
        return guess_language(doc.text)
    return None


def handles(doc: Document) -> bool:
    return language_of(doc) is not None


def extract(doc: Document, settings: Settings | None = None) -> Extraction:
    """Statements of a Russian or Ukrainian ``doc`` (see the module docstring)."""
    from .engine import extract_language

    lang = language_of(doc) or "ru"
    return extract_language(doc, lang, settings or DEFAULT)


__all__ = ["LANGUAGES", "Settings", "extract", "guess_language", "handles", "language_of"]
