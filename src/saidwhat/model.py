"""The records that flow through saidwhat: documents in, statements out.

Plain dataclasses with no behaviour beyond validation and serialisation, so
every stage (sources, extraction, store, reports) can be tested on its own.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

#: The kinds of statement the extractor reports (see the extract contract in README).
STATEMENT_KINDS = ("direct", "indirect", "mixed", "block", "qa", "post")

#: What a speaker is: a person, an organisation (the Kremlin, a ministry) or an outlet.
SPEAKER_TYPES = ("person", "organisation", "outlet")


def statement_pieces(
    quote_start: int, quote_end: int, fragments: list[list[int]] | None
) -> list[list[int]]:
    """Every piece of a statement as ``[start, end]``, in order; the first is the quote's.

    A quote interrupted by its cue (``"A," she said, "B."``) keeps its first
    piece in ``quote`` and every piece in ``fragments``; a passage over several
    paragraphs is one piece (its ``quote`` already spans them all).
    """
    if fragments and list(fragments[0]) == [quote_start, quote_end]:
        return [[int(s), int(e)] for s, e in fragments]
    return [[quote_start, quote_end]]


def statement_text(doc_text: str, pieces: list[list[int]]) -> str:
    """The whole statement: its pieces joined by a single space."""
    return " ".join(doc_text[s:e] for s, e in pieces)


def content_hash(text: str) -> str:
    """Hash of a document's text, normalised so trivial copies hash the same.

    NFC, whitespace runs collapsed and case folded: a syndicated wire story
    re-flowed by another outlet still hashes to the same value.
    """
    norm = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """A text to extract statements from, with its provenance.

    ``text`` is exactly the text that statement offsets refer to. ``ref`` is
    how the user named the document (a path as given, a URL, ``feed:...``).
    """

    text: str
    ref: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date or datetime
    language: str | None = None
    author: str | None = None
    # How the text was obtained: txt, md, html, pdf, url, feed, tweet, telegram, post.
    format: str = "txt"
    # For a social post: the platform (X, Telegram, ...), used as the statement source.
    platform: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass
class Statement:
    """One attributed statement, with character offsets into its document text.

    Invariants (checked by :meth:`check_offsets` and by the tests):
    ``text[quote_start:quote_end] == quote`` and, when a speaker mention is
    given, ``text[speaker_start:speaker_end] == speaker_mention``.
    """

    quote: str
    quote_start: int
    quote_end: int
    kind: str
    speaker: str | None = None  # canonical name
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    role: str | None = None
    date: str | None = None  # ISO date
    source: str | None = None  # outlet or platform it is cited from
    confidence: float = 0.5
    # Beyond the stable contract: extra detail the store keeps.
    speaker_type: str | None = None  # one of SPEAKER_TYPES
    organisation: str | None = None
    country: str | None = None
    # A citation was found but its source part was empty, e.g. "(, May 10, 2017)".
    source_missing: bool = False
    # Further [start, end] pieces of the same statement ("A," she said, "B.").
    fragments: list[list[int]] | None = None
    # The headline or section title that paraphrases this statement, if any.
    headline: str | None = None
    # Where ``date`` comes from: 'citation', 'sentence' (a date its sentence states) or
    # 'document' (the document's date); None when there is no date.
    date_source: str | None = None

    def check_offsets(self, text: str) -> None:
        """Raise ValueError if an offset does not point at its span (a bug, not bad input)."""
        if text[self.quote_start : self.quote_end] != self.quote:
            raise ValueError(
                f"quote offsets {self.quote_start}:{self.quote_end} do not match {self.quote[:40]!r}"
            )
        if self.speaker_mention is not None:
            if self.speaker_start is None or self.speaker_end is None:
                raise ValueError("speaker_mention without offsets")
            if text[self.speaker_start : self.speaker_end] != self.speaker_mention:
                raise ValueError(
                    f"speaker offsets {self.speaker_start}:{self.speaker_end} "
                    f"do not match {self.speaker_mention!r}"
                )
        if self.kind not in STATEMENT_KINDS:
            raise ValueError(f"unknown statement kind {self.kind!r}")

    #: The fields of the stable extract contract, in output order.
    CONTRACT_FIELDS = (
        "quote",
        "quote_start",
        "quote_end",
        "speaker",
        "speaker_mention",
        "speaker_start",
        "speaker_end",
        "kind",
        "cue",
        "role",
        "date",
        "source",
        "confidence",
    )

    @property
    def pieces(self) -> list[list[int]]:
        """Every piece as ``[start, end]``; the first is ``[quote_start, quote_end]``."""
        return statement_pieces(self.quote_start, self.quote_end, self.fragments)

    def whole_text(self, doc_text: str) -> str:
        """The whole statement (every piece, joined by one space) in ``doc_text``."""
        return statement_text(doc_text, self.pieces)

    def to_contract(self, doc_ref: str, doc_text: str | None = None) -> dict[str, Any]:
        """The JSON object `saidwhat extract --format jsonl` prints for this statement.

        ``fragments`` and ``text`` (the whole statement) follow the stable fields;
        ``doc_text`` is needed for ``text`` when the statement has several pieces.
        """
        out: dict[str, Any] = {"doc": doc_ref}
        for name in self.CONTRACT_FIELDS:
            out[name] = getattr(self, name)
        out["confidence"] = round(float(self.confidence), 3)
        pieces = self.pieces
        if doc_text is None and len(pieces) > 1:
            raise ValueError("a statement in several pieces needs its document text")
        out["fragments"] = pieces
        out["text"] = self.quote if doc_text is None else statement_text(doc_text, pieces)
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Person:
    """A speaker as one document presents them: the canonical name and what the text says.

    ``name`` is the fullest form the document gives ("Sergey Lavrov");
    ``aliases`` are the other surface forms that refer to them in this document
    ("Lavrov", "FM Lavrov"); ``roles`` are titles stated in the text.
    """

    name: str
    type: str = "person"  # one of SPEAKER_TYPES
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisation: str | None = None
    country: str | None = None


@dataclass
class Extraction:
    """What the extractor returns for one document."""

    statements: list[Statement] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
