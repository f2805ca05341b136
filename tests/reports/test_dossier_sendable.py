"""A dossier an analyst can send as it comes out: clean citations, headlines, quotes and pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from saidwhat.reports.dossier import (
    NO_SPEAKER_SECTION,
    build_dossier,
    clean_quote,
    headline_for,
)
from saidwhat.reports.html import render_html
from saidwhat.reports.markdown import render_markdown
from saidwhat.search.query import SearchFilters, search_statements


@pytest.fixture
def hits(store):
    return search_statements(store, SearchFilters(limit=None))


def rendered(d) -> list[str]:
    return [render_markdown(d), render_html(d)]


def test_no_local_path_is_printed(hits):
    notes = [h for h in hits if h.doc == "notes/visit.txt"]
    private = [
        replace(h, doc="/home/analyst/case-42/raw notes.txt", title=None, outlet=None, doc_id=99)
        for h in notes
    ]
    d = build_dossier(hits + [replace(p, id=900 + i) for i, p in enumerate(private)], "T")
    for text in rendered(d):
        assert "notes/visit.txt" not in text and "/home/analyst" not in text
        assert "case-42" not in text
        assert "raw notes.txt" in text  # no title: the file name alone
        assert "Notes" in text  # a known title cites the local file


def test_known_outlet_is_cited_not_marked_missing(hits):
    d = build_dossier(hits, "T")
    zakharova = next(c for c in d.citations if c.source_missing)
    assert zakharova.outlet == "Reuters"
    for text in rendered(d):
        assert "source missing" not in text
        assert "(source missing)" not in text
    md = render_markdown(d)
    line = next(ln for ln in md.splitlines() if ln.startswith(f"{zakharova.number}. "))
    assert line.startswith(f"{zakharova.number}. Reuters, “Reactions")
    assert "source not named in the document" in line
    # Nothing known at all: then, and only then, it is marked.
    bare = [replace(h, title=None, outlet=None, url=None) for h in hits if h.source_missing]
    assert "source missing" in render_markdown(build_dossier(bare, "T"))


def test_unattributed_statements_come_last_under_a_plain_name(hits):
    d = build_dossier(hits, "T")
    names = [s.speaker for s in d.sections]
    assert "Unattributed" not in names and names[-1] == NO_SPEAKER_SECTION
    assert all(name != NO_SPEAKER_SECTION for name, _ in d.speakers)
    assert d.unattributed == 1
    assert "by 5 speakers" in d.summary_line and "1 without an identified speaker" in d.summary_line
    for text in rendered(d):
        assert "Unattributed" not in text


@pytest.mark.parametrize(
    ("quote", "headline"),
    [
        (
            "The plan (i.e. the March draft) is dead. We move on.",
            "The plan (i.e. the March draft) is dead.",
        ),
        (
            "“The U.S. position has not changed. Nothing else to add.”",
            "The U.S. position has not changed.",
        ),
        ("Mr. Ostrikov is wrong. He knows it.", "Mr. Ostrikov is wrong."),
        (
            "We asked (e.g. Velda, Orsk) for talks. None came.",
            "We asked (e.g. Velda, Orsk) for talks.",
        ),
        ("What? He’s been fired? You must be kidding!", "What?"),
    ],
)
def test_headline_is_a_whole_sentence(hits, quote, headline):
    hit = replace(hits[0], headline=None, quote=quote)
    assert headline_for(hit) == headline


def test_given_headline_loses_a_stray_closing_mark(hits):
    hit = replace(hits[0], headline="Talks (i.e. the Ankara round) were constructive”")
    assert headline_for(hit) == "Talks (i.e. the Ankara round) were constructive"
    hit = replace(hits[0], headline=None, quote="word " * 10 + "(i.e. " + "word " * 30)
    cut = headline_for(hit, 80)
    assert cut.endswith("…") and "(" not in cut  # not cut inside an open parenthesis


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("“We will not accept it.", "We will not accept it."),
        ("We will not accept it.”", "We will not accept it."),
        ("“We will not accept it.”", "We will not accept it."),
        ('"We will not accept it.', "We will not accept it."),
        ("«Nous refusons.»", "Nous refusons."),
        ("“Balanced” is the word they used", "“Balanced” is the word they used"),
        ("the ministers’ view", "the ministers’ view"),
        ("He said “no” and “never”", "He said “no” and “never”"),
    ],
)
def test_stray_quotation_marks_are_stripped(raw, clean):
    assert clean_quote(raw) == clean


def test_dossier_quotes_are_clean(hits):
    h = replace(hits[0], quote="“We will not accept it.", text=None, headline=None)
    (section,) = build_dossier([h], "T").sections
    assert section.quotes[0].quote == "We will not accept it."
    assert section.quotes[0].headline == "We will not accept it."


def test_dossier_quotes_the_whole_statement_not_its_first_piece(hits):
    # "We will," she said, "not accept it." is one statement in two pieces.
    h = replace(hits[0], quote="We will,", text="We will, not accept it.", headline=None)
    (section,) = build_dossier([h], "T").sections
    assert section.quotes[0].quote == "We will, not accept it."
