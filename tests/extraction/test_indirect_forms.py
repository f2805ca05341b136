"""The table of indirect forms: invented sentences, the statements they must give.

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])`` as in
``test_forms_table.py``; these rows cover the cue-clause rules of
:mod:`saidwhat.extraction.indirect` and the forms beside it (extents, speakers,
cues that are no statement). A new indirect form is one more row.
"""

from __future__ import annotations

import pytest

INDIRECT_FORMS = [
    (  # the parser hangs the later conjuncts of an infinitive on the cue: they are content
        "Tomas Hale wants to double the ferry fleet, rebuild the old pier and open a night route.",
        [
            (
                "indirect",
                "to double the ferry fleet, rebuild the old pier and open a night route",
                "Tomas Hale",
                "intent_clause",
            )
        ],
    ),
    (  # ... while a conjunct in the cue's own tense is a second statement
        "Ana Berg vowed to cut the levy and said the pier would be sold.",
        [
            ("indirect", "to cut the levy", "Ana Berg", "intent_clause"),
            ("indirect", "the pier would be sold", "Ana Berg", "speech_clause"),
        ],
    ),
    (  # a dangling 'or' in the complement: the verb after it is still what was declined
        "Mayor Ana Berg declined to close the pier or even directly blame the ferry company "
        "for the delays.",
        [
            (
                "indirect",
                "to close the pier or even directly blame the ferry company for the delays",
                "Ana Berg",
                "intent_clause",
            )
        ],
    ),
    # the topic or addressee of speaking is not what was said
    ("Councillor Mira Castell spoke warmly of her years on the ferry board.", []),
    ("A spokesman for the port did not respond to requests for comment.", []),
    # handing over documents is an act, not a statement
    ("The ferry company did not disclose its accounts for the year.", []),
    (  # the speaker of an infinitive under an adjective: the subject of 'was able'
        "Ana Berg was able to tout her record on the harbour budget.",
        [("indirect", "her record on the harbour budget", "Ana Berg", "object_cue")],
    ),
    (  # a purpose infinitive shares its subject with the verb it hangs on
        "Tomas Hale met the port workers to discuss the new ferry timetable.",
        [("indirect", "the new ferry timetable", "Tomas Hale", "object_cue")],
    ),
    (  # the doer of a gerund under a preposition is the subject of the main verb
        "In defending the levy, Mayor Ana Berg criticized the ferry company for its late boats.",
        [
            ("indirect", "the levy", "Ana Berg", "object_cue"),
            ("indirect", "the ferry company for its late boats", "Ana Berg", "object_cue"),
        ],
    ),
    (  # a headline naming its source before a colon
        "Dara Lund: Ferry Fares Will Double in May\n\nThe harbour board met on Monday.",
        [("indirect", "Ferry Fares Will Double in May", "Dara Lund", "headline_colon")],
    ),
    (  # a headline with a verb of saying after its claim
        "Ferry Fares Will Double, Mayor Dara Lund Says\n\nThe harbour board met on Monday.",
        [("indirect", "Ferry Fares Will Double", "Dara Lund", "headline_said")],
    ),
    (  # the person in the source before the colon, not the nationality before the title
        "Arkhavian Spokesman Pavel Lund: The Talks Were Useful\n\n"
        "The two delegations met for four hours on Tuesday.",
        [("indirect", "The Talks Were Useful", "Pavel Lund", "headline_colon")],
    ),
    (  # a section title over the same speaker's statement is that statement's title
        "Harbour Talks Resume In Velda\n\nThe delegations met on Monday in the old customs hall."
        "\n\nArkhavian Spokesman Pavel Lund: The Talks Were Useful\n\n"
        "Lund said the talks had been useful and would go on.",
        [("indirect", "the talks had been useful and would go on", "Lund", "speech_clause")],
    ),
    (  # ... while the document's own title reports the claim even when the story repeats it
        "Arkhavian Spokesman Pavel Lund: The Talks Were Useful\n\n"
        "Lund said the talks had been useful and would go on.",
        [
            ("indirect", "The Talks Were Useful", "Pavel Lund", "headline_colon"),
            (
                "indirect",
                "the talks had been useful and would go on",
                "Pavel Lund",
                "speech_clause",
            ),
        ],
    ),
    # a label or a topic before a headline's colon is no source
    ("Correction: The Ferry Times Were Wrong\n\nThe harbour board met on Monday.", []),
    ("Scrutinizing the Harbour: A Long Winter\n\nThe harbour board met on Monday.", []),
    (  # the passive of an object cue: what was backed is the subject, the source the agent
        "The new ferry levy was backed by Mayor Ana Berg.",
        [("indirect", "The new ferry levy", "Ana Berg", "passive_object")],
    ),
    # ... a verb of action in the passive is no statement
    ("Mayor Ana Berg's plan was sent to the board by post.", []),
    (  # a gerund complement of a verb of proposing
        "Mayor Ana Berg proposed dropping the ferry levy for pensioners.",
        [("indirect", "dropping the ferry levy for pensioners", "Ana Berg", "gerund_clause")],
    ),
    (  # a vote to do something states an intention
        "Councillor Tomas Hale voted to close the old pier in May.",
        [("indirect", "to close the old pier in May", "Tomas Hale", "intent_clause")],
    ),
    (  # what a poll found is attributed to the poll (no person: no canonical speaker)
        "A new poll showed Mayor Ana Berg with a narrow lead over Tomas Hale.",
        [
            (
                "indirect",
                "Mayor Ana Berg with a narrow lead over Tomas Hale",
                None,
                "finding_object",
            )
        ],
    ),
    # ... but bare figures are evidence, not a statement
    ("The ferry figures show a steep fall in passengers.", []),
    # what goes without saying, or was left unmentioned, was not said
    ("It goes without saying that the ferry fares will rise again.", []),
    ("Ana Berg left the meeting without mentioning the levy.", []),
    # what someone failed to say, and the writer's own aside, report nothing
    ("The harbour report failed to note that the ferry lost money.", []),
    ("It is worth noting that the ferry fares rose twice last year.", []),
    # a cue with its own gerund or object after it: the quoted title before is no content
    ("In her 2019 book, “Make Your Town a Harbour,” Ms. Berg suggested looking at the fees.", []),
    # 'seems to think': the writer's inference, not the person's report
    ("Tomas Hale seems to think he is exempt from the levy.", []),
    # 'now that' gives a reason, not what was thought ('heard by now that' still reports)
    ("Ana Berg is panicking now that the ferry levy is due.", []),
    # a participle on a noun names a kind of people, not a report ...
    ("Thousands of islanders supporting Tomas Hale gathered at the harbour.", []),
    (  # ... unless the noun is a document or an occasion of speech
        "Ana Berg issued a statement calling the levy a disgrace.",
        [("indirect", "the levy a disgrace", "Ana Berg", "object_cue")],
    ),
    # a result clause ('so fast that ...') is no complement of the verb
    ("Ana Berg drove so fast that the ferry left without her.", []),
    (  # a name alone is a whole object: whom someone endorsed (a pronoun is not)
        "Councillor Tomas Hale endorsed Ana Berg on Monday.",
        [("indirect", "Ana Berg", "Tomas Hale", "object_cue")],
    ),
    ("Councillor Tomas Hale endorsed her on Monday.", []),
    (  # a conjunct the parser hung on the main verb still joins the infinitive
        "Mayor Ana Berg backed the harbour plan, promising to meet and in some cases exceed "
        "its targets.",
        [
            ("indirect", "the harbour plan", "Ana Berg", "object_cue"),
            (
                "indirect",
                "to meet and in some cases exceed its targets",
                "Ana Berg",
                "intent_clause",
            ),
        ],
    ),
    (  # '..., then hand over ...': a second step of the same plan
        "Mr. Hale planned to sell more ferry tickets to the islanders, then hand over the pier "
        "as a town park.",
        [
            (
                "indirect",
                "to sell more ferry tickets to the islanders, then hand over the pier as a town park",
                "Hale",
                "intent_clause",
            )
        ],
    ),
    (  # a relative clause between commas is an aside inside the content ...
        "Ana Berg vowed to form a harbour task force, which would include the coast guard, "
        "to stop the smugglers.",
        [
            (
                "indirect",
                "to form a harbour task force, which would include the coast guard, to stop "
                "the smugglers",
                "Ana Berg",
                "intent_clause",
            )
        ],
    ),
    (  # an adjective of stance reports its holder's view like 'believe' does
        "Ana Berg is confident that the levy will pass.",
        [("indirect", "that the levy will pass", "Ana Berg", "stance_clause")],
    ),
    (  # ... also as a passive participle, whose passive subject holds the view
        "Tomas Hale was convinced that the old pier is unsafe.",
        [("indirect", "that the old pier is unsafe", "Tomas Hale", "stance_clause")],
    ),
    # 'so worried that ...' is a result clause: why he acted, not a view he reported
    ("Tomas Hale was so worried that he closed the pier for a week.", []),
    (  # a sentence after a mid-sentence report, with no cue or quotation of its own, goes on
        # with what was said: one statement over both
        "The new pier, Mayor Ana Berg said, would bring the ferries back. But it would also "
        "cost the town its beach.\n\nThe council meets on Monday.",
        [
            (
                "indirect",
                "The new pier would bring the ferries back. But it would also cost the town its beach",
                "Ana Berg",
                "mid_sentence_clause",
            )
        ],
    ),
    (  # ... but a sentence with its own speaker starts a statement of its own
        "The new pier, Mayor Ana Berg said, would bring the ferries back. Tomas Hale said the "
        "beach would be lost.",
        [
            (
                "indirect",
                "The new pier would bring the ferries back",
                "Ana Berg",
                "mid_sentence_clause",
            ),
            ("indirect", "the beach would be lost", "Tomas Hale", "speech_clause"),
        ],
    ),
    (  # content after 'X said:' runs on over the next unattributed sentence too
        "Tomas Hale said: the fares will rise. Pensioners will pay the old price.",
        [
            (
                "indirect",
                "the fares will rise. Pensioners will pay the old price",
                "Tomas Hale",
                "speech_clause",
            )
        ],
    ),
    (  # an unquoted paragraph after a paragraph ending 'X added:' is what X said
        "Tomas Hale added:\n\nThe board knows nothing. It has never taken the ferry.\n\n"
        "The council meets on Monday.",
        [
            (
                "indirect",
                "The board knows nothing. It has never taken the ferry",
                "Tomas Hale",
                "colon_paragraph",
            )
        ],
    ),
    (  # a concession after a comma ('despite ...') qualifies the claim: it stays in it
        "Ana Berg argues that families still want the old harbour, despite the new marina.",
        [
            (
                "indirect",
                "that families still want the old harbour, despite the new marina",
                "Ana Berg",
                "speech_clause",
            )
        ],
    ),
    (  # a wish ('would like to') is attributed like 'wants to'
        "Tomas Hale would like to hold another rally with the mayor in May.",
        [
            (
                "indirect",
                "to hold another rally with the mayor in May",
                "Tomas Hale",
                "intent_clause",
            )
        ],
    ),
    (  # a conclusion with a stated owner is that owner's claim, like 'her claim that'
        "Ana Berg's conclusion that the old pier is unsafe surprised the board.",
        [("indirect", "that the old pier is unsafe", "Ana Berg", "cue_noun")],
    ),
    (  # ... while one that ends the sentence is the writer's comment, left out
        "Tomas Hale said the pier would close in May, which angered the ferry crews.",
        [("indirect", "the pier would close in May", "Tomas Hale", "speech_clause")],
    ),
    (  # a gerund after a verb of mentioning or judging is what was put forward
        "Tomas Hale has mentioned refinancing the harbour debt.",
        [("indirect", "refinancing the harbour debt", "Tomas Hale", "gerund_clause")],
    ),
    (  # how someone sees a thing ('as ...') is their view of it
        "Ana Berg views the new pier as a waste of money.",
        [("indirect", "the new pier as a waste of money", "Ana Berg", "view_as")],
    ),
    # ... but seeing a thing is perception, and 'as a child' says when
    ("Tomas Hale saw the old pier from his office window.", []),
    ("Tomas Hale first saw the old pier as a child.", []),
    (  # a decision is attributed like a plan
        "Tomas Hale decided to sell the old pier.",
        [("indirect", "to sell the old pier", "Tomas Hale", "intent_clause")],
    ),
    (
        "Mayor Ana Berg decided against raising the ferry fares.",
        [("indirect", "raising the ferry fares", "Ana Berg", "prep_object")],
    ),
    (  # verbs of judging aloud report their object
        "Mayor Ana Berg mocked the ferry company's new timetable.",
        [("indirect", "the ferry company's new timetable", "Ana Berg", "object_cue")],
    ),
    (
        "Tomas Hale chided the harbour board for its slow repairs.",
        [("indirect", "the harbour board for its slow repairs", "Tomas Hale", "object_cue")],
    ),
    (  # depicting someone 'as' something is the depicter's view
        "In the debate Ana Berg painted Tomas Hale as a friend of the ferry owners.",
        [("indirect", "Tomas Hale as a friend of the ferry owners", "Ana Berg", "view_as")],
    ),
    (  # an attitude towards a thing is attributed like praise
        "Tomas Hale despises the new harbour levy.",
        [("indirect", "the new harbour levy", "Tomas Hale", "object_cue")],
    ),
    (  # conjuncts the parser hangs on the cue still belong to its object ...
        "Ana Berg cited her years as harbour master and as a city councillor.",
        [
            (
                "indirect",
                "her years as harbour master and as a city councillor",
                "Ana Berg",
                "object_cue",
            )
        ],
    ),
    (
        "Tomas Hale has mentioned refinancing the harbour debt and forcing the port to sell "
        "the old pier.",
        [
            (
                "indirect",
                "refinancing the harbour debt and forcing the port to sell the old pier",
                "Tomas Hale",
                "gerund_clause",
            )
        ],
    ),
    (  # ... while a second finite verb is the speaker's next act
        "Tomas Hale criticized the levy and left the meeting.",
        [("indirect", "the levy", "Tomas Hale", "object_cue")],
    ),
    (  # 'for years' says how long, not what the object was criticised for
        "Mayor Ana Berg criticized the ferry company for years.",
        [("indirect", "the ferry company", "Ana Berg", "object_cue")],
    ),
    (  # a cue noun's owner after 'from' or 'by' ...
        "The vote went ahead despite warnings from Ana Berg that the pier was unsafe.",
        [("indirect", "that the pier was unsafe", "Ana Berg", "cue_noun")],
    ),
    (  # ... or the subject of a verb that voices it
        "Tomas Hale made the argument that the levy was unfair.",
        [("indirect", "that the levy was unfair", "Tomas Hale", "cue_noun")],
    ),
    (  # a fear is attributed like a claim
        "Ana Berg voiced her fear that the ferry would stop in winter.",
        [("indirect", "that the ferry would stop in winter", "Ana Berg", "cue_noun")],
    ),
    # answering a charge is not making it
    ("Tomas Hale answered the charge that he had hidden the accounts.", []),
    (  # a cue verb tagged as a plural noun ('plans') still governs its subject's infinitive
        "The Berg campaign plans to employ the mayor as much as possible in the coming weeks.",
        [
            (
                "indirect",
                "to employ the mayor as much as possible in the coming weeks",
                "Berg’s campaign",
                "intent_clause",
            )
        ],
    ),
    (  # an adjective of intention with an infinitive, like 'plans to'
        "Tomas Hale is determined to close the old pier before winter.",
        [("indirect", "to close the old pier before winter", "Tomas Hale", "intent_adjective")],
    ),
    # ... but a thing is ready or eager for nothing
    ("The new pier is eager to open.", []),
    (  # an adjective of opinion: what it is about is the holder's view
        "Tomas Hale has been critical of Berg since the spring.",
        [("indirect", "Berg", "Tomas Hale", "opinion_adjective")],
    ),
    (
        "Ana Berg was worried about the old pier.",
        [("indirect", "the old pier", "Ana Berg", "opinion_adjective")],
    ),
    # ... but only a person's or a body's
    ("The old pier was critical of nothing.", []),
    (  # an owned noun of saying or opinion and what it is about
        "Ana Berg's criticism of the ferry company surprised the board.",
        [("indirect", "the ferry company", "Ana Berg", "noun_topic")],
    ),
    (  # ... voiced by the subject of a light verb
        "Tomas Hale expressed deep misgivings about the new levy.",
        [("indirect", "the new levy", "Tomas Hale", "noun_topic")],
    ),
    (
        "Tomas Hale made the case for a smaller levy.",
        [("indirect", "a smaller levy", "Tomas Hale", "noun_topic")],
    ),
    # no owner, or a date after the noun: no statement
    ("The criticism of the levy grew over the summer.", []),
    ("Ana Berg's remarks on Saturday angered the crews.", []),
    (  # what someone made clear is what they said
        "In an interview, Tomas Hale made it clear he had major misgivings about the levy.",
        [
            (
                "indirect",
                "he had major misgivings about the levy",
                "Tomas Hale",
                "made_clear",
            )
        ],
    ),
    (
        "Ana Berg has made clear that she will not resign.",
        [("indirect", "that she will not resign", "Ana Berg", "made_clear")],
    ),
    # ... but weather makes nothing clear on anyone's behalf
    ("The fog made it clear that the ferry could not sail.", []),
    (  # a wh-clause after a verb that reports its object is what was reported
        "Ana Berg discussed how the new levy would be spent.",
        [("indirect", "how the new levy would be spent", "Ana Berg", "wh_clause")],
    ),
    # ... not after a verb of recording
    ("The film documents how the harbour lost its ferries.", []),
    (  # a named person endorsed: the name alone is what was stood for
        "Berg was endorsed by the Velda Herald on Sunday.",
        [("indirect", "Berg", "Velda Herald", "passive_object")],
    ),
    (  # a reason clause after the reported clause goes on with what was said
        "Tomas Hale said that claim smacked of hypocrisy, because the board had raised the "
        "levy twice.",
        [
            (
                "indirect",
                "that claim smacked of hypocrisy, because the board had raised the levy twice",
                "Tomas Hale",
                "speech_clause",
            )
        ],
    ),
    (  # a passive verb of report with no agent: an unnamed source's view, subject included
        "The harbour vote is expected to pass on Monday.",
        [
            (
                "indirect",
                "The harbour vote is expected to pass on Monday",
                None,
                "unsourced_report",
            )
        ],
    ),
    (
        "Quiros was accused of using the harbour funds for his own flat.",
        [
            (
                "indirect",
                "Quiros was accused of using the harbour funds for his own flat",
                None,
                "unsourced_report",
            )
        ],
    ),
    # ... but a passive of making, and a name given, report nothing
    ("The old pier was built in 1890.", []),
    ("The levy has become known as the Berg tax.", []),
    # ... nor a person's schedule
    ("Mayor Ana Berg is expected to speak to reporters after the meeting.", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), INDIRECT_FORMS, ids=[t[:40] for t, _ in INDIRECT_FORMS]
)
def test_indirect_form(traced, text, expected):
    assert traced(text) == expected
