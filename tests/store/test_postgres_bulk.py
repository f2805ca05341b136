"""PostgreSQL bulk loads: indexes and foreign keys dropped for the load, rebuilt in its transaction."""

from __future__ import annotations

import pytest

from saidwhat.store.db import open_store
from saidwhat.store.documents import STATEMENT_COLUMNS
from saidwhat.store.postgres import foreign_keys, secondary_indexes


def _schema(store) -> tuple[list, list]:
    conn = store.conn
    return secondary_indexes(conn, "statements"), foreign_keys(conn, "statements")


def _document(store, i: int) -> int:
    row = store.conn.execute(
        "INSERT INTO documents (content_hash, ref, format, text, ingested_at)"
        " VALUES (?, ?, 'txt', '', '2026-01-01') RETURNING id",
        (f"hash-{i}", f"doc-{i}.txt"),
    ).fetchone()
    return int(row[0])


def _rows(document_id: int, n: int) -> list[tuple]:
    rows = []
    for i in range(n):
        quote = f"The harbour tariff {i} will not change before the spring"
        values = {
            "document_id": document_id, "speaker_name": "Ilse Varga", "quote": quote,
            "quote_start": i * 100, "quote_end": i * 100 + len(quote), "kind": "direct",
            "source_missing": 0, "confidence": 0.9, "day": "2026-03-01",
        }  # fmt: skip
        rows.append(tuple(values.get(c) for c in STATEMENT_COLUMNS))
    return rows


@pytest.fixture
def pg_store(pg_server):
    name = pg_server.create(pg_server.template("empty"))
    store = open_store(pg_server.url_of(name))
    yield store
    store.close()
    pg_server.drop(name)


def test_bulk_load_rebuilds_every_index_and_foreign_key(pg_store):
    before = _schema(pg_store)
    assert len(before[0]) >= 7 and len(before[1]) == 2  # the schema this test is about
    doc = _document(pg_store, 1)
    n = pg_store.documents.bulk_statements(_rows(doc, 50), rebuild_indexes=True)
    assert n == 50
    assert _schema(pg_store) == before
    # The rebuilt full-text index answers (the tsvectors were computed during COPY).
    hits = pg_store.query(
        "SELECT count(*) FROM statements WHERE fts @@ to_tsquery('saidwhat', 'tariff')"
    )
    assert hits[0][0] == 50


def test_bulk_load_that_fails_leaves_nothing_and_keeps_the_indexes(pg_store):
    before = _schema(pg_store)
    doc = _document(pg_store, 1)
    rows = _rows(doc, 10)
    rows.append(rows[3])  # the same span twice: the unique key (kept during the load) refuses it
    with pytest.raises(pg_store.errors):
        pg_store.documents.bulk_statements(rows, rebuild_indexes=True)
    assert pg_store.query("SELECT count(*) FROM statements")[0][0] == 0
    assert _schema(pg_store) == before


def test_bulk_load_checks_foreign_keys_when_it_rebuilds_them(pg_store):
    rows = _rows(999_999, 3)  # no such document
    with pytest.raises(pg_store.errors, match="foreign key"):
        pg_store.documents.bulk_statements(rows, rebuild_indexes=True)
    assert pg_store.query("SELECT count(*) FROM statements")[0][0] == 0
    assert len(_schema(pg_store)[1]) == 2


def test_copy_into_postgres_leaves_the_schema_of_a_new_store(demo_stores, pg_server, make_cli):
    """`saidwhat copy` bulk-loads; the target ends with every index and constraint."""
    fresh = pg_server.create(pg_server.template("empty"))
    target = pg_server.create()
    try:
        with open_store(pg_server.url_of(fresh), write=False) as store:
            expected = {t: _all(store, t) for t in ("statements", "documents", "people")}
        url = pg_server.url_of(target)
        result = make_cli(url)("copy", "--from", demo_stores["sqlite"], "--to", url)
        assert result.exit_code == 0, result.output
        with open_store(url, write=False) as store:
            assert {t: _all(store, t) for t in expected} == expected
            assert store.query("SELECT count(*) FROM statements")[0][0] > 20
    finally:
        pg_server.drop(fresh)
        pg_server.drop(target)


def _all(store, table: str) -> tuple:
    conn = store.conn
    indexes = conn.raw.execute(
        "SELECT indexdef FROM pg_indexes WHERE tablename = %s ORDER BY indexname", (table,)
    ).fetchall()
    constraints = conn.raw.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = %s::regclass ORDER BY conname",
        (table,),
    ).fetchall()
    return tuple(indexes), tuple(constraints)


def test_bulk_load_fills_the_day_the_disabled_trigger_would_have(pg_store):
    """The day trigger is dropped for the COPY (batched inserts); its work is done after."""
    doc = _document(pg_store, 1)
    pg_store.conn.execute(
        "UPDATE documents SET published = '2026-02-03T10:00:00' WHERE id = ?", (doc,)
    )
    rows = _rows(doc, 3)
    day = STATEMENT_COLUMNS.index("day")
    date = STATEMENT_COLUMNS.index("date")
    rows[0] = tuple(None if i == day else v for i, v in enumerate(rows[0]))  # from the document
    rows[1] = tuple(
        None if i == day else "2025-12-24T08:00" if i == date else v for i, v in enumerate(rows[1])
    )
    pg_store.documents.bulk_statements(rows, rebuild_indexes=True)
    days = [r[0] for r in pg_store.query("SELECT day FROM statements ORDER BY id")]
    assert days == ["2026-02-03", "2025-12-24", "2026-03-01"]
    trigger = "SELECT tgenabled FROM pg_trigger WHERE tgname = 'statements_day_ai'"
    assert [tuple(r) for r in pg_store.query(trigger)] == [("O",)]  # back after the load
    # And it works again for ordinary writes.
    more = _rows(doc, 5)[4]
    more = tuple(None if i == day else v for i, v in enumerate(more))
    pg_store.documents.bulk_statements([more])
    assert (
        pg_store.query("SELECT day FROM statements ORDER BY id DESC LIMIT 1")[0][0] == "2026-02-03"
    )
