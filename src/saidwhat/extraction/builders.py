"""Building candidates from the parse: token lookups, quote masks, direct and mixed records.

Shared by :mod:`.direct` (pairing quotes with cue clauses) and :mod:`.quote_rules`
(the rules for quotes no cue clause reaches).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .candidate import Candidate
from .indirect import np_span
from .lexicon import CUT_AFTER_COMMA
from .quotes import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"\w+")


def words(text: str, s: int, e: int) -> int:
    return len(_WORD.findall(text, s, e))


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


class Index:
    """Token lookups by char offset, built once per document."""

    def __init__(self, doc: Doc, paras: list[tuple[int, int]]):
        self.doc = doc
        self.starts = doc.to_array("IDX").tolist()
        self.para_starts = [p[0] for p in paras]
        self.paras = paras

    def tok_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)


class QuoteMask:
    def __init__(self, quotes: list[QuoteSpan]):
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def inside(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return any(
            self.quotes[j].start <= pos < self.quotes[j].end for j in range(max(0, k - 3), k + 1)
        )

    def overlapping_idx(self, s: int, e: int) -> list[int]:
        """Indices of the quotes overlapping [s, e) (quotes are disjoint and sorted)."""
        k = bisect.bisect_left(self.starts, e)
        j = max(0, bisect.bisect_right(self.starts, s) - 1)
        return [i for i in range(j, k) if self.quotes[i].end > s and self.quotes[i].start < e]

    def overlapping(self, s: int, e: int) -> list[QuoteSpan]:
        return [self.quotes[i] for i in self.overlapping_idx(s, e)]


#: Dashes that close a dateline ("TALLSTAD -- ", "OSLO — ").
_DATELINE_DASHES = frozenset({"--", "—", "–", "-", "―"})


def past_dateline(doc: Doc, speaker_i: int | None) -> int | None:
    """The speaker head, stepping past a dateline the parser made the subject.

    ``TALLSTAD -- Mayor Ana Berg, opening the bridge, said ...``: the place in
    capitals opening the paragraph is not who spoke; the name after its dash is
    (the parser hangs it on the place as an apposition).
    """
    if speaker_i is None:
        return None
    t = doc[speaker_i]
    if not (t.is_upper and len(t) > 1 and (t.i == 0 or "\n" in doc[t.i - 1].text_with_ws)):
        return speaker_i
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is None or nxt.text not in _DATELINE_DASHES:
        return speaker_i
    for child in t.rights:
        if child.dep_ == "appos" and child.pos_ in ("PROPN", "NOUN"):
            return child.i
    return None


def speaker_span(doc: Doc, speaker_i: int | None) -> tuple[int | None, int | None]:
    if speaker_i is None:
        return None, None
    return np_span(doc, doc[speaker_i])


def direct(
    doc: Doc,
    idx: Index,
    q: QuoteSpan,
    cue_i: int | None,
    spk_i: int | None,
    cue: str | None,
    conf: float,
) -> Candidate:
    spk_i = past_dateline(doc, spk_i)
    s0, s1 = speaker_span(doc, spk_i)
    kind = "direct"
    cue_pos = doc[cue_i].idx if cue_i is not None else None
    if q.fragments or (cue_pos is not None and idx.para_of(cue_pos) != idx.para_of(q.start)):
        kind = "block"
    return Candidate(
        start=q.start,
        end=q.end,
        kind=kind,
        fragments=[list(f) for f in q.fragments] if q.fragments else None,
        cue=cue,
        cue_start=cue_pos,
        speaker_start=s0,
        speaker_end=s1,
        speaker_tok=spk_i,
        confidence=conf,
    )


#: Tokens that end a clause's run after its last quotation (a new clause or an aside).
_CLAUSE_STOPS = frozenset({";", "—", "--", "―", "–", "-", "(", ":", ".", "!", "?"})


def clause_end(doc: Doc, t, end: int) -> int:
    """Where the clause of cue ``t`` ends after the char offset ``end`` (a quote's end).

    PolNeAR extends a mixed statement to the end of its clause after the last
    quotation mark (``likened them to a “vicious snake” in a song about ...``,
    ``there remains a "significant difference," when it comes to ...``). The run
    stops at the sentence's end, a line break, a semicolon, a dash or colon, ``,
    which``/``, saying`` (another clause) and a verb conjoined to the cue (``and
    encouraged ...``: a second statement).
    """
    j = t.right_edge.i  # (not t.sent: a sentence start may be set at a closing mark)
    k = t.i + 1
    while k <= j and doc[k].idx < end:
        k += 1
    last = None
    for m in range(k, j + 1):
        tok = doc[m]
        if (tok.is_space and "\n" in tok.text) or tok.text in _CLAUSE_STOPS:
            break
        nxt = doc[m + 1] if m + 1 <= j else None
        if (
            tok.text == ","
            and nxt is not None
            and (
                nxt.lower_ in CUT_AFTER_COMMA
                or (nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "acl", "xcomp"))
            )
        ):
            break
        if tok.dep_ == "cc" and nxt is not None and nxt.dep_ == "conj" and nxt.head.i == t.i:
            break
        if tok.dep_ == "conj" and tok.head.i == t.i:
            break
        if tok.dep_ == "cc" and tok.head.i == t.i:  # ', and he told ...': the cue's own next clause
            break
        if not (tok.is_punct or tok.is_space) or (tok.text in "”’\"'" and last is not None):
            last = m
    if last is None:
        return end
    return max(end, doc[last].idx + len(doc[last]))


def what_object(t):
    """``after what she called a “rant”``: the relative ``what`` a cue takes as object
    (the statement starts there), or None."""
    for child in t.lefts:
        if child.dep_ == "dobj" and child.lower_ == "what":
            return child
    return None


def mixed(doc: Doc, t, subj, start: int, end: int, conf: float) -> Candidate:
    spk_i = past_dateline(doc, subj.i)
    s0, s1 = speaker_span(doc, spk_i)
    return Candidate(
        start=start,
        end=end,
        kind="mixed",
        cue=t.text,
        cue_start=t.idx,
        speaker_start=s0,
        speaker_end=s1,
        speaker_tok=spk_i,
        confidence=conf,
    )


def opens_sentence(doc: Doc, idx: Index, q: QuoteSpan) -> bool:
    """Quote ``q`` is a sentence of its own: its first word is capitalised and not a name
    (``“We will cut them”``, ``“I will not”``; ``“Tallstad is broke”`` is no proof)."""
    first = doc[idx.tok_at(q.start + 1)]
    return (
        not first.is_punct
        and first.text[:1].isupper()
        and (first.pos_ != "PROPN" or first.text == "I")
    )


def set_off_quote(doc: Doc, idx: Index, text: str, lead: int, q: QuoteSpan) -> bool:
    """Words from ``lead`` to quote ``q`` are an aside or an opening reporting clause set
    off by a comma or a colon before a whole quoted sentence (``When Berg asked him,
    “We will cut them,” Hale said``, ``Lund scolded him: “The study is wrong,” she
    said``): not part of what the later cue reports."""
    return bool(re.search(r"[,:]\s*$", text[lead : q.start])) and opens_sentence(doc, idx, q)


def whole_sentence(doc: Doc, idx: Index, text: str, q: QuoteSpan) -> bool:
    """Quote ``q`` is a whole sentence, capital to final stop (``chanted “No more
    fares!” outside the hall``): what follows it is the report's, not the quote's."""
    inner = text[q.start : q.end].rstrip("”’\"' ")
    return inner[-1:] in (".", "!", "?") and opens_sentence(doc, idx, q)
