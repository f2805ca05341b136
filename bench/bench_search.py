"""Benchmark search over a large generated store.

Fills a fresh store (through the normal schema, FTS triggers included) with N
generated statements from thousands of people and documents, then times typical
searches through :func:`saidwhat.search.query.search_statements` and reports the
median and p95 latency per search type and the file size on disk.

    .venv/bin/python bench/bench_search.py --n 20000          # quick
    .venv/bin/python bench/bench_search.py                    # 1,000,000 statements
    .venv/bin/python bench/bench_search.py --db big.db --reuse  # time an existing bench store
        # (a store of an older schema is migrated when it is opened; the time is printed)
    .venv/bin/python bench/bench_search.py --db postgresql://saidwhat:saidwhat@127.0.0.1/bench
        # PostgreSQL: an empty database (created with createdb); statements loaded with COPY
    .venv/bin/python bench/bench_search.py --db big.db --compare postgresql://.../bench
        # both stores (the same generated statements), searched alternately in one process
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from saidwhat.names import name_key
from saidwhat.search.query import RANK_WINDOW, SearchFilters, explain, search_statements
from saidwhat.store.db import Store, is_postgres_url, open_store
from saidwhat.store.documents import STATEMENT_COLUMNS

FIRST = """Sergey Maria Hakan Josep Antony Olaf Emmanuel Giorgia Pedro Ursula Annalena Dmitry Alexey
Yuri Nikolay Andrey Mikhail Elena Olga Anna Volodymyr Dmytro Oleksandr Iryna Kaja Jens
Mark Rishi Keir David James Kamala Joe Xi Wang Li Narendra Subrahmanyam Recep Mevlut
Ibrahim Ahmed Mohammed Fatima Leila Yair Benjamin Isaac Naftali Kim Yoon Fumio Yoko Justin
Melanie Mette Sanna Petteri Ulf Micheal Leo Simon Radoslaw Andrzej Viktor Peter Robert
Zuzana Kaja Gabrielius Edgars Krisjanis Alar Margus""".split()  # noqa: SIM905
LAST = """Lavrov Zakharova Fidan Borrell Blinken Scholz Macron Meloni Sanchez Leyen Baerbock Peskov
Medvedev Ushakov Shoigu Patrushev Nebenzya Kuleba Sybiha Zelensky Yermak Stefanchuk Kallas
Stoltenberg Rutte Sunak Starmer Cameron Lammy Harris Biden Sullivan Austin Jinping Yi
Qiang Modi Jaishankar Erdogan Cavusoglu Kalin Aboul-Gheit Shoukry Safadi Lapid Netanyahu
Herzog Bennett Jong-un Suk-yeol Kishida Kamikawa Trudeau Joly Frederiksen Marin Orpo
Kristersson Martin Varadkar Harris Sikorski Duda Orban Szijjarto Fico Caputova Landsbergis
Rinkevics Karins Karis Tsahkna Wang Guterres Grossi Tedros Georgieva Lagarde Michel Costa
Metsola Sefcovic Dombrovskis Breton Tajani Albares Wadephul""".split()  # noqa: SIM905
OUTLETS = [
    "TASS", "RIA Novosti", "Interfax", "Reuters", "AP", "AFP", "Bloomberg", "BBC", "Guardian",
    "Financial Times", "Politico", "Euronews", "Deutsche Welle", "Le Monde", "Spiegel",
    "Kommersant", "Vedomosti", "Meduza", "Kyiv Independent", "Ukrainska Pravda", "Anadolu",
    "Xinhua", "Al Jazeera", "NHK", "Yonhap", "Times of India", "CNN", "Fox News",
]  # fmt: skip
ROLES = [
    "Foreign Minister", "Prime Minister", "President", "spokesperson", "Defence Minister",
    "ambassador", "Secretary of State", "Chancellor", "EU High Representative",
    "National Security Adviser", "Secretary General", "deputy foreign minister", "MP",
]  # fmt: skip
ORGS = [
    "Russian Foreign Ministry", "Kremlin", "European Commission", "NATO", "US State Department",
    "German Foreign Office", "Turkish Foreign Ministry", "United Nations", "Chinese Foreign Ministry",
    "Ukrainian Foreign Ministry", "Elysee", "Downing Street", "White House",
]  # fmt: skip
COUNTRIES = ["Russia", "Ukraine", "Turkey", "Germany", "France", "United States", "China",
             "United Kingdom", "India", "Israel", "Japan", "Poland", "Hungary"]  # fmt: skip
TOPICS = [
    "sanctions", "the grain deal", "the Black Sea", "energy prices", "gas supplies", "NATO",
    "the ceasefire", "peace talks", "the nuclear plant", "prisoner exchanges", "the embargo",
    "security guarantees", "the visit", "the summit", "humanitarian corridors", "the election",
    "frozen assets", "arms deliveries", "the oil price cap", "refugees", "cyber attacks",
    "the Arctic", "the Middle East", "Taiwan", "the United Nations", "trade", "tariffs",
]  # fmt: skip
VERBS = [
    "will not change",
    "cannot accept",
    "fully supports",
    "strongly condemns",
    "welcomes",
    "is deeply concerned about",
    "will respond to",
    "rejects any talk of",
    "insists on",
    "is ready to discuss",
    "warns against",
    "calls for an end to",
    "has nothing to say about",
]
SUBJECTS = [
    "Our country",
    "The government",
    "My ministry",
    "We",
    "Nobody",
    "Moscow",
    "Washington",
    "Brussels",
    "Kyiv",
    "Ankara",
    "Beijing",
    "The alliance",
    "Europe",
]
FILLER = """today again clearly frankly however of course in principle at this stage so far absolutely
completely entirely this week last month next year under any circumstances without
preconditions with our partners on the ground in the coming days for now as before in full
as always step by step once again openly directly firmly calmly""".split()  # noqa: SIM905
KINDS = ["direct"] * 6 + ["indirect"] * 3 + ["mixed", "qa", "post", "block"]


def zipf_choices(rng: random.Random, items: list[str], k: int) -> list[str]:
    weights = [1 / (i + 1) for i in range(len(items))]
    return rng.choices(items, weights=weights, k=k)


class Generator:
    def __init__(self, seed: int, n_people: int) -> None:
        self.rng = random.Random(seed)
        names = [f"{f} {last}" for f in FIRST for last in LAST]
        self.rng.shuffle(names)
        self.people = sorted(set(names[:n_people]))
        self.rng.shuffle(self.people)

    def quote(self, about: str | None) -> str:
        r = self.rng
        topic = zipf_choices(r, TOPICS, 1)[0]
        s1 = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {topic} {' '.join(r.sample(FILLER, 3))}."
        if about:
            s2 = f"What {about} said about {r.choice(TOPICS)} is {r.choice(['absurd', 'important', 'a mistake', 'encouraging'])}."
        else:
            s2 = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(TOPICS)} {' '.join(r.sample(FILLER, 2))}."
        return f"{s1} {s2}"


def fill(store: Store, n: int, n_people: int, per_doc: int, seed: int) -> dict[str, float]:
    g = Generator(seed, n_people)
    r = g.rng
    conn = store.conn
    t0 = time.perf_counter()
    start = date(2023, 1, 1)
    n_docs = max(1, n // per_doc)
    with store.transaction():
        people_rows = []
        alias_rows = []
        role_rows = []
        for pid, name in enumerate(g.people, start=1):
            people_rows.append(
                (
                    pid,
                    name,
                    "person",
                    r.choice(ORGS),
                    r.choice(COUNTRIES),
                    "2024-01-01T00:00:00+00:00",
                )
            )
            surname = name.split()[-1]
            for alias in {name, surname, f"Mr {surname}", name.replace("ey ", "ei ")}:
                alias_rows.append((pid, alias, name_key(alias), "extracted"))
            role_rows.append((pid, r.choice(ROLES), None, None))
        _rows(
            store,
            "INSERT INTO people (id, name, type, organisation, country, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            people_rows,
        )
        _rows(
            store,
            "INSERT OR IGNORE INTO aliases (person_id, alias, key, origin) VALUES (?, ?, ?, ?)",
            alias_rows,
        )
        _rows(
            store,
            "INSERT INTO person_roles (person_id, role, document_id, date) VALUES (?, ?, ?, ?)",
            role_rows,
        )
        doc_rows = []
        for d in range(1, n_docs + 1):
            day = start + timedelta(days=r.randrange(730))
            outlet = r.choice(OUTLETS)
            url = f"https://{outlet.lower().replace(' ', '')}.example/{day.isoformat()}/{d}"
            doc_rows.append(
                (
                    d, hashlib.sha256(str(d).encode()).hexdigest(), url, f"Story {d} about {r.choice(TOPICS)}",
                    outlet, url, f"{day.isoformat()}T{r.randrange(24):02d}:00:00+00:00", "en", None,
                    "html", None, "", "extracted", "{}", None, "2026-01-01T00:00:00+00:00",
                )
            )  # fmt: skip
        _rows(
            store,
            "INSERT INTO documents (id, content_hash, ref, title, outlet, url, published, language,"
            " author, format, platform, text, status, metadata, minhash, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            doc_rows,
        )
        t_meta = time.perf_counter()
        batch = []
        write_s = 0.0  # time spent writing statements (INSERT or COPY), generation excluded
        n_people_total = len(g.people)
        # A few people speak a lot (Zipf-like: the most quoted has ~3% of statements).
        cum, total = [], 0.0
        for k in range(1, n_people_total + 1):
            total += 1 / k**0.8
            cum.append(total)
        speakers = r.choices(range(1, n_people_total + 1), cum_weights=cum, k=n)
        for i in range(n):
            doc_id = i // per_doc + 1
            pid = speakers[i]
            name = g.people[pid - 1]
            about = g.people[r.randrange(n_people_total)] if r.random() < 0.15 else None
            quote = g.quote(about)
            published = doc_rows[doc_id - 1][6]
            stated = published[:10] if r.random() < 0.8 else None
            batch.append(
                (
                    doc_id, pid, name, name, 0, len(name), "person", quote, i % per_doc * 1000,
                    i % per_doc * 1000 + len(quote), r.choice(KINDS), "said", r.choice(ROLES),
                    None, None, stated, doc_rows[doc_id - 1][4], 0, round(r.random(), 2),
                    stated or published[:10],
                )
            )  # fmt: skip
            if len(batch) >= 20_000:
                t_write = time.perf_counter()
                _insert_statements(store, batch)
                write_s += time.perf_counter() - t_write
                batch = []
        t_write = time.perf_counter()
        _insert_statements(store, batch)
        write_s += time.perf_counter() - t_write
    t_end = time.perf_counter()
    conn.execute("ANALYZE")
    if store.is_postgres:
        # Identity columns: move the sequences past the ids given explicitly.
        for table in ("people", "documents", "statements"):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            )
    else:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "write_s": write_s,
        "people+docs_s": t_meta - t0,
        "statements_s": t_end - t_meta,
        "total_s": time.perf_counter() - t0,
    }


_BENCH_COLUMNS = (
    "document_id", "person_id", "speaker_name", "speaker_mention", "speaker_start", "speaker_end",
    "speaker_type", "quote", "quote_start", "quote_end", "kind", "cue", "role", "organisation",
    "country", "date", "source", "source_missing", "confidence", "day",
)  # fmt: skip


def _rows(store: Store, sql: str, rows: list) -> None:
    store.conn.executemany(sql, rows)


def _insert_statements(store: Store, rows) -> None:
    """The generated rows, in the store's own bulk path (COPY on PostgreSQL)."""
    full = [dict(zip(_BENCH_COLUMNS, row, strict=True)) for row in rows]
    ordered = [tuple(r.get(c) for c in STATEMENT_COLUMNS) for r in full]
    if store.is_postgres:
        store.conn.copy_rows("statements", STATEMENT_COLUMNS, ordered)
        return
    marks = ", ".join("?" * len(STATEMENT_COLUMNS))
    store.conn.executemany(
        f"INSERT INTO statements ({', '.join(STATEMENT_COLUMNS)}) VALUES ({marks})", ordered
    )


def workloads(store: Store, seed: int) -> dict[str, Callable[[random.Random], SearchFilters]]:
    people = [r[0] for r in store.query("SELECT name FROM people ORDER BY id LIMIT 2000")]
    texts = ["sanctions", '"grain deal"', "ceasefire AND NATO", "energ*", '"nuclear plant" OR embargo',
             "Taiwan NOT trade", "refugees", '"security guarantees"', "Arctic", "tariffs AND Europe"]  # fmt: skip

    def date_range(r: random.Random) -> tuple[str, str]:
        d0 = date(2023, 1, 1) + timedelta(days=r.randrange(640))
        return d0.isoformat(), (d0 + timedelta(days=90)).isoformat()

    def speaker_dates(r):
        since, until = date_range(r)
        # Alternate spellings on purpose: 'Sergei' must find 'Sergey'.
        name = r.choice(people[:500]).replace("Sergey", "Sergei")
        return SearchFilters(speaker=name, since=since, until=until, sort="-date", limit=20)

    def date_only(r):
        since, _ = date_range(r)
        return SearchFilters(since=since, until=since[:7], sort="-date", limit=20)

    return {
        "free text (rank)": lambda r: SearchFilters(text=r.choice(texts), limit=20),
        "free text (-date)": lambda r: SearchFilters(text=r.choice(texts), sort="-date", limit=20),
        "speaker + 90-day range": speaker_dates,
        "--about person": lambda r: SearchFilters(about=r.choice(people[:500]), limit=20),
        "text + speaker": lambda r: SearchFilters(text=r.choice(texts), speaker=r.choice(people[:200]), limit=20),
        "date range only (-date)": date_only,
        "no filter (-date)": lambda r: SearchFilters(sort="-date", limit=20),
    }  # fmt: skip


#: The most common topic word of the generator (in about 28% of the statements).
COMMON_WORD = "sanctions"


def common_word(store: Store, seed: int) -> dict[str, Callable[[random.Random], SearchFilters]]:
    """The issue's target: one very common word, best match first and newest first."""
    return {
        f"'{COMMON_WORD}' (rank)": lambda r: SearchFilters(text=COMMON_WORD, limit=20),
        f"'{COMMON_WORD}' (-date)": lambda r: SearchFilters(
            text=COMMON_WORD, sort="-date", limit=20
        ),
    }


#: Untimed searches of each kind before the timed ones: the steady state of a
#: long-lived connection (the desk's). PostgreSQL plans a prepared search for its
#: values on its first 5 runs before it settles on one generic plan (searches
#: without text are prepared: saidwhat.store.search_postgres.build); SQLite and
#: both page caches are warm after the first.
WARM_RUNS = 6


def round_trips(store: Store, filters: SearchFilters, window: int | None) -> int | None:
    """How many statements one search sends to PostgreSQL (None on SQLite: in process)."""
    if not store.is_postgres:
        return None
    sent: list[str] = []
    execute = store.conn.execute

    def counting(sql, *args, **kw):
        sent.append(sql)
        return execute(sql, *args, **kw)

    store.conn.execute = counting
    try:
        search_statements(store, filters, rank_window=window)
    finally:
        del store.conn.execute
    return len(sent)


def time_searches(
    store: Store, repeat: int, seed: int, window: int | None = RANK_WINDOW
) -> list[tuple[str, float, float, int, int | None, str]]:
    out = []
    for label, make in {**workloads(store, seed), **common_word(store, seed)}.items():
        r = random.Random(seed)
        for _ in range(WARM_RUNS):  # warm the caches (not timed)
            search_statements(store, make(r), rank_window=window)
        times, found = [], 0
        for _ in range(repeat):
            filters = make(r)
            t = time.perf_counter()
            hits = search_statements(store, filters, rank_window=window)
            times.append((time.perf_counter() - t) * 1000)
            found += len(hits)
        p95 = p95_of(times)
        sent = round_trips(store, make(random.Random(seed)), window)
        steps = explain(store, make(random.Random(seed)))
        if store.is_postgres:
            plan = " | ".join(s.strip() for s in steps if "Index" in s or "Bitmap" in s)[:160]
        else:
            # The page of ids is chosen before "SCAN top"; the rest fetches its columns.
            steps = steps[1 : steps.index("SCAN top")] if "SCAN top" in steps else steps
            plan = " | ".join(steps)
        out.append((label, statistics.median(times), p95, found // repeat, sent, plan))
    return out


def p95_of(times: list[float]) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def compare(stores: list[Store], repeat: int, seed: int, window: int | None) -> None:
    """Both stores searched alternately, the same filters for each, in one process.

    Each search of a workload runs on both stores one after the other (the first
    of the two alternating), so both are timed in the same moments and under the
    same load; p95 of the second over p95 of the first is the ratio.
    """
    names = ["PostgreSQL" if st.is_postgres else "SQLite" for st in stores]
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} before timing")
    print(
        f"{'search':<26} {names[0] + ' median / p95 ms':>28} {names[1] + ' median / p95 ms':>32}"
        f" {'p95 ratio':>9}"
    )
    for label, make in {**workloads(stores[0], seed), **common_word(stores[0], seed)}.items():
        for st in stores:
            r = random.Random(seed)
            for _ in range(WARM_RUNS):
                search_statements(st, make(r), rank_window=window)
        r = random.Random(seed)
        times: list[list[float]] = [[], []]
        for i in range(repeat):
            filters = make(r)
            for k in (0, 1) if i % 2 == 0 else (1, 0):
                t = time.perf_counter()
                search_statements(stores[k], filters, rank_window=window)
                times[k].append((time.perf_counter() - t) * 1000)
        cells = [f"{statistics.median(ts):.2f} / {p95_of(ts):.2f}" for ts in times]
        ratio = p95_of(times[1]) / p95_of(times[0])
        print(f"{label:<26} {cells[0]:>28} {cells[1]:>32} {ratio:>9.2f}")
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} after timing")


def report(store: Store, path: Path, args: argparse.Namespace) -> None:
    n = store.query("SELECT COUNT(*) FROM statements")[0][0]
    if store.is_postgres:
        size = store.query("SELECT pg_database_size(current_database())")[0][0]
    else:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = sum(os.path.getsize(p) for p in (str(path), f"{path}-wal") if os.path.exists(p))
    print(f"store: {n:,} statements, {size / 1e6:.1f} MB on disk ({store.path})")
    window = None if args.rank_window == 0 else args.rank_window
    print(f"best match first ranks the newest {window or 'all'} matches; load average", end="")
    print(f" {' '.join(f'{x:.1f}' for x in os.getloadavg())} before timing")
    # trips: the statements one search sends to PostgreSQL, each a round trip.
    print(f"{'search':<26} {'median ms':>10} {'p95 ms':>9} {'hits':>5} {'trips':>5}  plan")
    for label, med, p95, found, sent, plan in time_searches(store, args.repeat, args.seed, window):
        trips = "-" if sent is None else str(sent)
        print(f"{label:<26} {med:>10.2f} {p95:>9.2f} {found:>5} {trips:>5}  {plan}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="statements to generate")
    ap.add_argument("--people", type=int, default=5000, help="distinct speakers")
    ap.add_argument("--per-doc", type=int, default=8, help="statements per document")
    ap.add_argument("--repeat", type=int, default=40, help="searches per type")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--db", help="store file [default: a temporary file, removed afterwards]")
    ap.add_argument("--reuse", action="store_true", help="time an existing --db without refilling")
    ap.add_argument(
        "--compare",
        metavar="DB",
        help="a second existing store (file or URL): time both, alternately, with --db's"
        " searches (implies --reuse)",
    )
    ap.add_argument(
        "--rank-window",
        type=int,
        default=RANK_WINDOW,
        help="best match first ranks the newest this many matches (0: all) [default: %(default)s]",
    )
    args = ap.parse_args(argv)
    if args.compare:
        if not args.db:
            ap.error("--compare needs --db (two existing stores)")
        args.reuse = True

    print("$", shlex.join(["python", "bench/bench_search.py", *(argv or sys.argv[1:])]))
    tmp = None
    if args.db and is_postgres_url(args.db):
        path = args.db
    elif args.db:
        path = Path(args.db)
        if path.exists() and not args.reuse:
            sys.exit(f"{path} exists; remove it or pass --reuse")
    else:
        tmp = tempfile.mkdtemp(prefix="saidwhat-bench-")
        path = Path(tmp) / "bench.db"
    t_open = time.perf_counter()
    store = open_store(path)
    print(f"opened (and migrated) in {time.perf_counter() - t_open:.1f} s")
    try:
        if not args.reuse:
            if store.query("SELECT 1 FROM statements LIMIT 1"):
                sys.exit(f"{store.path} already holds statements; use an empty one or --reuse")
            took = fill(store, args.n, args.people, args.per_doc, args.seed)
            print(
                f"filled {args.n:,} statements, {min(args.people, len(FIRST) * len(LAST)):,} people,"
                f" {max(1, args.n // args.per_doc):,} documents in {took['total_s']:.1f} s"
                f" (statements + FTS: {took['statements_s']:.1f} s; writing them:"
                f" {took['write_s']:.1f} s = {args.n / took['write_s']:,.0f} statements/s"
                f" {'with COPY' if store.is_postgres else 'with INSERT'})"
            )
        if args.compare:
            other = open_store(
                args.compare if is_postgres_url(args.compare) else Path(args.compare)
            )
            try:
                window = None if args.rank_window == 0 else args.rank_window
                compare([store, other], args.repeat, args.seed, window)
            finally:
                other.close()
        else:
            report(store, path, args)
    finally:
        store.close()
        if tmp:
            for p in Path(tmp).iterdir():
                p.unlink()
            os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
