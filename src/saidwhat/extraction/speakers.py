"""Who a speaker mention refers to: name clusters, coreference, organisations.

:class:`SpeakerResolver` is built once per parsed document. It groups the
person names of the document into clusters (``Lavrov`` / ``Sergey Lavrov`` /
``FM Lavrov``, Sergei/Sergey folded; two people sharing a surname kept apart
by first name), resolves pronouns (``he``, ``she``, ``who``) to the last
compatible person outside quotations, titles (``the minister``) to the last
person holding that role, ``the newspaper`` to the last outlet, and types
organisations and outlets. :meth:`SpeakerResolver.people` lists who spoke.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Person
from .indirect import doc_ents, doc_text
from .lexicon import PRONOUNS
from .person_words import (
    FIRST_NAMES,
    HONORIFICS,
    ORG_NOUNS,
    OUTLET_NOUNS,
    OUTLET_WORDS,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    TITLES,
    fold,
    gender_of,
    name_parts,
)
from .roles import RoleInfo, role_of
from .settings import DESCRIBED_ORG_WINDOW

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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


def _common(tok) -> bool:
    """A common noun, also when tagged PROPN in lower case ("the senator said")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())


class SpeakerResolver:
    """Resolve speaker mentions of one parsed document to canonical names."""

    def __init__(
        self,
        doc: Doc,
        inside_quote,
        extra_names: list[tuple[int, int]] = (),
        skip=lambda pos: False,
    ):
        self.doc = doc
        self.skip = skip
        self.text = doc_text(doc)
        self.inside_quote = inside_quote
        self.clusters: list[Cluster] = []
        self.by_surname: dict[str, list[int]] = {}
        # (char position, sentence start char, is_subject, cluster index) of person mentions
        self.mentions: list[tuple[int, int, bool, int]] = []
        self.used: set[int] = set()
        self.orgs: list[tuple[int, int]] = []  # (position, cluster index)
        self.handles: dict[str, int] = {}
        self._build(extra_names)

    # -- clusters ----------------------------------------------------------------
    def _build(self, extra_names) -> None:
        doc = self.doc
        person_ents = [
            e for e in doc_ents(doc)[0] if e.label_ == "PERSON" and re.search(r"[A-Za-z]", e.text)
        ]
        surnames_seen = {fold(name_parts(e.text)[-1]) for e in person_ents if name_parts(e.text)}
        items: list[tuple[int, str, Span | None]] = []
        for e in doc_ents(doc)[0]:
            parts = name_parts(e.text)
            if not parts or self.skip(e.start_char):
                continue
            if e.label_ == "PERSON" and len(parts) == 1 and parts[0].lower() in OUTLET_WORDS:
                continue  # "the Herald" tagged as a person
            if e.label_ == "PERSON" or (
                e.label_ in ("ORG", "GPE", "NORP")
                and len(parts) <= 3
                and fold(parts[-1]) in surnames_seen
                and all(t.pos_ == "PROPN" for t in e)
            ):
                items.append((e.start_char, e.text, e))
        for s, e in extra_names:
            items.append((s, self.text[s:e], None))
        items.sort(key=lambda x: x[0])
        # full names first so that surname-only mentions can attach to them
        for pos, surface, ent in sorted(items, key=lambda x: -len(name_parts(x[1]))):
            ci = self._cluster_for(surface, pos, create=True)
            c = self.clusters[ci]
            form = " ".join(name_parts(surface))
            if form not in c.forms:
                c.forms.append(form)
            if ent is not None:
                c.add_role(role_of(doc, ent))
        for pos, surface, ent in items:
            ci = self._cluster_for(surface, pos, create=False)
            if ci is None or self.inside_quote(pos):
                continue
            is_subj = ent is not None and ent.root.dep_ in ("nsubj", "nsubjpass", "appos")
            sent_start = ent.sent.start_char if ent is not None else pos
            self.mentions.append((pos, sent_start, is_subj, ci))
            if ent is not None:
                m = re.match(r"\s*\((@\w+)\)", self.text[ent.end_char : ent.end_char + 40])
                if m:
                    self.handles[m.group(1).lower()] = ci
        self.mentions.sort()
        self._mention_pos = [m[0] for m in self.mentions]
        for c in self.clusters:
            words = name_parts(c.name)
            c.gender = gender_of(words, " ".join(c.roles + c.forms))
        for e in doc_ents(doc)[0]:
            if e.label_ == "ORG" and not self.inside_quote(e.start_char):
                ci = self.org_cluster(e.text)
                if ci is not None:
                    self.orgs.append((e.start_char, ci))
        self._org_pos = [p for p, _ in self.orgs]

    def _ents_in(self, start: int, end: int) -> list:
        """Entities overlapping [start, end) (entities are sorted and disjoint)."""
        ents = doc_ents(self.doc)[0]
        if not hasattr(self, "_ent_starts"):
            self._ent_starts = [e.start_char for e in ents]
        k = bisect.bisect_left(self._ent_starts, end)
        j = max(0, bisect.bisect_right(self._ent_starts, start) - 1)
        return [e for e in ents[j:k] if e.end_char > start]

    def _cluster_for(self, surface: str, pos: int, create: bool) -> int | None:
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
                    self._maybe_rename(ci, surface, words, first)
                    return ci
        elif cands:
            return self._nearest(cands, pos)
        if not create:
            return None
        name = " ".join(w.title() if w.isupper() and len(w) > 2 else w for w in words)
        self.clusters.append(Cluster(name=name, last_first=first))
        ci = len(self.clusters) - 1
        self.by_surname.setdefault(sur, []).append(ci)
        return ci

    def _maybe_rename(self, ci: int, surface: str, words: list[str], first: str) -> None:
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
        best, best_d = cands[0], None
        for pos_m, _, _, ci in getattr(self, "mentions", []):
            if ci in cands:
                d = pos - pos_m if pos_m <= pos else 10**9 + pos_m - pos
                if best_d is None or d < best_d:
                    best, best_d = ci, d
        return best

    def org_cluster(self, text: str, kind: str | None = None) -> int | None:
        name = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.IGNORECASE)
        name = re.sub(r"[’']s$", "", name)
        if not re.search(r"[A-Za-z]", name):
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
        self.clusters.append(Cluster(name=name, type=typ, forms=[text]))
        return len(self.clusters) - 1

    # -- resolution -------------------------------------------------------------
    def resolve(self, start: int | None, end: int | None, head_i: int | None) -> int | None:
        """Cluster index of the speaker mentioned at ``text[start:end]``, or None."""
        if start is None or end is None:
            return None
        ci = self._resolve(start, end, head_i)
        if ci is not None:
            self.used.add(ci)
            self._note_alias(ci, self.text[start:end])
            self._note_mention(ci, start, end, head_i)
        return ci

    def _note_mention(self, ci: int, start: int, end: int, head_i: int | None) -> None:
        """A named speaker the NER missed is still an antecedent for later pronouns."""
        surface = self.text[start:end]
        c = self.clusters[ci]
        if c.type != "person" or surface.lower().strip() in PRONOUNS:
            return
        if not any(w[:1].isupper() for w in name_parts(surface)):
            return  # "the minister": a description, not a name
        # Only a name that reads as a person's (a known first name, a gendered
        # surname or title): outlets and bodies the NER called persons stay out.
        c.gender = c.gender or gender_of(name_parts(c.name), " ".join(c.roles + c.forms))
        if c.gender is None:
            return
        k = bisect.bisect_left(self._mention_pos, start)
        if k < len(self._mention_pos) and self._mention_pos[k] < end:
            return  # already a mention
        head = self.doc[head_i] if head_i is not None else None
        sent_start = head.sent.start_char if head is not None else start
        self.mentions.insert(k, (start, sent_start, True, ci))
        self._mention_pos.insert(k, start)

    def _note_alias(self, ci: int, surface: str) -> None:
        """Record a surface name of cluster ``ci`` (not pronouns or role descriptions)."""
        c = self.clusters[ci]
        words = name_parts(surface)
        if not words or surface in c.forms or surface.lower() in PRONOUNS:
            return
        if c.type == "person":
            while words and not words[0][:1].isupper():  # "presidential spokesman Dmitry Peskov"
                words = words[1:]
            name = " ".join(name_parts(" ".join(words))) if words else ""
            if (
                name
                and name not in c.forms
                and len(words) <= 4
                and not any(w.lower() in ROLE_NOUNS or w.lower() in HONORIFICS for w in words[1:])
                and fold(words[-1]) == fold(name_parts(c.name)[-1])
            ):
                c.forms.append(name)
        elif surface[:1].isupper() or surface.lower().startswith("the "):
            c.forms.append(surface)

    def _resolve(self, start: int, end: int, head_i: int | None) -> int | None:
        surface = self.text[start:end]
        low = surface.lower().strip()
        doc = self.doc
        if low.startswith("@"):
            return self.handles.get(low) or self.org_cluster(surface, "person")
        head = doc[head_i] if head_i is not None else None
        if (head is not None and head.pos_ == "PRON") or low in (
            "he",
            "she",
            "who",
            "they",
            "it",
            "we",
            "i",
        ):
            return self._pronoun(start, low, head)
        if head is not None and _common(head):
            # 'The Arkhavian ambassador, Pavel Dronov, told ...': the apposition names them
            for child in head.subtree:
                if child.i <= head.i or child.ent_type_ not in ("PERSON", "ORG"):
                    continue
                ent = doc_ents(doc)[1].get(child.i)
                if ent is None or (
                    ent.label_ == "ORG" and (len(ent) < 2 or any(t.pos_ != "PROPN" for t in ent))
                ):
                    continue
                # an apposition, by label or by its commas: "The mayor of X, Marat Chelnokov, told"
                if child.dep_ == "appos" or (
                    doc[ent.start - 1].text == ","
                    and ent.end < len(doc)
                    and doc[ent.end].text == ","
                ):
                    return self._cluster_for(ent.text, ent.start_char, create=True)
        ents = self._ents_in(start, end) if head else []
        if ents and head is not None and _common(head) and head.lemma_.lower() in ROLE_NOUNS:
            ents = [e for e in ents if e.label_ == "PERSON" or e.start <= head.i < e.end]
        if head is not None:  # "Ana Berg's campaign manager Tom Lund": the name at the head
            ents.sort(key=lambda e: not e.start <= head.i < e.end)
        for e in ents:
            if (
                e.label_ == "PERSON"
                or fold(name_parts(e.text)[-1] if name_parts(e.text) else "") in self.by_surname
            ):
                named = e.text
                if e.start > 0 and len(name_parts(e.text)) == 1:
                    # 'Ana Novak' tagged as 'Novak' alone: a known first name before it keeps
                    # namesakes apart (Dara Novak is another person)
                    first = doc[e.start - 1]
                    if first.idx >= start and fold(first.text) in FIRST_NAMES:
                        named = self.text[first.idx : e.end_char]
                ci = self._cluster_for(named, e.start_char, create=True)
                if ci is not None:
                    return ci
        words = name_parts(surface)
        if words and words[-1][:1].isupper() and fold(words[-1]) in self.by_surname:
            return self._cluster_for(surface, start, create=False)
        if head is not None and head.lemma_.lower() in OUTLET_NOUNS and not ents:
            return self._last_org(start, "outlet")
        if head is not None and head.lemma_.lower() in ORG_NOUNS and not ents and _common(head):
            # 'the ministry said': the organisation of that kind the document last named
            noun = head.lemma_.lower()
            named = self._last_org_named(start, noun)
            return named if named is not None else self._last_described(start, noun)
        if head is not None and head.lemma_.lower() in ROLE_NOUNS and not ents and _common(head):
            if not any(t.lower_ in ("a", "an") for t in head.lefts):
                return self._by_role(start, head.lemma_.lower())
            return None
        if head is not None and head.pos_ == "PROPN" and head.i > 0:
            # The NER sometimes tags a foreign surname as an ORG; a known first name
            # before it ("Sergey Oznobishev") says it is a person.
            first = doc[head.i - 1]
            if first.text[:1].isupper() and fold(first.text) in FIRST_NAMES:
                return self._cluster_for(doc[first.i : head.i + 1].text, first.idx, create=True)
        for e in ents:
            if e.label_ in ("ORG", "NORP", "GPE", "FAC"):
                if head is not None and _common(head) and not e.start <= head.i < e.end:
                    return self.org_cluster(surface)  # "the Ukrainian embassy", not "Ukrainian"
                return self.org_cluster(e.text)
        if (
            words
            and all(w[:1].isupper() for w in words)
            and head is not None
            and head.pos_ == "PROPN"
        ):
            if len(words) >= 2 and head.ent_type_ in ("", "PERSON"):
                return self._cluster_for(surface, start, create=True)
            return self.org_cluster(surface)
        return None

    def _pronoun(self, pos: int, low: str, head) -> int | None:
        if low in ("who", "which", "that") and head is not None:
            noun = head.head.head if head.head.dep_ == "relcl" else None
            if noun is not None and noun.pos_ in ("PROPN", "NOUN"):
                from .indirect import np_span

                s, e = np_span(self.doc, noun)
                return self._resolve(s, e, noun.i)
            return None
        if low in PLURAL_PRONOUNS or low == "it":
            return self._last_org(pos, None)
        gender = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(low)
        return self._antecedent(pos, gender)

    def _antecedent(self, pos: int, gender: str | None) -> int | None:
        k = bisect.bisect_left(self._mention_pos, pos)
        if k == 0:
            return None
        ok = [m for m in self.mentions[max(0, k - 60) : k] if self._compatible(m[3], gender)]
        if not ok:
            return None
        # same sentence first (nearest), then the latest earlier sentence (its subject, else leftmost)
        sent_here = None
        tok = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if tok is not None and len(tok):
            sent_here = tok[0].sent.start_char
        same = [m for m in ok if m[1] == sent_here]
        if same:
            return same[-1][3]
        last_sent = ok[-1][1]
        in_sent = [m for m in ok if m[1] == last_sent]
        subj = [m for m in in_sent if m[2]]
        return (subj or in_sent)[0][3]

    def _compatible(self, ci: int, gender: str | None) -> bool:
        c = self.clusters[ci]
        return c.type == "person" and (gender is None or c.gender in (None, gender))

    def _by_role(self, pos: int, noun: str) -> int | None:
        k = bisect.bisect_left(self._mention_pos, pos)
        # the person just spoken of, unless a different title rules them out
        recent = next((m for m in reversed(self.mentions[max(0, k - 6) : k]) if m[2]), None)
        if recent is not None and pos - recent[0] < 400:
            c = self.clusters[recent[3]]
            titles = {w for r in c.roles for w in re.findall(r"\w+", r.lower())} & TITLES
            if c.type == "person" and (noun in titles or not titles):
                return recent[3]
        for m in reversed(self.mentions[:k]):
            c = self.clusters[m[3]]
            if any(noun in r.lower() for r in c.roles):
                return m[3]
        for m in reversed(self.mentions[max(0, k - 30) : k]):  # the role stated near a name
            if not m[2]:
                continue
            near = self.text[max(0, m[0] - 60) : m[0] + 120].split("\n\n")
            if any(noun in part.lower() for part in near):
                return m[3]
        return None

    def salient_before(self, pos: int) -> tuple[int, int, int] | None:
        """The person mentioned most before ``pos`` (an interview's subject): (cluster, start, end)."""
        counts: dict[int, int] = {}
        last: dict[int, int] = {}
        for m in self.mentions:
            if m[0] >= pos:
                break
            if self.clusters[m[3]].type == "person":
                counts[m[3]] = counts.get(m[3], 0) + 1
                last[m[3]] = m[0]
        if not counts:
            return None
        ci = max(counts, key=lambda c: (counts[c], -last[c]))
        start = last[ci]
        ents = doc_ents(self.doc)[0]
        ent = next((e for e in ents if e.start_char == start), None)
        end = ent.end_char if ent is not None else start + len(self.clusters[ci].name)
        return ci, start, end

    def _last_org(self, pos: int, kind: str | None) -> int | None:
        best = None
        for p, ci in self.orgs:
            if p >= pos:
                break
            if kind is None or self.clusters[ci].type == kind:
                best = ci
        return best

    def _last_org_named(self, pos: int, noun: str) -> int | None:
        """The last organisation before ``pos`` whose name holds ``noun`` ("Transport Ministry")."""
        k = bisect.bisect_left(self._org_pos, pos)
        for _, ci in reversed(self.orgs[max(0, k - 50) : k]):
            if noun in self.clusters[ci].name.lower().split():
                return ci
        return None

    def _last_described(self, pos: int, noun: str) -> int | None:
        """'the Arkhavian embassy ... The embassy said': the last organisation written as
        capitalised words before the lower-case noun (the NER tags no entity there)."""
        pattern = re.compile(r"\b((?:[A-Z][\w’'-]+[ \u00a0]){1,3})" + re.escape(noun) + r"\b")
        window = self.text[max(0, pos - DESCRIBED_ORG_WINDOW) : pos]
        found = [m for m in pattern.finditer(window) if not self.inside_quote(m.start())]
        for m in reversed(found):
            words = m.group(1).split()
            while words and words[0].lower() in ("the", "a", "an", "said"):
                words = words[1:]
            if words:
                return self.org_cluster(" ".join([*words, noun]))
        return None

    def cluster(self, ci: int) -> Cluster:
        return self.clusters[ci]

    def people(self) -> list[Person]:
        """One Person per cluster that was resolved as a speaker, in order of first use."""
        out = []
        for ci in sorted(self.used):
            c = self.clusters[ci]
            aliases = sorted({f for f in c.forms if f != c.name})
            out.append(
                Person(
                    name=c.name,
                    type=c.type,
                    aliases=aliases,
                    roles=list(c.roles),
                    organisation=c.organisation,
                    country=c.country,
                )
            )
        return out
