"""Turning the date forms found in news text and metadata into ISO strings."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A date as written in English news text: "May 10, 2017", "10 May 2017", "2017-05-10".
DATE_PATTERN = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
_MDY = re.compile(rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE)
_DMY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _month(name: str) -> int:
    key = name.rstrip(".").lower()
    return MONTHS.get(key[:4] if key.startswith("sept") else key[:3], 0)


def parse_date(s: str | None) -> str | None:
    """The ISO date (``YYYY-MM-DD``) written in ``s``, or None if it holds no valid date."""
    if not s:
        return None
    s = s.strip()
    for rx, order in ((_MDY, "mdy"), (_DMY, "dmy"), (_ISO, "ymd")):
        m = rx.search(s)
        if not m:
            continue
        a, b, c = m.groups()
        try:
            if order == "mdy":
                d = date(int(c), _month(a), int(b))
            elif order == "dmy":
                d = date(int(c), _month(b), int(a))
            else:
                d = date(int(a), int(b), int(c))
        except ValueError:
            continue
        return d.isoformat()
    return None


def find_date(text: str) -> tuple[int, int, str] | None:
    """The first date in ``text``: (start, end, ISO date), or None."""
    for m in _DATE_RE.finditer(text):
        iso = parse_date(m.group(0))
        if iso:
            return m.start(), m.end(), iso
    return None


def iso_from_struct(t) -> str | None:
    """ISO datetime (UTC) from a ``time.struct_time`` as feedparser gives, or None."""
    if not t:
        return None
    try:
        return datetime(*t[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def normalise_iso(value: str | None) -> str | None:
    """An ISO date/datetime string from a metadata value, or None if it is not one."""
    if not value:
        return None
    value = value.strip()
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return parse_date(value)
    if len(value) <= 10:
        return dt.date().isoformat()
    return dt.isoformat()
