"""Near-duplicate signatures and language detection."""

from __future__ import annotations

from dedup_texts import OTHER, STORY, SYNDICATED
from saidwhat.sources.dedup import signature, similarity
from saidwhat.sources.language import SUPPORTED_LANGUAGES, detect_language


def test_signature_shape_and_short_texts():
    sig = signature(STORY)
    assert isinstance(sig, bytes) and len(sig) == 128 * 8
    assert signature(STORY) == sig  # deterministic across calls
    assert signature("Thank you all!") is None  # too short to compare fairly


def test_near_duplicates_found_and_others_not():
    # The index itself (in the store) is tested in tests/scale/test_near_dupes.py.
    a, b, c = signature(STORY), signature(SYNDICATED), signature(OTHER)
    assert similarity(a, b) >= 0.85
    assert similarity(a, c) < 0.2


def test_detect_language():
    assert {"en", "ru", "uk"} == SUPPORTED_LANGUAGES
    assert detect_language(STORY) == "en"
    assert detect_language("Министр иностранных дел заявил, что переговоры продолжатся.") == "ru"
    assert (
        detect_language("Der Minister sagte, die Gespräche würden nächste Woche weitergehen.")
        == "de"
    )
    assert detect_language("12 34 !!") is None
    assert detect_language("") is None
