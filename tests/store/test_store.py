"""The store on its own: migrations, idempotent writes, people resolution."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.model import Document, Extraction, Person, Statement
from saidwhat.store.db import SCHEMA_VERSION, open_store
from saidwhat.store.documents import store_document
from saidwhat.store.migrations import MIGRATIONS
from saidwhat.store.people import add_alias, create_person, find_person

TEXT = 'Anna Petrova said the talks went well. "We are ready," she added.'


def _doc(text: str = TEXT, ref: str = "a.txt") -> tuple[Document, Extraction]:
    doc = Document(text=text, ref=ref, published="2026-05-03")
    q = "We are ready,"
    start = text.index(q)
    st_ = Statement(
        quote=q, quote_start=start, quote_end=start + len(q), kind="direct",
        speaker="Anna Petrova", speaker_mention="she", speaker_start=text.index("she"),
        speaker_end=text.index("she") + 3, role="Foreign Minister",
    )  # fmt: skip
    return doc, Extraction([st_], [Person("Anna Petrova", aliases=["Petrova"])])


def test_migrating_a_first_release_database_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(MIGRATIONS[0].sqlite)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO documents (id, content_hash, ref, format, text, published, ingested_at)"
        " VALUES (1, 'h', 'a.txt', 'txt', 'x', '2026-05-03T10:00:00', 'now')"
    )
    conn.execute(
        "INSERT INTO statements (document_id, quote, quote_start, quote_end, kind, confidence)"
        " VALUES (1, 'x', 0, 1, 'direct', 0.5)"
    )
    conn.close()
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.query("SELECT day FROM statements")[0][0] == "2026-05-03"


def test_statement_day_falls_back_to_the_document_date(backend_store):
    with backend_store.open() as store:
        doc, extraction = _doc()
        store_document(store, doc, extraction)
        assert store.query("SELECT day FROM statements")[0][0] == "2026-05-03"


@settings(max_examples=25, deadline=None)
@given(refs=st.lists(st.sampled_from(["a.txt", "b.txt", "https://x.example/a"]), min_size=1))
def test_storing_the_same_text_any_number_of_times_stores_it_once(tmp_path_factory, refs):
    with open_store(tmp_path_factory.mktemp("idem") / "s.db") as store:
        for ref in refs:
            doc, extraction = _doc(ref=ref)
            store_document(store, doc, extraction)
        assert store.query("SELECT COUNT(*) FROM documents")[0][0] == 1
        assert store.query("SELECT COUNT(*) FROM statements")[0][0] == 1
        copies = {r[0] for r in store.query("SELECT ref FROM document_copies")}
        assert copies == set(refs)


def test_a_statement_with_wrong_offsets_rolls_the_document_back(backend_store):
    with backend_store.open() as store:
        doc, extraction = _doc()
        extraction.statements[0].quote_start += 1
        with pytest.raises(ValueError, match="offsets"):
            store_document(store, doc, extraction)
        assert store.query("SELECT COUNT(*) FROM documents")[0][0] == 0


def test_spellings_resolve_to_one_person_and_surnames_alone_do_not(backend_store):
    with backend_store.open() as store, store.transaction() as conn:
        sergey = create_person(conn, "Sergey Lavrov")
        add_alias(conn, sergey, "Sergey Lavrov", "extracted")
        add_alias(conn, sergey, "Lavrov", "extracted")
        assert find_person(conn, "Sergei Lavrov") == sergey
        assert find_person(conn, "Lavrov") is None  # another Lavrov may exist
        add_alias(conn, sergey, "Lavrov", "registry")
        assert find_person(conn, "Lavrov") == sergey


def test_an_extracted_alias_does_not_take_back_a_name_given_by_hand(backend_store):
    with backend_store.open() as store, store.transaction() as conn:
        a = create_person(conn, "Anna Petrova")
        b = create_person(conn, "Anna Petrova-Lind")
        add_alias(conn, b, "A. Petrova", "manual")
        add_alias(conn, a, "A. Petrova", "extracted")
        holders = conn.execute(
            "SELECT DISTINCT person_id FROM aliases WHERE alias = 'A. Petrova'"
        ).fetchall()
        assert [r[0] for r in holders] == [b]


def test_storing_the_same_text_again_is_idempotent_on_both_backends(backend_store):
    with backend_store.open() as store:
        for ref in ["a.txt", "b.txt", "a.txt"]:
            doc, extraction = _doc(ref=ref)
            store_document(store, doc, extraction)
        assert store.query("SELECT COUNT(*) FROM documents")[0][0] == 1
        assert store.query("SELECT COUNT(*) FROM statements")[0][0] == 1
        assert {r[0] for r in store.query("SELECT ref FROM document_copies")} == {"a.txt", "b.txt"}
