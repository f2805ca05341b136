"""Opening the store: SQLite or PostgreSQL, schema migrations, clear errors.

:func:`open_store` takes a file path (SQLite, in WAL mode) or a
``postgresql://`` URL and returns a :class:`Store`. All SQL of saidwhat lives
in the concern modules of this package (documents, people, registry,
statements, watchlists, ...); the rest of the code reaches them through the
store (``store.watchlists.add(...)``), see :mod:`saidwhat.store.concerns`.

SQL is written once, with ``?`` placeholders; the PostgreSQL connection
(:mod:`saidwhat.store.postgres`) translates placeholders and the few SQLite
idioms it understands (``INSERT OR IGNORE``, case-insensitive ``LIKE``). Where
the dialects really differ a concern asks ``store.dialect``.

Writes go through :meth:`Store.transaction`, so a crash or Ctrl-C leaves each
document either fully stored or absent.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from saidwhat.errors import StoreError
from saidwhat.names import name_key
from saidwhat.store.concerns import CONCERNS, load_concern
from saidwhat.store.migrations import MIGRATIONS, statements_of

log = logging.getLogger(__name__)

DEFAULT_DB = "saidwhat.db"
SCHEMA_VERSION = len(MIGRATIONS)
SQLITE, POSTGRES = "sqlite", "postgres"
_PG_SCHEMES = ("postgresql://", "postgres://")


def default_db_path() -> str:
    """``$SAIDWHAT_DB`` if set, else ``./saidwhat.db``."""
    return os.environ.get("SAIDWHAT_DB") or DEFAULT_DB


def is_postgres_url(target: str) -> bool:
    return str(target).startswith(_PG_SCHEMES)


class Store:
    """A saidwhat database. Use :func:`open_store` to get one.

    ``conn`` has the ``sqlite3`` connection API (``execute`` returning a cursor
    with ``fetchone``/``fetchall``/``fetchmany``/``rowcount``; rows readable by
    index and by column name) on both backends. ``path`` names the database in
    messages (a PostgreSQL URL without its password).
    """

    def __init__(self, conn: Any, path: str, *, dialect: str = SQLITE, readonly: bool = False):
        self.conn = conn
        self.path = path
        self.dialect = dialect
        self.readonly = readonly
        self._concerns: dict[str, Any] = {}
        if dialect == POSTGRES:
            from saidwhat.store.postgres import DB_ERRORS
        else:
            DB_ERRORS = sqlite3.DatabaseError
        #: The exception class(es) the backend raises; catch these, never ``sqlite3.Error``.
        self.errors = DB_ERRORS

    # -- the concerns --------------------------------------------------------------
    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not found normally: the concern modules.
        if name.startswith("_") or name not in CONCERNS:
            raise AttributeError(name)
        concern = self._concerns.get(name)
        if concern is None:
            concern = self._concerns[name] = load_concern(name)(self)
        return concern

    @property
    def is_postgres(self) -> bool:
        return self.dialect == POSTGRES

    # -- connection management -------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close_after(self, work: Any) -> None:
        """Run ``work(self)``, then close the store whatever happens."""
        try:
            work(self)
        finally:
            self.close()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One atomic unit of work: committed on success, rolled back on any exception."""
        if self.readonly:
            raise StoreError(
                "database was opened read-only; this command cannot change it", source=self.path
            )
        if self.dialect == POSTGRES:
            with self.conn.transaction():
                yield self.conn
            return
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

    def query(self, sql: str, params: tuple | list | dict = ()) -> list[Any]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except self.errors as e:
            raise self.error(e) from e

    def error(self, e: Exception) -> StoreError:
        """The backend error ``e`` as a one-line :class:`StoreError` naming this database."""
        return store_error(self.path, e)

    @property
    def schema_version(self) -> int:
        if self.dialect == POSTGRES:
            return self.conn.schema_version()
        return self.conn.execute("PRAGMA user_version").fetchone()[0]


def store_error(path: str, e: Exception) -> StoreError:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    low = msg.lower()
    if "locked" in low or "busy" in low:
        return StoreError(
            "database is locked by another process; wait for it to finish or use another --db",
            source=path,
        )
    if "not a database" in low or "malformed" in low or "file is encrypted" in low:
        return StoreError(
            "not a saidwhat database, or it is corrupt; restore a backup or use another --db",
            source=path,
        )
    if "readonly" in low or "read-only" in low:
        return StoreError(
            "database is read-only; use a copy you can write to, or a read command",
            source=path,
        )
    return StoreError(f"database error: {msg}", source=path)


def open_store(
    path: str | os.PathLike[str] | None = None,
    *,
    timeout: float = 5.0,
    write: bool = True,
    create: bool | None = None,
) -> Store:
    """Open the database at ``path`` (a file or a ``postgresql://`` URL).

    ``write=False`` opens an existing database read-only (a missing one is an
    error naming it; one in a read-only folder can still be searched).
    ``write=True`` checks that the database can be written before returning, so
    a command fails before it does any work; ``create`` (default: ``write``)
    creates a missing SQLite file. The schema is brought up to date when writing.
    """
    target = str(path or default_db_path())
    create = write if create is None else create
    store = _connect(target, timeout=timeout, write=write, create=create)
    old = store.schema_version if store.readonly else SCHEMA_VERSION
    if 0 < old < SCHEMA_VERSION:
        # A database from an older saidwhat: upgrade it once (a write), then read.
        shown = store.path
        store.close()
        try:
            _connect(target, timeout=timeout, write=True, create=False).close_after(_migrate)
        except StoreError as e:
            reason = str(e).removeprefix(f"{e.source}: ") if e.source else str(e)
            raise StoreError(
                f"schema version {old} is older than this saidwhat's ({SCHEMA_VERSION}) and"
                f" cannot be upgraded here: {reason}",
                source=shown,
            ) from e
        store = _connect(target, timeout=timeout, write=write, create=create)
    try:
        _migrate(store)
        if write and store.is_postgres:
            # Checked now, so a write command fails before it does any work.
            problem = store.conn.writable_problem()
            if problem:
                raise StoreError(f"database is read-only: {problem}", source=store.path)
    except BaseException:
        store.close()
        raise
    return store


def _connect(target: str, *, timeout: float, write: bool, create: bool) -> Store:
    if is_postgres_url(target):
        from saidwhat.store.postgres import open_postgres

        return open_postgres(target, timeout=timeout, write=write)
    return _open_sqlite(target, timeout=timeout, write=write, create=create)


def _open_sqlite(path: str, *, timeout: float, write: bool, create: bool) -> Store:
    memory = path == ":memory:"
    if not memory:
        file = Path(path)
        parent = file.resolve().parent
        if not parent.is_dir():
            raise StoreError(f"folder {parent} does not exist", source=path)
        if file.is_dir():
            raise StoreError("is a folder, not a database file", source=path)
        if not file.exists() and not create:
            raise StoreError(
                "no such database; check the --db path (or $SAIDWHAT_DB), "
                "or create it with `saidwhat ingest`",
                source=path,
            )
        if write:
            _check_writable(file)
    try:
        if write or memory:
            conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        else:
            conn = _connect_readonly(path, timeout)
        conn.row_factory = sqlite3.Row
        # migrations that re-key aliases call names.name_key from SQL
        conn.create_function("saidwhat_name_key", 1, name_key, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        if write:
            # WAL lets searches run while an ingest writes; NORMAL is durable at
            # each checkpoint and safe against application crashes.
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        # Touch the schema now, so a file that is no database fails here.
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError as e:
        raise store_error(path, e) from e
    return Store(conn, path, readonly=not write)


def _connect_readonly(path: str, timeout: float) -> sqlite3.Connection:
    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError as e:
        conn.close()
        if "unable to open" not in str(e):
            raise
    # A WAL database in a folder we cannot write: SQLite cannot create the
    # shared-memory file, so read it as immutable. No one can be writing to it
    # (a writer would need that folder too), which is what immutable promises.
    return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=timeout, isolation_level=None)


def _check_writable(file: Path) -> None:
    """Fail early, naming the file, when a write command could not write."""
    folder = file.resolve().parent
    if file.exists() and not os.access(file, os.W_OK):
        raise StoreError(
            "database is read-only (no write permission on the file); "
            "search it with a read command, or write to a copy",
            source=str(file),
        )
    # SQLite writes its journal (-wal, -shm) next to the file.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(
            f"folder {folder} is read-only, and SQLite must write its journal there; "
            "search the database with a read command, or write to a copy",
            source=str(file),
        )


def _migrate(store: Store) -> None:
    current = store.schema_version
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {current} is newer than this saidwhat "
            f"supports ({SCHEMA_VERSION}); upgrade saidwhat",
            source=store.path,
        )
    if current < SCHEMA_VERSION and store.readonly:
        if current == 0:
            raise StoreError("not a saidwhat database (it has no tables)", source=store.path)
        raise StoreError(
            f"database schema version {current} is older than this saidwhat's "
            f"({SCHEMA_VERSION}); run a write command (e.g. `saidwhat ingest`) on it once "
            "to upgrade it",
            source=store.path,
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        log.info("migrating %s to schema version %d", store.path, version)
        try:
            with store.transaction() as conn:
                for stmt in statements_of(MIGRATIONS[version - 1], store.dialect):
                    conn.execute(stmt)
                if store.dialect == POSTGRES:
                    conn.set_schema_version(version)
                else:
                    conn.execute(f"PRAGMA user_version = {int(version)}")
        except store.errors as e:
            raise store.error(e) from e


def split_sql(script: str) -> list[str]:
    """Split a SQLite migration into statements (triggers hold ';' inside BEGIN...END)."""
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
