"""What a worker sends back: compact rows of plain values, and the way back to records.

A document travels as a dict of its fields, its statements and people as
tuples in dataclass field order. Everything pickles small and fast, and no
spaCy object (which would drag the parse and the vocabulary along) ever
crosses the network.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any, NamedTuple

from saidwhat.events.model import Entity, Event
from saidwhat.events.service import CodedExtraction
from saidwhat.model import Document, Extraction, Person, Statement

STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))
PERSON_FIELDS = tuple(f.name for f in fields(Person))


class DocumentRow(NamedTuple):
    """One document read by a worker: its fields, MinHash and extraction (None: not extracted)."""

    document: dict[str, Any]
    minhash: bytes | None
    statements: list[tuple] | None
    people: list[tuple] | None
    #: The PLOVER events coded from the same parse (plain dicts), None when not coded.
    events: list[dict[str, Any]] | None = None


class ErrorRow(NamedTuple):
    """A document reference that could not be read or extracted: ``saidwhat: error: MESSAGE``."""

    message: str


Row = DocumentRow | ErrorRow


def document_row(
    doc: Document, minhash: bytes | None, extraction: Extraction | None
) -> DocumentRow:
    if extraction is None:
        return DocumentRow(asdict(doc), minhash, None, None)
    return DocumentRow(
        asdict(doc),
        minhash,
        [tuple(getattr(st, f) for f in STATEMENT_FIELDS) for st in extraction.statements],
        [tuple(getattr(p, f) for f in PERSON_FIELDS) for p in extraction.people],
        [asdict(ev) for ev in extraction.events]
        if isinstance(extraction, CodedExtraction)
        else None,
    )


def document_of(row: DocumentRow) -> Document:
    return Document(**row.document)


def extraction_of(row: DocumentRow) -> Extraction | None:
    if row.statements is None:
        return None
    statements = [Statement(**dict(zip(STATEMENT_FIELDS, t, strict=True))) for t in row.statements]
    people = [Person(**dict(zip(PERSON_FIELDS, t, strict=True))) for t in row.people or []]
    if row.events is None:
        return Extraction(statements=statements, people=people)
    return CodedExtraction(
        statements=statements, people=people, events=[_event(d) for d in row.events]
    )


def _event(d: dict[str, Any]) -> Event:
    return Event(
        **{
            **d,
            "actor": [Entity(**e) for e in d["actor"]],
            "recipient": [Entity(**e) for e in d["recipient"]],
        }
    )
