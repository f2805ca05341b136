"""Searching stored statements: full text, speaker, organisation, dates and more.

:func:`search_statements` validates a :class:`SearchFilters` and hands it to
the store (``store.statements``, :mod:`saidwhat.store.statements`), which
builds one parameterised query for SQLite or PostgreSQL from the filters'
declarations (:mod:`saidwhat.store.filters`). Every :class:`Hit` carries the
statement, its provenance and a highlight.

Speakers are found through the ``aliases`` table on :func:`saidwhat.names.name_key`,
so "Sergei Lavrov" finds statements stored for "Sergey Lavrov", and manual
corrections (merge, split, registry import) apply to search at once.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any

from saidwhat.errors import QueryError
from saidwhat.events.plover import EVENT_TYPES
from saidwhat.extraction.slavic.lemmas import expand_query
from saidwhat.model import STATEMENT_KINDS, Statement, statement_pieces, statement_text
from saidwhat.search import snippets
from saidwhat.search.fts_query import to_match
from saidwhat.store import filters as declared
from saidwhat.store.db import Store
from saidwhat.store.statements import QUOTING_HELP, fts_error, fts_phrase

__all__ = ["Hit", "SearchFilters", "fts_error", "fts_phrase", "iter_statements"]

log = logging.getLogger(__name__)

SORTS = ("rank", "date", "-date")

#: Best match first ranks the newest this many matching statements; older matches
#: follow them, newest first, so every page and export continues one order. Ranking
#: costs a few microseconds a row on top of bm25's count of every match (SQLite) or
#: a read of each row's tsvector (PostgreSQL): a very common word (a third of a
#: million-statement store) ranked in full takes a second; ranked among the newest
#: 1,000 it takes tens of milliseconds (bench/README.md). ``rank_window=None`` ranks
#: every match.
RANK_WINDOW = 1_000

#: Words in a snippet around the matches (both backends).
SNIPPET_TOKENS = 16

#: Highlight markers used when none are given: plain text that reads well on a terminal.
DEFAULT_HIGHLIGHT = ("[", "]")

#: Provenance fields added to the extract contract in machine-readable output.
PROVENANCE_FIELDS = ("doc_id", "title", "outlet", "url", "published")

#: Filters given as text: an empty value is an error, not "no filter".
_TEXT_FILTERS = ("text", "speaker", "org", "country", "role", "source", "about")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QUOTING_HELP = QUOTING_HELP


@dataclass
class SearchFilters:
    """What to search for. Every field is optional; set fields are combined with AND.

    ``text`` uses FTS5 syntax over the quote and speaker name. ``speaker`` is any
    alias of a person. ``about`` finds quotes that mention a person (through all
    their aliases) or, failing that, the phrase itself. ``since``/``until`` are
    ISO dates (``2024``, ``2024-05`` or ``2024-05-01``, both inclusive) compared
    with the statement's date, or its document's publication date when it has none.
    """

    text: str | None = None
    speaker: str | None = None
    org: str | None = None
    country: str | None = None
    role: str | None = None
    kind: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    about: str | None = None
    language: str | None = None  # the document's language code (en, ru, ...)
    event: str | None = None  # a PLOVER event type coded in the statement (AGREE, ...)
    sort: str = "rank"
    limit: int | None = 100
    offset: int = 0

    def validate(self) -> SearchFilters:
        """Raise :class:`QueryError` if a filter is malformed; return self."""
        if self.kind is not None and self.kind not in STATEMENT_KINDS:
            raise QueryError(f"unknown kind {self.kind!r}; use one of {', '.join(STATEMENT_KINDS)}")
        if self.event is not None:
            self.event = self.event.strip().upper()
            if self.event not in EVENT_TYPES:
                raise QueryError(
                    f"unknown event type {self.event!r}; use one of {', '.join(EVENT_TYPES)}"
                )
        if self.sort not in SORTS:
            raise QueryError(f"unknown sort {self.sort!r}; use one of {', '.join(SORTS)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, normalise_date(value, name))
        if self.since and self.until:
            n = min(len(self.since), len(self.until))
            if self.since[:n] > self.until[:n]:
                raise QueryError(f"since {self.since} is after until {self.until}; swap them")
        if self.limit is not None and self.limit < 0:
            raise QueryError("limit must be 0 or more")
        if self.offset < 0:
            raise QueryError("offset must be 0 or more")
        for name in _TEXT_FILTERS:
            value = getattr(self, name)
            if value is not None and not value.strip():
                # `--speaker ""` (an unset shell variable) must not silently mean "everyone".
                raise QueryError(
                    f'empty {name} filter (--{name} ""); give a value or leave the option out'
                )
        return self

    def to_dict(self, *, drop_empty: bool = True) -> dict[str, Any]:
        data = asdict(self)
        if drop_empty:
            defaults = SearchFilters()
            data = {k: v for k, v in data.items() if v != getattr(defaults, k) or k == "sort"}
            if data.get("sort") == "rank":
                data.pop("sort")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SearchFilters:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise QueryError(
                f"unknown filter(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        return cls(**data).validate()

    def describe(self) -> str:
        """A one-line human description ("speaker: Lavrov; since: 2024-05-01")."""
        return declared.describe(self.to_dict())


def normalise_date(value: str, what: str = "date") -> str:
    """Validate an ISO date or date prefix; a datetime is cut to its date."""
    value = value.strip()
    if len(value) > 10 and _DATE_RE.match(value[:10]):
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return value[:10]
    if not _DATE_RE.match(value):
        raise QueryError(
            f"{what} {value!r} is not an ISO date; write it as 2024-05-01, 2024-05 or 2024"
        )
    probe = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    try:
        date.fromisoformat(probe)
    except ValueError as e:
        raise QueryError(
            f"{what} {value!r} is not a valid date ({e}); write it as 2024-05-01"
        ) from e
    return value


@dataclass
class Hit:
    """One statement found by a search, with its provenance."""

    id: int
    quote: str
    quote_start: int
    quote_end: int
    kind: str
    speaker: str | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_type: str | None
    cue: str | None
    role: str | None
    organisation: str | None
    country: str | None
    date: str | None
    source: str | None
    source_missing: bool
    confidence: float
    fragments: list[list[int]] | None
    headline: str | None
    person_id: int | None
    person: str | None  # canonical name of the resolved person
    doc_id: int
    doc: str  # the document's ref
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    ingested_at: str | None = None
    snippet: str = ""
    rank: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: The whole statement (every piece joined by one space); see the extract contract.
    text: str | None = None
    #: Where ``date`` comes from: 'citation', 'sentence' or 'document' (None: unknown).
    date_source: str | None = None

    @property
    def effective_date(self) -> str | None:
        """The statement's date, else its document's publication date (as stored)."""
        return self.date or self.published

    @property
    def day(self) -> str | None:
        eff = self.effective_date
        return eff[:10] if eff else None

    @property
    def speaker_display(self) -> str | None:
        return self.person or self.speaker

    def to_contract(self) -> dict[str, Any]:
        """The extract contract fields (``doc`` = the document's ref) plus provenance."""
        out: dict[str, Any] = {"doc": self.doc}
        for name in Statement.CONTRACT_FIELDS:
            out[name] = getattr(self, name)
        # The store's canonical person (merges, registry names) over the name the
        # extractor read in this one document.
        out["speaker"] = self.speaker_display
        out["confidence"] = round(float(self.confidence), 3)
        out["fragments"] = statement_pieces(self.quote_start, self.quote_end, self.fragments)
        out["text"] = self.text or self.quote
        for name in PROVENANCE_FIELDS:
            out[name] = getattr(self, name)
        return out

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("extra")
        return out


# --- full text ----------------------------------------------------------------------


def text_expression(text: str) -> str:
    """The FTS5 expression searched for the user's ``text``.

    The one place where what a user typed becomes FTS5 syntax; both backends
    take FTS5 from here (PostgreSQL compiles it to tsquery).
    """
    # Each bare Cyrillic word also matches its lemmas (the quote_lemmas column).
    return to_match(expand_query(text))


# --- the query ----------------------------------------------------------------------


def iter_statements(
    store: Store,
    filters: SearchFilters,
    *,
    highlight: tuple[str, str] = DEFAULT_HIGHLIGHT,
    batch: int = 500,
    rank_window: int | None = RANK_WINDOW,
) -> Iterator[Hit]:
    """The hits of ``filters``, fetched ``batch`` rows at a time (for exports of any size).

    Best match first means: the newest ``rank_window`` matching statements by
    relevance, then the older matches newest first (see :data:`RANK_WINDOW`).
    Malformed filters and search text raise here, before the first hit is read.
    """
    filters.validate()
    built = store.statements.build(
        filters, text_expression=text_expression, highlight=highlight, rank_window=rank_window
    )
    rows = store.statements.rows(built, batch=batch, text=filters.text or filters.about or "")
    phrases: list[snippets.Wanted] = []
    if built.match and not store.is_postgres:
        # SQLite leaves the snippet to Python (see saidwhat.search.snippets).
        expression = store.statements.snippet_expression(filters, text_expression)
        phrases = snippets.wanted_phrases(expression or "")
    return (_hit(row, phrases, highlight) for row in rows)


def search_statements(
    store: Store,
    filters: SearchFilters,
    *,
    highlight: tuple[str, str] = DEFAULT_HIGHLIGHT,
    rank_window: int | None = RANK_WINDOW,
) -> list[Hit]:
    """The statements matching ``filters``, best (or newest/oldest, by ``sort``) first."""
    return list(iter_statements(store, filters, highlight=highlight, rank_window=rank_window))


def explain(store: Store, filters: SearchFilters) -> list[str]:
    """The database's query plan for ``filters`` (to check that indexes are used)."""
    filters.validate()
    built = store.statements.build(
        filters,
        text_expression=text_expression,
        highlight=DEFAULT_HIGHLIGHT,
        rank_window=RANK_WINDOW,
    )
    return store.statements.explain(built)


def _hit(
    row: Any,
    phrases: list[snippets.Wanted] = (),  # type: ignore[assignment]
    highlight: tuple[str, str] = DEFAULT_HIGHLIGHT,
) -> Hit:
    # Read by name from a dict: a PostgreSQL row's lookup by name is a Python call
    # (store.postgres.Row), and the 33 of a hit cost more than running a page's query.
    if not isinstance(row, dict):
        row = dict(zip(row.keys(), row, strict=True))
    fragments = row["fragments"]
    fragments = json.loads(fragments) if fragments else None
    whole = row["quote"]
    if fragments and row["pieces_text"] is not None:
        pieces = statement_pieces(row["quote_start"], row["quote_end"], fragments)
        whole = statement_text(row["pieces_text"], pieces)
    snippet = row["snippet"]
    if snippet is None and phrases:
        snippet = snippets.snippet(row["quote"], phrases, highlight, SNIPPET_TOKENS)
    elif snippet is None:
        snippet = shorten(row["quote"], 120)
    return Hit(
        id=int(row["id"]),
        quote=row["quote"],
        quote_start=row["quote_start"],
        quote_end=row["quote_end"],
        kind=row["kind"],
        speaker=row["speaker_name"],
        speaker_mention=row["speaker_mention"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
        speaker_type=row["speaker_type"],
        cue=row["cue"],
        role=row["role"],
        organisation=row["organisation"],
        country=row["country"],
        date=row["date"],
        source=row["source"],
        source_missing=bool(row["source_missing"]),
        confidence=float(row["confidence"]),
        fragments=fragments,
        text=whole,
        date_source=row["date_source"],
        headline=row["headline"],
        person_id=row["person_id"],
        person=row["person_name"],
        doc_id=int(row["doc_id"]),
        doc=row["doc_ref"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        ingested_at=row["ingested_at"],
        snippet=snippet,
        rank=row["rank"],
    )


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"
