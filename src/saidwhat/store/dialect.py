"""The few SQL expressions that SQLite and PostgreSQL write differently, in one place.

The concern modules write SQL once, with ``?`` placeholders (see
:mod:`saidwhat.store.postgres` for what is translated on the fly). What cannot
be translated textually (date arithmetic, "no limit", making a connection
read-only, what changes on every commit) is built here, per dialect, so a
module asks for "the Monday of this day" and never spells out either form.
Every function takes the :class:`~saidwhat.store.db.Store` (or its dialect).
"""

from __future__ import annotations

from typing import Any

POSTGRES = "postgres"  # the same name as saidwhat.store.db.POSTGRES (no import cycle)

#: An ISO day: what PostgreSQL may cast to ``date`` (SQLite's date() gives NULL otherwise).
_ISO_DAY_PG = "'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'"


def _dialect(store_or_dialect: Any) -> str:
    return getattr(store_or_dialect, "dialect", store_or_dialect)


def week_start(store: Any, day: str) -> str:
    """SQL for the Monday (``YYYY-MM-DD``) of the ISO week of ``day`` (ISO date text).

    NULL for NULL or for text that is not a whole ISO day, on both backends.
    """
    if _dialect(store) == POSTGRES:
        return (
            f"CASE WHEN {day} ~ {_ISO_DAY_PG} THEN"
            f" to_char(date_trunc('week', CAST({day} AS date)), 'YYYY-MM-DD') END"
        )
    # 'weekday 0' moves forward to the Sunday closing the week; six days back is its Monday.
    return f"date({day}, 'weekday 0', '-6 days')"


def month_of(store: Any, day: str) -> str:
    """SQL for the month (``YYYY-MM``) of ``day`` (the same text prefix on both backends)."""
    return f"substr({day}, 1, 7)"


def binary(store: Any, expr: str) -> str:
    """``expr`` compared and sorted by code point, as SQLite compares text.

    For PostgreSQL columns without ``COLLATE "C"`` (the events table): under a
    database locale such as glibc's en_US, ``'2026-06-15' <= '2026-06~'`` is
    false (punctuation is ignored), which would break the ``until`` prefix bound.
    """
    return f'{expr} COLLATE "C"' if _dialect(store) == POSTGRES else expr


def ordered_join(store: Any) -> str:
    """An inner join that keeps its left table as the outer loop where the planner allows.

    SQLite: ``CROSS JOIN`` (its planner never reorders it); PostgreSQL plans
    joins itself, and ``CROSS JOIN`` there takes no ``ON``.
    """
    return "JOIN" if _dialect(store) == POSTGRES else "CROSS JOIN"


def no_limit(store: Any) -> int | None:
    """The ``LIMIT ?`` value meaning "all rows" (SQLite: -1; PostgreSQL: NULL)."""
    return None if _dialect(store) == POSTGRES else -1


def make_query_only(store: Any) -> None:
    """Make the store's connection refuse every write from now on.

    The store is marked read-only too, so a write fails at once with the same
    :class:`~saidwhat.errors.StoreError` on both backends.
    """
    store.readonly = True
    if _dialect(store) == POSTGRES:
        store.conn.execute("SET default_transaction_read_only = on")
    else:
        store.conn.execute("PRAGMA query_only = ON")


def data_version(store: Any) -> tuple:
    """A value that changes whenever anyone commits to the database (for caches).

    PostgreSQL: the current snapshot (its list of running transactions changes at
    every commit in the cluster, so a cache may be dropped needlessly, never kept
    stale) and this session's own transaction, whose uncommitted work no other
    snapshot sees. SQLite files are checked by their caller, by file state.
    """
    conn = store.conn
    if _dialect(store) == POSTGRES:
        row = conn.execute(
            "SELECT CAST(pg_current_snapshot() AS TEXT), CAST(txid_current_if_assigned() AS TEXT)"
        ).fetchone()
        return (store.path, row[0], row[1])
    return (id(conn), conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
