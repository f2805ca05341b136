"""The resolver: the document pass, then answers that do not depend on call order.

:class:`SpeakerResolver` is built once per parsed document with the speaker
mentions of its statements. It fills the document's :class:`~.seen.Seen` in one
pass in document order: the named entities first, then each speaker mention in
turn, resolved by the first rule of :data:`~.order.RULES` that knows its form,
adding what it teaches (an alias, a role, a mention for later pronouns). The
state is then frozen: :meth:`SpeakerResolver.resolve` returns the answer of
that pass, whatever order the statements are asked in, and answers a mention
it was not given from the frozen state without changing anyone's answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ...model import Person
from ..indirect import doc_ents
from ..settings import Speakers
from .build import record, seen_of
from .order import RULES
from .seen import Cluster
from .units import Ask

if TYPE_CHECKING:
    from spacy.tokens import Doc

Key = tuple[int, int, "int | None"]


def _never(pos: int) -> bool:
    return False


class SpeakerResolver:
    """Resolve the speaker mentions of one parsed document to canonical names.

    ``speakers``: the document's statements (objects with ``speaker_start``,
    ``speaker_end``, ``speaker_tok``, and optionally ``start`` and ``role``), read
    in document order before any answer is given.
    """

    def __init__(
        self,
        doc: Doc,
        inside_quote: Callable[[int], bool],
        extra_names: Iterable[tuple[int, int]] = (),
        skip: Callable[[int], bool] = _never,
        speakers: Iterable[Any] = (),
        settings: Speakers | None = None,
    ):
        self.settings = settings or Speakers()
        self.seen = seen_of(doc, inside_quote, extra_names, skip, self.settings)
        self.doc = doc
        self.text = self.seen.text
        self._answers: dict[Key, tuple[int | None, str | None]] = {}
        self._asked: set[int] = set()
        for start, end, head_i, role in _document_order(speakers):
            key = (start, end, head_i)
            if key not in self._answers:
                self._answers[key] = self._ask(start, end, head_i)
            ci = self._answers[key][0]
            if ci is not None:
                record(self.seen, ci, start, end, head_i, role)
        self.seen.frozen = True

    # -- answers -------------------------------------------------------------------
    def resolve(self, start: int | None, end: int | None, head_i: int | None) -> int | None:
        """Cluster index of the speaker mentioned at ``text[start:end]``, or None."""
        if start is None or end is None:
            return None
        key = (start, end, head_i)
        if key not in self._answers:
            self._answers[key] = self._ask(start, end, head_i)
            ci = self._answers[key][0]
            if ci is not None:
                self._asked.add(ci)
        return self._answers[key][0]

    def rule_of(self, start: int, end: int, head_i: int | None) -> str | None:
        """The name of the rule that resolved a mention already answered (None: none did)."""
        found = self._answers.get((start, end, head_i))
        return found[1] if found is not None else None

    def answered(self) -> list[tuple[int, int, str | None, str | None]]:
        """(start, end, canonical speaker, rule) of every mention answered, in document order."""
        return sorted(
            (s, e, None if ci is None else self.seen.clusters[ci].name, rule)
            for (s, e, _), (ci, rule) in self._answers.items()
        )

    def _ask(self, start: int, end: int, head_i: int | None) -> tuple[int | None, str | None]:
        head = self.doc[head_i] if head_i is not None else None
        ask = Ask(start, end, head, self.text[start:end], again=self._again)
        for rule in RULES:
            cfg = getattr(self.settings, rule.name)
            if not cfg.enabled:
                continue
            found = rule.func(ask, self.seen, cfg)
            if found is not None:
                return found.ci, rule.name
        return None, None

    def _again(self, start: int, end: int, head_i: int | None) -> int | None:
        return self._ask(start, end, head_i)[0]

    # -- the document's people -------------------------------------------------------
    @property
    def clusters(self) -> list[Cluster]:
        return self.seen.clusters

    def cluster(self, ci: int) -> Cluster:
        return self.seen.clusters[ci]

    def salient_before(self, pos: int) -> tuple[int, int, int] | None:
        """The person mentioned most before ``pos`` (an interview's subject): (cluster, start, end)."""
        counts: dict[int, int] = {}
        last: dict[int, int] = {}
        for m in self.seen.mentions:
            if m.pos >= pos:
                break
            if self.seen.clusters[m.ci].type == "person":
                counts[m.ci] = counts.get(m.ci, 0) + 1
                last[m.ci] = m.pos
        if not counts:
            return None
        ci = max(counts, key=lambda c: (counts[c], -last[c]))
        start = last[ci]
        ent = next((e for e in doc_ents(self.doc)[0] if e.start_char == start), None)
        end = ent.end_char if ent is not None else start + len(self.seen.clusters[ci].name)
        return ci, start, end

    def people(self) -> list[Person]:
        """One Person per cluster resolved as a speaker, in the order the clusters were made."""
        out = []
        for ci in sorted(self.seen.used | self._asked):
            c = self.seen.clusters[ci]
            out.append(
                Person(
                    name=c.name,
                    type=c.type,
                    aliases=sorted({f for f in c.forms if f != c.name}),
                    roles=list(c.roles),
                    organisation=c.organisation,
                    country=c.country,
                )
            )
        return out


def _document_order(speakers: Iterable[Any]) -> list[tuple[int, int, int | None, str | None]]:
    """(start, end, head token, role) of each speaker mention, in document order."""
    found = []
    for c in speakers:
        start, end = c.speaker_start, c.speaker_end
        if start is None or end is None:
            continue
        at = getattr(c, "start", start)
        found.append((at, start, end, c.speaker_tok, getattr(c, "role", None)))
    found.sort(key=lambda x: (x[0], x[1], x[2]))
    return [(s, e, h, r) for _, s, e, h, r in found]
