"""What a speaker-resolution rule is: a named unit that reads one mention and the document.

A rule is a function ``(ask, seen, cfg) -> Found | None``: ``ask`` is the
mention (:class:`Ask`), ``seen`` the document's :class:`~.seen.Seen` state and
``cfg`` the rule's own entry of :class:`~..settings.Speakers`. It returns None
when the mention is not its form (the next rule is tried), or :class:`Found`
with the cluster it refers to (``Found(None)``: its form, but nobody it can
name; no later rule is tried). :data:`~.order.RULES` declares the order. A new
way of naming a speaker is one module with one :class:`SpeakerRule`, one entry
in that order and in the settings, and its rows in
``tests/extraction/test_speakers_table.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..person_words import ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .seen import Seen


@dataclass(frozen=True)
class Ask:
    """One speaker mention to resolve: ``text[start:end]`` with its head token, if parsed."""

    start: int
    end: int
    head: Token | None
    surface: str
    #: Resolve another phrase of the document through all the rules (``who`` -> its noun).
    again: Callable[[int, int, int | None], int | None]

    @property
    def low(self) -> str:
        return self.surface.lower().strip()


@dataclass(frozen=True)
class Found:
    """A rule's answer: the cluster the mention refers to (None: nobody it can name)."""

    ci: int | None


@dataclass(frozen=True)
class SpeakerRule:
    """A registered unit: its name (also its settings entry), what it reads and gives."""

    name: str
    func: Callable[[Ask, Seen, Any], Found | None]
    #: What the rule reads: parts of the mention and of :class:`~.seen.Seen`.
    needs: tuple[str, ...]
    #: What it may give: ``person``, ``organisation``, ``outlet``.
    gives: tuple[str, ...]
    doc: str = ""


def common(tok) -> bool:
    """A common noun, also when tagged PROPN in lower case ("the senator said")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())


def named_in(ask: Ask, seen: Seen) -> list:
    """The entities inside a parsed mention, the one at its head first; under a role noun
    only persons and the head's own entity ("Ana Berg's campaign manager Tom Lund")."""
    head = ask.head
    if head is None:
        return []
    ents = seen.ents_in(ask.start, ask.end)
    if ents and common(head) and head.lemma_.lower() in ROLE_NOUNS:
        ents = [e for e in ents if e.label_ == "PERSON" or e.start <= head.i < e.end]
    ents.sort(key=lambda e: not e.start <= head.i < e.end)
    return ents


_BARE_DEFINITE = re.compile(r"the\s+[^\W\d_]+", re.IGNORECASE)


def bare_definite(ask: Ask) -> bool:
    """``the X`` and nothing else (``The Ministry`` capitalised in a formal text)."""
    return _BARE_DEFINITE.fullmatch(ask.surface.strip()) is not None
