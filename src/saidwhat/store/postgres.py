"""The PostgreSQL backend: a psycopg 3 connection with the ``sqlite3`` API the store uses.

The concern modules write SQL once, with ``?`` placeholders. :func:`translate`
turns that into psycopg's ``%s`` style and rewrites the SQLite idioms that have
a direct PostgreSQL form:

- ``INSERT OR IGNORE INTO`` -> ``INSERT INTO ... ON CONFLICT DO NOTHING``;
- ``LIKE`` -> ``ILIKE`` (SQLite's LIKE ignores case);
- ``?`` -> ``%s`` and a literal ``%`` -> ``%%``.

Anything else that differs is written per dialect in the concern itself.
psycopg is an optional dependency (``pip install 'saidwhat[postgres]'``).
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

from saidwhat.errors import StoreError

try:
    import psycopg
    from psycopg import sql as pgsql
except ImportError:  # the extra is not installed
    psycopg = None

#: ``maintenance_work_mem`` while a bulk load rebuilds indexes (one sort in memory
#: per index instead of several merged runs; Debian's default is 64 MB).
BULK_MAINTENANCE_WORK_MEM = "512MB"

#: Row triggers a bulk load drops for its COPY and recreates after it, each with the
#: statement that then does their work for the whole table. A BEFORE INSERT row
#: trigger makes COPY insert row by row instead of a page of rows at a time
#: (PostgreSQL's multi-insert), even when it is disabled or its WHEN is false.
#: The day trigger only fills ``day`` when the writer left it NULL; touching
#: ``date`` of those rows fires its UPDATE twin, which computes it the same way
#: (migrations_first.V2_POSTGRES).
DEFERRED_TRIGGERS: dict[str, tuple[tuple[str, str], ...]] = {
    "statements": (("statements_day_ai", "UPDATE statements SET date = date WHERE day IS NULL"),),
}

DB_ERRORS: tuple[type[Exception], ...] = (psycopg.Error,) if psycopg else (Exception,)

_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)
_RETURNING = re.compile(r"\sRETURNING\s", re.IGNORECASE)
_LIKE = re.compile(r"(?<![\w])LIKE(?![\w])")
# Single-quoted literals are kept as they are (apart from doubling %).
_PARTS = re.compile(r"('(?:[^']|'')*')|([^']+)")


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


@functools.lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """``sql`` written for SQLite with ``?`` placeholders, as psycopg expects it."""
    if _INSERT_OR_IGNORE.match(sql):
        sql = _INSERT_OR_IGNORE.sub("INSERT INTO", sql, count=1)
        m = _RETURNING.search(sql)
        if m:
            sql = sql[: m.start()] + " ON CONFLICT DO NOTHING" + sql[m.start() :]
        else:
            sql = sql.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    out = []
    for literal, code in _PARTS.findall(sql):
        if literal:
            out.append(literal.replace("%", "%%"))
        else:
            code = code.replace("%", "%%").replace("?", "%s")
            out.append(_LIKE.sub("ILIKE", code))
    return "".join(out)


class Row(tuple):
    """A result row readable by index and by column name, like ``sqlite3.Row``."""

    __slots__ = ()
    _names: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    # The names straight from the result: ``cursor.description`` builds a Column
    # object per column, a quarter of a search page's client time (bench/README.md).
    res = cursor.pgresult
    if res is None or not (res.nfields or res.status == psycopg.pq.ExecStatus.TUPLES_OK):
        return None
    encoding = cursor.connection.info.encoding
    return _row_class(tuple(res.fname(i).decode(encoding) for i in range(res.nfields)))


@functools.lru_cache(maxsize=1024)
def _row_class(columns: tuple[str, ...]) -> type[Row]:
    # One class per column list, not per query: creating a class costs about as
    # much client CPU as the round trip itself.
    names = {name: i for i, name in enumerate(columns)}
    return type("Row", (Row,), {"__slots__": (), "_names": names})


class Cursor:
    """The part of ``sqlite3.Cursor`` the store uses."""

    def __init__(self, cur: Any) -> None:
        self._cur = cur
        self._cls = _row_factory(cur)

    def _wrap(self, values: Any) -> Any:
        return None if values is None else self._cls(values)

    def fetchone(self) -> Any:
        return self._wrap(self._cur.fetchone()) if self._cls else None

    def fetchall(self) -> list[Any]:
        return [self._cls(v) for v in self._cur.fetchall()] if self._cls else []

    def fetchmany(self, size: int) -> list[Any]:
        return [self._cls(v) for v in self._cur.fetchmany(size)] if self._cls else []

    def __iter__(self) -> Iterator[Any]:
        while chunk := self.fetchmany(500):
            yield from chunk

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount


class PgConnection:
    """A psycopg connection in autocommit mode, with ``sqlite3``'s ``execute``."""

    is_postgres = True

    def __init__(self, raw: Any, url: str | None = None) -> None:
        self.raw = raw
        self._depth = 0
        #: The URL this connection was opened with (password included: never shown;
        #: for other processes of the same ingest to open their own connection).
        self.url = url

    def execute(
        self,
        sql: str,
        params: Sequence[Any] | dict | None = (),
        *,
        prepare: bool | None = None,
    ) -> Cursor:
        """Run ``sql``; ``prepare``: psycopg's (True: a prepared statement from the first
        run; False: never prepared; None: prepared once it has run a few times)."""
        cur = self.raw.cursor()
        if params is None or (not isinstance(params, dict) and len(params) == 0):
            # No parameters: psycopg sends the text as it is (several statements allowed).
            cur.execute(translate(sql).replace("%%", "%"), prepare=prepare)
        else:
            values = list(params) if not isinstance(params, dict) else params
            cur.execute(translate(sql), values, prepare=prepare)
        return Cursor(cur)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Cursor:
        """Run ``sql`` once per row in one pipeline (one round trip, not one per row).

        The cursor's ``rowcount`` is the total of all rows, as ``sqlite3``'s.
        """
        cur = self.raw.cursor()
        cur.executemany(translate(sql), rows)
        return Cursor(cur)

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        with self.raw.transaction():
            yield self

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
        """Bulk-load ``rows`` with COPY (the fast path for large writes)."""
        from psycopg import sql

        stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        n = 0
        with self.raw.cursor() as cur, cur.copy(stmt) as copy:
            for row in rows:
                copy.write_row(row)
                n += 1
        return n

    @contextmanager
    def bulk_load(
        self, *tables: str, maintenance_work_mem: str = BULK_MAINTENANCE_WORK_MEM
    ) -> Iterator[dict[str, float]]:
        """One transaction that loads ``tables`` with their secondary indexes rebuilt after.

        Inside, the tables have no secondary indexes (those not backing a
        primary key or unique constraint) and no foreign keys; on the way out
        every one is recreated from its saved definition (``CREATE INDEX`` sorts
        once, far cheaper than updating four GIN and four B-tree indexes row
        by row; a foreign key is checked by one join), then the transaction
        commits. Any error rolls the whole load back, indexes included. The
        triggers of :data:`DEFERRED_TRIGGERS` are dropped for the load (so COPY
        writes a page of rows at a time), their work is done once before the
        rebuild, and they are recreated.

        The tables are locked (ACCESS EXCLUSIVE) until the end, so readers
        wait: for loading a new store (``saidwhat copy``) or a quiet one, not a
        desk in use. Yields a dict that gets ``rebuild_s``.
        """
        timings: dict[str, float] = {}
        with self.raw.transaction():
            self.raw.execute(
                "SELECT set_config('maintenance_work_mem', %s, true)", (maintenance_work_mem,)
            )
            saved: list[str] = []
            fix_ups: list[str] = []
            for table in tables:
                for trigger, fix_up in DEFERRED_TRIGGERS.get(table, ()):
                    row = self.raw.execute(
                        "SELECT pg_get_triggerdef(oid) FROM pg_trigger"
                        " WHERE tgrelid = %s::regclass AND tgname = %s",
                        (table, trigger),
                    ).fetchone()
                    if row is None:
                        continue
                    # Dropped, not disabled: a disabled BEFORE trigger still makes COPY
                    # insert row by row (5,000 heap records in the WAL for 5,000 rows,
                    # 648 page batches without it).
                    self.raw.execute(
                        pgsql.SQL("DROP TRIGGER {} ON {}").format(
                            pgsql.Identifier(trigger), pgsql.Identifier(table)
                        )
                    )
                    saved.append(row[0])
                    fix_ups.append(fix_up)
                for name, definition in foreign_keys(self, table):
                    self.raw.execute(
                        pgsql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                            pgsql.Identifier(table), pgsql.Identifier(name)
                        )
                    )
                    saved.append(
                        pgsql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ")
                        .format(pgsql.Identifier(table), pgsql.Identifier(name))
                        .as_string(self.raw)
                        + definition
                    )
                for name, definition in secondary_indexes(self, table):
                    self.raw.execute(pgsql.SQL("DROP INDEX {}").format(pgsql.Identifier(name)))
                    saved.insert(0, definition)  # indexes before foreign keys
            yield timings
            t0 = time.perf_counter()
            for fix_up in fix_ups:  # before the indexes exist: nothing to update in them
                self.raw.execute(fix_up)
            for definition in saved:
                self.raw.execute(definition)
            timings["rebuild_s"] = time.perf_counter() - t0

    def stream(self, sql: str, params: Sequence[Any] = (), batch: int = 5000) -> Iterator[list]:
        """Rows of ``sql`` in batches through a server-side cursor (memory stays flat)."""
        with self.raw.transaction(), self.raw.cursor(name="saidwhat_stream") as cur:
            cur.execute(translate(sql) if params else sql, list(params) or None)
            while rows := cur.fetchmany(batch):
                yield rows

    def writable_problem(self) -> str | None:
        """Why this session could not write saidwhat's tables, or None."""
        row = self.raw.execute(
            "SELECT pg_is_in_recovery(), has_table_privilege('statements', 'INSERT'),"
            " current_setting('transaction_read_only')"
        ).fetchone()
        if row[0]:
            return "server is a read-only standby"
        if not row[1]:
            return "this role may not write to the saidwhat tables (no INSERT privilege)"
        if row[2] == "on":
            return "the session is read-only (default_transaction_read_only)"
        return None

    def schema_version(self) -> int:
        row = self.raw.execute("SELECT to_regclass('saidwhat_schema') IS NOT NULL").fetchone()
        if not row[0]:
            return 0
        return int(self.raw.execute("SELECT version FROM saidwhat_schema").fetchone()[0])

    def set_schema_version(self, version: int) -> None:
        self.raw.execute("UPDATE saidwhat_schema SET version = %s", (version,))

    def rollback(self) -> None:
        self.raw.rollback()

    def commit(self) -> None:
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()


def secondary_indexes(conn: PgConnection, table: str) -> list[tuple[str, str]]:
    """``(name, CREATE INDEX ...)`` of each index of ``table`` that backs no constraint."""
    rows = conn.raw.execute(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x"
        " JOIN pg_class i ON i.oid = x.indexrelid"
        " WHERE x.indrelid = %s::regclass"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)"
        " ORDER BY i.relname",
        (table,),
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def foreign_keys(conn: PgConnection, table: str) -> list[tuple[str, str]]:
    """``(name, FOREIGN KEY ... REFERENCES ...)`` of each foreign key of ``table``."""
    rows = conn.raw.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
        (table,),
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def open_postgres(url: str, *, timeout: float = 5.0, write: bool = True) -> Any:
    from saidwhat.store.db import POSTGRES, Store

    shown = redact(url)
    if psycopg is None:
        raise StoreError(
            "PostgreSQL support is not installed; pip install 'saidwhat[postgres]'", source=shown
        )
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(timeout)))
    except psycopg.Error as e:
        first = str(e).strip().splitlines()[-1] if str(e).strip() else type(e).__name__
        raise StoreError(f"cannot connect ({first})", source=shown) from e
    # A lock wait longer than this is reported, like SQLite's busy timeout.
    raw.execute(f"SET lock_timeout = {int(timeout * 1000)}")
    if not write:
        raw.execute("SET default_transaction_read_only = on")
    conn = PgConnection(raw, url)
    store = Store(conn, shown, dialect=POSTGRES, readonly=not write)
    if not write and conn.schema_version() == 0:
        conn.close()
        raise StoreError(
            "no saidwhat database there (it has no saidwhat tables); check the URL, "
            "or create it with `saidwhat ingest`",
            source=shown,
        )
    return store
