"""Resolving the speakers of a whole batch of documents with a few queries, not a dozen per name.

:func:`saidwhat.store.people.resolve_person` asks the database for every name
it resolves (the alias lookups of :func:`~saidwhat.store.people.find_person`,
then two checks and an insert per alias of
:func:`~saidwhat.store.people.add_alias`): on PostgreSQL a round trip and a
server statement each, about 17 per document. :class:`BatchPeople` reads, in
one query, every alias whose key the batch's names and aliases have (and the
stored people they belong to), answers the same questions from memory with
the same rules, and writes at the end only what changed: new aliases in one
``executemany``, filled-in organisations and countries in another. People are
still created one by one as they are met (their ids are needed at once), in
the order the one-document path creates them, so ids come out the same.

It is exact only while no other writer changes people or aliases: the caller
holds :func:`~saidwhat.store.people.lock_people` (PostgreSQL) or SQLite's
write lock for the whole transaction, as every writer of those tables takes
it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from saidwhat.names import name_key
from saidwhat.store.people import TRUSTED_ORIGINS, create_person

#: Keys or ids bound into one ``IN (...)`` list (far under SQLite's limit of 32766).
IN_CHUNK = 5000


class BatchPeople:
    """Person resolution for one batch transaction; call :meth:`flush` before it commits."""

    def __init__(self, conn: Any, names: Iterable[str]) -> None:
        self.conn = conn
        # Keys of the batch's names, each computed once (a speaker's name is met again
        # by each of their statements and documents).
        self.key = functools.lru_cache(maxsize=None)(name_key)
        #: key -> [person_id, alias, origin] rows, in id order (as the table gives them).
        self.by_key: dict[str, list[list[Any]]] = {}
        #: (person_id, alias) -> its row in ``by_key``.
        self.held: dict[tuple[int, str], list[Any]] = {}
        #: person id -> [organisation, country], for the people the batch may touch.
        self.people: dict[int, list[Any]] = {}
        self.new_aliases: list[tuple[int, str, str, str]] = []
        self.changed: dict[int, list[Any]] = {}
        unique = {n for name in names for n in (name, name.strip())}
        keys = sorted({k for k in map(self.key, unique) if k})
        for chunk in _chunks(keys):
            marks = ", ".join("?" * len(chunk))
            for person_id, alias, key, origin in conn.execute(
                "SELECT person_id, alias, key, origin FROM aliases"
                f" WHERE key IN ({marks}) ORDER BY id",
                chunk,
            ).fetchall():
                self._remember(int(person_id), alias, key, origin)
        ids = sorted({row[0] for rows in self.by_key.values() for row in rows})
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            for pid, organisation, country in conn.execute(
                f"SELECT id, organisation, country FROM people WHERE id IN ({marks})", chunk
            ).fetchall():
                self.people[int(pid)] = [organisation, country]

    def _remember(self, person_id: int, alias: str, key: str, origin: str) -> None:
        row = [person_id, alias, origin]
        self.by_key.setdefault(key, []).append(row)
        self.held[(person_id, alias)] = row

    # -- the rules of store.people, read from memory --------------------------------
    def find(self, name: str, aliases: list[str]) -> int | None:
        """:func:`saidwhat.store.people.find_person` (``single_word=True``)."""
        keys = [self.key(name), *(self.key(a) for a in aliases)]
        keys = [k for k in dict.fromkeys(keys) if k]
        for key in keys:
            if " " not in key or key not in self.by_key:
                continue
            # GROUP BY person_id ORDER BY MAX(trusted) DESC, COUNT(*) DESC, person_id
            score: dict[int, list[int]] = {}
            for pid, _, origin in self.by_key[key]:
                s = score.setdefault(pid, [0, 0])
                s[0] = max(s[0], origin in TRUSTED_ORIGINS)
                s[1] += 1
            return min(score, key=lambda pid: (-score[pid][0], -score[pid][1], pid))
        for key in keys:
            trusted = {pid for pid, _, o in self.by_key.get(key, ()) if o in TRUSTED_ORIGINS}
            if len(trusted) == 1:
                return trusted.pop()
        return None

    def resolve(
        self,
        name: str,
        *,
        aliases: list[str] = (),
        type: str = "person",
        organisation: str | None = None,
        country: str | None = None,
    ) -> int:
        """:func:`saidwhat.store.people.resolve_person`, writing only what is new."""
        person_id = self.find(name, list(aliases))
        if person_id is None:
            person_id = create_person(
                self.conn, name, type=type, organisation=organisation, country=country
            )
            self.people[person_id] = [organisation, country]
        else:
            # Fill in what an earlier document did not say; never overwrite.
            held = self.people[person_id]
            filled = [held[0] if held[0] is not None else organisation,
                      held[1] if held[1] is not None else country]  # fmt: skip
            if filled != held:
                self.people[person_id] = self.changed[person_id] = filled
        for alias in (name, *aliases):
            self._add_extracted_alias(person_id, alias)
        return person_id

    def _add_extracted_alias(self, person_id: int, alias: str) -> None:
        """:func:`saidwhat.store.people.add_alias` with origin 'extracted'."""
        alias = alias.strip()
        key = self.key(alias)
        if not key:
            return
        if any(
            pid != person_id and origin in TRUSTED_ORIGINS
            for pid, _, origin in self.by_key.get(key, ())
        ):
            return  # someone else was given this name by hand
        if (person_id, alias) in self.held:
            return  # held already ('extracted' never changes an origin)
        self._remember(person_id, alias, key, "extracted")
        self.new_aliases.append((person_id, alias, key, "extracted"))

    def flush(self) -> None:
        """Write the new aliases and the filled-in people (in the caller's transaction)."""
        if self.new_aliases:
            self.conn.executemany(
                "INSERT OR IGNORE INTO aliases (person_id, alias, key, origin) VALUES (?, ?, ?, ?)",
                self.new_aliases,
            )
            self.new_aliases = []
        if self.changed:
            self.conn.executemany(
                "UPDATE people SET organisation = COALESCE(organisation, ?),"
                " country = COALESCE(country, ?) WHERE id = ?",
                [(org, country, pid) for pid, (org, country) in self.changed.items()],
            )
            self.changed = {}


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), IN_CHUNK):
        yield values[i : i + IN_CHUNK]
