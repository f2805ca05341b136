"""Resolving a name typed by a user to people in the store, and recording aliases.

Names are matched on :func:`saidwhat.names.name_key` through the ``aliases``
table, so every spelling a person was ever given (and every manual correction)
finds them.
"""

from __future__ import annotations

import difflib
import re
import sqlite3

from saidwhat.errors import NotFoundError, QueryError
from saidwhat.names import name_key


def resolve_speaker_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the people ``name`` refers to; raise NotFoundError/QueryError when none/ambiguous.

    ``#12`` names a person by id. A full name matches every person holding an
    alias with the same key (unmerged duplicates of one person included). A
    single word also matches the last word of aliases (a surname), but only
    when all the people it matches share one name.
    """
    name = name.strip()
    if re.fullmatch(r"#\d+", name):
        row = conn.execute("SELECT id FROM people WHERE id = ?", (int(name[1:]),)).fetchone()
        if row is None:
            raise NotFoundError(f"no person with id {name}; list them with `saidwhat speakers`")
        return [int(row[0])]
    key = name_key(name)
    if not key:
        raise QueryError(f"speaker {name!r} has no letters to match; give a name such as 'Lavrov'")
    ids = [
        r[0] for r in conn.execute("SELECT DISTINCT person_id FROM aliases WHERE key = ?", (key,))
    ]
    if not ids:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT person_id FROM aliases WHERE key = ? UNION "
                "SELECT id FROM people WHERE lower(name) = lower(?)",
                (key, name),
            )
        ]
    if not ids and " " not in key:
        pattern = "% " + _like_escape(key)
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT person_id FROM aliases WHERE key LIKE ? ESCAPE '\\'", (pattern,)
            )
        ]
    if not ids:
        raise NotFoundError(_not_found_message(conn, name))
    if len(ids) > 1 and " " not in key:
        names = _names_of(conn, ids)
        if len({name_key(n) for n in names.values()}) > 1:
            listing = ", ".join(f"{n} (#{i})" for i, n in sorted(names.items(), key=lambda x: x[1]))
            raise QueryError(f"speaker {name!r} is ambiguous: {listing}; give the full name or #id")
    return sorted(int(i) for i in ids)


def resolve_one_person(conn: sqlite3.Connection, name: str) -> int:
    """Like :func:`resolve_speaker_ids` but exactly one person (else QueryError naming ids)."""
    ids = resolve_speaker_ids(conn, name)
    if len(ids) > 1:
        names = _names_of(conn, ids)
        listing = ", ".join(f"{names[i]} (#{i})" for i in ids)
        raise QueryError(f"{name!r} names {len(ids)} people: {listing}; pick one by #id")
    return ids[0]


def _names_of(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, name FROM people WHERE id IN ({marks})", ids)
    return {int(r[0]): r[1] for r in rows}


def _not_found_message(conn: sqlite3.Connection, name: str) -> str:
    names = [r[0] for r in conn.execute("SELECT name FROM people UNION SELECT alias FROM aliases")]
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.6)
    if not close:
        lowered = {n.casefold(): n for n in names}
        close = [lowered[c] for c in difflib.get_close_matches(name.casefold(), list(lowered), n=5)]
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return f"no speaker named {name!r}{hint} (list speakers with `saidwhat speakers`)"


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(value: str) -> str:
    return "%" + _like_escape(value.strip()) + "%"


def set_alias(conn: sqlite3.Connection, person_id: int, alias: str, origin: str) -> bool:
    """Give ``person_id`` the alias, upgrading an 'extracted' one to ``origin``; True if new."""
    alias = alias.strip()
    key = name_key(alias)
    if not key:
        return False
    cur = conn.execute(
        "INSERT OR IGNORE INTO aliases (person_id, alias, key, origin) VALUES (?, ?, ?, ?)",
        (person_id, alias, key, origin),
    )
    if cur.rowcount:
        return True
    conn.execute(
        "UPDATE aliases SET origin = ? WHERE person_id = ? AND alias = ? AND origin = 'extracted'",
        (origin, person_id, alias),
    )
    return False
