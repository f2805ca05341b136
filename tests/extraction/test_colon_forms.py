"""Unquoted content after a colon that a noun of saying introduces: forms and near misses.

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])``, as in
``test_forms_table``; rows with ``[]`` must give no statement.
"""

from __future__ import annotations

import pytest

COLONS = [
    (  # the content as the next paragraph
        "Last spring the councillor Tomas Hale gave Ana Berg a glowing endorsement:\n\n"
        "She knows the ferries better than anyone on the council and she kept the fares down.",
        [
            (
                "indirect",
                "She knows the ferries better than anyone on the council and she kept the fares "
                "down",
                "Tomas Hale",
                "colon_report",
            )
        ],
    ),
    (  # on the same line, the source the subject of the gerund's verb
        "Councillor Tomas Hale never tires of telling the story of the strike: in May the "
        "crews walked out and the island was cut off for a week.",
        [
            (
                "indirect",
                "in May the crews walked out and the island was cut off for a week",
                "Tomas Hale",
                "colon_report",
            )
        ],
    ),
    (
        "Mayor Ana Berg issued a stark warning: the ferries will stop if the levy is not paid.",
        [
            (
                "indirect",
                "the ferries will stop if the levy is not paid",
                "Ana Berg",
                "colon_report",
            )
        ],
    ),
    # a noun that names no saying, or only the wording, gives the writer's own content
    ("The board has a simple rule for its captains: no ferry leaves the quay in a storm.", []),
    ("The harbour report had one striking figure: the ferry lost a million a year.", []),
    ("Mayor Ana Berg gave her reasons: the fares, the timetable and the old boats.", []),
    ("The Courier ran a blunt headline: the ferry is finished after forty years.", []),
]


@pytest.mark.parametrize(("text", "expected"), COLONS)
def test_colon_reports(traced, text, expected):
    assert traced(text) == expected
