"""Concurrent writers lose nothing: two ingests and a merge at once, on both backends."""

from __future__ import annotations

from search_samples import make_document

from concurrent_writers import (
    SEED,
    assert_nothing_lost_or_doubled,
    run_together,
    writer_documents,
)
from saidwhat.search.people import merge_people
from saidwhat.store.db import open_store
from saidwhat.store.documents import store_document


def test_two_writers_and_a_merge_at_once_lose_nothing(backend_store):
    target = backend_store.target()
    with open_store(target) as store:  # a person to merge into Ilse Vantor meanwhile
        doc, ex = make_document("seed.txt", SEED)
        store_document(store, doc, ex)

    def writer(n: int):
        def write(store) -> None:
            for doc, ex in writer_documents(n):
                store_document(store, doc, ex)

        return write

    run_together(
        target,
        writer(1),
        writer(2),
        lambda store: merge_people(store, "Ilse Vantor", "I. Vantor-Kell"),
    )
    assert_nothing_lost_or_doubled(target)
