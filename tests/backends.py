"""Both store backends for the tests: SQLite files and PostgreSQL databases.

``backend_store`` (parametrised: sqlite, postgres) makes fresh stores on one
backend; each PostgreSQL store is a database of its own, copied from a template
(``CREATE DATABASE ... TEMPLATE``: the schema, or the search sample), and
dropped after the test.

The server comes from ``$SAIDWHAT_TEST_PG`` (e.g.
``postgresql://saidwhat:saidwhat@127.0.0.1/postgres``, a role allowed to create
databases). Without one the PostgreSQL tests skip, except in CI
(``CI=true``, as ``.ci/run`` sets), where they fail: they must run there.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "search"))

PG_ENV = "SAIDWHAT_TEST_PG"
#: Tries to drop a test database that a background worker still holds.
DROP_ATTEMPTS = 10
BACKENDS = ["sqlite", "postgres"]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _no_server(why: str) -> None:
    message = f"PostgreSQL tests need a server: {why}"
    if _in_ci():
        pytest.fail(message + " (CI=true: these tests must run; see .ci/run)", pytrace=False)
    pytest.skip(message)


class PgServer:
    """Creates and drops uniquely named databases on one server."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.admin = psycopg.connect(url, autocommit=True, connect_timeout=5)
        self.templates: dict[str, str] = {}

    def url_of(self, name: str) -> str:
        parts = urlsplit(self.url)
        return urlunsplit(parts._replace(path="/" + name))

    def create(self, template: str | None = None) -> str:
        name = f"saidwhat_test_{uuid.uuid4().hex[:12]}"
        sql = f'CREATE DATABASE "{name}"'
        if template:
            sql += f' TEMPLATE "{template}"'
        self.admin.execute(sql)
        return name

    def drop(self, name: str) -> None:
        import psycopg

        for attempt in range(DROP_ATTEMPTS):
            try:
                self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except psycopg.errors.InsufficientPrivilege:
                # An autovacuum worker we may not end (no pg_signal_backend): it stops soon.
                if attempt == DROP_ATTEMPTS - 1:
                    raise
                time.sleep(0.5)

    def template(self, kind: str) -> str:
        """A database holding the schema ('empty') or the search sample ('sample')."""
        if kind not in self.templates:
            from search_samples import fill_sample

            from saidwhat.store.db import open_store

            name = self.create()
            store = open_store(self.url_of(name))
            if kind == "sample":
                fill_sample(store)
            store.close()
            self.templates[kind] = name
        return self.templates[kind]

    def close(self) -> None:
        for name in self.templates.values():
            self.drop(name)
        self.admin.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    url = os.environ.get(PG_ENV)
    if not url:
        _no_server(f"${PG_ENV} is not set")
    try:
        server = PgServer(url)
    except Exception as e:  # any failure to connect means: no server
        _no_server(f"cannot connect to ${PG_ENV} ({str(e).strip().splitlines()[-1]})")
    yield server
    server.close()


class StoreMaker:
    """``make()`` -> a target (file path or URL) for a fresh store on one backend."""

    def __init__(self, backend: str, tmp_path: Path, server: PgServer | None) -> None:
        self.backend = backend
        self.tmp_path = tmp_path
        self.server = server
        self.created: list[str] = []
        self.opened: list = []

    def target(self, *, sample: bool = False) -> str:
        if self.backend == "sqlite":
            path = self.tmp_path / f"store-{len(self.created)}.db"
            self.created.append(str(path))
            if sample:
                from search_samples import sample_store

                sample_store(path).close()
            return str(path)
        name = self.server.create(self.server.template("sample" if sample else "empty"))
        self.created.append(name)
        return self.server.url_of(name)

    def open(self, *, sample: bool = False, **kw):
        from saidwhat.store.db import open_store

        store = open_store(self.target(sample=sample), **kw)
        self.opened.append(store)
        return store

    def cleanup(self) -> None:
        for store in self.opened:
            store.close()  # closing twice is harmless on both backends
        if self.server is not None:
            for name in self.created:
                self.server.drop(name)


ROOT = Path(__file__).resolve().parents[1]
DEMO_CORPUS = ROOT / "examples" / "corpus"
#: The clock while the demo corpus is ingested, so both backends store the same ``ingested_at``.
DEMO_NOW = "2026-11-30T08:00:00+00:00"


class DemoStores(dict):
    """backend -> target of the demo corpus ingested there; ``copy(backend)``: a fresh copy."""

    def __init__(self, targets: dict[str, str], server: PgServer, folder: Path) -> None:
        super().__init__(targets)
        self.server = server
        self.folder = folder
        # Copies come from a template no test connects to (CREATE DATABASE ... TEMPLATE
        # refuses a source with open sessions, and readers keep theirs open).
        self.template = server.create(self._name(targets["postgres"]))
        self.copies: list[str] = [self.template]

    @staticmethod
    def _name(url: str) -> str:
        return urlsplit(url).path.lstrip("/")

    def copy(self, backend: str) -> str:
        """A writable copy of the demo store on ``backend`` (for tests that change it)."""
        if backend == "sqlite":
            import sqlite3

            path = self.folder / f"copy-{len(self.copies)}.db"
            with sqlite3.connect(self[backend]) as src, sqlite3.connect(path) as dst:
                src.backup(dst)
            self.copies.append(str(path))
            return str(path)
        name = self.server.create(self.template)
        self.copies.append(name)
        return self.server.url_of(name)

    def drop(self) -> None:
        for name in [self._name(self["postgres"]), *self.copies]:
            if not name.endswith(".db"):
                self.server.drop(name)


@pytest.fixture(scope="session")
def demo_stores(tmp_path_factory, make_cli, pg_server) -> Iterator[DemoStores]:
    """The demo corpus ingested once into SQLite and once into PostgreSQL (clock fixed),
    with a watchlist ``ostrikov``. Read it; write only to ``demo_stores.copy(backend)``."""
    folder = tmp_path_factory.mktemp("demo-stores")
    name = pg_server.create(pg_server.template("empty"))
    targets = {"sqlite": str(folder / "desk.db"), "postgres": pg_server.url_of(name)}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("saidwhat.store.documents.now_iso", lambda: DEMO_NOW)
        for target in targets.values():
            result = make_cli(target)("ingest", DEMO_CORPUS, "--format", "json")
            assert result.exit_code == 0, result.output
            watch = make_cli(target)("watch", "add", "ostrikov", "--speaker", "Ostrikov")
            assert watch.exit_code == 0, watch.output
    stores = DemoStores(targets, pg_server, folder)
    yield stores
    stores.drop()


@pytest.fixture(params=BACKENDS)
def backend_store(request, tmp_path) -> Iterator[StoreMaker]:
    """Fresh stores on each backend in turn (``.open(sample=True)``, ``.target()``)."""
    server = request.getfixturevalue("pg_server") if request.param == "postgres" else None
    maker = StoreMaker(request.param, tmp_path, server)
    yield maker
    maker.cleanup()


@pytest.fixture
def both_stores(request, tmp_path) -> Iterator[Callable[[str], StoreMaker]]:
    """One StoreMaker per backend, for tests that compare the two."""
    makers: dict[str, StoreMaker] = {}

    def get(backend: str) -> StoreMaker:
        if backend not in makers:
            server = request.getfixturevalue("pg_server") if backend == "postgres" else None
            folder = tmp_path / backend
            folder.mkdir(exist_ok=True)
            makers[backend] = StoreMaker(backend, folder, server)
        return makers[backend]

    yield get
    for maker in makers.values():
        maker.cleanup()
