"""PostgreSQL statement writes: where the time of a COPY goes, and what the bulk path gets.

Each variant loads the same N generated statements (5,000 people, 8 statements
per document) into a fresh database with saidwhat's full schema (migrations
applied), and reports statements/second for the statements alone (people and
documents are loaded first and not timed; generation is not timed) and the
CPU time the server process (and the client) spent per statement, read from
``/proc`` for a local server: a figure that does not depend on the machine's load:

* ``copy``: COPY into ``statements`` as it is (three generated tsvectors,
  three GIN and eight B-tree indexes besides the primary key, two foreign
  keys): what ``Documents.bulk_statements`` did before the bulk path.
* ``no-gin``, ``no-btree``, ``no-index``, ``no-fk``, ``bare``: the same COPY
  after dropping the GIN indexes / the secondary B-tree indexes / every
  secondary index / the foreign keys / all of these and the tsvector columns.
  Diagnostics: they show what each costs; nothing is rebuilt.
* ``no-tsvector``: the tsvector columns dropped (and with them their GIN indexes).
* ``gin-pending``: ``copy`` with ``gin_pending_list_limit`` raised to 64 MB.
* ``tsvector``: only ``to_tsvector('saidwhat', quote)`` over the same quotes
  (a SELECT over a temporary table): the text-search parser's share.
* ``bulk``: :meth:`saidwhat.store.postgres.PgConnection.bulk_load`: drop the
  secondary indexes and foreign keys, COPY, recreate them (with a large
  ``maintenance_work_mem``), all in one transaction. The time includes the
  rebuild. What ``saidwhat copy`` into PostgreSQL uses (and
  ``bulk_statements(rows, rebuild_indexes=True)``).
* ``bulk-round3``: ``bulk`` as round 3 had it, for an A/B in one run: the
  three B-tree indexes of :data:`ROUND3_INDEXES` recreated first, and the day
  trigger left on during the COPY (which makes COPY insert row by row).
* ``staging``: COPY into a temporary (unlogged) table, then one
  ``INSERT ... SELECT`` into ``statements`` (indexes as they are).
* ``saidwhat-copy``: ``saidwhat copy --from STORE --to`` the scratch database
  (:func:`saidwhat.store.copy.copy_store`, every table of the SQLite store given
  with ``--from-store``, e.g. one made by ``bench/bench_search.py --n 100000
  --db s100k.db``), timed whole: statements/s is its statements over the time
  of the whole copy (documents, people and the rest included). ``--n`` is not used.
* ``parallel-2``: indexes and foreign keys dropped, the COPY split over two
  sessions at once, the indexes rebuilt by two sessions at once: what two cores
  give (each session commits its own share: a measure, not a product path).

    python bench/bench_pg_writes.py --n 200000
    python bench/bench_pg_writes.py --n 100000 --variants copy bulk tsvector
    python bench/bench_pg_writes.py --db postgresql://u:p@host/postgres --n 1000000 --variants bulk

``--db`` names a database the role can connect to in order to create (and
afterwards drop) the scratch database ``saidwhat_bench_writes``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

FIRST = ("Ana", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana", "Kemal",
         "Lena", "Milo", "Nora", "Omar", "Petra", "Rafael", "Sana", "Tomas", "Uma", "Viktor")  # fmt: skip
LAST = ("Albescu", "Brandt", "Castell", "Dorsey", "Eklund", "Ferreira", "Grigoryan", "Holm",
        "Ivanek", "Jovic", "Kaplan", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quist",
        "Rossi", "Sandberg", "Tanaka", "Ulrich", "Varga", "Weiss", "Yilmaz")  # fmt: skip
WORDS = """the government will not accept any agreement that weakens our borders tariffs sanctions
pipeline budget reform treaty inquiry summit strike ceasefire referendum ruling memorandum
we must review this proposal before the deadline our partners have rejected the plan it is
fragile costly urgent unfair historic modest serious unexpected balanced unrealistic binding
pensions elections vaccines subsidies housing rail fisheries ferries minister senator mayor
spokesperson coalition parliament opposition negotiations talks week month year today again
clearly frankly however principle stage absolutely completely entirely preconditions ground
days""".split()  # noqa: SIM905
KINDS = ["direct"] * 6 + ["indirect"] * 3 + ["mixed"]
PER_DOC = 8
N_PEOPLE = 5000
SCRATCH = "saidwhat_bench_writes"
VARIANTS = ("copy", "no-tsvector", "no-gin", "no-btree", "no-index", "no-fk", "bare", "gin-pending", "tsvector",
            "staging", "bulk", "bulk-round3", "parallel-2", "saidwhat-copy")  # fmt: skip
#: The B-tree indexes migration 15 dropped (``bulk-round3`` puts them back).
ROUND3_INDEXES = (
    "CREATE INDEX statements_person_date ON statements(person_id, date)",
    "CREATE INDEX statements_date ON statements(date)",
    "CREATE INDEX statements_kind ON statements(kind)",
)
BATCH = 20_000


def statement_rows(n: int, seed: int = 3) -> list[tuple]:
    """``n`` rows in ``STATEMENT_COLUMNS`` order (generated once, before any timing)."""
    from saidwhat.store.documents import STATEMENT_COLUMNS

    rng = random.Random(seed)
    people = [f"{f} {last}" for f in FIRST for last in LAST]
    rows = []
    for i in range(n):
        doc_id = i // PER_DOC + 1
        pid = rng.randrange(1, N_PEOPLE + 1)
        name = people[pid % len(people)]
        quote = " ".join(rng.choices(WORDS, k=rng.randint(12, 40))).capitalize() + "."
        start = (i % PER_DOC) * 1000
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        values = {
            "document_id": doc_id, "person_id": pid, "speaker_name": name,
            "speaker_mention": name, "speaker_start": 0, "speaker_end": len(name),
            "speaker_type": "person", "quote": quote, "quote_start": start,
            "quote_end": start + len(quote), "kind": rng.choice(KINDS), "cue": "said",
            "date": day, "source": "Example Post", "source_missing": 0,
            "confidence": round(rng.random(), 2), "day": day, "date_source": "document",
        }  # fmt: skip
        rows.append(tuple(values.get(c) for c in STATEMENT_COLUMNS))
    return rows


_TICK = os.sysconf("SC_CLK_TCK")


def server_cpu(pids: list[int]) -> float | None:
    """CPU seconds used so far by the server processes ``pids`` (a local server, /proc), or None."""
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / _TICK
    return total


def _url(base: str, dbname: str) -> str:
    return urlunsplit(urlsplit(base)._replace(path="/" + dbname))


def fresh_store(base: str, n: int):
    """A new scratch database with the schema, people and documents for ``n`` statements."""
    import psycopg

    from saidwhat.store.db import open_store

    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")
        admin.execute(f"CREATE DATABASE {SCRATCH}")
    store = open_store(_url(base, SCRATCH))
    conn = store.conn
    with conn.transaction():
        conn.copy_rows(
            "people",
            ("id", "name", "created_at"),
            [(i, f"Person {i}", "2025-01-01") for i in range(1, N_PEOPLE + 1)],
        )
        conn.copy_rows(
            "documents",
            ("id", "content_hash", "ref", "format", "text", "ingested_at", "published"),
            [
                (d, f"h{d}", f"doc-{d}", "txt", "", "2025-01-01", "2025-01-01")
                for d in range(1, n // PER_DOC + 2)
            ],
        )
    conn.execute("ANALYZE")
    return store


def _drop(conn, what: str) -> None:
    """Diagnostics: drop one kind of index or constraint on ``statements`` (not rebuilt)."""
    from saidwhat.store.postgres import secondary_indexes

    indexes = secondary_indexes(conn, "statements")
    if what in ("no-gin", "no-index", "bare"):
        for name, definition in indexes:
            if " USING gin " in definition:
                conn.execute(f'DROP INDEX "{name}"')
    if what in ("no-btree", "no-index", "bare"):
        for name, definition in indexes:
            if " USING gin " not in definition:
                conn.execute(f'DROP INDEX "{name}"')
    if what in ("no-fk", "bare"):
        rows = conn.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'statements'::regclass"
            " AND contype = 'f'"
        ).fetchall()
        for (name,) in rows:
            conn.execute(f'ALTER TABLE statements DROP CONSTRAINT "{name}"')
    if what in ("bare", "no-tsvector"):
        for col in ("fts", "speaker_fts", "lemmas_fts"):
            conn.execute(f"ALTER TABLE statements DROP COLUMN IF EXISTS {col}")


def _copy(conn, rows: list[tuple]) -> None:
    from saidwhat.store.documents import STATEMENT_COLUMNS

    for i in range(0, len(rows), BATCH):
        conn.copy_rows("statements", STATEMENT_COLUMNS, rows[i : i + BATCH])


def run_copy(base: str, source: Path) -> dict:
    """``saidwhat copy`` of the store at ``source`` into a new scratch database."""
    import psycopg

    from saidwhat.store.copy import copy_store

    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")
        admin.execute(f"CREATE DATABASE {SCRATCH}")
    t0 = time.perf_counter()
    client0 = time.process_time()
    report = copy_store(str(source), _url(base, SCRATCH))
    seconds = time.perf_counter() - t0
    n = report.rows.get("statements", 0)
    return {
        "variant": "saidwhat-copy",
        "n": n,
        "rows": report.total,
        "seconds": round(seconds, 2),
        "statements_per_second": round(n / seconds),
        "client_cpu_us_per_statement": round(1e6 * (time.process_time() - client0) / n, 1),
        "load": round(os.getloadavg()[0], 1),
    }


def run_variant(base: str, variant: str, rows: list[tuple]) -> dict:
    store = fresh_store(base, len(rows))
    conn = store.conn
    try:
        res: dict = {"variant": variant, "n": len(rows)}
        backend = conn.raw.info.backend_pid
        cpu0, client0 = server_cpu([backend]), time.process_time()
        if variant == "tsvector":
            conn.execute("CREATE TEMP TABLE q (quote text)")
            conn.copy_rows("q", ("quote",), [(r[7],) for r in rows])
            t0 = time.perf_counter()
            conn.execute("SELECT count(to_tsvector('saidwhat', quote)) FROM q").fetchone()
            res["seconds"] = time.perf_counter() - t0
        elif variant in ("bulk", "bulk-round3"):
            from saidwhat.store import postgres

            deferred = dict(postgres.DEFERRED_TRIGGERS)
            if variant == "bulk-round3":
                for definition in ROUND3_INDEXES:
                    conn.execute(definition)
                postgres.DEFERRED_TRIGGERS.clear()
            t0 = time.perf_counter()
            try:
                with conn.bulk_load("statements") as timings:
                    _copy(conn, rows)
                    t_copy = time.perf_counter()
            finally:
                postgres.DEFERRED_TRIGGERS.update(deferred)
            res["seconds"] = time.perf_counter() - t0
            res["copy_seconds"] = round(t_copy - t0, 2)
            res["rebuild_seconds"] = round(timings.get("rebuild_s", 0.0), 2)
        elif variant == "parallel-2":
            res.update(_parallel(_url(base, SCRATCH), conn, rows, 2))
        elif variant == "staging":
            from saidwhat.store.documents import STATEMENT_COLUMNS

            cols = ", ".join(STATEMENT_COLUMNS)
            t0 = time.perf_counter()
            with conn.transaction():
                conn.execute(
                    f"CREATE TEMP TABLE stage AS SELECT {cols} FROM statements WITH NO DATA"
                )
                for i in range(0, len(rows), BATCH):
                    conn.copy_rows("stage", STATEMENT_COLUMNS, rows[i : i + BATCH])
                conn.execute(f"INSERT INTO statements ({cols}) SELECT {cols} FROM stage")
            res["seconds"] = time.perf_counter() - t0
        else:
            _drop(conn, variant)
            if variant == "gin-pending":
                conn.execute("SET gin_pending_list_limit = '64MB'")
            t0 = time.perf_counter()
            with conn.transaction():
                _copy(conn, rows)
            res["seconds"] = time.perf_counter() - t0
        cpu1 = server_cpu([backend])
        if cpu0 is not None and cpu1 is not None:
            cpu = cpu1 - cpu0 + res.pop("other_sessions_cpu", 0.0)
            res["server_cpu_us_per_statement"] = round(1e6 * cpu / len(rows), 1)
        res["client_cpu_us_per_statement"] = round(
            1e6 * (time.process_time() - client0) / len(rows), 1
        )
        res["statements_per_second"] = round(len(rows) / res["seconds"])
        res["seconds"] = round(res["seconds"], 2)
        res["load"] = round(os.getloadavg()[0], 1)
        stored = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
        if variant != "tsvector" and stored != len(rows):
            raise SystemExit(f"{variant}: {stored} rows stored, {len(rows)} expected")
        return res
    finally:
        store.close()


def _parallel(url: str, conn, rows: list[tuple], sessions: int) -> dict:
    """Drop indexes and foreign keys, COPY over ``sessions`` connections, rebuild over as many.

    Unlike ``bulk`` this is not one transaction (each session commits its own
    share): a measure of what the cores give, not a product path.
    """
    import psycopg

    from saidwhat.store.documents import STATEMENT_COLUMNS
    from saidwhat.store.postgres import foreign_keys, secondary_indexes

    rebuild = [d for _, d in secondary_indexes(conn, "statements")]
    for name, _ in secondary_indexes(conn, "statements"):
        conn.execute(f'DROP INDEX "{name}"')
    fks = foreign_keys(conn, "statements")
    for name, _ in fks:
        conn.execute(f'ALTER TABLE statements DROP CONSTRAINT "{name}"')
    cols = ", ".join(STATEMENT_COLUMNS)
    cpu: list[float] = []

    def each(jobs: list, work) -> None:
        errors: list[BaseException] = []

        def one(job) -> None:
            try:
                with psycopg.connect(url) as c:
                    c.execute("SET maintenance_work_mem = '512MB'")
                    before = server_cpu([c.info.backend_pid])
                    work(c, job)
                    after = server_cpu([c.info.backend_pid])
                    if before is not None and after is not None:
                        cpu.append(after - before)
            except BaseException as e:  # re-raised below
                errors.append(e)

        threads = [threading.Thread(target=one, args=(j,)) for j in jobs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise errors[0]

    def copy(c, part: list[tuple]) -> None:
        with c.cursor() as cur, cur.copy(f"COPY statements ({cols}) FROM STDIN") as cp:
            for row in part:
                cp.write_row(row)

    def build(c, definitions: list[str]) -> None:
        for d in definitions:
            c.execute(d)

    t0 = time.perf_counter()
    each([rows[k::sessions] for k in range(sessions)], copy)
    t1 = time.perf_counter()
    each([rebuild[k::sessions] for k in range(sessions)], build)
    for name, definition in fks:
        conn.execute(f'ALTER TABLE statements ADD CONSTRAINT "{name}" {definition}')
    t2 = time.perf_counter()
    return {
        "seconds": t2 - t0,
        "copy_seconds": round(t1 - t0, 2),
        "rebuild_seconds": round(t2 - t1, 2),
        "other_sessions_cpu": sum(cpu),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="postgresql://saidwhat:saidwhat@127.0.0.1/postgres")
    ap.add_argument("--n", type=int, default=200_000, help="statements per variant [200000]")
    ap.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    ap.add_argument("--out", type=Path, help="append one JSON line per variant here")
    ap.add_argument("--from-store", type=Path, help="the SQLite store variant saidwhat-copy copies")
    args = ap.parse_args(argv)
    if "saidwhat-copy" in args.variants and not args.from_store:
        ap.error("the saidwhat-copy variant needs --from-store STORE.db")
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]), file=sys.stderr)
    t0 = time.perf_counter()
    rows = statement_rows(args.n)
    print(f"generated {args.n:,} statements in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    try:
        for variant in args.variants:
            if variant == "saidwhat-copy":
                res = run_copy(args.db, args.from_store)
            else:
                res = run_variant(args.db, variant, rows)
            extra = (
                f" (COPY {res['copy_seconds']} s + rebuild {res['rebuild_seconds']} s)"
                if "copy_seconds" in res
                else ""
            )
            print(
                f"{variant:>12}: {res['seconds']:7.2f} s = {res['statements_per_second']:>7,}"
                f" statements/s{extra}; server CPU"
                f" {res.get('server_cpu_us_per_statement')} us/statement, client CPU"
                f" {res['client_cpu_us_per_statement']} us/statement; load {res['load']}",
                flush=True,
            )
            if args.out:
                with args.out.open("a") as f:
                    f.write(json.dumps(res) + "\n")
    finally:
        import psycopg

        with psycopg.connect(args.db, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
