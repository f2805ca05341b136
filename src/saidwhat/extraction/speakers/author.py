"""The author's own ``I``: a first-person speaker outside quotations is the writer.

``“The pier is rotten,” I said.`` in a report is the reporter, never a person
the text named before (a pronoun rule would take the last one). The writer is
not a cluster of the text: the rule answers nobody here and the pipeline names
the document's author (its byline), when it has one.
"""

from __future__ import annotations

from ..settings import AuthorRule
from .seen import Seen
from .units import Ask, Found, SpeakerRule

_FIRST_PERSON = frozenset({"i", "me"})


def resolve(ask: Ask, seen: Seen, cfg: AuthorRule) -> Found | None:
    if ask.low not in _FIRST_PERSON or seen.inside_quote(ask.start):
        return None
    return Found(None)


RULE = SpeakerRule(
    name="author",
    func=resolve,
    needs=("surface",),
    gives=("the document's author",),
    doc="“The pier is rotten,” I said.: the writer, not the last person named",
)
