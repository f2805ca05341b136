"""Quote and headline text as a reader should see it in a report.

Pure functions: the stored statement keeps its exact text and offsets; only
what is printed is tidied.
"""

from __future__ import annotations

import os
import re

#: Opening and closing double quotation marks (and guillemets) that wrap quotes.
_OPENERS = "“„«"
_CLOSERS = "”»"
_STRAIGHT = '"'
#: Characters trimmed around a first sentence taken as a headline.
_MARKS = " \"'“”„«»‘’‚‹›"
#: Where a sentence may end: . ! ? … , then optional closing marks, space, a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+(?=[\"“‘«(]?[A-Z0-9À-Ý])")
#: Words whose full stop does not end a sentence (lower case, without the stop).
ABBREVIATIONS = frozenset(
    [
        "i.e",
        "e.g",
        "etc",
        "cf",
        "vs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "no",
        "nos",
        "vol",
        "approx",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_LAST_WORD = re.compile(r"([\w.]+)[.]\W*$")
_INITIALS = re.compile(r"(?:\b\w\.){2,}$")  # U.S., U.N.


def clean_quote(text: str) -> str:
    """``text`` without quotation marks the source left unpaired at its ends.

    A quote wrapped whole in marks loses them too (the report shows it as a
    quote already); marks that pair up inside (“Balanced” is the word) stay.
    """
    text = text.strip()
    for _ in range(3):  # “„quoted”: at most a few layers
        before = text
        opens = sum(text.count(c) for c in _OPENERS)
        closes = sum(text.count(c) for c in _CLOSERS)
        if text[:1] in _OPENERS and text[-1:] in _CLOSERS and opens == closes == 1:
            text = text[1:-1]
        elif text[:1] in _OPENERS and opens > closes:
            text = text[1:]
        elif text[-1:] in _CLOSERS and closes > opens:
            text = text[:-1]
        elif text.count(_STRAIGHT) == 2 and text[:1] == text[-1:] == _STRAIGHT:
            text = text[1:-1]
        elif text.count(_STRAIGHT) % 2 and _STRAIGHT in (text[:1], text[-1:]):
            text = text[1:] if text[:1] == _STRAIGHT else text[:-1]
        text = text.strip()
        if text == before:
            break
    return text


def _ends_sentence(before: str) -> bool:
    """Whether the full stop (or ! ? …) at the end of ``before`` ends a sentence."""
    if not before.rstrip().endswith("."):
        return True
    if before.count("(") > before.count(")"):
        return False  # inside a parenthesis: "(i.e. the March draft)"
    m = _LAST_WORD.search(before)
    if m is None:
        return True
    word = m.group(1).lower()
    return word not in ABBREVIATIONS and not _INITIALS.search(m.group(1) + ".")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (abbreviations and parentheses respected)."""
    for m in _SENTENCE_END.finditer(text):
        if _ends_sentence(text[: m.start()]):
            return text[: m.start()] + _closing_run(text[m.start() : m.end()])
    return text


def _closing_run(gap: str) -> str:
    # A ")" closing the sentence's own parenthesis belongs to it; quotes are trimmed later.
    return gap.strip()[:1] if gap.strip()[:1] == ")" else ""


def balance(text: str) -> str:
    """``text`` without unpaired closing marks or parentheses at its ends."""
    text = text.strip()
    while text:
        if (text[-1] == ")" and text.count(")") > text.count("(")) or (
            text[-1] in _CLOSERS + "’"
            and sum(text.count(c) for c in _CLOSERS) > sum(text.count(c) for c in _OPENERS)
        ):
            text = text[:-1].rstrip()
        elif text[0] in _OPENERS and sum(text.count(c) for c in _OPENERS) > sum(
            text.count(c) for c in _CLOSERS
        ):
            text = text[1:].lstrip()
        else:
            break
    return text


def shorten(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` characters, cut at a word and never
    inside a parenthesis it opens."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rfind(" ")]
    if cut.count("(") > cut.count(")"):
        cut = cut[: cut.rfind("(")]
    return cut.rstrip(" ,;:-–—") + "…"


def headline(quote: str, given: str | None, width: int = 90) -> str:
    """A headline: the given one, else the quote's first sentence; tidied and shortened."""
    if given and given.strip():
        return shorten(balance(given), width)
    flat = clean_quote(" ".join(quote.split()))
    first = first_sentence(flat).strip(_MARKS)
    return shorten(balance(first), width)


def display_ref(ref: str) -> str:
    """How a document's ref is shown in a report: a URL as is, a local path by its
    file name only (an analyst's folders are not for the readers of a dossier)."""
    if "://" in ref:
        return ref
    path, hash_, anchor = ref.partition("#")
    name = os.path.basename(path.rstrip("/\\").replace("\\", "/")) or path
    return name + hash_ + anchor
