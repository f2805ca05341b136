"""The table of prepositional and noun cues: invented sentences, the statements they give.

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])`` as in
``test_forms_table.py``; these rows cover :mod:`saidwhat.extraction.topic_forms`,
including the near misses that must give no statement.
"""

from __future__ import annotations

import pytest

TOPIC_FORMS = [
    (  # what someone spoke about is their statement on it
        "Mayor Ana Berg spoke about the new ferry timetable.",
        [("indirect", "the new ferry timetable", "Ana Berg", "speech_topic")],
    ),
    (  # a date the parser hangs on the topic says when, not what about
        "Mayor Ana Berg spoke about the new ferry timetable on Tuesday.",
        [("indirect", "the new ferry timetable", "Ana Berg", "speech_topic")],
    ),
    (  # 'talk about' with an addressee before the topic
        "Councillor Tomas Hale talked to dock workers about the closing of the north pier.",
        [("indirect", "the closing of the north pier", "Tomas Hale", "speech_topic")],
    ),
    (  # a gerund topic
        "Ana Berg talked about bringing the two harbour towns together.",
        [("indirect", "bringing the two harbour towns together", "Ana Berg", "speech_topic")],
    ),
    (  # the subject of a relative clause speaks
        "Ana Berg, who spoke about the harbour levy, left the hall early.",
        [("indirect", "the harbour levy", "Ana Berg", "speech_topic")],
    ),
    (  # a focusing adverb after the topic narrows it: the topic goes on
        "Dara Lund speaks often about the ferries, particularly in the context of the winter "
        "timetable.",
        [
            (
                "indirect",
                "the ferries, particularly in the context of the winter timetable",
                "Dara Lund",
                "speech_topic",
            )
        ],
    ),
    # a memory or a place, not what was said ('of' and 'against' are not read)
    ("Councillor Mira Castell spoke warmly of her years on the ferry board.", []),
    ("Tomas Hale spoke against the grey backdrop of the old customs hall.", []),
    # whom someone addressed: the preposition is left without its object
    ("The skippers we tried to talk to about the levy would not comment.", []),
    # sent to speak under a passive: not the subject's own statement
    ("Ana Berg was summoned before the harbour board to talk about the accounts.", []),
    # no one who can speak
    ("The report talks about the ferries.", []),
    (  # the topic of the questions someone raises is what they said
        "Councillor Tomas Hale is raising questions about the ferry contract signed in May.",
        [("indirect", "the ferry contract signed in May", "Tomas Hale", "question_topic")],
    ),
    (  # a phrase the parser hangs on the verb after the topic still belongs to it
        "Ana Berg raised questions about the pier repairs during the harbour board meeting.",
        [
            (
                "indirect",
                "the pier repairs during the harbour board meeting",
                "Ana Berg",
                "question_topic",
            )
        ],
    ),
    (  # questions someone has, or answers
        "Mayor Dara Lund answered questions about the winter timetable.",
        [("indirect", "the winter timetable", "Dara Lund", "question_topic")],
    ),
    (  # faced questions: asked by someone the text does not name
        "Tomas Hale has faced questions about the accounts of his shipping firm.",
        [("indirect", "the accounts of his shipping firm", None, "question_topic")],
    ),
    (  # questions there are: asked by people the text does not name
        "On the island there are still many questions about how the harbour fund was spent.",
        [("indirect", "how the harbour fund was spent", None, "question_topic")],
    ),
    # a question of something is no topic of anyone's
    ("There is a question of timing.", []),
    # a thing that prompts questions is no one asking them
    ("The late report inevitably raises questions about what the board knew.", []),
    # questions with no topic
    ("Ana Berg took questions from reporters on Monday.", []),
    (  # what someone is criticised for: said by critics the text does not name
        "In 2019, the harbour board came under withering criticism for letting the north pier rot.",
        [("indirect", "letting the north pier rot", None, "criticised_for")],
    ),
    (
        "Tomas Hale has faced sharp criticism for closing the ferry office.",
        [("indirect", "closing the ferry office", None, "criticised_for")],
    ),
    # 'from' names the critics (or the guns), a date says when
    ("The patrol boat came under fire from the shore.", []),
    ("Ana Berg came under fire over the weekend.", []),
    (  # words of saying as the means of the subject's act
        "Tomas Hale has responded with attacks on the harbour board.",
        [("indirect", "the harbour board", "Tomas Hale", "said_with")],
    ),
    # ... by no one who can speak
    ("The port was hit with attacks on its computers.", []),
    (  # what someone does not hide, they say
        "Mayor Ana Berg made no secret of her doubts about the ferry deal.",
        [("indirect", "her doubts about the ferry deal", "Ana Berg", "no_secret")],
    ),
    # ... and what they made a secret of, they hid
    ("Ana Berg made a secret of her plans.", []),
    (  # a stand someone took in speaking or acting
        "Tomas Hale testified in support of the new pier.",
        [("indirect", "the new pier", "Tomas Hale", "in_support")],
    ),
    (
        "Councillor Dara Lund spoke in opposition to the harbour levy.",
        [("indirect", "the harbour levy", "Dara Lund", "in_support")],
    ),
    # ... by no one who can speak
    ("The old pier was rebuilt in support of the ferry trade.", []),
    (  # a feeling someone expresses about something
        "Mayor Ana Berg expressed outrage over the closing of the north pier.",
        [("indirect", "the closing of the north pier", "Ana Berg", "voiced_feeling")],
    ),
    # a feeling with a date, not a topic
    ("Tomas Hale voiced anger on Monday.", []),
]

STANCE_FORMS = [
    (  # how openly someone speaks of a topic; a concessive phrase after it is the writer's
        "Before the vote, Mayor Ana Berg was coy about whether she would run again, "
        "despite weeks of rumours.",
        [("indirect", "whether she would run again", "Ana Berg", "opinion_adjective")],
    ),
    (
        "Tomas Hale has been vocal about the pier closures.",
        [("indirect", "the pier closures", "Tomas Hale", "opinion_adjective")],
    ),
    # an adjective of manner with no topic
    ("Ana Berg was frank.", []),
]


@pytest.mark.parametrize(("text", "expected"), TOPIC_FORMS, ids=[t[:40] for t, _ in TOPIC_FORMS])
def test_topic_form(traced, text, expected):
    assert traced(text) == expected


@pytest.mark.parametrize(("text", "expected"), STANCE_FORMS, ids=[t[:40] for t, _ in STANCE_FORMS])
def test_stance_form(traced, text, expected):
    assert traced(text) == expected
