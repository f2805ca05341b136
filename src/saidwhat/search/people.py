"""The people registry: list, profile, merge and split (CSV lives in :mod:`.registry`).

Corrections are rows of the ``aliases`` table with origin 'registry' (CSV
import) or 'manual' (merge, split). :func:`saidwhat.store.people.find_person`
prefers those when it resolves a speaker, so a correction survives re-ingest.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from saidwhat.errors import NotFoundError, UsageError
from saidwhat.names import name_key
from saidwhat.search.speakers import resolve_one_person, set_alias
from saidwhat.store.db import Store
from saidwhat.store.people import create_person

log = logging.getLogger(__name__)

#: Columns of the registry CSV, in order. ``aliases`` and ``role`` are ``|``-separated.
CSV_COLUMNS = ("name", "aliases", "role", "organisation", "country")

_CAPITALISED = re.compile(
    r"\b[A-Z][\w'’-]+(?:\s+(?:of|the|de|du|la|von|van|al|bin|and|for)){0,2}(?:\s+[A-Z][\w'’-]+)+"
)
_STOP_STARTS = frozenset(["The", "A", "An", "We", "Our", "It", "This", "That", "I", "In", "On"])


@dataclass
class PersonSummary:
    id: int
    name: str
    type: str
    organisation: str | None
    country: str | None
    statements: int
    first: str | None
    last: str | None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def to_row(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "statements": self.statements,
            "roles": "; ".join(self.roles),
            "organisation": self.organisation,
            "country": self.country,
            "aliases": "; ".join(self.aliases),
            "first": self.first,
            "last": self.last,
            "type": self.type,
        }


@dataclass
class RoleRecord:
    role: str
    date: str | None
    doc_id: int | None
    doc: str | None
    title: str | None


@dataclass
class Profile:
    person: PersonSummary
    roles: list[RoleRecord]
    per_month: list[tuple[str, int]]
    outlets: list[tuple[str, int]]
    people_mentioned: list[tuple[str, int]]
    terms: list[tuple[str, int]]


# --- listing ------------------------------------------------------------------------


def list_people(
    store: Store, *, search: str | None = None, min_statements: int = 0, limit: int | None = None
) -> list[PersonSummary]:
    """Everyone in the registry, most-quoted first, with aliases and roles."""
    params: list = []
    where = ""
    if search:
        where = (
            "WHERE p.name LIKE ? ESCAPE '\\' OR p.id IN "
            "(SELECT person_id FROM aliases WHERE alias LIKE ? ESCAPE '\\')"
        )
        pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += [pattern, pattern]
    sql = (
        "SELECT p.id, p.name, p.type, p.organisation, p.country,"
        " COUNT(s.id) AS n, MIN(s.day) AS first,"
        " MAX(s.day) AS last"
        " FROM people p LEFT JOIN statements s ON s.person_id = p.id"
        " LEFT JOIN documents d ON d.id = s.document_id "
        f"{where} GROUP BY p.id HAVING n >= ? ORDER BY n DESC, p.name, p.id"
    )
    params.append(min_statements)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = store.query(sql, tuple(params))
    people = [
        PersonSummary(
            r["id"],
            r["name"],
            r["type"],
            r["organisation"],
            r["country"],
            r["n"],
            r["first"][:10] if r["first"] else None,
            r["last"][:10] if r["last"] else None,
        )
        for r in rows
    ]
    _fill_aliases_roles(store.conn, people)
    return people


def _fill_aliases_roles(conn: sqlite3.Connection, people: list[PersonSummary]) -> None:
    by_id = {p.id: p for p in people}
    if not by_id:
        return
    ids = list(by_id)
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
            f"SELECT person_id, alias FROM aliases WHERE person_id IN ({marks}) ORDER BY alias",
            chunk,
        ):
            if r[1] != by_id[r[0]].name:
                by_id[r[0]].aliases.append(r[1])
        for r in conn.execute(
            f"SELECT person_id, role, MAX(COALESCE(date, '')) AS last FROM person_roles"
            f" WHERE person_id IN ({marks}) GROUP BY person_id, role ORDER BY last DESC, role",
            chunk,
        ):
            by_id[r[0]].roles.append(r[1])


def get_person(store: Store, name: str) -> PersonSummary:
    """One person by any alias or ``#id``."""
    pid = resolve_one_person(store.conn, name)
    return _summary(store, pid)


def _summary(store: Store, pid: int) -> PersonSummary:
    r = store.query(
        "SELECT p.id, p.name, p.type, p.organisation, p.country, COUNT(s.id) AS n,"
        " MIN(s.day) AS first, MAX(s.day) AS last"
        " FROM people p LEFT JOIN statements s ON s.person_id = p.id"
        " LEFT JOIN documents d ON d.id = s.document_id WHERE p.id = ? GROUP BY p.id",
        (pid,),
    )[0]
    person = PersonSummary(
        r["id"],
        r["name"],
        r["type"],
        r["organisation"],
        r["country"],
        r["n"],
        r["first"][:10] if r["first"] else None,
        r["last"][:10] if r["last"] else None,
    )
    _fill_aliases_roles(store.conn, [person])
    return person


def person_profile(store: Store, name: str, *, top: int = 10, max_quotes: int = 5000) -> Profile:
    """Roles (with when and where stated), activity per month, outlets and topics of a person."""
    person = get_person(store, name)
    pid = person.id
    roles = [
        RoleRecord(r["role"], r["date"], r["document_id"], r["ref"], r["title"])
        for r in store.query(
            "SELECT pr.role, pr.date, pr.document_id, d.ref, d.title FROM person_roles pr"
            " LEFT JOIN documents d ON d.id = pr.document_id WHERE pr.person_id = ?"
            " ORDER BY pr.date IS NULL, pr.date, pr.role",
            (pid,),
        )
    ]
    per_month = [
        (r[0], r[1])
        for r in store.query(
            "SELECT substr(day, 1, 7) AS month, COUNT(*) FROM statements WHERE person_id = ?"
            " GROUP BY month ORDER BY month IS NULL, month",
            (pid,),
        )
    ]
    outlets = [
        (r[0], r[1])
        for r in store.query(
            "SELECT COALESCE(s.source, d.outlet, '(no source)') AS o, COUNT(*) AS n FROM statements s"
            " JOIN documents d ON d.id = s.document_id WHERE s.person_id = ?"
            " GROUP BY o ORDER BY n DESC, o LIMIT ?",
            (pid, top),
        )
    ]
    quotes = [
        r[0]
        for r in store.query(
            "SELECT quote FROM statements WHERE person_id = ? ORDER BY date DESC, id DESC LIMIT ?",
            (pid, max_quotes),
        )
    ]
    mentioned, terms = _topics(store.conn, pid, person, quotes, top)
    return Profile(person, roles, per_month, outlets, mentioned, terms)


_TITLE_WORDS = (
    "president vice secretary state of the foreign defence defense prime minister deputy"
    " chancellor senator ambassador general spokesperson spokesman mr mrs ms dr russian"
    " american ukrainian chinese turkish german french british us u.s. eu un"
)
_CORE_WORDS = (
    "president secretary minister chancellor senator ambassador spokesperson spokesman"
    " mr mrs ms dr general"
)
_TITLE_RUN = frozenset(_TITLE_WORDS.split())
_CORE_TITLES = frozenset(_CORE_WORDS.split())


def _strip_titles(words: list[str]) -> str:
    """'Russian President Vladimir Putin' -> 'Vladimir Putin' (a leading run with a title)."""
    words = [*words[:-1], re.sub(r"['’]s$", "", words[-1])]
    i = 0
    while i < len(words) - 1 and words[i].casefold().rstrip(".,") in _TITLE_RUN:
        i += 1
    run = {w.casefold().rstrip(".,") for w in words[:i]}
    return " ".join(words[i:] if run & _CORE_TITLES else words)


def _merge_surnames(terms: Counter[str]) -> Counter[str]:
    """Count 'Trump' (left after 'President Trump') under the fuller 'Donald Trump'."""
    out: Counter[str] = Counter()
    for term, n in terms.items():
        if " " not in term:
            fuller = [t for t in terms if " " in t and t.split()[-1] == term]
            if fuller:
                term = max(fuller, key=lambda t: (terms[t], t))
        out[term] += n
    return out


def _topics(
    conn: sqlite3.Connection, pid: int, person: PersonSummary, quotes: list[str], top: int
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Other known people named in the quotes, and capitalised multiword terms."""
    own = {name_key(a) for a in [person.name, *person.aliases]}
    terms: Counter[str] = Counter()
    for quote in quotes:
        for m in _CAPITALISED.finditer(quote):
            term = m.group(0)
            words = term.split()
            if words[0] in _STOP_STARTS:
                words = words[1:]
                if len(words) < 2:
                    continue
            terms[_strip_titles(words)] += 1
    terms = _merge_surnames(terms)
    # Known people: any multi-word alias of someone else that occurs as a term or inside one.
    known: dict[str, tuple[int, str]] = {}
    for r in conn.execute(
        "SELECT a.key, a.person_id, p.name FROM aliases a JOIN people p ON p.id = a.person_id"
        " WHERE a.person_id != ? AND instr(a.key, ' ') > 0",
        (pid,),
    ):
        known.setdefault(r[0], (r[1], r[2]))
    people: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for term, n in terms.items():
        key = name_key(term)
        if key in own:
            continue
        hit = known.get(key)
        if hit is None:
            # "Hakan Fidan" inside "Foreign Minister Hakan Fidan".
            tokens = key.split()
            for size in range(len(tokens) - 1, 1, -1):
                for i in range(len(tokens) - size + 1):
                    hit = known.get(" ".join(tokens[i : i + size]))
                    if hit:
                        break
                if hit:
                    break
        if hit:
            people[hit[1]] += n
        else:
            other[term] += n
    order = lambda kv: (-kv[1], kv[0])  # noqa: E731
    return sorted(people.items(), key=order)[:top], sorted(other.items(), key=order)[:top]


# --- merge / split ------------------------------------------------------------------


@dataclass
class MergeResult:
    person_id: int
    name: str
    removed_id: int
    removed_name: str
    statements: int
    aliases: int


def merge_people(store: Store, keep: str, other: str) -> MergeResult:
    """Move ``other``'s statements, roles and aliases to ``keep`` and delete ``other``."""
    a = resolve_one_person(store.conn, keep)
    b = resolve_one_person(store.conn, other)
    if a == b:
        raise UsageError(f"{keep!r} and {other!r} are already the same person (#{a})")
    a_name = store.query("SELECT name FROM people WHERE id = ?", (a,))[0][0]
    with store.transaction() as conn:
        b_row = conn.execute(
            "SELECT name, organisation, country FROM people WHERE id = ?", (b,)
        ).fetchone()
        moved = conn.execute(
            "UPDATE statements SET person_id = ? WHERE person_id = ?", (a, b)
        ).rowcount
        conn.execute("UPDATE OR IGNORE person_roles SET person_id = ? WHERE person_id = ?", (a, b))
        n_aliases = 0
        aliases = [
            r[0] for r in conn.execute("SELECT alias FROM aliases WHERE person_id = ?", (b,))
        ]
        for alias in dict.fromkeys([b_row["name"], *aliases]):
            set_alias(conn, a, alias, "manual")
            conn.execute(
                "UPDATE aliases SET origin = 'manual' WHERE person_id = ? AND alias = ?", (a, alias)
            )
            n_aliases += 1
        conn.execute(
            "UPDATE people SET organisation = COALESCE(organisation, ?),"
            " country = COALESCE(country, ?) WHERE id = ?",
            (b_row["organisation"], b_row["country"], a),
        )
        conn.execute("DELETE FROM people WHERE id = ?", (b,))
    log.info("merged #%d %s into #%d %s (%d statements)", b, b_row["name"], a, a_name, moved)
    return MergeResult(a, a_name, b, b_row["name"], moved, n_aliases)


@dataclass
class SplitResult:
    person_id: int
    name: str
    from_id: int
    from_name: str
    statements: int
    aliases: list[str]


def split_person(
    store: Store, name: str, aliases: list[str], *, new_name: str | None = None
) -> SplitResult:
    """Move ``aliases`` (and statements whose speaker matches them) from ``name`` to a new person."""
    if not aliases:
        raise UsageError("name at least one alias to split off (--alias)")
    pid = resolve_one_person(store.conn, name)
    conn = store.conn
    src = conn.execute("SELECT name, type FROM people WHERE id = ?", (pid,)).fetchone()
    keys = {name_key(a) for a in aliases} - {""}
    held = [
        (r[0], r[1])
        for r in conn.execute("SELECT alias, key FROM aliases WHERE person_id = ?", (pid,))
    ]
    moving = sorted(alias for alias, key in held if key in keys)
    if not moving:
        have = ", ".join(sorted(a for a, _ in held)) or "none"
        raise NotFoundError(
            f"{src['name']} has no alias matching {', '.join(map(repr, aliases))}; their aliases: {have}"
        )
    if name_key(src["name"]) in keys:
        raise UsageError(
            f"cannot split off {src['name']!r}, the person's own name; split off the other "
            "aliases instead, or merge and re-split"
        )
    if len(moving) == len(held):
        raise UsageError(f"that would move every alias of {src['name']}; nothing would be left")
    target = new_name or max(moving, key=lambda a: (len(name_key(a).split()), len(a), a))
    statements = [
        r[0]
        for r in conn.execute(
            "SELECT id, speaker_mention, speaker_name FROM statements WHERE person_id = ?", (pid,)
        )
        if name_key(r[1] or "") in keys or name_key(r[2] or "") in keys
    ]
    with store.transaction() as conn:
        new_id = create_person(conn, target, type=src["type"])
        for alias in moving:
            conn.execute("DELETE FROM aliases WHERE person_id = ? AND alias = ?", (pid, alias))
            set_alias(conn, new_id, alias, "manual")
        if new_name:
            set_alias(conn, new_id, new_name, "manual")
        for chunk in (statements[i : i + 500] for i in range(0, len(statements), 500)):
            marks = ",".join("?" * len(chunk))
            conn.execute(
                f"UPDATE statements SET person_id = ? WHERE id IN ({marks})", [new_id, *chunk]
            )
        # Roles stated in documents where the person now speaks only as the new one.
        conn.execute(
            "UPDATE OR IGNORE person_roles SET person_id = ? WHERE person_id = ? AND document_id IN"
            " (SELECT document_id FROM statements WHERE person_id = ?) AND document_id NOT IN"
            " (SELECT document_id FROM statements WHERE person_id = ?)",
            (new_id, pid, new_id, pid),
        )
    log.info("split %s off #%d %s as #%d", moving, pid, src["name"], new_id)
    return SplitResult(new_id, target, pid, src["name"], len(statements), moving)
