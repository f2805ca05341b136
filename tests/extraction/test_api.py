"""The public API: lazy loading, extract_many order, edge cases."""

from __future__ import annotations

import subprocess
import sys

from saidwhat.extraction import Extractor, extract_text
from saidwhat.model import Document


def test_import_loads_no_model_and_not_even_spacy():
    code = "import sys, saidwhat.extraction; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_extractor_loads_lazily():
    ex = Extractor()
    assert ex._nlp is None


def test_empty_and_blank_documents(extractor):
    for text in ["", "   \n\n  ", "“”", "''", "\u201c"]:
        result = extractor.extract(Document(text=text, ref="x"))
        for st in result.statements:
            st.check_offsets(text)


def test_extract_many_keeps_order_and_handles_posts(extractor):
    docs = [
        Document(text="Alder said the deal was done.", ref="a"),
        Document(text="Great day in Velda.", ref="b", format="post", author="Anna Lind"),
        Document(text="", ref="c"),
        Document(text="“We will see,” Petrova said.", ref="d"),
    ]
    out = list(extractor.extract_many(docs, batch_size=2))
    assert [d.ref for d, _ in out] == ["a", "b", "c", "d"]
    assert out[1][1].statements[0].kind == "post"
    assert out[2][1].statements == []
    assert out[3][1].statements[0].speaker == "Petrova"


def test_extract_text_convenience():
    result = extract_text("Alder said the deal was done.", ref="t")
    assert result.statements[0].speaker == "Alder"
    assert [p.name for p in result.people] == ["Alder"]


def test_missing_model_is_a_saidwhat_error():
    import pytest

    from saidwhat.errors import SaidwhatError

    with pytest.raises(SaidwhatError, match="no_such_model"):
        Extractor(model="no_such_model").nlp  # noqa: B018
