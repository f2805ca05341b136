"""The people registry: list, profile, merge and split (CSV lives in :mod:`.registry`).

Corrections are rows of the ``aliases`` table with origin 'registry' (CSV
import) or 'manual' (merge, split). :func:`saidwhat.store.people.find_person`
prefers those when it resolves a speaker, so a correction survives re-ingest.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from saidwhat.errors import NotFoundError, UsageError
from saidwhat.names import name_key
from saidwhat.store.db import Store

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
    rows = store.registry.summaries(search=search, min_statements=min_statements, limit=limit)
    people = [_person(r) for r in rows]
    _fill_aliases_roles(store, people)
    return people


def _person(r) -> PersonSummary:
    return PersonSummary(
        int(r["id"]),
        r["name"],
        r["type"],
        r["organisation"],
        r["country"],
        int(r["n"]),
        r["first"][:10] if r["first"] else None,
        r["last"][:10] if r["last"] else None,
    )


def _fill_aliases_roles(store: Store, people: list[PersonSummary]) -> None:
    by_id = {p.id: p for p in people}
    if not by_id:
        return
    aliases, roles = store.registry.aliases_and_roles(list(by_id))
    for pid, alias in aliases:
        if alias != by_id[pid].name:
            by_id[pid].aliases.append(alias)
    for pid, role in roles:
        by_id[pid].roles.append(role)


def get_person(store: Store, name: str) -> PersonSummary:
    """One person by any alias or ``#id``."""
    return _summary(store, store.people.one(name))


def _summary(store: Store, pid: int) -> PersonSummary:
    person = _person(store.registry.summary(pid))
    _fill_aliases_roles(store, [person])
    return person


def person_profile(store: Store, name: str, *, top: int = 10, max_quotes: int = 5000) -> Profile:
    """Roles (with when and where stated), activity per month, outlets and topics of a person."""
    person = get_person(store, name)
    pid = person.id
    roles = [
        RoleRecord(r["role"], r["date"], r["document_id"], r["ref"], r["title"])
        for r in store.registry.roles_of(pid)
    ]
    per_month = store.registry.per_month(pid)
    outlets = store.registry.outlets(pid, top)
    quotes = store.registry.quotes(pid, max_quotes)
    mentioned, terms = _topics(store, pid, person, quotes, top)
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
    store: Store, pid: int, person: PersonSummary, quotes: list[str], top: int
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
    for key, other_id, other_name in store.registry.other_full_names(pid):
        known.setdefault(key, (other_id, other_name))
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
    a = store.people.one(keep)
    b = store.people.one(other)
    if a == b:
        raise UsageError(f"{keep!r} and {other!r} are already the same person (#{a})")
    a_name = store.registry.person_row(a)["name"]
    b_name, moved, n_aliases = store.registry.merge(a, b)
    log.info("merged #%d %s into #%d %s (%d statements)", b, b_name, a, a_name, moved)
    return MergeResult(a, a_name, b, b_name, moved, n_aliases)


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
    pid = store.people.one(name)
    src = store.registry.person_row(pid)
    keys = {name_key(a) for a in aliases} - {""}
    held = store.registry.aliases_of(pid)
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
    statements = store.registry.statements_by_mention(pid, keys)
    new_id = store.registry.split(pid, target, src["type"], moving, statements, new_name)
    log.info("split %s off #%d %s as #%d", moving, pid, src["name"], new_id)
    return SplitResult(new_id, target, pid, src["name"], len(statements), moving)
