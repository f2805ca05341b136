"""The Russian/Ukrainian demo corpus against its gold: a pinned floor, not a target.

The gold (examples/ru-uk-gold.jsonl) was written beside the rules, so these
figures guard against regressions; held-out figures are in bench/README.md.
Matching is the reference scorer's overlap rule (each of prediction and gold
covers at least half of the other's word tokens), one-to-one; the speaker must
equal the gold's canonical name exactly (no stem matching).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from saidwhat.extraction import Extractor
from saidwhat.model import Document

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "examples" / "ru-uk-gold.jsonl"
WORD = re.compile(r"\w+")

#: Floors, per language: overlap F1 over all kinds and exact canonical speaker accuracy.
FLOORS = {"ru": (0.95, 0.95), "uk": (0.95, 0.95)}


def _tokens(text: str, spans) -> frozenset[int]:
    return frozenset(
        m.start() for m in WORD.finditer(text) for s, e in spans if m.start() >= s and m.end() <= e
    )


def _spans(q) -> list:
    return q.get("fragments") or [[q["quote_start"], q["quote_end"]]]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def _score(records: list[dict], lang: str) -> tuple[float, float, int]:
    ex = Extractor()  # ru/uk go to extraction.slavic, posts to the post rule: no spaCy load
    n_pred = n_gold = matched = speaker_ok = 0
    for rec in records:
        if rec["lang"] != lang:
            continue
        text = rec["text"]
        doc = Document(
            text=text, ref=rec["id"], language=lang, format=rec["format"], author=rec.get("author")
        )
        preds = ex.extract(doc).statements
        for st in preds:
            st.check_offsets(text)
        gold = rec["quotes"]
        n_pred += len(preds)
        n_gold += len(gold)
        used: set[int] = set()
        for g in gold:
            gt = _tokens(text, _spans(g))
            for j, st in enumerate(preds):
                if j in used:
                    continue
                pt = _tokens(text, st.fragments or [[st.quote_start, st.quote_end]])
                inter = len(gt & pt)
                if gt and pt and inter >= 0.5 * len(gt) and inter >= 0.5 * len(pt):
                    used.add(j)
                    matched += 1
                    speaker_ok += st.speaker == g["speaker"]
                    break
    p = matched / n_pred if n_pred else 0.0
    r = matched / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, (speaker_ok / matched if matched else 0.0), n_gold


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_demo_gold_floor(records, lang):
    f1, speaker, n_gold = _score(records, lang)
    assert n_gold >= 10
    floor_f1, floor_speaker = FLOORS[lang]
    assert f1 >= floor_f1, f"{lang}: overlap F1 {f1:.3f} < {floor_f1}"
    assert speaker >= floor_speaker, f"{lang}: speaker accuracy {speaker:.3f} < {floor_speaker}"


def test_gold_covers_every_form(records):
    kinds = {q["kind"] for rec in records for q in rec["quotes"]}
    assert kinds == {"direct", "indirect", "mixed", "block", "qa", "post"}
    for lang in ("ru", "uk"):
        lang_kinds = {q["kind"] for rec in records if rec["lang"] == lang for q in rec["quotes"]}
        assert lang_kinds == kinds, lang


def test_gold_is_fresh():
    res = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "ru-uk-make_gold.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
