"""Distributed ingest on a two-worker local Dask cluster gives the single-process result."""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import pytest
from scale_corpus import article, new_name_documents, write_corpus

from saidwhat.ingest import ingest_paths
from saidwhat.scale.client import ingest_distributed
from saidwhat.store.db import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"
GERMAN = (
    "Der Stadtrat von Nordhafen hat am Mittwoch beschlossen, die Fährpreise im April um zwölf "
    "Prozent zu erhöhen. Die Vorsitzende sagte, die Boote könnten nicht länger mit den Preisen "
    "des letzten Jahrzehnts fahren, und die Opposition kündigte Widerstand im Rat an."
)


def sorted_export(make_cli, db: Path) -> bytes:
    """Every statement with its provenance, one sorted JSON line each.

    ``ingested_at`` (the wall-clock time of the ingest) is the only field left
    out; ids stay in, so the stores must also agree on the order of storing.
    """
    result = make_cli(db)("export", "--format", "jsonl", "-o", "-")
    assert result.exit_code == 0, result.output
    lines = []
    for line in result.stdout.splitlines():
        row = json.loads(line)
        row.pop("ingested_at")
        lines.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return "\n".join(sorted(lines)).encode("utf-8")


def copies(db: Path) -> list[tuple]:
    store = open_store(db)
    try:
        rows = store.query(
            "SELECT d.id, d.ref, d.status, c.ref, c.match FROM documents d"
            " JOIN document_copies c ON c.document_id = d.id ORDER BY d.id, c.ref"
        )
        return [tuple(r) for r in rows]
    finally:
        store.close()


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory) -> Path:
    """Some example documents (text, HTML, a social export) plus an exact copy, a near
    copy, an unreadable file and a German article."""
    folder = tmp_path_factory.mktemp("mixed") / "corpus"
    folder.mkdir()
    texts = sorted(EXAMPLES.glob("*.txt"))[:3]
    for path in [*texts, *EXAMPLES.glob("*.html"), *EXAMPLES.glob("*.jsonl")]:
        shutil.copy(path, folder / path.name)
    text = texts[0].read_text(encoding="utf-8")
    (folder / "zz-exact-copy.txt").write_text(text, encoding="utf-8")
    (folder / "zz-near-copy.txt").write_text(
        "SYNDICATED (Wire) - " + text + "\nEditing by the desk.\n", encoding="utf-8"
    )
    (folder / "zz-broken.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "zz-german.txt").write_text(GERMAN, encoding="utf-8")
    return folder


def _ingest_both(tmp_path, make_cli, client, inputs: list[str], batch_size: int):
    one, many = tmp_path / "one.db", tmp_path / "many.db"
    with open_store(one) as store:
        single = ingest_paths(store, inputs)
    with open_store(many) as store:
        spread = ingest_distributed(store, inputs, client=client, batch_size=batch_size)
    return one, many, single, spread


def test_two_workers_match_single_process(tmp_path, make_cli, dask_cluster, mixed_corpus):
    inputs = [str(mixed_corpus), str(tmp_path / "missing.txt")]
    one, many, single, spread = _ingest_both(tmp_path, make_cli, dask_cluster, inputs, 3)
    assert single.as_dict() == spread.as_dict()
    assert single.errors == spread.errors
    assert spread.stored > 5 and spread.statements > 20
    assert (spread.duplicates, spread.near_duplicates, spread.unsupported) == (1, 1, 1)
    assert len(spread.errors) == 2  # the broken file and the missing one
    assert sorted_export(make_cli, one) == sorted_export(make_cli, many)
    assert copies(one) == copies(many)


def test_idempotent_rerun(tmp_path, make_cli, dask_cluster):
    folder = tmp_path / "corpus"
    write_corpus(folder, 6, seed=3)
    db = tmp_path / "again.db"
    with open_store(db) as store:
        first = ingest_distributed(store, [str(folder)], client=dask_cluster, batch_size=2)
    before = sorted_export(make_cli, db)
    with open_store(db) as store:
        # The workers see the store (same machine): they skip parsing what is stored.
        again = ingest_distributed(
            store, [str(folder)], client=dask_cluster, batch_size=3, workers_read_store=True
        )
    assert first.stored == 6 and first.statements >= 6
    assert (again.documents, again.duplicates, again.stored, again.statements) == (6, 6, 0, 0)
    assert sorted_export(make_cli, db) == before


def test_workers_skip_parsing_what_is_stored(tmp_path):
    """With the store readable, a worker returns stored documents and near copies unparsed."""
    from saidwhat.model import Document
    from saidwhat.scale.worker import process_batch
    from saidwhat.sources.dedup import signature
    from saidwhat.sources.files import MAX_BYTES
    from saidwhat.store.documents import store_document
    from saidwhat.store.near_dupes import NearDupes

    folder = tmp_path / "c"
    stored, copy = write_corpus(folder, 2, seed=9)
    near = folder / "near.txt"
    text = stored.read_text(encoding="utf-8")
    near.write_text("WIRE - " + text + "Reporting by staff.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    with open_store(db) as store:
        store_document(store, Document(text, str(stored)), None, minhash=signature(text))
        other = copy.read_text(encoding="utf-8")
        store_document(store, Document(other, "elsewhere.txt"), None, minhash=signature(other))
        NearDupes(store).catch_up()  # as the ingest's client does before each lookup
    refs = [(str(p), str(p)) for p in (stored, copy, near)]
    rows = [
        r for per_ref in process_batch(refs, "no-model-needed", MAX_BYTES, str(db)) for r in per_ref
    ]
    assert len(rows) == 3
    assert all(r.statements is None and r.minhash for r in rows)


def test_near_copy_caught_across_workers(tmp_path, dask_cluster):
    """The original and its near copy are extracted on different workers; the store catches it."""
    import random

    from distributed import get_task_stream

    text = article(1, random.Random(5))
    folder = tmp_path / "pair"
    folder.mkdir()
    (folder / "a-original.txt").write_text(text, encoding="utf-8")
    (folder / "b-copy.txt").write_text("WIRE - " + text + "Reporting by staff.\n", "utf-8")
    with open_store(tmp_path / "pair.db") as store, get_task_stream(dask_cluster) as stream:
        report = ingest_distributed(store, [str(folder)], client=dask_cluster, batch_size=1)
    workers = {t["worker"] for t in stream.data if str(t["key"]).startswith("saidwhat-ingest")}
    assert len(workers) == 2, stream.data  # one batch on each worker
    assert (report.stored, report.near_duplicates) == (1, 1)
    rows = copies(tmp_path / "pair.db")
    assert [(r[1].rsplit("/", 1)[1], r[3].rsplit("/", 1)[1], r[4]) for r in rows] == [
        ("a-original.txt", "a-original.txt", "original"),
        ("a-original.txt", "b-copy.txt", "near"),
    ]


def test_killed_worker_loses_and_doubles_nothing(tmp_path, make_cli, dask_cluster):
    """SIGKILL a worker that is extracting a batch: Dask reruns it, the store is unchanged."""
    folder = tmp_path / "corpus"
    write_corpus(folder, 24)
    reference = tmp_path / "reference.db"
    with open_store(reference) as store:
        ingest_paths(store, [str(folder)])

    killed: list[str] = []

    def kill_once(report) -> None:
        if killed or report.documents < 2:
            return
        busy = [w for w, keys in dask_cluster.processing().items() if keys]
        assert busy, "no worker was busy: the corpus is too small to kill one mid-batch"
        pid = dask_cluster.run(os.getpid, workers=[busy[0]])[busy[0]]
        os.kill(pid, signal.SIGKILL)
        killed.append(busy[0])

    db = tmp_path / "killed.db"
    with open_store(db) as store:
        report = ingest_distributed(
            store, [str(folder)], client=dask_cluster, batch_size=2, progress=kill_once
        )
    assert killed
    assert not report.errors
    assert (report.documents, report.stored) == (24, 24)
    assert sorted_export(make_cli, db) == sorted_export(make_cli, reference)


@pytest.fixture
def pg_target(pg_server):
    name = pg_server.create(pg_server.template("empty"))
    yield pg_server.url_of(name)
    pg_server.drop(name)


def test_two_workers_into_postgres_match_single_process_sqlite(
    tmp_path, make_cli, dask_cluster, mixed_corpus, pg_target
):
    """`ingest --workers 2 --db postgresql://...` stores what one process stores in SQLite;
    a rerun is skipped on the workers (they read PostgreSQL) and stores nothing twice."""
    inputs = [str(mixed_corpus)]
    one = tmp_path / "one.db"
    with open_store(one) as store:
        single = ingest_paths(store, inputs)
    with open_store(pg_target) as store:
        spread = ingest_distributed(store, inputs, client=dask_cluster, batch_size=3)
    assert single.as_dict() == spread.as_dict()
    assert sorted_export(make_cli, one) == sorted_export(make_cli, pg_target)
    assert copies(one) == copies(pg_target)
    before = sorted_export(make_cli, pg_target)
    with open_store(pg_target) as store:
        again = ingest_distributed(store, inputs, client=dask_cluster, batch_size=4)
    assert (again.stored, again.statements) == (0, 0)
    assert again.duplicates + again.near_duplicates == again.documents == spread.documents
    assert sorted_export(make_cli, pg_target) == before


def test_workers_skip_parsing_what_postgres_holds(tmp_path, pg_target):
    """The worker's pre-check reads a PostgreSQL store through its URL (read-only session)."""
    from saidwhat.model import Document
    from saidwhat.scale.worker import process_batch
    from saidwhat.sources.dedup import signature
    from saidwhat.sources.files import MAX_BYTES
    from saidwhat.store.documents import store_document
    from saidwhat.store.near_dupes import NearDupes

    folder = tmp_path / "c"
    stored, _ = write_corpus(folder, 2, seed=9)
    near = folder / "near.txt"
    text = stored.read_text(encoding="utf-8")
    near.write_text("WIRE - " + text + "Reporting by staff.\n", encoding="utf-8")
    with open_store(pg_target) as store:
        store_document(store, Document(text, str(stored)), None, minhash=signature(text))
        NearDupes(store).catch_up()
    refs = [(str(p), str(p)) for p in (stored, near)]
    rows = [
        r
        for per_ref in process_batch(refs, "no-model-needed", MAX_BYTES, pg_target)
        for r in per_ref
    ]
    assert len(rows) == 2
    assert all(r.statements is None and r.minhash for r in rows)


def _worker_memory_state(dask_worker) -> dict:
    """What grows a worker's memory, read on the worker: profiler, its history, spaCy strings."""
    from saidwhat.scale import worker

    ex = worker._extractors.get(worker.DEFAULT_MODEL)
    return {
        "profiling": "profile" in dask_worker.periodic_callbacks,
        "profile_history": len(dask_worker.profile_history),
        "strings": len(ex.nlp.vocab.strings) if ex is not None else None,
        "in_zone": ex.nlp.vocab.in_memory_zone if ex is not None else None,
    }


def test_workers_keep_no_profile_and_no_new_strings(tmp_path, dask_cluster):
    # Dask's profiler kept a call tree per second for 1,000 s (0.3 MB/s of a worker's
    # life); spaCy keeps every new string unless parsed in a memory zone.
    before = dask_cluster.run(_worker_memory_state)
    folder = tmp_path / "fresh"
    folder.mkdir()
    for doc in new_name_documents("dk", 8):  # names and numbers the workers never saw
        (folder / doc.ref).write_text(doc.text, encoding="utf-8")
    with open_store(tmp_path / "zone.db") as store:
        report = ingest_distributed(store, [str(folder)], client=dask_cluster, batch_size=2)
    assert report.stored == 8 and report.statements >= 8
    after = dask_cluster.run(_worker_memory_state)
    # a worker the nanny restarted under load (a missed heartbeat) comes back under a
    # new address with a fresh model: its strings have nothing to compare with
    survivors = before.keys() & after.keys()
    assert survivors, (before, after)
    for address, state in after.items():
        assert not state["profiling"] and state["profile_history"] == 0, state
        assert state["in_zone"] is False
        if address in survivors:
            assert state["strings"] == before[address]["strings"], (before, after)
