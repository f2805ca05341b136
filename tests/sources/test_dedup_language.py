"""Near-duplicate signatures and language detection."""

from __future__ import annotations

from saidwhat.sources.dedup import signature, similarity
from saidwhat.sources.language import SUPPORTED_LANGUAGES, detect_language

STORY = (
    "The harbour council of Port Alder voted five to four on Wednesday to raise ferry fares by "
    "twelve percent from April, after a session that ran late into the evening. Council chair "
    "Tomas Verhoeven told reporters that the boats could not keep running on goodwill and last "
    "decade's prices. Opposition councillor Ines Halvorsen said the increase would hit island "
    "commuters hardest, because people who have no bridge have no choice. The ferry operator "
    "said it would publish a new timetable next week, and that winter sailings would not change."
)
SYNDICATED = "PORT ALDER (Wire) - " + STORY + " Reporting by Wire staff; editing by Desk."
OTHER = (
    "The city library will extend its opening hours on weekends from May, the culture department "
    "announced on Tuesday. The head librarian said the change followed a survey of two thousand "
    "readers, most of whom asked for Sunday afternoons. Staff unions said they had been consulted "
    "and supported the plan, provided that overtime is paid at the usual rate for all employees."
)


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
