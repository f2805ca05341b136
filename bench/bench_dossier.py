"""How long a big dossier PDF takes and how much memory it needs.

    python bench/bench_dossier.py --statements 2226 -o /tmp/big.pdf

Builds invented statements (60 speakers, quotes of 1 to 12 sentences, now and
then a long one), renders them to PDF and prints seconds, peak memory (the
process's maximum resident set) and pages. Nothing is read from a store.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from saidwhat.reports.dossier import build_dossier, write_dossier
from saidwhat.search.query import Hit

WORDS = [
    "harbour",
    "council",
    "ferry",
    "crossing",
    "talks",
    "minister",
    "border",
    "trade",
    "agreement",
    "winter",
    "fleet",
    "channel",
    "dredging",
    "senator",
    "committee",
    "ministry",
    "treaty",
    "visit",
    "delegation",
    "spring",
]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def hits(n: int, seed: int = 7) -> list[Hit]:
    rng = random.Random(seed)
    people = [f"Speaker {chr(65 + i % 26)}{i:02d} Varga" for i in range(60)]
    out = []
    for i in range(n):
        sentences = rng.choice([1, 1, 2, 2, 3, 4, 6]) if rng.random() > 0.03 else 40
        quote = " ".join(sentence(rng) for _ in range(sentences))
        person = rng.choice(people) if rng.random() > 0.05 else None
        day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc = rng.randint(1, 300)
        out.append(
            Hit(
                id=i + 1, quote=quote, quote_start=0, quote_end=len(quote), kind="direct",
                speaker=person, speaker_mention=person, speaker_start=None, speaker_end=None,
                speaker_type=None, cue="said", role="Harbour official", organisation=None,
                country=None, date=day, source=None, source_missing=False, confidence=0.9,
                fragments=None, headline=None, person_id=None, person=person, doc_id=doc,
                doc=f"https://gazette.example/{doc}", title=f"Harbour story {doc}",
                outlet="Harbour Gazette", url=f"https://gazette.example/{doc}", published=day,
            )
        )  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=2226)
    ap.add_argument("-o", "--output", default="/tmp/bench-dossier.pdf")
    args = ap.parse_args()
    dossier = build_dossier(hits(args.statements), "Harbour talks: everything said")
    started = time.perf_counter()
    write_dossier(dossier, args.output)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from pypdf import PdfReader

    pages = len(PdfReader(args.output).pages)
    print(
        f"{args.statements} statements -> {pages} pages in {seconds:.1f} s, "
        f"peak memory {peak_mb:.0f} MB ({args.output})"
    )


if __name__ == "__main__":
    main()
