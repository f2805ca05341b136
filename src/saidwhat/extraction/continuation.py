"""Reported content that runs on past its reporting sentence.

``The museum, she said, would make visitors face hard truths. But it would also
show the town's greatness.`` The second sentence has no reporting clause of its
own: it goes on with what she said, and PolNeAR marks both sentences as one
statement. A mid-sentence reporting clause (``A, X said, B.``) is the clearest
signal of this; the sentences after it in the same paragraph are kept with it
until one has quotation marks, a cue of its own, or the paragraph ends.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .clause_spans import CueClause, trim
from .clause_speakers import speaker_index
from .lexicon import BELIEF_VERBS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


#: At most this many following sentences join a statement (a longer run is more
#: likely the writer's own text resuming than one unbroken report).
MAX_CONTINUED_SENTENCES = 1
#: Characters that open or close a quotation: a sentence holding one is its own statement.
_QUOTE_MARKS = frozenset('"“”‘’«»') | {"''", "``"}
#: A verb of saying, a colon and a paragraph break: the next paragraph is what was said.
_COLON_BREAK = re.compile(r"[ \t]*:[ \t]*\n+[ \t]*")
#: The fewest tokens an unquoted paragraph after ``X said:`` needs to be a statement.
MIN_PARAGRAPH_WORDS = 4
_SPEAKING_PRONOUNS = frozenset({"i", "we", "he", "she", "they"})
#: Rules whose content may run on into the next sentences.
_RUNS_ON = frozenset({"mid_sentence_clause"})


def _own_cue(sent: Span, starts: list[int]) -> bool:
    """Whether a sentence reports something itself (a cue clause or a verb of saying)."""
    if any(sent.start_char <= s < sent.end_char for s in starts):
        return True
    return any(
        t.pos_ in ("VERB", "AUX")
        and t.lemma_.lower() in SPEECH_VERBS | BELIEF_VERBS
        and any(c.dep_ == "ccomp" or _someone(c) for c in t.children)
        for t in sent
    )


def _someone(tok) -> bool:
    """A subject that can speak (``figures show`` is a finding, ``she added`` a report)."""
    return tok.dep_ == "nsubj" and (
        tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.lower_ in _SPEAKING_PRONOUNS
    )


def _runs_on(doc: Doc, text: str, c: CueClause) -> bool:
    """A mid-sentence report, or one whose content follows its cue after a colon."""
    if c.rule in _RUNS_ON and c.fragments:
        return True
    cue_end = doc[c.cue_i].idx + len(doc[c.cue_i])
    return (
        c.rule == "speech_clause" and cue_end <= c.start and text[cue_end : c.start].strip() == ":"
    )


def _quoted(sent: Span) -> bool:
    return any(t.text in _QUOTE_MARKS or t.text[:1] in _QUOTE_MARKS for t in sent)


def continue_paragraph(doc: Doc, text: str, clauses: list[CueClause]) -> list[CueClause]:
    """Extend each run-on statement over the unattributed sentences after it."""
    starts = [c.start for c in clauses]
    sents = list(doc.sents)
    where = {s.start: k for k, s in enumerate(sents)}
    for c in clauses:
        if not _runs_on(doc, text, c):
            continue
        sent = doc[c.cue_i].sent
        if any(ch in text[sent.start_char : sent.end_char] for ch in _QUOTE_MARKS):
            continue  # a quotation is its own unit; the direct rules bound it
        tail = text[c.end : sent.end_char]
        if tail.strip(" .!?\n") or "\n" in text[sent.start_char : c.end]:
            continue  # the statement stops before its sentence does
        end = c.end
        for nxt in sents[where[sent.start] + 1 : where[sent.start] + 1 + MAX_CONTINUED_SENTENCES]:
            if "\n" in text[end : nxt.start_char] or _quoted(nxt) or _own_cue(nxt, starts):
                break
            span = trim(doc, nxt.start, nxt.end - 1, cut=False)
            if span is None:
                break
            end = span[1]
        if end > c.end:
            if c.fragments:
                c.fragments = [*c.fragments[:-1], (c.fragments[-1][0], end)]
            c.end = end
    return clauses


def colon_paragraphs(doc: Doc, text: str, strength: float) -> list[CueClause]:
    """``The governor added:`` ending a paragraph, with the next one, unquoted, as content.

    Quoted paragraphs after a colon are the block rules' business; an unquoted one is
    the speaker's words reported without quotation marks, and PolNeAR marks it whole.
    """
    out: list[CueClause] = []
    colon = doc.vocab.strings.add(":")
    lower = doc.to_array(["LOWER"]).tolist()
    # only a token right before a colon can end 'X added:' (read on the arrays, so most
    # tokens are never made into Python objects)
    for i in (k - 1 for k, h in enumerate(lower) if h == colon and k > 0):
        tok = doc[i]
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH_VERBS:
            continue
        after = tok.idx + len(tok)
        m = _COLON_BREAK.match(text, after)
        if m is None:
            continue
        start = m.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        para = text[start:end]
        if (
            not para.strip()
            or para.lstrip()[:1] in _QUOTE_MARKS
            or "\n" in text[tok.sent.start_char : tok.idx]
        ):
            continue
        speaker_i = speaker_index(tok)
        if speaker_i is None:
            continue
        first = doc.char_span(start, end, alignment_mode="contract")
        if first is None or len(first) < MIN_PARAGRAPH_WORDS:
            continue
        span = trim(doc, first.start, first.end - 1, cut=False)
        if span is None:
            continue
        out.append(
            CueClause(
                cue_i=tok.i,
                cue=tok.text,
                start=span[0],
                end=span[1],
                speaker_i=speaker_i,
                strength=strength,
                rule="colon_paragraph",
            )
        )
    return out
