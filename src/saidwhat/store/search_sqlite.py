"""The search query on SQLite: FTS5 in date order, the rank window, the page.

Since migration 11 the FTS5 index is keyed by ``statements.search_key``: the
statement's day (year, month, day packed into the high bits) then its id (the
low :data:`ID_BITS` bits). FTS5 hands matches out in key order, so

- newest first is ``ORDER BY rowid DESC LIMIT n``: FTS5 walks the doclists
  backwards and stops after ``n`` rows, whatever the number of matches;
- ``since`` / ``until`` are a range of keys, answered inside FTS5;
- the best matches are ranked (bm25) among the newest ``rank_window`` matching
  statements (:data:`saidwhat.search.query.RANK_WINDOW`): bm25 first counts every
  match of each phrase (40 ms for a word in a third of a million statements on a
  loaded machine), then costs a few microseconds per scored row, so ranking all
  of them took a second. Older matches follow, newest first, so pages and
  exports are one consistent order;
- a speaker filter is a column filter on ``speaker_ref`` (``person<id>`` for
  the resolved person), intersected with the text by FTS5 itself.

The statement id of an FTS row is ``rowid & ID_MASK``; days compare as packed
numbers exactly as their ISO text compares (``2024-05`` before ``2024-05-01``).
"""

from __future__ import annotations

import re
from typing import Any

from saidwhat.store.search_shared import COLUMNS, Built, joins_needed, limit_sql

#: Low bits of a search key that hold the statement id (ids below 2**41).
ID_BITS = 41
ID_MASK = (1 << ID_BITS) - 1
#: The statement id of the FTS row being read.
FTS_ID = f"(statements_fts.rowid & {ID_MASK})"
#: FTS columns a user's words are matched in (``speaker_ref`` only by the speaker filter).
TEXT_COLUMNS = "{quote speaker_name quote_lemmas}"
#: bm25 column weights: the quote, the speaker's name and the lemmas count; the
#: speaker token is a filter and must not move the order.
BM25 = "bm25(statements_fts, 1.0, 1.0, 1.0, 0.0)"
#: More resolved people than this for one speaker name: filter by SQL instead.
SPEAKER_TOKENS_MAX = 64

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def day_number(day: str | None) -> int:
    """The packed day of ``day`` (ISO text or prefix), as the migration's SQL computes it."""
    if not day:
        return 0
    m = _ISO.match(day)
    if not m:
        return 0
    y, mo, d = (int(g) if g else 0 for g in m.groups())
    return (y * 13 + mo) * 32 + d


def key_range(since: str | None, until: str | None) -> tuple[int | None, int | None]:
    """The search keys (inclusive) of days in ``since`` .. ``until`` (ISO prefixes)."""
    lo = day_number(since) << ID_BITS if since else None
    hi = None
    if until:
        # The first day after the prefix: the next year, month or day number.
        parts = until.split("-")
        y = int(parts[0])
        mo = int(parts[1]) if len(parts) > 1 else None
        d = int(parts[2]) if len(parts) > 2 else None
        if d is not None:
            after = (y * 13 + mo) * 32 + d + 1
        elif mo is not None:
            after = (y * 13 + mo + 1) * 32
        else:
            after = (y + 1) * 13 * 32
        hi = (after << ID_BITS) - 1
    return lo, hi


def speaker_match(ids: list[int]) -> str:
    """The FTS5 column filter for statements by any of the people ``ids``."""
    return "speaker_ref : (" + " OR ".join(f'"person{int(i)}"' for i in ids) + ")"


def build(
    filters: Any,
    match: str | None,
    where: list[str],
    params: list[Any],
    *,
    key_bounds: tuple[int | None, int | None] = (None, None),
    rank_window: int | None = None,
) -> Built:
    """The page of ``filters`` as one SQL statement.

    ``match`` is the whole FTS5 expression (speaker included); ``key_bounds`` the
    range of keys its dates allow. Without ``match`` the statements table is read
    through its day indexes as before.
    """
    if not match:
        return _build_plain(filters, where, params)
    where = list(where)
    params = list(params)
    fts_where = ["statements_fts MATCH ?"]
    fts_params: list[Any] = [match]
    lo, hi = key_bounds
    if lo is not None:
        fts_where.append("statements_fts.rowid >= ?")
        fts_params.append(lo)
    if hi is not None:
        fts_where.append("statements_fts.rowid <= ?")
        fts_params.append(hi)
    uses_d, uses_p = joins_needed(where, "")
    uses_s = uses_d or uses_p or bool(re.search(r"\bs\.", " ".join(where)))
    source = "statements_fts"
    if uses_s:
        # CROSS JOIN keeps the FTS index as the outer loop (and its key order).
        source += f" CROSS JOIN statements s ON s.id = {FTS_ID}"
    if uses_d:
        source += " JOIN documents d ON d.id = s.document_id"
    if uses_p:
        source += " LEFT JOIN people p ON p.id = s.person_id"
    body = f"FROM {source} WHERE " + " AND ".join(fts_where + where)
    body_params = fts_params + params

    def matches(rank: bool) -> str:
        # bm25 is computed for the rows FTS5 hands out, not for those a LIMIT leaves;
        # its first call counts every match of each phrase (its IDF), so date orders skip it.
        rk = BM25 if rank else "NULL"
        return f"SELECT {FTS_ID} AS sid, {rk} AS rk, statements_fts.rowid AS k {body}"

    ctes: list[str] = []
    cte_params: list[Any] = []
    page_params: list[Any] = []
    if filters.sort == "rank":
        page_end = None if filters.limit is None else filters.offset + filters.limit
        recent = f"{matches(True)} ORDER BY statements_fts.rowid DESC LIMIT ?"
        order = "top.rk, top.k DESC"  # equal scores: the newest first
        if rank_window is None:  # every match ranked
            page = f"{matches(True)} ORDER BY rk, k DESC"
            page_params = list(body_params)
        elif page_end is not None and page_end <= rank_window:
            page = f"SELECT sid, rk, k FROM ({recent}) ORDER BY rk, k DESC"
            page_params = [*body_params, rank_window]
        else:
            # Past the window (or an export): the window's matches best first, then
            # the older ones newest first, so every page continues one order.
            ctes.append(f"w AS MATERIALIZED ({recent})")
            cte_params += [*body_params, rank_window]
            page = (
                "SELECT sid, rk, k, 0 AS tier, rk AS rk_order FROM w"
                f" UNION ALL SELECT sid, rk, k, 1, NULL FROM ({matches(True)})"
                " WHERE k < (SELECT min(k) FROM w) ORDER BY 4, 5, 3 DESC"
            )
            page_params = list(body_params)
            order = "top.tier, top.rk_order, top.k DESC"
    elif filters.sort == "date":
        # Days ascending, statements without a day last (their keys are below 2**ID_BITS).
        page = f"{matches(False)} ORDER BY k < {1 << ID_BITS}, k"
        page_params = list(body_params)
        order = f"top.k < {1 << ID_BITS}, top.k"
    else:  # '-date': FTS5 reads the index backwards and stops after the page; no sort
        page = f"{matches(False)} ORDER BY statements_fts.rowid DESC"
        page_params = list(body_params)
        order = "top.k DESC"
    page += limit_sql(filters, page_params, postgres=False)
    # No snippet() here: it would need a second pass of the match over the page's
    # rows; saidwhat.search.snippets makes the page's snippets from the quotes.
    with_sql = f"WITH {', '.join(ctes)} " if ctes else ""
    sql = (
        f"{with_sql}SELECT {COLUMNS}, NULL AS snippet, top.rk AS rank FROM ({page}) AS top"
        " CROSS JOIN statements s ON s.id = top.sid JOIN documents d ON d.id = s.document_id"
        f" LEFT JOIN people p ON p.id = s.person_id ORDER BY {order}"
    )
    return Built(sql, cte_params + page_params, match)


def _build_plain(filters: Any, where: list[str], params: list[Any]) -> Built:
    """No full text: the statements table through its day indexes."""
    params = list(params)
    if filters.sort == "date":
        key, order = "s.day", "{t}k IS NULL, {t}k, {t}sid"
    else:  # '-date', and 'rank' without text to rank by; NULLs sort last in DESC
        key, order = "s.day", "{t}k DESC, {t}sid DESC"
    uses_d, uses_p = joins_needed(where, key)
    inner_from = "statements s"
    if uses_d:
        inner_from += " JOIN documents d ON d.id = s.document_id"
    if uses_p:
        inner_from += " LEFT JOIN people p ON p.id = s.person_id"
    inner = f"SELECT s.id AS sid, {key} AS k FROM {inner_from}"
    if where:
        inner += " WHERE " + " AND ".join(where)
    inner += " ORDER BY " + order.format(t="")
    inner += limit_sql(filters, params, postgres=False)
    sql = (
        f"SELECT {COLUMNS}, NULL AS snippet, NULL AS rank FROM ({inner}) AS top"
        " CROSS JOIN statements s ON s.id = top.sid JOIN documents d ON d.id = s.document_id"
        " LEFT JOIN people p ON p.id = s.person_id ORDER BY " + order.format(t="top.")
    )
    return Built(sql, params, None)
