"""One spaCy model per test session: the Extractor fixture everything shares."""

from __future__ import annotations

import pytest

from saidwhat.extraction import Extractor
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
