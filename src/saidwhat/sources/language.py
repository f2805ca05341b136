"""Which language a document is in (lingua, over a fixed set of common languages).

The detector is built once, on first use: lingua is slow to build, fast to run.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

#: Languages the extractor handles; others are stored but not extracted.
#: ('ru' and 'uk' are read by saidwhat.extraction.slavic.)
SUPPORTED_LANGUAGES = frozenset({"en", "ru", "uk"})

#: The languages told apart (ISO 639-1). Restricting the set makes lingua fast and sure.
CANDIDATE_LANGUAGES = (
    "en", "ru", "uk", "be", "de", "fr", "es", "it", "pt", "nl", "pl",
    "tr", "ar", "fa", "zh", "ja", "ko", "ka", "hy", "kk",
)  # fmt: skip

#: Only the start of a long document is looked at.
SAMPLE_CHARS = 3000
_MIN_LETTERS = 20

_detector = None
_lock = threading.Lock()


def _get_detector():
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

                langs = []
                for code in CANDIDATE_LANGUAGES:
                    try:
                        langs.append(
                            Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                        )
                    except (AttributeError, ValueError):
                        log.debug("lingua does not know %s", code)
                _detector = (
                    LanguageDetectorBuilder.from_languages(*langs)
                    .with_low_accuracy_mode()
                    .with_minimum_relative_distance(0.1)
                    .build()
                )
    return _detector


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or None if unsure or too short."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    lang = _get_detector().detect_language_of(sample)
    if lang is None:
        return None
    return _cyrillic_check(lang.iso_code_639_1.name.lower(), sample)


#: Letters only Ukrainian, only Russian and only Belarusian use.
_UK_ONLY = frozenset("іїєґІЇЄҐ")
_RU_ONLY = frozenset("ыэъЫЭЪ")
_BE_ONLY = frozenset("ўЎ")


def _cyrillic_check(code: str, sample: str) -> str:
    """Russian vs Ukrainian by their own letters, where the detector can hesitate (short texts)."""
    if code not in ("ru", "uk", "be") or any(c in _BE_ONLY for c in sample):
        return code
    uk = sum(c in _UK_ONLY for c in sample)
    ru = sum(c in _RU_ONLY for c in sample)
    if uk and not ru:
        return "uk"
    if ru and not uk:
        return "ru"
    return code


def is_supported(language: str | None) -> bool:
    """Unknown language counts as supported (short texts are often undetectable)."""
    return language is None or language in SUPPORTED_LANGUAGES
