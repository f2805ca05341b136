"""Statements in headlines: ``Name: claim`` and ``Name Says claim`` title lines.

:mod:`.blocks` sets headlines apart (they are claimed, so no sentence rule reads
them, and each is attached to the statement of its section it paraphrases). A
headline can itself be a statement, in the two forms news titles use:

- ``Pat Lund: Ferry Fares Will Double in May`` -- a source, a colon, the claim;
- ``Ferry Fares Will Double, Pat Lund Says`` / ``Lund Says Fares Will Double`` --
  a verb of saying with its clause, found by the cue-clause rules of :mod:`.indirect`.

A ``who`` before the colon must name a source (a person, organisation or group
the parser recognises, or a word like ``Poll``), or ``Correction: ...``,
``Video: ...`` and ``Scrutinizing the Science: ...`` would be speakers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .blocks import is_title_case
from .candidate import Candidate
from .clause_spans import CueClause
from .headline_verbs import claim_extent, claim_kind, named_below, verb_headline
from .lexicon import HEADLINE_CUES, HEADLINE_SOURCE_NOUNS, NOT_HEADLINE_SOURCES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .blocks import Headline

#: The entity types that can be the source before a headline's colon.
_SOURCE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: What the story may name a title's source as (``Lund`` -> ``Pat Lund``, an organisation).
_BODY_NAME_ENTS = frozenset({"PERSON", "ORG"})
_ENT_RANK = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 2}
#: The most words a source before a colon has (``Senate Majority Leader Ana Berg``).
_MAX_WHO_WORDS = 6
#: The fewest words of a headline's claim.
_MIN_CLAIM_WORDS = 3
_WORD = re.compile(r"\w+")
#: The source part of a title the parser may miss: a name of one or two capitalised words,
#: alone or before the topic it speaks on (``Lund: ...``, ``Pat Lund on the Ferries: ...``).
_TITLE_NAME = re.compile(
    r"(?P<name>[A-Z][\w’'.-]+(?:[ \u00a0][A-Z][\w’'.-]+)?)(?:[ \u00a0]+(?:on|about)[ \u00a0].+)?$"
)


def headline_statements(
    doc: Doc,
    text: str,
    headlines: list[Headline],
    clauses: list[CueClause],
    body: list[Candidate],
    strength: float,
) -> list[Candidate]:
    """The statements that headlines make (see the module docstring).

    A headline over a statement of the same speaker in its section paraphrases
    that statement: it becomes the statement's ``headline`` (in the pipeline), not
    a second statement. ``body`` are the statements found outside headlines.
    """
    out: list[Candidate] = []
    if not headlines:
        return out
    bounds = [h.start for h in headlines[1:]] + [len(text)]
    for h, section_end in zip(headlines, bounds, strict=True):
        cand = _colon_claim(doc, text, h, strength) if h.who else None
        if cand is None:
            cand = _said_in_headline(doc, h, clauses, strength)
        if cand is None and h.who is None and is_title_case(h.text):
            cand = verb_headline(doc, text, h, strength)
        if cand is not None and not _paraphrased(
            text, cand, body, h.end, section_end, verbatim=_is_title(text, h)
        ):
            out.append(cand)
    return out


def _is_title(text: str, h: Headline) -> bool:
    """The document's own title (its first line): a statement unless the story repeats it.

    A section title over a speaker's statement labels that statement; the title of a
    whole report saying ``Lund: Fares Will Double`` is the outlet's report of Lund's claim,
    unless a statement below says the same words.
    """
    return not text[: h.start].strip()


def _paraphrased(
    text: str, cand: Candidate, body: list[Candidate], start: int, end: int, verbatim: bool
) -> bool:
    """Whether a statement in ``[start, end)`` has the headline's speaker (by last name).

    With ``verbatim`` (the document's title) that statement must also hold every word
    of the headline's claim: a title that sums a story up is a statement of its own.
    """
    who = _WORD.findall(text[cand.speaker_start : cand.speaker_end])
    if not who:
        return False
    last = who[-1].lower()
    claim = {w.lower() for w in _WORD.findall(text, cand.start, cand.end)}
    for c in body:
        if start <= c.start < end and c.speaker_start is not None:
            words = _WORD.findall(text[c.speaker_start : c.speaker_end])
            if not words or words[-1].lower() != last:
                continue
            if not verbatim or claim <= {w.lower() for w in _WORD.findall(text, c.start, c.end)}:
                return True
    return False


def _colon_claim(doc: Doc, text: str, h: Headline, strength: float) -> Candidate | None:
    """``Pat Lund: Ferry Fares Will Double in May``: the source is the part before the colon."""
    who_end = h.start + len(h.who)
    colon = text.find(":", who_end, h.end)
    if colon < 0:
        return None
    start, end = claim_extent(text, colon + 1, h.end)
    if len(_WORD.findall(text, start, end)) < _MIN_CLAIM_WORDS:
        return None
    words = _WORD.findall(h.who)
    if not words or len(words) > _MAX_WHO_WORDS or words[0].lower() in NOT_HEADLINE_SOURCES:
        return None
    span = doc.char_span(h.start, who_end, alignment_mode="expand")
    if span is None:
        return None
    # a person first, then an organisation: 'Russian Spokesman Pavel Lund: ...' is Lund's;
    # a nationality or a place only when it is the whole source ('Vessia: ...')
    ents = sorted(
        (e for e in span.ents if e.label_ in _SOURCE_ENTS),
        key=lambda e: (_ENT_RANK[e.label_], e.start),
    )
    if ents and ents[0].label_ in ("NORP", "GPE") and len(ents[0]) < len(span):
        ents = []
    if ents and any(w[0].islower() for w in words) and ents[0].end_char < span.end_char:
        # in sentence case the source ends the part before the colon ('A lesson from Pat
        # Lund: ...'); a name before lower-case words is a topic ('Ferry strike: ...')
        ents = []
    if ents:  # 'Elizabeth Warren Hammers the CEO: ...': the name, not the verb after it
        s0, s1, head = ents[0].start_char, ents[0].end_char, ents[0].root.i
    elif len(words) == 1 and words[0].lower() in HEADLINE_SOURCE_NOUNS:
        s0, s1, head = h.start, who_end, span.root.i
    elif (named := _named_in_body(doc, text, h)) is not None:
        s0, s1, head = named
    else:
        return None
    kind = claim_kind(text, start, end)
    if kind == "direct":  # the statement is inside the marks
        start, end = start + 1, end - 1
    return Candidate(
        start=start,
        end=end,
        kind=kind,
        cue=":",
        cue_start=colon,
        speaker_start=s0,
        speaker_end=s1,
        speaker_tok=head,
        confidence=strength,
        rule="headline_colon",
    )


def _named_in_body(doc: Doc, text: str, h: Headline) -> tuple[int, int, int] | None:
    """``Lund: ...`` / ``Lund on the Ferries: ...`` when the parser sees no name in the title:
    a person or organisation the story below names with the same last word. Returns the
    name's span in the title and its last token."""
    m = _TITLE_NAME.match(text, h.start, h.start + len(h.who))
    if m is None or m.group("name").split()[-1].lower() in NOT_HEADLINE_SOURCES:
        return None
    last = m.group("name").split()[-1].lower()
    for ent in doc.ents:
        if ent.label_ in _BODY_NAME_ENTS and ent.start_char >= h.end and ent[-1].lower_ == last:
            span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
            return (m.start("name"), m.end("name"), span[-1].i) if span else None
    return None


def _said_in_headline(
    doc: Doc, h: Headline, clauses: list[CueClause], strength: float
) -> Candidate | None:
    """``Ferry Fares Will Double, Pat Lund Says``: a verb of saying and its clause."""
    for c in clauses:
        cue = doc[c.cue_i]
        if not (h.start <= cue.idx < h.end and h.start <= c.start and c.end <= h.end):
            continue
        if c.speaker_i is None or cue.lemma_.lower() not in HEADLINE_CUES or c.fragments:
            continue
        if len(_WORD.findall(doc.text, c.start, c.end)) < _MIN_CLAIM_WORDS:
            continue
        spk = doc[c.speaker_i]
        ent = next((e for e in doc.ents if e.start <= spk.i < e.end), None)
        if ent is None and spk.text[:1].isupper() and named_below(doc, h, spk.text):
            ent = doc[spk.i : spk.i + 1]  # 'Trump urges ...' over a story naming Donald Trump
        elif ent is None or ent.label_ not in _SOURCE_ENTS:
            continue  # 'Ambassador Tells ...': a bare title is too weak a source for a headline
        s0, s1 = ent.start_char, ent.end_char
        if ent.start <= cue.i < ent.end:  # 'Zakharova Criticizes': title case runs names on
            if cue.i == ent.start or spk.i >= cue.i:
                continue
            s1 = doc[cue.i - 1].idx + len(doc[cue.i - 1])
        return Candidate(
            start=c.start,
            end=c.end,
            kind=claim_kind(doc.text, c.start, c.end),
            cue=c.cue,
            cue_start=cue.idx,
            speaker_start=s0,
            speaker_end=s1,
            speaker_tok=spk.i,
            confidence=strength,
            rule="headline_said",
        )
    return None
