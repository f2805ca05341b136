"""Searching statements: one SQL query per search, for SQLite (FTS5) and PostgreSQL.

:meth:`Statements.search` takes a validated
:class:`~saidwhat.search.query.SearchFilters` and yields rows with the
statement, its provenance, a highlighted snippet and a rank. The filters'
SQL comes from their declarations in :mod:`.filters`; full text is an FTS5
expression, run by FTS5 on SQLite and compiled to ``tsquery`` on PostgreSQL
(:mod:`.fts_postgres`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from saidwhat.errors import NotFoundError, QueryError
from saidwhat.store import filters as declared
from saidwhat.store.concerns import Concern
from saidwhat.store.fts_postgres import CONFIG, compile_query
from saidwhat.store.people import resolve_speaker_ids

log = logging.getLogger(__name__)

_FTS_ERROR_HINTS = (
    "fts5",
    "syntax error",
    "unterminated string",
    "no such column",
    "unknown special",
)
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


def fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase (double quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def fts_error(text: str, e: Exception) -> QueryError:
    return QueryError(f"cannot search for {text!r} ({e}); {QUOTING_HELP}")


@dataclass
class _Context:
    """What filter declarations may ask while building SQL."""

    conn: Any

    def speaker_ids(self, name: str) -> list[int]:
        return resolve_speaker_ids(self.conn, name)


@dataclass
class Built:
    sql: str
    params: list[Any]
    match: str | None  # the FTS5 expression, None when no text is matched


class Statements(Concern):
    """``store.statements``: searching statements."""

    # -- building ----------------------------------------------------------------
    def about_expression(self, about: str) -> str:
        """FTS expression over the quote column for statements that mention ``about``."""
        terms: list[str] = []
        try:
            ids = resolve_speaker_ids(self.conn, about)
        except (NotFoundError, QueryError):
            ids = []
        if ids:
            marks = ",".join("?" * len(ids))
            rows = self.conn.execute(
                f"SELECT alias FROM aliases WHERE person_id IN ({marks}) UNION "
                f"SELECT name FROM people WHERE id IN ({marks})",
                [*ids, *ids],
            )
            terms = sorted({r[0].strip() for r in rows if r[0] and r[0].strip()})
        if about.strip() not in terms:
            terms.append(about.strip())
        return "quote : (" + " OR ".join(fts_phrase(t) for t in terms) + ")"

    def match_expression(self, filters: Any, text_expression: Any) -> str | None:
        parts: list[str] = []
        if filters.text:
            parts.append(f"({text_expression(filters.text)})")
        if filters.about:
            parts.append(self.about_expression(filters.about))
        return " AND ".join(parts) if parts else None

    def conditions(
        self, filters: Any, text_expression: Any
    ) -> tuple[str | None, list[str], list[Any]]:
        """The FTS expression (or None) and the declared WHERE conditions of ``filters``."""
        match = self.match_expression(filters, text_expression)
        values = {f.name: getattr(filters, f.name, None) for f in declared.FILTERS}
        where, params = declared.conditions(values, _Context(self.conn))
        return match, where, params

    def match_condition(self, match: str) -> tuple[str, list[Any]]:
        """A WHERE condition over ``statements s`` for the FTS expression ``match``.

        SQLite: the ids FTS5 finds; PostgreSQL: the tsvector tests that
        :func:`~saidwhat.store.fts_postgres.compile_query` builds (as searches use).
        """
        if self.store.is_postgres:
            compiled = compile_postgres(match)
            return compiled.where, list(compiled.params)
        return "s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)", [match]

    def search_error(self, e: Exception, text: str) -> Exception:
        """The error to raise for ``e`` from a query matching ``text``."""
        if text and _is_fts_error(e):
            return fts_error(text, e)
        return self.store.error(e)

    def build(
        self,
        filters: Any,
        *,
        text_expression: Any,
        highlight: tuple[str, str],
        snippet_tokens: int = 16,
    ) -> Built:
        match, where, params = self.conditions(filters, text_expression)
        if self.store.is_postgres:
            return _build_postgres(filters, match, where, params, highlight, snippet_tokens)
        return _build_sqlite(filters, match, where, params, highlight, snippet_tokens)

    # -- running -----------------------------------------------------------------
    def rows(self, built: Built, *, batch: int = 500, text: str = "") -> Iterator[Any]:
        """The result rows of ``built``; errors raise before the first row is read."""
        log.debug("search %s with %s", built.sql, built.params)

        def fail(e: Exception) -> Exception:
            if built.match is not None and _is_fts_error(e):
                return fts_error(text, e)
            return self.store.error(e)

        try:
            cur = self.conn.execute(built.sql, built.params)
        except self.store.errors as e:
            raise fail(e) from e

        def gen() -> Iterator[Any]:
            try:
                while chunk := cur.fetchmany(batch):
                    yield from chunk
            except self.store.errors as e:
                raise fail(e) from e

        return gen()

    def explain(self, built: Built) -> list[str]:
        """The query plan of ``built`` (to check that indexes are used)."""
        if self.store.is_postgres:
            rows = self.conn.execute("EXPLAIN " + built.sql, built.params).fetchall()
            return [r[0] for r in rows]
        return [r[3] for r in self.conn.execute("EXPLAIN QUERY PLAN " + built.sql, built.params)]

    def check_text(self, text: str) -> None:
        """Raise QueryError when FTS expression ``text`` cannot be searched."""
        if self.store.is_postgres:
            try:
                compile_query(text)
            except QueryError as e:
                raise QueryError(f"cannot search for {text!r} ({e}); {QUOTING_HELP}") from e
            return
        try:
            self.conn.execute(
                "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? LIMIT 1", (text,)
            ).fetchall()
        except self.store.errors as e:
            raise fts_error(text, e) from e


def _is_fts_error(e: Exception) -> bool:
    msg = str(e).lower()
    return any(h in msg for h in _FTS_ERROR_HINTS)


def _joins_needed(where: list[str], key: str) -> tuple[bool, bool]:
    needed = " ".join([*where, key])
    return bool(re.search(r"\bd\.", needed)), bool(re.search(r"\bp\.", needed))


def _limit(filters: Any, params: list[Any], *, postgres: bool) -> str:
    if filters.limit is None and not filters.offset:
        return ""
    if postgres:
        params += [filters.limit, filters.offset]  # LIMIT NULL is no limit
    else:
        params += [-1 if filters.limit is None else filters.limit, filters.offset]
    return " LIMIT ? OFFSET ?"


def _build_sqlite(
    filters: Any,
    match: str | None,
    where: list[str],
    params: list[Any],
    highlight: tuple[str, str],
    snippet_tokens: int,
) -> Built:
    where = list(where)
    params = list(params)
    select_params: list[Any] = []
    if match:
        snippet = "snippet(statements_fts, 0, ?, ?, '…', ?)"
        select_params = [highlight[0], highlight[1], snippet_tokens]
        rank = "bm25(statements_fts)"
        where.insert(0, "statements_fts MATCH ?")
        params.insert(0, match)
    else:
        snippet = rank = "NULL"
    if filters.sort == "rank" and match:
        key, order = "NULL", "{t}rk, {t}sid"
    elif filters.sort == "date":
        key, order = "s.day", "{t}k IS NULL, {t}k, {t}sid"
    else:  # '-date', and 'rank' without text to rank by; NULLs sort last in DESC
        key, order = "s.day", "{t}k DESC, {t}sid DESC"

    # Two steps: pick the page of statement ids joining only the tables the filters
    # and the order need, then fetch the columns for that page alone. On a large
    # store this saves a statements/documents/people lookup for every match.
    uses_d, uses_p = _joins_needed(where, key)
    needed = " ".join([*where, key])
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
    inner += _limit(filters, params, postgres=False)
    sql = (
        f"SELECT {COLUMNS}, top.snip AS snippet, top.rk AS rank FROM ({inner}) AS top"
        " CROSS JOIN statements s ON s.id = top.sid JOIN documents d ON d.id = s.document_id"
        " LEFT JOIN people p ON p.id = s.person_id ORDER BY " + order.format(t="top.")
    )
    return Built(sql, select_params + params, match)


def _headline_options(highlight: tuple[str, str], tokens: int, *, whole: bool = False) -> str:
    def q(v: str) -> str:
        return '"' + v.replace('"', '""') + '"'

    marks = f"StartSel={q(highlight[0])}, StopSel={q(highlight[1])}"
    if whole:
        return marks + ", HighlightAll=true"
    return (
        f"{marks}, MaxWords={tokens}, MinWords={max(1, tokens // 2)}, ShortWord=0,"
        " FragmentDelimiter=…, MaxFragments=1"
    )


def compile_postgres(match: str) -> Any:
    """FTS5 expression ``match`` compiled for PostgreSQL; a QueryError explains bad syntax."""
    try:
        return compile_query(match)
    except QueryError as e:
        raise QueryError(f"{e}; {QUOTING_HELP}") from e


def _build_postgres(
    filters: Any,
    match: str | None,
    where: list[str],
    params: list[Any],
    highlight: tuple[str, str],
    snippet_tokens: int,
) -> Built:
    where = list(where)
    params = list(params)
    rank_sql, rank_params = "NULL::float8", []
    snippet_sql, snippet_params = "NULL::text", []
    if match:
        compiled = compile_postgres(match)
        where.insert(0, compiled.where)
        params[:0] = compiled.params
        # ts_rank is larger for better matches; negated so "ORDER BY rk" is best first.
        rank_sql, rank_params = f"-ts_rank(s.fts, {compiled.rank})", compiled.rank_params
        # A quote of up to ``snippet_tokens`` words is shown whole, as FTS5's snippet() does.
        words = "length(s.quote) - length(replace(s.quote, ' ', '')) + 1"
        snippet_sql = (
            f"CASE WHEN {words} <= ? THEN ts_headline('{CONFIG}', s.quote, {compiled.rank}, ?)"
            f" ELSE ts_headline('{CONFIG}', s.quote, {compiled.rank}, ?) END"
        )
        snippet_params = [
            snippet_tokens,
            *compiled.rank_params,
            _headline_options(highlight, snippet_tokens, whole=True),
            *compiled.rank_params,
            _headline_options(highlight, snippet_tokens),
        ]
    if filters.sort == "rank" and match:
        key, order = "NULL", "{t}rk, {t}sid"
    elif filters.sort == "date":
        key, order = "s.day", "{t}k ASC NULLS LAST, {t}sid"
    else:
        key, order = "s.day", "{t}k DESC NULLS LAST, {t}sid DESC"
    uses_d, uses_p = _joins_needed(where, key)
    inner_from = "statements s"
    if uses_d:
        inner_from += " JOIN documents d ON d.id = s.document_id"
    if uses_p:
        inner_from += " LEFT JOIN people p ON p.id = s.person_id"
    rank = rank_sql if filters.sort == "rank" and match else "NULL::float8"
    inner = f"SELECT s.id AS sid, {rank} AS rk, {key} AS k FROM {inner_from}"
    inner_params = rank_params if filters.sort == "rank" and match else []
    if where:
        inner += " WHERE " + " AND ".join(where)
    inner += " ORDER BY " + order.format(t="")
    tail_params: list[Any] = []
    inner += _limit(filters, tail_params, postgres=True)
    # The snippet is made for the page alone: ts_headline re-parses each quote.
    rank_out = "top.rk" if filters.sort == "rank" and match else rank_sql
    sql = (
        f"SELECT {COLUMNS}, {snippet_sql} AS snippet, {rank_out} AS rank FROM ({inner}) AS top"
        " JOIN statements s ON s.id = top.sid JOIN documents d ON d.id = s.document_id"
        " LEFT JOIN people p ON p.id = s.person_id ORDER BY " + order.format(t="top.")
    )
    out_rank_params = [] if filters.sort == "rank" and match else rank_params
    all_params = snippet_params + out_rank_params + inner_params + params + tail_params
    return Built(sql, all_params, match)
