"""A statement's date: its citation, else a date its sentence states, else the document's."""

from __future__ import annotations

import pytest

from saidwhat.extraction.dates import sentence_date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Berg said on Tuesday that the ferry would run.", "2026-03-03"),  # doc: Thu 5 March
        ("Berg said yesterday that the ferry would run.", "2026-03-04"),
        ("Berg told reporters today that the ferry would run.", "2026-03-05"),
        ("Berg said last week that the ferry would run.", "2026-02-26"),
        ("On March 2, Berg said that the ferry would run.", "2026-03-02"),
        ("On 2 March Berg said that the ferry would run.", "2026-03-02"),
        ("Berg said on December 20 that the ferry would run.", "2025-12-20"),  # last year's
        ("On May 10, 2017, Berg said that the ferry would run.", "2017-05-10"),
        ("Berg said that the ferry would run.", None),
    ],
)
def test_dates_stated_in_the_sentence(sentence, expected):
    start = sentence.index("that the ferry")
    pieces = [[start, start + len("that the ferry would run")]]
    assert sentence_date(sentence, pieces, (0, len(sentence)), "2026-03-05") == expected


def test_a_date_inside_the_quoted_words_is_not_when_it_was_said():
    text = "“We vote on Friday,” Berg said."
    assert sentence_date(text, [[1, 19]], (0, len(text)), "2026-03-05") is None


def test_without_a_document_date_only_full_dates_resolve():
    text = "Berg said on Tuesday, May 5, 2026, that it was over."
    assert sentence_date(text, [[35, 51]], (0, len(text)), None) == "2026-05-05"
    text = "Berg said on Tuesday that it was over."
    assert sentence_date(text, [[21, 37]], (0, len(text)), None) is None


def test_date_source_on_extracted_statements(extract):
    text = (
        "Ferry news\n\n"
        "Harbour chief Ilse Varga said on Tuesday that the ferries would keep running.\n\n"
        "Mayor Says The Town Is Ready\n\n"
        "“We are ready,” Mayor Tomas Wendt said.\n\n"
        "Union chair Dara Lund wrote: “No strike this month.”\n\n"
        "(Harbour Gazette, March 1, 2026)\n"
    )
    result = extract(text, published="2026-03-05")
    by = {st.speaker: st for st in result.statements}
    assert (by["Ilse Varga"].date, by["Ilse Varga"].date_source) == ("2026-03-03", "sentence")
    assert (by["Dara Lund"].date, by["Dara Lund"].date_source) == ("2026-03-01", "citation")
    assert by["Dara Lund"].source == "Harbour Gazette"
    # the citation applies back over the statements since the last heading, no further
    assert (by["Tomas Wendt"].date, by["Tomas Wendt"].date_source) == ("2026-03-01", "citation")


def test_date_source_is_stored_and_shown_in_dossiers(run, tmp_path):
    doc = tmp_path / "ferry.txt"
    doc.write_text(
        "Ferry news\n\nIlse Varga said on March 3, 2026 that the ferries would run.\n",
        encoding="utf-8",
    )
    assert run("ingest", doc).exit_code == 0
    out = tmp_path / "d.md"
    assert run("dossier", "--title", "Ferries", "-o", out).exit_code == 0
    assert "2026-03-03 (date stated in the text)" in out.read_text(encoding="utf-8")
