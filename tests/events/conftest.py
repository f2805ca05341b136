"""One CodingExtractor (one spaCy model) for the event tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def coding_extractor():
    from saidwhat.events.service import CodingExtractor

    return CodingExtractor()


@pytest.fixture(scope="session")
def code(coding_extractor):
    """``code(text)`` -> the events of an invented text, offsets checked."""
    from saidwhat.model import Document

    def run(text: str):
        ex = coding_extractor.extract(Document(text=text, ref="<test>"))
        for ev in ex.events:
            assert text[ev.start : ev.end] == ev.span
            ev.check_offsets(text)
        return ex.events

    return run
