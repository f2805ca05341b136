"""Events in the pipeline: coding at ingest from the extractor's own parse, and recoding a store.

:class:`CodingExtractor` is the statement :class:`~saidwhat.extraction.Extractor`
plus event coding of the same spaCy parse, so ingest does not parse twice;
:func:`event_writer` writes what it found in the transaction that stores the document and its statements.
:func:`recode_store` parses stored documents again and replaces their events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from saidwhat.errors import SaidwhatError
from saidwhat.extraction import Extractor
from saidwhat.model import Document, Extraction, Person
from saidwhat.store.db import Store
from saidwhat.store.events import (
    iter_documents_to_code,
    replace_document_events,
    write_document_events,
)

from .coder import EventCoder
from .lexicon import lexicon_for
from .model import Event

log = logging.getLogger(__name__)

#: Recorded with every stored event, so a store says which coder made its events.
CODER_NAME = "saidwhat-rules-1"


@dataclass
class CodedExtraction(Extraction):
    """An :class:`Extraction` with the events coded from the same parse."""

    events: list[Event] = field(default_factory=list)


def code_parse(sdoc, statements, people: Iterable[Person], language: str | None) -> list[Event]:
    """Events of a parsed document, or none when there is no lexicon for its language."""
    if lexicon_for(language) is None:
        return []
    events = EventCoder(language).code(sdoc, statements, people)
    text = sdoc.text
    kept = []
    for ev in events:
        try:
            ev.check_offsets(text)
        except ValueError as e:  # a bug, not bad input: log it and keep the rest
            log.warning("dropped an event: %s", e)
            continue
        kept.append(ev)
    return kept


class CodingExtractor(Extractor):
    """Extracts statements and codes events from the one parse of each document."""

    def from_parse(self, doc: Document, sdoc) -> CodedExtraction:
        ex = super().from_parse(doc, sdoc)
        events = code_parse(sdoc, ex.statements, ex.people, doc.language)
        return CodedExtraction(statements=ex.statements, people=ex.people, events=events)

    def extract_many(
        self, docs: Iterable[Document], batch_size: int | None = None, *, errors: str = "raise"
    ) -> Iterator[tuple[Document, Extraction | SaidwhatError]]:
        for doc, ex in super().extract_many(docs, batch_size=batch_size, errors=errors):
            yield doc, (ex if isinstance(ex, SaidwhatError) else self._coded(doc, ex))

    def extract(self, doc: Document) -> Extraction:
        return self._coded(doc, super().extract(doc))

    #: Events of the sections of the long document being extracted, each with the
    #: document offsets of its statement: ``(event, (start, end) or None, dated_by key)``.
    _section_events: list[tuple[Event, tuple | None, tuple | None]] | None = None

    def _extract_long(self, doc: Document) -> Extraction:
        self._section_events = None  # nothing left over from a document that failed
        return super()._extract_long(doc)

    def _on_section(self, part, sdoc, found, persons, offset: int, start: int) -> None:
        if lexicon_for(part.language) is None:
            return
        if self._section_events is None:
            self._section_events = []

        def key(i: int | None) -> tuple | None:
            if i is None:
                return None
            return (found[i].quote_start + offset, found[i].quote_end + offset)

        for ev in EventCoder(part.language).code(sdoc, found, persons):
            if ev.start + offset < start:
                continue  # in the context the previous section already coded
            _shift_event(ev, offset)
            self._section_events.append((ev, key(ev.statement), key(ev.dated_by)))

    def _long_events(self, doc: Document, ex: Extraction) -> CodedExtraction:
        """The events collected section by section, pointed at the final statements."""
        pending, self._section_events = self._section_events or [], None
        index = {(st.quote_start, st.quote_end): i for i, st in enumerate(ex.statements)}
        events = []
        for ev, statement, dated_by in pending:
            ev.statement = index.get(statement) if statement else None
            ev.dated_by = index.get(dated_by) if dated_by else None
            try:
                ev.check_offsets(doc.text)
            except ValueError as e:  # a bug, not bad input: log it and keep the rest
                log.warning("dropped an event: %s", e)
                continue
            events.append(ev)
        return CodedExtraction(statements=ex.statements, people=ex.people, events=events)

    def _coded(self, doc: Document, ex: Extraction) -> Extraction:
        # Posts are not parsed by the statement extractor; they are short, parse them here.
        if isinstance(ex, CodedExtraction):
            return ex
        # A long document was parsed section by section (to bound memory): its events
        # were coded from those parses as they went (_on_section).
        if self._is_long(doc):
            return self._long_events(doc, ex)
        if not ex.statements:
            return ex
        if lexicon_for(doc.language) is None:
            return ex
        self._fit(doc.text)
        sdoc = self.nlp(doc.text)
        return CodedExtraction(
            statements=ex.statements,
            people=ex.people,
            events=code_parse(sdoc, ex.statements, ex.people, doc.language),
        )


def _shift_event(ev: Event, offset: int) -> None:
    """Move an event coded on a section's text to document offsets."""
    ev.start += offset
    ev.end += offset
    ev.sentence_start += offset
    ev.sentence_end += offset
    for ent in (*ev.actor, *ev.recipient):
        if ent.start is not None:
            ent.start += offset
            ent.end += offset


def event_writer(
    doc: Document, extraction: Extraction | None, *, fresh: bool = False
) -> Callable[[Any, int], int] | None:
    """``write(conn, document_id)``: stores the document's events in the caller's transaction
    (:func:`saidwhat.store.documents.store_document` calls it); None if it was not coded.
    ``fresh``: only ever called for a document stored in that transaction (nothing
    to replace: see ``write_document_events``)."""
    if not isinstance(extraction, CodedExtraction):
        return None
    day = _day(doc.published)

    def write(conn: Any, document_id: int) -> int:
        return write_document_events(
            conn,
            document_id,
            extraction.events,
            extraction.statements,
            day=day,
            coder=CODER_NAME,
            people=extraction.people,
            fresh=fresh,
        )

    return write


def _day(published: str | None) -> str | None:
    return published[:10] if published else None


@dataclass
class RecodeReport:
    documents: int = 0
    events: int = 0
    skipped: int = 0  # documents in a language without a lexicon


def recode_store(
    store: Store,
    *,
    extractor: Extractor | None = None,
    progress: Callable[[RecodeReport], None] | None = None,
) -> RecodeReport:
    """Code every stored document again (its stored statements as they are) and replace its events."""
    extractor = extractor or Extractor()
    report = RecodeReport()
    for stored in iter_documents_to_code(store):
        if lexicon_for(stored.language) is None:
            report.skipped += 1
            continue
        extractor._fit(stored.text)
        sdoc = extractor.nlp(stored.text)
        if stored.coded_people is not None:
            people = [Person(**p) for p in stored.coded_people]  # the input ingest had
        else:
            people = [
                Person(name=name, type=kind or "person", aliases=aliases, country=country)
                for name, kind, country, aliases in stored.people
                if name
            ]
        events = code_parse(sdoc, stored.statements, people, stored.language)
        report.events += replace_document_events(
            store,
            stored.document_id,
            events,
            stored.statements,
            day=_day(stored.published),
            coder=CODER_NAME,
            people=people,
        )
        report.documents += 1
        if progress:
            progress(report)
    return report
