"""Ingest throughput: synthetic articles through `saidwhat ingest --jobs 1` and `--jobs 2`.

Generates N articles with quotes (invented names and sentences, varied enough
that none is a near-duplicate of another) into a temporary folder, ingests
them into a fresh database per run (a subprocess each), and reports
documents/second and the peak resident memory of the ingest process (and of
its largest worker, from the kernel's rusage).

    python bench/bench_ingest.py            # 2,000 articles, jobs 1 and 2
    python bench/bench_ingest.py --n 200 --jobs 1
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

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
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        sub = folder / f"batch{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = article(i, rng)
        (sub / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, from /proc (Linux), in KiB."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


class _Sampler(threading.Thread):
    """Samples the process tree's total RSS every 0.1 s: the peak all workers need together."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.peak = max(self.peak, _tree_rss_kib(self.pid))


def run(saidwhat: list[str], folder: Path, db: Path, jobs: int) -> dict:
    cmd = [
        *saidwhat,
        "--db",
        str(db),
        "-q",
        "ingest",
        str(folder),
        "--jobs",
        str(jobs),
        "--format",
        "json",
    ]
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        proc = subprocess.Popen(cmd, stdout=out_f, stderr=err_f)
        sampler = _Sampler(proc.pid)
        sampler.start()
        # wait4, not Popen.wait: it also returns the child's rusage, whose ru_maxrss
        # is the peak of the ingest process and of the workers it waited for.
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.done.set()
        sampler.join()
        wall = time.perf_counter() - t0
        out_f.seek(0)
        err_f.seek(0)
        out, err = out_f.read(), err_f.read()
    report = {}
    with contextlib.suppress(ValueError, IndexError, KeyError):
        report = json.loads(out)[0]
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        statements = conn.execute("SELECT COUNT(*) FROM statements").fetchone()[0]
    return {
        "jobs": jobs,
        "exit_code": proc.returncode,
        "seconds": round(wall, 2),
        "documents": docs,
        "statements": statements,
        "docs_per_second": round(docs / wall, 2) if wall else None,
        # Largest single process (kernel rusage) and all processes together (sampled).
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux: KiB
        "peak_tree_rss_mb": round(sampler.peak / 1024, 1),
        "report": report,
        "stderr_tail": err.decode("utf-8", "replace")[-500:],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles to generate [2000]")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values [1 2]")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--out", type=Path, default=None, help="write results as JSON here")
    args = ap.parse_args(argv)

    exe = shutil.which("saidwhat", path=str(Path(sys.executable).parent)) or shutil.which(
        "saidwhat"
    )
    saidwhat = [exe] if exe else [sys.executable, "-m", "saidwhat.cli.main"]
    tmp = Path(tempfile.mkdtemp(prefix="saidwhat-bench-"))
    try:
        corpus = tmp / "corpus"
        size = generate(corpus, args.n)
        print(f"generated {args.n} articles ({size / 1e6:.1f} MB) in {corpus}", file=sys.stderr)
        results = []
        for jobs in args.jobs:
            res = run(saidwhat, corpus, tmp / f"jobs{jobs}.db", jobs)
            results.append(res)
            print(
                f"jobs={jobs}: {res['documents']} docs, {res['statements']} statements in "
                f"{res['seconds']}s = {res['docs_per_second']} docs/s, "
                f"peak RSS {res['peak_rss_mb']} MB largest process, "
                f"{res['peak_tree_rss_mb']} MB all processes (exit {res['exit_code']})",
            )
            if res["exit_code"] != 0:
                print(res["stderr_tail"], file=sys.stderr)
        summary = {"n": args.n, "bytes": size, "cpus": os.cpu_count(), "runs": results}
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(summary, indent=2))
        return 0 if all(r["exit_code"] == 0 for r in results) else 1
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
