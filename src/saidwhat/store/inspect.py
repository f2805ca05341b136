"""Read-only views of the store used by ``show`` and ``stats``."""

from __future__ import annotations

import json
import os
from typing import Any

from saidwhat.errors import NotFoundError
from saidwhat.store.concerns import Concern, as_dict
from saidwhat.store.db import Store


class Inspect(Concern):
    """``store.inspect``: what ``show`` and ``stats`` print."""

    def document(self, doc: str) -> dict[str, Any]:
        return document_details(self.store, doc)

    def stats(self) -> dict[str, Any]:
        return store_stats(self.store)


def ref_variants(doc: str) -> list[str]:
    """``doc`` and the other spellings of the same local path (``./a/b.txt``, ``a//b.txt``,
    absolute or relative to the current folder) that a ref may have been stored under."""
    out = [doc]
    if "://" in doc:
        return out
    path, hash_, anchor = doc.partition("#")  # "posts.jsonl#3": the third post
    tail = hash_ + anchor
    norm = os.path.normpath(path)
    absolute = os.path.abspath(path)
    for p in (norm, "./" + norm, absolute, os.path.relpath(absolute)):
        if p + tail not in out:
            out.append(p + tail)
    return out


def find_document(store: Store, doc: str) -> int:
    """A document id from an id, the ref it was ingested from (any spelling of the path),
    or any copy's URL."""
    doc = doc.strip()
    if doc.isdigit():
        rows = store.query("SELECT id FROM documents WHERE id = ?", (int(doc),))
    else:
        rows = []
        for ref in ref_variants(doc):
            rows = store.query(
                "SELECT document_id FROM document_copies WHERE ref = ? OR url = ? LIMIT 1",
                (ref, ref),
            )
            if rows:
                break
    if not rows:
        raise NotFoundError(
            "no such document in the store; `saidwhat quotes --format csv` lists each "
            "statement's doc (the path or URL it was ingested from) and doc_id",
            source=doc,
        )
    return int(rows[0][0])


def document_details(store: Store, doc: str) -> dict[str, Any]:
    doc_id = find_document(store, doc)
    row = store.query("SELECT * FROM documents WHERE id = ?", (doc_id,))[0]
    d = as_dict(row)
    d.pop("minhash", None)
    d["metadata"] = json.loads(d["metadata"] or "{}")
    copies = [
        as_dict(r)
        for r in store.query(
            "SELECT ref, outlet, url, published, title, match, seen_at FROM document_copies"
            " WHERE document_id = ? ORDER BY id",
            (doc_id,),
        )
    ]
    statements = [
        as_dict(r)
        for r in store.query(
            "SELECT s.id, COALESCE(p.name, s.speaker_name) AS speaker, s.speaker_mention,"
            " s.role, s.kind, s.cue, s.date, s.source, s.source_missing, s.confidence,"
            " s.quote_start, s.quote_end, s.quote"
            " FROM statements s LEFT JOIN people p ON p.id = s.person_id"
            " WHERE s.document_id = ? ORDER BY s.quote_start",
            (doc_id,),
        )
    ]
    return {"document": d, "copies": copies, "statements": statements}


def store_stats(store: Store) -> dict[str, Any]:
    one = lambda sql: store.query(sql)[0][0]  # noqa: E731
    figures: dict[str, Any] = {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "copies": one("SELECT COUNT(*) FROM document_copies"),
        "statements": one("SELECT COUNT(*) FROM statements"),
    }
    for kind, n in store.query("SELECT kind, COUNT(*) FROM statements GROUP BY kind ORDER BY kind"):
        figures[f"statements.{kind}"] = n
    figures["people"] = one("SELECT COUNT(*) FROM people")
    figures["feeds"] = one("SELECT COUNT(*) FROM feeds")
    figures["schema_version"] = store.schema_version
    if store.is_postgres:
        figures["size_bytes"] = one("SELECT pg_database_size(current_database())")
    elif store.path != ":memory:" and os.path.exists(store.path):
        figures["size_bytes"] = os.path.getsize(store.path)
    return figures
