"""The search query on PostgreSQL: tsvector tests, the day indexes, the rank window.

Full text is the FTS5 expression compiled to ``tsquery`` tests over the
statement's tsvector columns (:mod:`.fts_postgres`). Newest-first pages walk
``statements_day_desc`` and stop after their rows. The best matches are ranked
(``ts_rank``) among the newest ``rank_window`` matching statements, then the
older ones follow newest first: the same order of tiers as on SQLite
(:mod:`.search_sqlite`), so both backends return the same statements.

How the window is found depends on how common the match is among the newest
statements (:func:`sample_matches`): a common one by testing the newest rows one
by one (:func:`_walk_page`), a rarer one through the GIN indexes, words ANDed
through one index of every column (``Compiled.prefilter``). Every way gives the
same rows.
"""

from __future__ import annotations

from typing import Any

from saidwhat.errors import QueryError
from saidwhat.store.fts_postgres import CONFIG, compile_query
from saidwhat.store.search_shared import (
    COLUMNS,
    QUOTING_HELP,
    STATEMENT_READ,
    Built,
    joins_needed,
)

#: The newest-first order of statements (``statements_day_desc``), ties broken by id.
NEWEST = "{t}day DESC NULLS LAST, {t}sid DESC"
#: The rank window is first looked for among the newest ``CUTOFF_FACTOR`` x window
#: statements (a day range), which holds it whenever a 32nd of them match.
CUTOFF_FACTOR = 32
#: The day of the statement that far from the newest (None: the store is smaller).
CUT_SQL = "SELECT day FROM statements ORDER BY day DESC NULLS LAST, id DESC OFFSET ? LIMIT 1"


def _window_page(
    rows: str, newest: str, params: list[Any], window: int, cut: str | None
) -> tuple[str, list[Any]]:
    """The newest ``window`` matches, best first, looked for in the recent days first.

    Walking ``statements_day_desc`` reads ``window / share`` rows for a term in
    ``share`` of the statements, and the planner misjudges phrases (it reads every
    match of "security guarantees" through a bitmap). So the window is first taken
    among statements from day ``cut`` on (the newest ``CUTOFF_FACTOR * window``), and
    only when fewer than ``window`` of those match is every match considered
    (``everything`` is read only then). Both give the same rows: if the recent days
    hold ``window`` matches, they hold the newest ``window``.
    """
    if cut is None:
        recent = f"{rows} ORDER BY {newest} LIMIT ?"
        return f"SELECT * FROM ({recent}) w ORDER BY rk, {NEWEST.format(t='')}", [
            *params,
            window,
        ]
    sql = (
        f"WITH recent AS MATERIALIZED ({rows} AND s.day >= ? ORDER BY {newest} LIMIT ?),"
        f" everything AS MATERIALIZED ({rows} ORDER BY {newest} LIMIT ?),"
        " w AS (SELECT * FROM recent WHERE (SELECT count(*) FROM recent) >= ?"
        " UNION ALL SELECT * FROM everything WHERE (SELECT count(*) FROM recent) < ?)"
        f" SELECT * FROM w ORDER BY rk, {NEWEST.format(t='')}"
    )
    return sql, [*params, cut, window, *params, window, window, window]


#: Statements tested newest first to estimate how common a search's match is. 500
#: cost 0.5-0.7 ms (2,000: 1.5-1.9 ms, a tenth of an ``--about`` search) and took the
#: same walk-or-index decision for each text of bench/bench_search.py; at the walk's
#: limit (WALK_MAX) 500 rows still expect 19 matches. Only the speed depends on it.
SAMPLE_ROWS = 500
#: The most statements a best-first search tests one by one, newest first, for its
#: rank window (with WALK_MARGIN: matches in at least 1 in 27 rows). Testing a row
#: of the newest (cached) pages costs about 1 us here, a GIN bitmap about as much a
#: match of each term, plus a read of each recent match (bench/README.md, Round 3).
WALK_MAX = 40_000
#: The walk reads this many times the rows the sample predicts for a full window.
WALK_MARGIN = 1.5


def sample_matches(conn: Any, match: str) -> int:
    """How many of the newest :data:`SAMPLE_ROWS` statements ``match`` matches."""
    compiled = compile_postgres(match)
    row = conn.execute(
        f"SELECT count(*) FROM (SELECT * FROM statements ORDER BY {NEWEST_ROWS} LIMIT ?) s"
        f" WHERE {compiled.where}",
        [SAMPLE_ROWS, *compiled.params],
    ).fetchone()
    return int(row[0]) if row else 0


def walk_rows(found: int, window: int) -> int | None:
    """Rows to walk newest first for ``window`` matches, ``found`` in the sample; or None.

    The walk is worth it when the window is expected within :data:`WALK_MAX` rows
    (a walk that finds fewer falls back to the index search: the rows are the same).
    """
    if not found:
        return None
    needed = int(window * SAMPLE_ROWS / found * WALK_MARGIN) + 1
    return needed if needed <= WALK_MAX else None


def cut_worthwhile(found: int, window: int) -> bool:
    """Whether the newest ``CUTOFF_FACTOR`` x window statements likely hold the window.

    When the sample says they do not, looking there first would only repeat the
    index search that every match then needs.
    """
    return found * CUTOFF_FACTOR * window >= window * SAMPLE_ROWS / WALK_MARGIN


#: :data:`NEWEST` over the ``statements`` table itself.
NEWEST_ROWS = "day DESC NULLS LAST, id DESC"


def _walk_page(
    rank_sql: str,
    match_where: str,
    body: str,
    newest: str,
    rank_params: list[Any],
    params: list[Any],
    window: int,
    walk: int,
) -> tuple[str, list[Any]]:
    """The newest ``window`` matches, best first, found by testing the newest ``walk`` rows.

    Reads ``statements_day_desc`` and each row (no GIN bitmap of every match of a
    common word); when those rows hold fewer than ``window`` matches, every match is
    considered (``everything``, read only then), so the rows are those of
    :func:`_window_page`.
    """
    head = f"SELECT s.id AS sid, {rank_sql} AS rk, s.day AS day"
    sql = (
        f"WITH recent AS MATERIALIZED ({head} FROM (SELECT * FROM statements"
        f" ORDER BY {NEWEST_ROWS} LIMIT ?) s WHERE {match_where} ORDER BY {newest} LIMIT ?),"
        f" everything AS MATERIALIZED ({head} {body} ORDER BY {newest} LIMIT ?),"
        " w AS (SELECT * FROM recent WHERE (SELECT count(*) FROM recent) >= ?"
        " UNION ALL SELECT * FROM everything WHERE (SELECT count(*) FROM recent) < ?)"
        f" SELECT * FROM w ORDER BY rk, {NEWEST.format(t='')}"
    )
    return sql, [*rank_params, walk, *params, window, *rank_params, *params, window, window, window]


def compile_postgres(match: str) -> Any:
    """FTS5 expression ``match`` compiled for PostgreSQL; a QueryError explains bad syntax."""
    try:
        return compile_query(match)
    except QueryError as e:
        raise QueryError(f"{e}; {QUOTING_HELP}") from e


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


def _limit(filters: Any) -> str:
    """``LIMIT n OFFSET m`` for the page of ``filters``, the numbers written in the SQL.

    Not parameters: a prepared statement's generic plan must know the page is 20 rows
    (with ``LIMIT $1`` it plans for a tenth of the table and sorts every statement), so
    that PostgreSQL can reuse one plan for every page of a search shape instead of
    planning each one (planning costs more than running these pages).
    """
    if filters.limit is None and not filters.offset:
        return ""
    limit = "ALL" if filters.limit is None else str(int(filters.limit))
    return f" LIMIT {limit} OFFSET {int(filters.offset)}"


#: The longest first page :func:`_newest_page` reads in its choosing scan. A generic
#: plan expects a person's statements to be about 200 (their average): past that it
#: sorts a bitmap of all of them, which the heap read here would make read every row
#: (a speaker's statements 501-520: 1.7 -> 230 ms), so later pages take the ids first.
NEWEST_PAGE_MAX = 50


def _newest_page(filters: Any, body: str, params: list[Any], newest: str) -> Built:
    """A newest-first page without text, its statements read in the scan that picks them.

    The walk of a day index (or of one person's) stops after the page and reads
    each row it keeps anyway; taking the columns there, not the ids and then each
    row again by id, reads 20 index leaves fewer: 0.90 -> 0.68 ms for a speaker's
    90 days, 0.40 -> 0.33 ms for the newest page (bench/README.md, Round 6). Only
    where the order comes from the index: a sort would read every candidate row
    (a speaker's page oldest first: 50 -> 300+ ms), which an index-only scan does not.
    """
    page = f"SELECT {STATEMENT_READ} {body} ORDER BY {newest}{_limit(filters)}"
    sql = (
        f"SELECT {COLUMNS}, NULL::text AS snippet, NULL::float8 AS rank FROM ({page}) AS s"
        " JOIN documents d ON d.id = s.document_id LEFT JOIN people p ON p.id = s.person_id"
        f" ORDER BY {newest}"
    )
    return Built(sql, list(params), None, prepare=True)


def build(
    filters: Any,
    match: str | None,
    where: list[str],
    params: list[Any],
    highlight: tuple[str, str],
    snippet_tokens: int,
    *,
    rank_window: int | None = None,
    window_cut: str | None = None,
    walk_rows: int | None = None,
    index_order: bool = False,
) -> Built:
    """The page of ``filters``; ``window_cut``: the day :data:`CUT_SQL` gives (or None).

    ``walk_rows``: how many of the newest statements to test one by one for the rank
    window before its index search (:func:`walk_rows`; None: none). ``index_order``:
    a page without text comes in newest-first order from an index (no sort), so
    its rows may be read where they are chosen (:func:`_newest_page`).
    """
    where = list(where)
    params = list(params)
    snippet_sql, snippet_params = "NULL::text", []
    rank_sql, rank_params = "NULL::float8", []
    ranked = filters.sort == "rank" and bool(match)
    walk_where = ""
    if match:
        compiled = compile_postgres(match)
        where.insert(0, compiled.where)
        params[:0] = compiled.params
        walk_where = compiled.where
        if ranked and compiled.prefilter and not walk_rows:
            where[0] = compiled.prefilter
            params[: len(compiled.params)] = compiled.prefilter_params
        # ts_rank is larger for better matches; negated so "ORDER BY rk" is best first.
        rank_sql, rank_params = f"-ts_rank(s.fts, {compiled.rank})", list(compiled.rank_params)
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
    uses_d, uses_p = joins_needed(where, "")
    source = "statements s"
    if uses_d:
        source += " JOIN documents d ON d.id = s.document_id"
    if uses_p:
        source += " LEFT JOIN people p ON p.id = s.person_id"
    body = f"FROM {source}" + (" WHERE " + " AND ".join(where) if where else "")

    def rows(rank: bool) -> str:
        rk = rank_sql if rank else "NULL::float8"
        return f"SELECT s.id AS sid, {rk} AS rk, s.day AS day {body}"

    newest = NEWEST.format(t="").replace("sid", "s.id").replace("day", "s.day")
    short_first_page = (
        filters.offset == 0 and filters.limit is not None and filters.limit <= NEWEST_PAGE_MAX
    )
    if not match and index_order and filters.sort != "date" and short_first_page:
        return _newest_page(filters, body, params, newest)
    tail: list[Any] = []
    if ranked:
        page_end = None if filters.limit is None else filters.offset + filters.limit
        recent = f"{rows(True)} ORDER BY {newest} LIMIT ?"
        order = "top.rk, " + NEWEST.format(t="top.")  # equal scores: the newest first
        if rank_window is None:
            inner = f"{rows(True)} ORDER BY rk, {NEWEST.format(t='')}"
            inner_params = rank_params + params
        elif (
            page_end is not None and page_end <= rank_window and walk_rows and where == [walk_where]
        ):
            inner, inner_params = _walk_page(
                rank_sql, walk_where, body, newest, rank_params, params, rank_window, walk_rows
            )
        elif page_end is not None and page_end <= rank_window:
            inner, inner_params = _window_page(
                rows(True), newest, [*rank_params, *params], rank_window, window_cut
            )
        else:
            inner = (
                f"WITH w AS MATERIALIZED ({recent})"
                " SELECT sid, rk, day, 0 AS tier, rk AS rk_order FROM w"
                f" UNION ALL SELECT sid, rk, day, 1, NULL FROM ({rows(True)}) older"
                " WHERE sid NOT IN (SELECT sid FROM w)"
                f" ORDER BY tier, rk_order NULLS FIRST, {NEWEST.format(t='')}"
            )
            inner_params = [*rank_params, *params, rank_window, *rank_params, *params]
            order = "top.tier, top.rk_order NULLS FIRST, " + NEWEST.format(t="top.")
    elif filters.sort == "date":
        inner = f"{rows(False)} ORDER BY s.day ASC NULLS LAST, s.id"
        inner_params = list(params)
        order = "top.day ASC NULLS LAST, top.sid"
    else:  # '-date', and 'rank' without text to rank by
        inner = f"{rows(False)} ORDER BY {newest}"
        inner_params = list(params)
        order = NEWEST.format(t="top.")
    inner += _limit(filters)
    # The snippet is made for the page alone: ts_headline re-parses each quote. Date
    # orders carry no rank (as on SQLite, where bm25 would count every match first).
    sql = (
        f"SELECT {COLUMNS}, {snippet_sql} AS snippet, top.rk AS rank FROM ({inner}) AS top"
        " JOIN statements s ON s.id = top.sid JOIN documents d ON d.id = s.document_id"
        f" LEFT JOIN people p ON p.id = s.person_id ORDER BY {order}"
    )
    # A page without text has one good plan whatever its values (walk a day index and
    # stop after the page), so it is prepared and PostgreSQL reuses its generic plan:
    # planning took twice as long as running it. A text search is planned for its words
    # every time: how common they are decides how its rows are found.
    return Built(sql, snippet_params + inner_params + tail, match, prepare=not match)
