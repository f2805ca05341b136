"""The client side of a distributed ingest: ship batches of references, store what comes back.

The client is the store's only writer during the run. It keeps a bounded
window of batches in flight (a few per worker thread, so no worker waits while
the client stores) and stores results in input order, one transaction per
batch (:mod:`.storing`), with the decisions of the single-process ingest. So a one-worker,
an N-worker and a single-process ingest of the same inputs give the same
store, and memory stays flat however long the input is.

Failure model: Dask reruns a batch whose worker was lost (up to
``distributed.scheduler.allowed-failures`` times; then the batch's files are
reported as errors). Workers write nothing, and the client stores by content
hash, so a rerun batch, or a rerun of the whole command after a crash, stores
nothing twice.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from saidwhat.errors import SaidwhatError, SourceError, UsageError
from saidwhat.ingest import IngestReport, ProgressCallback, settle, store_extracted
from saidwhat.scale.refs import FolderEnd, Ref, document_refs
from saidwhat.scale.rows import DocumentRow, ErrorRow, document_of, extraction_of
from saidwhat.scale.storing import store_rows
from saidwhat.scale.worker import DEFAULT_MODEL, LoadModel, process_batch
from saidwhat.sources.files import MAX_BYTES
from saidwhat.store.near_dupes import NearDupes

if TYPE_CHECKING:
    from distributed import Client

    from saidwhat.store.db import Store

log = logging.getLogger(__name__)

#: References (files or URLs) per task: large enough that scheduling costs little
#: (~1 ms per task against ~0.5-1 s of parsing), small enough to balance the workers.
DEFAULT_BATCH = 16
#: Batches queued per worker thread beyond the one it is running.
QUEUED_PER_THREAD = 2
#: Re-read the cluster's size (workers may join or leave) every this many batches.
RESIZE_EVERY = 32
#: Seconds to wait for a scheduler to answer, and for it to have a worker.
CONNECT_TIMEOUT_S = 15
#: Dask settings for a local cluster (its scheduler and nannies run in this process,
#: its workers get them from the nannies): no statistical profiler (it grew a worker
#: by about 0.3 MB a second, see ``worker.stop_profiler``, which also stops it on
#: workers started elsewhere), and Dask's own periodic checks made rarer. With the
#: defaults (event-loop tick every 20 ms, each worker's memory checked every 100 ms
#: by itself and by its nanny, system metrics for the dashboard every 500 ms) an idle
#: cluster of 2 workers used 0.10 of a core (this process 0.056, each worker 0.025);
#: with these 0.02 (0.011 and 0.005). On a 2-core machine that is CPU the workers
#: get back: 3-4 ms a document at 20-30 documents a second. A memory limit is still
#: checked every second, and a blocked event loop is still reported.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.disk": False,
}


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of a new local cluster of ``workers`` processes, or of the cluster at ``scheduler``."""
    import dask
    from distributed import Client, LocalCluster

    with _quiet_dask():
        if scheduler:
            with _remote(scheduler) as client:
                yield client
            return
        if not workers or workers < 1:
            raise UsageError("--workers must be at least 1")
        # One thread per worker process: parsing holds the GIL, so processes are the parallelism.
        # The nannies hand the configuration in force now to every worker they start
        # (also to one that replaces a lost worker).
        with dask.config.set(LOCAL_WORKER_CONFIG):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                # Any free port: no clash (and no warning) when another cluster holds 8787.
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
        try:
            client = Client(cluster)
            try:
                yield client
            finally:
                client.close()
        finally:
            cluster.close()


@contextmanager
def _quiet_dask() -> Iterator[None]:
    """Dask logs its cluster's life at INFO; show it only when saidwhat itself is verbose."""
    dask_log = logging.getLogger("distributed")
    before = dask_log.level
    dask_log.setLevel(max(logging.getLogger().getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        dask_log.setLevel(before)


@contextmanager
def _remote(scheduler: str) -> Iterator[Client]:
    from distributed import Client

    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as e:
        raise SaidwhatError(
            f"cannot reach the Dask scheduler ({e}); start one with `dask scheduler`"
            " and give its address as tcp://HOST:8786",
            source=scheduler,
        ) from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
    except TimeoutError:
        client.close()
        raise SaidwhatError(
            f"the Dask cluster has no workers after {CONNECT_TIMEOUT_S} s;"
            " start some with `dask worker ADDRESS` where saidwhat is installed",
            source=scheduler,
        ) from None
    try:
        yield client
    finally:
        client.close()


def ingest_distributed(
    store: Store,
    inputs: Iterable[str],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Client | None = None,
    batch_size: int = DEFAULT_BATCH,
    model: str = DEFAULT_MODEL,
    max_bytes: int = MAX_BYTES,
    progress: ProgressCallback | None = None,
    workers_read_store: bool | None = None,
) -> IngestReport:
    """Ingest files, folders and URLs with extraction on a Dask cluster; store here.

    Give exactly one of ``workers`` (start a local cluster of that many
    processes), ``scheduler`` (the address of a running one) or ``client`` (an
    existing :class:`distributed.Client`). On a remote cluster, paths must name
    the same files on the workers (a shared file system); URLs are fetched by
    the workers.

    ``workers_read_store`` (default: True for a local cluster of ``workers``,
    and for a PostgreSQL store on any cluster) lets workers read the store to
    skip parsing documents that are already stored: a SQLite file they must
    see, or the PostgreSQL database (each worker opens one read-only session
    with the store's URL; a worker that cannot connect extracts everything).
    """
    if sum(x is not None for x in (workers, scheduler, client)) != 1:
        raise UsageError("give one of --workers N or --scheduler ADDRESS")
    if batch_size < 1:
        raise UsageError("the batch size must be at least 1")
    if workers_read_store is None:
        workers_read_store = workers is not None or store.is_postgres
    shared = _reader_target(store) if workers_read_store else None
    if client is not None:
        return _run(client, store, inputs, batch_size, model, max_bytes, progress, shared)
    with dask_client(workers, scheduler) as own:
        return _run(own, store, inputs, batch_size, model, max_bytes, progress, shared)


def _reader_target(store: Store) -> str | None:
    """What a worker opens to read ``store``: the SQLite path or the full PostgreSQL URL."""
    if store.is_postgres:
        return getattr(store.conn, "url", None)
    return None if store.path == ":memory:" else store.path


def _run(
    client: Client,
    store: Store,
    inputs: Iterable[str],
    batch_size: int,
    model: str,
    max_bytes: int,
    progress: ProgressCallback | None,
    store_path: str | None,
) -> IngestReport:
    report = IngestReport()
    near = NearDupes(store)
    # Documents read per folder input: a folder none of whose files could be read is an error.
    folder_docs: dict[str, int] = {}

    def tick() -> None:
        if progress:
            progress(report)

    def error(message: str) -> None:
        report.errors.append(message)
        log.warning("%s", message)
        tick()

    def store_batch(batch: list[Ref], results: list[list[ErrorRow | DocumentRow]]) -> None:
        docs: list[DocumentRow] = []
        for ref, rows in zip(batch, results, strict=True):
            for row in rows:
                if isinstance(row, ErrorRow):
                    error(row.message)
                    continue
                if ref.folder is not None:
                    folder_docs[ref.folder] = folder_docs.get(ref.folder, 0) + 1
                docs.append(row)
        # The whole batch in one transaction, with the decisions of the one-by-one path.
        store_rows(store, near, docs, report, lambda row: _store_row(store, near, row, report))
        if docs:
            tick()

    def settle_next() -> None:
        """Handle the oldest entry in flight: a batch's results, or a message in its place."""
        entry = in_flight.popleft()
        if isinstance(entry, SourceError):
            error(str(entry))
        elif isinstance(entry, FolderEnd):
            if not folder_docs.pop(entry.folder, 0):
                error(str(entry.error()))
        else:
            store_batch(*_result(*entry))

    _load_model(client, model)
    run = uuid.uuid4().hex[:12]
    # Batches on the cluster and, between them, listing errors and folder ends, so
    # that everything is reported and stored in input order.
    in_flight: deque = deque()
    limit = _window(client)
    submitted = 0
    for item in _batches(document_refs(inputs), batch_size):
        if not isinstance(item, list):
            in_flight.append(item)
            continue
        future = client.submit(
            process_batch,
            [(r.source, r.ref) for r in item],
            model,
            max_bytes,
            store_path,
            key=f"saidwhat-ingest-{run}-{submitted}",
        )
        in_flight.append((future, item))
        submitted += 1
        if submitted % RESIZE_EVERY == 0:
            limit = _window(client)
        while len(in_flight) >= limit:
            settle_next()
    while in_flight:
        settle_next()
    return report


def _load_model(client: Client, model: str) -> None:
    """Load the model in every worker now, and in each worker that joins later (or replaces a lost one)."""
    try:
        client.register_plugin(LoadModel(model))
    except SaidwhatError:
        raise
    except Exception as e:  # raised on a worker, e.g. saidwhat or the model not installed there
        raise SaidwhatError(
            f"the Dask workers cannot load saidwhat's model ({type(e).__name__}: {e}); install"
            " saidwhat and its model on every worker machine, in the same version as here",
            source=str(client.scheduler.address),
        ) from None


def _window(client: Client) -> int:
    threads = sum(client.nthreads().values()) or 1
    return threads * (1 + QUEUED_PER_THREAD)


def _batches(
    items: Iterable[Ref | SourceError | FolderEnd], size: int
) -> Iterator[list[Ref] | SourceError | FolderEnd]:
    """References in batches of at most ``size``; anything else passes through in its place."""
    batch: list[Ref] = []
    for item in items:
        if isinstance(item, Ref):
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
            continue
        if batch:  # what came before the error or folder end goes first
            yield batch
            batch = []
        yield item
    if batch:
        yield batch


def _result(future, batch: list[Ref]) -> tuple[list[Ref], list[list[ErrorRow | DocumentRow]]]:
    """The rows of a finished batch; a batch that failed on the cluster becomes one error per file."""
    from distributed import KilledWorker

    try:
        return batch, future.result()
    except KilledWorker:
        why = "the Dask workers running it died repeatedly; not stored (try it with `saidwhat extract`)"
    except SaidwhatError:
        raise
    except Exception as e:  # a failure on the worker, re-raised here: report it per file
        why = f"failed on a Dask worker ({type(e).__name__}: {e})"
    finally:
        future.release()
    return batch, [[ErrorRow(f"{ref.ref}: {why}")] for ref in batch]


def _store_row(store: Store, near: NearDupes, row: DocumentRow, report: IngestReport) -> None:
    doc = document_of(row)
    try:
        if settle(store, near, doc, row.minhash, report):
            extraction = extraction_of(row)
            if extraction is None:
                # The worker saw it stored (and skipped parsing); it is gone now.
                raise SaidwhatError(
                    "its stored copy was deleted during the ingest; ingest it again",
                    source=doc.ref,
                )
            # settle() has just checked for near copies; nothing was stored in between.
            store_extracted(store, None, doc, extraction, row.minhash, report)
    except SaidwhatError as e:
        report.errors.append(str(e))
