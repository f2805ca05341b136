"""Distributed ingest on Dask: ``saidwhat ingest PATHS --workers N`` or ``--scheduler URL``.

The client (the ``saidwhat ingest`` process) walks the inputs into document
references (file paths and URLs, never parsed documents) and ships them to the
cluster in batches (:mod:`.refs`). Each worker process loads the spaCy model
once (:mod:`.worker`), reads and extracts its batch, and returns compact rows:
plain tuples and dicts (:mod:`.rows`), never spaCy objects. The client stores
each batch in one transaction (:mod:`.storing`), in input order, with the same
decisions as the single-process ingest (:func:`saidwhat.ingest.settle`); the
near-duplicate index lives in the store, so copies extracted on different
workers are still caught (:mod:`saidwhat.store.near_dupes`). Storing is
idempotent (by content hash), so a batch that Dask reruns after losing a
worker stores nothing twice (:mod:`.client`).

Nothing here imports Dask until an ingest asks for it.
"""
