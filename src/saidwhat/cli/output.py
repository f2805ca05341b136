"""Formatting results: a readable table on a terminal, JSON/JSONL/CSV for machines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click

from saidwhat.reports.csv_cells import csv_writer

FORMATS = ("table", "json", "jsonl", "csv")


def format_option(
    default: str = "table",
    *,
    choices: tuple[str, ...] = FORMATS,
    help: str = "Output format: a table for people, json/jsonl/csv for programs.",
):
    """The shared ``--format`` option (``choices``/``help`` for commands with more formats)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=help,
    )


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 document``, ``2 documents`` (``words`` for irregular plurals: entry/entries)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def _cell(value: Any) -> str:
    """A table cell: lists joined with "; ", never a Python repr."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def emit(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    *,
    title: str | None = None,
    wide: Sequence[str] = (),
) -> int:
    """Write ``rows`` to stdout in ``fmt``; returns the number of rows written.

    ``columns`` selects and orders the table/CSV columns (JSON keeps every field).
    ``wide`` names table columns that may wrap (quotes, snippets).
    """
    out = sys.stdout
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
        return n
    if fmt == "json":
        data = list(rows)
        json.dump(data, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
        return len(data)
    if fmt == "csv":
        writer = None
        for row in rows:
            if writer is None:
                writer = csv_writer(out, list(columns or row.keys()))
                writer.writeheader()
            writer.writerow(row)
            n += 1
        if writer is None and columns:
            # No rows: still the header, so a program reading the file knows its columns.
            csv_writer(out, list(columns)).writeheader()
        return n
    # table
    from rich.console import Console
    from rich.table import Table

    data = list(rows)
    if not data:
        click.echo("(nothing found)", err=True)
        return 0
    cols = list(columns or data[0].keys())
    table = Table(title=title, show_lines=bool(wide), expand=False)
    for c in cols:
        table.add_column(c, overflow="fold", ratio=3 if c in wide else None)
    for row in data:
        table.add_row(*(_cell(row.get(c)) for c in cols))
    # Document text must not be read as rich markup: Table cells are plain strings
    # here, and rich only parses markup in str cells when markup is enabled.
    Console(markup=False, highlight=False, soft_wrap=False).print(table)
    return len(data)
