"""What a document has seen: its people and organisations, and where each was mentioned.

:class:`Seen` is the explicit per-document state of speaker resolution. It is
filled in one pass in document order (:mod:`.build`), then frozen; every rule
reads it and none keeps state of its own, so who a mention refers to does not
depend on which statement was resolved first. Person names are clustered here:
``Lavrov`` / ``Sergey Lavrov`` / ``FM Lavrov`` are one person, Sergei/Sergey
folded, and two people sharing a surname are kept apart by their first names
(namesakes); a bare surname is the namesake named most often before it, then
the nearest (``Cruz`` is Ted Cruz, not the wife named once in passing).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..indirect import doc_ents
from ..person_words import OUTLET_WORDS, fold, name_parts
from ..roles import RoleInfo
from ..settings import Speakers
from .canonical import org_alias, org_name, person_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc


@dataclass
class Cluster:
    """One person (or organisation) of the document."""

    name: str
    type: str = "person"
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisation: str | None = None
    country: str | None = None
    gender: str | None = None
    last_first: str | None = None  # folded first name, when known

    def add_role(self, info: RoleInfo) -> None:
        role = info.role
        if role and not any(role.lower() in r.lower() for r in self.roles):
            self.roles = [r for r in self.roles if r.lower() not in role.lower()] + [role]
        self.organisation = self.organisation or info.organisation
        self.country = self.country or info.country


class Mention(NamedTuple):
    """A person mentioned outside quotations: an antecedent for later pronouns."""

    pos: int
    sent_start: int
    subject: bool
    ci: int


@dataclass
class Seen:
    """The people, organisations and mentions of one document (see the module doc)."""

    doc: Doc
    text: str
    inside_quote: Callable[[int], bool]
    settings: Speakers
    clusters: list[Cluster] = field(default_factory=list)
    by_surname: dict[str, list[int]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    mention_pos: list[int] = field(default_factory=list)
    #: (position, cluster) of organisations named outside quotations, in order.
    orgs: list[tuple[int, int]] = field(default_factory=list)
    org_pos: list[int] = field(default_factory=list)
    handles: dict[str, int] = field(default_factory=dict)
    #: Clusters resolved as speakers so far (read by "the Embassy" after "the X embassy").
    used: set[int] = field(default_factory=set)
    #: Set once the document pass is over: no cluster is renamed after that.
    frozen: bool = False
    _ent_starts: list[int] | None = None

    # -- reading ---------------------------------------------------------------
    def ents_in(self, start: int, end: int) -> list:
        """Entities overlapping [start, end) (entities are sorted and disjoint)."""
        ents = doc_ents(self.doc)[0]
        if self._ent_starts is None:
            self._ent_starts = [e.start_char for e in ents]
        k = bisect.bisect_left(self._ent_starts, end)
        j = max(0, bisect.bisect_right(self._ent_starts, start) - 1)
        return [e for e in ents[j:k] if e.end_char > start]

    def mentions_before(self, pos: int) -> int:
        """The number of person mentions before ``pos``."""
        return bisect.bisect_left(self.mention_pos, pos)

    def org_before(self, pos: int) -> int:
        """The number of organisation mentions before ``pos``."""
        return bisect.bisect_left(self.org_pos, pos)

    def sentence_start(self, pos: int) -> int | None:
        tok = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return tok[0].sent.start_char if tok is not None and len(tok) else None

    # -- people ------------------------------------------------------------------
    def cluster_for(self, surface: str, pos: int, create: bool) -> int | None:
        """The person written ``surface`` at ``pos``: a namesake of the same first name,
        else (a bare surname) the namesake mentioned nearest before; a new person when
        ``create`` and none fits."""
        words = name_parts(surface)
        if not words:
            return None
        sur = fold(words[-1])
        first = fold(words[0]) if len(words) > 1 else None
        cands = self.by_surname.get(sur, [])
        if first is not None:
            for ci in cands:
                cf = self.clusters[ci].last_first
                if (
                    cf is None
                    or cf == first
                    or (cf[0] == first[0] and (len(cf) <= 2 or len(first) <= 2))
                ):
                    if not self.frozen:
                        self._rename(ci, words, first)
                    return ci
        elif cands:
            return self._nearest(cands, pos)
        if not create:
            return None
        name = person_name(words, self.settings.canonical)
        self.clusters.append(Cluster(name=name, last_first=first))
        ci = len(self.clusters) - 1
        if not self.frozen:  # a person first named after the pass joins no one's answers
            self.by_surname.setdefault(sur, []).append(ci)
        return ci

    def _rename(self, ci: int, words: list[str], first: str) -> None:
        """The longest form of a name is its canonical name ("Lind" -> "Eva Lind")."""
        c = self.clusters[ci]
        if c.last_first is None:
            c.last_first = first
        name = " ".join(words)
        if len(words) > len(name_parts(c.name)) or (
            len(words) == len(name_parts(c.name)) and len(name) > len(c.name)
        ):
            c.name = name

    def _nearest(self, cands: list[int], pos: int) -> int:
        if len(cands) == 1:
            return cands[0]
        # salience: the namesake named most often before, then the nearest
        score: dict[int, tuple[int, int]] = {}
        for m in self.mentions:
            if m.ci in cands:
                d = pos - m.pos if m.pos <= pos else 10**9 + m.pos - pos
                n, near = score.get(m.ci, (0, -(10**10)))
                score[m.ci] = (n + (m.pos < pos), max(near, -d))
        return max(score, key=score.get) if score else cands[0]

    # -- organisations -------------------------------------------------------------
    def org_cluster(self, text: str, kind: str | None = None) -> int | None:
        """The organisation (or outlet) written ``text``, added when new."""
        name = org_name(text)
        if name is None:
            return None
        words = {w.lower() for w in re.findall(r"\w+", name)}
        typ = kind or ("outlet" if words & OUTLET_WORDS else "organisation")
        if " " not in name:  # "the Embassy" after "the Ukrainian embassy" spoke
            for ci in sorted(self.used, reverse=True):
                c = self.clusters[ci]
                if (
                    c.type != "person"
                    and " " in c.name
                    and c.name.lower().split()[-1] == name.lower()
                ):
                    return ci
        for ci, c in enumerate(self.clusters):
            if c.type != "person" and c.name.lower() == name.lower():
                return ci
        self.clusters.append(Cluster(name=name, type=typ, forms=[org_alias(text) or name]))
        return len(self.clusters) - 1

    def last_org(self, pos: int, kind: str | None) -> int | None:
        """The last organisation (of ``kind``, if given) named before ``pos``."""
        best = None
        for p, ci in self.orgs:
            if p >= pos:
                break
            if kind is None or self.clusters[ci].type == kind:
                best = ci
        return best
