"""Ingest throughput and memory: one process, `--jobs`, and a local Dask cluster (`--workers`).

Generates N articles with quotes (invented names and sentences, varied enough
that none is a near-duplicate of another) into a temporary folder and ingests
them into a fresh database per run, each run in its own subprocess:

* ``single``: ``ingest_paths(jobs=1)``, what ``saidwhat ingest FOLDER`` does;
* ``jobs:K``: ``ingest_paths(jobs=K)``, ``saidwhat ingest FOLDER --jobs K``;
* ``workers:K``: ``ingest_distributed`` on a local Dask cluster of K worker
  processes, ``saidwhat ingest FOLDER --workers K``.

For each run it reports documents/second twice: end to end (process start to
exit: imports, cluster start and model loading included) and steady state
(model loading and cluster start excluded: for ``workers:K`` all documents
over the time from every worker having its model to the last document
stored; for the others, which load the model lazily, the documents after the
first over the time from the first stored to the last, which flatters them
by about one parse batch, 16 documents, over N), plus the
peak resident memory of the main process and of the largest other process
(a Dask worker or a --jobs worker), sampled from /proc every 0.1 s. Scaling
efficiency for K workers is steady(workers:K) / (K x steady(workers:1)).

    python bench/bench_ingest.py                       # 2,000 articles: single, workers:1, workers:2
    python bench/bench_ingest.py --n 20000             # the issue's size (hours on a shared 2-core machine)
    python bench/bench_ingest.py --n 300 --modes single jobs:2 workers:2
    python bench/bench_ingest.py --n 2000 --backends sqlite postgres --out r.jsonl
    # one mode at a time, on one kept corpus, results appended:
    python bench/bench_ingest.py --n 20000 --corpus /tmp/c20k --modes workers:2 --out r.jsonl

``--backends postgres`` ingests into a new database per run on ``--pg`` (the
CPU of the server processes serving it is added to the CPU figures). The
child prints a progress line every 30 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

FIRST = ("Ana", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana", "Kemal",
         "Lena", "Milo", "Nora", "Omar", "Petra", "Rafael", "Sana", "Tomas", "Uma", "Viktor")  # fmt: skip
LAST = ("Albescu", "Brandt", "Castell", "Dorsey", "Eklund", "Ferreira", "Grigoryan", "Holm",
        "Ivanek", "Jovic", "Kaplan", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quist",
        "Rossi", "Sandberg", "Tanaka", "Ulrich", "Varga", "Weiss", "Yilmaz")  # fmt: skip
ROLES = ("Foreign Minister", "Senator", "the mayor", "a spokesperson for the ministry",
         "the party leader", "the central bank governor", "an analyst at the Institute",
         "the defence secretary", "the union chair", "the ambassador")  # fmt: skip
TOPICS = ("tariffs", "ferries", "pensions", "elections", "sanctions", "pipelines", "vaccines",
          "subsidies", "borders", "housing", "rail", "fisheries")  # fmt: skip
NOUNS = ("agreement", "budget", "proposal", "deadline", "coalition", "reform", "treaty", "inquiry",
         "summit", "strike", "ceasefire", "referendum", "tariff", "court ruling", "memorandum")  # fmt: skip
VERBS = ("will delay", "would support", "cannot accept", "must review", "might block",
         "could reopen", "will fund", "has rejected", "should replace", "may extend")  # fmt: skip
ADJ = ("fragile", "costly", "urgent", "unfair", "historic", "modest", "serious", "unexpected",
       "balanced", "unrealistic", "temporary", "binding")  # fmt: skip
CUES = ["said", "told reporters", "wrote on social media", "added", "warned", "insisted"]


def _sentence(rng: random.Random) -> str:
    words = [
        rng.choice(["The", "This", "Our", "Their"]),
        rng.choice(ADJ),
        rng.choice(NOUNS),
        rng.choice(VERBS),
        "the",
        rng.choice(TOPICS),
        rng.choice(NOUNS),
        f"before {rng.randint(2020, 2030)}",
    ]
    return " ".join(words) + "."


def article(i: int, rng: random.Random) -> str:
    topic = rng.choice(TOPICS)
    lines = [f"Dispute over {topic} deepens, report {i}", ""]
    lines.append(
        f"Officials met on {rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday'])} "
        f"in {rng.choice(['Vienna', 'Oslo', 'Rabat', 'Quito', 'Hanoi', 'Tbilisi'])} to discuss "
        f"{topic} after {rng.randint(2, 40)} weeks of talks. "
        + " ".join(_sentence(rng) for _ in range(3))
    )
    for _ in range(rng.randint(2, 4)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        quote = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
        lines.append("")
        if rng.random() < 0.5:
            lines.append(f"“{quote[:-1]},” {name}, {rng.choice(ROLES)}, {rng.choice(CUES)}.")
        else:
            lines.append(f"{name}, {rng.choice(ROLES)}, {rng.choice(CUES)}: “{quote}”")
        lines.append("")
        lines.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))))
    return "\n".join(lines) + "\n"


def generate(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` articles into ``folder`` one at a time (memory stays flat); bytes written.

    Files already there with the same name are kept as they are (same seed,
    same text), so a corpus can be reused between separate runs.
    """
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        sub = folder / f"batch{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = article(i, rng)
        path = sub / f"article-{i:05d}.txt"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return out


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of ``pid`` so far (Linux /proc), or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, ValueError, IndexError):
        return None


def _is_helper(pid: int) -> bool:
    """multiprocessing's resource tracker: not a worker."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"resource_tracker" in f.read()
    except OSError:
        return True


class _Sampler(threading.Thread):
    """Samples every process of the tree every 0.1 s: peak per process and of all together."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.done = pid, threading.Event()
        self.peak_total = 0
        self.peak_by_pid: dict[int, int] = {}
        self.helpers: set[int] = set()
        self.cpu_by_pid: dict[int, float] = {}

    def run(self) -> None:
        while not self.done.wait(0.1):
            total = 0
            for p in _tree(self.pid):
                rss = _rss_kib(p)
                total += rss
                if p not in self.peak_by_pid and p != self.pid and _is_helper(p):
                    self.helpers.add(p)
                self.peak_by_pid[p] = max(self.peak_by_pid.get(p, 0), rss)
                cpu = _cpu_seconds(p)
                if cpu is not None:
                    self.cpu_by_pid[p] = cpu
            self.peak_total = max(self.peak_total, total)

    def cpu_seconds(self) -> tuple[float, float]:
        """CPU seconds of (the main process, all other processes), as last sampled."""
        main = self.cpu_by_pid.get(self.pid, 0.0)
        return round(main, 1), round(sum(self.cpu_by_pid.values()) - main, 1)

    def peaks_mb(self) -> tuple[float, float, int]:
        """(main process, largest other process, number of other processes), in MB."""
        others = [v for p, v in self.peak_by_pid.items() if p != self.pid and p not in self.helpers]
        main = self.peak_by_pid.get(self.pid, 0)
        return round(main / 1024, 1), round(max(others, default=0) / 1024, 1), len(others)


#: The child reports progress on stderr every this many seconds.
PROGRESS_EVERY_S = 30.0


def child(mode: str, corpus: str, db: str) -> int:
    """Run one ingest in this process and print its timings as JSON (the parent samples memory)."""
    from saidwhat.store.db import open_store

    started = time.perf_counter()
    kind, _, k = mode.partition(":")
    # The first and the latest (time, documents done): memory does not grow with N.
    ticks: list[tuple[float, int]] = []
    shown = [started]

    def progress(report) -> None:
        now = time.perf_counter()
        tick = (now, report.documents)
        if ticks:
            ticks[1:] = [tick]
        else:
            ticks.append(tick)
            if kind != "workers":  # the model is loaded: CPU from here on is steady state
                print("ready", file=sys.stderr, flush=True)
        if now - shown[0] >= PROGRESS_EVERY_S:
            shown[0] = now
            print(
                f"progress {mode}: {report.documents} documents after {now - started:.0f} s",
                file=sys.stderr,
                flush=True,
            )

    store = open_store(db)
    ready = started
    if kind == "workers":
        from saidwhat.scale.client import dask_client, ingest_distributed
        from saidwhat.scale.worker import LoadModel

        with dask_client(workers=int(k)) as client:
            client.register_plugin(LoadModel())  # returns once every worker has the model
            ready = time.perf_counter()
            print("ready", file=sys.stderr, flush=True)
            report = ingest_distributed(
                store, [corpus], client=client, progress=progress, workers_read_store=True
            )
    else:
        from saidwhat.ingest import ingest_paths

        report = ingest_paths(store, [corpus], jobs=int(k or 1), progress=progress)
    ended = time.perf_counter()
    store.close()
    (t0, d0), (t1, d1) = ticks[0], ticks[-1]
    if d1 == d0:  # a single document: no steady state to measure
        t0, d0 = started, 0
    if kind == "workers":
        # From the moment every worker has its model: exact, pipeline filling included.
        t0, d0 = ready, 0
    print(
        json.dumps(
            {
                "report": report.as_dict(),
                "seconds": round(ended - started, 2),
                "ready_seconds": round(ready - started, 2),
                "steady_seconds": round(t1 - t0, 2),
                "steady_documents": d1 - d0,
                "first_document_seconds": round(t0 - started, 2),
            }
        )
    )
    return 0


def _pg_backends(dbname: str) -> list[int]:
    """Pids of the local PostgreSQL server processes serving database ``dbname`` (from /proc)."""
    out = []
    needle = f" {dbname} ".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                title = f.read()
        except OSError:
            continue
        if title.startswith(b"postgres:") and needle in title:
            out.append(int(entry))
    return out


class _ServerCpu(threading.Thread):
    """CPU seconds of the PostgreSQL server processes serving one database, sampled every 0.5 s.

    The store's writes on PostgreSQL cost CPU in the server, outside the
    ingest's process tree; this adds it (a local server only).
    """

    def __init__(self, dbname: str) -> None:
        super().__init__(daemon=True)
        self.dbname, self.done = dbname, threading.Event()
        self.cpu_by_pid: dict[int, float] = {}

    def run(self) -> None:
        while not self.done.wait(0.5):
            for pid in _pg_backends(self.dbname):
                cpu = _cpu_seconds(pid)
                if cpu is not None:
                    self.cpu_by_pid[pid] = cpu

    def seconds(self) -> float:
        return round(sum(self.cpu_by_pid.values()), 1)


def run(mode: str, folder: Path, db: str, timeout: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(folder), db]
    load_before = os.getloadavg()
    t0 = time.perf_counter()
    server = _ServerCpu(urlsplit(db).path.lstrip("/")) if db.startswith("postgresql://") else None
    if server:
        server.start()
    with tempfile.TemporaryFile() as out_f:
        proc = subprocess.Popen(cmd, stdout=out_f, stderr=subprocess.PIPE)
        sampler = _Sampler(proc.pid)
        sampler.start()
        err_tail: deque[str] = deque(maxlen=20)
        at_ready: list[float] = []  # CPU seconds of every process when the child was ready
        progress_tail: list[str] = []  # the child's last progress line

        def relay() -> None:
            for raw in proc.stderr:
                line = raw.decode("utf-8", "replace")
                err_tail.append(line)
                if line == "ready\n" and not at_ready:
                    at_ready.append(
                        sum(sampler.cpu_seconds()) + (server.seconds() if server else 0)
                    )
                if line.startswith("progress "):
                    progress_tail[:] = [line.strip()]
                    # Memory over time: a worker that grows shows it here long before the end.
                    _, worker_mb, _ = sampler.peaks_mb()
                    line = f"{line.rstrip()} (largest worker so far {worker_mb:.0f} MB)\n"
                    print(line, end="", file=sys.stderr, flush=True)

        relayer = threading.Thread(target=relay, daemon=True)
        relayer.start()
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        relayer.join(5)
        sampler.done.set()
        sampler.join()
        if server:
            server.done.set()
            server.join()
        wall = time.perf_counter() - t0
        out_f.seek(0)
        out = out_f.read()
    res: dict = {"mode": mode, "exit_code": code, "wall_seconds": round(wall, 2)}
    try:
        res.update(json.loads(out.decode().strip().splitlines()[-1]))
    except (ValueError, IndexError):
        # Killed at the timeout (or failed): what was measured until then still counts.
        main_mb, other_mb, n_other = sampler.peaks_mb()
        res.update(
            stderr_tail="".join(err_tail)[-800:],
            last_progress=progress_tail[0] if progress_tail else None,
            peak_main_mb=main_mb,
            peak_largest_worker_mb=other_mb,
            worker_processes=n_other,
            load_before=[round(x, 2) for x in load_before],
            load_after=[round(x, 2) for x in os.getloadavg()],
        )
        return res
    docs = res["report"]["documents"]
    res["docs_per_second"] = round(docs / wall, 2)
    res["steady_docs_per_second"] = (
        round(res["steady_documents"] / res["steady_seconds"], 2) if res["steady_seconds"] else None
    )
    main_mb, other_mb, n_other = sampler.peaks_mb()
    cpu_main, cpu_others = sampler.cpu_seconds()
    cpu_server = server.seconds() if server else 0.0
    res.update(
        cpu_seconds_main=cpu_main,
        cpu_seconds_workers=cpu_others,
        cpu_seconds_server=cpu_server,
        cpu_ms_per_document=(
            round(1000 * (cpu_main + cpu_others + cpu_server) / docs, 1) if docs else None
        ),
        cpu_ms_per_document_main=round(1000 * cpu_main / docs, 1) if docs else None,
    )
    if at_ready and res["steady_documents"]:
        # Model loading and cluster start left out (the sampler's last reading before
        # "ready" may be up to 0.1 s old).
        steady_cpu = cpu_main + cpu_others + cpu_server - at_ready[0]
        res["cpu_ms_per_document_steady"] = round(1000 * steady_cpu / res["steady_documents"], 1)
    res.update(
        peak_main_mb=main_mb,
        peak_largest_worker_mb=other_mb,
        worker_processes=n_other,
        peak_all_mb=round(sampler.peak_total / 1024, 1),
        load_before=[round(x, 2) for x in load_before],
        load_after=[round(x, 2) for x in os.getloadavg()],
    )
    return res


@contextmanager
def target(backend: str, pg: str, tmp: Path, mode: str) -> Iterator[str]:
    """A fresh, empty store for one run: a SQLite file, or a new PostgreSQL database."""
    label = mode.replace(":", "-")
    if backend == "sqlite":
        yield str(tmp / f"{label}.db")
        return
    import psycopg

    name = f"saidwhat_bench_ingest_{label.replace('-', '_')}"
    with psycopg.connect(pg, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(pg)._replace(path="/" + name))
    finally:
        with psycopg.connect(pg, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(*argv[1:4])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles to generate [2000]")
    ap.add_argument(
        "--modes",
        nargs="+",
        default=["single", "workers:1", "workers:2"],
        help="runs, in order: single, jobs:K, workers:K [single workers:1 workers:2]",
    )
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per run [3600]")
    ap.add_argument(
        "--backends",
        nargs="+",
        default=["sqlite"],
        choices=["sqlite", "postgres"],
        help="stores to ingest into, each mode on each [sqlite]",
    )
    ap.add_argument(
        "--pg",
        default=os.environ.get(
            "SAIDWHAT_BENCH_PG", "postgresql://saidwhat:saidwhat@127.0.0.1/postgres"
        ),
        help="PostgreSQL server (a database the role may connect to; it creates and drops"
        " saidwhat_bench_ingest_*) [$SAIDWHAT_BENCH_PG or the local test role]",
    )
    ap.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="generate the articles here (kept) or reuse those already there, so modes can"
        " be run one at a time on the same corpus",
    )
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--out", type=Path, default=None, help="append one JSON line per run here")
    args = ap.parse_args(argv)
    command = " ".join([Path(sys.executable).name, *sys.argv])
    print("command: " + command, file=sys.stderr)
    tmp = Path(tempfile.mkdtemp(prefix="saidwhat-bench-"))
    try:
        corpus = args.corpus or tmp / "corpus"
        size = generate(corpus, args.n)
        print(f"{args.n} articles ({size / 1e6:.1f} MB) in {corpus}", file=sys.stderr)
        results = []
        for backend in args.backends:
            for mode in args.modes:
                with target(backend, args.pg, tmp, mode) as db:
                    res = run(mode, corpus, db, args.timeout)
                res.update(backend=backend, n=args.n, cpus=os.cpu_count(), command=command)
                results.append(res)
                if args.out:
                    args.out.parent.mkdir(parents=True, exist_ok=True)
                    with args.out.open("a") as f:
                        f.write(json.dumps(res) + "\n")
                _show(res)
        for backend in args.backends:
            steady = {
                r["mode"]: r.get("steady_docs_per_second")
                for r in results
                if r["backend"] == backend
            }
            one = steady.get("workers:1")
            for mode, rate in steady.items():
                kind, _, k = mode.partition(":")
                if kind == "workers" and k != "1" and one and rate:
                    eff = round(rate / (int(k) * one), 2)
                    print(
                        f"{backend} scaling efficiency {mode}: {eff} (steady docs/s over {k} x workers:1)"
                    )
        return 0 if all(r["exit_code"] == 0 for r in results) else 1
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def _show(res: dict) -> None:
    label = f"{res['backend']} {res['mode']}"
    if "report" not in res:
        print(
            f"{label}: stopped (exit {res['exit_code']}) after {res['wall_seconds']}s;"
            f" last: {res.get('last_progress')}; peak RSS main {res.get('peak_main_mb')} MB,"
            f" largest worker {res.get('peak_largest_worker_mb')} MB"
            f" of {res.get('worker_processes')}\n{res.get('stderr_tail', '')}"
        )
        return
    r = res["report"]
    print(
        f"{label:>18}: {r['stored']} docs, {r['statements']} statements, "
        f"{res['wall_seconds']}s end to end = {res['docs_per_second']} docs/s; "
        f"steady {res['steady_docs_per_second']} docs/s (ready after "
        f"{res['ready_seconds']}s, first document at {res['first_document_seconds']}s); "
        f"peak RSS main {res['peak_main_mb']} MB, largest worker "
        f"{res['peak_largest_worker_mb']} MB of {res['worker_processes']}; CPU "
        f"{res['cpu_seconds_main']}s main + {res['cpu_seconds_workers']}s others + "
        f"{res['cpu_seconds_server']}s PostgreSQL = {res['cpu_ms_per_document']} ms/document "
        f"({res['cpu_ms_per_document_main']} ms in the main process; steady state"
        f" {res.get('cpu_ms_per_document_steady')} ms/document); "
        f"load {res['load_before'][0]} -> {res['load_after'][0]}",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
