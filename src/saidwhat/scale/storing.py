"""Extracted documents stored a batch at a time: the decisions of ``settle``, batched.

Used for each worker's batch by the distributed client and for each group of
extracted documents by the single-process ingest (:mod:`saidwhat.ingest`).

For each document, in order, the same decisions as the single-process ingest
(:func:`saidwhat.ingest.settle` and :func:`~saidwhat.ingest.store_extracted`):
an exact copy of a stored document (provenance added), a near copy (provenance
added, no statements), a language the extractor does not read (stored without
statements), else the document with its statements and events. A document of
the batch counts as stored for those that follow it, exactly as if they had
been stored one by one.

What differs is the cost: the exact-copy check is one query for the batch, the
near-duplicate index catches up once and is asked once (candidates of every
signature, then verified here), and everything is written in one transaction
(:mod:`saidwhat.store.document_batches`). A batch that fails as a whole (a
document whose statements do not fit its text, a database error) is rolled
back and stored again one document at a time, so only that document is
reported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import fields
from typing import TYPE_CHECKING

from saidwhat.errors import SaidwhatError
from saidwhat.events.service import event_writer
from saidwhat.ingest import ORIGINAL_GONE, IngestReport, is_supported
from saidwhat.model import Document, Extraction
from saidwhat.scale.rows import DocumentRow, document_of, extraction_of
from saidwhat.sources.dedup import band_keys, check_signature
from saidwhat.store.document_batches import document_batch
from saidwhat.store.documents import find_by_hash, stored_hashes
from saidwhat.store.near_dupes import NearDupes, best_match

if TYPE_CHECKING:
    from saidwhat.store.db import Store

log = logging.getLogger(__name__)

#: The report's counters (everything but the error list), merged after a batch commits.
_COUNTERS = tuple(f.name for f in fields(IngestReport) if f.name != "errors")


#: One document to store: its record, its extraction (None: not extracted) and MinHash.
Item = tuple[Document, Extraction | None, bytes | None]


def store_rows(
    store: Store,
    near: NearDupes,
    rows: list[DocumentRow],
    report: IngestReport,
    store_one: Callable[[DocumentRow], None],
) -> None:
    """Store ``rows`` (one worker batch, in input order) in one transaction.

    ``store_one(row)`` stores a single row the one-document way: used for every
    row when the batch as a whole fails, so one bad document costs only itself.
    """
    try:
        items = [(document_of(row), extraction_of(row), row.minhash) for row in rows]
    except ValueError as e:
        _one_by_one(len(rows), e, lambda k: store_one(rows[k]))
        return
    store_batch(store, near, items, report, lambda k: store_one(rows[k]))


def store_batch(
    store: Store,
    near: NearDupes,
    items: list[Item],
    report: IngestReport,
    store_one: Callable[[int], None],
    *,
    counted: bool = False,
) -> None:
    """Store ``items`` (in input order) in one transaction; ``store_one(k)`` stores the
    k-th the one-document way when the batch as a whole fails.

    With ``counted``, the caller has already counted the documents as read (the
    single-process ingest counts each when it settles it).
    """
    if not items:
        return
    done = IngestReport()
    try:
        _store_batch(store, near, items, done)
    except (SaidwhatError, ValueError, *_errors(store)) as e:
        # Rolled back as a whole (a database error too: a lock wait over the
        # store's timeout, say); one by one, only the failing document fails.
        _one_by_one(len(items), e, store_one)
        return
    for name in _COUNTERS:
        if not (counted and name == "documents"):
            setattr(report, name, getattr(report, name) + getattr(done, name))
    report.errors.extend(done.errors)


def _one_by_one(n: int, error: Exception, store_one: Callable[[int], None]) -> None:
    log.info("a batch of %d documents failed as a whole (%s); storing one by one", n, error)
    for k in range(n):
        store_one(k)


def _errors(store: Store) -> tuple[type[Exception], ...]:
    errors = store.errors
    return errors if isinstance(errors, tuple) else (errors,)


def _store_batch(store: Store, near: NearDupes, items: list[Item], report: IngestReport):
    docs = [doc for doc, _, _ in items]
    extractions = [extraction for _, extraction, _ in items]
    sigs = [sig for _, _, sig in items]
    for sig in sigs:
        if sig is not None:
            check_signature(sig)
    near.catch_up()
    stored = stored_hashes(store, [doc.content_hash for doc in docs])
    candidates = near.candidates([sig for sig in sigs if sig is not None])
    # Documents stored by this batch, as the later ones of the batch must see them:
    # their id by band key (near copies) and by content hash (exact copies).
    batch_bands: dict[int, list[tuple[int, bytes]]] = {}
    names = [
        name
        for ex in extractions
        if ex is not None
        for name in (
            *(st.speaker for st in ex.statements if st.speaker),
            *(n for p in ex.people for n in (p.name, *p.aliases)),
        )
    ]
    with document_batch(store, names) as batch:
        for doc, extraction, sig in items:
            report.documents += 1
            existing = stored.get(doc.content_hash)
            if existing is not None:
                batch.copy(existing, doc, "exact")
                report.duplicates += 1
                continue
            if sig is not None:
                found = list(candidates.get(sig, ()))
                for key in band_keys(sig):
                    found.extend(batch_bands.get(key, ()))
                dup = best_match(sig, found, near.threshold)
                if dup is not None:
                    batch.copy(dup, doc, "near")
                    report.near_duplicates += 1
                    continue
            supported = is_supported(doc)
            if supported and extraction is None:
                # The worker saw it stored (and skipped parsing); it is gone now.
                report.errors.append(str(SaidwhatError(ORIGINAL_GONE, source=doc.ref)))
                continue
            saved = batch.store(
                doc,
                extraction if supported else None,
                status="extracted" if supported else "unsupported-language",
                minhash=sig,
                then=event_writer(doc, extraction, fresh=True) if supported else None,
                existing=lambda digest=doc.content_hash: find_by_hash(store, digest),
            )
            if not saved.created:
                report.duplicates += 1
                continue
            stored[doc.content_hash] = saved.document_id
            if sig is not None:
                for key in band_keys(sig):
                    batch_bands.setdefault(key, []).append((saved.document_id, sig))
            if not supported:
                report.unsupported += 1
                log.warning(
                    "%s: language %r is not supported; stored without statements",
                    doc.ref,
                    doc.language,
                )
                continue
            report.stored += 1
            report.statements += saved.statements
            report.events += saved.extra
