"""People and their aliases: the one person finder and the one alias writer.

Aliases are matched on :func:`saidwhat.names.name_key`. A one-word alias
("Lavrov") is stored for display but only used to resolve when a person was
given it by hand (registry import or merge), so two people who share a surname
stay apart. Manual corrections live in the same ``aliases`` table with origin
'registry' or 'manual', so they survive re-ingest.

Two ways in, both here:

- :func:`find_person` resolves a name read in a document (or a registry row)
  to a stored person; :func:`add_alias` is the only writer of ``aliases``.
- :func:`resolve_speaker_ids` resolves a name a *user* typed (``--speaker``,
  ``speakers show``), with ``#id``, surnames and "did you mean" hints.
"""

from __future__ import annotations

import difflib
import re
from datetime import UTC, datetime
from typing import Any

from saidwhat.errors import NotFoundError, QueryError
from saidwhat.names import name_key
from saidwhat.store.concerns import Concern

TRUSTED_ORIGINS = ("registry", "manual")
_TRUSTED_SQL = "origin IN ('registry', 'manual')"
#: Similarity (pg_trgm) above which a stored name is offered as "did you mean".
TRIGRAM_HINT_SIMILARITY = 0.3
#: How many "did you mean" names a not-found message offers.
HINTS = 5


class People(Concern):
    """``store.people``: finding, creating and naming people."""

    def find(self, name: str, aliases: list[str] = (), *, single_word: bool = True) -> int | None:
        return find_person(self.conn, name, list(aliases), single_word=single_word)

    def resolve(self, name: str, **kw: Any) -> int:
        with self.store.transaction() as conn:
            return resolve_person(conn, name, **kw)

    def speaker_ids(self, name: str) -> list[int]:
        return resolve_speaker_ids(self.conn, name)

    def one(self, name: str) -> int:
        return resolve_one_person(self.conn, name)

    def names_of(self, ids: list[int]) -> dict[int, str]:
        return names_of(self.conn, ids)

    def similar_names(self, name: str, limit: int = HINTS) -> list[str]:
        """Stored names and aliases spelled like ``name`` (pg_trgm on PostgreSQL)."""
        return similar_names(self.conn, name, limit, postgres=self.store.is_postgres)


# --- the person finder ---------------------------------------------------------------


def find_person(
    conn: Any, name: str, aliases: list[str] = (), *, single_word: bool = True
) -> int | None:
    """The id of the stored person ``name`` (or one of ``aliases``) refers to, if any.

    Multi-word keys decide first, trusted (registry, manual) aliases before
    extracted ones, then the person holding most aliases with that key, then the
    oldest. With ``single_word`` a one-word key also resolves, but only through a
    trusted alias held by exactly one person.
    """
    keys = [name_key(name), *(name_key(a) for a in aliases)]
    keys = [k for k in dict.fromkeys(keys) if k]
    for key in keys:
        if " " not in key:
            continue
        row = conn.execute(
            "SELECT person_id FROM aliases WHERE key = ? GROUP BY person_id"
            f" ORDER BY MAX(CASE WHEN {_TRUSTED_SQL} THEN 1 ELSE 0 END) DESC,"
            " COUNT(*) DESC, person_id LIMIT 1",
            (key,),
        ).fetchone()
        if row:
            return int(row[0])
    if not single_word:
        return None
    for key in keys:
        rows = conn.execute(
            f"SELECT DISTINCT person_id FROM aliases WHERE key = ? AND {_TRUSTED_SQL}", (key,)
        ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
    return None


# --- writing -------------------------------------------------------------------------


def add_alias(conn: Any, person_id: int, alias: str, origin: str) -> bool:
    """Give ``person_id`` the alias; True when it is new to them.

    An 'extracted' alias never takes a name someone else was given by hand; a
    trusted origin upgrades an alias the person held as 'extracted'.
    """
    alias = alias.strip()
    key = name_key(alias)
    if not key:
        return False
    if origin == "extracted":
        held = conn.execute(
            f"SELECT 1 FROM aliases WHERE key = ? AND person_id != ? AND {_TRUSTED_SQL} LIMIT 1",
            (key, person_id),
        ).fetchone()
        if held:
            return False
    row = conn.execute(
        "SELECT origin FROM aliases WHERE person_id = ? AND alias = ?", (person_id, alias)
    ).fetchone()
    if row is None:
        cur = conn.execute(
            "INSERT OR IGNORE INTO aliases (person_id, alias, key, origin) VALUES (?, ?, ?, ?)",
            (person_id, alias, key, origin),
        )
        return cur.rowcount > 0
    if origin in TRUSTED_ORIGINS and row[0] != origin:
        conn.execute(
            "UPDATE aliases SET origin = ? WHERE person_id = ? AND alias = ?",
            (origin, person_id, alias),
        )
    return False


def create_person(
    conn: Any,
    name: str,
    *,
    type: str = "person",
    organisation: str | None = None,
    country: str | None = None,
) -> int:
    row = conn.execute(
        "INSERT INTO people (name, type, organisation, country, created_at)"
        " VALUES (?, ?, ?, ?, ?) RETURNING id",
        (name, type, organisation, country, datetime.now(UTC).replace(microsecond=0).isoformat()),
    ).fetchone()
    return int(row[0])


def lock_people(conn: Any) -> None:
    """Serialise person resolution between concurrent writers (PostgreSQL).

    Two ingests that meet the same new name at once would otherwise each create
    the person. SQLite's writers are serialised already (BEGIN IMMEDIATE).
    """
    if getattr(conn, "is_postgres", False):
        conn.execute("SELECT pg_advisory_xact_lock(?)", (PEOPLE_LOCK,))


#: The advisory lock key that guards person creation on PostgreSQL.
PEOPLE_LOCK = 0x5A1D_0001


def resolve_person(
    conn: Any,
    name: str,
    *,
    aliases: list[str] = (),
    type: str = "person",
    organisation: str | None = None,
    country: str | None = None,
) -> int:
    """Find or create the person ``name`` refers to, and record the aliases seen."""
    lock_people(conn)
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


# --- names a user typed --------------------------------------------------------------


def resolve_speaker_ids(conn: Any, name: str) -> list[int]:
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
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT person_id FROM aliases WHERE key LIKE ? ESCAPE '\\'",
                ("% " + like_escape(key),),
            )
        ]
    if not ids:
        raise NotFoundError(_not_found_message(conn, name))
    if len(ids) > 1 and " " not in key:
        names = names_of(conn, ids)
        if len({name_key(n) for n in names.values()}) > 1:
            listing = ", ".join(f"{n} (#{i})" for i, n in sorted(names.items(), key=lambda x: x[1]))
            raise QueryError(f"speaker {name!r} is ambiguous: {listing}; give the full name or #id")
    return sorted(int(i) for i in ids)


def one_person_sql(name: str) -> tuple[str, list[Any]] | None:
    """A scalar subquery for the one person the full name ``name`` names, or None.

    The first step of :func:`resolve_speaker_ids` inside the query that uses it (no
    round trip of its own): the id when every alias with the name's key is one
    person's, else NULL, which matches no statement. A caller that gets no rows
    resolves ``name`` itself (its other steps, its messages) and runs again. None
    for ``#id`` and one-word names (whose ambiguity must be checked first).
    """
    name = name.strip()
    key = name_key(name)
    if re.fullmatch(r"#\d+", name) or " " not in key:
        return None
    return (
        "(SELECT min(a.person_id) FROM aliases a WHERE a.key = ?"
        " HAVING min(a.person_id) = max(a.person_id))",
        [key],
    )


def names_of_person(conn: Any, name: str) -> list[str]:
    """Every name and alias of the people ``name`` refers to (none when it names no one).

    A full name is resolved inside the query that reads the aliases (one round
    trip); any other name, or a full name no alias holds, the long way
    (:func:`resolve_speaker_ids`).
    """
    one = one_person_sql(name)
    if one is not None:
        key = one[1]
        rows = conn.execute(
            "SELECT alias FROM aliases WHERE person_id IN"
            " (SELECT person_id FROM aliases WHERE key = ?) UNION"
            " SELECT name FROM people WHERE id IN (SELECT person_id FROM aliases WHERE key = ?)",
            [*key, *key],
        ).fetchall()
        if rows:
            return [r[0] for r in rows]
    try:
        ids = resolve_speaker_ids(conn, name)
    except (NotFoundError, QueryError):
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT alias FROM aliases WHERE person_id IN ({marks}) UNION "
        f"SELECT name FROM people WHERE id IN ({marks})",
        [*ids, *ids],
    ).fetchall()
    return [r[0] for r in rows]


def resolve_one_person(conn: Any, name: str) -> int:
    """Like :func:`resolve_speaker_ids` but exactly one person (else QueryError naming ids)."""
    ids = resolve_speaker_ids(conn, name)
    if len(ids) > 1:
        names = names_of(conn, ids)
        listing = ", ".join(f"{names[i]} (#{i})" for i in ids)
        raise QueryError(f"{name!r} names {len(ids)} people: {listing}; pick one by #id")
    return ids[0]


def names_of(conn: Any, ids: list[int]) -> dict[int, str]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, name FROM people WHERE id IN ({marks})", list(ids))
    return {int(r[0]): r[1] for r in rows}


def similar_names(conn: Any, name: str, limit: int = HINTS, *, postgres: bool = False) -> list[str]:
    """Stored names and aliases that look like ``name``, closest first."""
    if postgres:
        # pg_trgm: the trigram indexes on aliases.key and lower(people.name).
        key = name_key(name) or name.casefold()
        rows = conn.execute(
            "SELECT n FROM (SELECT alias AS n, similarity(key, ?) AS sim FROM aliases"
            " WHERE key % ? UNION ALL SELECT name, similarity(lower(name), ?) FROM people"
            " WHERE lower(name) % ?) AS t WHERE sim >= ? GROUP BY n"
            " ORDER BY MAX(sim) DESC, n LIMIT ?",
            (key, key, key, key, TRIGRAM_HINT_SIMILARITY, limit),
        ).fetchall()
        return [r[0] for r in rows]
    names = [r[0] for r in conn.execute("SELECT name FROM people UNION SELECT alias FROM aliases")]
    close = difflib.get_close_matches(name, names, n=limit, cutoff=0.6)
    if not close:
        lowered = {n.casefold(): n for n in names}
        close = [
            lowered[c] for c in difflib.get_close_matches(name.casefold(), list(lowered), n=limit)
        ]
    return close


def _not_found_message(conn: Any, name: str) -> str:
    close = similar_names(conn, name, postgres=getattr(conn, "is_postgres", False))
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return f"no speaker named {name!r}{hint} (list speakers with `saidwhat speakers`)"


def like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere (case-insensitive on both backends)."""
    return "%" + like_escape(value.strip()) + "%"
