"""Titles that carry a statement: ``Source: claim`` in the forms news titles take.

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])``, as in
``test_forms_table``; rows with ``[]`` are near misses that must give nothing.
"""

from __future__ import annotations

import pytest

BODY = "\n\nThe harbour board met on Monday in the old customs hall."

TITLES = [
    (  # a sentence-case first line 'Name: claim' is the title, and the claim is the name's
        "Lund: the ferry fares will double in May" + BODY + " Dara Lund spoke first.",
        [("indirect", "the ferry fares will double in May", "Dara Lund", "headline_colon")],
    ),
    (  # a surname the parser does not see in the title: the story names the person in full
        "Hale: Ferry Fares Will Double, Port Was ‘Hiding’ Losses"
        + BODY
        + " Councillor Tomas Hale chaired the meeting.",
        [
            (
                "indirect",
                "Ferry Fares Will Double, Port Was ‘Hiding’ Losses",
                "Tomas Hale",
                "headline_colon",
            )
        ],
    ),
    (  # 'Name on Topic: claim': the name before the topic it speaks on
        "Hale on the Ferries: The Losses Are ‘Alarming’"
        + BODY
        + " Councillor Tomas Hale chaired the meeting.",
        [("indirect", "The Losses Are ‘Alarming’", "Tomas Hale", "headline_colon")],
    ),
    (  # a source noun in a sentence-case title
        "Poll: Berg and Hale in a dead heat before the harbour vote" + BODY,
        [
            (
                "indirect",
                "Berg and Hale in a dead heat before the harbour vote",
                None,
                "headline_colon",
            )
        ],
    ),
    (  # a label before the colon: the verb of saying after it, its subject named below
        "The Latest: Berg urges riders to keep their old tickets"
        + BODY
        + " Mayor Ana Berg spoke first.",
        [("indirect", "riders to keep their old tickets", "Ana Berg", "headline_said")],
    ),
    # a topic before the colon, even one that starts with a name, is no source
    ("Ferry strike: reactions in Vessia and Arkhavia" + BODY, []),
    ("Harbour fares: what the new levy means for you" + BODY, []),
    # a label, or a name the story never names, is no source
    ("Update: the ferry fares will double in May" + BODY, []),
    ("Hendry: the ferry fares will double in May" + BODY, []),
    # the first turn of a short exchange is no title
    ("ROSS: Will the ferry fares double?\n\nHALE: Not this year. Councillor Nina Ross asked.", []),
    # a first line with a sentence after the colon is a lead paragraph, not a title
    (
        "Lund: the fares rise. The board met on Monday.\n\nThe vote is next week.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_title_statements(traced, text, expected):
    assert traced(text) == expected
