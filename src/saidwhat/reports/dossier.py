"""Dossiers: the statements of a search, grouped by speaker, each quote with a citation.

:func:`build_dossier` turns hits into a :class:`Dossier` (pure data, no
formatting); :mod:`saidwhat.reports.markdown`, :mod:`~saidwhat.reports.html`
and :mod:`~saidwhat.reports.pdf` render it. Nothing here reads the clock:
the same hits give the same dossier, byte for byte.

A dossier is meant to be sent as it comes out, so: citations name the outlet,
title and URL, and a local file only by its title or file name (never the
analyst's folders); a statement whose source slot was empty in the document is
cited by its document's outlet or title when known ("source missing" only when
nothing is known); statements without an identified speaker are not a "speaker":
they come last, in a section named :data:`NO_SPEAKER_SECTION`, and are counted
apart in the summary.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from saidwhat.errors import ReportError, UsageError
from saidwhat.reports.text import clean_quote, display_ref, headline
from saidwhat.search.query import Hit

log = logging.getLogger(__name__)

ORDERS = ("importance", "time")
#: The last section: statements the documents do not attribute to anyone we could identify.
NO_SPEAKER_SECTION = "Statements without an identified speaker"
#: How a citation says where its date comes from (Statement.date_source); a date
#: without a note is the document's.
_DATED_BY = {"citation": "dated by its citation", "sentence": "date stated in the text"}


@dataclass
class Citation:
    number: int
    statement_id: int
    source: str | None  # who it is cited from: the statement's source, else the outlet
    outlet: str | None
    title: str | None
    date: str | None
    url: str | None
    doc: str
    source_missing: bool
    #: Where the date comes from ('citation', 'sentence', 'document'), shown after it.
    date_source: str | None = None

    @property
    def label(self) -> str:
        """Who to cite: the stated source, else the outlet, else the document itself."""
        return self.source or self.outlet or self.title or display_ref(self.doc)

    @property
    def unknown(self) -> bool:
        """The source slot was empty and nothing names the document's origin either."""
        return self.source_missing and not (self.outlet or self.title)

    def render(self, escape: Callable[[str], str], missing: str, link: Callable[[str], str]) -> str:
        """The citation line in one output format: its ``escape`` for document text,
        its ``missing`` marker for a source nobody can name, its ``link`` for the URL."""
        parts = [missing if self.unknown else escape(self.label)]
        if self.title and self.title != self.label:
            parts.append(f"“{escape(self.title)}”")
        dated = _DATED_BY.get(self.date_source or "") if self.date else None
        parts.append(escape(self.date or "undated") + (f" ({dated})" if dated else ""))
        if self.url:
            parts.append(link(self.url))
        elif not self.title and display_ref(self.doc) != self.label:
            parts.append(escape(display_ref(self.doc)))
        line = ", ".join(parts)
        if self.source_missing and not self.unknown:
            line += " (source not named in the document)"
        return line


@dataclass
class QuoteEntry:
    statement_id: int
    headline: str
    quote: str
    date: str | None
    kind: str
    citation: int  # Citation.number
    language: str | None = None  # of the document the quote is from
    translation: str | None = None  # a reader's own (saidwhat translate), never machine-made
    translation_language: str | None = None


@dataclass
class Section:
    speaker: str  # or NO_SPEAKER_SECTION
    role: str | None
    organisation: str | None
    country: str | None
    quotes: list[QuoteEntry] = field(default_factory=list)
    first: str | None = None
    last: str | None = None

    @property
    def attributed(self) -> bool:
        return self.speaker != NO_SPEAKER_SECTION

    @property
    def subtitle(self) -> str:
        parts = [p for p in (self.role, self.organisation, self.country) if p]
        return ", ".join(dict.fromkeys(parts))


@dataclass
class DocumentEntry:
    doc_id: int
    doc: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    statements: int


@dataclass
class Dossier:
    title: str
    date_from: str | None
    date_to: str | None
    statements: int
    speakers: list[tuple[str, int]]
    sources: list[tuple[str, int]]
    days: list[tuple[str, int]]
    sections: list[Section]
    citations: list[Citation]
    documents: list[DocumentEntry]
    description: str | None = None
    generated: str | None = None
    unattributed: int = 0  # statements in the NO_SPEAKER_SECTION
    # Statements by event type and tone charts (saidwhat.events.dossier.EventsSection), if asked.
    events: Any = None

    @property
    def date_range(self) -> str:
        if not self.date_from:
            return "undated"
        if self.date_from == self.date_to:
            return self.date_from
        return f"{self.date_from} – {self.date_to}"

    @property
    def summary_line(self) -> str:
        n = self.statements
        apart = f" ({self.unattributed} without an identified speaker)" if self.unattributed else ""
        return (
            f"{n} statement{'s' * (n != 1)} by {len(self.speakers)} "
            f"speaker{'s' * (len(self.speakers) != 1)}{apart} from {len(self.sources)} "
            f"source{'s' * (len(self.sources) != 1)}, {self.date_range}."
        )


def headline_for(hit: Hit, width: int = 90) -> str:
    """The statement's headline if it has one, else its first sentence; tidied, shortened."""
    return headline(hit.quote, hit.headline, width)


def build_dossier(
    hits: list[Hit],
    title: str,
    *,
    order: str = "importance",
    description: str | None = None,
    generated: str | None = None,
) -> Dossier:
    """Group ``hits`` by speaker into a dossier.

    ``order='importance'`` puts the most-quoted speakers first (ties: who spoke
    first); ``'time'`` orders speakers by their first statement. Quotes within a
    section run oldest first. ``generated`` is printed as given (no clock is read).
    """
    if order not in ORDERS:
        raise UsageError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
    if not title.strip():
        raise UsageError("a dossier needs a title (--title)")
    hits = sorted(hits, key=lambda h: (h.day or "9999", h.id))
    groups: dict[str, list[Hit]] = {}
    for h in hits:
        groups.setdefault(_speaker_key(h), []).append(h)

    def importance(item: tuple[str, list[Hit]]) -> tuple:
        key, hs = item
        last = key == NO_SPEAKER_SECTION
        first = (hs[0].day or "9999", hs[0].id)
        if order == "importance":
            return (last, -len(hs), first, key)
        return (last, first, key)

    sections: list[Section] = []
    citations: list[Citation] = []
    for key, hs in sorted(groups.items(), key=importance):
        role = next((h.role for h in reversed(hs) if h.role), None)
        org = next((h.organisation for h in reversed(hs) if h.organisation), None)
        country = next((h.country for h in reversed(hs) if h.country), None)
        section = Section(key, role, org, country, first=hs[0].day, last=hs[-1].day)
        for h in hs:
            number = len(citations) + 1
            citations.append(
                Citation(
                    number=number,
                    statement_id=h.id,
                    source=h.source or (None if h.source_missing else h.outlet),
                    outlet=h.outlet,
                    title=h.title,
                    date=h.day,
                    url=h.url,
                    doc=h.doc,
                    source_missing=h.source_missing,
                    date_source=h.date_source if h.date else None,
                )
            )
            tr = h.extra.get("translation")
            section.quotes.append(
                QuoteEntry(
                    h.id,
                    headline_for(h),
                    clean_quote(h.text or h.quote),  # every piece of the statement
                    h.day,
                    h.kind,
                    number,
                    language=h.extra.get("language"),
                    translation=tr.text if tr else None,
                    translation_language=tr.language if tr else None,
                )
            )
        sections.append(section)

    docs: dict[int, DocumentEntry] = {}
    for h in hits:
        entry = docs.get(h.doc_id)
        if entry is None:
            entry = docs[h.doc_id] = DocumentEntry(
                h.doc_id, h.doc, h.title, h.outlet, h.url, h.published, 0
            )
        entry.statements += 1
    documents = sorted(docs.values(), key=lambda d: (d.published or "9999", d.doc, d.doc_id))

    days = [d for d in (h.day for h in hits) if d]
    speakers = Counter(s.speaker for s in sections if s.attributed for _ in s.quotes)
    unattributed = sum(len(s.quotes) for s in sections if not s.attributed)
    sources = Counter("(source missing)" if c.unknown else c.label for c in citations)
    by_count = lambda kv: (-kv[1], kv[0])  # noqa: E731
    dossier = Dossier(
        title=title.strip(),
        date_from=min(days) if days else None,
        date_to=max(days) if days else None,
        statements=len(hits),
        speakers=sorted(speakers.items(), key=by_count),
        sources=sorted(sources.items(), key=by_count),
        days=sorted(Counter(days).items()),
        sections=sections,
        citations=citations,
        documents=documents,
        description=description,
        generated=generated,
        unattributed=unattributed,
    )
    log.info("dossier %r: %s", dossier.title, dossier.summary_line)
    return dossier


def _speaker_key(h: Hit) -> str:
    return (h.person or h.speaker or "").strip() or NO_SPEAKER_SECTION


# --- writing ------------------------------------------------------------------------

FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def format_for(path: str | Path, fmt: str | None = None) -> str:
    if fmt:
        if fmt not in set(FORMATS.values()):
            raise UsageError(f"unknown dossier format {fmt!r}; use md, html or pdf")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"cannot tell the format of {str(path)!r} from its extension; "
            "name it .md, .html or .pdf (or pass --format)"
        )
    return FORMATS[suffix]


def check_writable(path: str | Path) -> Path:
    """Raise ReportError unless ``path`` can be created or overwritten."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise ReportError("is a folder; give a file name such as dossier.html", source=str(path))
    if not parent.is_dir():
        raise ReportError(f"folder {parent} does not exist; create it first", source=str(path))
    return p


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 with \\n line ends; OSError becomes ReportError."""
    p = check_writable(path)
    try:
        with open(p, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as e:
        raise ReportError(
            f"cannot write it ({e.strerror or e}); choose another output path", source=str(path)
        ) from e
    return p


def render(dossier: Dossier, fmt: str) -> str:
    """The dossier as Markdown or HTML text."""
    if fmt == "md":
        from saidwhat.reports.markdown import render_markdown

        return render_markdown(dossier)
    if fmt == "html":
        from saidwhat.reports.html import render_html

        return render_html(dossier)
    raise UsageError(f"cannot render {fmt!r} as text; use md or html")


def write_dossier(
    dossier: Dossier,
    path: str | Path,
    fmt: str | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write ``dossier`` to ``path`` as Markdown, HTML or PDF (by extension or ``fmt``).

    ``progress(statements_done, statements_total)`` is called as a PDF is laid out.
    """
    check_writable(path)
    fmt = format_for(path, fmt)
    if fmt == "pdf":
        from saidwhat.reports.pdf import write_pdf

        return write_pdf(dossier, path, progress=progress)
    return write_text(path, render(dossier, fmt))
