"""Writers on one store at once: the documents they share, running them together, and
what must hold after (used by the concurrency tests of the store and of the batch store)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from search_samples import make_document

from saidwhat.store.db import Store, open_store

#: Documents per writer; the two writers share half of them (the same texts).
N_DOCS = 24
SPEAKERS = ["Ilse Vantor", "Oren Maddix", "Tamsin Roe", "Pell Quarry"]
#: Two statements about to be merged into Ilse Vantor while the writers run.
SEED = [
    {"mention": "Ilse Vantor", "quote": "First seed."},
    {"mention": "I. Vantor-Kell", "quote": "Second seed."},
]


def writer_documents(writer: int) -> list:
    """Writer ``writer``'s documents: even ones are the same texts for both writers."""
    docs = []
    for i in range(N_DOCS):
        tag = f"shared {i}" if i % 2 == 0 else f"writer {writer} doc {i}"
        said = [
            {"mention": SPEAKERS[(i + k) % len(SPEAKERS)], "quote": f"Statement {k} on {tag}."}
            for k in range(3)
        ]
        docs.append(make_document(f"w{writer}-{i}.txt", said, published="2026-05-01"))
    return docs


def run_together(target: str, *jobs: Callable[[Store], None]) -> None:
    """Each job on its own connection to ``target``, in its own thread, all released at
    once; fails with every job's error."""
    errors: list[BaseException] = []
    start = threading.Barrier(len(jobs), timeout=60)

    def run(job: Callable[[Store], None]) -> None:
        try:
            with open_store(target, timeout=30) as store:
                start.wait()
                job(store)
        except BaseException as e:  # reported below, with the thread's error
            errors.append(e)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors


def assert_nothing_lost_or_doubled(target: str) -> None:
    """After two writers of :func:`writer_documents` and the merge of the seed's names."""
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
        seeds = store.query(
            "SELECT COUNT(*) FROM statements WHERE person_id = ? AND quote LIKE '%seed.'",
            (ilse,),
        )
        assert seeds[0][0] == 2
