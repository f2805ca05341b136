"""Quotation-mark spans: where the quoted passages of a text are.

The core is :func:`find_quotes`, a pure function over the raw text. It knows
every common quote mark (straight, curly, low-9, guillemets), tells
apostrophes (``don't``, ``Russia’s``, ``the ’90s``) from single quotes,
follows the English multi-paragraph convention (each paragraph of a long
quote opens with a mark, only the last one closes) and survives unbalanced
marks: a quote left open is closed at the end of its paragraph.

Offsets always refer to the unmodified text; a :class:`QuoteSpan` covers its
marks (``start`` is the opening mark, ``end`` is just past the closing one).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

#: Marks that open or close a double quote (direction is read from context).
DOUBLE_MARKS = frozenset('"“”„«»‟')
#: Marks that can open a single quote, and marks that can close one.
SINGLE_OPEN = frozenset("‘'‚‹")
SINGLE_CLOSE = frozenset("’'›")
_OPEN_BEFORE = frozenset("([{—–-/\u00a0") | DOUBLE_MARKS
_ELISION = re.compile(r"(?:\d0s|\d\d\b|em\b|tis\b|twas\b|cause\b|n\b|til\b)", re.IGNORECASE)
_WORD = re.compile(r"\w")
_DOUBLED = re.compile(r"''|``")
_FILLER = "\u2060"  # word joiner: not a space, not a word character
_SINGLE_MARK = re.compile("[‘'‚‹’›]")
_MARK_OR_NL = re.compile(r'["“”„«»‟\n]')


@dataclass
class QuoteSpan:
    """A quoted passage; ``fragments`` are its per-paragraph pieces, marks included."""

    start: int
    end: int
    single: bool = False
    closed: bool = True
    fragments: list[tuple[int, int]] = field(default_factory=list)

    def words(self, text: str) -> int:
        return len(re.findall(r"\w+", text[self.start : self.end]))


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without enclosing quotation marks and outer whitespace.

    Double marks go at either edge; single marks only as a pair (an apostrophe
    ending a clause, "the states'", stays).
    """
    s, e = start, end
    while s < e and (
        text[s].isspace() or text[s] in DOUBLE_MARKS or text[s : s + 2] in ("''", "``")
    ):
        s += 2 if text[s : s + 2] in ("''", "``") else 1
    while e > s and (
        text[e - 1].isspace() or text[e - 1] in DOUBLE_MARKS or text[e - 2 : e] == "''"
    ):
        e -= 2 if text[e - 2 : e] == "''" else 1
    if e - s > 2 and text[s] in SINGLE_OPEN and text[e - 1] in SINGLE_CLOSE:
        s, e = s + 1, e - 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e


def statement_span(
    text: str,
    start: int,
    end: int,
    fragments: list[tuple[int, int]] | list[list[int]] | None,
    interrupted: bool,
) -> tuple[int, int, list[list[int]] | None]:
    """A candidate's quote offsets without enclosing marks, and its pieces (each without marks).

    A quote interrupted by its cue is represented by its first piece; a quote over
    several paragraphs by the whole passage. Shared by every language's engine.
    """
    start, end = strip_marks(text, start, end)
    if not fragments:
        return start, end, None
    frags = [list(strip_marks(text, s, e)) for s, e in fragments]
    frags = [f for f in frags if f[1] > f[0]]
    if not frags:
        return start, end, None
    if interrupted:
        return frags[0][0], frags[0][1], frags
    return frags[0][0], frags[-1][1], frags


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph (non-blank line run); soft line wraps are joined."""
    out: list[tuple[int, int]] = []
    start = None
    pos = prev_end = 0
    last_line = ""  # the previous line of the paragraph (never the whole paragraph: linear)
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        line_at = pos
        lstart = pos + (len(body) - len(body.lstrip()))
        lend = pos + len(body.rstrip())
        pos += len(line)
        if not stripped:
            if start is not None:
                out.append((start, prev_end))
                start = None
            continue
        if start is not None and not _soft_wrap(last_line, stripped):
            out.append((start, prev_end))
            start = None
        if start is None:
            start = line_at = lstart
        prev_end = lend
        last_line = text[line_at:lend]
    if start is not None:
        out.append((start, prev_end))
    return out


def _soft_wrap(last_line: str, line: str) -> bool:
    """True when ``line`` continues a paragraph whose last line is ``last_line`` (hard wraps)."""
    if len(last_line) < 55 or last_line[-1] in '.?!:"”’»)]…':
        return False
    return (line[0] not in DOUBLE_MARKS and not line[0].isupper()) or line[0].islower()


def _looks_open(text: str, i: int) -> bool:
    p = text[i - 1] if i > 0 else "\n"
    n = text[i + 1] if i + 1 < len(text) else "\n"
    return (p.isspace() or p in _OPEN_BEFORE) and not n.isspace() and n not in ",;"


def find_quotes(text: str) -> list[QuoteSpan]:
    """All top-level quoted passages, sorted by start.

    Double quotes first (with paragraph continuation); then single quotes that
    lie outside every double quote (headlines, British style).
    """
    paras = paragraphs(text)
    scan = text
    if "''" in text or "``" in text:
        # typewriter doubles (''quote'' / ``quote''): scan them as one double mark
        scan = _DOUBLED.sub('"' + _FILLER, text)
    doubles = _double_quotes(scan, paras)
    singles = _single_quotes(scan, paras, doubles)
    if scan is not text:
        for q in doubles:
            if q.end < len(scan) and scan[q.end] == _FILLER:
                q.end += 1
                if q.fragments:
                    q.fragments[-1] = (q.fragments[-1][0], q.end)
    return sorted((q for q in doubles + singles if not _nickname(text, q)), key=lambda q: q.start)


#: ``Marcia "Cia" Price``, ``Thomas ‘Tip’ Lund``: a name word, one or two capitalised words
#: in quotation marks, a name word. Not a quotation: a name's nickname.
_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][a-z][\w’'-]*[ \u00a0]$")
_NICK = re.compile(r"[A-Z][a-z][\w’'-]*(?: [A-Z][a-z][\w’'-]*)?")
_NAME_AFTER = re.compile(r"[ \u00a0](?P<w>[A-Z][a-z][\w’'-]*)")
#: Words after a quote that are no surname (``told the Courier "Never" Tuesday``).
_NOT_SURNAMES = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December""".split()  # noqa: SIM905
)


def _nickname(text: str, q: QuoteSpan) -> bool:
    """Quote ``q`` is a nickname inside a person's name (see :data:`_NAME_BEFORE`)."""
    if q.fragments and len(q.fragments) > 1:
        return False
    s, e = strip_marks(text, q.start, q.end)
    after = _NAME_AFTER.match(text, q.end)
    return (
        e - s <= 30
        and _NICK.fullmatch(text, s, e) is not None
        and _NAME_BEFORE.search(text, max(0, q.start - 30), q.start) is not None
        and after is not None
        and after.group("w") not in _NOT_SURNAMES
    )


def _straight_paragraph(text: str, ps: int, pe: int, start: int) -> bool:
    """The paragraph is one quote in straight marks (its first and last characters, and
    its only straight marks): curly marks inside it are quotes within the quote."""
    body = text[ps:pe].strip()
    return (
        start == ps + len(text[ps:pe]) - len(text[ps:pe].lstrip())
        and len(body) > 2
        and body[-1] == '"'
        and body.count('"') == 2
    )


def _double_quotes(text: str, paras: list[tuple[int, int]]) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    # Walk paragraphs; an unclosed quote carries over when the next paragraph opens with a mark.
    carry: QuoteSpan | None = None
    for ps, pe in paras:
        i = ps
        cur = None
        depth = 0
        frag_start = ps
        if carry is not None:
            # (a passage keeps one style of marks: a straight '"' is not continued by '“')
            same = (text[ps] == '"') == (text[carry.start] == '"')
            if text[ps] in DOUBLE_MARKS and _looks_open(text, ps) and same:
                cur = carry
                frag_start = ps
                i = ps + 1
            else:
                out.append(carry)
            carry = None
        while True:
            m = _MARK_OR_NL.search(text, i, pe)
            if m is None:
                break
            j = m.start()
            i = j + 1
            ch = text[j]
            if ch == "\n":
                continue
            if cur is None:
                if ch == "»" or (not _looks_open(text, j) and ch != "«" and ch != "„"):
                    continue  # a stray closing mark
                cur = QuoteSpan(j, j + 1)
                frag_start = j
                depth = 0
                continue
            opener = ch in "«„" or (
                ch not in "»" and _looks_open(text, j) and _WORD.match(text[j + 1 : j + 2] or " ")
            )
            if opener and j > frag_start + 1:
                if (
                    text[cur.start] == '"'
                    and ch in "“„«"
                    and not cur.fragments
                    and not _straight_paragraph(text, ps, pe, cur.start)
                ):
                    cur.start = frag_start = j  # a stray straight mark before curly quoting
                    continue
                depth += 1
                continue
            if depth:
                depth -= 1
                continue
            cur.fragments.append((frag_start, j + 1))
            cur.end = j + 1
            cur.closed = True
            out.append(cur)
            cur = None
        if cur is not None and text[frag_start] == '"' and any(c in "“”" for c in text[ps:pe]):
            cur = None  # a straight mark opening a paragraph quoted with curly marks: noise
        if cur is not None:
            end = pe
            cur.fragments.append((frag_start, end))
            cur.end = end
            cur.closed = False
            carry = cur
    if carry is not None:
        out.append(carry)
    for q in out:
        if len(q.fragments) == 1:
            q.fragments = []
    return [q for q in out if q.end - q.start > 2]


def _single_quotes(
    text: str, paras: list[tuple[int, int]], doubles: list[QuoteSpan]
) -> list[QuoteSpan]:
    starts = [q.start for q in doubles]  # doubles are disjoint and sorted
    out: list[QuoteSpan] = []

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and pos < doubles[k].end

    for ps, pe in paras:
        opener = None
        for m in _SINGLE_MARK.finditer(text, ps, pe):
            j = m.start()
            ch = text[j]
            if inside(j):
                continue
            p = text[j - 1] if j > 0 else " "
            n = text[j + 1] if j + 1 < len(text) else " "
            if opener is None:
                if ch in SINGLE_OPEN and (p.isspace() or p in _OPEN_BEFORE or j == ps):
                    if n.isspace() or _ELISION.match(text, j + 1):
                        continue
                    opener = j
                continue
            if ch in SINGLE_CLOSE and not p.isspace() and not (n.isalnum()):
                if _WORD.search(text, opener, j):
                    out.append(QuoteSpan(opener, j + 1, single=True))
                opener = None
    return out
