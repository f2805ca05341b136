"""A document, its statements and its events are stored together or not at all.

Every ingest path stores through ``ingest.store_extracted`` (one process, ``--jobs``
workers, and the Dask client with the rows its workers ship), so a failure injected
while the events are written, after the document and its statements were, must
leave none of the three; the next ingest stores all of them.
"""

from __future__ import annotations

import pytest

import saidwhat.events.service as service
from saidwhat.errors import StoreError
from saidwhat.ingest import IngestReport, ingest_documents, store_extracted
from saidwhat.model import Document
from saidwhat.scale.rows import document_row, extraction_of
from saidwhat.store.db import open_store

TEXT = (
    "ORRIN, June 3 - Tarvian Foreign Minister Arno Kell accused Molden of shelling the "
    'border villages. "Molden must withdraw its guns," Kell told reporters on Monday.\n\n'
    "Kell met the Moldenian envoy Lise Vant in Orrin on Tuesday.\n"
)


def _counts(store) -> tuple[int, int, int]:
    return tuple(
        int(store.query(f"SELECT count(*) FROM {table}")[0][0])
        for table in ("documents", "statements", "events")
    )


@pytest.fixture
def coded(coding_extractor):
    doc = Document(text=TEXT, ref="kell.txt", published="2026-06-03")
    ex = coding_extractor.extract(doc)
    assert ex.statements and ex.events  # what the failure must take down with it
    return doc, ex


def _failing_writer(monkeypatch):
    real = service.write_document_events

    def fail(conn, document_id, *args, **kwargs):
        # the document and its statements are written by now, in this same transaction
        n = conn.execute(
            "SELECT count(*) FROM statements WHERE document_id = ?", (document_id,)
        ).fetchone()[0]
        assert n > 0
        real(conn, document_id, *args, **kwargs)  # and the events too: then it fails
        raise StoreError("the disk is full (injected)", source="test")

    monkeypatch.setattr(service, "write_document_events", fail)


def test_a_failure_while_storing_events_leaves_nothing(tmp_path, coded, monkeypatch):
    doc, ex = coded
    store = open_store(tmp_path / "atomic.db")
    _failing_writer(monkeypatch)
    with pytest.raises(StoreError, match="injected"):
        store_extracted(store, None, doc, ex, None, IngestReport())
    assert _counts(store) == (0, 0, 0)
    monkeypatch.undo()
    report = IngestReport()
    store_extracted(store, None, doc, ex, None, report)
    docs, statements, events = _counts(store)
    assert (docs, statements) == (1, report.statements) and events == report.events > 0
    store.close()


def test_ingest_reports_the_document_and_stores_none_of_it(tmp_path, coded, monkeypatch):
    doc, ex = coded
    store = open_store(tmp_path / "ingest.db")
    _failing_writer(monkeypatch)
    monkeypatch.setattr(
        "saidwhat.ingest.extract_stream", lambda docs, **kw: ((d, ex) for d in docs)
    )
    report = ingest_documents(store, [doc])
    assert report.stored == 0 and any("injected" in e for e in report.errors)
    assert _counts(store) == (0, 0, 0)
    store.close()


def test_the_rows_a_dask_worker_ships_store_the_same_events(tmp_path, coded):
    """The Dask path: the events and the people travel in the row and are stored alike."""
    doc, ex = coded
    shipped = extraction_of(document_row(doc, None, ex))
    assert shipped.events == ex.events and shipped.people == ex.people
    rows = {}
    for name, extraction in (("direct", ex), ("shipped", shipped)):
        store = open_store(tmp_path / f"{name}.db")
        store_extracted(store, None, doc, extraction, None, IngestReport())
        rows[name] = [
            tuple(r)
            for r in store.query(
                "SELECT event, span_start, actor, recipient, day FROM events ORDER BY id"
            )
        ]
        store.close()
    assert rows["direct"] and rows["direct"] == rows["shipped"]
