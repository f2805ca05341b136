"""Lemmas for search: ``санкции`` finds ``санкций`` (SQLite has no Cyrillic stemmer).

The store indexes :func:`lemma_text` of every Russian/Ukrainian statement in a
column beside the quote, and a search expression goes through
:func:`expand_query`, which adds the lemma of each bare Cyrillic word
(``санкции`` -> ``(санкции OR санкция)``). Phrases in double quotes, prefix
queries (``санкц*``), column filters and ``NEAR`` groups are left as written.
"""

from __future__ import annotations

import re

from .morph import parses_of

_WORD = re.compile(r"\w+")
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґʼ'’-]+", re.IGNORECASE)
_UK_ONLY = frozenset("іїєґ")
_RU_ONLY = frozenset("ыэъё")
_OPERATORS = frozenset({"AND", "OR", "NOT"})
#: Bare words, quoted phrases and everything else, in order.
_PIECE = re.compile(r'"[^"]*"|[^\s()"]+|[()]|\s+|"')  # a lone quote is kept for to_match


def _lemmas(word: str, languages: tuple[str, ...]) -> list[str]:
    low = word.lower()
    out = []
    for lang in languages:
        lemma = parses_of(low, lang)[0].normal_form
        if lemma != low and lemma not in out:
            out.append(lemma)
    return out


def _languages_of(word: str) -> tuple[str, ...]:
    low = set(word.lower())
    if low & _UK_ONLY:
        return ("uk",)
    if low & _RU_ONLY:
        return ("ru",)
    return ("ru", "uk")


def lemma_text(text: str, language: str) -> str:
    """The lemmas of ``text``'s Cyrillic words that differ from the words themselves."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        if _CYRILLIC_WORD.fullmatch(w):
            out.extend(_lemmas(w, (language,)))
    return " ".join(out)


def expand_query(expression: str) -> str:
    """An FTS5 expression in which each bare Cyrillic word also matches its lemmas."""
    if "NEAR" in expression:
        return expression
    parts = []
    for m in _PIECE.finditer(expression):
        piece = m.group()
        if (
            piece in _OPERATORS
            or not _CYRILLIC_WORD.fullmatch(piece)
            or piece.startswith("-")
            or "-" in piece
        ):
            parts.append(piece)
            continue
        alts = _lemmas(piece, _languages_of(piece))
        parts.append(f"({' OR '.join([piece, *alts])})" if alts else piece)
    return "".join(parts)
