"""The table of the verb forms of :mod:`saidwhat.extraction.verb_forms`.

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])`` as in
``test_forms_table.py``: invented sentences, the statements they must give, and the
near misses that must give none.
"""

from __future__ import annotations

import pytest

VERB_FORMS = [
    # -- comparison_object: the object and what it is likened or tied to
    (
        "Mayor Ana Berg likened the ferry levy to a toll on islanders.",
        [("indirect", "the ferry levy to a toll on islanders", "Ana Berg", "comparison_object")],
    ),
    (  # a relative clause after the comparison is the writer's
        "Tomas Hale linked the ferry delays to the budget cuts, which began in May.",
        [("indirect", "the ferry delays to the budget cuts", "Tomas Hale", "comparison_object")],
    ),
    (
        "Councillor Dara Lund compared the new harbour plan to a blank cheque.",
        [
            (
                "indirect",
                "the new harbour plan to a blank cheque",
                "Dara Lund",
                "comparison_object",
            )
        ],
    ),
    # ... without what it is likened to, or side by side with another, comparing is an act
    ("The engineers compared prices at three boatyards.", []),
    ("Ana Berg compared the harbour plan with the old one.", []),
    # ... and tying a boat to a pier is no view
    ("Tomas Hale tied the boat to the pier.", []),
    (  # ... and quoted words in it are a mixed quote of the quote rules
        'Berg likened the pier deal to a "robbery in daylight".',
        [("mixed", 'the pier deal to a "robbery in daylight', "Berg", "governing_verb")],
    ),
    # -- wh_cognition: a question under a verb of knowing or deciding
    (
        "Ana Berg did not know what to make of the new levy.",
        [("indirect", "what to make of the new levy", "Ana Berg", "wh_cognition")],
    ),
    (
        "Tomas Hale slowly realized how many islanders opposed the levy.",
        [("indirect", "how many islanders opposed the levy", "Tomas Hale", "wh_cognition")],
    ),
    (
        "Tomas Hale could not fathom why the board had sold the pier.",
        [("indirect", "why the board had sold the pier", "Tomas Hale", "wh_cognition")],
    ),
    (  # ... and under a verb of saying that is negated, the question left open
        "Ana Berg has not said when the council would vote on the levy.",
        [("indirect", "when the council would vote on the levy", "Ana Berg", "wh_cognition")],
    ),
    # ... but not the time of saying nothing
    ("Tomas Hale did not say anything when he left.", []),
    # ... not anyone's, and not finding out (an inquiry, not a view)
    ("You never know what the harbour board will do.", []),
    ("Students at the college learn how the tides work.", []),
    # -- pro_form: what 'as much', 'so' and 'the same' stand for
    (
        "Councillor Dara Lund said as much in an interview on Friday.",
        [("indirect", "as much", "Dara Lund", "pro_form")],
    ),
    ("Ana Berg does not think so.", [("indirect", "so", "Ana Berg", "pro_form")]),
    (
        "Ana Berg said the same of the harbour board.",
        [("indirect", "the same of the harbour board", "Ana Berg", "pro_form")],
    ),
    # ... not a comparison of amounts, nor 'so far'
    ("Dara Lund knew as much about ferries as anyone on the island.", []),
    ("Tomas Hale has said little so far.", []),
    # ... nor what someone ought to say
    ("If the levy pays for the pier, the harbour board should say so.", []),
    # -- noun_tagged_intent: 'votes' and 'plans' tagged as nouns in a terse headline style
    (
        "Island panel votes to hold the harbour chief in contempt.",
        [("indirect", "to hold the harbour chief in contempt", None, "noun_tagged_intent")],
    ),
    (
        "Velda council votes to close the old pier.",
        [("indirect", "to close the old pier", None, "noun_tagged_intent")],
    ),
    # ... a real noun 'plans' with a determiner or as an object states nothing here
    ("Workers found old plans to widen the quay in the archive.", []),
    # -- 'it' as a source: a body named before that intends or stands for a named person
    (
        "The Velda Herald has long opposed the levy. On Sunday it endorsed Ana Berg.",
        [
            ("indirect", "the levy", "Velda Herald", "object_cue"),
            ("indirect", "Ana Berg", "Velda Herald", "object_cue"),
        ],
    ),
    (
        "The harbour board met on Monday. It wants to sell the old pier.",
        [("indirect", "to sell the old pier", None, "intent_clause")],
    ),
    (  # 'one of' people counts a source, unlike the generic 'one'
        "One or more of the councillors have backed Tomas Hale.",
        [("indirect", "Tomas Hale", None, "object_cue")],
    ),
    ("One can never know what the board will do.", []),
    # -- object cues: what was claimed or explained
    (
        "Tomas Hale claimed sole credit for the new ferry route.",
        [("indirect", "sole credit for the new ferry route", "Tomas Hale", "object_cue")],
    ),
    (
        "In her column, Ana Berg explains the new harbour levy.",
        [("indirect", "the new harbour levy", "Ana Berg", "object_cue")],
    ),
    (  # ... and what was ignored, an attitude like dismissing it
        "Mayor Ana Berg has largely ignored the question of the ferry levy.",
        [("indirect", "the question of the ferry levy", "Ana Berg", "object_cue")],
    ),
    ("Anyone can ignore the new levy.", []),
    # ... but a prize won or a life taken is no claim
    ("The island team claimed the regional title on Sunday.", []),
    ("The winter storm claimed three lives on the coast road.", []),
    # ... not the 'it' of a thing that will be so, nor 'it' with no named object
    ("It promises to be a long night at the harbour.", []),
    ("The Velda Herald met on Monday. It criticized the new plan.", []),
]


@pytest.mark.parametrize(("text", "expected"), VERB_FORMS, ids=[t[:40] for t, _ in VERB_FORMS])
def test_verb_form(traced, text, expected):
    assert traced(text) == expected
