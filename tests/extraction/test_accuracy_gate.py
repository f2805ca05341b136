"""The accuracy gate: the extractor on the demo gold must not fall below pinned floors.

The floors live in ``tests/accuracy_baseline.json``, set just under the figures
measured when they were pinned. Raising a floor is a commit; lowering one needs
a reason in the commit message. Print the current figures with
``.venv/bin/python -m pytest tests/extraction/test_accuracy_gate.py -s``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat.extraction.scoring import demo_gold, score

ROOT = Path(__file__).resolve().parents[2]
BASELINE = json.loads((ROOT / "tests/accuracy_baseline.json").read_text(encoding="utf-8"))
SCOPES = {"all": None, "direct_mixed": {"direct", "mixed"}}


@pytest.fixture(scope="module")
def figures(extractor) -> dict[str, dict]:
    gold, docs = demo_gold(ROOT / "examples/gold.jsonl", ROOT / "examples")
    assert len(docs) == len(gold) >= 10
    pred = {}
    for doc, ex in extractor.extract_many(docs):
        pred[doc.ref] = [st.to_contract(doc.ref, doc.text) for st in ex.statements]
    out = {name: score(gold, pred, kinds).as_dict() for name, kinds in SCOPES.items()}
    print("\naccuracy on examples/gold.jsonl:", json.dumps(out, indent=1))
    return out


@pytest.mark.parametrize(
    ("scope", "metric"),
    [(s, m) for s, floors in BASELINE["floors"].items() for m in floors],
)
def test_figure_is_at_or_above_its_floor(figures, scope, metric):
    floor = BASELINE["floors"][scope][metric]
    got = figures[scope][metric]
    assert got >= floor, f"{scope} {metric} fell to {got:.4f} (floor {floor})"


def test_the_floors_are_real():
    # A floor of 0 (or a missing metric) would be a gate that cannot fail.
    for scope, floors in BASELINE["floors"].items():
        assert scope in SCOPES
        assert set(floors) >= {"f1", "speaker_acc"}
        assert all(0.5 < v <= 1 for v in floors.values()), floors


def test_the_scorer_fails_a_bad_prediction():
    text = "“We stay,” Lind said. Then Berg said the ferry was late."
    gold = {
        "d": {
            "text": text,
            "quotes": [
                {"quote_start": 1, "quote_end": 9, "speaker": "Lind", "kind": "direct"},
                {"quote_start": 37, "quote_end": 55, "speaker": "Berg", "kind": "indirect"},
            ],
        }
    }
    right = score(gold, {"d": gold["d"]["quotes"]})
    assert (right.f1, right.speaker_acc, right.canonical_acc) == (1.0, 1.0, 1.0)
    wrong = [{"quote_start": 1, "quote_end": 9, "speaker": "Berg"}]
    bad = score(gold, {"d": wrong})
    assert bad.recall == 0.5 and bad.precision == 1.0 and bad.speaker_acc == 0.0
    dm = score(gold, {"d": wrong}, {"direct", "mixed"})
    assert dm.gold == 1 and dm.f1 == 1.0
