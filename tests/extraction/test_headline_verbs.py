"""Title-case headlines ``Subject Verbs Claim`` read by their words: forms and near misses.

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])``, as in
``test_forms_table``; rows with ``[]`` must give no statement.
"""

from __future__ import annotations

import pytest

BODY = "\n\nThe harbour board met on Monday in the old customs hall."

HEADLINES = [
    (  # a plural subject with the base form of a headline verb
        "Black Lawmakers Rip Tomas Hale As A ‘Disgusting Fraud.’" + BODY,
        [("indirect", "Tomas Hale As A ‘Disgusting Fraud.’", "Black Lawmakers", "headline_verb")],
    ),
    (  # a poll shows a finding
        "New Poll Shows Minor Post-Vote Bump For Berg" + BODY,
        [("indirect", "Minor Post-Vote Bump For Berg", "New Poll", "headline_verb")],
    ),
    (  # a role as the source of the document's title
        "Retired General Reveals ‘Demoralizing’ Years Of Serving Under Berg" + BODY,
        [
            (
                "indirect",
                "‘Demoralizing’ Years Of Serving Under Berg",
                "Retired General",
                "headline_verb",
            )
        ],
    ),
    (  # a surname the story names in full, after an opening phrase and its comma
        "Railing Against Hale, Berg Vows To Cut The Ferry Levy"
        + BODY
        + " Mayor Ana Berg spoke first.",
        [("indirect", "To Cut The Ferry Levy", "Ana Berg", "headline_said")],
    ),
    (  # ... the same when the parser reads the verb as a noun ('Pledges')
        "Railing Against Hale, Berg Pledges Cheaper Fares For Island Families"
        + BODY
        + " Mayor Ana Berg spoke first.",
        [("indirect", "Cheaper Fares For Island Families", "Ana Berg", "headline_verb")],
    ),
    # a thing that shows its age is no source; a noun that looks like a verb is no verb
    ("Old Ferry Shows Its Age After Forty Winters" + BODY, []),
    ("Berg Plans For The Harbour Are Expansive But Complex" + BODY, []),
    (  # a section title naming only a role labels the statement below it
        "Harbour Talks Resume In Velda\n\nThe delegations met on Monday.\n\n"
        "Arkhavian Ambassador Tells The Islanders To Be Patient\n\n"
        "Ambassador Pavel Lund said the talks would take time.",
        [("indirect", "the talks would take time", "Pavel Lund", "speech_clause")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES)
def test_headline_verbs(traced, text, expected):
    assert traced(text) == expected
