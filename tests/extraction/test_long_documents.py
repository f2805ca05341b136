"""Long documents: sections, names carried across them, per-document limits."""

from __future__ import annotations

import itertools

import pytest

from saidwhat.errors import ExtractionLimitError
from saidwhat.extraction import Extractor
from saidwhat.extraction.quotes import find_quotes
from saidwhat.extraction.sections import plan_sections
from saidwhat.extraction.settings import Limits, Sections, Settings
from saidwhat.model import Document

SMALL = Sections(threshold=1_500, target=800, slack=800, context=300)


def _long_text(rounds: int = 12) -> str:
    paras = ["Harbour talks resume", "NORRHAMN, March 3"]
    paras.append("Harbour Minister Anna Berg opened the session on Monday.")
    for i in range(rounds):
        paras += [
            f"“We will not accept proposal {i},” Berg said. The talks continued.",
            f"“The ferries run,” she added, “and the levy stays at {i} per cent.”",
            f"Mayor Tomas Wendt said that the council would vote on item {i} next week.",
            "“It is a long quotation that runs over two paragraphs, as quotations do.",
            f"“And it ends here, in the second one, with the number {i},” Wendt said.",
        ]
    return "\n\n".join(paras) + "\n"


def test_sections_cover_the_text_and_never_cut_a_quote():
    text = _long_text()
    secs = plan_sections(text, SMALL)
    assert len(secs) > 3
    assert secs[0].start == 0 and secs[-1].end == len(text)
    quotes = find_quotes(text)
    for a, b in itertools.pairwise(secs):
        assert a.end == b.start
        assert b.context <= b.start and b.start - b.context <= SMALL.context
        assert not any(q.start < b.start < q.end for q in quotes), b


def test_an_endless_paragraph_is_still_cut(extractor):
    text = " ".join(f"Sentence number {i} is here." for i in range(400))
    secs = plan_sections(text, SMALL)
    assert len(secs) > 3
    assert all(s.end - s.start <= SMALL.target + SMALL.slack for s in secs)


@pytest.fixture(scope="module")
def sectioned(extractor):
    return Extractor(nlp=extractor.nlp, settings=Settings(sections=SMALL))


def test_sectioned_extraction_matches_the_whole_document(extractor, sectioned):
    text = _long_text()
    doc = Document(text=text, ref="long.txt", published="2026-03-03")
    whole = Extractor(nlp=extractor.nlp, settings=Settings(sections=Sections(threshold=10**9)))
    a = whole.extract(doc).statements
    b = sectioned.extract(doc).statements
    for st in b:
        st.check_offsets(text)
        for s, e in st.pieces:
            assert text[s:e]
    key = lambda st: (st.quote_start, st.quote_end, st.kind, st.speaker)  # noqa: E731
    same = {key(st) for st in a} & {key(st) for st in b}
    assert len(same) >= 0.95 * max(len(a), len(b)), (len(a), len(b), len(same))
    # the pronoun and the surname at the top of a section still find Anna Berg
    berg = [st for st in b if st.quote.startswith("We will not accept proposal")]
    assert len(berg) == 12 and {st.speaker for st in berg} == {"Anna Berg"}
    ferries = [st for st in b if st.quote.startswith("The ferries run")]
    assert len(ferries) == 12 and {st.speaker for st in ferries} == {"Anna Berg"}
    assert all(len(st.pieces) == 2 for st in ferries)


def test_progress_is_reported_per_section(extractor):
    seen = []
    ex = Extractor(
        nlp=extractor.nlp,
        settings=Settings(sections=SMALL),
        on_progress=lambda doc, done, total: seen.append((doc.ref, done, total)),
    )
    text = _long_text(10)
    ex.extract(Document(text=text, ref="p.txt"))
    assert len(seen) > 2
    assert [d for _, d, _ in seen] == sorted(d for _, d, _ in seen)
    assert seen[-1] == ("p.txt", len(text), len(text))


def test_a_document_over_the_size_limit_is_an_error_naming_it(extractor):
    ex = Extractor(nlp=extractor.nlp, settings=Settings(limits=Limits(max_bytes=200)))
    big = Document(text=_long_text(2), ref="big.txt")
    with pytest.raises(ExtractionLimitError, match=r"big\.txt: .*over the limit of 200"):
        ex.extract(big)
    small = Document(text="“We stay,” Berg said.", ref="small.txt")
    out = list(ex.extract_many([big, small], errors="yield"))
    assert isinstance(out[0][1], ExtractionLimitError)
    assert out[1][1].statements[0].speaker == "Berg"


def test_a_document_over_the_time_limit_is_an_error_naming_it(extractor):
    limits = Limits(max_seconds=1e-9)
    ex = Extractor(nlp=extractor.nlp, settings=Settings(limits=limits, sections=SMALL))
    with pytest.raises(ExtractionLimitError, match=r"slow\.txt: extraction stopped after"):
        ex.extract(Document(text=_long_text(), ref="slow.txt"))


def test_cli_max_bytes_and_environment(run, tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text(_long_text(2), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("“We stay,” Mayor Tomas Wendt said.\n", encoding="utf-8")
    res = run("extract", "--max-bytes", "300", big, small, "--format", "jsonl")
    assert res.exit_code == 1
    assert f"saidwhat: error: {big}: the text is" in res.stderr
    assert "--max-bytes" in res.stderr and "Traceback" not in res.output
    assert "Tomas Wendt" in res.stdout  # the next file is still processed
    monkeypatch.setenv("SAIDWHAT_MAX_BYTES", "300")
    res = run("ingest", big, small)
    assert res.exit_code == 1 and f"{big}: the text is" in res.stderr
    assert "1 stored" in res.stdout
    monkeypatch.setenv("SAIDWHAT_MAX_BYTES", "lots")
    res = run("extract", small)
    assert res.exit_code == 2 and "SAIDWHAT_MAX_BYTES='lots' is not a number" in res.stderr
