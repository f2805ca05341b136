"""Events in the pipeline: coding at ingest from the extractor's own parse, and recoding a store.

:class:`CodingExtractor` is the statement :class:`~saidwhat.extraction.Extractor`
plus event coding of the same spaCy parse, so ingest does not parse twice;
:func:`store_events` writes what it found next to the document's statements.
:func:`recode_store` parses stored documents again and replaces their events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from saidwhat.errors import SaidwhatError
from saidwhat.extraction import Extractor
from saidwhat.model import Document, Extraction, Person
from saidwhat.store.db import Store
from saidwhat.store.events import iter_documents_to_code, replace_document_events

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

    def _coded(self, doc: Document, ex: Extraction) -> Extraction:
        # Posts are not parsed by the statement extractor; they are short, parse them here.
        if isinstance(ex, CodedExtraction) or not ex.statements:
            return ex
        # A long document is extracted section by section to bound memory; parsing it
        # whole here would undo that, so its events are not coded (yet).
        if self._is_long(doc):
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


def store_events(store: Store, document_id: int, doc: Document, extraction: Extraction) -> int:
    """Store the events of a freshly stored document (none if it was not coded)."""
    events = getattr(extraction, "events", None)
    if not isinstance(extraction, CodedExtraction) or events is None:
        return 0
    day = doc.published[:10] if doc.published else None
    return replace_document_events(
        store, document_id, events, extraction.statements, day=day, coder=CODER_NAME
    )


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
        people = [
            Person(name=name, type=kind or "person", aliases=aliases, country=country)
            for name, kind, country, aliases in stored.people
            if name
        ]
        events = code_parse(sdoc, stored.statements, people, stored.language)
        day = stored.published[:10] if stored.published else None
        report.events += replace_document_events(
            store, stored.document_id, events, stored.statements, day=day, coder=CODER_NAME
        )
        report.documents += 1
        if progress:
            progress(report)
    return report
