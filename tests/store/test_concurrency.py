"""Concurrent writers lose nothing: two ingests and a merge at once, on both backends."""

from __future__ import annotations

import threading

from search_samples import make_document

from saidwhat.search.people import merge_people
from saidwhat.store.documents import store_document

#: Documents per writer; the two writers share half of them (the same texts).
N_DOCS = 24
SPEAKERS = ["Ilse Vantor", "Oren Maddix", "Tamsin Roe", "Pell Quarry"]


def _documents(writer: int) -> list:
    docs = []
    for i in range(N_DOCS):
        shared = i % 2 == 0  # even documents: the same text from both writers
        tag = f"shared {i}" if shared else f"writer {writer} doc {i}"
        said = [
            {"mention": SPEAKERS[(i + k) % len(SPEAKERS)], "quote": f"Statement {k} on {tag}."}
            for k in range(3)
        ]
        docs.append(make_document(f"w{writer}-{i}.txt", said, published="2026-05-01"))
    return docs


def test_two_writers_and_a_merge_at_once_lose_nothing(backend_store):
    target = backend_store.target()
    from saidwhat.store.db import open_store

    # A person to merge into Ilse Vantor while the writers run.
    with open_store(target) as store:
        said = [
            {"mention": "Ilse Vantor", "quote": "First seed."},
            {"mention": "I. Vantor-Kell", "quote": "Second seed."},
        ]
        doc, ex = make_document("seed.txt", said)
        store_document(store, doc, ex)
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def write(writer: int) -> None:
        try:
            with open_store(target, timeout=30) as store:
                start.wait()
                for doc, ex in _documents(writer):
                    store_document(store, doc, ex)
        except BaseException as e:  # reported below, with the thread's error
            errors.append(e)

    def merge() -> None:
        try:
            with open_store(target, timeout=30) as store:
                start.wait()
                merge_people(store, "Ilse Vantor", "I. Vantor-Kell")
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=write, args=(w,)) for w in (1, 2)]
    threads.append(threading.Thread(target=merge))
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors

    with open_store(target, write=False) as store:
        one = lambda sql: store.query(sql)[0][0]  # noqa: E731
        distinct_texts = N_DOCS // 2 + 2 * (N_DOCS // 2)  # shared once + each writer's own
        assert one("SELECT COUNT(*) FROM documents") == distinct_texts + 1
        assert one("SELECT COUNT(*) FROM statements") == 3 * distinct_texts + 2
        assert one("SELECT COUNT(*) FROM document_copies") == 2 * N_DOCS + 1
        # Each name is one person: no writer created a second copy of someone.
        people = store.query("SELECT name, COUNT(*) FROM people GROUP BY name")
        assert sorted(r[0] for r in people) == sorted(SPEAKERS)
        assert all(r[1] == 1 for r in people)
        # The merged person's statement went with the merge, nothing dangles.
        assert one("SELECT COUNT(*) FROM statements WHERE person_id IS NULL") == 0
        ilse = store.people.one("Ilse Vantor")
        assert (
            store.query(
                "SELECT COUNT(*) FROM statements WHERE person_id = ? AND quote LIKE '%seed.'",
                (ilse,),
            )[0][0]
            == 2
        )
