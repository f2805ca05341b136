"""Quote rules that read the layout and wording around a quotation, not the parse.

Embedded posts and pull quotes (a line under the quote), epigraph dashes, titles,
inverted cues (``Said Lund:``), ``as X put it`` asides, and the rules that read
the statements before the quote (dialogue turns, a continued quote, a long
unattributed opening). Each takes a :class:`~.quote_context.QuoteContext`; their
order is declared in :data:`.quote_rules.RULES`.
"""

from __future__ import annotations

import re

from .builders import direct
from .candidate import Candidate
from .lexicon import INVERTED_CUES
from .quote_context import STOP, QuoteContext
from .settings import DIALOGUE_TURN_WORDS

_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,4})"
)
_TITLE = re.compile(
    r"^\W*[A-Z0-9][\w’'.-]*[\s,:]*"
    r"(?:(?:(?:of|the|a|an|and|in|on|for|to|at|with)\s+){0,2}[A-Z0-9][\w’'.-]*[\s,:]*){0,5}\W*$"
)
#: The line under an embedded post: "— Oleg Varin (@VarinOleg) May 22, 2026".
_POST_TRAILER = re.compile(
    r"[\s\u00a0]*\n[\s\u00a0]*[-―—–][ \t\u00a0]*"
    r"(?P<name>[A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,3})[ \t\u00a0]*"
    r"\((?P<handle>@\w{1,30})\)"
)
#: A speech verb right after a quote (with up to three name words before it).
_ANSWERED = re.compile(
    r"[\s,]*(?:[A-Z][\w’'-]+\s+){0,3}(?:said|says|answered|replied|asked|shouted|added|told|"
    r"snapped|whispered|cried)\b"
)
#: The line under a pull quote: "— Dara Novak, union chair" and nothing else.
_PULL_NAME = re.compile(
    r"[ \t\u00a0]*\n[\s\u00a0]*[―—–-][ \t\u00a0]*"
    r"(?P<name>[A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){1,3})"
    r"[ \t\u00a0]*(?:,[^\n]{1,80})?[ \t\u00a0]*(?:\n|$)"
)
#: "Said Lund:" / "Added one official," at the start of a sentence, just before a quote.
_INVERTED = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?P<cue>" + "|".join(sorted(INVERTED_CUES)) + r")[ \t\u00a0]+"
    r"(?P<name>(?:[A-Z][\w.’'-]*|one|an?|the)(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,3}"
    r"(?:[ \t\u00a0]+[a-z]+){0,2})[ \t\u00a0]*[:,][ \t\u00a0]*"
)


def embedded_post(c: QuoteContext):
    """An embedded post: the quote, then a line ``— Name (@handle) December 22, 2018``."""
    if c.n_words < 3:
        return None
    m = _POST_TRAILER.match(c.text, c.q.end)
    if m is None:
        return None
    cand = direct(c.doc, c.idx, c.q, None, None, m.group("handle"), c.conf.embedded_post)
    cand.speaker_start, cand.speaker_end = m.start("name"), m.end("name")
    cand.speaker_tok = c.idx.tok_at(m.end("name") - 1)  # the name's head: its last word
    return cand


def pull_quote_name(c: QuoteContext):
    """A pull quote: the quotation, then a line holding only ``— Name`` (and a role)."""
    if c.n_words < 3:
        return None
    m = _PULL_NAME.match(c.text, c.q.end)
    if m is None:
        return None
    cand = direct(c.doc, c.idx, c.q, None, None, None, c.conf.epigraph_dash)
    cand.speaker_start, cand.speaker_end = m.start("name"), m.end("name")
    cand.speaker_tok = c.idx.tok_at(m.end("name") - 1)
    return cand


def epigraph_dash(c: QuoteContext):
    """“...” ― Name: an epigraph-style dash after the quote."""
    m = _DASH_NAME.match(c.text, c.q.end)
    if m and c.n_words >= 3:
        cue = c.text[c.q.end : m.start(1)].strip()
        cand = direct(c.doc, c.idx, c.q, None, None, cue, c.conf.epigraph_dash)
        cand.speaker_start, cand.speaker_end = m.start(1), m.end(1)
        return cand
    return None


def title_not_speech(c: QuoteContext):
    """A short title-case quote is a title (“Morning Joe”), not speech."""
    inner = c.text[c.q.start : c.q.end].strip("\"“”‘’'„«» ")
    if inner[-1:] in "!?" or _ANSWERED.match(c.text, c.q.end):
        return None  # “No!” answered Hale: a short answer in dialogue, not a title
    if c.n_words <= 6 and _TITLE.match(c.text[c.q.start : c.q.end]):
        return STOP
    return None


def inverted_cue(c: QuoteContext):
    """Said Lund: “...”: a cue opening its sentence, then the name, then the quote."""
    m = _INVERTED.search(c.text, c.ps, c.q.start)
    if m is None or m.end() != c.q.start:
        return None
    cand = direct(c.doc, c.idx, c.q, None, None, m.group("cue"), c.conf.cue_before_colon)
    cand.cue_start = m.start("cue")
    cand.speaker_start, cand.speaker_end = m.start("name"), m.end("name")
    cand.speaker_tok = c.idx.tok_at(m.end("name") - 1)
    return cand


_AS_PUT_IT = (
    r"as\s+(?P<who>[A-Za-z][^,.;:“”\"]{1,60}?)\s+(?:put|puts|said|says|wrote|writes)\s+it\b"
)
#: '"...," as a ministry memo put it.' after the quote; 'as X put it in ..., "..."' before.
_AS_PUT_IT_AFTER = re.compile(r"[\s,]*" + _AS_PUT_IT)
_AS_PUT_IT_BEFORE = re.compile(r"\b" + _AS_PUT_IT + r"[^.;:“”\"]{0,60},\s*$")


def as_put_it(c: QuoteContext):
    """“...,” as a ministry memo put it. / as the Courier put it, “the operator.”: the
    source named in an ``as X put it`` aside next to the quote. After the quote, the
    clause the quote ends is the statement (mixed when it starts before the quote)."""
    after = _AS_PUT_IT_AFTER.match(c.text, c.q.end)
    before = None if after else _AS_PUT_IT_BEFORE.search(c.text, c.ps, c.q.start)
    m = after or before
    if m is None:
        return None
    cand = direct(c.doc, c.idx, c.q, None, None, "put it", c.conf.cue_after)
    cand.speaker_start, cand.speaker_end = m.start("who"), m.end("who")
    cand.speaker_tok = c.idx.tok_at(m.end("who") - 1)
    cand.cue_start = m.start()
    if after is not None:
        t = c.doc[min(c.t_start + 1, len(c.doc) - 1)]
        for _ in range(6):  # the verb of the clause the quote belongs to
            if t.pos_ in ("VERB", "AUX") or t.head is t:
                break
            t = t.head
        subj = next((ch for ch in t.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and c.lo <= subj.left_edge.i and subj.left_edge.idx < c.q.start:
            cand.start, cand.kind = subj.left_edge.idx, "mixed"
    return cand


def _turn(c: QuoteContext, cand: Candidate | None) -> int | None:
    """The paragraph of ``cand`` if its quote opens that paragraph (a dialogue turn)."""
    if cand is None or cand.speaker_start is None:
        return None
    pi = c.idx.para_of(cand.start)
    return pi if c.idx.paras[pi][0] == cand.start else None


def dialogue_turn(c: QuoteContext):
    """An exchange of short turns, one paragraph each: an unattributed turn is the reply
    of the speaker before last (“Will it close?” asked Hale. / “Not yet,” Berg said. /
    “And next year?” is Hale's)."""
    prev, earlier, q, text = c.prev, c.earlier, c.q, c.text
    if not (q.start == c.ps and q.end >= c.pe - 1) or c.n_words > DIALOGUE_TURN_WORDS:
        return None
    if _turn(c, prev) != c.pi - 1 or _turn(c, earlier) != c.pi - 2:
        return None
    who = [text[x.speaker_start : x.speaker_end].split()[-1].lower() for x in (prev, earlier)]
    if who[0] == who[1]:
        return None  # one speaker going on: not an exchange
    quoted = [text[x.start : x.end] for x in (earlier, prev)] + [text[q.start : q.end]]
    if not any("?" in piece for piece in quoted):
        return None  # no question asked: consecutive quotes in news, not a dialogue
    if any(len(piece.split()) > DIALOGUE_TURN_WORDS for piece in quoted):
        return None
    cand = direct(c.doc, c.idx, q, None, None, None, c.conf.dialogue_turn)
    return _attributed_as(cand, earlier)


def continues_previous(c: QuoteContext):
    """A quote opening a paragraph right after another statement continues it."""
    prev, q = c.prev, c.q
    # '“No,” Peter said blankly. “Not today.”': a short second piece after the cue joins it
    short_piece = (
        prev is not None
        and prev.cue_start is not None
        and prev.end <= prev.cue_start < q.start
        and c.idx.para_of(prev.start) == c.pi
        and q.start - prev.end < 200
    )
    if (
        prev is None
        or (c.n_words < 3 and not short_piece)
        or not (q.start == c.ps or q.start - prev.end < 200)
        or c.idx.para_of(prev.end) < c.pi - 1
        or prev.speaker_start is None
    ):
        return None
    if q.start != c.ps and c.doc[c.idx.tok_at(max(prev.end - 1, 0))].sent == c.sent:
        return None  # 'After saying "A," she was "rushed off"': a phrase of the same sentence
    cand = direct(c.doc, c.idx, q, None, None, None, c.conf.continues_previous)
    return _attributed_as(cand, prev)


def unattributed_opening(c: QuoteContext):
    """A long quotation opening a paragraph is a statement even with no source in sight."""
    if c.n_words >= 8 and c.q.start == c.ps:
        return direct(c.doc, c.idx, c.q, None, None, None, c.conf.unattributed_opening)
    return None


def _attributed_as(cand, source):
    """``cand`` with the speaker and cue of ``source``, the statement it continues."""
    cand.speaker_start, cand.speaker_end = source.speaker_start, source.speaker_end
    cand.speaker_tok = source.speaker_tok
    cand.cue, cand.cue_start = source.cue, source.cue_start
    return cand
