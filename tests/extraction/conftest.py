"""One spaCy model per test session: the Extractor fixture everything shares."""

from __future__ import annotations

import pytest

from saidwhat.extraction import Extractor, pipeline
from saidwhat.model import Document


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    ex = Extractor()
    ex.nlp  # load once, here  # noqa: B018
    return ex


@pytest.fixture(scope="session")
def extract(extractor):
    """extract(text, **document_fields) -> Extraction, with every offset checked."""

    def run(text: str, **fields):
        doc = Document(text=text, ref="<test>", **fields)
        result = extractor.extract(doc)
        for st in result.statements:
            st.check_offsets(text)
        return result

    return run


@pytest.fixture(scope="session")
def traced(extractor):
    """traced(text) -> [(kind, whole text, speaker, rule name)], every offset checked.

    The forms tables compare each statement with the rule that made it, so a row
    fails when another rule takes over its form.
    """
    rules = {}
    original = pipeline._statement

    def statement(text, cand, *args):
        st = original(text, cand, *args)
        rules[id(st)] = cand.rule
        return st

    def run(text):
        pipeline._statement = statement
        try:
            result = extractor.extract(pipeline.Document(text=text, ref="<form>"))
        finally:
            pipeline._statement = original
        for st in result.statements:
            st.check_offsets(text)
        return [
            (st.kind, st.whole_text(text), st.speaker, rules[id(st)]) for st in result.statements
        ]

    return run
