"""Transcript layout: who asks, who answers, and the lines that belong to no turn.

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])``, as in
``test_forms_table``; rows with ``[]`` are near misses that must give nothing.
"""

from __future__ import annotations

import pytest

TURNS = [
    (  # a named interviewer's turns are statements too, each the asker's own
        "ROSS: Will the ferry run in winter?\n\n"
        "HALE: It will run twice a day until the ice comes.\n\n"
        "ROSS: And the fares?\n\n"
        "HALE: They stay as they are.\n",
        [
            ("qa", "Will the ferry run in winter?", "Ross", "interviewer_turn"),
            ("qa", "It will run twice a day until the ice comes.", "Hale", "transcript_turn"),
            ("qa", "And the fares?", "Ross", "interviewer_turn"),
            ("qa", "They stay as they are.", "Hale", "transcript_turn"),
        ],
    ),
    (  # ... but the publication asking frames the interview: only the answers are quoted
        "GAZETTE: Will the ferry run in winter?\n\n"
        "HALE: It will run twice a day until the ice comes.\n\n"
        "GAZETTE: And the fares?\n\n"
        "HALE: They stay as they are.\n",
        [
            ("qa", "It will run twice a day until the ice comes.", "Hale", "transcript_turn"),
            ("qa", "They stay as they are.", "Hale", "transcript_turn"),
        ],
    ),
    (  # ... and so does a role asking: 'MODERATOR' names no one
        "MODERATOR: Will the ferry run in winter?\n\n"
        "HALE: It will run twice a day until the ice comes.\n\n"
        "MODERATOR: And the fares?\n\n"
        "HALE: They stay as they are.\n",
        [
            ("qa", "It will run twice a day until the ice comes.", "Hale", "transcript_turn"),
            ("qa", "They stay as they are.", "Hale", "transcript_turn"),
        ],
    ),
    (  # a stage direction ends the turn before it and is no one's words
        "ROSS: Will the ferry run?\n\n"
        "HALE: It will run until the ice comes, and then —\n\n"
        "(CROSSTALK.)\n\n"
        "ROSS: Then what?\n\n"
        "HALE: Then the bridge.\n",
        [
            ("qa", "Will the ferry run?", "Ross", "interviewer_turn"),
            ("qa", "It will run until the ice comes, and then —", "Hale", "transcript_turn"),
            ("qa", "Then what?", "Ross", "interviewer_turn"),
            ("qa", "Then the bridge.", "Hale", "transcript_turn"),
        ],
    ),
    (  # a transcript quoted paragraph by paragraph, a bracketed direction inside the marks
        '"ROSS: Will the ferry run?\n\n'
        '"HALE: It will run until the ice comes.\n\n'
        '"[LAUGHTER]\n\n'
        '"ROSS: And then?\n\n'
        '"HALE: Then the bridge opens."\n',
        [
            ("qa", "Will the ferry run?", "Ross", "interviewer_turn"),
            ("qa", "It will run until the ice comes.", "Hale", "transcript_turn"),
            ("qa", "And then?", "Ross", "interviewer_turn"),
            ("qa", "Then the bridge opens.", "Hale", "transcript_turn"),
        ],
    ),
    (  # the writer's closing line is not part of the last answer
        "ROSS: Will the ferry run?\n\n"
        "HALE: Yes, twice a day.\n\n"
        "ROSS: And the fares?\n\n"
        "HALE: They stay as they are.\n\n"
        "Follow Nina Ross on Twitter @ninaross.\n",
        [
            ("qa", "Will the ferry run?", "Nina Ross", "interviewer_turn"),
            ("qa", "Yes, twice a day.", "Hale", "transcript_turn"),
            ("qa", "And the fares?", "Nina Ross", "interviewer_turn"),
            ("qa", "They stay as they are.", "Hale", "transcript_turn"),
        ],
    ),
    (  # 'Q:' asks anonymously: only the answers, given to the speaker named before
        "Briefing by spokeswoman Maria Lind.\n\nQ: Will the ferry run?\n\nA: It will run in May.\n",
        [("qa", "It will run in May.", "Maria Lind", "transcript_turn")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TURNS)
def test_transcript_turns(traced, text, expected):
    assert traced(text) == expected
