"""Opening the store: SQLite in WAL mode, schema migrations, clear errors.

``Store`` wraps one ``sqlite3.Connection``. Writes go through
:meth:`Store.transaction`, so a crash or Ctrl-C leaves each document either
fully stored or absent.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from saidwhat.errors import StoreError
from saidwhat.names import name_key
from saidwhat.store.migrations import MIGRATIONS

log = logging.getLogger(__name__)

DEFAULT_DB = "saidwhat.db"
SCHEMA_VERSION = len(MIGRATIONS)


def default_db_path() -> str:
    """``$SAIDWHAT_DB`` if set, else ``./saidwhat.db``."""
    return os.environ.get("SAIDWHAT_DB") or DEFAULT_DB


class Store:
    """A saidwhat database. Use :func:`open_store` to get one."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # -- connection management -------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: committed on success, rolled back on any exception."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise store_error(self.path, e) from e
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            try:
                self.conn.commit()
            except sqlite3.Error as e:
                self.conn.rollback()
                raise store_error(self.path, e) from e

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as e:
            raise store_error(self.path, e) from e

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]


def store_error(path: str, e: sqlite3.Error) -> StoreError:
    msg = str(e)
    if "locked" in msg or "busy" in msg:
        return StoreError(
            "database is locked by another process; wait for it to finish or use another --db",
            source=path,
        )
    if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
        return StoreError(
            "not a saidwhat database, or it is corrupt; restore a backup or use another --db",
            source=path,
        )
    return StoreError(f"database error: {msg}", source=path)


def open_store(path: str | os.PathLike[str] | None = None, *, timeout: float = 5.0) -> Store:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
    path = str(path or default_db_path())
    if path != ":memory:":
        parent = Path(path).resolve().parent
        if not parent.is_dir():
            raise StoreError(f"folder {parent} does not exist", source=path)
        if Path(path).is_dir():
            raise StoreError("is a folder, not a database file", source=path)
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        conn.row_factory = sqlite3.Row
        # migrations that re-key aliases call names.name_key from SQL
        conn.create_function("saidwhat_name_key", 1, name_key, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        # WAL lets searches run while an ingest writes; NORMAL is durable at each
        # checkpoint and safe against application crashes.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        store = Store(conn, path)
        _migrate(store)
    except sqlite3.DatabaseError as e:
        raise store_error(path, e) from e
    return store


def _migrate(store: Store) -> None:
    current = store.schema_version
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {current} is newer than this saidwhat "
            f"supports ({SCHEMA_VERSION}); upgrade saidwhat",
            source=store.path,
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        log.info("migrating %s to schema version %d", store.path, version)
        with store.transaction() as conn:
            for stmt in _split_sql(MIGRATIONS[version - 1]):
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {int(version)}")


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (triggers contain ';' inside BEGIN...END)."""
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        out.append(rest)
    return out
