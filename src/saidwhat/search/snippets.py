"""Snippets for SQLite hits: the part of a quote around the words a search matched.

FTS5's ``snippet()`` only works inside the query that matches, so asking it for
the 20 hits of a page means matching again: for a common word ranked among
thousands of matches that second pass costs as much as the search (and looking
single rows up by key costs about a millisecond each). The page's snippets are
made here instead, from the quote and the search expression, with the index's
tokenizer rules (``unicode61 remove_diacritics 2``: runs of letters and digits,
case and accents folded). PostgreSQL makes its own with ``ts_headline``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from saidwhat.errors import QueryError
from saidwhat.store.fts_postgres import Node, Phrase, parse

#: A token as unicode61 reads one: letters and digits (``_`` separates).
_TOKEN = re.compile(r"[^\W_]+")
ELLIPSIS = "…"


def fold(word: str) -> str:
    """``word`` as the index stores it: lowercase, accents removed."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Wanted:
    """One phrase to mark: its folded tokens; the last may be a prefix."""

    tokens: tuple[str, ...]
    prefix: bool


def wanted_phrases(expression: str) -> list[Wanted]:
    """The phrases of FTS5 ``expression`` that a hit contains (those under NOT left out)."""
    try:
        tree = parse(expression)
    except QueryError:
        return []
    out: list[Wanted] = []

    def walk(node: Phrase | Node, negated: bool) -> None:
        if isinstance(node, Phrase):
            if negated or node.column not in (None, "quote"):
                return
            tokens: list[str] = []
            prefix = False
            for text, is_prefix in node.terms:
                tokens += [fold(t) for t in _TOKEN.findall(text)]
                prefix = is_prefix
            if tokens:
                out.append(Wanted(tuple(tokens), prefix))
            return
        walk(node.left, negated)
        walk(node.right, negated or node.op == "NOT")

    walk(tree, False)
    return out


def snippet(quote: str, phrases: list[Wanted], highlight: tuple[str, str], tokens: int = 16) -> str:
    """At most ``tokens`` words of ``quote`` around the most matches, matches marked.

    The window holding the most matched words wins (the earliest on a tie); it is
    cut at word boundaries and marked ``…`` where the quote goes on.
    """
    found = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(quote)]
    if not found:
        return quote
    spans: list[tuple[int, int]] = []  # token index ranges [i, j) of each match
    words = [w for _, _, w in found]
    for phrase in phrases:
        n = len(phrase.tokens)
        for i in range(len(words) - n + 1):
            head = all(words[i + k] == phrase.tokens[k] for k in range(n - 1))
            last = words[i + n - 1]
            end_ok = (
                last.startswith(phrase.tokens[-1]) if phrase.prefix else last == phrase.tokens[-1]
            )
            if head and end_ok:
                spans.append((i, i + n))
    spans.sort()
    start, stop = 0, len(found)
    if len(found) > tokens:
        best = (-1, 0)
        for i, _ in spans or [(0, 0)]:
            first = max(0, min(i - tokens // 4, len(found) - tokens))
            hits = sum(1 for a, b in spans if a >= first and b <= first + tokens)
            if hits > best[0]:
                best = (hits, first)
        start, stop = best[1], best[1] + tokens
    out: list[str] = []
    pos = found[start][0] if start else 0
    if start:
        out.append(ELLIPSIS)
    for a, b in spans:
        if a < start or b > stop:
            continue
        begin, end = found[a][0], found[b - 1][1]
        if begin < pos:  # overlaps a span already marked
            continue
        out += [quote[pos:begin], highlight[0], quote[begin:end], highlight[1]]
        pos = end
    end_char = found[stop - 1][1] if stop < len(found) else len(quote)
    out.append(quote[pos:end_char])
    if stop < len(found):
        out.append(ELLIPSIS)
    return "".join(out)
