"""The document pass: fill a :class:`~.seen.Seen` from the parse, in document order.

:func:`seen_of` reads the named entities once: person names (and surnames the
NER typed as places or organisations) become clusters, full names first so a
bare surname joins its person; every person named outside a quotation is a
:class:`~.seen.Mention`; organisations named outside quotations are listed in
order. :func:`record` adds what a resolved speaker mention teaches (an alias,
a role, a mention the NER missed); :class:`~.resolver.SpeakerResolver` calls it
for the document's speaker mentions in document order, before any answer is
given out.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ..indirect import doc_ents, doc_text
from ..lexicon import PRONOUNS
from ..person_words import FIRST_NAMES, OUTLET_WORDS, fold, gender_of, name_parts
from ..roles import role_from_text, role_of
from .canonical import org_alias, person_alias
from .seen import Mention, Seen

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span

    from ..settings import Speakers

_LETTER = re.compile(r"[A-Za-z]")
_PERSON_LIKE = ("ORG", "GPE", "NORP")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "appos")


def seen_of(
    doc: Doc,
    inside_quote: Callable[[int], bool],
    extra_names,
    skip: Callable[[int], bool],
    settings: Speakers,
) -> Seen:
    """The people, organisations and mentions named in ``doc`` (see the module doc)."""
    seen = Seen(doc=doc, text=doc_text(doc), inside_quote=inside_quote, settings=settings)
    ents = doc_ents(doc)[0]
    person_ents = [e for e in ents if e.label_ == "PERSON" and _LETTER.search(e.text)]
    surnames_seen = {fold(name_parts(e.text)[-1]) for e in person_ents if name_parts(e.text)}
    items: list[tuple[int, str, Span | None]] = []
    for e in ents:
        parts = name_parts(e.text)
        if not parts or skip(e.start_char):
            continue
        if e.label_ == "PERSON" and len(parts) == 1 and parts[0].lower() in OUTLET_WORDS:
            continue  # "the Herald" tagged as a person
        if e.label_ == "PERSON" or (
            e.label_ in _PERSON_LIKE
            and len(parts) <= 3
            and fold(parts[-1]) in surnames_seen
            and all(t.pos_ == "PROPN" for t in e)
        ):
            items.append(_with_first_name(doc, e, parts, seen.text))
    for s, e in extra_names:
        items.append((s, seen.text[s:e], None))
    items.sort(key=lambda x: x[0])
    # full names first so that surname-only mentions can attach to them
    for pos, surface, ent in sorted(items, key=lambda x: -len(name_parts(x[1]))):
        ci = seen.cluster_for(surface, pos, create=True)
        c = seen.clusters[ci]
        form = " ".join(name_parts(surface))
        if form not in c.forms:
            c.forms.append(form)
        if ent is not None:
            c.add_role(role_of(doc, ent))
    handle_after = settings.handle.after_name
    for pos, surface, ent in items:
        ci = seen.cluster_for(surface, pos, create=False)
        if ci is None or inside_quote(pos):
            continue
        is_subj = ent is not None and ent.root.dep_ in _SUBJECT_DEPS
        sent_start = ent.sent.start_char if ent is not None else pos
        seen.mentions.append(Mention(pos, sent_start, is_subj, ci))
        if ent is not None:
            m = re.match(r"\s*\((@\w+)\)", seen.text[ent.end_char : ent.end_char + handle_after])
            if m:
                seen.handles[m.group(1).lower()] = ci
    seen.mentions.sort()
    seen.mention_pos = [m.pos for m in seen.mentions]
    for c in seen.clusters:
        c.gender = gender_of(name_parts(c.name), " ".join(c.roles + c.forms))
    for e in ents:
        if e.label_ == "ORG" and not inside_quote(e.start_char):
            ci = seen.org_cluster(e.text)
            if ci is not None:
                seen.orgs.append((e.start_char, ci))
    seen.org_pos = [p for p, _ in seen.orgs]
    return seen


def _with_first_name(doc: Doc, ent: Span, parts: list[str], text: str):
    """(start, surface, ent) of a person name; a surname the NER tagged alone keeps the known
    first name written before it ("Ana Novak" tagged "Novak"), so that namesakes stay apart."""
    if len(parts) == 1 and ent.start > 0:
        first = doc[ent.start - 1]
        if first.text[:1].isupper() and first.whitespace_ and fold(first.text) in FIRST_NAMES:
            return first.idx, text[first.idx : ent.end_char], ent
    return ent.start_char, ent.text, ent


def record(seen: Seen, ci: int, start: int, end: int, head_i: int | None, role: str | None) -> None:
    """What the speaker mention ``text[start:end]``, resolved to ``ci``, adds to ``seen``."""
    seen.used.add(ci)
    _note_alias(seen, ci, seen.text[start:end])
    _note_mention(seen, ci, start, end, head_i)
    if role:
        seen.clusters[ci].add_role(role_from_text(role))


def _note_alias(seen: Seen, ci: int, surface: str) -> None:
    """Record a surface name of cluster ``ci`` (not pronouns or role descriptions)."""
    c = seen.clusters[ci]
    if not name_parts(surface) or surface in c.forms:
        return
    if c.type == "person":
        alias = person_alias(surface, c.name, seen.settings.canonical)
        if alias is not None and alias not in c.forms:
            c.forms.append(alias)
    else:
        alias = org_alias(surface)
        if alias is not None:
            c.forms.append(alias)


def _note_mention(seen: Seen, ci: int, start: int, end: int, head_i: int | None) -> None:
    """A named speaker the NER missed is still an antecedent for later pronouns."""
    surface = seen.text[start:end]
    c = seen.clusters[ci]
    if c.type != "person" or surface.lower().strip() in PRONOUNS:
        return
    if not any(w[:1].isupper() for w in name_parts(surface)):
        return  # "the minister": a description, not a name
    # Only a name that reads as a person's (a known first name, a gendered
    # surname or title): outlets and bodies the NER called persons stay out.
    c.gender = c.gender or gender_of(name_parts(c.name), " ".join(c.roles + c.forms))
    if c.gender is None:
        return
    k = bisect.bisect_left(seen.mention_pos, start)
    if k < len(seen.mention_pos) and seen.mention_pos[k] < end:
        return  # already a mention
    head = seen.doc[head_i] if head_i is not None else None
    sent_start = head.sent.start_char if head is not None else start
    seen.mentions.insert(k, Mention(start, sent_start, True, ci))
    seen.mention_pos.insert(k, start)
