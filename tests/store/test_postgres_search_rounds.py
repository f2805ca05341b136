"""Round trips of a search: a full speaker name resolved inside the page's own query.

On PostgreSQL a page without text resolves a full ``--speaker`` name in its
query (store.people.one_person_sql); whatever that cannot answer (no alias with
the name's key, a key two people hold) falls back to the separate resolution,
so the answers stay those of SQLite. ``--about`` reads a full name's aliases in
one query the same way (store.people.names_of_person).
"""

from __future__ import annotations

import pytest
from search_samples import make_document

from saidwhat.errors import NotFoundError
from saidwhat.model import Person
from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.store.documents import store_document
from saidwhat.store.people import add_alias, create_person, names_of_person

ORLA = Person("Orla Quennell", aliases=["Quennell", "Minister Quennell"], country="Norland")
TOMAS = Person("Tomas Brede", aliases=["Brede"], country="Sudmark")


def _fill(store) -> dict[str, int]:
    """Three invented statements; returns person name -> id."""
    docs = [
        make_document(
            "https://harbourpost.example/ferry",
            [
                {"mention": "Orla Quennell", "quote": "The ferry line reopens in spring.",
                 "date": "2025-03-02"},
                {"mention": "Tomas Brede", "quote": "Nobody asked the fishermen about the ferry.",
                 "date": "2025-03-02"},
            ],
            [ORLA, TOMAS], title="Ferry line", outlet="Harbour Post", published="2025-03-02",
        ),
        make_document(
            "https://harbourpost.example/tolls",
            [{"mention": "Orla Quennell", "quote": "Tolls on the bridge stay as they are.",
              "date": "2025-04-11"}],
            [ORLA], title="Bridge tolls", outlet="Harbour Post", published="2025-04-11",
        ),
    ]  # fmt: skip
    for doc, extraction in docs:
        store_document(store, doc, extraction)
    rows = store.query("SELECT id, name FROM people")
    return {r[1]: int(r[0]) for r in rows}


def _ids(store, **kw) -> list[int]:
    return [h.id for h in search_statements(store, SearchFilters(sort="-date", **kw))]


class Counting:
    """Wraps a connection's ``execute`` to count the statements a search sends."""

    def __init__(self, conn, sent: list[str]) -> None:
        self.sent, self.inner = sent, conn.execute

    def __call__(self, sql, *args, **kw):
        self.sent.append(sql)
        return self.inner(sql, *args, **kw)


def test_a_page_by_a_full_speaker_name_is_one_query_on_postgres(backend_store, monkeypatch):
    store = backend_store.open()
    _fill(store)
    sent: list[str] = []
    if store.is_postgres:
        monkeypatch.setattr(store.conn, "execute", Counting(store.conn, sent))
    else:
        store.conn.set_trace_callback(sent.append)
    found = _ids(store, speaker="Orla Quennell", since="2025-01-01", until="2025-12")
    assert len(found) == 2
    if store.is_postgres:
        assert len(sent) == 1, sent
    else:  # SQLite resolves the name first (in process: no round trip to save)
        assert any("FROM aliases" in s for s in sent)


def test_a_full_name_two_people_hold_finds_both(backend_store):
    store = backend_store.open()
    people = _fill(store)
    with store.transaction() as conn:
        # An unmerged duplicate: another person holding the same full name.
        twin = create_person(conn, "Orla Quennell (Harbour)")
        add_alias(conn, twin, "Orla Quennell", "manual")
    found = _ids(store, speaker="Orla Quennell")
    expected = [
        r[0]
        for r in store.query(
            "SELECT id FROM statements WHERE person_id IN (?, ?) ORDER BY day DESC, id DESC",
            (people["Orla Quennell"], twin),
        )
    ]
    assert found == expected and len(found) == 2


def test_a_full_name_without_an_alias_falls_back_to_the_people_name(backend_store):
    store = backend_store.open()
    people = _fill(store)
    with store.transaction() as conn:
        conn.execute("DELETE FROM aliases WHERE person_id = ?", (people["Tomas Brede"],))
    assert len(_ids(store, speaker="Tomas Brede")) == 1
    assert len(_ids(store, speaker="tomas brede", since="2025-01-01")) == 1


def test_an_unknown_full_name_still_says_so(backend_store):
    store = backend_store.open()
    _fill(store)
    with pytest.raises(NotFoundError, match=r"no speaker named 'Orla Quenell'.*Orla Quennell"):
        _ids(store, speaker="Orla Quenell")
    # A page past the end of a known speaker's statements is empty, not an error.
    assert _ids(store, speaker="Orla Quennell", limit=5, offset=50) == []


def test_about_reads_a_full_names_aliases_in_one_query(backend_store):
    store = backend_store.open()
    _fill(store)
    names = sorted(names_of_person(store.conn, "Orla Quennell"))
    assert names == ["Minister Quennell", "Orla Quennell", "Quennell"]
    assert sorted(names_of_person(store.conn, "#1")) == names  # the long way, the same
    assert names_of_person(store.conn, "Nobody Known") == []


@pytest.mark.parametrize("filters", [{}, {"speaker": "Orla Quennell"}, {"since": "2025-03-01"}])
def test_first_and_later_pages_are_slices_of_the_whole_list(backend_store, filters):
    # On PostgreSQL a short first page is read in the scan that picks it, later ones
    # by id (search_postgres._newest_page): both must cut the same list.
    store = backend_store.open()
    _fill(store)
    whole = _ids(store, **filters)
    assert len(whole) >= 2
    pages = [_ids(store, limit=1, offset=i, **filters) for i in range(len(whole))]
    assert [p[0] for p in pages] == whole
    assert _ids(store, limit=2, **filters) == whole[:2]


def test_pages_read_in_the_index_walk_are_short_first_pages_only(both_stores):
    from saidwhat.search.query import DEFAULT_HIGHLIGHT, text_expression

    store = both_stores("postgres").open()  # the page forms are PostgreSQL's
    _fill(store)

    def sql(**kw) -> str:
        filters = SearchFilters(**{"sort": "-date", **kw})
        filters.validate()
        return store.statements.build(
            filters, text_expression=text_expression, highlight=DEFAULT_HIGHLIGHT
        ).sql

    assert "AS top" not in sql(limit=20)  # read in the walk
    # Every statement (an export), a later page, oldest first: the ids first.
    assert "AS top" in sql(limit=None)
    assert "AS top" in sql(limit=20, offset=20)
    assert "AS top" in sql(limit=20, speaker="Orla Quennell", sort="date")
