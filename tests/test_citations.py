"""Citations after quotes, and attaching them to the right statements."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies

from saidwhat.extraction.citations import attach_citations, find_citations
from saidwhat.model import Statement


@pytest.mark.parametrize(
    ("text", "source", "date", "missing"),
    [
        ("(Kommersant, May 10, 2017)", "Kommersant", "2017-05-10", False),
        ("(Source: TASS, May 11, 2017)", "TASS", "2017-05-11", False),
        ("(, May 10, 2017)", None, "2017-05-10", True),
        ("(Source:, May 11, 2017)", None, "2017-05-11", True),
        ("(, May 11, 2017;, May 11, 2017)", None, "2017-05-11", True),
        ("(RIA Novosti, Moscow, 10 May 2017)", "RIA Novosti, Moscow", "2017-05-10", False),
        (
            "(Izvestia, Sept. 3, 2016; Kommersant, September 4, 2016)",
            "Izvestia; Kommersant",
            "2016-09-03",
            False,
        ),
        (
            "(Source: Twitter.com/harbour_watch, May 10, 2017)",
            "Twitter.com/harbour_watch",
            "2017-05-10",
            False,
        ),
        ("(Source: Interfax)", "Interfax", None, False),
        ("(May 4, 2017)", None, "2017-05-04", False),
        ("(Vedomosti, 2017-05-12)", "Vedomosti", "2017-05-12", False),
    ],
)
def test_find_citation_forms(text, source, date, missing):
    line = f"He said it again. {text}\n"
    (cit,) = find_citations(line)
    assert line[cit.start : cit.end] == text
    assert (cit.source, cit.date, cit.source_missing) == (source, date, missing)


@pytest.mark.parametrize(
    "text",
    [
        "The talks (i.e. the second round) went on.",
        "Senator Ilves (@ilves_petra) tweeted.",
        "It cost (in total, 5 million euros) more.",
        "A date that is not one (Kommersant, May 40, 2017).",
        "Not closed (Kommersant, May 10, 2017",
    ],
)
def test_not_citations(text):
    assert find_citations(text) == []


def test_footnotes_need_a_notes_section():
    text = (
        "The memorandum was signed in May.[1] A second round followed.[2]\n\n"
        "[1] See Harbour Gazette, “Ferry deal signed”, April 14, 2017.\n"
    )
    cits = find_citations(text)
    assert len(cits) == 1
    (cit,) = cits
    assert text[cit.start : cit.end] == "[1]"
    assert cit.kind == "footnote" and cit.date == "2017-04-14"
    assert cit.source.startswith("Harbour Gazette, “Ferry deal signed”")
    assert find_citations("Nikki] Haley and [2] marks without notes.") == []


def _st(text: str, quote: str) -> Statement:
    start = text.index(quote)
    return Statement(quote=quote, quote_start=start, quote_end=start + len(quote), kind="direct")


DOC = """Harbour reactions

Councillor Ilves wrote: “The fare rise is a tax on islanders.”

(Kommersant, May 10, 2017)
Ilves at the quay (Source:

Chair Verhoeven said: “We had no choice.” He added: “The boats are old.”

(, May 11, 2017)

The union steward said: “We will strike.”

The operator replied that the timetable would not change. It also said: “Talks go on.”

(Source: TASS, May 12, 2017)

Background paragraph with no quote at all, long enough to be a real paragraph of prose text.

A later quote: “Nothing cites this one.”
"""


def test_attach_citations():
    ilves = _st(DOC, "“The fare rise is a tax on islanders.”")
    chair1 = _st(DOC, "“We had no choice.”")
    chair2 = _st(DOC, "“The boats are old.”")
    steward = _st(DOC, "“We will strike.”")
    operator = _st(DOC, "“Talks go on.”")
    later = _st(DOC, "“Nothing cites this one.”")
    later.date = "2017-05-01"
    sts = [ilves, chair1, chair2, steward, operator, later]
    attach_citations(DOC, sts)
    assert (ilves.source, ilves.date, ilves.source_missing) == ("Kommersant", "2017-05-10", False)
    # Both statements of the paragraph take its citation, with the source missing.
    for st in (chair1, chair2):
        assert (st.source, st.date, st.source_missing) == (None, "2017-05-11", True)
    assert (operator.source, operator.date) == ("TASS", "2017-05-12")
    # A citation on its own line applies back to the previous citation (issue 8, dates):
    # the steward's block takes the citation that closes the operator's.
    assert (steward.source, steward.date, steward.date_source) == ("TASS", "2017-05-12", "citation")
    # Nothing after it: unchanged.
    assert (later.source, later.date) == (None, "2017-05-01")


def test_citation_on_the_same_line_and_after_a_caption():
    text = "Lindqvist said “the channel opens in spring” (Harbour Gazette, March 3, 2024).\n"
    st = _st(text, "“the channel opens in spring”")
    attach_citations(text, [st])
    assert (st.source, st.date) == ("Harbour Gazette", "2024-03-03")

    text2 = "She said: “No.”\n\nPhoto: the quay at dawn\n\n(Source: Interfax, June 2, 2023)\n"
    st2 = _st(text2, "“No.”")
    attach_citations(text2, [st2])
    assert st2.source == "Interfax"


def test_citation_does_not_leak_over_a_long_paragraph():
    text = (
        "He said: “Yes.”\n\n"
        + "This paragraph is plain narrative and long enough that it cannot be a caption line. " * 2
        + "\n\n(Kommersant, May 10, 2017)\n"
    )
    st = _st(text, "“Yes.”")
    attach_citations(text, [st])
    assert st.source is None and st.date is None


def test_attach_with_no_citations_is_a_no_op():
    st = _st("He said: “Yes.”", "“Yes.”")
    attach_citations("He said: “Yes.”", [st])
    assert (st.source, st.date, st.source_missing) == (None, None, False)


def test_citation_overlapping_the_statement_end():
    text = (
        "The memorandum states that the zones will last six months.[2] Later text.\n\n"
        "[2] See Gazette, May 7, 2017.\n"
    )
    start = text.index("that the zones")
    end = text.index("[2]") + 2  # an extractor span that ends inside the marker
    st = Statement(quote=text[start:end], quote_start=start, quote_end=end, kind="indirect")
    attach_citations(text, [st])
    assert st.date == "2017-05-07" and st.source == "Gazette, May 7, 2017."


@settings(max_examples=150, deadline=None)
@given(strategies.text(alphabet="(),;:[]1 \nMay 10,2017SourceKTAS“”.abc", max_size=200))
def test_find_citations_never_fails_and_spans_are_real(text):
    for cit in find_citations(text):
        assert 0 <= cit.start < cit.end <= len(text)
        assert text[cit.start] in "(["
        assert text[cit.end - 1] in ")]"


def test_a_heading_stops_a_citation_but_not_across_a_transcript():
    text = (
        "Ferry Chief Says The Timetable Stays\n\n"
        "Chair Verhoeven said: “We had no choice.”\n\n"
        "Harbour Union Warns Of Strikes\n\n"
        "The union steward said: “We will strike.”\n\n"
        "(, May 12, 2017)\n"
    )
    chair = _st(text, "“We had no choice.”")
    steward = _st(text, "“We will strike.”")
    heads = [(0, None), (text.index("Harbour Union"), None)]
    attach_citations(text, [chair, steward], heads)
    assert (steward.date, steward.date_source) == ("2017-05-12", "citation")
    assert chair.date is None  # the heading between: the citation is the next section's
    chair.kind = "qa"  # a transcript turn: one citation after the transcript covers it
    attach_citations(text, [chair, steward], heads)
    assert chair.date == "2017-05-12"
