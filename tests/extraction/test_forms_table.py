"""The table of forms: one invented sentence per statement form, the statements it must give.

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])``; the rule
is the name of the unit that must find it (``quote_rules.RULES``, the cue-clause
rules of ``indirect`` and the block rules). A new form is one more row.
"""

from __future__ import annotations

import pytest

from saidwhat.extraction.quote_rules import RULES

FORMS = [
    (
        "“We will not sign this treaty,” Senator John Carver said.",
        [("direct", "We will not sign this treaty,", "John Carver", "cue_complement")],
    ),
    (
        "Minister Anna Petrova told reporters: “The border stays open.”",
        [("direct", "The border stays open.", "Anna Petrova", "cue_complement")],
    ),
    (
        "“We came to talk,” Petrova said, “and we will keep talking.”",
        [("direct", "We came to talk, and we will keep talking.", "Petrova", "cue_complement")],
    ),
    (
        "“We are ready,” said Ilse Varga, who runs the port. “The cranes are old and slow.”",
        [("direct", "We are ready, The cranes are old and slow.", "Ilse Varga", "cue_complement")],
    ),
    (
        "“Nobody reads the small print,” ― Dara Lund",
        [("direct", "Nobody reads the small print,", "Dara Lund", "epigraph_dash")],
    ),
    (
        "Councillor Eva Lind said:\n\n“The bridge will open in May and the ferries will stop.”",
        [
            (
                "block",
                "The bridge will open in May and the ferries will stop.",
                "Eva Lind",
                "said_colon_paragraph",
            )
        ],
    ),
    (
        "Harbour Master Ilse Varga said the ferries run.\n\n"
        "“They will run until the ice comes back to the whole bay,” she added.",
        [
            ("indirect", "the ferries run", "Ilse Varga", "speech_clause"),
            (
                "direct",
                "They will run until the ice comes back to the whole bay,",
                "Ilse Varga",
                "cue_complement",
            ),
        ],
    ),
    (
        "Governor Tom Alder said that the new budget would cut school funding.",
        [
            (
                "indirect",
                "that the new budget would cut school funding",
                "Tom Alder",
                "speech_clause",
            )
        ],
    ),
    (
        "Mayor Tomas Wendt plans to close the old ferry pier.",
        [("indirect", "to close the old ferry pier", "Tomas Wendt", "intent_clause")],
    ),
    (
        "Senator Mira Castell called for new talks on the levy.",
        [("indirect", "new talks on the levy", "Mira Castell", "prep_object")],
    ),
    # a belief inside what Lund says is part of her report: the quote after it is hers
    (
        "Lund said the board was considering a new pier, “if the port pays for it, which it won’t.”",
        [
            (
                "mixed",
                "the board was considering a new pier, “if the port pays for it, which it won’t.",
                "Lund",
                "cue_before",
            )
        ],
    ),
    (  # ... also where the parser hangs the quote on the belief itself
        "Lund said the board was considering a new pier, “if the government in Velda will"
        " pay for it, which it won’t.”",
        [
            (
                "mixed",
                "the board was considering a new pier, “if the government in Velda will pay for"
                " it, which it won’t.",
                "Lund",
                "cue_before",
            )
        ],
    ),
    (
        "Oskar Brandt is “tired of waiting,” Lund said.",
        [("mixed", "Oskar Brandt is “tired of waiting,", "Lund", "speech_clause")],
    ),
    (
        "Dara Lund, the union chair: “We will strike on Monday.”",
        [("direct", "We will strike on Monday.", "Dara Lund", "name_role_line")],
    ),
    (
        "MAYOR: Will the bridge open?\n\nLIND: It will open in May.\n\n"
        "MAYOR: And the ferries?\n\nLIND: They stop.",
        [
            ("qa", "It will open in May.", "Lind", "transcript_turn"),
            ("qa", "They stop.", "Lind", "transcript_turn"),
        ],
    ),
    (
        "“The ice is thin this year and the bay is not safe for the old boats at all.”\n\n"
        "The port closed.",
        [
            (
                "direct",
                "The ice is thin this year and the bay is not safe for the old boats at all.",
                None,
                "unattributed_opening",
            )
        ],
    ),
    (
        "Berg has been attacking Lund as a “reckless gambler” for weeks.",
        [("mixed", "Lund as a “reckless gambler” for weeks", "Berg", "object_cue")],
    ),
    (
        "Dara Novak, the union chair, warned: “The port will close.”\n\n"
        "Ana Novak, the ambassador, told reporters: “The embassy stays open.”",
        [
            ("direct", "The port will close.", "Dara Novak", "name_role_line"),
            ("direct", "The embassy stays open.", "Ana Novak", "cue_complement"),
        ],
    ),
    (
        "A statement from the Harbour Authority said the port would stay open.",
        [("indirect", "the port would stay open", "Harbour Authority", "speech_clause")],
    ),
    (
        "The ambassador posted on X:\n\n“Our ships stand ready to help the islanders.”\n\n"
        "— Oleg Varin (@VarinOleg) May 22, 2026",
        [("direct", "Our ships stand ready to help the islanders.", "Oleg Varin", "embedded_post")],
    ),
    (
        "Piet Ostrander met the minister. The talks, he said, would continue next week.",
        [
            (
                "indirect",
                "The talks would continue next week",
                "Piet Ostrander",
                "mid_sentence_clause",
            )
        ],
    ),
    (
        "The new ferry, Mr. Halvorsen said, would carry twice as many cars.",
        [
            (
                "indirect",
                "The new ferry would carry twice as many cars",
                "Halvorsen",
                "mid_sentence_clause",
            )
        ],
    ),
    (
        "The budget, Minister Ana Berg said in a statement, would be cut by a tenth.",
        [("indirect", "The budget would be cut by a tenth", "Ana Berg", "mid_sentence_clause")],
    ),
    ("Apples, pears and plums, the man who said hello, left early.", []),
    # a phrasal 'put on' is no 'put it': the quoted word is the writer's
    ("Ana Berg put on a show of being “strong” like Tomas Hale.", []),
    (
        "Ultimately, Mr. Berg hopes to offset all of the emissions from the plant.",
        [("indirect", "to offset all of the emissions from the plant", "Berg", "intent_clause")],
    ),
    (
        "Last month, Mayor Tomas Wendt warned port officials to boost their security.",
        [
            (
                "indirect",
                "port officials to boost their security",
                "Tomas Wendt",
                "directive_clause",
            )
        ],
    ),
    (
        "Yet Governor Lind's pledge to cut ferry fares angered the board.",
        [("indirect", "to cut ferry fares", "Lind", "intent_noun")],
    ),
    (
        "Mayor Tomas Wendt bristled at the new harbour tax.",
        [("indirect", "the new harbour tax", "Tomas Wendt", "prep_object")],
    ),
    ("Her refusal to sign the tender angered the board.", []),
    ("The mayor's decision to close the pier surprised many.", []),
    ("Marsk has spoken from the palace steps on Monday.", []),
    ("Figures show that the harbour is busier than ever.", []),
    (
        "A poll by the Courier found that most voters back the bridge.",
        [("indirect", "that most voters back the bridge", "Courier", "speech_clause")],
    ),
    (
        "Mayor Holm said after the vote he would not sign the budget.",
        [("indirect", "after the vote he would not sign the budget", "Holm", "speech_clause")],
    ),
    (
        "In Tallstad last week, Governor Lind told a meeting of island leaders that few people "
        "understood the risk.",
        [("indirect", "that few people understood the risk", "Lind", "speech_clause")],
    ),
    (
        "The port paid the fees, which Ana Berg said were far too high.",
        [("indirect", "were far too high", "Ana Berg", "speech_clause")],
    ),
    (
        "Councillor Eva Lind noted the new rule in an interview on Friday.",
        [("indirect", "the new rule in an interview on Friday", "Eva Lind", "object_cue")],
    ),
    (
        "“No!” answered Hale.\n\n“Yes,” said Berg.",
        [("direct", "No!", "Hale", "cue_after"), ("direct", "Yes,", "Berg", "cue_after")],
    ),
    ("We watched “The Long Night” on Friday.", []),
    (
        "The port after the strike\n\n“Nobody goes back on board before the fares are frozen.”\n"
        "— Dara Novak, union chair\n\nThe crews met again on Friday.",
        [
            (
                "direct",
                "Nobody goes back on board before the fares are frozen.",
                "Dara Novak",
                "pull_quote_name",
            )
        ],
    ),
    ("Residents saw him win the vote.", []),
    ("The mayor realizes that the bridge is old.", []),
    (  # a quote closing the sentence still lies in the clause (its '.”' is past the clause)
        "Mara Olsen said she wanted to speak “directly to the farmers” and let them know "
        "that “this is not who we are.”",
        [
            (
                "mixed",
                "she wanted to speak “directly to the farmers” and let them know that "
                "“this is not who we are.",
                "Mara Olsen",
                "speech_clause",
            )
        ],
    ),
    (  # a dateline in capitals is not the speaker: the name after its dash is
        "TALLSTAD -- Mayor Ana Berg, opening the new bridge on Saturday, said it would "
        "carry “trade, hope and a great many trucks.”",
        [
            (
                "mixed",
                "it would carry “trade, hope and a great many trucks.",
                "Ana Berg",
                "speech_clause",
            )
        ],
    ),
    (  # a quote of two sentences after 'According to X,' (not the previous speaker's)
        "Mook said, “We are focused.”\n\nAccording to Hale, “The mayor would close the pier. "
        "It is up to the council now.”",
        [
            ("direct", "We are focused.", "Mook", "cue_complement"),
            (
                "direct",
                "The mayor would close the pier. It is up to the council now.",
                "Hale",
                "according_before",
            ),
        ],
    ),
    (  # a scare quote under a characterising verb; 'as' takes its object along
        "Senator Mira Reid has been pounding Mayor Tom Hale as a “con artist.”",
        [("mixed", "Mayor Tom Hale as a “con artist.", "Mira Reid", "governing_verb")],
    ),
    # a scare quote under a verb of action is no statement
    ("The Courier sent its “national reporter” Tom Lund to the valley.", []),
    ("Ana Berg, the ferry owner, bought an old pier and a “floating pub” last year.", []),
    (  # an exchange of short turns: an unattributed reply is the speaker's before last
        "“Will the pier close?” asked Tomas Hale.\n\n“Not this year,” Ana Berg answered.\n\n"
        "“And next year?”\n\n“Ask the council.”",
        [
            ("direct", "Will the pier close?", "Tomas Hale", "cue_complement"),
            ("direct", "Not this year,", "Ana Berg", "cue_after"),
            ("direct", "And next year?", "Tomas Hale", "dialogue_turn"),
            ("direct", "Ask the council.", "Ana Berg", "dialogue_turn"),
        ],
    ),
    (  # without a question it is one speaker going on, as news quotes run (one statement)
        "“The pier is old,” Tomas Hale said.\n\n“The ferries are late,” Ana Berg said.\n\n"
        "“They were late all winter and nobody told the council.”",
        [
            ("direct", "The pier is old,", "Tomas Hale", "cue_complement"),
            (
                "direct",
                "The ferries are late, They were late all winter and nobody told the council.",
                "Ana Berg",
                "cue_complement",
            ),
        ],
    ),
    (  # an inverted cue opening the sentence: the name after it, not 'Said Lund'
        "The plan would make the harbour rules harder to follow. Said Lund: “Nobody on the "
        "board has read the ferry timetable yet.”",
        [
            (
                "direct",
                "Nobody on the board has read the ferry timetable yet.",
                "Lund",
                "inverted_cue",
            )
        ],
    ),
    (  # a subject named by its apposition; the aside after the dash stays out
        "Another critic, Tomas Hale, likened the rules to “burning the charter” - a charge "
        "that stung.",
        [("mixed", "to “burning the charter", "Tomas Hale", "governing_verb")],
    ),
    (  # a short second piece after the cue is part of the same quote
        "“No,” Peter Hale said blankly. “Not today.”",
        [("direct", "No, Not today.", "Peter Hale", "cue_after")],
    ),
    (  # the conjoined complements of one cue are one statement
        "Mayor Ana Berg claimed that the levy is “a big, big problem in this town” but "
        "“nobody has the guts to talk about it.”",
        [
            (
                "mixed",
                "that the levy is “a big, big problem in this town” but “nobody has the guts "
                "to talk about it.",
                "Ana Berg",
                "speech_clause",
            )
        ],
    ),
    (  # the speaker of a gerund under a preposition: the subject of its verb
        "Dr. Tilde Vale was criticised for saying that pine bark tea was a “miracle cure.”",
        [
            (
                "mixed",
                "that pine bark tea was a “miracle cure.",
                "Tilde Vale",
                "speech_clause",
            )
        ],
    ),
    (  # one speaker's second cue joined by a conjunction: one statement (PolNeAR's extent)
        "Mayor Ana Berg says she hopes to win the vote, but she knows that “the harbour will "
        "always come first.”",
        [
            (
                "mixed",
                "she hopes to win the vote, but she knows that “the harbour will always come first.",
                "Ana Berg",
                "speech_clause",
            )
        ],
    ),
    (
        "Mayor Ana Berg said she wanted to talk “directly to the farmers” and let them know "
        "that “nobody is leaving.”",
        [
            (
                "mixed",
                "she wanted to talk “directly to the farmers” and let them know that “nobody is "
                "leaving.",
                "Ana Berg",
                "speech_clause",
            )
        ],
    ),
    (  # an aside before the reporting clause is not part of a quoted sentence after it
        "Asked to describe the new pier, Mayor Lund said, “Not going to go into that.”",
        [("direct", "Not going to go into that.", "Lund", "cue_complement")],
    ),
    (  # the cue right before ', “': the quote is its complement, wherever the parser put it
        # (the parser hangs the quote on 'made'; the clause before the dash is read as
        # reported by the cue after it, as in 'A, X said')
        "The fees were made public ― Berg boasted, “That makes me smart.”",
        [
            ("indirect", "The fees were made public", "Berg", "speech_clause"),
            ("direct", "That makes me smart.", "Berg", "cue_before_colon"),
        ],
    ),
    (  # a mixed statement runs on to the end of its clause after the last quotation
        'Mayor Lund said there remains a "big gap between the port and the town," when it '
        "comes to how many people work at the docks.",
        [
            (
                "mixed",
                'there remains a "big gap between the port and the town," when it comes to how '
                "many people work at the docks",
                "Lund",
                "speech_clause",
            )
        ],
    ),
    (
        "At a rally, Mayor Hale likened the ferries to a “sinking ship” in a speech about the "
        "port and its debts.",
        [
            (
                "mixed",
                "to a “sinking ship” in a speech about the port and its debts",
                "Hale",
                "governing_verb",
            )
        ],
    ),
    (
        "Ana Berg also noted several “small things” left her tired of the job.",
        [
            (
                "mixed",
                "several “small things” left her tired of the job",
                "Ana Berg",
                "speech_clause",
            )
        ],
    ),
    (
        "The port police, which reported “251 break-ins” in the harbour between January and "
        "May, were silent.",
        [("mixed", "251 break-ins” in the harbour between January and May", None, "cue_before")],
    ),
    (  # a label after 'as' ends at its quotation
        "Lund blasted the mayor as a “disgrace” on Wednesday on Radio North.",
        [("mixed", "the mayor as a “disgrace", "Lund", "object_cue")],
    ),
    (  # a noun naming words, a colon, the quote: the speaker is its verb's subject
        "Mayor Tomas Hale is unveiling a blunter message for the harbour race: “Trust the tide.”",
        [("direct", "Trust the tide.", "Tomas Hale", "words_noun_colon")],
    ),
    (  # verbs that report words only with a quotation
        "On the form, a nurse had typed “acute boredom.”",
        [("direct", "acute boredom.", None, "cue_before")],
    ),
    (  # a gerund under a preposition speaks with the subject of the verb above
        "“Row, row, row your boat,” Ana Berg sings to the mayor before asking her, "
        "“Where do we go from here, mayor?”",
        [
            ("direct", "Row, row, row your boat,", "Ana Berg", "cue_after"),
            ("direct", "Where do we go from here, mayor?", "Ana Berg", "cue_before_colon"),
        ],
    ),
    (  # the opening mark hangs on the verb, the quoted phrase is still its object
        "They turned to the Tallstad Harbour Police which reported “251 break-ins” in the "
        "port between January 1 and May 18.",
        [
            (
                "mixed",
                "251 break-ins” in the port between January 1 and May 18",
                "Tallstad Harbour Police",
                "cue_before",
            )
        ],
    ),
    (  # 'what X calls “Y”': the relative clause naming the quoted words, no further
        "Mayor Ana Berg was in hospital for weeks after what she called a “rant,” a series of "
        "posts on the harbour forum.",
        [("mixed", "what she called a “rant,", "Ana Berg", "object_cue")],
    ),
    (
        "The Tallstad Courier is denouncing what it calls “the biggest smear campaign in the "
        "history of the port.”",
        [
            (
                "mixed",
                "what it calls “the biggest smear campaign in the history of the port.",
                "Tallstad Courier",
                "what_called",
            )
        ],
    ),
    (  # the same cue again with its own subject: two reports, not one
        'Chief Kerr Lund said that the video did not give "definitive evidence of a gun," '
        'but he said that the footage "supports what we\'ve heard" about what happened.',
        [
            (
                "mixed",
                'that the video did not give "definitive evidence of a gun,',
                "Kerr Lund",
                "speech_clause",
            ),
            (
                "mixed",
                'that the footage "supports what we\'ve heard" about what happened',
                "Kerr Lund",
                "speech_clause",
            ),
        ],
    ),
    (  # 'NAME, ROLE, is ...: "..."' is a sentence about the person, not a name-role line;
        # the run-on of a mixed statement stops at the cue's own next clause
        "Tomas Hale, the harbour director, is rolling out a blunt new message for the summer: "
        "“Every boat on time, or nobody gets paid.” He likened the fares to a “leaking hull” "
        "in a speech about the debts, and he told the hearing that the port had lost money.",
        [
            (
                "direct",
                "Every boat on time, or nobody gets paid.",
                "Tomas Hale",
                "words_noun_colon",
            ),
            (
                "mixed",
                "to a “leaking hull” in a speech about the debts",
                "Tomas Hale",
                "governing_verb",
            ),
            ("indirect", "that the port had lost money", "Tomas Hale", "speech_clause"),
        ],
    ),
    (  # a complement with any unquoted word ('that' included) is a mixed statement
        "Mayor Ana Berg said that “the harbour will close in May.”",
        [("mixed", "that “the harbour will close in May.", "Ana Berg", "speech_clause")],
    ),
    (
        "Mayor Ana Berg says voter fraud “is a myth in this town.”",
        [("mixed", "voter fraud “is a myth in this town.", "Ana Berg", "speech_clause")],
    ),
    (  # 'as X put it' next to the quote names its source; after it, the clause is mixed
        "Most applicants must meet work rules, but the main requirement for the visa is a "
        '"lawful source of income," as a ministry memo put it. The rules changed.',
        [
            (
                "mixed",
                'the main requirement for the visa is a "lawful source of income,',
                None,
                "as_put_it",
            )
        ],
    ),
    (
        "It has not kept him from being seen, as the Tallstad Courier put it in a long profile, "
        "“the operator.”",
        [("direct", "the operator.", "Tallstad Courier", "as_put_it")],
    ),
    (  # a second cue of the same subject with a preposition ('and referred to her "B"')
        "Mayor Tom Hale spoke briefly. He did not address his posts in which he called the "
        "harbour master “useless” and referred to her “secret deal.”",
        [
            (
                "mixed",
                "the harbour master “useless” and referred to her “secret deal.",
                "Tom Hale",
                "object_cue",
            )
        ],
    ),
    (  # an aside set off by a comma before a whole quoted sentence is not what is said
        "Finance Minister Tomas Hale visited the port on Monday. When Senator Ana Berg asked "
        "the minister about the fares, “We will cut them,” the minister said.",
        [("direct", "We will cut them,", "Tomas Hale", "aside_then_quote")],
    ),
    (  # a reporting verb before a colon takes the quote; the quote after 'she said' in
        # the next sentence is a statement of its own
        "Senator Mira Castell scolded him: “The study is wrong,” she said. “Nobody can buy "
        "health.”",
        [
            ("direct", "The study is wrong,", "Mira Castell", "cue_before_colon"),
            ("direct", "Nobody can buy health.", "Mira Castell", "continues_previous"),
        ],
    ),
    (  # a verb and its object before the colon ('told reporters:'), the cue after repeated
        "Senator Mira Castell told reporters: “The study is wrong,” she said.",
        [("direct", "The study is wrong,", "Mira Castell", "cue_before_colon")],
    ),
    (  # a quote going on in lower case continues the sentence: one mixed statement
        "If the port closes, “we lose everything,” Mayor Ana Lund said.",
        [("mixed", "If the port closes, “we lose everything,", "Ana Lund", "speech_clause")],
    ),
    (  # a whole quoted sentence ends the statement; the place after it is the report's
        "Dock workers chanted “No more night shifts!” outside the town hall.",
        [("direct", "No more night shifts!", None, "cue_before")],
    ),
    (  # the speaker going on to something else: the next quote is a statement of its own
        "“The voters do not trust the council,” Castell said, going on to compare the harbour "
        "plan with the old one. “So I would tell the young people: read the plan.”",
        [
            ("direct", "The voters do not trust the council,", "Castell", "cue_complement"),
            (
                "direct",
                "So I would tell the young people: read the plan.",
                "Castell",
                "continues_previous",
            ),
        ],
    ),
    (  # an aside after the cue keeps the two pieces one statement
        "“The talks are open,” Castell said, referring to the harbour treaty. “Sadly, the "
        "council chose another path.”",
        [
            (
                "direct",
                "The talks are open, Sadly, the council chose another path.",
                "Castell",
                "cue_complement",
            )
        ],
    ),
    (  # a second reporting verb conjoined in the reported clause is a second statement
        "Mayor Ana Berg said the fares would rise and warned drivers to expect delays.",
        [
            ("indirect", "the fares would rise", "Ana Berg", "speech_clause"),
            ("indirect", "drivers to expect delays", "Ana Berg", "directive_clause"),
        ],
    ),
    (  # the parser hangs the second cue on the reported verb: the clause is cut there
        "Dara Lund said the pier was “a disgrace” and urged the company to publish its accounts.",
        [
            ("mixed", "the pier was “a disgrace", "Dara Lund", "speech_clause"),
            ("indirect", "the company to publish its accounts", "Dara Lund", "conjoined_cue"),
        ],
    ),
    (  # ... but the reported subject's own second verb is not
        "Mayor Ana Berg said the council would meet on Friday and discuss the fares.",
        [
            (
                "indirect",
                "the council would meet on Friday and discuss the fares",
                "Ana Berg",
                "speech_clause",
            )
        ],
    ),
    (  # a claim, then an exhortation of the same speaker: two statements, not one
        "Tomas Hale tweeted that Berg was “a fraud” and urged voters to “read the small "
        "print” before the vote.",
        [
            ("mixed", "that Berg was “a fraud", "Tomas Hale", "speech_clause"),
            (
                "mixed",
                "voters to “read the small print” before the vote",
                "Tomas Hale",
                "directive_clause",
            ),
        ],
    ),
    (  # a nickname in marks is part of a name, and a long subject before the cue is
        # still the reporting clause of the quote before it
        "“This is a big year for the harbour!” Hale's niece, Councillor Marcia “Cia” Lund "
        "(Tallstad North), shouted to the crowd. “The whole town is watching us.”",
        [
            (
                "direct",
                "This is a big year for the harbour! The whole town is watching us.",
                None,
                "cue_after",
            )
        ],
    ),
    (  # the phrase a person used: the quoted words are what they said
        "Tomas Hale has used the phrase “harbour thieves” often in his campaign.",
        [("direct", "harbour thieves", "Tomas Hale", "named_phrase")],
    ),
    ("The term “harbour thieves” appears in the report.", []),  # nobody used it here
    (  # a passive label with 'what' as its subject: the label, said by nobody named
        "Ferry passes lapse after two idle months, in what is being criticized as a "
        '"pay or stay ashore" rule for islanders.',
        [("mixed", 'what is being criticized as a "pay or stay ashore', None, "what_called")],
    ),
    (  # the quote opening the next paragraph goes on with the speaker: one statement
        "“The pier is rotten,” Mayor Ana Berg said.\n\n"
        "“It has to come down before the winter storms.”\n\nThe council meets on Monday.",
        [
            (
                "direct",
                "The pier is rotten, It has to come down before the winter storms.",
                "Ana Berg",
                "cue_complement",
            )
        ],
    ),
    # cues that report an act, a feeling or an experience, not a statement: none
    ("The harbour board called an emergency meeting for Monday.", []),
    (
        "In those towns, many fishermen feel stung after the quota cut exposed deep rifts "
        "over how best to share the catch and the storm season drove a fleet of trawlers "
        "into port.",
        [],
    ),
    ("Mayor Ana Berg will also find it difficult to repeat the trick.", []),
    ("The harbour master personally invited him to visit the lighthouse in May.", []),
    ("In 2001, they attacked the ferry Aurora, killing 17 sailors.", []),
    ("The harbour board's meeting concluded with a vote on the levy.", []),
    # ... while the same verbs with what was said or meant stay statements
    (
        "Mayor Ana Berg has called the new levy a tax on the poor.",
        [("indirect", "the new levy a tax on the poor", "Ana Berg", "object_cue")],
    ),
    (
        "Senator Mira Castell attacked the harbour plan as a waste of money.",
        [("indirect", "the harbour plan as a waste of money", "Mira Castell", "object_cue")],
    ),
    (
        "Mayor Ana Berg said after the vote the levy would rise.",
        [("indirect", "after the vote the levy would rise", "Ana Berg", "speech_clause")],
    ),
    (  # a short quote set off by a comma is an utterance: the nearest cue speaks it
        "The spot concludes with footage of Berg saying during the debate last week, "
        "“That makes me smart,” when Lund blasted her for not paying the levy.",
        [
            ("direct", "That makes me smart,", "Berg", "cue_before"),
            ("indirect", "her for not paying the levy", "Lund", "object_cue"),
        ],
    ),
    (  # a paragraph quoted in straight marks holds a curly quote within it: one quote
        "Harbour master Ilse Varga continued:\n\n"
        '"The ferry question is a local issue, but I am going to read you the question: '
        "“Do you think the pier should close before the winter?” Forty-three, yes; "
        'forty-four, no."',
        [
            (
                "block",
                "The ferry question is a local issue, but I am going to read you the question: "
                "“Do you think the pier should close before the winter?” Forty-three, yes; "
                "forty-four, no.",
                "Ilse Varga",
                "said_colon_paragraph",
            )
        ],
    ),
    (  # a body's 'it' quoting words through a verb of saying or citing
        "The International Monetary Fund cut its forecast on Tuesday. Although the fund "
        "did not single out Berg's plan, it referenced “political tensions” in rich "
        "economies that are generating broader uncertainty.",
        [
            (
                "mixed",
                "political tensions” in rich economies that are generating broader uncertainty",
                "International Monetary Fund",
                "governing_verb",
            )
        ],
    ),
    (  # the charge of 'accused X of Y' is what was said; X is whom it is about
        "Mayor Ana Berg accused Holm of lying about the pier.",
        [("indirect", "lying about the pier", "Ana Berg", "object_cue")],
    ),
    (  # ... and a verb joined in the cue's own form is the speaker's next act
        "Senator Mira Castell accused the board of hiding the accounts and demanded a new audit.",
        [
            ("indirect", "hiding the accounts", "Mira Castell", "object_cue"),
            ("indirect", "a new audit", "Mira Castell", "object_cue"),
        ],
    ),
    (  # ... which the parser may hang inside the content: it ends there, same speaker
        'Berg took to Twitter overnight to accuse Lund\'s campaign of being "duped" by '
        '"a con" and encourage voters to check out what she called Lund\'s "secret tape."',
        [
            ("mixed", 'being "duped" by "a con', "Berg", "object_cue"),
            (
                "mixed",
                "voters to check out what she called Lund's \"secret tape.",
                "Berg",
                "directive_clause",
            ),
        ],
    ),
    (  # a participle ending the sentence after a mid-sentence cue is the speaker's own act
        "“The fund is a scandal” to push up the share price, Mayor Ana Berg said, "
        "referencing the firm's drive to “cut costs” at the port.",
        [
            (
                "mixed",
                "The fund is a scandal” to push up the share price",
                "Ana Berg",
                "speech_clause",
            ),
            ("mixed", "the firm's drive to “cut costs", "Ana Berg", "object_cue"),
        ],
    ),
    (  # ... but not past a paragraph of the writer's own
        "“The pier is rotten,” Mayor Ana Berg said.\n\nThe council meets on Monday.\n\n"
        "“It has to come down before the winter storms.”",
        [
            ("direct", "The pier is rotten,", "Ana Berg", "cue_complement"),
            (
                "direct",
                "It has to come down before the winter storms.",
                None,
                "unattributed_opening",
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[t[:40] for t, _ in FORMS])
def test_form(traced, text, expected):
    assert traced(text) == expected


def test_every_quote_rule_is_named_once_and_in_the_table_or_tested_elsewhere():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    in_table = {row[3] for _, rows in FORMS for row in rows}
    # rules whose forms live in other tests (test_forms.py, test_quotes.py)
    elsewhere = {"title_not_speech"}
    assert set(names) <= in_table | elsewhere


def test_a_role_does_not_swallow_the_cue(extract):
    st = extract("Dara Novak, the union chair, warned: “The port will close.”").statements[0]
    assert (st.role, st.cue) == ("union chair", "warned")


def test_the_authors_i_is_the_author(extractor):
    from saidwhat.model import Document

    text = "I said to the mayor that the plan would fail."
    [st] = extractor.extract(Document(text=text, ref="<col>", author="Mira Castell")).statements
    assert (st.speaker, st.speaker_mention) == ("Mira Castell", "I")


def test_a_live_blog_time_is_neither_role_nor_mention(extract):
    [st] = extract("11:20 Opposition senator Mira Castell said the vote was rigged.").statements
    assert (st.speaker, st.role) == ("Mira Castell", "Opposition senator")
    assert st.speaker_mention == "Opposition senator Mira Castell"
