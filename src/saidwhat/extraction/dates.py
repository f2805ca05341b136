"""The date a statement was made, as its own sentence states it.

A statement's date is, in order: its own citation (:mod:`.citations`), a date
stated in its sentence outside the quoted words (``on Tuesday``, ``yesterday``,
``last week``, ``May 10``, ``May 10, 2017``), resolved against the document's
date, then the document's date. :data:`DATE_SOURCES` names which one it was.
"""

from __future__ import annotations

import datetime as dt
import re

from saidwhat.sources.dates import DATE_PATTERN, MONTHS, parse_date

#: Values of ``Statement.date_source``.
DATE_SOURCES = ("citation", "sentence", "document")

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_RELATIVE = re.compile(
    rf"""\b(?:
        (?P<full>{DATE_PATTERN})
      | (?:on\s+)?(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b
      | (?P<yesterday>yesterday)
      | (?P<today>today|this\s+morning|this\s+afternoon|tonight)
      | (?P<lastweek>last\s+week)
      | (?:on\s+)?(?P<md_month>{_MONTH})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})
      | (?:on\s+)?(?:the\s+)?(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH})\b(?!,?\s*\d{{4}})
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: Days back for "last week" (a week before the document, the usual reading).
_LAST_WEEK_DAYS = 7
#: A sentence is searched this far around the statement at most.
_SENTENCE_MAX = 400
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _month_number(name: str) -> int:
    key = name.rstrip(".").lower()
    return MONTHS.get(key[:4] if key.startswith("sept") else key[:3], 0)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(m: re.Match, ref: dt.date | None) -> str | None:
    """The ISO date a match of :data:`_RELATIVE` stands for, given the document's date."""
    if m.group("full"):
        return parse_date(m.group("full"))
    if ref is None:
        return None
    if m.group("weekday"):
        wd = _WEEKDAYS.index(m.group("weekday").lower())
        back = (ref.weekday() - wd) % 7  # the latest such day on or before the document's
        return (ref - dt.timedelta(days=back)).isoformat()
    if m.group("yesterday"):
        return (ref - dt.timedelta(days=1)).isoformat()
    if m.group("today"):
        return ref.isoformat()
    if m.group("lastweek"):
        return (ref - dt.timedelta(days=_LAST_WEEK_DAYS)).isoformat()
    month = _month_number(m.group("md_month") or m.group("dm_month"))
    day = int(m.group("md_day") or m.group("dm_day"))
    found = _day(ref.year, month, day)
    if found is not None and found > ref:  # "May 10" in a January article: last year's
        found = _day(ref.year - 1, month, day)
    return found.isoformat() if found else None


def sentence_date(
    text: str, pieces: list[list[int]], around: tuple[int, int], doc_date: str | None
) -> str | None:
    """A date stated in the sentence(s) ``around`` spans, outside the statement's own words."""
    ref = None
    if doc_date:
        try:
            ref = dt.date.fromisoformat(doc_date[:10])
        except ValueError:
            ref = None
    lo, hi = around
    start = max(0, lo - _SENTENCE_MAX)
    cut = [m.end() for m in _SENTENCE_END.finditer(text, start, lo)]
    start = cut[-1] if cut else start
    m_end = _SENTENCE_END.search(text, hi, min(len(text), hi + _SENTENCE_MAX))
    end = m_end.start() + 1 if m_end else min(len(text), hi + _SENTENCE_MAX)
    # the statement's own words are blanked: a date it mentions is not when it was said
    chars = list(text[start:end])
    for s, e in pieces:
        for k in range(max(s, start), min(e, end)):
            chars[k - start] = " "
    window = "".join(chars)
    for m in _RELATIVE.finditer(window):
        iso = resolve(m, ref)
        if iso is not None:
            return iso
    return None
