"""Sentences opened by their source (``By X's own admission, ...``): the forms and near misses.

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])``, as in
``test_forms_table``; rows with ``[]`` must give no statement.
"""

from __future__ import annotations

import pytest

ADJUNCTS = [
    (
        "By Lund's own admission, the old pier was never safe for the ferries.",
        [("indirect", "the old pier was never safe for the ferries", "Lund", "source_adjunct")],
    ),
    (
        "In Councillor Tomas Hale's view, the levy is a tax on the poor of the harbour.",
        [
            (
                "indirect",
                "the levy is a tax on the poor of the harbour",
                "Tomas Hale",
                "source_adjunct",
            )
        ],
    ),
    (
        "Under Mayor Ana Berg's plan, the ferries would run every hour until midnight.",
        [
            (
                "indirect",
                "the ferries would run every hour until midnight",
                "Ana Berg",
                "source_adjunct",
            )
        ],
    ),
    (  # a poll's finding is the poll's (no person: no canonical speaker)
        "In a new poll, Berg leads Hale by four points among harbour voters.",
        [
            (
                "indirect",
                "Berg leads Hale by four points among harbour voters",
                None,
                "source_adjunct",
            )
        ],
    ),
    (  # an aside naming its source
        "As Councillor Tomas Hale noted, the fares doubled in two years.",
        [("indirect", "the fares doubled in two years", "Tomas Hale", "source_adjunct")],
    ),
    (
        "As stated in Tomas Hale's report, the ferry lost money every winter.",
        [("indirect", "the ferry lost money every winter", "Tomas Hale", "source_adjunct")],
    ),
    (  # an aside inside the sentence: the clause after it, not the main clause
        "If, as Councillor Tomas Hale has suggested, the ferry company profits from the levy, "
        "the board should say so.",
        [
            (
                "indirect",
                "the ferry company profits from the levy",
                "Tomas Hale",
                "source_adjunct",
            )
        ],
    ),
    ("The old ferry, as everyone knows, is older than the pier.", []),
    (  # the clause reports on its own: its speaker, not the poll
        "In the harbour poll, most island voters said the ferry levy was too high.",
        [
            (
                "indirect",
                "the ferry levy was too high",
                None,
                "speech_clause",
            )
        ],
    ),
    # 'as' saying when, or with a topic or object of its own, names no source
    ("As she spoke, the crowd outside the hall began to cheer loudly.", []),
    (  # (what Berg talked about is his topic: speech_topic's, not this rule's)
        "As Berg talked about the pier, Hale left the room without a word.",
        [("indirect", "the pier", "Berg", "speech_topic")],
    ),
    ("As Berg said goodbye, the ferry left the quay for the last time.", []),
    # a plan, a place or a time with no one's name is no source
    ("Under the plan, the ferries would run every hour until midnight.", []),
    ("In the harbour, the ferries run every hour until midnight.", []),
    ("By the time the vote came, the ferries had stopped for the winter.", []),
]


@pytest.mark.parametrize(("text", "expected"), ADJUNCTS)
def test_source_adjuncts(traced, text, expected):
    assert traced(text) == expected
