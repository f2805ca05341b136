"""Build examples/gold.jsonl, the gold annotation of the demo corpus.

Offsets are never counted by hand: each statement below is listed by its
quote string (or the strings of its pieces), and this script finds it in the
document text by unique string search, asserting that it occurs exactly once.
The speaker mention is found the same way, as the occurrence nearest the quote
(or inside a unique context string given with ``mention_in``).

Run from anywhere:

    python examples/make_gold.py          # writes examples/gold.jsonl
    python examples/make_gold.py --check  # exits 1 if gold.jsonl is stale

Conventions (see examples/README.md):

* ``quote`` is the content without the enclosing quotation marks, verbatim,
  including punctuation inside the marks; indirect quotes are the reported
  clause without "that" and without the sentence's final full stop.
* A quote interrupted by its cue (``"A," she said, "B."``) is one statement
  whose ``quote`` is the first piece; ``fragments`` lists every piece.
* A multi-paragraph block quote or answer is one statement whose ``quote``
  runs from the first paragraph's text to the end of the last one's;
  ``fragments`` lists the paragraphs.
* The HTML page has ``"text": null`` and quotes without offsets: its text is
  what the HTML reader extracts, which this gold does not fix.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
GOLD = HERE / "gold.jsonl"

#: Speakers that are not people. Everything else is a person listed in registry.csv.
NON_PERSONS = {
    "Vessian Foreign Ministry": "organisation",
    "Arkhavian Foreign Ministry": "organisation",
    "Granite Palace": "organisation",
    "Vessian Presidential Office": "organisation",
    "Vessian Statistics Office": "organisation",
    "Velda Chamber of Commerce": "organisation",
    "Kessen Mayor's Office": "organisation",
    "Le Courrier de Velda": "outlet",
    "Nordpost": "outlet",
    "Meridian Review": "outlet",
    "Vessian Transport Ministry": "organisation",
    "Kessen Courier": "outlet",
}


@dataclass
class S:
    """One statement as a perfect extractor would report it."""

    quote: str | tuple[str, ...]  # the quote, or its pieces in order
    speaker: str | None  # canonical name; None when the text does not name one
    mention: str | None  # surface form nearest the quote
    kind: str
    cue: str | None = None
    role: str | None = None
    date: str | None = "doc"  # "doc": the document's date
    source: str | None = None
    headline: str | None = None
    source_missing: bool = False
    span: str | None = None  # for pieces: "first" (interrupted quote) or "whole" (paragraphs)
    mention_in: str | None = None  # a unique context string holding the mention


@dataclass
class Doc:
    file: str
    published: str | None
    outlet: str | None
    statements: list[S] = field(default_factory=list)


# Section titles of the reactions roundup, used as the statements' headlines.
H_PASHUTIN = "Pashutin On X: ‘Velda Has Remembered Its Geography’"
H_VERESOV = "Senator Veresov: ‘The Repair Of Relations Has Begun, Slowly’"
H_GREBNEV = "Analyst Grebnev: A Reception At The Palace Is A Signal"
H_ZHELEZOVA = "Zhelezova: ‘They Asked About Everything Except The Border’"
H_RASKOV = "Granite Palace: Patience Is Required"
H_LAGUNOV = "Opposition Deputy Lagunov: ‘A Surrender With Good Manners’"

OSTRIKOV = "Sergey Ostrikov"
HALLEN = "Margit Hallen"
BRANDT = "Lukas Brandt"
ZHELEZOVA = "Irina Zhelezova"
DUNMORE = "Carla Dunmore"
RASKOV = "Dmitry Raskov"
SOLLEN = "Ingrid Sollen"
ARK_MFA = "Arkhavian Foreign Ministry"
VES_MFA = "Vessian Foreign Ministry"

DOCS = [
    Doc(
        "01-wire-ostrikov-velda.txt",
        "2026-05-12",
        "Northwire",
        [
            S(
                (
                    "We did not come here to pretend that our differences have disappeared,",
                    "We came to find out which of them we can live with.",
                ),
                OSTRIKOV,
                "Ostrikov",
                "direct",
                "told",
                "Foreign Minister",
            ),
            S(
                "the two sides had agreed to reopen the Kessen border crossing to freight traffic "
                "by the end of the summer and to set up a joint commission on fishing rights in "
                "the Strait of Orm",
                HALLEN,
                "Hallen",
                "indirect",
                "said",
                "Foreign Minister",
            ),
            S(
                "Nobody in this building is naive about Dorograd, but a closed border has cost "
                "our farmers more than any speech ever did,",
                HALLEN,
                "she",
                "direct",
                "said",
                "Foreign Minister",
            ),
            S(
                "That case is before our courts, and I will not comment on a case the courts "
                "have not finished.",
                OSTRIKOV,
                "Ostrikov",
                "direct",
                "said",
                "Foreign Minister",
            ),
            S(
                'Dorograd was nevertheless ready to discuss "humanitarian arrangements" for the '
                "crews once the proceedings were over",
                OSTRIKOV,
                "He",
                "mixed",
                "said",
                "Foreign Minister",
            ),
            S(
                "the crews could be home before the end of June",
                None,
                "a senior Vessian diplomat",
                "indirect",
                "according to",
            ),
            S(
                "the fishing commission would hold its first session in June and would meet "
                "alternately in Velda and Dorograd",
                "Ruth Kessling",
                "Ruth Kessling",
                "indirect",
                "said",
                "spokeswoman",
            ),
            S(
                "The commission is not a gift to anyone. It is a place where the arguments can "
                "happen without coast guard vessels in the room,",
                "Ruth Kessling",
                "the spokeswoman",
                "direct",
                "added",
                "spokeswoman",
            ),
            S(
                'the meeting had been "an honest first step" and that a second round would take '
                "place in Dorograd in the autumn",
                VES_MFA,
                "the Vessian foreign ministry",
                "mixed",
                "said",
            ),
            S(
                "Vessian exporters had lost about 140 million crowns since the crossing was closed",
                BRANDT,
                "Lukas Brandt",
                "indirect",
                "said",
                "Deputy Trade Minister",
            ),
            S(
                "Every month the border stays shut, another haulage firm in the north goes under,",
                BRANDT,
                "Brandt",
                "direct",
                "said",
                "Deputy Trade Minister",
            ),
            S(
                'he expected "no miracles" from the visit',
                OSTRIKOV,
                "he",
                "mixed",
                "told",
                "Foreign Minister",
                date="2026-05-11",
                source="Arkhavian state television",
                mention_in="landing, he told",
            ),
            S(
                'President Viktor Rall had been briefed on the talks by telephone and "welcomed '
                'the constructive spirit" of the discussions',
                "Granite Palace",
                "the Granite Palace",
                "mixed",
                "said",
            ),
            S(
                "Trade between Vessia and Arkhavia has fallen by more than half since then",
                "Vessian Statistics Office",
                "the Vessian statistics office",
                "indirect",
                "according to",
            ),
        ],
    ),
    Doc(
        "02-reactions-roundup.txt",
        "2026-05-15",
        "Dorograd Media Watch",
        [
            S(
                "the proposal to reopen the crossing to freight had come from the Vessian side",
                OSTRIKOV,
                "Ostrikov",
                "indirect",
                "said",
                "Foreign Minister",
                date="2026-05-12",
            ),
            S(
                "We are ready to move as fast as our partners are. Not faster, and not slower.",
                OSTRIKOV,
                "Ostrikov",
                "direct",
                "added",
                "Foreign Minister",
                date="2026-05-12",
            ),
            S(
                "Velda has finally remembered that it shares a border with Arkhavia, not with an "
                "ideology. Hallen behaved like a minister today and not like a campaigner. "
                "That’s progress.",
                "Oleg Pashutin",
                "Oleg Pashutin",
                "block",
                "tweeted",
                "MP",
                date="2026-05-12",
                source="Dorograd Courier",
                headline=H_PASHUTIN,
            ),
            S(
                "Don’t celebrate yet. Vessia’s parliament is full of people who built whole "
                "careers on ‘standing up to Dorograd,’ and they will try to bury the crossing "
                "deal in committee.",
                "Oleg Pashutin",
                "Pashutin",
                "block",
                "added",
                "MP",
                date="2026-05-12",
                source_missing=True,
                headline=H_PASHUTIN,
                mention_in="post, Pashutin added",
            ),
            S(
                "The visit to Velda shows that the slow repair of Arkhavian-Vessian relations "
                "has actually begun, even if it will take years rather than months.",
                "Anton Veresov",
                "Anton Veresov",
                "direct",
                None,
                "Senator",
                date="2026-05-13",
                source="Arkhavian News Agency",
                headline=H_VERESOV,
            ),
            S(
                "the fact that the two ministers have now visited each other’s capitals within "
                "a year is “a sign that the relationship is being rebuilt on equal terms.”",
                "Anton Veresov",
                "Veresov",
                "mixed",
                "according to",
                "Senator",
                date="2026-05-13",
                source="Arkhavian News Agency",
                headline=H_VERESOV,
                mention_in="According to Veresov",
            ),
            S(
                "no Arkhavian minister had been received by a Vessian president in a decade",
                "Nikolai Grebnev",
                "Nikolai Grebnev",
                "indirect",
                "said",
                "senior fellow",
                date="2026-05-13",
                source="Evening Dorograd",
                headline=H_GREBNEV,
            ),
            S(
                "This is a symbolic moment, and symbols matter in our region more than "
                "communiqués do. The Vessians could have kept him in the ministry building. "
                "They chose the presidential palace.",
                "Nikolai Grebnev",
                "Grebnev",
                "block",
                "said",
                "senior fellow",
                date="2026-05-13",
                source="Evening Dorograd",
                headline=H_GREBNEV,
                mention_in="Grebnev said:",
            ),
            S(
                (
                    "The Vessian journalists at the press conference asked about our elections, "
                    "about an opposition blogger and about the price of gas. Almost nobody asked "
                    "about the crossing, which the ministers spent four hours discussing.",
                    "I do not say this to offend our colleagues. A free press is free to be bored "
                    "by trucks and fish. But the people of the border districts are not bored by "
                    "them; for them this is the whole story.",
                    "We will keep telling it, whether or not it makes the evening news.",
                ),
                ZHELEZOVA,
                "Irina Zhelezova",
                "block",
                "wrote",
                "spokeswoman",
                date="2026-05-13",
                source="Telegram",
                headline=H_ZHELEZOVA,
            ),
            S(
                "Nobody expected one visit to undo six years of mistakes. The President values "
                "the working contacts that have been restored, and he expects the agreements "
                "reached in Velda to be implemented in full.",
                RASKOV,
                "Dmitry Raskov",
                "block",
                "said",
                "Presidential spokesman",
                date="2026-05-14",
                source="ANA",
                headline=H_RASKOV,
            ),
            S(
                "President Rall would consider a visit to Velda “when the results are visible on "
                "the ground.”",
                "Granite Palace",
                "The Granite Palace",
                "mixed",
                "said",
                date="2026-05-14",
                source="ANA",
                headline=H_RASKOV,
            ),
            S(
                "What was agreed in Velda is a surrender with good manners. We open the road for "
                "their trucks, they get a commission on our fishing grounds, and in return we "
                "receive a smile for the cameras.",
                "Fyodor Lagunov",
                "Fyodor Lagunov",
                "block",
                "told",
                "deputy",
                date="2026-05-14",
                source="Radio Meridian",
                headline=H_LAGUNOV,
            ),
        ],
    ),
    Doc(
        "03-press-conference-transcript.txt",
        "2026-05-12",
        "Ministry of Foreign Affairs of Vessia",
        [
            S(
                "Good afternoon. I have just finished long and, I will be honest, not always easy "
                "talks with Minister Ostrikov. We agreed on two things that matter to people on "
                "both sides of the border: the Kessen crossing will reopen to freight by the end "
                "of August, and a joint commission on fishing in the Strait of Orm will meet for "
                "the first time in June.",
                HALLEN,
                "Margit Hallen",
                "qa",
                "Margit Hallen:",
                "Foreign Minister",
            ),
            S(
                "Thank you, Margit. I would add only that we did not avoid the difficult subjects "
                "today. We spoke about the river border, about the fishermen, about the "
                "statements made in both our parliaments. We disagree on a great deal. But we "
                "agreed that disagreement is a reason to meet more often, not less.",
                OSTRIKOV,
                "Sergey Ostrikov",
                "qa",
                "Sergey Ostrikov:",
                "Foreign Minister",
            ),
            S(
                (
                    "I understand why you ask, and I understand that their families are waiting. "
                    "The case is before the courts. When the courts have finished, we are ready "
                    "to look at humanitarian arrangements, and Minister Hallen and I have "
                    "discussed what they could look like.",
                    "I will not give you a date. If I gave you a date today and the court needed "
                    "another week, you would write tomorrow that Arkhavia had broken its word.",
                ),
                OSTRIKOV,
                "Sergey Ostrikov",
                "qa",
                "Sergey Ostrikov:",
                "Foreign Minister",
                span="whole",
            ),
            S(
                "My answer is that a closed road rewards nobody. The farmers in the north did not "
                "close that border, and they have paid for it for six years. The Senate will see "
                "the full text, and I am confident that a majority will support it.",
                HALLEN,
                "Margit Hallen",
                "qa",
                "Margit Hallen:",
                "Foreign Minister",
            ),
            S(
                "It is not for me to announce my President's schedule. I can say that the "
                "contacts we restored today make such a meeting easier to prepare.",
                OSTRIKOV,
                "Sergey Ostrikov",
                "qa",
                "Sergey Ostrikov:",
                "Foreign Minister",
            ),
            S(
                "I agree with my colleague, and I would add that President Marsk will receive "
                "Minister Ostrikov tomorrow morning. Let us take one step at a time.",
                HALLEN,
                "Margit Hallen",
                "qa",
                "Margit Hallen:",
                "Foreign Minister",
            ),
        ],
    ),
    Doc(
        "04-briefing-zhelezova-qa.txt",
        "2026-05-14",
        "Ministry of Foreign Affairs of Arkhavia",
        [
            S(
                "Positively, but soberly. The minister went to Velda to restore a channel that "
                "had been closed for six years, and that channel now works. The practical results "
                "will be measured in trucks crossing at Kessen and in boats that can fish without "
                "being stopped, not in the number of photographs.",
                ZHELEZOVA,
                "Irina Zhelezova",
                "qa",
                "A:",
                "spokeswoman",
            ),
            S(
                "Agreements are made between governments. We expect the Vessian government to do "
                "what it has signed, and we assume that it knows how to persuade its own "
                "parliament. If it does not, that will tell us something too.",
                ZHELEZOVA,
                "Irina Zhelezova",
                "qa",
                "A:",
                "spokeswoman",
            ),
            S(
                "I can only repeat what the minister said in Velda. The case is before the court. "
                "After the court has ruled, humanitarian arrangements are possible. I would ask "
                "our Vessian colleagues not to turn eleven people into a political campaign.",
                ZHELEZOVA,
                "Irina Zhelezova",
                "qa",
                "A:",
                "spokeswoman",
            ),
            S(
                "I have nothing to announce. The Granite Palace has already commented on this, "
                "and I refer you to its statement.",
                ZHELEZOVA,
                "Irina Zhelezova",
                "qa",
                "A:",
                "spokeswoman",
            ),
        ],
    ),
    Doc(
        "05-interview-dunmore.txt",
        "2026-05-16",
        "Velda Herald",
        [
            S(
                "she would not try to block the agreement but would demand written guarantees "
                "for the detained fishermen",
                DUNMORE,
                "she",
                "indirect",
                "said",
                "Senator",
                date="2026-05-15",
                source="Velda Herald",
                mention_in="Friday, she said",
            ),
            S(
                "Because the people it was supposed to help first are still sitting in a jail in "
                "Dorograd. I am glad the road will reopen; I have farmers in my district who have "
                "waited six years for it. But eleven fishermen from Port Hesk are not a footnote, "
                "and I want it in writing, with dates, before the Senate votes.",
                DUNMORE,
                "DUNMORE",
                "qa",
                "DUNMORE:",
                "Senator",
                date="2026-05-15",
                source="Velda Herald",
            ),
            S(
                "Probably. Margit is a good counter of votes. My job isn’t to count votes, it’s to "
                "ask what we get and when we get it.",
                DUNMORE,
                "DUNMORE",
                "qa",
                "DUNMORE:",
                "Senator",
                date="2026-05-15",
                source="Velda Herald",
            ),
            S(
                "A date, a place and a list of names. That’s all. If Dorograd’s courts are as "
                "independent as we’re told, they’ll have no trouble with a timetable.",
                DUNMORE,
                "DUNMORE",
                "qa",
                "DUNMORE:",
                "Senator",
                date="2026-05-15",
                source="Velda Herald",
            ),
            S(
                "I’ve sat across a table from him twice. He is clever, he is polite, and he never "
                "says a word more than he means to. I don’t have to trust him. I have to read what "
                "he signs.",
                DUNMORE,
                "DUNMORE",
                "qa",
                "DUNMORE:",
                "Senator",
                date="2026-05-15",
                source="Velda Herald",
            ),
        ],
    ),
    Doc(
        "06-oped-thaw.txt",
        "2026-05-18",
        "Velda Herald",
        [
            S(
                "the Velda talks “a landmark”",
                OSTRIKOV,
                "Sergei Ostrikov",
                "mixed",
                "called",
                date=None,
            ),
            S(
                "the agreement was “about trucks, not about trust.”",
                HALLEN,
                "Margit Hallen",
                "mixed",
                "told",
                date="2026-05-14",
            ),
            S(
                "northern exporters lost about 140 million crowns while the crossing was closed",
                BRANDT,
                "Lukas Brandt",
                "indirect",
                "has said",
                "deputy trade minister",
                date=None,
            ),
            S(
                "the real cost is twice that",
                "Velda Chamber of Commerce",
                "the Velda Chamber of Commerce",
                "indirect",
                "says",
            ),
            S(
                "the two ministers spent forty minutes on the fishermen alone",
                None,
                "one official who was in the room",
                "indirect",
                "according to",
                date=None,
            ),
            S(
                "she wants the guarantees “in writing, with dates,”",
                DUNMORE,
                "Carla Dunmore",
                "mixed",
                "has said",
                "Senator",
                date=None,
            ),
            S(
                "patience is required.",
                RASKOV,
                "Dmitry Raskov",
                "direct",
                "said",
                "Presidential spokesman",
                date=None,
            ),
            S(
                "Vessia would “never trade a principle for a tariff.”",
                "Helena Marsk",
                "Helena Marsk",
                "mixed",
                "told",
                "President",
                date=None,
            ),
            S(
                "Arkhavia has “no hidden agenda” in the north",
                OSTRIKOV,
                "Ostrikov",
                "mixed",
                "insists",
            ),
        ],
    ),
    Doc(
        "07-press-review-foreign.txt",
        "2026-05-13",
        "Arkhavian News Agency",
        [
            S(
                "We have opened a door. We have not yet opened a border,",
                HALLEN,
                "she",
                "direct",
                "told",
                source="Le Courrier de Velda",
            ),
            S(
                "the mood in the room had been «cooler than the communiqué suggests»",
                "Le Courrier de Velda",
                "Le Courrier de Velda",
                "mixed",
                "wrote",
                source="Le Courrier de Velda",
            ),
            S(
                "We are neighbours whether anyone likes it or not, and neighbours who stop "
                "talking end up shouting,",
                OSTRIKOV,
                "the minister",
                "direct",
                "told",
                "Foreign Minister",
                source="Nordpost",
            ),
            S(
                "the reopening of the crossing was „overdue by at least three years“",
                "Nordpost",
                "the Nordpost",
                "mixed",
                "wrote",
                source="Nordpost",
            ),
            S(
                "When Velda says 'step by step', what we hear is 'not in our lifetime',",
                "Fyodor Lagunov",
                "Fyodor Lagunov",
                "direct",
                "said",
                "deputy",
                source="Dorograd Times",
            ),
            S(
                "Arkhavia’s foreign ministry was “studying” Vessia’s proposals on river navigation",
                "Meridian Review",
                "The Meridian Review",
                "mixed",
                "reported",
                source="Meridian Review",
            ),
            S(
                "the proposals would be answered “within weeks, not months”",
                None,
                "A ministry official",
                "mixed",
                "told",
                source="Meridian Review",
            ),
            S(
                "the visit had been followed closely in the Arkhavian capital, where officials "
                "had played down expectations",
                "Elin Ravn",
                "Elin Ravn",
                "indirect",
                "said",
                "correspondent",
                source="Vessian Public Television",
            ),
        ],
    ),
    Doc(
        "08-wire-crossing-reopens.txt",
        "2026-09-22",
        "Northwire",
        [
            S(
                "The first lorry crossed at six minutes past six, and the driver didn't even have "
                "to get out of his cab,",
                BRANDT,
                "Lukas Brandt",
                "direct",
                "told",
                "Trade Minister",
            ),
            S(
                "the government expected traffic to reach 400 vehicles a day by the end of the year",
                BRANDT,
                "Brandt",
                "indirect",
                "said",
                "Trade Minister",
            ),
            S(
                "We've waited a long time for this morning. The hauliers who've kept going "
                "through six years of detours deserve the credit, not the politicians,",
                BRANDT,
                "he",
                "direct",
                "said",
                "Trade Minister",
            ),
            S(
                "the joint commission on fishing rights had met three times since June and would "
                "present its first recommendations in November",
                HALLEN,
                "Margit Hallen",
                "indirect",
                "said",
                "Foreign Minister",
            ),
            S(
                "the reopening showed 'what can be done when both sides keep their word'",
                ARK_MFA,
                "the Arkhavian foreign ministry",
                "mixed",
                "said",
            ),
            S(
                "Sergey Ostrikov would visit the crossing next month",
                ZHELEZOVA,
                "Irina Zhelezova",
                "indirect",
                "told",
                "spokeswoman",
                source="Arkhavian News Agency",
            ),
            S(
                "the first forty lorries had been cleared in under three hours",
                None,
                "Customs officers",
                "indirect",
                "said",
            ),
            S(
                "I said I wanted it in writing, with dates. We got the dates. I'll take that,",
                DUNMORE,
                "Carla Dunmore",
                "direct",
                "said",
                "Senator",
            ),
        ],
    ),
    Doc(
        "09-liveblog-marsk-ostrikov.txt",
        "2026-05-13",
        "Vessian Public Television",
        [
            S(
                "the meeting has begun and is expected to last about an hour",
                "Vessian Presidential Office",
                "The Vessian presidential office",
                "indirect",
                "says",
            ),
            S(
                "I told the minister that Vessia wants a normal border, a border where the only "
                "queues are for customs. We are not there yet, but today we are closer than we "
                "have been for six years.",
                "Helena Marsk",
                "Marsk",
                "block",
                "spoken",
                "President",
                mention_in="Marsk has just spoken",
            ),
            S(
                "Good talks. Useful talks. Now the work.",
                OSTRIKOV,
                "Ostrikov",
                "direct",
                "said",
            ),
            S(
                "she will ask her colleagues to attach a timetable for the release of the eleven "
                "fishermen to the crossing agreement",
                DUNMORE,
                "Carla Dunmore",
                "indirect",
                "says",
                "senator",
            ),
            S(
                "the talks in Velda have been 'useful and sober'",
                RASKOV,
                "Dmitry Raskov",
                "mixed",
                "tells",
                "presidential spokesman",
            ),
            S(
                'the customs arrangements for the reopened crossing are "about ninety per cent '
                'agreed"',
                BRANDT,
                "Lukas Brandt",
                "mixed",
                "says",
                "Deputy Trade Minister",
            ),
            S(
                ("The last ten per cent", "concerns veterinary checks"),
                BRANDT,
                "he",
                "indirect",
                "says",
                "Deputy Trade Minister",
            ),
        ],
    ),
    Doc(
        "10-senate-debate.txt",
        "2026-06-18",
        "Northwire",
        [
            S(
                'the crossing would "pay for itself within two years" through customs revenue and '
                "lower transport costs",
                BRANDT,
                "Lukas Brandt",
                "mixed",
                "told",
                "Deputy Trade Minister",
            ),
            S(
                "the agreement was the best that could realistically be achieved",
                "Peter Voss",
                "Peter Voss",
                "indirect",
                "said",
                "Senator",
            ),
            S(
                "I spent four years in Dorograd listening to people explain why nothing could "
                "ever change. This agreement is proof that something can,",
                "Peter Voss",
                "he",
                "direct",
                "said",
                "Senator",
            ),
            S(
                "the government should raise the fishermen's case \"in every meeting, at every "
                'level" until the crews were home',
                "Peter Voss",
                "The former ambassador",
                "mixed",
                "added",
                "Senator",
            ),
            S(
                "I am voting for the road, not for the people who closed it,",
                DUNMORE,
                "the senator",
                "direct",
                "said",
                "chair of the foreign relations committee",
            ),
            S(
                'the agreement "a reward for six years of blackmail"',
                "Rolf Haakon",
                "Rolf Haakon",
                "mixed",
                "called",
                "Senator",
            ),
            S(
                "his party would challenge it in the constitutional court",
                "Rolf Haakon",
                "Rolf Haakon",
                "indirect",
                "said",
                "Senator",
            ),
            S(
                "The Senate has done its part. Now we expect Dorograd to do its part on the "
                "fishermen.",
                HALLEN,
                "She",
                "direct",
                "said",
                "Foreign Minister",
            ),
            S(
                "a court in Dorograd would hear the fishermen's case on June 22",
                ARK_MFA,
                "The Arkhavian foreign ministry",
                "indirect",
                "said",
                date="2026-06-17",
            ),
            S(
                "they expect suspended sentences",
                None,
                "Their lawyers",
                "indirect",
                "have said",
                date=None,
            ),
            S(
                "she would sign it on Friday",
                "Vessian Presidential Office",
                "Her office",
                "indirect",
                "said",
            ),
        ],
    ),
    Doc(
        "11-ministry-statement.txt",
        "2026-05-13",
        "Ministry of Foreign Affairs of Arkhavia",
        [
            S(
                "the talks were held in a businesslike and frank atmosphere and resulted in "
                "concrete agreements on the reopening of the Kessen crossing and on the creation "
                "of a joint fisheries commission",
                ARK_MFA,
                "The Ministry",
                "indirect",
                "notes",
            ),
            S(
                "Arkhavia has never been the side that closed doors. We welcome the fact that our "
                "Vessian partners have come to the same conclusion, and we are ready to work on "
                "the whole agenda, including its difficult parts.",
                OSTRIKOV,
                "Sergey Ostrikov",
                "direct",
                "stated",
                "Foreign Minister",
            ),
            S(
                "attempts by certain Vessian politicians to link the crossing agreement to the "
                "legal proceedings concerning Vessian fishermen are counterproductive and do not "
                "serve the interests of either country",
                ARK_MFA,
                "The Ministry",
                "indirect",
                "point out",
            ),
            S(
                "the first session of the joint fisheries commission will be held in Velda in "
                "June, and that the next round of ministerial talks will take place in Dorograd "
                "in the autumn",
                ARK_MFA,
                "The Ministry",
                "indirect",
                "confirms",
            ),
        ],
    ),
    Doc(
        "12-border-town-feature.txt",
        "2026-05-20",
        "Kessen Gazette",
        [
            S(
                (
                    "People here stopped believing promises a long time ago,",
                    "But this time there is a date on a piece of paper, and a date is something "
                    "you can hold people to.",
                ),
                SOLLEN,
                "Ingrid Sollen",
                "direct",
                "said",
                "mayor",
            ),
            S(
                "the town council would ask the government for money to rebuild the approach "
                "road, which has crumbled from disuse",
                SOLLEN,
                "Sollen",
                "indirect",
                "said",
                "mayor",
            ),
            S(
                "at least 300 jobs in the town depended on the crossing before it closed",
                "Kessen Mayor's Office",
                "the mayor's office",
                "indirect",
                "according to",
            ),
            S(
                (
                    "My father used to say that a border is just a place where you show your "
                    "papers,",
                    "He would not recognise this one.",
                ),
                "Jonas Meer",
                "Meer",
                "direct",
                "said",
            ),
            S(
                (
                    "Two of his five trucks have been sold",
                    "and he does not plan to buy new ones until the crossing is actually open",
                ),
                "Jonas Meer",
                "he",
                "indirect",
                "added",
                mention_in="sold, he added",
            ),
            S(
                'local traders had been "cut off from their customers for no reason that anyone '
                'here understands"',
                "Marat Chelnokov",
                "Marat Chelnokov",
                "mixed",
                "told",
                "mayor",
                source="Evening Dorograd",
            ),
            S(
                'the council was considering a bypass, "if the government in Velda will pay for '
                "it, which it won't\"",
                SOLLEN,
                "Sollen",
                "mixed",
                "said",
                "mayor",
            ),
            S(
                'she hoped the crossing would reopen "before the harvest, not after it"',
                SOLLEN,
                "Sollen",
                "mixed",
                "said",
                "mayor",
            ),
        ],
    ),
    Doc(
        "13-herald-embassy-reception.html",
        "2026-05-13",
        "Velda Herald",
        [
            S(
                "Arkhavia has no hidden agenda in the north. Our agenda is written down, and "
                "Minister Hallen has a copy of it,",
                OSTRIKOV,
                "Ostrikov",
                "direct",
                "told",
                "Foreign Minister",
            ),
            S(
                "his government would send a delegation of customs experts to Velda before the "
                "end of the month to prepare the reopening of the Kessen crossing",
                OSTRIKOV,
                "The minister",
                "indirect",
                "said",
                "Foreign Minister",
            ),
            S(
                "she hoped it would be “the first of many evenings like this one”",
                HALLEN,
                "Margit Hallen",
                "mixed",
                "said",
                "Foreign Minister",
            ),
            S(
                "the embassy would reopen its consular office in Kessen, which has been closed "
                "since 2020",
                "Pavel Dronov",
                "Pavel Dronov",
                "indirect",
                "told",
                "ambassador",
                source="Velda Herald",
            ),
            S(
                "Families on both sides of the river have been waiting for this,",
                "Pavel Dronov",
                "he",
                "direct",
                "said",
                "ambassador",
            ),
            S(
                "she would judge the visit by whether the eleven detained fishermen were home by "
                "the summer",
                DUNMORE,
                "Carla Dunmore",
                "indirect",
                "said",
                "Senator",
            ),
        ],
    ),
    Doc(
        "14-ferry-strike-dispatch.txt",
        "2026-05-22",
        "Harbour desk",
        [
            S(
                "We will stay out until the fares are frozen. Nobody goes back on board before "
                "that.",
                "Dara Novak",
                "Dara Novak",
                "direct",
                "told",
                "chair of the Vessian Seafarers' Union",
                date="2026-05-21",
                source="Tallstad Courier",
                headline="Union Leader Novak: 'We Will Stay Out Until The Fares Are Frozen'",
            ),
            S(
                "the crews had waited two years for a new contract",
                "Dara Novak",
                "Novak",
                "indirect",
                "said",
                date="2026-05-21",
                source="Tallstad Courier",
                mention_in="Novak said the crews",
            ),
            S(
                "the government would not freeze fares",
                "Eva Lind",
                "She",
                "indirect",
                "told",
                "Transport Minister",
                date="2026-05-22",
                source="Vessian Broadcasting",
            ),
            S(
                (
                    "The ferries will run again by Monday,",
                    "The ministry has a plan for every island.",
                ),
                "Eva Lind",
                "Lind",
                "direct",
                "said",
                "Transport Minister",
                date="2026-05-22",
                source="Vessian Broadcasting",
                headline="Transport Minister Lind: The Ferries Will Run Again By Monday",
            ),
            S(
                "he was disappointed by the meeting",
                "Piet Ostrander",
                "Ostrander",
                "indirect",
                "said",
                date="2026-05-22",
                source="Vessian Broadcasting",
                mention_in="Ostrander said he",
            ),
            S(
                ("The talks", "would continue next week"),
                "Piet Ostrander",
                "he",
                "indirect",
                "said",
                date="2026-05-22",
                source="Vessian Broadcasting",
                mention_in="talks, he said",
            ),
            S(
                "extra buses would serve the coast road",
                "Vessian Transport Ministry",
                "The ministry",
                "indirect",
                "said",
                date="2026-05-22",
                source="Vessian Broadcasting",
                mention_in="The ministry said in a statement",
            ),
            S(
                "Our ships stand ready to help the islanders if Velda asks.",
                "Oleg Varin",
                "Oleg Varin",
                "direct",
                "posted",
                "ambassador",
                date="2026-05-22",
                mention_in="- Oleg Varin (@VarinOleg)",
            ),
        ],
    ),
    Doc(
        "15-council-pipeline-vote.txt",
        "2026-06-03",
        "Coast Herald",
        [
            S(
                'the vote was "the hardest decision this council has taken in ten years"',
                "Maren Solheim-Dahl",
                "Maren Solheim-Dahl",
                "mixed",
                "said",
                "Councillor",
            ),
            S(
                "his company would pay for a new breakwater",
                "Auden Vik",
                "Auden Vik",
                "indirect",
                "told",
                "spokesman",
            ),
            S(
                (
                    "We are not asking Tallstad to choose between jobs and the harbour,",
                    "We are offering both.",
                ),
                "Auden Vik",
                "Vik",
                "direct",
                "said",
                "spokesman",
                mention_in="Mr. Vik said",
            ),
            S(
                (
                    "I have heard about this breakwater since 2019,",
                    "I will believe in it when I can stand on it.",
                ),
                "Maren Solheim-Dahl",
                "she",
                "direct",
                "said",
                "Councillor",
                mention_in='2019," she said',
            ),
            S(
                "the first stones would be laid before the autumn storms",
                "Auden Vik",
                "He",
                "indirect",
                "replied",
                "spokesman",
                mention_in="He replied",
            ),
            S(
                ("The pipeline", "would be buried two metres under the seabed"),
                "Auden Vik",
                "he",
                "indirect",
                "said",
                "spokesman",
                mention_in="pipeline, he said",
            ),
            S(
                "The quay would be closed to the ferries for at least four months while the "
                "Tessmark Energy pipeline is laid",
                "Hedda Strand",
                "she",
                "indirect",
                "said",
                "harbour master",
                mention_in="laid, she said",
            ),
            S(
                "the fishermen had not been asked at all",
                "Nils Strand",
                "Nils Strand",
                "indirect",
                "said",
                "trawler skipper",
                mention_in="Nils Strand, a trawler",
            ),
            S(
                "They asked the company, they asked the ferry line, they never asked us,",
                "Nils Strand",
                "Nils Strand",
                "direct",
                "said",
                "trawler skipper",
                mention_in="Nils Strand said",
            ),
            S(
                "the crews would not work from a building site",
                "Dara Novak",
                "Dara Novak",
                "indirect",
                "said",
                "chair of the Vessian Seafarers' Union",
            ),
            S(
                "If the ferries move to the fish quay, the fish quay needs lights, a ramp and a "
                "waiting room,",
                "Dara Novak",
                "the union chair",
                "direct",
                "added",
                "chair of the Vessian Seafarers' Union",
            ),
        ],
    ),
    Doc(
        "16-harbour-hearing-feature.txt",
        "2026-06-08",
        "Coast Herald",
        [
            S(
                'she hopes to freeze the fares for another year, but she knows that "the '
                'islanders will judge us by the winter timetable, not by a press release."',
                "Eva Lind",
                "Eva Lind",
                "mixed",
                "says",
                "Transport Minister",
            ),
            S(
                "Not going to go into that tonight.",
                "Eva Lind",
                "Lind",
                "direct",
                "said",
                "Transport Minister",
                mention_in='Lind said, "Not',
            ),
            S(
                "Every boat on time, or nobody gets paid.",
                "Tomas Hale",
                "Tomas Hale",
                "direct",
                "is rolling out",
                "harbour director",
            ),
            S(
                'there remains a "big gap between what the ferries cost and what the islanders '
                'pay," when it comes to the night crossings to Orm',
                "Tomas Hale",
                "Hale",
                "mixed",
                "said",
                "harbour director",
                mention_in="Hale said there",
            ),
            S(
                'to a "leaking hull" in a speech about the port\'s debts',
                "Tomas Hale",
                "He",
                "mixed",
                "likened",
                "harbour director",
                mention_in="He likened",
            ),
            S(
                "the company had lost money on every winter crossing since 2023",
                "Tomas Hale",
                "he",
                "indirect",
                "told",
                "harbour director",
                mention_in="he told the hearing",
            ),
            S(
                'what it called "the quietest fare rise in the history of the strait."',
                "Kessen Courier",
                "it",
                "mixed",
                "called",
                mention_in="what it called",
            ),
            S(
                "the paper had asked for the new fare tables three times",
                "Hanna Berglund",
                "Hanna Berglund",
                "indirect",
                "said",
                "editor",
            ),
            S(
                "Will the night crews be cut?",
                "Dara Novak",
                "Novak",
                "direct",
                "asked",
                "chair of the Vessian Seafarers' Union",
                mention_in="Novak asked",
            ),
            S(
                "No!",
                "Eva Lind",
                "Lind",
                "direct",
                "answered",
                "Transport Minister",
                mention_in="answered Lind",
            ),
            S(
                "And the pay?",
                "Dara Novak",
                "Novak",
                "direct",
                None,
                "chair of the Vessian Seafarers' Union",
                mention_in="Novak asked",
            ),
            S(
                "Ask the company.",
                "Eva Lind",
                "Lind",
                "direct",
                None,
                "Transport Minister",
                mention_in="answered Lind",
            ),
            S(
                "Fares down, boats out!",
                None,
                "a few dozen islanders",
                "direct",
                "chanted",
            ),
        ],
    ),
    Doc(
        "17-orm-quay-visit.txt",
        "2026-06-12",
        "Coast Herald",
        [
            S(  # the one who interviewed the minister is not the minister answering
                "We will cut the fares before the winter,",
                "Jonas Ekvall",
                "the minister",
                "direct",
                "said",
                "Finance Minister",
                mention_in="the minister said",
            ),
            S(  # the aside before the quote reports nothing
                "That is a question for the port company,",
                "Jonas Ekvall",
                "Ekvall",
                "direct",
                "said",
                "Finance Minister",
                mention_in='," Ekvall said',
            ),
            S(  # the verb before the colon takes the quote; 'she said' the next one
                "The islanders have waited six years for this,",
                "Sofia Marek",
                "Marek",
                "direct",
                "scolded",
                "Senator",
                mention_in="Marek scolded",
            ),
            S(
                "They will not wait a seventh.",
                "Sofia Marek",
                "she",
                "direct",
                "said",
                "Senator",
                mention_in="she said",
            ),
            S(  # a claim and an exhortation of one speaker: two statements
                "the fares would fall by a fifth",
                "Jonas Ekvall",
                "Ekvall",
                "indirect",
                "said",
                "Finance Minister",
                mention_in="Ekvall said the fares",
            ),
            S(
                'the port company to "stop hiding its accounts" before the hearing',
                "Jonas Ekvall",
                "Ekvall",
                "mixed",
                "urged",
                "Finance Minister",
                mention_in="Ekvall said the fares",
            ),
            S(
                "the old pier was unsafe",
                "Sofia Marek",
                "Marek",
                "indirect",
                "said",
                "Senator",
                mention_in="Marek said the old pier",
            ),
            S(
                "families to keep their children away from it",
                "Sofia Marek",
                "Marek",
                "indirect",
                "warned",
                "Senator",
                mention_in="Marek said the old pier",
            ),
            S(  # the phrase a person used is what they said
                "forgotten islands",
                "Sofia Marek",
                "Marek",
                "direct",
                "used",
                "Senator",
                mention_in="Marek has used",
            ),
            S(  # the cue past a long subject after the quote
                ("This is a good day for Orm!", "The whole island is watching."),
                "Ida Varen",
                "Ida Varen",
                "direct",
                "shouted",
                "councillor for Orm North",
            ),
        ],
    ),
]

POSTS = "posts.jsonl"


def _find_unique(text: str, needle: str, what: str) -> int:
    n = text.count(needle)
    if n != 1:
        raise ValueError(f"{what}: {needle[:60]!r} occurs {n} times, expected once")
    return text.index(needle)


def _pieces(text: str, st: S, doc: str) -> tuple[int, int, list[list[int]] | None]:
    """quote_start, quote_end and fragments of a statement."""
    if isinstance(st.quote, str):
        start = _find_unique(text, st.quote, doc)
        return start, start + len(st.quote), None
    frags = []
    for piece in st.quote:
        start = _find_unique(text, piece, doc)
        frags.append([start, start + len(piece)])
    if any(a[1] > b[0] for a, b in itertools.pairwise(frags)):
        raise ValueError(f"{doc}: pieces out of order in {st.quote[0][:40]!r}")
    span = st.span or ("whole" if st.kind in ("block", "qa") else "first")
    if span == "whole":
        return frags[0][0], frags[-1][1], frags
    return frags[0][0], frags[0][1], frags


def _mention(text: str, st: S, pieces: list[list[int]], doc: str) -> tuple[int, int]:
    """Offsets of the speaker mention: inside mention_in, else the nearest outside the quote."""
    m = st.mention
    assert m is not None
    if st.mention_in is not None:
        ctx = _find_unique(text, st.mention_in, doc)
        i = st.mention_in.index(m)
        return ctx + i, ctx + i + len(m)
    left = r"\b" if re.match(r"\w", m) else ""
    right = r"\b" if re.search(r"\w$", m) else ""
    best = None
    lo, hi = pieces[0][0], pieces[-1][1]
    for hit in re.finditer(left + re.escape(m) + right, text):
        s, e = hit.span()
        if any(s < b and a < e for a, b in pieces):
            continue  # inside the quote itself
        dist = lo - e if e <= lo else (s - hi if s >= hi else 0)
        if best is None or dist < best[0]:
            best = (dist, s, e)
    if best is None:
        raise ValueError(f"{doc}: mention {m!r} not found outside its quote")
    return best[1], best[2]


def _statement(text: str | None, st: S, doc: Doc) -> dict:
    if st.kind not in ("direct", "indirect", "mixed", "block", "qa", "post"):
        raise ValueError(f"{doc.file}: bad kind {st.kind!r}")
    quote = st.quote if isinstance(st.quote, str) else None
    start = end = frags = s_start = s_end = None
    if text is not None:
        start, end, frags = _pieces(text, st, doc.file)
        quote = text[start:end]
        if st.mention is not None:
            s_start, s_end = _mention(text, st, frags or [[start, end]], doc.file)
    elif quote is None:
        raise ValueError(f"{doc.file}: pieces need the document text")
    speaker_type = None
    if st.speaker is not None:
        speaker_type = NON_PERSONS.get(st.speaker, "person")
    return {
        "quote": quote,
        "quote_start": start,
        "quote_end": end,
        "fragments": frags,
        "speaker": st.speaker,
        "speaker_type": speaker_type,
        "speaker_mention": st.mention,
        "speaker_start": s_start,
        "speaker_end": s_end,
        "kind": st.kind,
        "cue": st.cue,
        "role": st.role,
        "date": doc.published if st.date == "doc" else st.date,
        "source": st.source,
        "source_missing": st.source_missing,
        "headline": st.headline,
    }


def build() -> list[dict]:
    """Every gold record, in file order (posts last, one record per post)."""
    records = []
    for doc in DOCS:
        path = CORPUS / doc.file
        text = None if doc.file.endswith(".html") else path.read_text(encoding="utf-8")
        records.append(
            {
                "id": f"corpus/{doc.file}",
                "text": text,
                "published": doc.published,
                "outlet": doc.outlet,
                "quotes": [_statement(text, st, doc) for st in doc.statements],
            }
        )
    lines = (CORPUS / POSTS).read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, start=1):
        post = json.loads(line)
        text = post["text"]
        day = post["date"][:10]
        records.append(
            {
                "id": f"corpus/{POSTS}#{n}",
                "text": text,
                "published": day,
                "outlet": post["platform"],
                "quotes": [
                    {
                        "quote": text,
                        "quote_start": 0,
                        "quote_end": len(text),
                        "fragments": None,
                        "speaker": post["author"],
                        "speaker_type": NON_PERSONS.get(post["author"], "person"),
                        "speaker_mention": None,
                        "speaker_start": None,
                        "speaker_end": None,
                        "kind": "post",
                        "cue": None,
                        "role": None,
                        "date": day,
                        "source": post["platform"],
                        "source_missing": False,
                        "headline": None,
                    }
                ],
            }
        )
    return records


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str]) -> int:
    out = render(build())
    if "--check" in argv:
        if not GOLD.exists() or GOLD.read_text(encoding="utf-8") != out:
            print(f"{GOLD} is stale: run python examples/make_gold.py", file=sys.stderr)
            return 1
        return 0
    GOLD.write_text(out, encoding="utf-8", newline="\n")
    n = sum(len(r["quotes"]) for r in json.loads("[" + ",".join(out.splitlines()) + "]"))
    print(f"wrote {GOLD} ({out.count(chr(10))} documents, {n} statements)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
