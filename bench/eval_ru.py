#!/usr/bin/env python3
"""Measure Russian/Ukrainian extraction: adaq-ru dev, the ru/uk demo gold, a simple peer, speed.

    .venv/bin/python bench/eval_ru.py [--no-speed] [--runs N]

For each gold set (``../shared/data/adaq-ru/dev.jsonl`` when present, and
``examples/ru-uk-gold.jsonl`` split by language) it writes saidwhat's
predictions and those of a simple peer (quotation marks + ``заявил, что`` /
``по словам X`` with the nearest preceding name as speaker) to a temporary
folder, scores both with the shared reference scorer (``--speaker-stem``: all
kinds, then ``--kinds direct mixed``) and prints them side by side; then the
speed of :func:`saidwhat.extraction.slavic.extract` on the demo news texts.
The gold files are read where they are; nothing is copied into the project.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared from the repository root (a worktree one level deeper finds it one further up)
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared",
)
ADAQ = SHARED / "data/adaq-ru/dev.jsonl"
SCORER = SHARED / "eval/score_quotes.py"
DEMO = ROOT / "examples/corpus-ru-uk"
#: Length of a news article (words) for the speed figure.
NEWS_WORDS = 500

sys.path.insert(0, str(ROOT / "src"))

from saidwhat.extraction import Extractor  # noqa: E402
from saidwhat.extraction.slavic import extract  # noqa: E402
from saidwhat.extraction.slavic.morph import clear_caches  # noqa: E402
from saidwhat.model import Document  # noqa: E402


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_extractor = Extractor()  # routes ru/uk to extraction.slavic and posts to the post rule


def ours(d: dict) -> list[dict]:
    doc = Document(
        text=d["text"],
        ref=d["id"],
        language=d.get("lang"),
        format=d.get("format", "txt"),
        author=d.get("author"),
    )
    out = []
    for st in _extractor.extract(doc).statements:
        st.check_offsets(d["text"])
        out.append(
            {
                "quote_start": st.quote_start,
                "quote_end": st.quote_end,
                "fragments": st.fragments,
                "speaker": st.speaker,
                "speaker_mention": st.speaker_mention,
                "kind": st.kind,
            }
        )
    return out


_PEER_QUOTE = re.compile(r"[«„\"“]([^«»„“\"”\n]{3,}?)[»“\"”]")
_PEER_NAME = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+(?:\s+[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+)*")
_PEER_THAT = re.compile(
    r"\b(?:заявил|заявила|заявили|сказал|сказала|сказали|сообщил|сообщила|отметил|отметила|"
    r"заявив|сказав|повідомив|повідомила|зазначив|зазначила),\s+(?:что|що)\s+([^.!?\n]+)"
)
_PEER_ACC = re.compile(r"(?:[Пп]о словам|[Зз]а словами)\s+([^,]+),\s+([^.!?\n]+)")


def peer(d: dict) -> list[dict]:
    """The baseline the issue names: marks + 'заявил, что' / 'по словам' + nearest name."""
    text = d["text"]

    def nearest_name(pos: int) -> str | None:
        names = [m.group() for m in _PEER_NAME.finditer(text, 0, pos)]
        return names[-1] if names else None

    out = []
    for m in _PEER_QUOTE.finditer(text):
        out.append(
            {
                "quote_start": m.start(1),
                "quote_end": m.end(1),
                "speaker": nearest_name(m.start()),
                "kind": "direct",
            }
        )
    for m in _PEER_THAT.finditer(text):
        out.append(
            {
                "quote_start": m.start(1),
                "quote_end": m.end(1),
                "speaker": nearest_name(m.start()),
                "kind": "indirect",
            }
        )
    for m in _PEER_ACC.finditer(text):
        out.append(
            {
                "quote_start": m.start(2),
                "quote_end": m.end(2),
                "speaker": m.group(1),
                "kind": "indirect",
            }
        )
    return out


def write(path: Path, docs: list[dict], predict) -> None:
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d["id"], "quotes": predict(d)}, ensure_ascii=False) + "\n")


def score(gold: Path, pred: Path, kinds: list[str] | None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [sys.executable, str(SCORER), str(gold), str(pred), "--speaker-stem"]
        cmd += ["--json", out.name]
        if kinds:
            cmd += ["--kinds", *kinds]
        subprocess.run(cmd, capture_output=True, text=True, check=True)
        return json.loads(Path(out.name).read_text())


def evaluate(name: str, docs: list[dict], tmp: Path) -> None:
    gold = tmp / f"{name}-gold.jsonl"
    with gold.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    rows = []
    for system, fn in (("saidwhat", ours), ("peer", peer)):
        pred = tmp / f"{name}-{system}.jsonl"
        write(pred, docs, fn)
        a = score(gold, pred, None)["overlap"]
        dm = score(gold, pred, ["direct", "mixed"])["overlap"]
        rows.append((system, a, dm))
    n_gold = sum(len(d.get("quotes", [])) for d in docs)
    print(f"\n{name}: {len(docs)} documents, {n_gold} gold statements (overlap match)")
    print(
        f"  {'system':9} {'P':>6} {'R':>6} {'F1 all':>7} {'spkAcc':>7} | "
        f"{'F1 d+m':>7} {'spkAcc':>7}"
    )
    for system, a, dm in rows:
        print(
            f"  {system:9} {a['precision']:6.3f} {a['recall']:6.3f} {a['f1']:7.3f} "
            f"{a['speaker_acc']:7.3f} | {dm['f1']:7.3f} {dm['speaker_acc']:7.3f}"
        )
    by_kind = rows[0][1]["recall_by_kind"]
    print(
        "  saidwhat recall by kind: "
        + ", ".join(f"{k} {v['matched']}/{v['gold']}" for k, v in by_kind.items())
    )


def demo_gold() -> list[dict]:
    path = ROOT / "examples/ru-uk-gold.jsonl"
    if not path.exists():
        return []
    return load(path)


def speed(docs: list[dict], runs: int) -> None:
    """Docs/s on news-length texts: each demo news story repeated to about NEWS_WORDS words."""
    stories = [d for d in docs if d.get("format") == "txt" and d["id"].split("-")[1] == "01"]
    if not stories:
        print("\nspeed: no demo news stories")
        return
    texts = []
    for d in stories:
        reps = max(1, round(NEWS_WORDS / len(d["text"].split())))
        texts.append((d["lang"], "\n\n".join([d["text"]] * reps)))
    words = sum(len(t.split()) for _, t in texts) / len(texts)
    extract(Document(text=texts[0][1], ref="warm", language=texts[0][0]))  # load dictionaries
    rounds = 5
    best = None
    for _ in range(runs):
        t = time.perf_counter()
        for _ in range(rounds):
            for lang, text in texts:
                extract(Document(text=text, ref="speed", language=lang))
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    n = rounds * len(texts)
    cold_best = cold_cpu = None
    for _ in range(runs):  # empty caches before each pass: every word is analysed afresh
        clear_caches()
        t, c = time.perf_counter(), time.process_time()
        for lang, text in texts:
            extract(Document(text=text, ref="cold", language=lang))
        dt, dc = time.perf_counter() - t, time.process_time() - c
        cold_best = dt if cold_best is None else min(cold_best, dt)
        cold_cpu = dc if cold_cpu is None else min(cold_cpu, dc)
    cold = len(texts) / cold_best
    print(
        f"\nspeed: {n} news-length texts (ru and uk demo stories, {words:.0f} words each), "
        f"best of {runs}: {n / best:.1f} docs/s single process (word analyses cached); "
        f"with empty caches (best of {runs}): {cold:.1f} docs/s "
        f"({1000 * cold_cpu / len(texts):.0f} ms CPU per document)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    demo = demo_gold()
    with tempfile.TemporaryDirectory() as tmp:
        if ADAQ.exists() and SCORER.exists():
            evaluate("adaq-ru dev (ru)", load(ADAQ), Path(tmp))
        else:
            print(f"({ADAQ} not found: adaq-ru figures skipped)")
        if SCORER.exists():
            for lang in ("ru", "uk"):
                part = [d for d in demo if d.get("lang") == lang]
                if part:
                    evaluate(f"demo gold ({lang})", part, Path(tmp))
    if not a.no_speed:
        speed(demo, a.runs)


if __name__ == "__main__":
    main()
