"""Benchmark the desk's pages over a large generated store.

Fills a store with N statements with bench_search.py's generator (or reuses one),
gives the documents that will be opened real text (the generator leaves it empty),
then requests pages from the desk's ASGI app in this process (no network) and
reports the median and p95 time per page type, the first request of each type
(before any cache) separately:

* search page with facets and chart: bench_search.py's workloads (free text,
  speaker + dates, --about, date range, no filter) as URL parameters, then what a
  click on a facet adds (an outlet, a country, kind + language, text + outlet), the
  chart period drawn at random from day/week/month;
* statement page (quote in context, provenance, same-day statements);
* document page (every statement highlighted).

    .venv/bin/python bench/bench_web.py --n 20000                      # quick
    .venv/bin/python bench/bench_web.py --db big.db                    # 1,000,000 statements
    .venv/bin/python bench/bench_web.py --db big.db --reuse            # time an existing store
    .venv/bin/python bench/bench_web.py --db big.db --reuse --facets-only --repeat 6
        # only the facets and chart of each search URL, cache emptied: CPU and wall ms
    .venv/bin/python bench/bench_web.py --db big.db --reuse --export sanctions
        # also stream the search 'sanctions' as CSV: first byte, total, peak memory
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from bench_search import FILLER, OUTLETS, fill, workloads
from saidwhat.store.db import open_store
from saidwhat.web.app import create_app
from saidwhat.web.base import DeskConfig

PERIODS = ("day", "week", "month")
#: Documents given text and opened (statement and document pages are drawn from them).
SAMPLE_DOCS = 300
BUDGET_MS = {"search": 300.0, "statement": 100.0, "document": 100.0}


def give_text(store, doc_ids: list[int], seed: int) -> None:
    """Write a plausible article around each sampled document's statements, at their offsets."""
    r = random.Random(seed)
    with store.transaction() as conn:
        for doc_id in doc_ids:
            rows = conn.execute(
                "SELECT quote, quote_start, quote_end, speaker_name FROM statements"
                " WHERE document_id = ? ORDER BY quote_start",
                (doc_id,),
            ).fetchall()
            parts, pos = [], 0
            for quote, start, _end, _speaker in rows:
                gap = start - pos
                filler = []
                while sum(len(w) + 1 for w in filler) < gap:
                    filler.append(r.choice(FILLER))
                text = " ".join(filler)
                parts.append((text + " " * gap)[:gap])
                parts.append(quote)
                pos = start + len(quote)
            parts.append(f" {rows[-1][3] if rows else 'Someone'} said.\n" if rows else "")
            conn.execute("UPDATE documents SET text = ? WHERE id = ?", ("".join(parts), doc_id))


def search_urls(store, seed: int, repeat: int) -> dict[str, list[str]]:
    from urllib.parse import urlencode

    names = {"text": "q", "speaker": "speaker", "since": "since", "until": "until",
             "about": "about", "sort": "sort"}  # fmt: skip
    out: dict[str, list[str]] = {}
    for label, make in workloads(store, seed).items():
        r = random.Random(seed)
        urls = []
        for _ in range(repeat):
            f = make(r).to_dict()
            params = {names[k]: v for k, v in f.items() if k in names and v not in (None, "rank")}
            params["period"] = r.choice(PERIODS)
            urls.append("/search?" + urlencode(params))
        out[label] = urls
    # What a click on a facet adds: filters no index answers (counted on a sample).
    countries = [r[0] for r in store.query("SELECT DISTINCT country FROM people"
                                           " WHERE country IS NOT NULL ORDER BY country")]  # fmt: skip
    texts = ["sanctions", "ceasefire AND NATO", "refugees", "energ*"]
    clicks = {
        "facet: outlet": lambda r: {"source": r.choice(OUTLETS), "sort": "-date"},
        "facet: country": lambda r: {"country": r.choice(countries), "sort": "-date"},
        "facet: kind + language": lambda r: {"kind": "direct", "language": "en"},
        "text + facet: outlet": lambda r: {"q": r.choice(texts), "source": r.choice(OUTLETS)},
    }
    for label, make in clicks.items():
        r = random.Random(seed)
        out[label] = [
            "/search?" + urlencode({**make(r), "period": r.choice(PERIODS)}) for _ in range(repeat)
        ]
    return out


def p95(times: list[float]) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def time_urls(client, urls: list[str]) -> tuple[float, float, float, int, float]:
    """(first ms, median ms, p95 ms, errors, median CPU ms) for ``urls`` in order.

    CPU time is this process's (every thread: the facets run beside the search); on a
    machine shared with other work it shows the cost that wall time hides in waiting.
    """
    times, cpu, errors = [], [], 0
    for url in urls:
        t, c = time.perf_counter(), time.process_time()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        errors += r.status_code != 200
    return times[0], statistics.median(times), p95(times), errors, statistics.median(cpu)


def time_facets(store, urls: dict[str, list[str]]) -> None:
    """The facets and chart of each search page alone (the page's own parameters)."""
    from urllib.parse import parse_qsl, urlsplit

    from saidwhat.store import facets
    from saidwhat.web.routes_search import filters_from_params

    print(f"{'workload':<36} {'cpu med ms':>10} {'cpu max ms':>10} {'wall med ms':>11}")
    for label, batch in urls.items():
        cpu, wall = [], []
        for url in batch:
            params = dict(parse_qsl(urlsplit(url).query))
            period = params.pop("period", "month")
            filters = filters_from_params(params)
            facets._CACHE.clear()
            t, c = time.perf_counter(), time.process_time()
            facets.facets_and_timeline(store, filters, period=period)
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        med, top, w = statistics.median(cpu), max(cpu), statistics.median(wall)
        print(f"{label:<36} {med:>10.1f} {top:>10.1f} {w:>11.1f}")


def time_export(client, query: str) -> None:
    """Stream one search as CSV: time to the first byte, in all, and the peak memory."""
    import resource
    from urllib.parse import urlencode

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    url = "/search/export.csv" + ("?" + urlencode({"q": query}) if query else "")
    t = time.perf_counter()
    first = None
    size = lines = 0
    with client.stream("GET", url) as r:
        for chunk in r.iter_bytes():
            if first is None:
                first = time.perf_counter() - t
            size += len(chunk)
            lines += chunk.count(b"\n")
    total = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"export {url}: {r.status_code}, {size / 1e6:.0f} MB, ~{lines - 1:,} rows;"
        f" first byte {first * 1000:.0f} ms, all {total:.1f} s;"
        f" peak RSS {peak / 1024:.0f} MB (before it {before / 1024:.0f} MB)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="statements to generate")
    ap.add_argument("--people", type=int, default=5000)
    ap.add_argument("--per-doc", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=40, help="requests per page type")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--db", help="store file [default: a temporary file]")
    ap.add_argument("--reuse", action="store_true", help="time an existing --db without refilling")
    ap.add_argument(
        "--facets-only",
        action="store_true",
        help="time only the facets and chart of each search (cache emptied before each)",
    )
    ap.add_argument(
        "--export",
        metavar="QUERY",
        help="also download this search as CSV ('' for every statement) and time it",
    )
    args = ap.parse_args(argv)
    print("$", shlex.join(["python", "bench/bench_web.py", *(argv or sys.argv[1:])]))

    path = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="saidwhat-web-")) / "b.db"
    if path.exists() and not args.reuse:
        sys.exit(f"{path} exists; remove it or pass --reuse")
    store = open_store(path)
    if not args.reuse:
        t = time.perf_counter()
        fill(store, args.n, args.people, args.per_doc, args.seed)
        print(f"filled {args.n:,} statements in {time.perf_counter() - t:.0f} s")
    r = random.Random(args.seed)
    n_docs = store.query("SELECT MAX(id) FROM documents")[0][0]
    docs = sorted(r.sample(range(1, n_docs + 1), min(SAMPLE_DOCS, n_docs)))
    give_text(store, docs, args.seed)
    statements = [
        row[0]
        for row in store.query(
            f"SELECT id FROM statements WHERE document_id IN ({','.join('?' * len(docs))})",
            tuple(docs),
        )
    ]
    n = store.query("SELECT COUNT(*) FROM statements")[0][0]
    print(f"store: {n:,} statements ({path})")
    if hasattr(os, "getloadavg"):
        print("load average before: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))

    if args.facets_only:
        time_facets(store, search_urls(store, args.seed, args.repeat))
        store.close()
        return 0

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    app = create_app(DeskConfig(db_path=str(path)))
    results: list[tuple[str, str, tuple]] = []
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        for label, urls in search_urls(store, args.seed, args.repeat).items():
            results.append(("search", label, time_urls(client, urls)))
        pick = random.Random(args.seed + 1)
        results.append(
            (
                "statement",
                "random statement",
                time_urls(
                    client, [f"/statements/{pick.choice(statements)}" for _ in range(args.repeat)]
                ),
            )
        )
        results.append(("document", "random document", time_urls(
            client, [f"/documents/{pick.choice(docs)}" for _ in range(args.repeat)])))  # fmt: skip
        if args.export is not None:
            time_export(client, args.export)
    store.close()

    if hasattr(os, "getloadavg"):
        print("load average after: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    head = f"{'page':<10} {'workload':<26} {'first ms':>9} {'median ms':>10} {'p95 ms':>8}"
    print(f"{head} {'cpu med ms':>10}  budget")
    worst: dict[str, float] = {}
    for page, label, (first, med, q95, errors, cpu) in results:
        worst[page] = max(worst.get(page, 0.0), q95)
        flag = "ok" if q95 <= BUDGET_MS[page] else f"OVER {BUDGET_MS[page]:.0f}"
        err = f"  ({errors} non-200)" if errors else ""
        row = f"{page:<10} {label:<26} {first:>9.1f} {med:>10.1f} {q95:>8.1f} {cpu:>10.1f}"
        print(f"{row}  {flag}{err}")
    for page, q95 in worst.items():
        print(f"worst p95 {page}: {q95:.1f} ms (budget {BUDGET_MS[page]:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
