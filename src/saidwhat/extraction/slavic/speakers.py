"""Speaker mentions to canonical speakers: names in the nominative, pronouns, roles, organisations.

One :class:`Resolver` per document. Every person name of the document
(outside quotations) joins a cluster keyed by its surname in the nominative,
so ``Лаврова``, ``Лаврову`` and ``Сергеем Лавровым`` are one ``Сергей Лавров``.
Pronouns take the nearest earlier person whose gender agrees (the gender of
``он``/``вона`` or of the verb ending ``заявил``/``заявила``); a bare role
(``глава МИД``) takes the last person given that role; organisations are put
in the nominative (``в Кремле заявили`` -> ``Кремль``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ...model import Person
from .morph import (
    info,
    name_gender_in_context,
    nominative_name,
    nominative_phrase,
    surname_gender,
)
from .phrases import Phrase
from .text import DocView


@dataclass
class Cluster:
    name: str
    type: str = "person"
    key: str = ""
    first: str | None = None
    gender: str | None = None
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisation: str | None = None
    full: str = ""  # the fullest surface form, the canonical name is its nominative
    gender_from_verb: bool = False


def _fold(s: str) -> str:
    return s.lower().replace("ё", "е")


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= max(4, min(len(a), len(b)) - 2)


class Resolver:
    """Clusters of the people and organisations of one document."""

    def __init__(self, view: DocView, hidden):
        self.view = view
        self.hidden = hidden  # pos -> True inside a quotation or a statement
        self.clusters: list[Cluster] = []
        self.mentions: list[tuple[int, int]] = []  # (start, cluster) of person mentions
        self.spoke: set[int] = set()
        self._by_span: dict[tuple[int, int], int] = {}
        text = view.text
        # every name outside quotation marks makes a person (also inside a reported
        # clause: "с министром Сергеем Лавровым"); full names first, so a bare surname
        # finds its person
        groups = view.name_groups(0, len(text))
        for g in sorted(groups, key=lambda g: -len(text[g[0] : g[1]].split())):
            self._by_span[g] = self._cluster_of_name(g, None)
        for g in groups:
            self._role_of_mention(g)
            if not hidden(g[0]):  # pronoun antecedents: names outside statements only
                self.mentions.append((g[0], self._by_span[g]))
        self._blockers = self._unnamed_subjects(hidden)
        self.mentions.sort()
        self._mention_starts = [m[0] for m in self.mentions]

    def _unnamed_subjects(self, hidden) -> dict[int, str | None]:
        """Sentences opening with a role and no name (``Польський прем'єр пообіцяв``):
        a later pronoun of that gender means this unnamed person, not an earlier name."""
        view = self.view
        out: dict[int, str | None] = {}
        for ss, _se in view.sentences:
            toks = [t for t in view.tokens_in(ss, ss + 80)[:5] if t.text[:1].isalpha()]
            k = next((i for i, t in enumerate(toks[:3]) if view.is_role_head(t)), None)
            if k is None or hidden(toks[k].start):
                continue
            if any(view.is_name_word(t) for t in toks[k + 1 : k + 4]):
                continue
            wi = info(toks[k].text.lower(), view.language)
            if not wi.nominative:
                continue
            out[toks[k].start] = wi.gender
            self.mentions.append((toks[k].start, -1))
        return out

    # -- clusters ------------------------------------------------------------------

    def _cluster_of_name(self, span: tuple[int, int], gender: str | None) -> int:
        lang = self.view.language
        surface = " ".join(self.view.text[span[0] : span[1]].split())
        # И.А.Железова -> И. А. Железова: initials stand apart in the canonical name
        surface = re.sub(r"(?<=\w\.)(?=\w)", " ", surface)
        tokens = surface.split()
        g = gender or name_gender_in_context(tokens, lang) or surname_gender(tokens[-1], lang)
        canon = nominative_name(surface, lang, g)
        parts = canon.split()
        key = _fold(parts[-1])
        first = _fold(parts[0]) if len(parts) > 1 and not parts[0].endswith(".") else None
        for ci, cl in enumerate(self.clusters):
            if cl.type != "person" or not _same_stem(cl.key, key):
                continue
            if first and cl.first and not _same_stem(cl.first, first):
                continue
            if surface not in cl.forms:
                cl.forms.append(surface)
            cl.gender = cl.gender or g
            longer = len(tokens) > len(cl.full.split())
            # of two forms as long, the one already in the nominative names the person
            nominal = len(tokens) == len(cl.full.split()) and canon == surface != cl.full
            if (first and not cl.first) or longer or nominal:
                cl.first = cl.first or first
                cl.full = surface
                cl.name = nominative_name(surface, lang, cl.gender)
            return ci
        self.clusters.append(
            Cluster(name=canon, key=key, first=first, gender=g, forms=[surface], full=surface)
        )
        return len(self.clusters) - 1

    def _role_of_mention(self, span: tuple[int, int]) -> None:
        """``министр иностранных дел Сергей Остриков прибыл``: the role counts for later."""
        from .phrases import _role_left

        view = self.view
        toks = view.tokens_in(view.sentence_of(span[0])[0], span[1])
        k = next((i for i, t in enumerate(toks) if t.start == span[0]), None)
        if k is None:
            return
        r = _role_left(view, toks, k)
        if r is not None and r < k:
            role = " ".join(view.text[toks[r].start : span[0]].split())
            self._add_role(self.clusters[self._by_span[span]], role)

    def _org(self, text: str) -> int:
        lex = self.view.lex
        low = text.lower()
        canon = lex.organisations.get(low)
        if canon is None:
            canon = nominative_phrase(text, self.view.language)
            if canon[:1].islower():
                canon = canon[:1].upper() + canon[1:]
        for ci, cl in enumerate(self.clusters):
            if cl.type == "organisation" and _fold(cl.name) == _fold(canon):
                if text not in cl.forms:
                    cl.forms.append(text)
                return ci
        self.clusters.append(Cluster(name=canon, type="organisation", forms=[text]))
        return len(self.clusters) - 1

    # -- resolution ------------------------------------------------------------------

    def resolve(self, phrase: Phrase | None, gender: str | None, at: int) -> int | None:
        """The cluster a speaker phrase refers to, or None (unresolved)."""
        if phrase is None:
            return None
        text = self.view.text
        if phrase.kind == "name" and phrase.name is not None:
            ci = self._by_span.get(phrase.name)
            if ci is None:
                ci = self._cluster_of_name(phrase.name, gender)
                self._by_span[phrase.name] = ci
            cl = self.clusters[ci]
            if gender in ("masc", "femn") and not cl.gender_from_verb:
                # заявил/заявила: the verb's gender is surer than a name's reading
                cl.gender, cl.gender_from_verb = gender, True
                cl.name = nominative_name(cl.full, self.view.language, gender)
            if phrase.role is not None:
                role = " ".join(text[phrase.role[0] : phrase.role[1]].split())
                self._add_role(cl, role)
            self.spoke.add(ci)
            return ci
        mention = " ".join(text[phrase.start : phrase.end].split())
        if phrase.kind == "pronoun":
            low = mention.lower()
            want = self.view.lex.pronouns.get(low) or self.view.lex.oblique_pronouns.get(low)
            if want in ("masc", "femn"):
                ci = self._antecedent(at, want)
            elif want == "any" and gender in ("masc", "femn"):
                ci = None  # я/мы: the speaker is the author, not a named person
            else:
                ci = None
            if ci is not None:
                self.spoke.add(ci)
            return ci
        if phrase.kind == "org":
            ci = self._org(mention)
            self.spoke.add(ci)
            return ci
        if phrase.kind == "role":
            ci = self._by_role(mention, at)
            if ci is not None:
                self.spoke.add(ci)
                return ci
            head = mention.split()[0].lower()
            if head in self.view.lex.organisations or (
                info(head, self.view.language).lemma in self.view.lex.organisations
            ):
                ci = self._org(mention)
                self.spoke.add(ci)
                return ci
        return None

    def _add_role(self, cl: Cluster, role: str) -> None:
        role = nominative_phrase(role, self.view.language)
        role = role[:1].lower() + role[1:] if role[1:2].islower() else role
        if role and role not in cl.roles:
            cl.roles.append(role)

    def _antecedent(self, at: int, gender: str) -> int | None:
        view = self.view
        lo_para = view.para_of(at) - view.settings.pronoun_paragraphs
        # a person of that gender first; one of unknown gender only when there is none
        for accept in ((gender,), (gender, None)):
            k = bisect.bisect_left(self._mention_starts, at) - 1
            while k >= 0:
                pos, ci = self.mentions[k]
                if view.para_of(pos) < lo_para:
                    break
                if ci == -1:  # an unnamed role holder is nearer: the pronoun is theirs
                    if self._blockers.get(pos) in (gender, None):
                        return None
                    k -= 1
                    continue
                cl = self.clusters[ci]
                if cl.type == "person" and cl.gender in accept:
                    return ci
                k -= 1
        return None

    def _role_heads(self, role: str) -> list[str]:
        """Role head lemmas of a role phrase; ``глава МИД`` counts as ``министр``."""
        low = " ".join(role.lower().split())
        alias = next((h for p, h in self.view.lex.role_aliases.items() if low.startswith(p)), None)
        words = [alias] if alias else low.split()
        lang = self.view.language
        return [
            info(w, lang).lemma
            for w in words
            if info(w, lang).lemma in self.view.lex.role_heads or w in self.view.lex.role_heads
        ]

    def _by_role(self, mention: str, at: int) -> int | None:
        heads = self._role_heads(mention)
        if not heads:
            return None
        best = None
        for pos, ci in self.mentions:
            if pos >= at:
                break
            cl = self.clusters[ci]
            if any(heads[0] in self._role_heads(r) for r in cl.roles):
                best = ci
        return best

    def cluster(self, ci: int) -> Cluster:
        return self.clusters[ci]

    def people(self) -> list[Person]:
        out = []
        for ci in sorted(self.spoke):
            cl = self.clusters[ci]
            out.append(
                Person(
                    name=cl.name,
                    type=cl.type,
                    aliases=[f for f in cl.forms if f != cl.name],
                    roles=list(cl.roles),
                    organisation=cl.organisation,
                )
            )
        return out
