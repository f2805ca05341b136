"""``saidwhat copy``: move a whole store between SQLite and PostgreSQL.

Rows keep their ids, so statement ids, watchlists and exports read the same
after a copy. The target must be empty (a fresh file or database); the copy is
one transaction on the target, so it is complete or absent. PostgreSQL targets
are loaded with COPY, with their secondary indexes and foreign keys dropped for
the load and rebuilt at its end (in the same transaction), and their id
sequences are moved past the copied ids.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from saidwhat.errors import StoreError, UsageError
from saidwhat.store.db import Store, open_store

log = logging.getLogger(__name__)

#: Tables in the order they are copied (a table after those it references).
#: A concern that adds tables appends them here; tables not listed that both
#: stores hold are copied after these, in name order.
TABLES = [
    "documents",
    "document_copies",
    "people",
    "aliases",
    "person_roles",
    "statements",
    "feeds",
    "feed_entries",
    "watchlists",
]
#: Tables that are part of a backend's machinery, never data. The near-duplicate
#: index is derived from documents: the target's own trigger queues every copied
#: document and the index catches up on first use (saidwhat.store.near_dupes).
_INTERNAL = ("sqlite_", "statements_fts", "saidwhat_schema", "near_dupe_")
#: Rows read and written per batch.
BATCH = 5000


@dataclass
class CopyReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables_of(store: Store) -> list[str]:
    if store.is_postgres:
        rows = store.query(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    else:
        rows = store.query("SELECT name FROM sqlite_master WHERE type = 'table'")
    return sorted(r[0] for r in rows if not r[0].startswith(_INTERNAL))


def columns_of(store: Store, table: str) -> list[str]:
    """The columns of ``table`` that can be written (generated ones left out)."""
    if store.is_postgres:
        rows = store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
            " AND table_schema = current_schema() AND is_generated = 'NEVER'"
            " ORDER BY ordinal_position",
            (table,),
        )
        return [r[0] for r in rows]
    return [r[1] for r in store.query(f'PRAGMA table_xinfo("{table}")') if r[6] == 0]


def copy_store(
    source: str,
    target: str,
    *,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy every row of the store at ``source`` into the new, empty store at ``target``."""
    if str(source) == str(target):
        raise UsageError("--from and --to name the same database")
    src = open_store(source, write=False)
    try:
        dst = open_store(target, write=True)
    except BaseException:
        src.close()
        raise
    try:
        return _copy(src, dst, progress)
    finally:
        src.close()
        dst.close()


def _copy(src: Store, dst: Store, progress: Callable[[str, int], None] | None) -> CopyReport:
    report = CopyReport(src.path, dst.path)
    common = set(tables_of(src)) & set(tables_of(dst))
    order = [t for t in TABLES if t in common] + sorted(common - set(TABLES))
    for table in order:
        if dst.query(f'SELECT 1 FROM "{table}" LIMIT 1'):
            raise StoreError(
                f"the target already holds data (table {table}); copy into a new, empty store",
                source=dst.path,
            )
    with _loading(dst, order) as conn:
        for table in order:
            dst_cols = set(columns_of(dst, table))
            cols = [c for c in columns_of(src, table) if c in dst_cols]
            quoted = ", ".join(f'"{c}"' for c in cols)
            order_by = " ORDER BY id" if "id" in cols else ""
            n = 0
            for batch in _batches(src, f'SELECT {quoted} FROM "{table}"{order_by}'):
                # SQLite's rows go as they are (COPY and executemany read any sequence).
                rows = [tuple(map(_value, row)) for row in batch] if src.is_postgres else batch
                n += _write(dst, conn, table, cols, rows)
                if progress:
                    progress(table, n)
            if dst.is_postgres and "id" in cols and n:
                conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f' (SELECT MAX(id) FROM "{table}"))'
                )
            report.rows[table] = n
            log.info("copied %d rows of %s", n, table)
    return report


@contextmanager
def _loading(dst: Store, tables: list[str]) -> Iterator[Any]:
    """The copy's one transaction on ``dst``.

    PostgreSQL: a bulk load (:meth:`~saidwhat.store.postgres.PgConnection.bulk_load`):
    the target is new, so its secondary indexes and foreign keys are dropped
    for the copy and rebuilt once at the end, in the same transaction.
    """
    if not dst.is_postgres:
        with dst.transaction() as conn:
            yield conn
        return
    try:
        with dst.conn.bulk_load(*tables) as timings:
            yield dst.conn
        log.info("indexes rebuilt in %.1f s", timings.get("rebuild_s", 0.0))
    except dst.errors as e:
        raise dst.error(e) from e


def _batches(src: Store, sql: str) -> Iterator[list]:
    """The rows of ``sql`` on ``src`` in batches, never all in memory."""
    try:
        if src.is_postgres:
            yield from src.conn.stream(sql, batch=BATCH)
            return
        cur = src.conn.execute(sql)
        while batch := cur.fetchmany(BATCH):
            yield batch
    except src.errors as e:
        raise src.error(e) from e


def _value(v: object) -> object:
    # PostgreSQL returns bytea as memoryview; SQLite and COPY want bytes.
    return bytes(v) if isinstance(v, memoryview) else v


def _write(dst: Store, conn, table: str, cols: list[str], rows: list[tuple]) -> int:
    if dst.is_postgres:
        return conn.copy_rows(table, cols, rows)
    marks = ", ".join("?" * len(cols))
    quoted = ", ".join(f'"{c}"' for c in cols)
    conn.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)
    return len(rows)
