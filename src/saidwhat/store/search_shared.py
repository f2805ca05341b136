"""What the SQLite and PostgreSQL search builders share: the columns of a hit, the result."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

QUOTING_HELP = (
    'put phrases in double quotes ("foreign minister"), join terms with AND, OR, NOT '
    "(in capitals), end a word with * for a prefix (sanction*), and quote any term "
    'that holds punctuation or is itself AND/OR/NOT ("U.S." AND "not")'
)

COLUMNS = """
    s.id, s.quote, s.quote_start, s.quote_end, s.kind, s.speaker_name, s.speaker_mention,
    s.speaker_start, s.speaker_end, s.speaker_type, s.cue, s.role, s.organisation, s.country,
    s.date, s.source, s.source_missing, s.confidence, s.fragments, s.headline, s.person_id,
    p.name AS person_name, d.id AS doc_id, d.ref AS doc_ref, d.title, d.outlet, d.url,
    d.published, d.ingested_at,
    CASE WHEN s.fragments IS NOT NULL THEN d.text END AS pieces_text, s.date_source
"""


#: The columns of ``statements s`` that :data:`COLUMNS` and the joins to ``d`` and ``p``
#: read: a PostgreSQL page reads them in the scan that chooses its rows.
STATEMENT_READ = (
    "s.id, s.quote, s.quote_start, s.quote_end, s.kind, s.speaker_name, s.speaker_mention,"
    " s.speaker_start, s.speaker_end, s.speaker_type, s.cue, s.role, s.organisation,"
    " s.country, s.date, s.source, s.source_missing, s.confidence, s.fragments, s.headline,"
    " s.person_id, s.date_source, s.document_id, s.day"
)


@dataclass
class Built:
    sql: str
    params: list[Any]
    match: str | None  # the FTS5 expression, None when no text is matched
    #: PostgreSQL: run as a prepared statement (True), or planned for its values on
    #: every run (False); None leaves it to psycopg (prepared after a few runs).
    prepare: bool | None = None
    #: When the query resolved a name itself and found nothing: the same search with
    #: the name resolved first (its messages, its other ways to match), to run instead.
    unfolded: Callable[[], Built] | None = None


def joins_needed(where: list[str], key: str) -> tuple[bool, bool]:
    """Whether the conditions (and sort key) read documents ``d`` and people ``p``."""
    needed = " ".join([*where, key])
    return bool(re.search(r"\bd\.", needed)), bool(re.search(r"\bp\.", needed))


def limit_sql(filters: Any, params: list[Any], *, postgres: bool) -> str:
    """``LIMIT ? OFFSET ?`` for the page of ``filters`` (its values appended to ``params``)."""
    if filters.limit is None and not filters.offset:
        return ""
    if postgres:
        params += [filters.limit, filters.offset]  # LIMIT NULL is no limit
    else:
        params += [-1 if filters.limit is None else filters.limit, filters.offset]
    return " LIMIT ? OFFSET ?"
