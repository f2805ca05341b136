"""The single-process ingest stores its documents a group at a time, in the order read.

A group is one transaction (the distributed ingest's batch store); the result
is the same as storing each document alone, a document that needs no
extraction (a copy, a language the extractor does not read) keeps its place in
the order, and a group that fails as a whole is stored one document at a time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import saidwhat.ingest as ingest
import saidwhat.scale.storing as storing
from saidwhat.errors import SaidwhatError
from saidwhat.store.db import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
GERMAN = (
    "Der Hafenrat von Lindholm hat am Montag beschlossen, die Liegegebühren im Mai um acht "
    "Prozent zu erhöhen. Der Vorsitzende sagte, die Kasse sei leer, und die Fischer kündigten "
    "Protest vor dem Rathaus an."
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Four example articles, then a German one, an exact copy and a fifth article."""
    folder = tmp_path_factory.mktemp("groups") / "corpus"
    folder.mkdir()
    texts = sorted(EXAMPLES.glob("*.txt"))[:5]
    for k, path in enumerate(texts[:4]):
        shutil.copy(path, folder / f"{k}-{path.name}")
    (folder / "4-german.txt").write_text(GERMAN, encoding="utf-8")
    shutil.copy(texts[0], folder / "5-copy.txt")
    shutil.copy(texts[4], folder / f"6-{texts[4].name}")
    return folder


def _documents(db: Path) -> list[tuple]:
    with open_store(db) as store:
        rows = store.query("SELECT id, ref, status FROM documents ORDER BY id")
        docs = [(r[0], Path(r[1]).name, r[2]) for r in rows]
        n = store.query("SELECT count(*) FROM statements")[0][0]
        copies = store.query("SELECT document_id, ref, match FROM document_copies ORDER BY ref")
        return docs, n, [(r[0], Path(r[1]).name, r[2]) for r in copies]


def _ingest(db: Path, corpus: Path):
    with open_store(db) as store:
        return ingest.ingest_paths(store, [str(corpus)])


def test_groups_store_what_one_by_one_stores(tmp_path, corpus, monkeypatch):
    calls: list[int] = []
    real = storing.store_batch

    def counting(store, near, items, *args, **kwargs):
        if items:
            calls.append(len(items))
        return real(store, near, items, *args, **kwargs)

    monkeypatch.setattr(storing, "store_batch", counting)
    monkeypatch.setattr(ingest, "STORE_BATCH_SECONDS", 3600.0)
    grouped = _ingest(tmp_path / "grouped.db", corpus)
    assert calls == [7]  # every document of the folder in one transaction
    monkeypatch.setattr(ingest, "STORE_BATCH_DOCUMENTS", 1)
    calls.clear()
    alone = _ingest(tmp_path / "alone.db", corpus)
    # one at a time, except that the German article, ready at once, waits for the
    # article read before it to come out of the parser
    assert sum(calls) == 7 and len(calls) >= 6
    # a group waits at most STORE_BATCH_SECONDS: a slow feed's documents are stored soon
    monkeypatch.setattr(ingest, "STORE_BATCH_DOCUMENTS", 100)
    monkeypatch.setattr(ingest, "STORE_BATCH_SECONDS", 0.0)
    calls.clear()
    timed = _ingest(tmp_path / "timed.db", corpus)
    assert sum(calls) == 7 and len(calls) >= 6 and timed.as_dict() == alone.as_dict()
    assert grouped.as_dict() == alone.as_dict()
    assert (grouped.stored, grouped.duplicates, grouped.unsupported) == (5, 1, 1)
    docs, n, copies = _documents(tmp_path / "grouped.db")
    assert (docs, n, copies) == _documents(tmp_path / "alone.db")
    # in the order read: the German article keeps its place between the others
    assert [name for _, name, _ in docs][4] == "4-german.txt"
    assert docs[4][2] == "unsupported-language"
    assert (1, "5-copy.txt", "exact") in copies
    assert [c for c in copies if c[2] != "original"] == [(1, "5-copy.txt", "exact")]


def test_a_failing_group_is_stored_one_by_one(tmp_path, corpus, monkeypatch):
    def broken(*args, **kwargs):
        raise SaidwhatError("the group failed as a whole")

    expected = _ingest(tmp_path / "ok.db", corpus)
    monkeypatch.setattr(storing, "_store_batch", broken)
    report = _ingest(tmp_path / "fallback.db", corpus)
    assert report.as_dict() == expected.as_dict()
    assert _documents(tmp_path / "fallback.db") == _documents(tmp_path / "ok.db")


def test_what_was_extracted_before_an_error_is_stored(tmp_path, corpus, monkeypatch):
    from saidwhat.model import Extraction

    def three_then_fail(docs, **kwargs):  # the extractor dies on the fourth document
        for k, doc in enumerate(docs):
            if k == 3:
                raise RuntimeError("the extractor broke")
            yield doc, Extraction(statements=[], people=[])

    monkeypatch.setattr(ingest, "STORE_BATCH_DOCUMENTS", 100)
    monkeypatch.setattr(ingest, "extract_stream", three_then_fail)
    with pytest.raises(RuntimeError):
        _ingest(tmp_path / "broken.db", corpus)
    docs, _, _ = _documents(tmp_path / "broken.db")
    assert [(i, name[0]) for i, name, _ in docs] == [(1, "0"), (2, "1"), (3, "2")]
