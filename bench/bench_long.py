#!/usr/bin/env python3
"""Long documents: extraction time and peak memory for 1, 2 and 5 MB of text.

    timeout 3600 .venv/bin/python bench/bench_long.py [--sizes 1 2 5] [--kind news|transcript]

Writes an invented document of each size (ordinary news paragraphs: direct,
interrupted, indirect and pronoun-attributed quotes, by a rotating cast; or a
transcript of labelled turns) to bench/results/, then extracts each in a fresh
process (the library call ``Extractor().extract``, as ``saidwhat extract`` does)
and prints the seconds spent extracting (model loading excluded), the peak
resident memory of that process and the number of statements. The targets
(issue 13): a 5 MB document at most 5.5x the time of a 1 MB one, peak memory at
most 1.5 GB at 5 MB.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench/results"
MB = 1_000_000

_PEOPLE = [
    ("Anna Berg", "she", "Minister"),
    ("Tomas Wendt", "he", "Mayor"),
    ("Lidia Vasquez-Roth", "she", "union chair"),
    ("Piet Ostrander", "he", "harbour master"),
    ("Mira Castell", "she", "senator"),
    ("Jonas Ekdahl", "he", "spokesman"),
]
_TOPICS = ["the ferry timetable", "proposal {i}", "the harbour levy", "the bridge tender"]


def _paragraphs(i: int) -> list[str]:
    name, pron, role = _PEOPLE[i % len(_PEOPLE)]
    surname = name.split()[-1]
    topic = _TOPICS[i % len(_TOPICS)].format(i=i)
    return [
        f"“We will not accept {topic},” {role.capitalize()} {name} said on Tuesday. "
        f"The talks in Norrhamn continued into the evening.",
        f"{surname} said that the council would publish its figures for {topic} next week.",
        f"“The numbers are clear,” {pron} added, “and the ferries will keep running.”",
        f"Residents of the old quarter, {pron} said, had waited long enough for a decision.",
    ]


def _turns(i: int) -> list[str]:
    name, _, _ = _PEOPLE[i % len(_PEOPLE)]
    return [
        f"QUESTION: What will happen to proposal {i} after the vote?",
        f"{name.split()[-1].upper()}: We will study it line by line, and the harbour "
        f"committee will answer within a month. Nobody should expect a quick change.",
    ]


def make_text(size: int, kind: str) -> str:
    parts: list[str] = ["Harbour talks: the long record", ""]
    total = 0
    i = 0
    while total < size:
        for p in _turns(i) if kind == "transcript" else _paragraphs(i):
            parts.append(p)
            total += len(p) + 2
        i += 1
    return "\n\n".join(parts) + "\n"


_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from saidwhat.extraction import Extractor
from saidwhat.model import Document
text = open(sys.argv[1], encoding="utf-8").read()
ex = Extractor()
ex.nlp
t0 = time.perf_counter()
res = ex.extract(Document(text=text, ref=sys.argv[1]))
dt = time.perf_counter() - t0
for st in res.statements:
    st.check_offsets(text)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": dt, "peak_bytes": peak, "statements": len(res.statements),
                  "chars": len(text)}))
"""


def run_one(path: Path) -> dict:
    cmd = [sys.executable, "-c", _CHILD, str(path), str(ROOT / "src")]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5], help="sizes in MB")
    ap.add_argument("--kind", choices=["news", "transcript"], default="news")
    a = ap.parse_args()
    print("$ " + shlex.join([sys.executable, *sys.argv]), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in a.sizes:
        path = RESULTS / f"long-{a.kind}-{size:g}MB.txt"
        path.write_text(make_text(int(size * MB), a.kind), encoding="utf-8")
        r = run_one(path)
        rows.append((size, r))
        print(
            f"{a.kind} {size:g} MB ({r['chars']:,} chars): {r['seconds']:.1f} s, "
            f"peak RSS {r['peak_bytes'] / 2**20:,.0f} MiB, {r['statements']:,} statements",
            flush=True,
        )
    if len(rows) > 1:
        (s0, r0), (s1, r1) = rows[0], rows[-1]
        ratio = r1["seconds"] / r0["seconds"]
        print(
            f"time {s1:g} MB / {s0:g} MB: {ratio:.2f}x for {s1 / s0:g}x the text "
            f"(target <= {5.5 * (s1 / s0) / 5:.2f}x); peak at {s1:g} MB: "
            f"{r1['peak_bytes'] / 2**30:.2f} GiB (target <= 1.5 GB)"
        )


if __name__ == "__main__":
    main()
