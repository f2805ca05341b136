"""The one place a value becomes a CSV cell: readable, and never a live spreadsheet formula.

Quotes come from untrusted documents. A cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is run as a formula by Excel,
LibreOffice and Google Sheets (``=HYPERLINK(...)``, ``=cmd|...``), so, as OWASP
recommends for CSV injection, such a cell gets a leading single quote, which the
spreadsheet shows as text. Every CSV saidwhat writes goes through
:func:`csv_cell` or :func:`csv_writer`; :func:`uncell` undoes it for CSVs saidwhat
reads back (the people registry).

Lists become ``"; "``-joined text (lists of numbers and nested lists, like
fragment offsets, become JSON); dicts become JSON. Never a Python repr.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import IO, Any

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARD = "'"


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula."""
    return _GUARD + text if text.startswith(FORMULA_STARTS) else text


def uncell(text: str) -> str:
    """Undo :func:`neutralise` on a cell read back from a CSV saidwhat wrote."""
    if text.startswith(_GUARD) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def csv_cell(value: Any) -> str | int | float:
    """``value`` as a safe CSV cell; numbers stay numbers (``-3`` is not a formula)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, list | tuple):
        if all(isinstance(v, str) for v in value):
            return neutralise("; ".join(value))
        return neutralise(json.dumps(value, ensure_ascii=False, default=str))
    if isinstance(value, dict):
        return neutralise(json.dumps(value, ensure_ascii=False, default=str))
    return neutralise(str(value))


class _SafeDictWriter(csv.DictWriter):
    def writerow(self, rowdict):
        return super().writerow({k: csv_cell(v) for k, v in rowdict.items()})


class _SafeWriter:
    def __init__(self, writer) -> None:
        self._writer = writer

    def writerow(self, row: Sequence[Any]):
        return self._writer.writerow([csv_cell(v) for v in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out: IO[str], fieldnames: Sequence[str] | None = None, **kwargs: Any):
    """A csv.DictWriter (with ``fieldnames``) or csv.writer whose cells go through csv_cell."""
    # RFC 4180 line ends: Python's csv quotes a field holding a line-end character
    # only if that character is in the terminator, so "\n" alone would leave a
    # quote's stray "\r" unquoted and split the row in every reader.
    kwargs.setdefault("lineterminator", "\r\n")
    if fieldnames is not None:
        kwargs.setdefault("extrasaction", "ignore")
        return _SafeDictWriter(out, fieldnames=list(fieldnames), **kwargs)
    return _SafeWriter(csv.writer(out, **kwargs))
