"""The real reactions dispatch (../shared, skipped when absent): who is accused, met, judged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from saidwhat.model import Document

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "reactions-dispatch-2017-05.txt"

pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason=f"{SAMPLE} not present")


@pytest.fixture(scope="module")
def coded(coding_extractor):
    text = SAMPLE.read_text(encoding="utf-8")
    ex = coding_extractor.extract(Document(text=text, ref=str(SAMPLE)))
    for ev in ex.events:
        assert text[ev.start : ev.end] == ev.span
    return text, ex


def _by(ex, surname: str):
    return [
        e
        for e in ex.events
        if e.statement is not None and surname in (ex.statements[e.statement].speaker or "")
    ]


def _toward_us(ev) -> bool:
    return any(r.country == "United States" for r in ev.recipient)


def test_zakharova_accuses_the_us_media(coded):
    _, ex = coded
    assert any(e.event == "ACCUSE" and _toward_us(e) for e in _by(ex, "Zakharova"))


def test_peskov_judges_the_us_obsession_regrettable(coded):
    text, ex = coded
    hits = [e for e in _by(ex, "Peskov") if "obsession" in text[e.sentence_start : e.sentence_end]]
    assert any(e.event == "ACCUSE" and _toward_us(e) for e in hits)


def test_lavrov_on_the_visit_consults_the_us_side(coded):
    _, ex = coded
    consult = [e for e in _by(ex, "Lavrov") if e.event == "CONSULT" and e.realised]
    assert any(_toward_us(e) or any("Tillerson" in r.name for r in e.recipient) for e in consult)


def test_ushakov_on_expectations(coded):
    text, ex = coded
    mine = _by(ex, "Ushakov")
    # "we do not expect that all problems ... will be resolved": no realised resolution event
    expect = [e for e in mine if "not expect" in text[e.sentence_start : e.sentence_end]]
    assert expect, "the expectations statement has no event at all"
    assert not any(e.span.lower().startswith(("expect", "resolv")) and e.realised for e in expect)
    # he offers dialogue: cooperative events toward the United States
    assert any(e.event in ("CONSULT", "AGREE") and _toward_us(e) for e in mine)
