"""The people registry's SQL: listings, profiles, merge, split and CSV import.

:mod:`saidwhat.search.people` and :mod:`saidwhat.search.registry` hold the
logic (topics, CSV parsing, messages) and call ``store.registry``.
"""

from __future__ import annotations

from typing import Any

from saidwhat.names import name_key
from saidwhat.store.concerns import Concern
from saidwhat.store.people import (
    add_alias,
    create_person,
    find_person,
    like_pattern,
    lock_people,
)

#: People looked up in one ``IN (...)`` list (SQLite allows 999 parameters by default).
CHUNK = 500

_SUMMARY = (
    "SELECT p.id, p.name, p.type, p.organisation, p.country, COUNT(s.id) AS n,"
    " MIN(s.day) AS first, MAX(s.day) AS last"
    " FROM people p LEFT JOIN statements s ON s.person_id = p.id"
)


class Registry(Concern):
    """``store.registry``: the people registry."""

    def summaries(
        self, *, search: str | None = None, min_statements: int = 0, limit: int | None = None
    ) -> list[Any]:
        """Rows of id, name, type, organisation, country, n, first, last; most-quoted first."""
        params: list[Any] = []
        where = ""
        if search:
            where = (
                " WHERE p.name LIKE ? ESCAPE '\\' OR p.id IN "
                "(SELECT person_id FROM aliases WHERE alias LIKE ? ESCAPE '\\')"
            )
            params += [like_pattern(search)] * 2
        sql = (
            f"{_SUMMARY}{where} GROUP BY p.id, p.name, p.type, p.organisation, p.country"
            " HAVING COUNT(s.id) >= ? ORDER BY n DESC, p.name, p.id"
        )
        params.append(min_statements)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self.store.query(sql, params)

    def summary(self, person_id: int) -> Any:
        return self.store.query(
            f"{_SUMMARY} WHERE p.id = ? GROUP BY p.id, p.name, p.type, p.organisation, p.country",
            (person_id,),
        )[0]

    def aliases_and_roles(
        self, ids: list[int]
    ) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """(person_id, alias) sorted by alias, and (person_id, role) newest first, for ``ids``."""
        aliases: list[tuple[int, str]] = []
        roles: list[tuple[int, str]] = []
        for chunk in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
            marks = ",".join("?" * len(chunk))
            aliases += [
                (int(r[0]), r[1])
                for r in self.store.query(
                    f"SELECT person_id, alias FROM aliases WHERE person_id IN ({marks})"
                    " ORDER BY alias, person_id",
                    chunk,
                )
            ]
            roles += [
                (int(r[0]), r[1])
                for r in self.store.query(
                    "SELECT person_id, role, MAX(COALESCE(date, '')) AS last FROM person_roles"
                    f" WHERE person_id IN ({marks}) GROUP BY person_id, role"
                    " ORDER BY last DESC, role",
                    chunk,
                )
            ]
        return aliases, roles

    # -- a profile ---------------------------------------------------------------
    def roles_of(self, person_id: int) -> list[Any]:
        return self.store.query(
            "SELECT pr.role, pr.date, pr.document_id, d.ref, d.title FROM person_roles pr"
            " LEFT JOIN documents d ON d.id = pr.document_id WHERE pr.person_id = ?"
            " ORDER BY pr.date IS NULL, pr.date, pr.role",
            (person_id,),
        )

    def per_month(self, person_id: int) -> list[tuple[str | None, int]]:
        return [
            (r[0], int(r[1]))
            for r in self.store.query(
                "SELECT substr(day, 1, 7) AS month, COUNT(*) FROM statements WHERE person_id = ?"
                " GROUP BY month ORDER BY substr(day, 1, 7) IS NULL, month",
                (person_id,),
            )
        ]

    def outlets(self, person_id: int, top: int) -> list[tuple[str, int]]:
        return [
            (r[0], int(r[1]))
            for r in self.store.query(
                "SELECT COALESCE(s.source, d.outlet, '(no source)') AS o, COUNT(*) AS n"
                " FROM statements s JOIN documents d ON d.id = s.document_id"
                " WHERE s.person_id = ? GROUP BY o ORDER BY n DESC, o LIMIT ?",
                (person_id, top),
            )
        ]

    def quotes(self, person_id: int, limit: int) -> list[str]:
        return [
            r[0]
            for r in self.store.query(
                "SELECT quote FROM statements WHERE person_id = ?"
                " ORDER BY date IS NULL, date DESC, id DESC LIMIT ?",
                (person_id, limit),
            )
        ]

    def other_full_names(self, person_id: int) -> list[tuple[str, int, str]]:
        """(alias key, person id, name) of every multi-word alias of anyone else."""
        return [
            (r[0], int(r[1]), r[2])
            for r in self.store.query(
                "SELECT a.key, a.person_id, p.name FROM aliases a"
                " JOIN people p ON p.id = a.person_id"
                " WHERE a.person_id != ? AND a.key LIKE '% %' ORDER BY a.id",
                (person_id,),
            )
        ]

    # -- corrections -------------------------------------------------------------
    def merge(self, keep: int, other: int) -> tuple[str, int, int]:
        """Move ``other``'s statements, roles and aliases to ``keep``; delete ``other``.

        Returns (other's name, statements moved, aliases given).
        """
        with self.store.transaction() as conn:
            lock_people(conn)  # against a concurrent ingest creating people
            b_row = conn.execute(
                "SELECT name, organisation, country FROM people WHERE id = ?", (other,)
            ).fetchone()
            moved = conn.execute(
                "UPDATE statements SET person_id = ? WHERE person_id = ?", (keep, other)
            ).rowcount
            # A role both hold stays once (UNIQUE person_id, role, document_id).
            conn.execute(
                "DELETE FROM person_roles WHERE person_id = ? AND EXISTS (SELECT 1 FROM"
                " person_roles k WHERE k.person_id = ? AND k.role = person_roles.role"
                " AND k.document_id = person_roles.document_id)",
                (other, keep),
            )
            conn.execute("UPDATE person_roles SET person_id = ? WHERE person_id = ?", (keep, other))
            aliases = [
                r[0]
                for r in conn.execute(
                    "SELECT alias FROM aliases WHERE person_id = ? ORDER BY id", (other,)
                )
            ]
            n_aliases = 0
            for alias in dict.fromkeys([b_row["name"], *aliases]):
                add_alias(conn, keep, alias, "manual")
                n_aliases += 1
            conn.execute(
                "UPDATE people SET organisation = COALESCE(organisation, ?),"
                " country = COALESCE(country, ?) WHERE id = ?",
                (b_row["organisation"], b_row["country"], keep),
            )
            conn.execute("DELETE FROM people WHERE id = ?", (other,))
        return b_row["name"], int(moved), n_aliases

    def person_row(self, person_id: int) -> Any:
        return self.store.query(
            "SELECT id, name, type, organisation, country FROM people WHERE id = ?", (person_id,)
        )[0]

    def aliases_of(self, person_id: int) -> list[tuple[str, str]]:
        """(alias, key) of a person."""
        return [
            (r[0], r[1])
            for r in self.store.query(
                "SELECT alias, key FROM aliases WHERE person_id = ? ORDER BY id", (person_id,)
            )
        ]

    def statements_by_mention(self, person_id: int, keys: set[str]) -> list[int]:
        """Ids of a person's statements whose mention or speaker name has one of ``keys``."""
        return [
            int(r[0])
            for r in self.store.query(
                "SELECT id, speaker_mention, speaker_name FROM statements"
                " WHERE person_id = ? ORDER BY id",
                (person_id,),
            )
            if name_key(r[1] or "") in keys or name_key(r[2] or "") in keys
        ]

    def split(
        self,
        person_id: int,
        target: str,
        person_type: str,
        moving: list[str],
        statements: list[int],
        new_name: str | None,
    ) -> int:
        """Create ``target``, move ``moving`` aliases and ``statements`` to them; their id."""
        with self.store.transaction() as conn:
            lock_people(conn)  # against a concurrent ingest creating people
            new_id = create_person(conn, target, type=person_type)
            for alias in moving:
                conn.execute(
                    "DELETE FROM aliases WHERE person_id = ? AND alias = ?", (person_id, alias)
                )
                add_alias(conn, new_id, alias, "manual")
            if new_name:
                add_alias(conn, new_id, new_name, "manual")
            for chunk in (statements[i : i + CHUNK] for i in range(0, len(statements), CHUNK)):
                marks = ",".join("?" * len(chunk))
                conn.execute(
                    f"UPDATE statements SET person_id = ? WHERE id IN ({marks})", [new_id, *chunk]
                )
            # Roles stated in documents where the person now speaks only as the new one.
            conn.execute(
                "UPDATE person_roles SET person_id = ? WHERE person_id = ? AND document_id IN"
                " (SELECT document_id FROM statements WHERE person_id = ?) AND document_id NOT IN"
                " (SELECT document_id FROM statements WHERE person_id = ?)",
                (new_id, person_id, new_id, person_id),
            )
        return new_id

    def import_rows(self, rows: list[dict], split_list: Any) -> dict[str, int]:
        """Create or update the people of registry CSV ``rows`` (all or nothing)."""
        counts = {"created": 0, "updated": 0, "aliases": 0, "roles": 0}
        with self.store.transaction() as conn:
            lock_people(conn)  # against a concurrent ingest creating people
            for row in rows:
                aliases = split_list(row["aliases"])
                pid = find_person(conn, row["name"], aliases, single_word=False)
                org = row["organisation"] or None
                country = row["country"] or None
                if pid is None:
                    pid = create_person(conn, row["name"], organisation=org, country=country)
                    counts["created"] += 1
                else:
                    # The registry is curated: what it states wins over what was extracted.
                    conn.execute(
                        "UPDATE people SET name = ?, organisation = COALESCE(?, organisation),"
                        " country = COALESCE(?, country) WHERE id = ?",
                        (row["name"], org, country, pid),
                    )
                    counts["updated"] += 1
                for alias in [row["name"], *aliases]:
                    counts["aliases"] += add_alias(conn, pid, alias, "registry")
                for role in split_list(row["role"]):
                    exists = conn.execute(
                        "SELECT 1 FROM person_roles WHERE person_id = ? AND role = ?", (pid, role)
                    ).fetchone()
                    if not exists:
                        conn.execute(
                            "INSERT INTO person_roles (person_id, role, document_id, date)"
                            " VALUES (?, ?, NULL, NULL)",
                            (pid, role),
                        )
                        counts["roles"] += 1
        return counts
