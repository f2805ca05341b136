"""Finding stored events with the search filters, and writing them as rows or PLOVER JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from saidwhat.errors import QueryError
from saidwhat.search.query import SearchFilters, iter_statements
from saidwhat.search.speakers import resolve_speaker_ids
from saidwhat.store.db import Store
from saidwhat.store.events import EventQuery, find_events

from . import plover

#: Statement filters that need the statement search (full text, about, role, ...).
_STATEMENT_FILTERS = ("text", "about", "org", "country", "role", "kind")

#: Columns of ``saidwhat events`` rows (CSV and table), in order.
ROW_COLUMNS = (
    "id",
    "date",
    "event",
    "mode",
    "aux",
    "score",
    "actor",
    "actor_country",
    "recipient",
    "recipient_country",
    "span",
    "span_start",
    "span_end",
    "speaker",
    "statement_id",
    "doc",
    "doc_id",
    "source",
    "url",
)


def search_events(
    store: Store,
    filters: SearchFilters,
    *,
    types: list[str] | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    realised_only: bool = False,
) -> list[Any]:
    """Events matching the search ``filters`` (applied to their statements) and the event filters."""
    filters.validate()
    types = [t.upper() for t in types or []]
    unknown = [t for t in types if t not in plover.EVENT_TYPES]
    if unknown:
        raise QueryError(
            f"unknown event type {', '.join(unknown)}; use one of {', '.join(plover.EVENT_TYPES)}"
        )
    q = EventQuery(
        types=types,
        actor=actor,
        recipient=recipient,
        since=filters.since,
        until=filters.until,
        source=filters.source,
        include_unrealised=not realised_only,
        limit=filters.limit,
        offset=filters.offset,
    )
    if filters.speaker:
        q.speaker_ids = resolve_speaker_ids(store.conn, filters.speaker)
    if any(getattr(filters, name) for name in _STATEMENT_FILTERS):
        statement_filters = replace(filters, limit=None, offset=0, sort="date")
        q.statement_ids = [h.id for h in iter_statements(store, statement_filters)]
    return find_events(store, q)


def _names(raw: str) -> list[dict[str, Any]]:
    return json.loads(raw) if raw else []


def to_row(r: Any) -> dict[str, Any]:
    """A flat record: the event, its first actor and recipient, and its provenance."""
    return {
        "id": r["id"],
        "date": r["day"],
        "event": r["event"],
        "mode": r["mode"],
        "aux": r["aux"],
        "score": r["score"],
        "stance": r["stance"],
        "actor": r["actor_name"],
        "actor_country": r["actor_country"],
        "actor_person_id": r["actor_person_id"],
        "recipient": r["recipient_name"],
        "recipient_country": r["recipient_country"],
        "recipient_person_id": r["recipient_person_id"],
        "span": r["span"],
        "span_start": r["span_start"],
        "span_end": r["span_end"],
        "speaker": r["person_name"] or r["speaker_name"],
        "statement_id": r["statement_id"],
        "quote": r["quote"],
        "doc": r["doc_ref"],
        "doc_id": r["document_id"],
        "title": r["title"],
        "source": "(source missing)" if r["source_missing"] else (r["source"] or r["outlet"]),
        "url": r["url"],
        "published": r["published"],
        "confidence": r["confidence"],
    }


def _entity(e: dict[str, Any]) -> dict[str, Any]:
    out = {"entity_text": e.get("text"), "identifier_text": e.get("name")}
    if e.get("code"):
        out["code"] = e["code"]
    if e.get("country"):
        out["country"] = e["country"]
    if e.get("type"):
        out["type"] = e["type"]
    if e.get("person_id") is not None:
        # the store's person (see `saidwhat speakers show "#ID"`)
        out["identifier_id"] = f"saidwhat-person-{e['person_id']}"
    if e.get("start") is not None:
        out["start"], out["end"] = e["start"], e["end"]
    return out


def to_plover(r: Any) -> dict[str, Any]:
    """The event as a PLOVER JSON record (manual, "PLOVER JSON"), with ``cite_info``."""
    record: dict[str, Any] = {
        "id": f"saidwhat-{r['id']}",
        "date": r["day"],
        "actor": [_entity(e) for e in _names(r["actor"])],
        "recipient": [_entity(e) for e in _names(r["recipient"])],
        "event": [r["event"]],
        "event_text": [r["span"]],
        "quad_code": plover.QUAD[r["event"]],
        "event_scale": r["score"],
        "has_event": r["aux"] not in plover.UNREALISED,
        "text_info": {"start": r["span_start"], "end": r["span_end"]},
        "cite_info": {
            "corpus": "saidwhat",
            "citation": r["doc_ref"],
            "url": r["url"],
            "title": r["title"],
            "language": r["language"],
            "publication": r["source"] or r["outlet"],
            "coder": r["coder"],
            "codebook": plover.CODEBOOK,
        },
        "statement_id": r["statement_id"],
        "speaker": r["person_name"] or r["speaker_name"],
    }
    if r["mode"]:
        record["mode"] = [r["mode"]]
    if r["aux"]:
        # The manual puts the auxiliary modes (negation, hypothetical, future) in ``context``.
        record["context"] = [r["aux"]]
    return record
