"""Unquoted content after a colon that a reporting phrase introduces.

``The Courier gave Berg a glowing endorsement: she knows the harbour ...`` /
``Hale never tires of telling the story of the strike: in May the crews ...``: a
noun naming what its source said or judged, a colon, and the content, on the same
line or as the next paragraph. The source is the subject of the verb the noun
belongs to. Quoted content after such a colon is the quote rules' business
(``words_noun_colon``); a verb of saying before a colon and a paragraph is
:func:`.continuation.colon_paragraphs`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .clause_spans import CueClause, trim
from .clause_speakers import subject_of
from .lexicon_layout import (
    COLON_REPORT_NOUNS,
)
from .settings import Confidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How many words the noun may stand before the colon (``the story of the strike:``).
_NOUN_TO_COLON = 5
#: The fewest words of the content.
_MIN_WORDS = 4
_QUOTE_MARKS = "\"“”‘’'«»„"
#: The colon, and the line break when the content is the next paragraph.
_AFTER_COLON = re.compile(r"[ \t\u00a0]*(?:\n\s*)?")


def colon_reports(doc: Doc, conf: Confidence = Confidence()) -> list[CueClause]:  # noqa: B008
    """Every ``noun of saying: content`` of ``doc`` with unquoted content."""
    out = []
    text = doc.text
    # found on the ORTH column: most tokens are never made into Python objects
    colon_id = doc.vocab.strings.add(":")
    orth = doc.to_array(["ORTH"]).tolist()
    for colon in (doc[i] for i, o in enumerate(orth) if o == colon_id):
        noun = _report_noun(doc, colon)
        if noun is None:
            continue
        head = noun.head.head if noun.dep_ == "pobj" else noun.head
        if head.pos_ not in ("VERB", "AUX"):
            continue
        subj = subject_of(head)
        if subj is None or (subj.pos_ == "PRON" and subj.lower_ in ("it", "this", "that")):
            continue
        span = _content(doc, text, colon)
        if span is None:
            continue
        out.append(
            CueClause(
                cue_i=noun.i,
                cue=noun.text,
                start=span[0],
                end=span[1],
                speaker_i=subj.i,
                strength=conf.colon_report,
                rule="colon_report",
            )
        )
    return out


def _report_noun(doc: Doc, colon: Token) -> Token | None:
    """The noun of saying a few words before ``colon``, in the colon's sentence."""
    lo = max(colon.sent.start, colon.i - _NOUN_TO_COLON)
    for k in range(colon.i - 1, lo - 1, -1):
        t = doc[k]
        if t.is_punct:
            return None
        if t.pos_ == "NOUN" and t.lemma_.lower() in COLON_REPORT_NOUNS:
            return t if t.dep_ in ("dobj", "pobj", "attr") else None
    return None


def _content(doc: Doc, text: str, colon: Token) -> tuple[int, int] | None:
    """The unquoted words after ``colon``: the rest of its line, else the next paragraph."""
    start = _AFTER_COLON.match(text, colon.idx + 1).end()
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if start >= end or text[start] in _QUOTE_MARKS:
        return None
    if any(m in text[start:end] for m in '"“”'):
        return None  # a quotation inside: the quote rules read it
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < _MIN_WORDS:
        return None
    return trim(doc, span.start, span.end - 1, cut=False)
