#!/usr/bin/env python3
"""Error analysis of indirect statements: what is missed, what is spurious, and why.

    .venv/bin/python bench/indirect_errors.py [--pred bench/results/polnear-dev.pred.jsonl]
        [--examples N] [--kind indirect]

Reads the gold (``../shared/data/polnear/dev.jsonl`` or ``SAIDWHAT_SHARED``) and the
predictions that ``bench/eval_quotes.py`` wrote, matches them the way the shared
scorer's ``overlap`` mode does (one-to-one, each side covering at least half of the
other's word tokens, over all kinds so a prediction matched to a direct quote is
not spurious), and prints:

- missed gold statements of ``--kind`` grouped by construction (that-clause,
  zero-that, ``according to``, trailing ``..., X said``, noun cue, infinitive,
  prepositional cue, colon, no cue) and by cue word;
- for each missed one, whether a prediction overlaps it at all and, if so, how
  its span differs (too long, too short, shifted): a boundary error rather than a
  missing form;
- spurious predictions (no gold match) grouped by our cue word and kind.

With ``--by-rule`` it instead runs the Extractor itself on the gold documents
(about a minute), keeping the rule that found each statement, and prints right
and wrong predictions per rule and per rule and cue lemma (matched over all gold
kinds, as above): where precision is lost, and what a new or demoted cue is worth.

With ``--classes`` it parses the gold documents (about half a minute) and sorts the
missed statements of ``--kind`` into (a) an extent error (an unmatched prediction
overlaps it), (a2) nested (the prediction that overlaps it is matched to another gold
statement), (b) a known cue word in a construction no rule reads, and (c) a cue word
not in the lexicon or no cue; for (b) and (c) it counts cue lemmas and how the
statement hangs on its cue (``dobj<-cue``, ``pobj<-prep<-cue``, ...). Counts only.

Nothing is written; the texts are only printed to the terminal (they are
copyrighted and must not be copied into the project).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAIDWHAT_SHARED") or ROOT.parent / "shared")


def _scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "eval/score_quotes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def construction(text: str, q: dict) -> str:
    """A coarse name for how the gold statement is attributed (from its cue and context)."""
    cue = (q.get("cue") or "").lower().strip()
    s, e = q["quote_start"], q["quote_end"]
    cs = q.get("cue_start")
    content = text[s:e]
    if not cue:
        return "no cue"
    if cue.startswith("according"):
        return "according to"
    if cue in (":", "―", "—", "-"):
        return "punctuation cue"
    if cs is not None and cs >= e:
        return "cue after content (..., X said)"
    low = content.lower()
    if low.startswith("that "):
        return "that-clause"
    if re.match(r"(?:to|not to)\b", low):
        return "infinitive (X urged/plans to ...)"
    if re.match(r"(?:whether|if|why|how|what|when|where|who)\b", low):
        return "question (asked whether ...)"
    if cs is not None and cs < s:
        between = text[cs:s]
        if re.search(r"\b(?:for|of|about|on|against|at|with|to)\s*$", between, re.I):
            return "prepositional cue (called for ...)"
        words = re.findall(r"\w+", between)
        if len(words) > 2:
            return "cue before, gap (object/other words)"
        if re.search(r"[,:]\s*$", between):
            return "cue before, comma/colon"
        if cue.split()[-1] in _NOUNISH:
            return "noun cue"
        return "zero-that clause / object"
    return "cue inside content"


_NOUNISH = {
    "claim",
    "statement",
    "report",
    "argument",
    "view",
    "belief",
    "remarks",
    "comments",
    "warning",
    "assertion",
    "promise",
    "message",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--gold", type=Path, default=SHARED / "data/polnear/dev.jsonl")
    ap.add_argument("--pred", type=Path, default=ROOT / "bench/results/polnear-dev.pred.jsonl")
    ap.add_argument("--kind", default="indirect")
    ap.add_argument("--examples", type=int, default=3, help="examples printed per group")
    ap.add_argument("--width", type=int, default=160)
    ap.add_argument("--cue", default=None, help="only missed statements whose gold cue matches")
    ap.add_argument("--by-rule", action="store_true", help="right/wrong per rule and cue lemma")
    ap.add_argument("--classes", action="store_true", help="count missed ones by class")
    a = ap.parse_args()
    sc = _scorer()
    if a.by_rule:
        by_rule(sc, a.gold)
        return
    if a.classes:
        classes(sc, a.gold, a.pred, a.kind)
        return
    gold, pred = sc.load(a.gold), sc.load(a.pred)
    missed = defaultdict(list)
    missed_cue = Counter()
    boundary = Counter()
    spurious = defaultdict(list)
    n_kind = n_hit = 0
    for did, gd in gold.items():
        text = gd["text"]
        toks = sc.token_spans(text)
        gq = gd["quotes"]
        pq = pred.get(did, {}).get("quotes", [])
        gs = [sc.tokset(toks, sc.frags_of(q)) for q in gq]
        ps = [sc.tokset(toks, sc.frags_of(q)) for q in pq]
        pairs = sc.match(gs, ps, "overlap")
        mg = {i for i, _, _ in pairs}
        mp = {j for _, js, _ in pairs for j in js}
        for i, q in enumerate(gq):
            if q.get("kind") != a.kind:
                continue
            n_kind += 1
            if i in mg:
                n_hit += 1
                continue
            if a.cue and not re.search(a.cue, q.get("cue") or "", re.I):
                continue
            cons = construction(text, q)
            best = max(((len(gs[i] & p), j) for j, p in enumerate(ps) if j not in mp), default=None)
            why = "nothing overlaps"
            if best and best[0]:
                p = ps[best[1]]
                share_g, share_p = best[0] / len(gs[i]), best[0] / len(p)
                why = (
                    "prediction too long"
                    if share_g >= 0.5
                    else "prediction too short"
                    if share_p >= 0.5
                    else "shifted"
                )
            boundary[why] += 1
            missed[cons].append((why, did, q, text))
            missed_cue[(q.get("cue") or "").lower()] += 1
        for j, p in enumerate(pq):
            if j in mp:
                continue
            key = f"{p.get('kind')}: {(p.get('cue') or '').lower()}"
            spurious[key].append((did, p, text))
    w = a.width
    print(f"gold {a.kind}: {n_kind}, matched (overlap) {n_hit} = {n_hit / max(n_kind, 1):.3f}")
    print("\n== missed, by construction ==")
    for cons, items in sorted(missed.items(), key=lambda x: -len(x[1])):
        why = Counter(x[0] for x in items)
        print(
            f"\n{len(items):4d}  {cons}   ({', '.join(f'{k} {v}' for k, v in why.most_common())})"
        )
        for why_one, _did, q, text in items[: a.examples]:
            cs = q.get("cue_start") or q["quote_start"]
            lo = max(0, min(cs, q["quote_start"]) - 60)
            hi = max(q["quote_end"], q.get("cue_end") or 0) + 20
            snippet = text[lo:hi].replace("\n", " ")
            print(f"      [{q.get('cue')!r} / {q.get('speaker')!r}; {why_one}] …{snippet[:w]}…")
            print(f"        gold: {text[q['quote_start'] : q['quote_end']][:w]!r}")
    print("\n== missed, why ==")
    for k, v in boundary.most_common():
        print(f"{v:5d}  {k}")
    print("\n== missed, by cue (top 40) ==")
    print(", ".join(f"{k!r} {v}" for k, v in missed_cue.most_common(40)))
    print("\n== spurious (no gold match), by our kind and cue ==")
    total = sum(len(v) for v in spurious.values())
    print(f"total {total}")
    for key, items in sorted(spurious.items(), key=lambda x: -len(x[1]))[:40]:
        print(f"\n{len(items):4d}  {key}")
        for _, p, _text in items[: a.examples]:
            print(f"      [{p.get('speaker_mention')!r}] {p['text'][:w]!r}")


def traced_predictions(gold: dict) -> dict:
    """Run the Extractor on the gold texts: ``{id: [(contract row, rule, cue lemma)]}``."""
    import sys

    sys.path.insert(0, str(ROOT / "src"))
    from saidwhat.extraction import Extractor, pipeline
    from saidwhat.model import Document

    rules: dict[int, tuple[str, str]] = {}
    original = pipeline._statement

    def statement(text, cand, *args):
        st = original(text, cand, *args)
        rules[id(st)] = (cand.rule, (cand.cue or "").split()[-1:] or [""])
        return st

    pipeline._statement = statement
    try:
        docs = [Document(text=d["text"], ref=did, format="txt") for did, d in gold.items()]
        out = {}
        for doc, ex in Extractor().extract_many(docs):
            out[doc.ref] = [
                (st.to_contract(doc.ref, doc.text), *rules.get(id(st), ("?", [""])))
                for st in ex.statements
            ]
    finally:
        pipeline._statement = original
    return out


def by_rule(sc, gold_path: Path) -> None:
    """Right and wrong predictions per rule and per (rule, cue word)."""
    gold = sc.load(gold_path)
    preds = traced_predictions(gold)
    right, wrong = Counter(), Counter()
    for did, gd in gold.items():
        toks = sc.token_spans(gd["text"])
        rows = preds.get(did, [])
        gs = [sc.tokset(toks, sc.frags_of(q)) for q in gd["quotes"]]
        ps = [sc.tokset(toks, sc.frags_of(r[0])) for r in rows]
        matched = {j for _, js, _ in sc.match(gs, ps, "overlap") for j in js}
        for j, (row, rule, cue) in enumerate(rows):
            for key in ((row["kind"], rule, ""), (row["kind"], rule, cue[0].lower())):
                (right if j in matched else wrong)[key] += 1
    keys = sorted(set(right) | set(wrong), key=lambda k: -(right[k] + wrong[k]))
    print(f"{'kind':9} {'rule':22} {'cue':14} {'right':>6} {'wrong':>6}  precision")
    for key in keys:
        if key[2] and wrong[key] < 2:
            continue  # per cue word: only where at least two went wrong
        n = right[key] + wrong[key]
        print(
            f"{key[0]:9} {key[1]:22} {key[2]:14} {right[key]:6d} {wrong[key]:6d}  {right[key] / n:.2f}"
        )


def _cue_token(doc, q):
    """The content word of a gold statement's cue (its first verb, noun or adjective)."""
    if q.get("cue_start") is None:
        return None
    span = doc.char_span(q["cue_start"], q["cue_end"], alignment_mode="expand")
    if span is None or not len(span):
        return None
    words = [t for t in span if t.pos_ in ("VERB", "NOUN", "ADJ")]
    return words[0] if words else span[-1]


def _relation(doc, q, cue) -> str:
    """How the statement's root hangs on the cue: ``dobj<-cue``, ``pobj<-prep<-cue``."""
    span = doc.char_span(q["quote_start"], q["quote_end"], alignment_mode="expand")
    if cue is None or span is None or not len(span):
        return "no cue"
    inside = set(range(span.start, span.end))
    root = next((t for t in span if t.head.i not in inside or t.head.i == t.i), None)
    if root is None:
        return "other"
    if root.head.i == cue.i:
        return f"{root.dep_}<-cue"
    if root.head.head.i == cue.i:
        return f"{root.dep_}<-{root.head.dep_}<-cue"
    return "other"


def classes(sc, gold_path: Path, pred_path: Path, kind: str) -> None:
    """Missed statements of ``kind`` by class: extent, nested, known cue, unknown cue."""
    import sys

    sys.path.insert(0, str(ROOT / "src"))
    from saidwhat.extraction import Extractor
    from saidwhat.extraction.lexicon import ALL_CUE_LEMMAS, OPINION_ADJECTIVES, STANCE_ADJECTIVES

    known = ALL_CUE_LEMMAS | STANCE_ADJECTIVES | frozenset(OPINION_ADJECTIVES)
    gold, pred = sc.load(gold_path), sc.load(pred_path)
    ids = list(gold)
    parsed = dict(zip(ids, Extractor().nlp.pipe(gold[i]["text"] for i in ids), strict=True))
    counts: Counter = Counter()
    detail: dict[str, Counter] = defaultdict(Counter)
    for did in ids:
        text, doc = gold[did]["text"], parsed[did]
        toks = sc.token_spans(text)
        gq, pq = gold[did]["quotes"], pred.get(did, {}).get("quotes", [])
        gs = [sc.tokset(toks, sc.frags_of(q)) for q in gq]
        ps = [sc.tokset(toks, sc.frags_of(q)) for q in pq]
        pairs = sc.match(gs, ps, "overlap")
        mg = {i for i, _, _ in pairs}
        mp = {j for _, js, _ in pairs for j in js}
        for i, q in enumerate(gq):
            if q.get("kind") != kind or i in mg:
                continue
            overlapping = [j for j, p in enumerate(ps) if gs[i] & p]
            cue = _cue_token(doc, q)
            lemma = cue.lemma_.lower() if cue is not None else "-"
            if any(j not in mp for j in overlapping):
                cls = "(a) extent: an unmatched prediction overlaps it"
            elif overlapping:
                cls = "(a2) nested: its overlapping prediction matched another"
            elif cue is not None and lemma in known:
                cls = "(b) known cue, construction not read"
            else:
                cls = "(c) cue not in the lexicon, or no cue"
            counts[cls] += 1
            if cls.startswith(("(b)", "(c)")):
                detail[cls][(lemma, _relation(doc, q, cue))] += 1
    print(f"missed {kind}: {sum(counts.values())}")
    for cls, n in counts.most_common():
        print(f"\n{n:5d}  {cls}")
        for (lemma, rel), m in detail[cls].most_common(25):
            print(f"        {m:4d}  {lemma:14} {rel}")


if __name__ == "__main__":
    main()
