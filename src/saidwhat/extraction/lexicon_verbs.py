"""English words of the verb forms beside the clause rules (read by :mod:`.verb_forms`).

Kept beside :mod:`.lexicon` (like :mod:`.lexicon_names`) so the main word-list module
stays readable; the lists extend its classes of cue verbs.
"""

from __future__ import annotations

from .lexicon import PHYSICAL_TARGET_NOUNS

#: Verbs of likening and connecting with the prepositions of what the object is
#: likened or tied to (``likened the levy to a toll``): the comparison is a view.
#: ``compared X with Y`` sets two things side by side (an act), ``compared X to Y``
#: says one is like the other.
COMPARISON_VERBS_PREPS = {
    "compare": {"to"},
    "liken": {"to"},
    "link": {"to"},
    "tie": {"to"},
    "equate": {"with"},
    "connect": {"to"},
}
COMPARISON_PREPS = {k: frozenset(v) for k, v in COMPARISON_VERBS_PREPS.items()}
COMPARISON_VERBS = frozenset(COMPARISON_VERBS_PREPS)
#: Things one ties or connects with one's hands (``tied the boat to the pier``): no view.
FASTENED_THINGS = PHYSICAL_TARGET_NOUNS | frozenset(
    """pier dock wharf quay rope cable pipe wire pole mast""".split()  # noqa: SIM905
)
#: Verbs of knowing, wondering and deciding whose wh-clause is what the holder knew,
#: asked or settled (``did not know how the fund was spent``); not of finding out
#: (``learn``, ``determine``, ``figure out``: an inquiry, not a view).
WH_COGNITION_VERBS = frozenset(
    """know realize realise understand fathom envision imagine wonder decide question
    emphasize emphasise explain recall remember doubt""".split()  # noqa: SIM905
)
#: Verbs of saying that, negated or declined, leave a question open (``did not say when
#: the vote would be held``, ``declined to say whether``): the wh-clause is what was
#: not said, which news reports as the source's statement.
WITHHELD_SPEECH_VERBS = frozenset(
    """say tell disclose specify indicate reveal explain confirm""".split()  # noqa: SIM905
)
#: Verbs that withhold the speech verb under them (``declined to say whether``).
WITHHOLDING_VERBS = frozenset({"decline", "refuse"})
#: Modals of obligation: ``should say so`` is what someone ought to say, not what was said.
OBLIGATION_MODALS = frozenset({"should", "must", "ought", "shall"})
#: Verbs of saying and belief whose pro-form object (``said as much``, ``thinks so``,
#: ``said the same``) stands for what was said.
PRO_FORM_VERBS = frozenset(
    """say tell indicate suggest signal admit acknowledge concede think believe hope
    suspect""".split()  # noqa: SIM905
)
#: Verbs after ``it promises to`` / ``it threatens to`` that make ``it`` a thing, not a
#: body with an intention (``it promises to be a long night``).
IT_EMPTY_VERBS = frozenset({"be", "become", "get", "cost", "take", "last", "rain", "snow"})
