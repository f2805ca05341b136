"""A document's events are written in a fixed number of queries, whatever their count.

On PostgreSQL each query is a round trip, so the events (about 18 per article) go
in one ``executemany`` (one pipeline) and the statement ids come from one query;
the rows, their order and the returned count stay what one INSERT per event gave.
Runs on both backends (PostgreSQL skipped locally without ``$SAIDWHAT_TEST_PG``).
"""

from __future__ import annotations

from dataclasses import replace

from saidwhat.events.service import event_writer
from saidwhat.ingest import IngestReport, store_extracted
from saidwhat.model import Document
from saidwhat.store.events import statement_ids

TEXT = (
    "ORRIN, June 3 - Tarvian Foreign Minister Arno Kell accused Molden of shelling the "
    'border villages. "Molden must withdraw its guns," Kell told reporters on Monday.\n\n'
    "Kell met the Moldenian envoy Lise Vant in Orrin on Tuesday. Kell also praised "
    'Vant. "We will talk again," Vant said.\n'
)


class _Counting:
    """The connection, counting the calls that reach the server."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.calls: list[tuple[str, str]] = []

    def execute(self, sql, params=()):
        self.calls.append(("execute", sql))
        return self.conn.execute(sql, params)

    def executemany(self, sql, rows):
        self.calls.append(("executemany", sql))
        return self.conn.executemany(sql, rows)


def _rows(store):
    return [
        tuple(r)
        for r in store.query(
            "SELECT id, statement_id, event, span_start, span_end, actor, recipient, day,"
            " coder FROM events ORDER BY id"
        )
    ]


def test_events_are_one_batch_with_the_same_rows(backend_store, coding_extractor):
    doc = Document(text=TEXT, ref="kell.txt", published="2026-06-03")
    ex = coding_extractor.extract(doc)
    assert len(ex.events) >= 2 and ex.statements
    store = backend_store.open()
    report = IngestReport()
    store_extracted(store, None, doc, ex, None, report)
    doc_id = int(store.query("SELECT id FROM documents")[0][0])
    stored = _rows(store)
    assert len(stored) == report.events == len(ex.events)
    # ids follow the canonical order (span, then type), as one INSERT per event gave
    assert [r[3:5] for r in stored] == sorted(r[3:5] for r in stored)

    # the statement ids of one query are the ids looked up one by one
    one_by_one = [
        store.query(
            "SELECT id FROM statements WHERE document_id = ? AND quote_start = ? AND quote_end = ?",
            (doc_id, st.quote_start, st.quote_end),
        )[0][0]
        for st in ex.statements
    ]
    assert statement_ids(store.conn, doc_id, ex.statements) == one_by_one
    assert {r[1] for r in stored if r[1] is not None} <= set(one_by_one)

    # writing again, with one event twice (skipped, as INSERT OR IGNORE did): a fixed
    # number of calls, one of them the batch of every event
    events = [*ex.events, replace(ex.events[0])]
    with store.transaction() as conn:
        counting = _Counting(conn)
        n = event_writer(doc, replace(ex, events=events))(counting, doc_id)
    assert n == len(ex.events)
    batches = [sql for kind, sql in counting.calls if kind == "executemany"]
    assert len(batches) == 1 and "INTO events" in batches[0]
    assert not any("INTO events" in sql for kind, sql in counting.calls if kind == "execute")
    assert sum("FROM statements WHERE" in sql for _, sql in counting.calls) == 1
    again = _rows(store)
    assert len(again) == len(stored)
    assert [r[1:] for r in again] == [r[1:] for r in stored]  # new ids, the same rows
    assert [r[0] for r in again] == sorted(r[0] for r in again)
