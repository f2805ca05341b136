"""Title-case headlines of the form ``Subject Verbs Claim`` read without the parse.

``Sanders Vows To Cut Tax Breaks``, ``Black Lawmakers Rip Hale As A ‘Fraud’``,
``New Poll Shows A Bump For Berg``: the parser reads capitalised words as names
and misses the verb, so :func:`.headline_forms._said_in_headline` finds no cue
clause. Here the verb is found by its word: a headline cue in the third person
(``Vows``), or in the base form after a plural subject (``Lawmakers Rip``); the
subject before it must be a source (a name the parser tags, a role, a group, a
poll) and the claim is everything after it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .candidate import Candidate
from .lexicon import (
    EVIDENCE_VERBS,
    FINDING_SOURCES,
    HEADLINE_CUES,
    HEADLINE_SOURCE_NOUNS,
    NOT_HEADLINE_SOURCES,
    ORG_NOUNS,
    RELATIVE_NOUNS,
    ROLE_NOUNS,
)
from .lexicon_layout import (
    HEADLINE_ONLY_CUES,
    HEADLINE_SUBJECT_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .blocks import Headline

_WORD = re.compile(r"[^\W_][\w’'./-]*")
#: The most words before the verb (``Former White House Doctor Says``).
_MAX_SUBJECT_WORDS = 5
#: The fewest words of the claim.
_MIN_CLAIM_WORDS = 2
_CUES = HEADLINE_CUES | HEADLINE_ONLY_CUES
_SOURCE_NOUNS = (
    ROLE_NOUNS
    | RELATIVE_NOUNS
    | ORG_NOUNS
    | FINDING_SOURCES
    | HEADLINE_SOURCE_NOUNS
    | HEADLINE_SUBJECT_NOUNS
)
_NAME_ENTS = ("PERSON", "ORG", "NORP")
#: Results, not statements, unless a poll or study is their subject (``Ferry Shows Its Age``).
_RESULT_VERBS = EVIDENCE_VERBS - {"reveal", "confirm", "suggest"}
_PREPOSITIONS = frozenset({"for", "of", "in", "on", "at", "with", "from", "by", "to"})
_COPULAS = frozenset({"is", "are", "was", "were"})
_DOUBLE = '"“”'


def verb_headline(doc: Doc, text: str, h: Headline, strength: float) -> Candidate | None:
    """The statement of a title-case headline ``Subject Verbs Claim``, or None."""
    words = list(_WORD.finditer(text, h.start, h.end))
    for k, w in enumerate(words[1:], start=1):
        # 'Railing Against Hale, Berg Vows ...': the subject starts after a comma
        comma = text.rfind(",", h.start, w.start())
        subject = [x for x in words[:k] if x.start() > comma]
        if not subject or len(subject) > _MAX_SUBJECT_WORDS:
            continue
        if not w.group()[0].isupper() or not _is_cue(w.group(), subject[-1].group()):
            continue
        if subject[0].group().lower() in NOT_HEADLINE_SOURCES:
            return None
        lemma = _lemma(w.group())
        source = _source(doc, text, h, subject, evidence=lemma in _RESULT_VERBS)
        if source is None:
            return None
        start, end = claim_extent(text, w.end(), h.end)
        if _noun_read(text, start, end):
            return None
        if len(_WORD.findall(text, start, end)) < _MIN_CLAIM_WORDS:
            return None
        kind = claim_kind(text, start, end)
        quoted = kind == "direct"  # the statement is inside the marks
        s0, s1, head = source
        return Candidate(
            start=start + 1 if quoted else start,
            end=end - 1 if quoted else end,
            kind=kind,
            cue=w.group(),
            cue_start=w.start(),
            speaker_start=s0,
            speaker_end=s1,
            speaker_tok=head,
            confidence=strength,
            rule="headline_verb",
        )
    return None


def _lemma(word: str) -> str:
    low = word.lower()
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("shes", "ches", "sses", "xes")):
        return low[:-2]
    return low[:-1] if low.endswith("s") else low


def _is_cue(word: str, before: str) -> bool:
    """A headline verb: ``Vows`` (third person), or ``Rip`` after a plural (``Lawmakers``)."""
    low = word.lower()
    if low.endswith("s") and _lemma(word) in _CUES:
        return True
    return low in _CUES and before.lower().endswith("s") and not before.endswith("'s")


def _source(
    doc: Doc, text: str, h: Headline, subject: list[re.Match], evidence: bool
) -> tuple[int, int, int] | None:
    """The subject's span and head token if it can be a source, else None."""
    s0, s1 = subject[0].start(), subject[-1].end()
    span = doc.char_span(s0, s1, alignment_mode="expand")
    if span is None:
        return None
    last = _lemma(subject[-1].group())
    noun = last in _SOURCE_NOUNS or subject[-1].group().lower() in _SOURCE_NOUNS
    if evidence:  # 'New Poll Shows ...': only a poll or a study shows a finding
        return (s0, s1, span[-1].i) if last in FINDING_SOURCES | HEADLINE_SOURCE_NOUNS else None
    if noun:  # 'Former Harbour Doctor Says': the whole subject, not the name inside it
        # only in the document's title: a section title 'Ambassador Tells ...' labels the
        # statement of the person below it, whom it does not name
        return (s0, s1, span[-1].i) if not text[: h.start].strip() else None
    ents = [e for e in span.ents if e.label_ in _NAME_ENTS]
    if ents:
        e = min(ents, key=lambda e: (_NAME_ENTS.index(e.label_), e.start))
        return e.start_char, e.end_char, e.root.i
    if len(subject) <= 2 and named_below(doc, h, subject[-1].group()):
        return s0, s1, span[-1].i  # 'Sanders Vows ...' over a story naming Bernie Sanders
    return None


def named_below(doc: Doc, h: Headline, word: str) -> bool:
    """Whether the story under the headline names a person or organisation ending in ``word``."""
    low = word.lower()
    return any(
        e.label_ in _NAME_ENTS and e.start_char >= h.end and e[-1].lower_ == low for e in doc.ents
    )


def _noun_read(text: str, start: int, end: int) -> bool:
    """``Berg Plans For The Pier Are Costly``: the 'verb' is a noun of the subject, as a
    preposition after it and a copula later show."""
    words = _WORD.findall(text, start, end)
    return (
        bool(words)
        and words[0].lower() in _PREPOSITIONS
        and any(w.lower() in _COPULAS for w in words[1:])
    )


def claim_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """A headline's claim (after its verb or colon), without the spaces and the closing
    full stop."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "."):
        end -= 1
    return start, end


def claim_kind(text: str, start: int, end: int) -> str:
    """A claim wholly in double quotation marks is quoted; else it is reported."""
    claim = text[start:end].strip()
    if len(claim) > 2 and claim[0] in _DOUBLE and claim[-1] in _DOUBLE:
        return "direct"
    return "indirect"
