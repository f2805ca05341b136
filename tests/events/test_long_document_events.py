"""A long document is parsed in sections; its events come from those same parses."""

from __future__ import annotations

from saidwhat.events.service import CodingExtractor
from saidwhat.extraction.settings import Sections, Settings
from saidwhat.model import Document

PARAGRAPHS = [
    "Foreign Minister Anna Berg of Arkhavia accused Vessia of blocking the grain corridor. "
    '"We will not accept another delay," Berg said on Monday.',
    "The talks in Tallstad continued into the evening. Delegations met behind closed doors.",
    "Vessian envoy Piotr Hallen praised the mediators for their patience. "
    '"Our door stays open," Hallen told reporters.',
]


#: How far an event's words may lie from its statement (a cue, a sentence around it).
NEAR = 300


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs)) + "\n"


def test_events_of_a_sectioned_document_match_a_whole_parse(coding_extractor):
    text = _long_text(60)  # about 12,000 characters
    doc = Document(text=text, ref="<long>", language="en")
    small = Settings(sections=Sections(threshold=2_000, target=1_500, slack=1_000, context=500))
    sectioned = CodingExtractor(nlp=coding_extractor.nlp, settings=small).extract(doc)
    whole = coding_extractor.extract(doc)
    assert len(text) > small.sections.threshold and len(text) < whole_threshold(coding_extractor)

    for ev in sectioned.events:
        ev.check_offsets(text)
        if ev.statement is not None:  # linked to the statement next to its evoking words
            st = sectioned.statements[ev.statement]
            assert st.quote_start - NEAR <= ev.start <= st.quote_end + NEAR
    got = {(ev.start, ev.end, ev.event) for ev in sectioned.events}
    want = {(ev.start, ev.end, ev.event) for ev in whole.events}
    assert want, "the whole parse codes events in this text"
    # Each section is parsed with the paragraphs before it, so nearly every event agrees,
    # and the last paragraphs (the last section) are coded too.
    assert len(got & want) >= 0.9 * len(want)
    assert max(s for s, _, _ in got) > len(text) - 400


def test_nothing_leaks_from_one_long_document_into_the_next(coding_extractor):
    small = Settings(sections=Sections(threshold=2_000, target=1_500, slack=1_000, context=500))
    ex = CodingExtractor(nlp=coding_extractor.nlp, settings=small)
    first = ex.extract(Document(text=_long_text(30), ref="<a>", language="en"))
    quiet = "The weather was mild and the harbour was calm that week. " * 60
    second = ex.extract(Document(text=quiet, ref="<b>", language="en"))
    assert first.events
    assert second.events == []


def whole_threshold(extractor) -> int:
    return extractor.settings.sections.threshold
