"""English words of the statements that layout carries: transcript labels, titles,
sentences opened by their source and content after a colon (read by :mod:`.blocks`,
:mod:`.headline_verbs`, :mod:`.source_adjuncts` and :mod:`.colon_forms`).

The cue words they build on are in :mod:`.lexicon`.
"""

from __future__ import annotations

from .lexicon import CUE_NOUNS

#: Transcript labels that name a role, not a person (``MODERATOR:``, ``HOST:``): the
#: turns of an asker so labelled frame the interview and are not quoted.
INTERVIEWER_ROLES = frozenset({"moderator", "host", "anchor", "reporter", "interviewer"})
#: A sentence opened by its source (``By X's own admission, ...``, ``In X's view, ...``,
#: ``Under X's plan, ...``): the preposition and the nouns after it that make the rest of
#: the sentence the possessor's account, view or proposal.
SOURCE_ADJUNCT_NOUNS = {
    "by": frozenset({"admission", "account", "estimate", "reckoning", "count"}),
    "in": frozenset({"view", "opinion", "estimation", "judgment", "judgement", "telling", "words"}),
    "under": frozenset({"plan", "proposal", "bill", "budget", "scheme", "blueprint"}),
}
#: Nouns naming what a source said or judged, whose content a colon then gives unquoted
#: (``gave Berg a glowing endorsement:``, ``told the story of the strike:``). Not the
#: nouns of mere wording (``headline``, ``question``, ``caption``): unquoted after a
#: colon, their content is the writer's.
COLON_REPORT_NOUNS = CUE_NOUNS | frozenset(
    """endorsement story account assessment explanation summary verdict answer reply
    response""".split()  # noqa: SIM905
)
#: Verbs of headline-speak that report criticism (``Lawmakers Rip Hale``), besides the
#: headline cues (:data:`.lexicon.HEADLINE_CUES`).
HEADLINE_ONLY_CUES = frozenset({"rip", "bash", "knock"})
#: Who a title's subject may be when the parser sees no name in it (besides roles,
#: relatives, organisations and finding sources): ``Black Lawmakers``, ``Frustrated Parents``.
HEADLINE_SUBJECT_NOUNS = frozenset(
    """voter parent expert critic resident worker activist democrat republican veteran
    teacher student doctor mom dad mother father panel website group family""".split()  # noqa: SIM905
)
#: Verbs of ``As X noted, ...`` / ``As stated in X, ...``: an aside naming the source of the
#: sentence it opens (not ``As she spoke, ...``, which only says when).
AS_SOURCE_VERBS = frozenset(
    """say note point suggest argue write put report state observe explain acknowledge
    admit claim predict warn testify conclude add find show reveal""".split()  # noqa: SIM905
)
