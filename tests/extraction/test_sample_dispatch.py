"""The real, hard sample document: processed whole, key speakers found, dates in May 2017."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# ../shared from the repository root, or SAIDWHAT_SHARED (from a git worktree)
SHARED = Path(os.environ.get("SAIDWHAT_SHARED") or Path(__file__).parents[2].parent / "shared")
SAMPLE = SHARED / "samples/reactions-dispatch-2017-05.txt"
KEY_SPEAKERS = {
    "Sergey Lavrov",
    "Maria Zakharova",
    "Dmitry Peskov",
    "Yuri Ushakov",
    "Konstantin Kosachev",
    "Leonid Slutsky",
    "Alexey Pushkov",
}


@pytest.fixture(scope="module")
def dispatch(extract):
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE} not present")
    text = SAMPLE.read_text(encoding="utf-8")
    return text, extract(text, published="2017-05-14")


def test_every_statement_passes_check_offsets(dispatch):
    text, result = dispatch
    assert len(result.statements) > 30
    for st in result.statements:
        st.check_offsets(text)


def test_key_speakers_found_with_canonical_names_and_may_2017_dates(dispatch):
    _, result = dispatch
    by_speaker = {}
    for st in result.statements:
        by_speaker.setdefault(st.speaker, []).append(st)
    missing = KEY_SPEAKERS - set(by_speaker)
    assert not missing, f"not found: {missing}"
    for name in KEY_SPEAKERS:
        assert all(st.date and st.date.startswith("2017-05") for st in by_speaker[name]), name
    people = {p.name for p in result.people}
    assert people >= KEY_SPEAKERS


def test_transcript_answers_are_lavrovs(dispatch):
    _, result = dispatch
    qa = [st for st in result.statements if st.kind == "qa"]
    assert len(qa) >= 15
    assert {st.speaker for st in qa} == {"Sergey Lavrov"}
    assert not any(st.quote.startswith("When discussing Syria") for st in result.statements)


def test_roles_and_headlines(dispatch):
    _, result = dispatch
    people = {p.name: p for p in result.people}
    assert "Russian Foreign Minister" in people["Sergey Lavrov"].roles
    assert people["Konstantin Kosachev"].roles
    headlined = [st for st in result.statements if st.headline]
    assert any(
        "Kosachev" in st.headline and st.speaker == "Konstantin Kosachev" for st in headlined
    )


def test_statements_are_dated_by_their_citations(dispatch):
    text, result = dispatch
    first_citation = text.index("(, May 10, 2017)")
    first_section = text.rfind("\n\n", 0, text.rfind("tweeted", 0, first_citation))
    cited = [st for st in result.statements if st.quote_start > first_section]
    by_citation = [st for st in cited if st.date_source == "citation"]
    assert len(by_citation) >= 0.9 * len(cited), (len(by_citation), len(cited))
    ushakov = [st for st in result.statements if st.speaker == "Yuri Ushakov"]
    assert ushakov and {st.date for st in ushakov} == {"2017-05-12"}
    qa = [st for st in result.statements if st.kind == "qa"]
    assert {st.date for st in qa} == {"2017-05-10"}
