"""Everyday searches: what people type works, the FTS operators still do, errors quote the user."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.errors import QueryError
from saidwhat.search.fts_query import to_match
from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.store.db import open_store
from saidwhat.store.documents import store_document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_samples import make_document

EVERYDAY = [
    ("de-escalation", "calls for de-escalation on the border"),
    ("U.S.", "the U.S. delegation left early"),
    ("Trump's", "Trump's envoy arrived"),
    ("O'Brien", "as O'Brien told the committee"),
    ("G-20", "the G-20 summit in Velda"),
    ("20%", "tariffs of 20% on grain"),
    ("#Vessia", "trending under #Vessia tonight"),
    ("@handle", "posted by @handle this morning"),
    ("Lavrov:", "Lavrov: we will not accept it"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("fts") / "fts.db")
    said = [{"quote": quote, "mention": "Anna Berg"} for _, quote in EVERYDAY]
    said.append(
        {"quote": "sanctions on the grain corridor are off the table", "mention": "Ivo Marsk"}
    )
    said.append({"quote": "the grain deal will hold", "mention": "Ivo Marsk"})
    doc, extraction = make_document("everyday.txt", said)
    store_document(s, doc, extraction)
    yield s
    s.close()


def quotes(store, text: str) -> list[str]:
    return [h.quote for h in search_statements(store, SearchFilters(text=text, limit=None))]


@pytest.mark.parametrize(("typed", "quote"), EVERYDAY)
def test_everyday_searches_find_their_quote(store, typed, quote):
    assert quote in quotes(store, typed)


def test_operators_still_work(store):
    assert quotes(store, '"grain deal"') == ["the grain deal will hold"]
    assert len(quotes(store, "grain")) == 3
    assert quotes(store, "grain NOT deal NOT tariffs") == [
        "sanctions on the grain corridor are off the table"
    ]
    assert len(quotes(store, "sanction* OR deal")) == 2
    assert quotes(store, "grain AND (deal OR sanctions) NOT corridor") == [
        "the grain deal will hold"
    ]
    assert quotes(store, "O'Brien committee") == ["as O'Brien told the committee"]
    # Lower-case and/or/not are words, as a user would mean them.
    assert quotes(store, "deal and hold") == []


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ('"foreign minister', "double quote is not closed"),
        ("sanctions AND", "AND needs a search term"),
        ("AND sanctions", "AND needs a search term"),
        ("NOT sanctions", "NOT needs a search term"),
        ("sanctions OR OR visit", "OR needs a search term"),
        ("(sanctions", "parenthesis is not closed"),
        ("visit)", "closing parenthesis"),
        ("()", "empty parentheses"),
        ("- % &", "no word or number"),
    ],
)
def test_errors_name_what_was_typed_never_a_column(store, typed, problem):
    with pytest.raises(QueryError) as err:
        search_statements(store, SearchFilters(text=typed))
    message = str(err.value)
    assert problem in message and repr(typed) in message
    assert "column" not in message and "fts5" not in message.lower()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 -.'\"()*:%#@^AND OR NOT")), max_size=30))
def test_any_typed_text_is_a_result_or_a_clear_error(store, typed):
    try:
        expr = to_match(typed)
    except QueryError as e:
        assert repr(typed) in str(e)
        return
    # Whatever to_match lets through, SQLite accepts.
    store.conn.execute(
        "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?", (expr,)
    ).fetchall()


@pytest.mark.parametrize("name", ["speaker", "org", "country", "role", "source", "about", "text"])
def test_an_empty_filter_is_an_error_not_no_filter(store, name):
    with pytest.raises(QueryError, match=f"empty {name} filter"):
        search_statements(store, SearchFilters(**{name: "  "}))
