"""The FTS5 query language compiled for PostgreSQL: parse trees, errors, and results."""

from __future__ import annotations

import pytest

from saidwhat.errors import QueryError
from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.store.fts_postgres import Phrase, compile_query, parse


def _shape(node) -> object:
    if isinstance(node, Phrase):
        words = " ".join(t + ("*" if p else "") for t, p in node.terms)
        return f"{node.column}:{words}" if node.column else words
    return (node.op, _shape(node.left), _shape(node.right))


@pytest.mark.parametrize(
    "query, shape",
    [
        ("sanctions", "sanctions"),
        ('"grain deal"', "grain deal"),
        ("sanc*", "sanc*"),
        ("a b", ("AND", "a", "b")),
        ("a OR b c", ("OR", "a", ("AND", "b", "c"))),  # AND binds tighter than OR
        ("a NOT b c", ("AND", ("NOT", "a", "b"), "c")),  # NOT binds tightest
        ("(a OR b) NOT c", ("NOT", ("OR", "a", "b"), "c")),
        ('quote : ("x y" OR z)', ("OR", "quote:x y", "quote:z")),
        ('"it""s"', 'it"s'),
        ("Москва", "Москва"),
    ],
)
def test_parse_follows_fts5_precedence(query, shape):
    assert _shape(parse(query)) == shape


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "empty"),
        ("NEAR(a b)", "NEAR"),
        ("^start", "not supported"),
        ("(a OR b", "parentheses"),
        ("a OR", "expected a word"),
        ("title : x", "no column 'title'"),
    ],
)
def test_malformed_queries_are_query_errors(query, message):
    with pytest.raises(QueryError, match=message):
        parse(query)


def test_compiled_sql_keeps_every_value_in_parameters():
    compiled = compile_query('"x\'); DROP TABLE statements; --" OR "a b"')
    assert "DROP" not in compiled.where and "DROP" not in compiled.rank
    assert any("DROP" in p for p in compiled.params)
    assert compiled.where.count("?") == len(compiled.params)
    assert compiled.rank.count("?") == len(compiled.rank_params)


def test_negated_terms_do_not_rank():
    compiled = compile_query("a NOT b")
    assert compiled.rank_params == ["a"]


def test_a_column_filter_uses_that_column_alone():
    compiled = compile_query("quote : x")
    assert compiled.where == "s.fts @@ phraseto_tsquery('saidwhat', ?)"
    assert "speaker_fts" in compile_query("x").where


def test_operators_give_the_same_results_on_both_backends(both_stores):
    queries = [
        "sanctions NOT Brussels",
        "Brussels OR constructive",
        '"Black Sea" OR sanction*',
        '(Lavrov OR "Black Sea")',
        "lavrov",  # in the quote or the speaker's name
        "visit NOT (Lavrov OR media)",
    ]
    found = {}
    for backend in ("sqlite", "postgres"):
        store = both_stores(backend).open(sample=True)
        found[backend] = {
            q: sorted(h.id for h in search_statements(store, SearchFilters(text=q, limit=None)))
            for q in queries
        }
    assert all(found["sqlite"][q] for q in queries[:4])
    assert found["postgres"] == found["sqlite"]


def _prepared(store) -> list[tuple[str, int, int]]:
    return store.conn.raw.execute(
        "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements"
    ).fetchall()


def test_a_page_without_text_reuses_one_generic_plan_and_text_is_planned_each_time(
    both_stores,
):
    """Planning a newest-first page cost twice running it: such pages are prepared."""
    store = both_stores("postgres").open(sample=True)
    filters = [SearchFilters(sort="-date", limit=5), SearchFilters(since="2000-01-01", limit=5)]
    pages = {}
    for f in filters:
        for _ in range(7):  # PostgreSQL plans for the values 5 times, then decides
            pages[id(f)] = [h.id for h in search_statements(store, f)]
        assert pages[id(f)]
    for _ in range(7):
        search_statements(store, SearchFilters(text="sanctions", limit=5))
    pages_sql = [(s, g, c) for s, g, c in _prepared(store) if "LIMIT 5 OFFSET 0" in s]
    assert len(pages_sql) == 2
    assert all(g >= 1 for _, g, _ in pages_sql)  # the generic plan is in use
    assert not [s for s, _, _ in pages_sql if "tsquery" in s]  # text: never prepared
    # The numbers of the page are in the SQL, so pages of other sizes are other statements
    # with the same rows as before.
    assert [h.id for h in search_statements(store, SearchFilters(sort="-date", limit=3))] == (
        pages[id(filters[0])][:3]
    )
