"""Score extracted statements against a gold annotation (the accuracy gate's scorer).

Statements are compared as sets of word tokens of the document (``\\w+``),
over every piece (``fragments``), so punctuation and quotation marks never
matter. Two statements *overlap-match* when the shared tokens are at least half
of each; matching is one-to-one, best token Jaccard first. This is the same
definition as the project's reference scorer (``../shared/eval/score_quotes.py``),
implemented here so ``make test`` can gate on it without the shared folder.

Speaker accuracy is measured on matched pairs whose gold speaker is known, two
ways: ``speaker_acc`` accepts the predicted canonical name *or* mention (a
surname matching a full name counts), ``canonical_acc`` requires the predicted
canonical ``speaker`` to equal the gold canonical name (case and spacing aside).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+")
#: Share of each side's tokens that must be shared for an overlap match.
OVERLAP_SHARE = 0.5


def _pieces(q: Mapping[str, Any]) -> list[tuple[int, int]]:
    frags = q.get("fragments")
    if frags:
        return [(int(s), int(e)) for s, e in frags]
    return [(int(q["quote_start"]), int(q["quote_end"]))]


class _Tokens:
    """Word tokens of one text, looked up by char range."""

    def __init__(self, text: str):
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def cover(self, pieces: Iterable[tuple[int, int]]) -> frozenset[int]:
        out: set[int] = set()
        for s, e in pieces:
            k = max(0, bisect.bisect_right(self.starts, s) - 1)
            while k < len(self.spans) and self.spans[k][0] < e:
                ts, te = self.spans[k]
                if min(te, e) - max(ts, s) >= (te - ts) / 2:
                    out.add(k)
                k += 1
        return frozenset(out)


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def speaker_matches(gold: str | None, pred: str | None) -> bool:
    """Equal, or the last word of one is a word of the other ("Hallen" ~ "Margit Hallen")."""
    g, p = _norm(gold), _norm(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    gw, pw = _WORD.findall(g), _WORD.findall(p)
    return bool(gw and pw) and (gw[-1] in pw or pw[-1] in gw)


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    speaker_pairs: int = 0
    speaker_ok: int = 0
    canonical_ok: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [matched, gold]

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_acc(self) -> float:
        return self.speaker_ok / self.speaker_pairs if self.speaker_pairs else 0.0

    @property
    def canonical_acc(self) -> float:
        return self.canonical_ok / self.speaker_pairs if self.speaker_pairs else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_acc": round(self.speaker_acc, 4),
            "canonical_acc": round(self.canonical_acc, 4),
            "gold": self.gold,
            "pred": self.pred,
            "matched": self.matched,
        }


def _pairs(gsets: list[frozenset], psets: list[frozenset]) -> list[tuple[int, int]]:
    cands = []
    for i, g in enumerate(gsets):
        for j, p in enumerate(psets):
            shared = len(g & p)
            if g and p and shared >= OVERLAP_SHARE * len(g) and shared >= OVERLAP_SHARE * len(p):
                cands.append((-shared / len(g | p), i, j))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def score(
    gold: Mapping[str, Mapping[str, Any]],
    pred: Mapping[str, list[Mapping[str, Any]]],
    kinds: set[str] | None = None,
) -> Score:
    """Overlap-match ``pred`` (doc id -> statements) against ``gold`` (doc id -> record).

    A gold record has ``text`` and ``quotes``. With ``kinds``, only gold
    statements of those kinds count, and a prediction lying mostly inside a
    gold statement of another kind is left out (neither right nor wrong).
    """
    res = Score()
    for did, rec in gold.items():
        toks = _Tokens(rec["text"])
        gq = list(rec["quotes"])
        pq = list(pred.get(did, []))
        gsets = [toks.cover(_pieces(q)) for q in gq]
        psets = [toks.cover(_pieces(q)) for q in pq]
        keep_g = [i for i, q in enumerate(gq) if kinds is None or q.get("kind") in kinds]
        keep_p = list(range(len(pq)))
        if kinds is not None:
            out_of_scope = [g for i, g in enumerate(gsets) if i not in set(keep_g)]
            keep_p = [
                j
                for j in keep_p
                if not any(
                    psets[j] and len(psets[j] & g) >= OVERLAP_SHARE * len(psets[j])
                    for g in out_of_scope
                )
            ]
        res.gold += len(keep_g)
        res.pred += len(keep_p)
        for i in keep_g:
            res.by_kind.setdefault(gq[i].get("kind", "?"), [0, 0])[1] += 1
        for ii, jj in _pairs([gsets[i] for i in keep_g], [psets[j] for j in keep_p]):
            g, p = gq[keep_g[ii]], pq[keep_p[jj]]
            res.matched += 1
            res.by_kind[g.get("kind", "?")][0] += 1
            if g.get("speaker") is None:
                continue
            res.speaker_pairs += 1
            res.speaker_ok += any(
                speaker_matches(g["speaker"], p.get(f)) for f in ("speaker", "speaker_mention")
            )
            res.canonical_ok += _norm(g["speaker"]) == _norm(p.get("speaker"))
    return res


def demo_gold(gold_path, examples_dir) -> tuple[dict[str, dict], list]:
    """The demo gold and its documents read the way the CLI reads them.

    Returns ``(gold by id, [Document])``. HTML gold is written without offsets
    (the reader decides the text); its statements are located by their words.
    """
    import json
    from pathlib import Path

    from saidwhat.model import Document
    from saidwhat.sources import iter_documents

    examples_dir = Path(examples_dir)
    gold = {}
    for line in Path(gold_path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold[rec["id"]] = rec
    files = sorted({gid.split("#")[0] for gid in gold})
    by_ref = {}
    for item in iter_documents([str(examples_dir / f) for f in files], detect=False):
        if isinstance(item, Document):
            by_ref[item.ref.split(f"{examples_dir.name}/", 1)[-1]] = item
    docs = []
    for gid, rec in gold.items():
        doc = by_ref.get(gid)
        if doc is None:
            continue
        if not rec.get("text"):
            kept = []
            for q in rec["quotes"]:
                at = doc.text.find(q["quote"])
                if at >= 0:
                    kept.append({**q, "quote_start": at, "quote_end": at + len(q["quote"])})
            rec["quotes"] = kept
        rec["text"] = doc.text
        doc.ref = gid
        docs.append(doc)
    return {d.ref: gold[d.ref] for d in docs}, docs
