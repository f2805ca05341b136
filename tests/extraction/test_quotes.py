"""Quotation-mark spans: the pure function at the bottom of the engine (no model)."""

from __future__ import annotations

from saidwhat.extraction.quotes import find_quotes, paragraphs


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_and_curly_double_quotes():
    text = 'He said "we will win" and she said “they will lose”.'
    assert spans(text) == ['"we will win"', "“they will lose”"]


def test_guillemets_and_low_nine_marks():
    text = "Il a dit «nous partons» puis „wir bleiben“ hier."
    assert spans(text) == ["«nous partons»", "„wir bleiben“"]


def test_apostrophes_are_not_quotes():
    text = "Don’t forget Russia’s role in the ’90s, the minister's aides said it's over."
    assert spans(text) == []


def test_single_quotes_outside_double_quotes():
    text = "Senator Mills: ‘The Worst Is Behind Us’\n\nThe senator's view 'is shared' by few."
    assert spans(text) == ["‘The Worst Is Behind Us’", "'is shared'"]


def test_nested_single_quote_stays_inside_the_double_quote():
    text = "“He called it ‘a farce,’ and left,” she said."
    found = find_quotes(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "“He called it ‘a farce,’ and left,”"


def test_multi_paragraph_convention():
    text = "She said:\n\n“First part.\n\n“Second part.\n\n“Last part.”\n\nThen she left."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "“First part.\n\n“Second part.\n\n“Last part.”"
    assert len(q.fragments) == 3
    assert q.closed


def test_unbalanced_quote_closes_at_paragraph_end():
    text = "He said: “This never ends.\n\nA new paragraph without a mark."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "“This never ends."
    assert not q.closed


def test_sloppy_closing_mark_is_read_as_a_closer():
    text = "“We expect the residence back “, the source said."
    assert spans(text) == ["“We expect the residence back “"]


def test_paragraphs_join_soft_wrapped_lines():
    text = (
        "This line is long enough to look like a hard-wrapped plain text line and\n"
        "continues here.\n\nNew paragraph."
    )
    assert len(paragraphs(text)) == 2
