#!/usr/bin/env python3
"""Measure the extraction engine: quote/speaker figures on PolNeAR dev and speed.

    .venv/bin/python bench/eval_quotes.py [--limit N] [--textacy] [--no-speed]

Runs the Extractor over the gold documents (as plain-text Documents), writes
predictions to bench/results/, scores them with the shared reference scorer
(all kinds, then ``--kinds direct mixed``, then ``--kinds indirect``), scores
``examples/gold.jsonl`` if it exists, and times ``nlp.pipe`` alone against the
full Extractor on the same texts. ``--textacy`` adds textacy's
``direct_quotations`` (per paragraph) run from a separate venv (.venv-bench)
when textacy is importable there.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
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


def speed(extractor: Extractor, docs: list[dict], runs: int = 2) -> None:
    """Time the stock pipeline alone and the full Extractor on the same texts, alternating.

    The stock side is a separately loaded, untouched copy of the model (the
    Extractor swaps some components for its own, see extraction/fast_components.py),
    warmed on the same texts as the Extractor was by the scoring run. Both sides
    use ``batch_size=16``. Each side keeps its best run; wall-clock and CPU
    (``time.process_time``, not disturbed by other processes) are both printed,
    with the per-run ratios so the spread is visible.
    """
    import spacy

    texts = [d["text"] for d in docs]
    stock = spacy.load(extractor.model)
    for t in texts:  # the model's length limit, as the Extractor raises it
        stock.max_length = max(stock.max_length, len(t) + 1)
    for _ in stock.pipe(texts, batch_size=16):  # warm-up (lemma cache, allocations)
        pass
    documents = [Document(text=t, ref=str(i)) for i, t in enumerate(texts)]
    walls: dict[str, list[float]] = {"stock": [], "ours": []}
    cpus: dict[str, list[float]] = {"stock": [], "ours": []}

    def timed(side: str, work) -> None:
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in work():
            pass
        walls[side].append(time.perf_counter() - w0)
        cpus[side].append(time.process_time() - c0)

    for _ in range(runs):
        timed("stock", lambda: stock.pipe(texts, batch_size=16))
        timed("ours", lambda: extractor.extract_many(documents, batch_size=16))
    n = len(texts)

    def ratios(times: dict[str, list[float]]) -> str:
        each = [s / o for s, o in zip(times["stock"], times["ours"], strict=True)]
        best = min(times["stock"]) / min(times["ours"])
        return f"{best:.3f} (per run {', '.join(f'{r:.3f}' for r in each)})"

    print(
        f"\nspeed on {n} docs ({sum(map(len, texts))} chars), {runs} alternating runs, best kept:\n"
        f"  wall: nlp.pipe alone (stock {extractor.model}) {n / min(walls['stock']):.2f} docs/s, "
        f"full Extractor {n / min(walls['ours']):.2f} docs/s, ratio {ratios(walls)}\n"
        f"  CPU:  nlp.pipe alone {n / min(cpus['stock']):.2f} docs/CPU-s "
        f"({1000 * min(cpus['stock']) / n:.0f} ms/doc), full Extractor "
        f"{n / min(cpus['ours']):.2f} docs/CPU-s ({1000 * min(cpus['ours']) / n:.0f} ms/doc), "
        f"ratio {ratios(cpus)}\n"
        f"  (target: Extractor >= 1.15x the stock pipeline)"
    )


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
    ap.add_argument("--speed-runs", type=int, default=2, help="timing runs per side (best kept)")
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
        speed(extractor, docs, a.speed_runs)


if __name__ == "__main__":
    main()
