#!/usr/bin/env python3
"""List the errors behind the quote figures, grouped by cause (for error analysis).

    .venv/bin/python bench/eval_quotes.py --no-speed      # writes the predictions
    .venv/bin/python bench/errors_quotes.py [--kinds direct mixed] [--show 5] [--only fp]

Reads the gold (``../shared/data/polnear/dev.jsonl`` or ``--gold``) and the
predictions ``bench/results/polnear-dev.pred.jsonl`` written by
``eval_quotes.py``, matches them exactly as the shared scorer does (overlap
mode, one-to-one; the scorer's own functions are imported from
``../shared/eval/score_quotes.py``, nothing is copied) and prints:

- false positives: predictions left unmatched, split into *boundary* (they
  share words with a gold quote but fail the 50%/50% test: too long or too
  short), *duplicate* (the gold quote they overlap was matched by another
  prediction) and *unannotated* (no gold quote shares their words), each by
  our kind and cue;
- false negatives: gold quotes left unmatched (*boundary* or *missed*);
- precision by our kind and confidence (``--only CONF`` for this table alone);
- wrong speakers: matched pairs whose speaker is wrong, by the rule of the
  scorer, grouped by the kind of mention we gave (pronoun, description, name,
  none).

Each group shows its count and a few examples in context. The printed
examples are for reading on this machine only: nothing from the shared data
goes into the project.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAIDWHAT_SHARED") or ROOT.parent / "shared")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "who", "you"}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "eval/score_quotes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _load(path: Path) -> dict:
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[d["id"]] = d
    return out


def _clip(text: str, s: int, e: int, width: int = 160) -> str:
    piece = text[s:e]
    if len(piece) > width:
        piece = piece[: width // 2] + " … " + piece[-width // 2 :]
    return piece.replace("\n", " ⏎ ")


def _mention_kind(p: dict) -> str:
    m = (p.get("speaker_mention") or "").strip()
    if not m:
        return "no mention"
    if m.lower() in PRONOUNS:
        return "pronoun"
    if not any(w[:1].isupper() for w in re.findall(r"\w+", m)):
        return "description"
    return "name"


def analyse(gold: dict, pred: dict, kinds: set[str] | None, sc) -> dict[str, list]:
    groups: dict[str, list] = defaultdict(list)
    for did, gd in gold.items():
        text = gd["text"]
        toks = sc.token_spans(text)
        gq = gd.get("quotes", [])
        pq = pred.get(did, {}).get("quotes", [])
        gsets = [sc.tokset(toks, sc.frags_of(q)) for q in gq]
        psets = [sc.tokset(toks, sc.frags_of(q)) for q in pq]
        keep_g = [i for i, q in enumerate(gq) if not kinds or q.get("kind") in kinds]
        drop_g = set(range(len(gq))) - set(keep_g)
        keep_p = []
        for j, p in enumerate(psets):
            best = max(((len(p & g), i) for i, g in enumerate(gsets) if g), default=(0, None))
            if p and best[1] in drop_g and best[0] >= 0.5 * len(p):
                continue
            keep_p.append(j)
        pairs = sc.match([gsets[i] for i in keep_g], [psets[j] for j in keep_p], "overlap")
        mg = {keep_g[i]: keep_p[r] for i, _, r in pairs}
        mp = {v: k for k, v in mg.items()}
        for j in keep_p:
            p = pq[j]
            groups["BY-CONFIDENCE"].append(
                (f"{p.get('kind')} {p.get('confidence')}", j in mp, None)
            )
            if j in mp:
                continue
            shared = [(len(psets[j] & gsets[i]), i) for i in keep_g if psets[j] & gsets[i]]
            s, e = p["quote_start"], p["quote_end"]
            if p.get("fragments"):
                s, e = p["fragments"][0][0], p["fragments"][-1][1]
            label = f"{p.get('kind')}/{p.get('cue')}"
            if shared:
                n, i = max(shared)
                cause = "duplicate" if i in mg else "boundary"
                if cause == "boundary":
                    pshare = n / max(1, len(psets[j]))
                    gshare = n / max(1, len(gsets[i]))
                    cause += " (too long)" if pshare < 0.5 else " (too short)"
                    if pshare < 0.5 and gshare < 0.5:
                        cause = "boundary (shifted)"
                g = gq[i]
                ex = (
                    f"[{label}] PRED: {_clip(text, s, e)}\n        GOLD({g.get('kind')}): "
                    f"{_clip(text, g['quote_start'], g['quote_end'])}"
                )
            else:
                cause = "unannotated"
                ex = f"[{label}] {_clip(text, max(0, s - 60), min(len(text), e + 60), 260)}"
            groups[f"FP {cause} {p.get('kind')}"].append((did, ex, p.get("cue")))
        for i in keep_g:
            if i in mg:
                g = gq[i]
                p = pq[mg[i]]
                if g.get("speaker") is None:
                    continue
                ok = any(
                    sc.speaker_ok(g["speaker"], p.get(f)) for f in ("speaker", "speaker_mention")
                )
                if not ok:
                    ex = (
                        f"gold {g['speaker']!r}  pred {p.get('speaker')!r} "
                        f"(mention {p.get('speaker_mention')!r}, cue {p.get('cue')!r})  "
                        f"{_clip(text, g['quote_start'], g['quote_end'], 100)}"
                    )
                    groups[f"SPEAKER {_mention_kind(p)}"].append((did, ex, p.get("cue")))
                continue
            g = gq[i]
            near = [j for j in keep_p if psets[j] & gsets[i]]
            cause = "boundary" if near else "missed"
            ex = (
                f"[{g.get('kind')} cue {g.get('cue')!r} spk {g.get('speaker')!r}] "
                f"{_clip(text, max(0, g['quote_start'] - 80), min(len(text), g['quote_end'] + 80), 300)}"
            )
            for j in near:
                # what we gave instead, so a boundary miss shows its two extents
                p = pq[j]
                fr = p.get("fragments") or [[p["quote_start"], p["quote_end"]]]
                ex += f"\n        PRED({p.get('kind')}/{p.get('cue')}): " + " | ".join(
                    _clip(text, a, b) for a, b in fr
                )
            groups[f"FN {cause} {g.get('kind')}"].append((did, ex, g.get("cue")))
    return groups


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(SHARED / "data/polnear/dev.jsonl"))
    ap.add_argument("--pred", default=str(ROOT / "bench/results/polnear-dev.pred.jsonl"))
    ap.add_argument("--kinds", nargs="*", default=["direct", "mixed"])
    ap.add_argument("--show", type=int, default=5, help="examples per group")
    ap.add_argument("--only", default=None, help="only groups starting with this (FP, FN, SPEAKER)")
    a = ap.parse_args()
    sc = _scorer()
    gold, pred = _load(Path(a.gold)), _load(Path(a.pred))
    groups = analyse(gold, pred, set(a.kinds) if a.kinds else None, sc)
    table: dict[str, Counter] = defaultdict(Counter)
    for key, matched, _ in groups.pop("BY-CONFIDENCE", []):
        table[key][matched] += 1
    if not a.only or a.only == "CONF":
        print("## predictions in scope by kind and confidence: matched / unmatched")
        for key in sorted(table, key=lambda k: (k.split()[0], float(k.split()[1]))):
            print(f"  {key:18} {table[key][True]:4d} / {table[key][False]:4d}")
    for name in sorted(groups, key=lambda k: (k.split()[0], -len(groups[k]))):
        if a.only and not name.startswith(a.only):
            continue
        items = groups[name]
        cues = Counter((c or "-").lower() for _, _, c in items).most_common(8)
        print(f"\n## {name}: {len(items)}   cues: {', '.join(f'{c} {n}' for c, n in cues)}")
        for did, ex, _ in items[: a.show]:
            print(f"  - {did[:40]}: {ex}")


if __name__ == "__main__":
    main()
