"""Resolving a speaker named in a document to one person in the store.

Aliases are matched on :func:`saidwhat.names.name_key`. A one-word alias
("Lavrov") is stored for display but only used to resolve when a person was
given it by hand (registry import or merge), so two people who share a surname
stay apart. Manual corrections live in the same ``aliases`` table with origin
'registry' or 'manual', so they survive re-ingest.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from saidwhat.names import name_key

TRUSTED_ORIGINS = ("registry", "manual")


def find_person(conn: sqlite3.Connection, name: str, aliases: list[str] = ()) -> int | None:
    """The id of the stored person ``name`` (or one of ``aliases``) refers to, if any."""
    keys = [name_key(name), *(name_key(a) for a in aliases)]
    keys = [k for k in dict.fromkeys(keys) if k]
    # Multi-word keys first: they identify a person.
    for key in keys:
        if " " not in key:
            continue
        row = conn.execute(
            "SELECT person_id, COUNT(*) AS n FROM aliases WHERE key = ?"
            " GROUP BY person_id ORDER BY (MAX(origin IN ('registry','manual'))) DESC, n DESC"
            " LIMIT 1",
            (key,),
        ).fetchone()
        if row:
            return int(row[0])
    # A single word resolves only through a trusted alias held by exactly one person.
    for key in keys:
        rows = conn.execute(
            "SELECT DISTINCT person_id FROM aliases WHERE key = ? AND origin IN ('registry','manual')",
            (key,),
        ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
    return None


def add_alias(conn: sqlite3.Connection, person_id: int, alias: str, origin: str) -> None:
    key = name_key(alias)
    if not key:
        return
    if origin == "extracted":
        # A name a person was given by hand (registry, merge, split) is not taken
        # back by what a later document happens to say.
        held = conn.execute(
            "SELECT 1 FROM aliases WHERE key = ? AND person_id != ?"
            " AND origin IN ('registry', 'manual') LIMIT 1",
            (key, person_id),
        ).fetchone()
        if held:
            return
    conn.execute(
        # A trusted origin upgrades an alias that was only extracted before.
        "INSERT INTO aliases (person_id, alias, key, origin) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (person_id, alias) DO UPDATE SET origin = excluded.origin"
        " WHERE excluded.origin IN ('registry', 'manual')",
        (person_id, alias, key, origin),
    )


def create_person(
    conn: sqlite3.Connection,
    name: str,
    *,
    type: str = "person",
    organisation: str | None = None,
    country: str | None = None,
) -> int:
    cur = conn.execute(
        "INSERT INTO people (name, type, organisation, country, created_at) VALUES (?, ?, ?, ?, ?)",
        (name, type, organisation, country, datetime.now(UTC).replace(microsecond=0).isoformat()),
    )
    return int(cur.lastrowid)


def resolve_person(
    conn: sqlite3.Connection,
    name: str,
    *,
    aliases: list[str] = (),
    type: str = "person",
    organisation: str | None = None,
    country: str | None = None,
) -> int:
    """Find or create the person ``name`` refers to, and record the aliases seen."""
    person_id = find_person(conn, name, list(aliases))
    if person_id is None:
        person_id = create_person(conn, name, type=type, organisation=organisation, country=country)
    else:
        # Fill in what an earlier document did not say; never overwrite.
        conn.execute(
            "UPDATE people SET organisation = COALESCE(organisation, ?),"
            " country = COALESCE(country, ?) WHERE id = ?",
            (organisation, country, person_id),
        )
    for alias in (name, *aliases):
        add_alias(conn, person_id, alias, "extracted")
    return person_id
