"""The PLOVER 2.0 scheme: the 16 event types, their modes and conflict–cooperation scores.

From the PLOVER manual (Open Event Data Alliance, CC BY-SA 4.0): the score table
"PLOVER conflict–cooperation scores" (−10 most conflictual … +10 most
cooperative) and the quad categories. The manual prints ACCUSE as +3 while all
its modes are negative; it is read here as −3, as its README says.
"""

from __future__ import annotations

#: The 16 PLOVER 2.0 event types, from cooperation to conflict as the manual lists them.
EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: Quad category of each type (1 verbal cooperation, 2 material cooperation,
#: 3 verbal conflict, 4 material conflict), as the manual's ``quad_code``.
QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

#: Score of each type (mode None) and of each mode the manual scores.
SCORES: dict[tuple[str, str | None], float] = {
    ("AGREE", None): 2.5,
    ("CONSULT", None): 2.5,
    ("CONSULT", "visit"): 4,
    ("CONSULT", "third-party"): 1,
    ("CONSULT", "multilateral"): 4,
    ("CONSULT", "phone"): 1.5,
    ("SUPPORT", None): 5,
    ("CONCEDE", None): 4.5,
    ("COOPERATE", None): 9.5,
    ("AID", None): 10,
    ("RETREAT", None): 6.5,
    ("RETREAT", "withdraw"): 8,
    ("RETREAT", "release"): 6.5,
    ("RETREAT", "disarm"): 10,
    ("RETREAT", "ceasefire"): 7.5,
    ("RETREAT", "access"): 6.5,
    ("RETREAT", "resign"): 4.5,
    ("REQUEST", None): 0,
    ("REQUEST", "assist"): 0.5,
    ("REQUEST", "change"): -1,
    ("REQUEST", "yield"): -1,
    ("REQUEST", "meet"): 0,
    ("ACCUSE", None): -3,
    ("ACCUSE", "disapprove"): -2,
    ("ACCUSE", "investigate"): -3.5,
    ("ACCUSE", "allege"): -3.5,
    ("REJECT", None): -2,
    ("REJECT", "assist"): -1.5,
    ("REJECT", "change"): -2,
    ("REJECT", "yield"): -2,
    ("REJECT", "meet"): -2,
    ("THREATEN", None): -3.5,
    ("THREATEN", "restrict"): -3,
    ("THREATEN", "arrest"): -3.5,
    ("THREATEN", "relations"): -3.5,
    ("THREATEN", "expel"): -3.5,
    ("THREATEN", "territory"): -4,
    ("THREATEN", "violence"): -3.5,
    ("PROTEST", None): -5,
    ("PROTEST", "demo"): -5,
    ("PROTEST", "riot"): -7,
    ("PROTEST", "strike"): -5,
    ("PROTEST", "hunger"): -4.5,
    ("PROTEST", "boycott"): -4.5,
    ("PROTEST", "obstruct"): -4.5,
    ("SANCTION", None): -6,
    ("SANCTION", "convict"): -6,
    ("SANCTION", "expel"): -5.5,
    ("SANCTION", "withdraw"): -6,
    ("SANCTION", "discontinue"): -6,
    ("MOBILIZE", None): -5.5,
    ("MOBILIZE", "troops"): -6.5,
    ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "police"): -5.5,
    ("MOBILIZE", "militia"): -6,
    ("COERCE", None): -7,
    ("COERCE", "seize"): -7,
    ("COERCE", "restrict"): -7,
    ("COERCE", "censor"): -6.5,
    ("COERCE", "curfew"): -6.5,
    ("COERCE", "martial-law"): -7.5,
    ("COERCE", "arrest"): -7,
    ("COERCE", "deport"): -7,
    ("COERCE", "withhold"): -7,
    ("COERCE", "misinformation"): -6.5,
    ("COERCE", "cyber"): -7,
    ("ASSAULT", None): -9,
    ("ASSAULT", "abduct"): -8.5,
    ("ASSAULT", "beat"): -7.5,
    ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "sexual"): -8.5,
    ("ASSAULT", "targeted"): -9.5,
    ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "primitive"): -8,
    ("ASSAULT", "firearms"): -9,
    ("ASSAULT", "explosives"): -9,
    ("ASSAULT", "suicide-attack"): -9.5,
    ("ASSAULT", "aerial"): -9.5,
    ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5,
    ("ASSAULT", "crowd-control"): -7.5,
    ("ASSAULT", "unconventional"): -10,
}

#: The largest absolute score: stance in −1…+1 is score / SCORE_RANGE.
SCORE_RANGE = 10.0

#: The manual's auxiliary modes; an event so marked is not the positive event.
AUX_NEGATION = "negation"
AUX_HYPOTHETICAL = "hypothetical"
AUX_FUTURE = "future"
AUX_MODES = (AUX_NEGATION, AUX_HYPOTHETICAL, AUX_FUTURE)

#: Auxiliary modes under which the event did not (or not yet) happen: no score, no tone.
UNREALISED = frozenset({AUX_NEGATION, AUX_HYPOTHETICAL})

#: The codebook named in PLOVER JSON ``cite_info``.
CODEBOOK = "plover-2.0"
LICENCE_NOTE = "PLOVER, Open Event Data Alliance, CC BY-SA 4.0"


def score(event: str, mode: str | None = None) -> float:
    """The manual's conflict–cooperation score for ``event`` and ``mode`` (the type's if unscored)."""
    if event not in QUAD:
        raise ValueError(f"unknown PLOVER event type {event!r}")
    return float(SCORES.get((event, mode), SCORES[(event, None)]))
