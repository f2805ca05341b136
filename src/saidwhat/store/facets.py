"""Facet counts and statements-over-time for a search, in one pass over its matches.

:func:`facets_and_timeline` selects the matching statements once (a
``MATERIALIZED`` common table holding only the facet columns) and groups it by
speaker, organisation, country, outlet, kind, language and period. The WHERE
clause is built from the same filter declarations as the search
(:mod:`saidwhat.store.filters`)
(``tests/web/test_facets.py`` checks that both count the same statements).

Results are cached per connection and keyed by SQLite's ``data_version`` and
the connection's own change count, so a cached figure is never stale.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from saidwhat.errors import QueryError
from saidwhat.search.query import SearchFilters, text_expression
from saidwhat.store.db import Store

#: Facet name -> (SQL expression over the hits table, the SearchFilters field it narrows).
FACETS: dict[str, str] = {
    "speaker": "speaker",
    "org": "org",
    "country": "country",
    "source": "source",
    "kind": "kind",
    "language": "language",
}
PERIODS = ("day", "week", "month")
_PERIOD_SQL = {
    "day": "day",
    # ISO week, named by its Monday.
    "week": "date(day, 'weekday 0', '-6 days')",
    "month": "substr(day, 1, 7)",
}
#: Values shown per facet.
FACET_TOP = 8
#: Cached results per connection.
CACHE_SIZE = 64


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


def _where(store: Store, f: SearchFilters) -> tuple[str, list[Any], str | None]:
    """FROM + WHERE for the statements ``f`` matches: the search's own declared filters."""
    match, where, params = store.statements.conditions(f, text_expression)
    source = "statements s"
    if match:
        source = "statements_fts CROSS JOIN statements s ON s.id = statements_fts.rowid"
        where = ["statements_fts MATCH ?", *where]
        params = [match, *params]
    sql = (
        f" FROM {source} JOIN documents d ON d.id = s.document_id"
        " LEFT JOIN people p ON p.id = s.person_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params, match


def facets_and_timeline(
    store: Store, filters: SearchFilters, *, period: str = "month", top: int = FACET_TOP
) -> Facets:
    """Counts per facet value (top ``top`` each) and per ``period`` for ``filters``."""
    if period not in PERIODS:
        raise QueryError(f"unknown period {period!r}; use one of {', '.join(PERIODS)}")
    filters.validate()
    conn = store.conn
    key = (
        repr(sorted((k, v) for k, v in filters.to_dict().items() if k not in ("limit", "offset"))),
        period,
        top,
        conn.execute("PRAGMA data_version").fetchone()[0],
        conn.total_changes,
    )
    cache = _cache_of(store)
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    result = _compute(store, filters, period, top)
    cache[key] = result
    while len(cache) > CACHE_SIZE:
        cache.popitem(last=False)
    return result


def _cache_of(store: Store) -> OrderedDict:
    cache = getattr(store, "_facet_cache", None)
    if cache is None:
        cache = OrderedDict()
        store._facet_cache = cache  # type: ignore[attr-defined]
    return cache


def _compute(store: Store, filters: SearchFilters, period: str, top: int) -> Facets:
    conn = store.conn
    body, params, match = _where(store, filters)
    sql = (
        "WITH h AS MATERIALIZED (SELECT s.person_id AS pid,"
        " COALESCE(s.organisation, p.organisation) AS org,"
        " COALESCE(s.country, p.country) AS country,"
        " COALESCE(s.source, d.outlet) AS source, s.kind AS kind, d.language AS language,"
        f" s.day AS day {body}),"
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
        f" UNION ALL SELECT 'period', {_PERIOD_SQL[period]} AS v, COUNT(*) FROM h"
        " WHERE day IS NOT NULL GROUP BY v"
        " UNION ALL SELECT 'total', NULL, COUNT(*) FROM h)"
        " SELECT f, v, n FROM (SELECT f, v, n, ROW_NUMBER() OVER"
        " (PARTITION BY f ORDER BY n DESC, v) AS r FROM g) WHERE f IN ('period', 'total') OR r <= ?"
    )
    try:
        rows = conn.execute(sql, [*params, top]).fetchall()
    except store.errors as e:
        text = (filters.text or filters.about or "") if match is not None else ""
        raise store.statements.search_error(e, text) from e
    out = Facets(total=0, period=period)
    for name in FACETS:
        out.facets[name] = []
    person_ids: list[int] = []
    for f, v, n in rows:
        if f == "total":
            out.total = n
        elif f == "period":
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
