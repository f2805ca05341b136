"""Searching stored statements: full text (FTS5), speaker, organisation, dates and more.

:func:`search_statements` turns a :class:`SearchFilters` into one parameterised
SQL query over ``statements`` joined to its document, its person and, when
there is text to match, the ``statements_fts`` index. Every :class:`Hit`
carries the statement, its provenance and an FTS highlight.

Speakers are found through the ``aliases`` table on :func:`saidwhat.names.name_key`,
so "Sergei Lavrov" finds statements stored for "Sergey Lavrov", and manual
corrections (merge, split, registry import) apply to search at once.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any

from saidwhat.errors import NotFoundError, QueryError, StoreError
from saidwhat.extraction.slavic.lemmas import expand_query
from saidwhat.model import STATEMENT_KINDS, Statement
from saidwhat.search.speakers import _like, resolve_speaker_ids
from saidwhat.store.db import Store

log = logging.getLogger(__name__)

SORTS = ("rank", "date", "-date")

#: Highlight markers used when none are given: plain text that reads well on a terminal.
DEFAULT_HIGHLIGHT = ("[", "]")

#: Provenance fields added to the extract contract in machine-readable output.
PROVENANCE_FIELDS = ("doc_id", "title", "outlet", "url", "published")

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FTS_ERROR_HINTS = (
    "fts5",
    "syntax error",
    "unterminated string",
    "no such column",
    "unknown special",
)
_QUOTING_HELP = (
    'put phrases in double quotes ("foreign minister"), join terms with AND, OR, NOT '
    "(in capitals), end a word with * for a prefix (sanction*), and quote any term "
    'that holds punctuation or is itself AND/OR/NOT ("U.S." AND "not")'
)


@dataclass
class SearchFilters:
    """What to search for. Every field is optional; set fields are combined with AND.

    ``text`` uses FTS5 syntax over the quote and speaker name. ``speaker`` is any
    alias of a person. ``about`` finds quotes that mention a person (through all
    their aliases) or, failing that, the phrase itself. ``since``/``until`` are
    ISO dates (``2024``, ``2024-05`` or ``2024-05-01``, both inclusive) compared
    with the statement's date, or its document's publication date when it has none.
    """

    text: str | None = None
    speaker: str | None = None
    org: str | None = None
    country: str | None = None
    role: str | None = None
    kind: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    about: str | None = None
    sort: str = "rank"
    limit: int | None = 100
    offset: int = 0

    def validate(self) -> SearchFilters:
        """Raise :class:`QueryError` if a filter is malformed; return self."""
        if self.kind is not None and self.kind not in STATEMENT_KINDS:
            raise QueryError(f"unknown kind {self.kind!r}; use one of {', '.join(STATEMENT_KINDS)}")
        if self.sort not in SORTS:
            raise QueryError(f"unknown sort {self.sort!r}; use one of {', '.join(SORTS)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, normalise_date(value, name))
        if self.since and self.until:
            n = min(len(self.since), len(self.until))
            if self.since[:n] > self.until[:n]:
                raise QueryError(f"since {self.since} is after until {self.until}; swap them")
        if self.limit is not None and self.limit < 0:
            raise QueryError("limit must be 0 or more")
        if self.offset < 0:
            raise QueryError("offset must be 0 or more")
        for name in ("text", "about"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                setattr(self, name, None)
        return self

    def to_dict(self, *, drop_empty: bool = True) -> dict[str, Any]:
        data = asdict(self)
        if drop_empty:
            defaults = SearchFilters()
            data = {k: v for k, v in data.items() if v != getattr(defaults, k) or k == "sort"}
            if data.get("sort") == "rank":
                data.pop("sort")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SearchFilters:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise QueryError(
                f"unknown filter(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        return cls(**data).validate()

    def describe(self) -> str:
        """A one-line human description ("speaker: Lavrov; since 2024-05-01")."""
        parts = []
        for name, value in self.to_dict().items():
            if name in ("limit", "offset", "sort"):
                continue
            parts.append(f"{name}: {value}")
        return "; ".join(parts)


def normalise_date(value: str, what: str = "date") -> str:
    """Validate an ISO date or date prefix; a datetime is cut to its date."""
    value = value.strip()
    if len(value) > 10 and _DATE_RE.match(value[:10]):
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return value[:10]
    if not _DATE_RE.match(value):
        raise QueryError(
            f"{what} {value!r} is not an ISO date; write it as 2024-05-01, 2024-05 or 2024"
        )
    probe = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    try:
        date.fromisoformat(probe)
    except ValueError as e:
        raise QueryError(
            f"{what} {value!r} is not a valid date ({e}); write it as 2024-05-01"
        ) from e
    return value


@dataclass
class Hit:
    """One statement found by a search, with its provenance."""

    id: int
    quote: str
    quote_start: int
    quote_end: int
    kind: str
    speaker: str | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_type: str | None
    cue: str | None
    role: str | None
    organisation: str | None
    country: str | None
    date: str | None
    source: str | None
    source_missing: bool
    confidence: float
    fragments: list[list[int]] | None
    headline: str | None
    person_id: int | None
    person: str | None  # canonical name of the resolved person
    doc_id: int
    doc: str  # the document's ref
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    ingested_at: str | None = None
    snippet: str = ""
    rank: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def effective_date(self) -> str | None:
        """The statement's date, else its document's publication date (as stored)."""
        return self.date or self.published

    @property
    def day(self) -> str | None:
        eff = self.effective_date
        return eff[:10] if eff else None

    @property
    def speaker_display(self) -> str | None:
        return self.person or self.speaker

    def to_contract(self) -> dict[str, Any]:
        """The extract contract fields (``doc`` = the document's ref) plus provenance."""
        out: dict[str, Any] = {"doc": self.doc}
        for name in Statement.CONTRACT_FIELDS:
            out[name] = getattr(self, name)
        # The store's canonical person (merges, registry names) over the name the
        # extractor read in this one document.
        out["speaker"] = self.speaker_display
        out["confidence"] = round(float(self.confidence), 3)
        for name in PROVENANCE_FIELDS:
            out[name] = getattr(self, name)
        return out

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("extra")
        return out


# --- full text ----------------------------------------------------------------------


def fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase (double quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def check_fts_syntax(text: str) -> None:
    """Cheap checks before SQLite sees the query (it reports these less clearly)."""
    if text.count('"') % 2:
        raise QueryError(f"unbalanced double quote in search text {text!r}; {_QUOTING_HELP}")
    if text.count("(") != text.count(")"):
        raise QueryError(f"unbalanced parentheses in search text {text!r}; {_QUOTING_HELP}")


def about_expression(conn: sqlite3.Connection, about: str) -> str:
    """FTS expression over the quote column for statements that mention ``about``."""
    terms: list[str] = []
    try:
        ids = resolve_speaker_ids(conn, about)
    except (NotFoundError, QueryError):
        ids = []
    if ids:
        marks = ",".join("?" * len(ids))
        rows = conn.execute(
            f"SELECT alias FROM aliases WHERE person_id IN ({marks}) UNION "
            f"SELECT name FROM people WHERE id IN ({marks})",
            [*ids, *ids],
        )
        terms = sorted({r[0].strip() for r in rows if r[0] and r[0].strip()})
    if about.strip() not in terms:
        terms.append(about.strip())
    return "quote : (" + " OR ".join(fts_phrase(t) for t in terms) + ")"


def fts_error(text: str, e: sqlite3.OperationalError) -> QueryError:
    return QueryError(f"cannot search for {text!r} ({e}); {_QUOTING_HELP}")


def _is_fts_error(e: sqlite3.OperationalError) -> bool:
    msg = str(e).lower()
    return any(h in msg for h in _FTS_ERROR_HINTS)


# --- the query ----------------------------------------------------------------------

_COLUMNS = """
    s.id, s.quote, s.quote_start, s.quote_end, s.kind, s.speaker_name, s.speaker_mention,
    s.speaker_start, s.speaker_end, s.speaker_type, s.cue, s.role, s.organisation, s.country,
    s.date, s.source, s.source_missing, s.confidence, s.fragments, s.headline, s.person_id,
    p.name AS person_name, d.id AS doc_id, d.ref AS doc_ref, d.title, d.outlet, d.url,
    d.published, d.ingested_at
"""


def build_query(
    conn: sqlite3.Connection,
    filters: SearchFilters,
    *,
    highlight: tuple[str, str] = DEFAULT_HIGHLIGHT,
    snippet_tokens: int = 16,
) -> tuple[str, list[Any], str | None]:
    """The SQL, its parameters and the FTS expression (None when no text is matched)."""
    where: list[str] = []
    params: list[Any] = []
    match_parts: list[str] = []
    if filters.text:
        check_fts_syntax(filters.text)
        match_parts.append(f"({expand_query(filters.text)})")  # + Cyrillic lemmas
    if filters.about:
        match_parts.append(about_expression(conn, filters.about))
    match = " AND ".join(match_parts) if match_parts else None

    speaker_ids = resolve_speaker_ids(conn, filters.speaker) if filters.speaker else None
    select_params: list[Any] = []
    if match:
        snippet = "snippet(statements_fts, 0, ?, ?, '…', ?)"
        select_params = [highlight[0], highlight[1], snippet_tokens]
        rank = "bm25(statements_fts)"
        where.append("statements_fts MATCH ?")
        params.append(match)
    else:
        snippet = rank = "NULL"

    if speaker_ids:
        where.append(f"s.person_id IN ({','.join('?' * len(speaker_ids))})")
        params.extend(speaker_ids)
    if filters.org:
        where.append(
            "(s.organisation LIKE ? ESCAPE '\\' OR (s.organisation IS NULL"
            " AND p.organisation LIKE ? ESCAPE '\\'))"
        )
        params += [_like(filters.org)] * 2
    if filters.country:
        where.append(
            "(lower(s.country) = lower(?) OR (s.country IS NULL AND lower(p.country) = lower(?)))"
        )
        params += [filters.country.strip()] * 2
    if filters.role:
        where.append(
            "(s.role LIKE ? ESCAPE '\\' OR (s.role IS NULL AND EXISTS (SELECT 1 FROM person_roles"
            " pr WHERE pr.person_id = s.person_id AND pr.role LIKE ? ESCAPE '\\')))"
        )
        params += [_like(filters.role)] * 2
    if filters.kind:
        where.append("s.kind = ?")
        params.append(filters.kind)
    if filters.source:
        where.append("(s.source LIKE ? ESCAPE '\\' OR d.outlet LIKE ? ESCAPE '\\')")
        params += [_like(filters.source)] * 2
    # statements.day: the statement's date, else its document's publication day (indexed).
    eff = "s.day"
    if filters.since or filters.until:
        # ``until`` is a prefix: '2024-05' + '~' sorts after every ISO date in May.
        where.append("s.day >= ? AND s.day <= ?")
        params += [filters.since or "", (filters.until + "~") if filters.until else "~"]

    if filters.sort == "rank" and match:
        key, order = "NULL", "{t}rk, {t}sid"
    elif filters.sort == "date":
        key, order = eff, "{t}k IS NULL, {t}k, {t}sid"
    else:  # '-date', and 'rank' without text to rank by; NULLs sort last in DESC
        key, order = eff, "{t}k DESC, {t}sid DESC"

    # Two steps: pick the page of statement ids joining only the tables the filters
    # and the order need, then fetch the columns for that page alone. On a large
    # store this saves a statements/documents/people lookup for every match.
    needed = " ".join([*where, key])
    uses_d = bool(re.search(r"\bd\.", needed))
    uses_p = bool(re.search(r"\bp\.", needed))
    uses_s = uses_d or uses_p or not match or bool(re.search(r"\bs\.", needed))
    if match:
        inner_from = "statements_fts"
        if uses_s:
            # CROSS JOIN keeps the FTS index as the outer loop: looking rows up in
            # it one by one (rowid = ?) costs milliseconds each on a large store.
            inner_from += " CROSS JOIN statements s ON s.id = statements_fts.rowid"
        sid = "s.id" if uses_s else "statements_fts.rowid"
    else:
        inner_from, sid = "statements s", "s.id"
    if uses_d:
        inner_from += " JOIN documents d ON d.id = s.document_id"
    if uses_p:
        inner_from += " LEFT JOIN people p ON p.id = s.person_id"
    inner = f"SELECT {sid} AS sid, {snippet} AS snip, {rank} AS rk, {key} AS k FROM {inner_from}"
    if where:
        inner += " WHERE " + " AND ".join(where)
    inner += " ORDER BY " + order.format(t="")
    if filters.limit is not None or filters.offset:
        inner += " LIMIT ? OFFSET ?"
        params += [-1 if filters.limit is None else filters.limit, filters.offset]
    sql = (
        f"SELECT {_COLUMNS}, top.snip AS snippet, top.rk AS rank FROM ({inner}) AS top"
        " CROSS JOIN statements s ON s.id = top.sid JOIN documents d ON d.id = s.document_id"
        " LEFT JOIN people p ON p.id = s.person_id ORDER BY " + order.format(t="top.")
    )
    return sql, select_params + params, match


def iter_statements(
    store: Store,
    filters: SearchFilters,
    *,
    highlight: tuple[str, str] = DEFAULT_HIGHLIGHT,
    batch: int = 500,
) -> Iterator[Hit]:
    """The hits of ``filters``, fetched ``batch`` rows at a time (for exports of any size).

    Malformed filters and search text raise here, before the first hit is read.
    """
    filters.validate()
    sql, params, match = build_query(store.conn, filters, highlight=highlight)
    log.debug("search %s with %s", sql, params)

    def fail(e: sqlite3.DatabaseError) -> Exception:
        if isinstance(e, sqlite3.OperationalError) and match is not None and _is_fts_error(e):
            return fts_error(filters.text or filters.about or "", e)
        return _db_error(store, e)

    try:
        cur = store.conn.execute(sql, params)
    except sqlite3.DatabaseError as e:
        raise fail(e) from e

    def rows() -> Iterator[Hit]:
        try:
            while chunk := cur.fetchmany(batch):
                for row in chunk:
                    yield _hit(row)
        except sqlite3.DatabaseError as e:
            raise fail(e) from e

    return rows()


def search_statements(
    store: Store, filters: SearchFilters, *, highlight: tuple[str, str] = DEFAULT_HIGHLIGHT
) -> list[Hit]:
    """The statements matching ``filters``, best (or newest/oldest, by ``sort``) first."""
    return list(iter_statements(store, filters, highlight=highlight))


def explain(store: Store, filters: SearchFilters) -> list[str]:
    """SQLite's query plan for ``filters`` (to check that indexes are used)."""
    filters.validate()
    sql, params, _ = build_query(store.conn, filters)
    return [r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def _db_error(store: Store, e: sqlite3.Error) -> StoreError:
    # Reuse the store's wording for locked/corrupt databases.
    from saidwhat.store.db import store_error

    return store_error(store.path, e)


def _hit(row: sqlite3.Row) -> Hit:
    fragments = row["fragments"]
    snippet = row["snippet"]
    if snippet is None:
        snippet = shorten(row["quote"], 120)
    return Hit(
        id=row["id"],
        quote=row["quote"],
        quote_start=row["quote_start"],
        quote_end=row["quote_end"],
        kind=row["kind"],
        speaker=row["speaker_name"],
        speaker_mention=row["speaker_mention"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
        speaker_type=row["speaker_type"],
        cue=row["cue"],
        role=row["role"],
        organisation=row["organisation"],
        country=row["country"],
        date=row["date"],
        source=row["source"],
        source_missing=bool(row["source_missing"]),
        confidence=float(row["confidence"]),
        fragments=json.loads(fragments) if fragments else None,
        headline=row["headline"],
        person_id=row["person_id"],
        person=row["person_name"],
        doc_id=row["doc_id"],
        doc=row["doc_ref"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        ingested_at=row["ingested_at"],
        snippet=snippet,
        rank=row["rank"],
    )


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"
