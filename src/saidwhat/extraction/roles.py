"""Titles and appositions: what a document says a person is.

:func:`role_of` reads the role around one name mention in a parsed document:
the title before it (``Russian Foreign Minister Sergey Lavrov``), an
apposition after it (``Konstantin Kosachev, the chair of ...``) or the noun it
is in apposition to (``The chairman of ..., Leonid Slutsky,``), plus the
organisation and country that role names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .indirect import doc_ents
from .lexicon import COUNTRIES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TITLE_DEPS = frozenset(
    ["compound", "amod", "nmod", "poss", "case", "nummod", "punct", "prep", "pobj"]
)
_NOT_ROLES = frozenset({"what", "followed", "source", "the", "it", "this"})
_TIME = re.compile(r"^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s+)+", re.IGNORECASE)
_DETS = re.compile(r"^(?:the|a|an|then|former)\s+", re.IGNORECASE)


@dataclass
class RoleInfo:
    role: str | None = None
    organisation: str | None = None
    country: str | None = None


def _clean(text: str) -> str | None:
    text = text.strip(" ,;:()\u00a0\n")
    text = _TIME.sub("", text)  # a live blog's "11:20 Opposition senator"
    text = _DETS.sub("", text)
    if not re.search(r"[^\W\d_]{2,}", text):
        return None
    return text


def _title_before(doc: Doc, ent: Span) -> Span | None:
    i = ent.start - 1
    lo = ent.start
    floor = max(ent.sent.start, ent.start - 10)
    while i >= floor:
        t = doc[i]
        if t.dep_ not in _TITLE_DEPS or t.is_space or (t.is_punct and t.text not in "-–’'"):
            break
        if not (i < t.head.i < ent.end or (t.head.i < ent.end and lo <= t.head.i)):
            break
        if t.ent_type_ == "PERSON":
            break
        lo = i
        i -= 1
    while lo < ent.start and doc[lo].dep_ in ("det", "case", "punct"):
        lo += 1
    if lo >= ent.start:
        return None
    return doc[lo : ent.start]


def _appositive(doc: Doc, ent: Span) -> Span | None:
    root = ent.root
    for child in root.rights:
        if (
            child.dep_ == "appos"
            and child.i >= ent.end
            and child.ent_type_ != "PERSON"
            and child.pos_ in ("NOUN", "PROPN")
            and child.right_edge.i - child.left_edge.i < 14
            # "Margit Hallen: Good afternoon." is a turn label and its first words,
            # not a name and its appositive.
            and not any(doc[k].text == ":" for k in range(ent.end, child.left_edge.i))
        ):
            return doc[child.left_edge.i : child.right_edge.i + 1]
    if (
        root.dep_ == "appos"
        and root.head.i < ent.start
        and root.head.pos_ == "NOUN"
        and ent.start - root.head.left_edge.i < 16
    ):
        head = root.head
        end = ent.start - 1
        while end > head.left_edge.i and doc[end].is_punct:
            end -= 1
        return doc[head.left_edge.i : end + 1]
    return None


def role_of(doc: Doc, ent: Span) -> RoleInfo:
    """The role stated around the name ``ent`` (a Span of ``doc``), with its org and country."""
    parts = [p for p in (_title_before(doc, ent), _appositive(doc, ent)) if p is not None]
    info = RoleInfo()
    for part in parts:
        text = _clean(part.text)
        if text is None or len(text) > 160 or "\n" in text or text.lower() in _NOT_ROLES:
            continue
        if not any(t.pos_ in ("NOUN", "PROPN") for t in part):
            continue
        info.role = info.role or text
        for e in (e for e in doc_ents(doc)[0] if e.start >= part.start and e.end <= part.end):
            if e.label_ == "ORG" and info.organisation is None:
                info.organisation = _clean(re.sub(r"[’']s$", "", e.text))
            if e.label_ in ("NORP", "GPE") and info.country is None:
                info.country = COUNTRIES.get(re.sub(r"[’']s$", "", e.text).lower())
        if info.country is None:
            for t in part:
                c = COUNTRIES.get(t.lower_)
                if c and t.text[0].isupper():
                    info.country = c
                    break
    return info


def role_from_text(role: str) -> RoleInfo:
    """Country for a role stated as plain text (``NAME, ROLE:`` lines)."""
    info = RoleInfo(role=role)
    for word in re.findall(r"[A-Z][\w.]*", role):
        c = COUNTRIES.get(re.sub(r"[’']s$", "", word).lower())
        if c:
            info.country = c
            break
    return info
