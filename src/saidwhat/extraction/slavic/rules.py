"""The rule units, tried in :data:`RULES` order; each claims text the later ones leave alone.

A rule is a small named function ``(ctx) -> None`` that appends
:class:`Cand` records to ``ctx``; its confidence is a named field of
:class:`~.settings.Settings`. Quote-bound forms come first (transcripts,
blocks, dialogue dashes, ``«…», — сказал X``, ``X заявил: «…»``), then
reported clauses (``X заявил, что …``, ``по словам X, …``,
``…, заявил X.``), and last the quotes that continue a statement.
"""

from __future__ import annotations

from collections.abc import Callable

from .clause_rules import (
    about_this,
    according,
    as_said,
    colon_indirect,
    inverted,
    reported_clauses,
)
from .quote_rules import (
    block,
    called_quote,
    colon_quote,
    dash_dialogue,
    dash_interview,
    orphans,
    quote_cue,
    transcript,
)
from .units import Cand, Ctx

Rule = Callable[[Ctx], None]

#: The rule units in the order they are tried.
RULES: tuple[tuple[str, Rule], ...] = (
    ("transcript", transcript),
    ("dash_interview", dash_interview),
    ("block", block),
    ("dash_dialogue", dash_dialogue),
    ("quote_cue", quote_cue),
    ("colon_quote", colon_quote),
    ("reported", reported_clauses),
    ("according", according),
    ("as_said", as_said),
    ("inverted", inverted),
    ("about_this", about_this),
    ("called", called_quote),
    ("colon_indirect", colon_indirect),
    ("orphans", orphans),
)

__all__ = ["RULES", "Cand", "Ctx", "Rule"]
