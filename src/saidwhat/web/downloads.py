"""A whole search as a streamed download (CSV or JSON Lines), in bounded memory.

The rows are written by the CLI's own writers (:func:`saidwhat.reports.export.write_csv`
with its formula-injection guard, :func:`~saidwhat.reports.export.write_jsonl`) in a
producer thread with its own store connection (a SQLite connection stays in the thread
that opened it). The writer's text goes, in chunks of :data:`CHUNK_BYTES`, through a
queue of at most :data:`QUEUE_CHUNKS` chunks to the response: a slow reader holds the
producer back, so an export of a million statements never holds more than about a
megabyte, and the first bytes leave as soon as the first rows are read.

A bad query fails before anything is sent (the caller shows it as a page); an error
after the first bytes cuts the connection, so the reader sees a failed download
rather than a silently short file. A reader who goes away stops the producer.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import AsyncIterator, Callable

import anyio

from saidwhat.reports.export import write_csv, write_jsonl
from saidwhat.search.query import SearchFilters, iter_statements
from saidwhat.store.db import Store

log = logging.getLogger(__name__)

#: Text collected before it is handed to the response.
CHUNK_BYTES = 64 * 1024
#: Chunks waiting for the reader at most (with CHUNK_BYTES: about 1 MB per download).
QUEUE_CHUNKS = 16
#: How often a producer waiting on a full queue checks whether the reader went away.
STOP_CHECK_S = 0.5
#: A reader that takes nothing for this long is gone (its connection closes the store).
READER_GONE_S = 300.0
WRITERS = {"csv": write_csv, "jsonl": write_jsonl}
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
}


class _Stopped(Exception):
    """The reader went away: the producer ends quietly."""


_STARTED = object()
_DONE = object()


class ExportStream:
    """The rows of ``filters`` as ``fmt``, produced in a thread, read chunk by chunk."""

    def __init__(self, open_store: Callable[[], Store], filters: SearchFilters, fmt: str) -> None:
        if fmt not in WRITERS:
            raise ValueError(f"unknown download format {fmt!r}")
        self.fmt = fmt
        self.media_type = MEDIA_TYPES[fmt]
        self.chunks_sent = 0  # handed to the queue so far (tests check the bound)
        self._open_store = open_store
        self._filters = filters
        self._queue: queue.Queue = queue.Queue(maxsize=QUEUE_CHUNKS)
        self._stop = threading.Event()
        self._buf: list[str] = []
        self._size = 0
        self._thread = threading.Thread(target=self._produce, daemon=True, name="desk-export")

    # --- the producer's side ------------------------------------------------------------

    def write(self, text: str) -> int:
        """File-like ``write`` for the CLI's writers."""
        self._buf.append(text)
        self._size += len(text)
        if self._size >= CHUNK_BYTES:
            self._flush()
        return len(text)

    def _flush(self) -> None:
        if self._buf:
            data = "".join(self._buf).encode("utf-8")
            self._buf, self._size = [], 0
            self._put(data)
            self.chunks_sent += 1

    def _put(self, item: object) -> None:
        waited = 0.0
        while True:
            if self._stop.is_set() or waited > READER_GONE_S:
                raise _Stopped
            try:
                self._queue.put(item, timeout=STOP_CHECK_S)
                return
            except queue.Full:
                waited += STOP_CHECK_S

    def _produce(self) -> None:
        store = None
        try:
            store = self._open_store()
            # A malformed query raises here, before the first row (and before any byte).
            hits = iter_statements(store, self._filters)
            self._put(_STARTED)
            WRITERS[self.fmt](hits, self)
            self._flush()
            self._put(_DONE)
        except _Stopped:
            pass
        except Exception as e:  # handed to the request, which shows or logs it
            with contextlib.suppress(_Stopped):
                self._put(e)
        finally:
            if store is not None:
                store.close()

    # --- the request's side -------------------------------------------------------------

    async def start(self) -> None:
        """Start producing; raise the query's error if it fails before the first row."""
        self._thread.start()
        try:
            first = await anyio.to_thread.run_sync(self._queue.get)
        except BaseException:  # the request was cancelled (the reader left): stop producing
            self._stop.set()
            raise
        if isinstance(first, BaseException):
            self._stop.set()
            raise first

    async def body(self) -> AsyncIterator[bytes]:
        try:
            while True:
                item = await anyio.to_thread.run_sync(self._queue.get)
                if item is _DONE:
                    return
                if isinstance(item, BaseException):
                    log.error("download of a search failed after its first bytes: %s", item)
                    raise item
                yield item
        finally:
            self._stop.set()
