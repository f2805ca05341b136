"""The parsed document every rule reads: the spaCy parse with what is read from it once.

:class:`Parsed` replaces string keys on ``Doc.user_data``: the pipeline
attaches one to the parse (:func:`attach`, as the typed extension attribute
``doc._.saidwhat``) and the rules read its fields. ``doc.text`` in particular
is rebuilt from the tokens on every access in spaCy, so it is read once here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_EXTENSION = "saidwhat"


@dataclass
class Parsed:
    """One parsed document (or section): its text, entities and an entity-by-token map."""

    doc: Doc
    text: str
    ents: tuple[Span, ...] = ()
    ent_by_tok: dict[int, Span] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> Parsed:
        ents = tuple(doc.ents)
        trimmed = tuple(_without_predicate(e) for e in ents)
        if trimmed != ents:
            doc.ents = trimmed
            ents = tuple(doc.ents)
        by_tok = {i: e for e in ents for i in range(e.start, e.end)}
        return cls(doc=doc, text=doc.text if text is None else text, ents=ents, ent_by_tok=by_tok)


def _without_predicate(ent: Span) -> Span:
    """A name never holds its own verb: title case runs the NER on over it
    (``Zakharova Criticizes U.S. Journalists``: PERSON 'Zakharova Criticizes'), so
    the entity stops before a verb that governs a word of the entity."""
    if ent.label_ != "PERSON":
        return ent
    for tok in ent[1:]:  # the first word stays: a one-word entity is not cut to nothing
        if tok.pos_ == "VERB" and any(ent.start <= c.i < tok.i for c in tok.children):
            return _span(ent, tok.i)
    return ent


def _span(ent: Span, end: int) -> Span:
    from spacy.tokens import Span

    return Span(ent.doc, ent.start, end, label=ent.label_)


def attach(doc: Doc, text: str | None = None) -> Parsed:
    """Read ``doc`` once and attach the result to it (``text``: the text it parsed, if known)."""
    from spacy.tokens import Doc

    if not Doc.has_extension(_EXTENSION):
        Doc.set_extension(_EXTENSION, default=None)
    parsed = Parsed.of(doc, text)
    setattr(doc._, _EXTENSION, parsed)
    return parsed


def parsed(doc: Doc) -> Parsed:
    """The :class:`Parsed` of ``doc``, attached on first use."""
    from spacy.tokens import Doc

    found = getattr(doc._, _EXTENSION) if Doc.has_extension(_EXTENSION) else None
    return found if found is not None else attach(doc)
