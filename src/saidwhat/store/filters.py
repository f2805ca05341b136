"""Search filters, each declared once: the SQL it adds and how it reads to a person.

As in datasette's ``filters.py``, a :class:`Filter` knows both sides: ``where``
builds a SQL condition with ``?`` parameters (on either backend) and
``describe`` the human phrase used in headings, feed subtitles and messages.
:data:`FILTERS` is the list :mod:`saidwhat.store.statements` applies, in order;
a new filter is a new entry here plus a field of
:class:`saidwhat.search.query.SearchFilters` of the same name.

Full text (``text``, ``about``) is not here: it is an FTS expression, built by
the statements module for each backend.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from saidwhat.store.people import like_pattern

#: ``until`` is a prefix; this sorts after every ISO date that starts with it.
AFTER_PREFIX = "~"


@dataclass(frozen=True)
class Filter:
    """One search filter: a field name, its SQL and its description."""

    name: str
    #: (value, context) -> (SQL condition, parameters); None when the value adds no condition.
    where: Callable[[Any, Any], tuple[str, list[Any]] | None] | None
    #: value -> the phrase shown to people, e.g. "speaker: Lavrov".
    describe: Callable[[Any], str] = None  # type: ignore[assignment]

    def description(self, value: Any) -> str:
        if self.describe is not None:
            return self.describe(value)
        return f"{self.name}: {value}"


def _speaker(value: str, ctx: Any) -> tuple[str, list[Any]]:
    one = ctx.one_speaker(value)
    if one is not None:  # the name resolved inside the search's own query
        return f"s.person_id = {one[0]}", one[1]
    ids = ctx.speaker_ids(value)
    return f"s.person_id IN ({','.join('?' * len(ids))})", list(ids)


def _org(value: str, ctx: Any) -> tuple[str, list[Any]]:
    return (
        "(s.organisation LIKE ? ESCAPE '\\' OR (s.organisation IS NULL"
        " AND p.organisation LIKE ? ESCAPE '\\'))",
        [like_pattern(value)] * 2,
    )


def _country(value: str, ctx: Any) -> tuple[str, list[Any]]:
    return (
        "(lower(s.country) = lower(?) OR (s.country IS NULL AND lower(p.country) = lower(?)))",
        [value.strip()] * 2,
    )


def _role(value: str, ctx: Any) -> tuple[str, list[Any]]:
    return (
        "(s.role LIKE ? ESCAPE '\\' OR (s.role IS NULL AND EXISTS (SELECT 1 FROM person_roles"
        " pr WHERE pr.person_id = s.person_id AND pr.role LIKE ? ESCAPE '\\')))",
        [like_pattern(value)] * 2,
    )


def _kind(value: str, ctx: Any) -> tuple[str, list[Any]]:
    return "s.kind = ?", [value]


def _source(value: str, ctx: Any) -> tuple[str, list[Any]]:
    return (
        "(s.source LIKE ? ESCAPE '\\' OR d.outlet LIKE ? ESCAPE '\\')",
        [like_pattern(value)] * 2,
    )


def _language(value: str, ctx: Any) -> tuple[str, list[Any]]:
    return "d.language = ?", [value.strip().lower()]


def _event(value: str, ctx: Any) -> tuple[str, list[Any]]:
    # Driven by the events index on the type: a type is coded in few statements.
    return "s.id IN (SELECT e.statement_id FROM events e WHERE e.event = ?)", [value]


# statements.day: the statement's date, else its document's publication day (indexed).
def _since(value: str, ctx: Any) -> tuple[str, list[Any]]:
    return "s.day >= ?", [value]


def _until(value: str, ctx: Any) -> tuple[str, list[Any]]:
    return "s.day <= ?", [value + AFTER_PREFIX]


FILTERS: list[Filter] = [
    Filter("text", None),
    Filter("speaker", _speaker),
    Filter("org", _org),
    Filter("country", _country),
    Filter("role", _role),
    Filter("kind", _kind),
    Filter("source", _source),
    Filter("language", _language),
    Filter("event", _event),
    Filter("since", _since),
    Filter("until", _until),
    Filter("about", None),
]
BY_NAME = {f.name: f for f in FILTERS}


def conditions(values: dict[str, Any], ctx: Any) -> tuple[list[str], list[Any]]:
    """The SQL conditions and parameters of the set ``values`` (name -> value)."""
    where: list[str] = []
    params: list[Any] = []
    for f in FILTERS:
        value = values.get(f.name)
        if value is None or f.where is None:
            continue
        built = f.where(value, ctx)
        if built:
            where.append(built[0])
            params += built[1]
    return where, params


def describe(values: dict[str, Any]) -> str:
    """One line naming the set filters ("text: visit; speaker: Lavrov; since: 2024-05")."""
    return "; ".join(
        f.description(values[f.name]) for f in FILTERS if values.get(f.name) is not None
    )
