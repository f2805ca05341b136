#!/usr/bin/env python3
"""Measure the extraction engine: quote/speaker figures on PolNeAR dev and speed.

    .venv/bin/python bench/eval_quotes.py [--limit N] [--textacy] [--no-speed | --speed-only]

Runs the Extractor over the gold documents (as plain-text Documents), writes
predictions to bench/results/, scores them with the shared reference scorer
(all kinds, then ``--kinds direct mixed``, then ``--kinds indirect``), scores
``examples/gold.jsonl`` if it exists, and times ``nlp.pipe`` alone against the
full Extractor on the same texts (interleaved rounds, see :func:`speed`).
``--textacy`` adds textacy's ``direct_quotations`` (per paragraph) run from a
separate venv (.venv-bench) when textacy is importable there.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The shared data folder (../shared from the repository root), or SAIDWHAT_SHARED.
SHARED = Path(os.environ.get("SAIDWHAT_SHARED") or ROOT.parent / "shared")
GOLD = SHARED / "data/polnear/dev.jsonl"
SCORER = SHARED / "eval/score_quotes.py"
RESULTS = ROOT / "bench/results"
BENCH_VENV = ROOT / ".venv-bench/bin/python"

sys.path.insert(0, str(ROOT / "src"))

from saidwhat.extraction import Extractor  # noqa: E402
from saidwhat.model import Document  # noqa: E402


def load(path: Path, limit: int | None = None) -> list[dict]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
                if limit and len(docs) >= limit:
                    break
    return docs


def write_gold_subset(docs: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def write_predictions(path: Path, results, key=lambda doc: doc.ref) -> None:
    """One JSON line per document in the scorer's format: ``{"id", "quotes": [...]}``.

    Each quote is the statement's extract-contract object, exactly what
    ``saidwhat extract --format jsonl`` prints (``Statement.to_contract``), so
    the figures are those of the contract: ``fragments`` (every piece of an
    interrupted quote) count as the scorer reads them.
    """
    with path.open("w", encoding="utf-8") as f:
        for doc, ex in results:
            quotes = []
            for st in ex.statements:
                row = st.to_contract(key(doc), doc.text)
                for s, e in row["fragments"]:
                    assert doc.text[s:e], (key(doc), s, e)
                quotes.append(row)
            f.write(json.dumps({"id": key(doc), "quotes": quotes}, ensure_ascii=False) + "\n")


def predict(extractor: Extractor, docs: list[dict], path: Path) -> float:
    """Write predictions JSONL; return the seconds the Extractor took."""
    documents = [Document(text=d["text"], ref=d["id"], format="txt") for d in docs]
    t0 = time.perf_counter()
    results = list(extractor.extract_many(documents))
    elapsed = time.perf_counter() - t0
    write_predictions(path, results)
    return elapsed


def score(gold: Path, pred: Path, kinds: list[str] | None = None, label: str = "") -> dict:
    out_json = pred.with_suffix(f".{'-'.join(kinds) if kinds else 'all'}.score.json")
    cmd = [sys.executable, str(SCORER), str(gold), str(pred), "--json", str(out_json)]
    if kinds:
        cmd += ["--kinds", *kinds]
    print(f"\n== {label} ==\n$ {shlex.join(cmd)}", flush=True)
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    print(res.stdout.rstrip())
    return json.loads(out_json.read_text())


def summary(name: str, res: dict) -> str:
    o, e, le = res["overlap"], res["exact"], res["lenient"]
    return (
        f"{name:28} overlap F1 {o['f1']:.3f} (P {o['precision']:.3f} R {o['recall']:.3f})  "
        f"exact F1 {e['f1']:.3f}  lenient F1 {le['f1']:.3f}  speaker acc {o['speaker_acc']:.3f}"
    )


def textacy_preds(gold: Path, pred: Path, model_path: Path) -> bool:
    """Run textacy.extract.triples.direct_quotations per paragraph in .venv-bench."""
    if not BENCH_VENV.exists():
        print("\n(textacy: no .venv-bench; see bench/README.md)")
        return False
    script = r"""
import json, re, sys
import spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load(sys.argv[3])
out = open(sys.argv[2], "w")
for line in open(sys.argv[1]):
    d = json.loads(line); text = d["text"]; quotes = []
    for m in re.finditer(r"[^\n]+", text):
        para = nlp(m.group())
        try:
            found = list(direct_quotations(para))
        except ValueError:  # textacy bails out on a paragraph with unbalanced marks
            continue
        for q in found:
            s = m.start() + q.content[0].idx; e = m.start() + q.content[-1].idx + len(q.content[-1])
            quotes.append({"quote_start": s, "quote_end": e, "quote": text[s:e],
                           "speaker": " ".join(t.text for t in q.speaker)})
    out.write(json.dumps({"id": d["id"], "quotes": quotes}) + "\n")
"""
    res = subprocess.run(
        [str(BENCH_VENV), "-c", script, str(gold), str(pred), str(model_path)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        print("\n(textacy failed: " + res.stderr.strip().splitlines()[-1] + ")")
        return False
    return True


#: Documents per interleaved chunk of the timing (the batch size both sides use).
SPEED_CHUNK = 16


def _load_average() -> str:
    try:
        return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


def _spread(ratios: list[float]) -> str:
    """Median, quartiles and range of per-round ratios."""
    q = statistics.quantiles(ratios, n=4, method="inclusive") if len(ratios) > 1 else ratios * 3
    return (
        f"median {statistics.median(ratios):.3f} over {len(ratios)} rounds "
        f"(quartiles {q[0]:.3f}-{q[2]:.3f}, range {min(ratios):.3f}-{max(ratios):.3f}; "
        f"rounds {', '.join(f'{r:.2f}' for r in ratios)})"
    )


def speed(extractor: Extractor, docs: list[dict], runs: int = 5, *, warm: bool = True) -> dict:
    """Time the stock pipeline alone and the full Extractor on the same texts, interleaved.

    The stock side is a separately loaded, untouched copy of the model (the
    Extractor swaps some components for its own, see extraction/fast_components.py
    and fast_ner.py). Both sides use ``batch_size=SPEED_CHUNK`` in one process, one
    thread of Python, no workers. Each round walks the texts in chunks of
    ``SPEED_CHUNK`` documents and times each chunk on both sides back to back (the
    order alternating from chunk to chunk), so a change of load on a shared
    machine hits both sides alike. Wall-clock and CPU time of the process
    (``time.process_time``: user + system of every thread, not the time spent
    waiting for a core) are summed per side and round; the per-round ratios
    stock/ours are reported as median, quartiles and range.
    """
    import spacy

    texts = [d["text"] for d in docs]
    stock = spacy.load(extractor.model)
    for t in texts:  # the model's length limit, as the Extractor raises it
        stock.max_length = max(stock.max_length, len(t) + 1)
    documents = [Document(text=t, ref=str(i)) for i, t in enumerate(texts)]
    # warm-up passes (lemma and embedding caches, allocations), timed: with warm=True
    # both sides start cold, so these are first-pass figures for texts never seen
    cold = {}
    for side, work in (
        ("stock", lambda: stock.pipe(texts, batch_size=SPEED_CHUNK)),
        ("ours", lambda: extractor.extract_many(documents, batch_size=SPEED_CHUNK)),
    ):
        if side == "ours" and not warm:
            continue
        c0 = time.process_time()
        for _ in work():
            pass
        cold[side] = time.process_time() - c0
    chunks = [
        (texts[i : i + SPEED_CHUNK], documents[i : i + SPEED_CHUNK])
        for i in range(0, len(texts), SPEED_CHUNK)
    ]
    sides = {
        "stock": lambda ts, ds: stock.pipe(ts, batch_size=SPEED_CHUNK),
        "ours": lambda ts, ds: extractor.extract_many(ds, batch_size=SPEED_CHUNK),
    }
    load_before = _load_average()
    # per side: one (wall, cpu) total per round
    rounds: dict[str, list[tuple[float, float]]] = {"stock": [], "ours": []}
    flip = False
    for _ in range(runs):
        totals = {"stock": [0.0, 0.0], "ours": [0.0, 0.0]}
        for ts, ds in chunks:
            order = ("ours", "stock") if flip else ("stock", "ours")
            flip = not flip
            for side in order:
                w0, c0 = time.perf_counter(), time.process_time()
                for _ in sides[side](ts, ds):
                    pass
                totals[side][0] += time.perf_counter() - w0
                totals[side][1] += time.process_time() - c0
        for side in totals:
            rounds[side].append((totals[side][0], totals[side][1]))
    n = len(texts)
    wall = [s[0] / o[0] for s, o in zip(rounds["stock"], rounds["ours"], strict=True)]
    cpu = [s[1] / o[1] for s, o in zip(rounds["stock"], rounds["ours"], strict=True)]

    def rate(side: str, k: int) -> float:
        return n / statistics.median(r[k] for r in rounds[side])

    print(
        f"\n== speed ==\n$ {shlex.join([sys.executable, *sys.argv])}\n"
        f"{n} docs ({sum(map(len, texts))} chars), {runs} rounds, each interleaving the two "
        f"sides in chunks of {SPEED_CHUNK} docs (batch_size {SPEED_CHUNK} on both sides); "
        f"{load_before} before, {_load_average()} after; {os.cpu_count()} CPUs\n"
        f"  wall: nlp.pipe alone (stock {extractor.model}) {rate('stock', 0):.2f} docs/s, "
        f"full Extractor {rate('ours', 0):.2f} docs/s (medians of the rounds)\n"
        f"        ratio {_spread(wall)}\n"
        f"  CPU:  nlp.pipe alone {rate('stock', 1):.2f} docs/CPU-s "
        f"({1000 / rate('stock', 1):.0f} ms/doc), full Extractor "
        f"{rate('ours', 1):.2f} docs/CPU-s ({1000 / rate('ours', 1):.0f} ms/doc)\n"
        f"        ratio {_spread(cpu)}\n"
        + (
            f"  first pass, cold caches (one pass each, not interleaved): CPU ratio "
            f"{cold['stock'] / cold['ours']:.3f} ({1000 * cold['stock'] / n:.0f} vs "
            f"{1000 * cold['ours'] / n:.0f} ms/doc)\n"
            if "ours" in cold
            else ""
        )
        + "  (target: Extractor >= 1.15x the stock pipeline, issue 8; the CPU ratio is the one "
        "a shared machine disturbs least)"
    )
    return {"wall": wall, "cpu": cpu, "rounds": rounds, "cold": cold}


def demo_documents(gold: list[dict]) -> list[Document]:
    """The demo corpus read the way the CLI reads it (HTML, posts with their author...)."""
    from saidwhat.sources import iter_documents

    files = sorted({d["id"].split("#")[0] for d in gold})
    by_ref = {}
    for item in iter_documents([str(ROOT / "examples" / f) for f in files], detect=False):
        if isinstance(item, Document):
            key = item.ref.split("examples/", 1)[-1]
            by_ref[key] = item
    return [by_ref[d["id"]] for d in gold if d["id"] in by_ref]


def demo_score(extractor: Extractor, demo: Path) -> str:
    docs = demo_documents(load(demo))
    gold = {d["id"]: d for d in load(demo)}
    for doc in docs:
        g = gold[doc.ref.split("examples/", 1)[-1]]
        if not g.get("text"):  # gold written without offsets (HTML): locate each quote
            kept = []
            for q in g["quotes"]:
                at = doc.text.find(q["quote"])
                if at >= 0:
                    q["quote_start"], q["quote_end"] = at, at + len(q["quote"])
                    kept.append(q)
            g["quotes"] = kept
        g["text"] = doc.text
    dgold = RESULTS / "demo-gold.jsonl"
    write_gold_subset([d for d in gold.values() if d.get("text")], dgold)
    dpred = RESULTS / "demo.pred.jsonl"
    results = list(extractor.extract_many(docs))
    write_predictions(dpred, results, key=lambda doc: doc.ref.split("examples/", 1)[-1])
    return summary("demo gold (examples/)", score(dgold, dpred, None, "demo gold"))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--textacy", action="store_true", help="also score textacy direct_quotations")
    ap.add_argument("--no-speed", action="store_true", help="skip the parse-alone timing")
    ap.add_argument(
        "--speed-runs", type=int, default=5, help="timing rounds (median and spread reported)"
    )
    ap.add_argument(
        "--speed-only", action="store_true", help="only the timing (no scoring, no demo gold)"
    )
    a = ap.parse_args()
    print("$ " + shlex.join([sys.executable, *sys.argv]), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    docs = load(a.gold, a.limit)
    gold = a.gold
    if a.limit:
        gold = RESULTS / "gold-subset.jsonl"
        write_gold_subset(docs, gold)
    extractor = Extractor()
    extractor.nlp  # load before timing  # noqa: B018
    if a.speed_only:
        speed(extractor, docs, a.speed_runs)
        return
    pred = RESULTS / "polnear-dev.pred.jsonl"
    predict(extractor, docs, pred)
    lines = []
    res_all = score(gold, pred, None, "saidwhat, all kinds")
    res_dm = score(gold, pred, ["direct", "mixed"], "saidwhat, direct+mixed")
    res_ind = score(gold, pred, ["indirect"], "saidwhat, indirect")
    lines += [
        summary("saidwhat all kinds", res_all),
        summary("saidwhat direct+mixed", res_dm),
        summary("saidwhat indirect", res_ind),
    ]
    if a.textacy:
        tpred = RESULTS / "polnear-dev.textacy.jsonl"
        if textacy_preds(gold, tpred, extractor.nlp.path):
            lines.append(summary("textacy all kinds", score(gold, tpred, None, "textacy, all")))
            lines.append(
                summary(
                    "textacy direct+mixed", score(gold, tpred, ["direct", "mixed"], "textacy, d+m")
                )
            )
    demo = ROOT / "examples/gold.jsonl"
    if demo.exists():
        lines.append(demo_score(extractor, demo))
    print("\n== summary ==")
    print("\n".join(lines))
    if not a.no_speed:
        speed(extractor, docs, a.speed_runs, warm=False)  # the scoring run warmed it


if __name__ == "__main__":
    main()
