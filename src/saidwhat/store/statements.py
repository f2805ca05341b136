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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from saidwhat.errors import QueryError
from saidwhat.store import filters as declared
from saidwhat.store import search_postgres, search_sqlite
from saidwhat.store.concerns import Concern
from saidwhat.store.fts_postgres import compile_query
from saidwhat.store.people import names_of_person, one_person_sql, resolve_speaker_ids
from saidwhat.store.search_shared import COLUMNS, QUOTING_HELP, Built
from saidwhat.store.search_sqlite import FTS_ID, TEXT_COLUMNS

log = logging.getLogger(__name__)

_FTS_ERROR_HINTS = (
    "fts5",
    "syntax error",
    "unterminated string",
    "no such column",
    "unknown special",
)
__all__ = ["COLUMNS", "QUOTING_HELP", "Built", "Statements", "fts_error", "fts_phrase"]


def fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase (double quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def fts_error(text: str, e: Exception) -> QueryError:
    return QueryError(f"cannot search for {text!r} ({e}); {QUOTING_HELP}")


@dataclass
class _Context:
    """What filter declarations may ask while building SQL."""

    conn: Any
    #: Resolve a full speaker name inside the search's query (PostgreSQL pages without
    #: text: one round trip, not two; see Statements.build).
    fold: bool = False
    #: Whether a condition was built that way.
    folded: bool = False
    #: How many people the speaker condition names (None: no speaker condition).
    speakers: int | None = None

    def speaker_ids(self, name: str) -> list[int]:
        ids = resolve_speaker_ids(self.conn, name)
        self.speakers = len(ids)
        return ids

    def one_speaker(self, name: str) -> tuple[str, list[Any]] | None:
        one = one_person_sql(name) if self.fold else None
        if one is not None:
            self.folded, self.speakers = True, 1
        return one


class Statements(Concern):
    """``store.statements``: searching statements."""

    # -- building ----------------------------------------------------------------
    def about_expression(self, about: str) -> str:
        """FTS expression over the quote column for statements that mention ``about``."""
        names = names_of_person(self.conn, about)
        terms = sorted({n.strip() for n in names if n and n.strip()})
        if about.strip() not in terms:
            terms.append(about.strip())
        return "quote : (" + " OR ".join(fts_phrase(t) for t in terms) + ")"

    def snippet_expression(self, filters: Any, text_expression: Any) -> str | None:
        """The FTS5 expression of what a hit's snippet marks (text and ``about``)."""
        parts = [f"({text_expression(filters.text)})"] if filters.text else []
        if filters.about:
            parts.append(self.about_expression(filters.about))
        return " AND ".join(parts) if parts else None

    def match_expression(self, filters: Any, text_expression: Any) -> str | None:
        parts: list[str] = []
        if filters.text:
            text = text_expression(filters.text)
            # SQLite: the user's words are looked for in the text columns, never in
            # the speaker tokens (``speaker_ref``) that only the speaker filter uses.
            parts.append(f"({text})" if self.store.is_postgres else f"{TEXT_COLUMNS} : ({text})")
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
            compiled = search_postgres.compile_postgres(match)
            return compiled.where, list(compiled.params)
        return f"s.id IN (SELECT {FTS_ID} FROM statements_fts WHERE statements_fts MATCH ?)", [
            match
        ]

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
        rank_window: int | None = None,
        fold: bool = True,
    ) -> Built:
        """One SQL statement for the page of ``filters``.

        ``rank_window``: best-first searches rank the newest this many matching
        statements and list older matches after them, newest first (None: rank
        every match). ``fold``: on PostgreSQL, a page without text resolves a full
        speaker name in its own query (the round trip of a separate lookup cost
        more than the page); when that finds nothing, :meth:`rows` runs the search
        again with the name resolved first (``Built.unfolded``).
        """
        match = self.match_expression(filters, text_expression)
        values = {f.name: getattr(filters, f.name, None) for f in declared.FILTERS}
        ctx = _Context(self.conn, fold=fold and self.store.is_postgres and not match)
        if self.store.is_postgres:
            where, params = declared.conditions(values, ctx)
            cut = walk = None
            page_end = None if filters.limit is None else filters.offset + filters.limit
            ranked = match and filters.sort == "rank" and rank_window
            in_window = ranked and page_end is not None and page_end <= rank_window
            found = None
            if in_window and not where:
                # How common the match is among the newest statements decides how the
                # window is found: testing the newest rows, or the index (search_postgres).
                try:
                    found = search_postgres.sample_matches(self.conn, match)
                except self.store.errors as e:
                    raise self.search_error(e, filters.text or match) from e
                walk = search_postgres.walk_rows(found, rank_window)
            worth_cut = found is None or search_postgres.cut_worthwhile(found, rank_window)
            if filters.speaker:
                # One speaker's matches are too few among the newest statements to
                # fill the window there: looking first would only repeat the index
                # search that every match then needs (twice the time of text+speaker).
                worth_cut = False
            if in_window and not walk and worth_cut:
                # The day from which the window is looked for first (search_postgres).
                row = self.conn.execute(
                    search_postgres.CUT_SQL, [search_postgres.CUTOFF_FACTOR * rank_window - 1]
                ).fetchone()
                cut = row[0] if row else None
            built = search_postgres.build(
                filters,
                match,
                where,
                params,
                highlight,
                snippet_tokens,
                rank_window=rank_window,
                window_cut=cut,
                walk_rows=walk,
                # Newest first, statements_day_desc or one person's statements_person_day
                # give the order; several people's statements would be sorted.
                index_order=ctx.speakers in (None, 1),
            )
            if ctx.folded:
                built.unfolded = lambda: self.build(
                    filters,
                    text_expression=text_expression,
                    highlight=highlight,
                    snippet_tokens=snippet_tokens,
                    rank_window=rank_window,
                    fold=False,
                )
            return built
        bounds: tuple[int | None, int | None] = (None, None)
        if match:
            # FTS5 answers the speaker (a column filter) and the dates (a range of its
            # date-ordered keys) itself, instead of a lookup of every text match.
            if filters.speaker:
                ids = ctx.speaker_ids(filters.speaker)
                if len(ids) <= search_sqlite.SPEAKER_TOKENS_MAX:
                    match = f"({match}) AND {search_sqlite.speaker_match(ids)}"
                    values["speaker"] = None
            bounds = search_sqlite.key_range(filters.since, filters.until)
            values["since"] = values["until"] = None
        where, params = declared.conditions(values, ctx)
        # No snippet here: saidwhat.search.snippets makes them for the page.
        return search_sqlite.build(
            filters, match, where, params, key_bounds=bounds, rank_window=rank_window
        )

    # -- running -----------------------------------------------------------------
    def rows(self, built: Built, *, batch: int = 500, text: str = "") -> Iterator[Any]:
        """The result rows of ``built``; errors raise before the first row is read."""
        log.debug("search %s with %s", built.sql, built.params)

        def fail(e: Exception) -> Exception:
            if built.match is not None and _is_fts_error(e):
                return fts_error(text, e)
            return self.store.error(e)

        try:
            if self.store.is_postgres:
                cur = self.conn.execute(built.sql, built.params, prepare=built.prepare)
            else:
                cur = self.conn.execute(built.sql, built.params)
        except self.store.errors as e:
            raise fail(e) from e
        if built.unfolded is not None and cur.rowcount == 0:
            # The name the query resolved matched no one person: resolve it the
            # long way (raising its "no speaker named" message) and search again.
            return self.rows(built.unfolded(), batch=batch, text=text)

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
