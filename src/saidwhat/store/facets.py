"""Facet counts and statements-over-time for a search, in one pass over its matches.

:func:`facets_and_timeline` selects the matching statements once (a
``MATERIALIZED`` common table holding only the facet columns) and groups it by
speaker, organisation, country, outlet, kind, language, day and the event types
coded in the statements (a statement counts once per type it holds). Weeks and
months are added up from the days in Python (:func:`roll_up`), so the three chart
periods share one query. The WHERE clause is built from the same filter
declarations as the search (:mod:`saidwhat.store.filters`)
(``tests/web/test_desk_units.py`` checks that both count the same statements).

Up to :data:`EXACT_MAX` matches the counts are exact; beyond, they are counted on
every k-th match by id and scaled by k (the total stays exact). Results are cached
in the process, keyed by the filters and by the state of the database files (size
and modification time of the file and its write-ahead log, which every commit from
any process changes), so a cached figure is not stale; on PostgreSQL by the
server's current snapshot (:func:`.dialect.data_version`). Full text is matched
through :meth:`.Statements.match_condition` (FTS5 on SQLite, the compiled
``tsquery`` on PostgreSQL), so the same counts come from both backends.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from saidwhat.errors import QueryError
from saidwhat.search.query import SearchFilters, text_expression
from saidwhat.store import dialect
from saidwhat.store.db import Store
from saidwhat.store.people import resolve_speaker_ids
from saidwhat.store.search_sqlite import (
    FTS_ID,  # the statement id of an FTS5 row
    SPEAKER_TOKENS_MAX,
    key_range,
    speaker_match,
)

#: Facet name -> (SQL expression over the hits table, the SearchFilters field it narrows).
FACETS: dict[str, str] = {
    "speaker": "speaker",
    "org": "org",
    "country": "country",
    "source": "source",
    "kind": "kind",
    "language": "language",
    "event": "event",
}
PERIODS = ("day", "week", "month")


#: Values shown per facet.
FACET_TOP = 8
#: Cached results (each a few kB).
CACHE_SIZE = 256
#: Up to this many matches, facet and period counts are exact...
EXACT_MAX = 5_000
#: ...beyond it they are counted on every k-th match by statement id (about this many
#: rows) and scaled by k: grouping a million rows takes seconds, a sample milliseconds.
SAMPLE_TARGET = 5_000
#: Filters an index answers (full text, person, dates, event type); the others are
#: checked row by row on what those select, or on the whole table.
INDEXED_FILTERS = ("text", "about", "speaker", "since", "until", "event")
ROW_FILTERS = ("org", "country", "role", "kind", "source", "language")
#: With a row filter, a sample is enough once it holds this many matches...
PROBE_MIN_MATCHES = 400
#: ...else the next sample is made dense enough for about this many times that at the
#: rate found (above the minimum: the rate of a small sample is itself uncertain)...
PROBE_AIM = 1.5
#: ...or, when the sample found none, this many times denser...
PROBE_GROWTH = 8
#: ...and below this step every row is read (a sparser sample would cost as much).
PROBE_MIN_STEP = 8


@dataclass
class FacetValue:
    value: str  # what goes into the filter (``#12`` for a person)
    label: str
    count: int


@dataclass
class Facets:
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    timeline: list[tuple[str, int]] = field(default_factory=list)
    period: str = "month"
    sample_every: int = 1  # > 1: facet and period counts estimated from every n-th match
    total_estimated: bool = False  # the total too (filters no index answers, see _probe)

    @property
    def estimated(self) -> bool:
        return self.sample_every > 1


@dataclass
class _Where:
    terms: list[str]
    params: list[Any]
    match: str | None
    needs_d: bool
    needs_p: bool
    fts_outer: bool = True  # the FTS index drives the scan (else an index of statements)
    n_fts: int = 0  # the first n terms read only the FTS index (the match, its key range)

    @property
    def fts_only(self) -> bool:
        """Every term is answered by the FTS index alone (no statement row needed)."""
        return self.fts_outer and len(self.terms) == self.n_fts

    def from_sql(self, *, all_joins: bool = False) -> str:
        sql = (
            f"statements_fts CROSS JOIN statements s ON s.id = {FTS_ID}"
            if self.match and self.fts_outer
            else "statements s"
        )
        if all_joins or self.needs_d:
            sql += " JOIN documents d ON d.id = s.document_id"
        if all_joins or self.needs_p:
            sql += " LEFT JOIN people p ON p.id = s.person_id"
        return sql

    def where_sql(self, extra: str | None = None) -> str:
        terms = [*self.terms, extra] if extra else self.terms
        return " WHERE " + " AND ".join(terms) if terms else ""


def _where(store: Store, f: SearchFilters) -> _Where:
    """The WHERE terms for the statements ``f`` matches: the search's own declared filters.

    SQLite with full text: as the search does (:meth:`.Statements.build`), the speaker
    is an FTS5 column filter (:func:`.search_sqlite.speaker_match`) and the dates a
    range of the date-ordered FTS keys (:func:`.search_sqlite.key_range`), so FTS5
    intersects them itself instead of every text match being looked up.
    """
    match, where, params = store.statements.conditions(f, text_expression)
    if match and not store.is_postgres:
        folded = replace(f, since=None, until=None)
        if f.speaker:
            ids = resolve_speaker_ids(store.conn, f.speaker)
            if len(ids) <= SPEAKER_TOKENS_MAX:
                folded = replace(folded, speaker=None)
        match, where, params = store.statements.conditions(folded, text_expression)
        if folded.speaker is None and f.speaker:
            match = f"({match}) AND {speaker_match(ids)}"
        fts_terms, fts_params = ["statements_fts MATCH ?"], [match]
        for term, bound in zip(
            ("statements_fts.rowid >= ?", "statements_fts.rowid <= ?"),
            key_range(f.since, f.until),
            strict=True,
        ):
            if bound is not None:
                fts_terms.append(term)
                fts_params.append(bound)
        where = [*fts_terms, *where]
        params = [*fts_params, *params]
        n_fts = len(fts_terms)
    elif match:
        # PostgreSQL tests the tsvector columns of each row (GIN indexes).
        condition, values = store.statements.match_condition(match)
        where = [condition, *where]
        params = [*values, *params]
        n_fts = 0
    else:
        n_fts = 0
    joined = " ".join(where)
    return _Where(
        where,
        params,
        match,
        bool(re.search(r"\bd\.", joined)),
        bool(re.search(r"\bp\.", joined)),
        fts_outer=bool(match) and not store.is_postgres,
        n_fts=n_fts,
    )


def facets_and_timeline(
    store: Store, filters: SearchFilters, *, period: str = "month", top: int = FACET_TOP
) -> Facets:
    """Counts per facet value (top ``top`` each) and per ``period`` for ``filters``.

    The store is asked for counts per day; weeks and months are added up from them
    here, so switching the chart's period is answered from the cache.
    """
    if period not in PERIODS:
        raise QueryError(f"unknown period {period!r}; use one of {', '.join(PERIODS)}")
    filters.validate()
    key = (
        _version(store),
        repr(sorted((k, v) for k, v in filters.to_dict().items() if k not in ("limit", "offset"))),
        top,
    )
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
    if cached is None:
        cached = _compute(store, filters, top)
        with _LOCK:
            _CACHE[key] = cached
            while len(_CACHE) > CACHE_SIZE:
                _CACHE.popitem(last=False)
    # A copy per request: the cached counts are shared between threads.
    return Facets(
        total=cached.total,
        facets=cached.facets,
        timeline=roll_up(cached.timeline, period),
        period=period,
        sample_every=cached.sample_every,
        total_estimated=cached.total_estimated,
    )


_CACHE: OrderedDict[tuple, Facets] = OrderedDict()
_LOCK = threading.Lock()
_WHOLE_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def roll_up(days: list[tuple[str, int]], period: str) -> list[tuple[str, int]]:
    """Counts per day as counts per ``period``: weeks named by their Monday, months
    ``YYYY-MM`` (as :func:`.dialect.week_start` and :func:`.dialect.month_of` name them);
    a day that is not a whole date has no week."""
    if period == "day":
        return list(days)
    out: dict[str, int] = {}
    for day, n in days:
        if period == "month":
            name = day[:7]
        else:
            if not _WHOLE_DAY.match(day):
                continue
            try:
                d = date.fromisoformat(day)
            except ValueError:
                continue
            name = (d - timedelta(days=d.weekday())).isoformat()
        out[name] = out.get(name, 0) + n
    return sorted(out.items())


def _version(store: Store) -> tuple:
    """What changes whenever anyone commits to the store."""
    path = store.path
    if store.is_postgres or path == ":memory:" or not os.path.exists(path):
        return dialect.data_version(store)
    out: list = [os.path.realpath(path)]
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
        except FileNotFoundError:
            out += [None, None]
        else:
            out += [st.st_mtime_ns, st.st_size]
    # This connection's own uncommitted work is not in the files yet.
    return (*out, store.conn.in_transaction)


def _count(conn: Any, w: _Where) -> int:
    """The exact number of matches, joining only what the filters need."""
    if w.fts_only:
        sql = f"SELECT COUNT(*) FROM statements_fts{w.where_sql()}"
    else:
        sql = f"SELECT COUNT(*) FROM {w.from_sql()}{w.where_sql()}"
    return int(conn.execute(sql, w.params).fetchone()[0])


def _facet_sql(store: Store, prefix: str, body: str, *, limit_rows: bool) -> str:
    """The grouping query over the hits selected by ``body`` (at most EXACT_MAX + 1 of
    them when ``limit_rows``: the first of two placeholders at the end)."""
    limit = " LIMIT ?" if limit_rows else ""
    return (
        f"WITH {prefix}h AS MATERIALIZED (SELECT s.id AS sid, s.person_id AS pid,"
        " COALESCE(s.organisation, p.organisation) AS org,"
        " COALESCE(s.country, p.country) AS country,"
        " COALESCE(s.source, d.outlet) AS source, s.kind AS kind, d.language AS language,"
        f" s.day AS day {body}{limit}),"
        " g AS ("
        " SELECT 'speaker' AS f, CAST(pid AS TEXT) AS v, COUNT(*) AS n FROM h"
        " WHERE pid IS NOT NULL GROUP BY pid"
        " UNION ALL SELECT 'org', org, COUNT(*) FROM h WHERE org IS NOT NULL GROUP BY org"
        " UNION ALL SELECT 'country', country, COUNT(*) FROM h WHERE country IS NOT NULL"
        " GROUP BY country"
        " UNION ALL SELECT 'source', source, COUNT(*) FROM h WHERE source IS NOT NULL"
        " GROUP BY source"
        " UNION ALL SELECT 'kind', kind, COUNT(*) FROM h GROUP BY kind"
        " UNION ALL SELECT 'language', language, COUNT(*) FROM h WHERE language IS NOT NULL"
        " GROUP BY language"
        # Through the events index on statement_id: a few lookups per sampled match.
        " UNION ALL SELECT 'event', e.event, COUNT(DISTINCT h.sid) FROM h"
        # h stays the outer loop (no automatic index built on it for each request).
        f" {dialect.ordered_join(store)} events e ON e.statement_id = h.sid GROUP BY e.event"
        " UNION ALL SELECT 'day', day, COUNT(*) FROM h WHERE day IS NOT NULL GROUP BY day"
        " UNION ALL SELECT 'total', NULL, COUNT(*) FROM h)"
        " SELECT f, v, n FROM (SELECT f, v, n, ROW_NUMBER() OVER"
        # Ties are cut by code point on both backends, whatever the database's locale.
        f" (PARTITION BY f ORDER BY n DESC, {dialect.binary(store, 'v')}) AS r FROM g) AS ranked"
        " WHERE f IN ('day', 'total') OR r <= ?"
    )


def _compute(store: Store, filters: SearchFilters, top: int) -> Facets:
    conn = store.conn
    w = _where(store, filters)
    match = w.match
    text = (filters.text or filters.about or "") if match is not None else ""
    body = f" FROM {w.from_sql(all_joins=True)}{w.where_sql()}"
    try:
        if any(getattr(filters, name) for name in ROW_FILTERS):
            return _probe(store, filters, w, top)
        if filters.speaker:
            # A person's statements are few: group them at once (one pass over the
            # text matches instead of two), unless there are more than EXACT_MAX.
            rows = conn.execute(
                _facet_sql(store, "", body, limit_rows=True), [*w.params, EXACT_MAX + 1, top]
            ).fetchall()
            total = _total(rows)
            if total <= EXACT_MAX:
                return _facets(conn, rows, total, 1)
        total = _count(conn, w)
        every = 1 if total <= EXACT_MAX else -(-total // SAMPLE_TARGET)
        params = list(w.params)
        prefix = ""
        if every > 1 and not w.terms:
            # No filter: look the sampled ids up directly instead of reading the whole table.
            top_id = conn.execute("SELECT COALESCE(MAX(id), 0) FROM statements").fetchone()[0]
            prefix = _STRIDE
            params = [every, every, every, top_id]
            body = (
                f" FROM ids {dialect.ordered_join(store)} statements s ON s.id = ids.x"
                " JOIN documents d ON d.id = s.document_id LEFT JOIN people p ON p.id = s.person_id"
            )
        elif every > 1:
            rowid = FTS_ID if match and w.fts_outer else "s.id"
            sample = f"{rowid} % {int(every)} = 0"
            body = f" FROM {w.from_sql(all_joins=True)}{w.where_sql(sample)}"
        rows = conn.execute(
            _facet_sql(store, prefix, body, limit_rows=False), [*params, top]
        ).fetchall()
    except store.errors as e:
        raise store.statements.search_error(e, text) from e
    return _facets(conn, rows, total, every)


def _probe(store: Store, filters: SearchFilters, w: _Where, top: int) -> Facets:
    """Facets for a search with row filters (organisation, country, outlet, ...).

    No index answers those, so an exact count reads every row the indexed filters
    select (the whole table when there are none): seconds on a million statements.
    Instead, every k-th of those rows by id is read (looked up by id when there is
    no indexed filter) with all filters applied, k chosen for about SAMPLE_TARGET
    rows; if fewer than PROBE_MIN_MATCHES of them match, a denser sample is read
    (dense enough for PROBE_AIM times that many at the rate found, PROBE_GROWTH times
    denser when none matched), down to every row. Counts and the total are scaled by k.
    """
    conn = store.conn
    driver = replace(filters, **dict.fromkeys(ROW_FILTERS))
    dw = _where(store, driver)
    if dw.terms:
        size = _count(conn, dw)
    else:
        size = conn.execute("SELECT COALESCE(MAX(id), 0) FROM statements").fetchone()[0]
    every = 1 if size <= EXACT_MAX else -(-size // SAMPLE_TARGET)
    while True:
        if every == 1:
            body = f" FROM {w.from_sql(all_joins=True)}{w.where_sql()}"
            rows = conn.execute(_facet_sql(store, "", body, limit_rows=False), [*w.params, top])
            rows = rows.fetchall()
            return _facets(conn, rows, _total(rows), 1)
        if dw.terms:
            rowid = FTS_ID if w.match and w.fts_outer else "s.id"
            body = f" FROM {w.from_sql(all_joins=True)}{w.where_sql(f'{rowid} % {every} = 0')}"
            prefix, params = "", list(w.params)
        else:
            prefix, params = _STRIDE, [every, every, every, size, *w.params]
            body = (
                f" FROM ids {dialect.ordered_join(store)} statements s ON s.id = ids.x"
                " JOIN documents d ON d.id = s.document_id"
                f" LEFT JOIN people p ON p.id = s.person_id{w.where_sql()}"
            )
        rows = conn.execute(_facet_sql(store, prefix, body, limit_rows=False), [*params, top])
        rows = rows.fetchall()
        found = _total(rows)
        if found >= PROBE_MIN_MATCHES:
            out = _facets(conn, rows, found * every, every)
            out.total_estimated = True
            return out
        # Found some: the step that should give PROBE_AIM times the minimum at the
        # rate this sample found (one more pass instead of several).
        aim = int(PROBE_MIN_MATCHES * PROBE_AIM)
        denser = min(every * found // aim, every // 2) if found else every // PROBE_GROWTH
        if denser < PROBE_MIN_STEP:
            denser = PROBE_MIN_STEP if every > PROBE_MIN_STEP else 1
        every = denser


#: Ids every ``step`` up to the largest (parameters: step, step, step, largest id).
_STRIDE = (
    "RECURSIVE ids(x) AS (SELECT CAST(? AS BIGINT) UNION ALL"
    " SELECT x + CAST(? AS BIGINT) FROM ids WHERE x + ? <= ?), "
)


def _total(rows: list[Any]) -> int:
    return next(int(n) for f, _, n in rows if f == "total")


def _facets(conn: Any, rows: list[Any], total: int, every: int) -> Facets:
    """The facet query's rows as Facets (counts scaled by the sampling step ``every``)."""
    out = Facets(total=total, period="day", sample_every=every)
    for name in FACETS:
        out.facets[name] = []
    person_ids: list[int] = []
    for f, v, n in rows:
        if f == "total":
            continue
        n = int(n) * every
        if f == "day":
            out.timeline.append((v, n))
        else:
            out.facets[f].append(FacetValue(v, v, n))
            if f == "speaker":
                person_ids.append(int(v))
    out.timeline.sort()
    for name in out.facets:
        out.facets[name].sort(key=lambda fv: (-fv.count, fv.label))
    if person_ids:
        marks = ",".join("?" * len(person_ids))
        names = {
            str(r[0]): r[1]
            for r in conn.execute(f"SELECT id, name FROM people WHERE id IN ({marks})", person_ids)
        }
        for fv in out.facets["speaker"]:
            fv.label = names.get(fv.value, f"#{fv.value}")
            fv.value = f"#{fv.value}"
        out.facets["speaker"].sort(key=lambda fv: (-fv.count, fv.label))
    return out
