"""Every word list of the English rules, and the registry of lexicons by language.

The rules read the English lists below (imported by name); :func:`lexicon_for`
returns them grouped as one :class:`Lexicon` per language so a language's words
can be looked up, compared and extended in one place. A new language is a new
:class:`Lexicon` registered with :func:`register` (Russian and Ukrainian keep
their own richer lexicon in :mod:`.slavic`, which plugs in the same way).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .lexicon_names import COUNTRIES, FEMALE_NAMES, MALE_NAMES
from .lexicon_names import FIRST_NAMES as FIRST_NAMES  # re-exported: the speakers read it here

#: Verbs of saying: a clause complement of these is almost always reported speech.
SPEECH_VERBS = frozenset(
    """say tell speak talk add claim warn argue note insist report announce write state
    explain declare stress emphasize emphasise suggest acknowledge admit ask answer
    reply respond recall predict promise pledge vow deny confirm assert maintain contend
    complain concede observe remark comment tweet post testify conclude reveal indicate
    charge allege accuse mention repeat reiterate hint signal caution counter retort
    quip joke boast tout proclaim affirm reaffirm underline underscore highlight assure
    reassure inform brief advise disclose speculate lament acknowledge recount describe
    cite quote continue concur agree insinuate point urge demand recommend propose
    question wonder shout yell chant tweet retweet complain grumble muse posit theorize
    theorise opine contend counter rebut dispute estimate calculate project forecast
    find show suggest""".split()  # noqa: SIM905
)

#: Verbs of belief and intention (PolNeAR counts them as attributions of a source's view).
BELIEF_VERBS = frozenset(
    """believe think feel fear hope expect know worry doubt suspect consider understand
    guess imagine assume reckon acknowledge""".split()  # noqa: SIM905
)

#: Verbs taking an infinitive (``plans to``, ``vowed to``) that PolNeAR attributes.
INTENT_VERBS = frozenset(
    """plan want promise pledge vow urge decline threaten intend seek hope expect
    agree call ask demand aim vote offer like decide""".split()  # noqa: SIM905
)

#: Verbs of perception and result: ``saw him win``, ``realizes``, ``refused``,
#: ``noticed`` report what is the case or what someone did, not what they said.
#: (``find`` and ``show`` stay speech cues: "a poll found that ..." attributes a
#: finding to its source, and dropping them lost recall on PolNeAR.)
NOT_SPEECH_VERBS = frozenset(
    """see realize realise refuse notice watch prove""".split()  # noqa: SIM905
)

#: Nouns that carry content (``his claim that``, ``a statement saying``).
CUE_NOUNS = frozenset(
    """claim statement report assertion suggestion argument warning view belief remark
    remarks comment comments testimony allegation accusation announcement promise pledge
    insistence contention admission denial message tweet post letter memo note conclusion
    acknowledgment acknowledgement charge fear hope concern complaint prediction
    expectation case point evidence proof""".split()  # noqa: SIM905
)

#: Prepositions naming the owner of a cue noun (``warnings from his lawyer that``).
NOUN_OWNER_PREPS = frozenset({"from", "by"})
#: Verbs by which the subject voices a cue noun (``made the argument that``, ``repeated
#: her warning that``): the noun's content is the subject's statement.
VOICING_VERBS = frozenset(
    """make offer repeat reiterate voice raise issue express renew advance put sound provide
    present""".split()  # noqa: SIM905
)

#: Nouns of saying and of opinion whose owner's view is what they are about (``her
#: criticism of the levy``, ``expressed misgivings about Hale``, ``made the case for``).
TOPIC_NOUNS = frozenset(
    """criticism condemnation praise support opposition concern concerns misgivings doubts
    reservations skepticism scepticism disdain contempt admiration adulation comment
    comments remarks remark claim claims case call warning warnings complaint complaints
    attack attacks defense defence""".split()  # noqa: SIM905
)
#: Prepositions after a topic noun that name what it is about.
TOPIC_PREPS = frozenset({"of", "about", "on", "over", "for", "against"})

#: ``made it clear that``, ``made plain``: what was made clear was said.
CLEAR_WORDS = frozenset({"clear", "plain"})

#: Words opening a reported question or a wh-clause (``discussed how the levy works``).
WH_WORDS = frozenset({"how", "why", "whether", "what", "when", "where", "who", "which", "if"})

#: Conjunctions of a reason clause that goes on with what was said (``said the claim was
#: hypocritical, because ...``).
REASON_MARKS = frozenset({"because", "since"})

#: Passive verbs of report and belief that, with no agent, attribute their whole clause
#: to an unnamed source (``is expected to``, ``was accused of``, ``is believed to``).
UNSOURCED_PASSIVES = frozenset(
    """expect believe think consider say report rumor rumour accuse blame allege
    suspect estimate project predict criticize criticise""".split()  # noqa: SIM905
)

#: Adverbs that make their clause hearsay (``Hale reportedly left the board``).
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})

#: Subjects that are documents rather than people: their owner is the speaker.
DOCUMENT_NOUNS = frozenset(
    """statement tweet post letter message release report memo note email e-mail video ad
    clip spot commercial filing complaint lawsuit poll survey study analysis""".split()  # noqa: SIM905
)

#: Verbs by which someone puts a document out (``X issued a statement saying``): X speaks.
ISSUING_VERBS = frozenset(
    """issue release publish send post put tweet write sign email e-mail circulate
    distribute deliver submit file air run""".split()  # noqa: SIM905
)

#: Pronouns a speaker can be mentioned by.
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "they": "p",
    "them": "p",
    "it": "n",
    "who": "?",
    "which": "n",
    "i": "?",
    "we": "p",
    "you": "?",
    "that": "n",
}

HONORIFICS = frozenset(
    """mr mrs ms miss dr prof sir dame madam mme sen senator rep gov gen president minister
    fm pm mp amb ambassador secretary chairman chairwoman spokesman spokeswoman
    spokesperson aide adviser advisor deputy st lt col capt judge justice rev pope king
    queen prince governor mayor congressman congresswoman representative premier
    chancellor councillor councilor councilman councilwoman alderman commissioner
    inspector sheriff captain sergeant detective professor master""".split()  # noqa: SIM905
)
FEMALE_WORDS = frozenset(
    """ms mrs miss madam spokeswoman chairwoman congresswoman businesswoman woman wife
    mother""".split()  # noqa: SIM905
)
MALE_WORDS = frozenset(
    ["mr", "sir", "spokesman", "chairman", "congressman", "businessman", "man", "husband", "father"]
)
OUTLET_WORDS = frozenset(
    """newspaper daily times post journal news tass ria interfax kommersant izvestia
    reuters ap bloomberg cnn bbc fox msnbc nbc abc cbs npr politico axios guardian
    telegraph tribune herald gazette magazine agency radio tv television channel network
    broadcaster outlet paper wire press breitbart huffpost huffington vedomosti rt
    sputnik""".split()  # noqa: SIM905
)
OUTLET_NOUNS = frozenset(
    ["newspaper", "daily", "paper", "outlet", "agency", "magazine", "network", "broadcaster"]
)
#: The title of the person who heads or speaks for each kind of organisation: "the ministry"
#: of "Transport Minister Eva Lind" is the Transport Ministry.
ORG_OF_TITLE = {"ministry": "minister", "embassy": "ambassador", "department": "secretary"}
#: A person's own organisation ("Trump's campaign", "her office"): it speaks, not the person.
GROUP_NOUNS = frozenset({"campaign", "team", "office", "staff"})
#: A person named by their tie to another ("Hale's niece", "her lawyer"): not that other.
RELATIVE_NOUNS = frozenset(
    """wife husband son daughter niece nephew brother sister mother father uncle aunt
    cousin grandson granddaughter grandmother grandfather friend partner lawyer attorney
    doctor""".split()  # noqa: SIM905
)
#: Nouns a definite description of an organisation is made of ("the ministry said").
ORG_NOUNS = frozenset(
    """ministry department embassy office agency council government union company committee
    commission court police army authority party board bank firm""".split()  # noqa: SIM905
)
ROLE_NOUNS = frozenset(
    """minister spokesman spokeswoman spokesperson senator president secretary chairman
    chairwoman chair ambassador aide adviser advisor analyst governor mayor candidate
    nominee official diplomat lawmaker deputy congressman congresswoman director
    commissioner businessman leader premier chancellor prosecutor attorney judge general""".split()  # noqa: SIM905
)
#: Titles that tell people apart ("the senator" is not the minister just mentioned).
TITLES = frozenset(
    """minister senator president secretary ambassador governor mayor spokesman spokeswoman
    spokesperson premier chancellor judge general prosecutor congressman congresswoman""".split()  # noqa: SIM905
)
PLURAL_PRONOUNS = frozenset({"they", "we", "them"})


#: Verbs that report through their object plus a quoted predicate (``called X "Y"``).
LABEL_VERBS = frozenset(
    ["call", "describe", "dub", "label", "term", "brand", "characterize", "characterise"]
)
#: Verb + preposition cues whose object is what was said (``called for new talks``).
PREP_CUES = {
    "call": {"for", "on"},
    "speak": {"about", "of", "against"},
    "talk": {"about", "of"},
    "complain": {"about", "of"},
    "warn": {"of", "about", "against"},
    "worry": {"about"},
    "point": {"to"},
    "argue": {"for", "against"},
    "push": {"for"},
    "advocate": {"for"},
    "campaign": {"for", "against", "on"},
    "rail": {"against"},
    "lash": {"at"},
    "testify": {"about", "on"},
    "comment": {"on"},
    "weigh": {"on"},
    "insist": {"on"},
    "boast": {"about", "of"},
    "brag": {"about"},
    "joke": {"about"},
    "vote": {"for", "against"},
    "express": {"for"},
    "ask": {"about", "for"},
    "write": {"about", "of"},
    "tweet": {"about"},
    "rule": {"against", "on"},
    "agree": {"on", "with"},
    "disagree": {"with", "on"},
    "object": {"to"},
    "hint": {"at"},
    # more verbs of saying and reacting whose prepositional object is the topic
    "caution": {"against", "about"},
    "plead": {"for"},
    "apologize": {"for"},
    "apologise": {"for"},
    "muse": {"about", "on"},
    "wonder": {"about"},
    "inquire": {"about"},
    "respond": {"to"},
    "react": {"to"},
    "refer": {"to"},
    "allude": {"to"},
    "bristle": {"at"},
    "scoff": {"at"},
    "seize": {"on", "upon"},
    "dwell": {"on"},
    "elaborate": {"on"},
    "reflect": {"on"},
    "harp": {"on"},
    "lobby": {"for", "against"},
    "moralize": {"about"},
    "moralise": {"about"},
    "reminisce": {"about"},
    "fret": {"about", "over"},
    "spar": {"over", "about"},
    "quarrel": {"over", "about"},
    "clash": {"over"},
    "decide": {"against"},
}
CUT_AFTER_COMMA = frozenset(
    """which who whom whose although though while whereas according contradicting""".split()  # noqa: SIM905
)
OBJ_PREPS = frozenset({"as", "for", "of", "over"})
#: ``for years``, ``over the weekend``: a preposition's object that says how long, not
#: what a cue's object was criticised or praised for.
DURATION_NOUNS = frozenset(
    """second minute hour day night week weekend month year decade century while time""".split()  # noqa: SIM905
)
#: (r7-extent) Prepositions that, right after a cue's object, still say what the object
#: was (``cited her endorsements from forty pilots``, ``voted against the bill for ...``,
#: ``referred to Hale as ...``), though the parser hangs them on the cue; ``in``, ``at``,
#: ``during``, ``since`` mostly say when or where the speaker spoke, and are left out.
OBJECT_MODIFIER_PREPS = frozenset(
    """from by as for after about including to against over toward towards""".split()  # noqa: SIM905
)
#: Subjects that are not sources (``Do you know where...``, ``anyone wanting to``).
NOT_SOURCES = frozenset({"you", "anyone", "anybody", "everyone", "nobody", "one", "there"})
#: Verbs that characterise what someone said or is (``likened the plan to a "trap"``,
#: ``has been pounding Trump as a "con artist"``): with the cue lemmas, the verbs a
#: scare-quoted phrase may be attributed through (``sent its "national reporter"``,
#: ``bought a "pub"`` are not).
EVALUATION_VERBS = frozenset(
    """liken compare rate refer admire laud pound hail mock ridicule deride lambaste
    denounce decry applaud welcome portray paint cast depict frame bill tag nickname
    hammer lash target exhort implore beg challenge use coin utter""".split()  # noqa: SIM905
)
#: Cues that open a sentence before their speaker ("Said Lund: ..."); never part of a name.
INVERTED_CUES = frozenset({"Said", "Says", "Added", "Adds", "Asked", "Wrote", "Replied"})
#: Verbs that report words only with a quotation (``chanted "What curfew?"``, ``had
#: typed "homicidal ideation"``, ``singing "It's Our Time"``): cues of the quote rules,
#: never of reported clauses.
QUOTE_VERBS = frozenset(
    """sing chant type scrawl text mutter mumble scream holler whisper recite mouth
    shout yell cry scold rebuke chide admonish""".split()  # noqa: SIM905
)

# -- Cue forms that report no statement (read by :mod:`.not_reports`) --------------
#: Verbs that name something only with a predicate (``called him "a crook"``): with a
#: bare object they report an act (``called a meeting``, ``called the police``).
NAMING_VERBS = frozenset({"call", "dub", "label", "term", "brand"})
#: Subordinators of an adverbial clause (``feel stung after the vote went ...``): a
#: clause they open is a time, reason or condition, never what was said or believed.
ADVERBIAL_MARKS = frozenset(
    """after before when whenever while because since although though until unless once
    whereas""".split()  # noqa: SIM905
)
#: Verbs of experience with ``it`` and an adjective (``found it hard to repeat``): how
#: something went for the subject, not a finding or view.
EXPERIENCE_VERBS = frozenset({"find"})
#: Verbs whose ``of`` phrase is the charge (``accused Kim of "recklessness"``).
CHARGE_VERBS = frozenset({"accuse"})
#: Verbs that also mean "end" and do with ``with`` (``the spot concludes with footage``).
ENDING_VERBS = frozenset({"conclude", "close", "end", "finish", "wrap"})
#: Directive verbs of hospitality (``invited him to visit``): an act, not a statement.
INVITING_VERBS = frozenset({"invite"})
#: Verbs that are verbal or physical acts by their object (``attacked the plan`` vs
#: ``attacked the ferry``): with a place, vessel or building as object, no words.
ASSAULT_VERBS = frozenset({"attack", "target", "hit", "strike", "bomb"})
#: Verbs that also mean taking something (``claimed the title``, ``the fire claimed three
#: lives``) and the nouns that make them so: what was won or lost, not what was said.
TAKING_VERBS = frozenset({"claim"})
TAKEN_NOUNS = frozenset(
    """title crown trophy medal prize cup championship seat life victim win gold silver
    bronze share stake land""".split()  # noqa: SIM905
)
#: Entity types and nouns of things one attacks physically, not in words.
PHYSICAL_TARGET_ENTS = frozenset({"FAC", "PRODUCT", "LOC"})
PHYSICAL_TARGET_NOUNS = frozenset(
    """ship ferry vessel boat base building embassy convoy village town compound camp
    barracks school hospital church mosque synagogue checkpoint station plant bridge
    tanker aircraft plane jet train bus truck car""".split()  # noqa: SIM905
)
#: Nouns naming words that a colon then quotes (``a new campaign message: "It's about
#: me."``, ``used her words as its headline: "..."``).
QUOTED_WORDS_NOUNS = frozenset(
    """message headline slogan motto mantra refrain catchphrase words warning question
    answer reply response verdict plea line quip retort tweet post caption title
    comment remark advice""".split()  # noqa: SIM905
)
#: Nouns that name a quoted expression (``has used the phrase “X”``): the quote is the
#: words the subject said, not a report about them.
TERM_NOUNS = frozenset(
    """phrase term word expression slogan epithet nickname label""".split()  # noqa: SIM905
)
#: Verbs with a that-clause that do not attribute (``make sure that``, ``mean that``).
NOT_CUES = (
    frozenset("""make ensure mean be have do get seem appear happen turn""".split())  # noqa: SIM905
    | NOT_SPEECH_VERBS
)
#: Verbs whose direct object is what was said or stood for (``criticized the media``).
OBJECT_CUES = (
    frozenset(
        """criticize criticise attack blast slam accuse praise condemn deny reject dismiss
    question announce promise pledge propose demand urge endorse back support oppose
    cite mention defend blame warn thank predict acknowledge admit""".split()  # noqa: SIM905
    )
    | frozenset(
        # verbs of saying whose object is what was said (``noted the rule``, ``touted his plan``)
        """note discuss detail outline tout highlight denounce decry downplay disclose
    reference hail applaud lament""".split()  # noqa: SIM905
    )
    | frozenset(
        # verbs of judging aloud (``mocked the plan``, ``chided the board``), of attitude
        # (``despises the levy``)
        """mock ridicule deride lambast lambaste bemoan chastise chide scold rebuke assail
    castigate berate excoriate disparage belittle lampoon denigrate vilify commend
    congratulate compliment herald invoke articulate clarify portray embrace welcome love hate despise loathe
    distrust resent""".split()  # noqa: SIM905
    )
    # verbs of saying whose object is what was claimed or explained (``claimed vast
    # wealth``, ``explains the new levy``); ``report``, ``reveal`` and ``write`` were
    # measured and left out (their objects are acts as often as statements)
    | frozenset({"claim", "explain"})
    # verbs of disregard, an attitude like ``dismiss`` (``has ignored the levy``)
    | frozenset({"ignore", "disregard"})
)
#: The verb forms of a reporting clause set off by commas mid-sentence
#: (``The talks, he said, would go on``); checked against the lemma lists above.
MID_CLAUSE_VERBS = frozenset(
    """said says say told tells added adds argued argues warned warns insisted insists noted
    notes explained explains believes believed thinks thought acknowledged acknowledges
    contended contends maintained maintains wrote writes predicted predicts claimed claims
    recalled recalls conceded concedes stressed stresses estimated estimates suggested
    suggests reported reports confirmed confirms cautioned cautions admitted admits
    emphasized emphasizes observed observes""".split()  # noqa: SIM905
) | frozenset(["pointed out", "points out"])
#: Adverbs between the speaker and the verb of a mid-sentence clause (``he often says``).
MID_CLAUSE_ADVERBS = ("also", "often", "later", "then", "once", "now", "still", "later")
#: Pronouns that can be the speaker of a mid-sentence clause on their own.
MID_CLAUSE_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
#: Words that make the words before the verb a clause, not a speaker (``the man who said``).
MID_CLAUSE_NOT_WHO = frozenset({"who", "which", "that", "what", "and", "or", "but", "if"})
#: Pronouns that open a relative clause (``which he said were paid for``).
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "what"})
#: Forms the tagger lemmatizes wrongly (``hopes`` -> ``hop``), read as these lemmas.
LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope", "retweeted": "retweet"}
#: Verbs that ask someone to act: the object and the infinitive are what was asked
#: (``warned officials to boost security``, ``implored her to stay``).
DIRECTIVE_VERBS = frozenset(
    """urge warn implore tell ask order instruct advise invite encourage persuade convince
    press pressure beg challenge direct remind""".split()  # noqa: SIM905
)
#: Nouns of stated intention with an infinitive (``his pledge to cut``, ``her plan to
#: run``); nouns of acts (``decision``, ``attempt``, ``refusal``) report what was done.
INTENT_NOUNS = frozenset(
    """plan promise pledge vow threat determination eagerness intention commitment proposal
    call demand desire""".split()  # noqa: SIM905
)
#: Verbs of evidence: with a subject that is data rather than a source
#: (``figures show that``, ``the data suggest``) they report a finding, not a statement.
EVIDENCE_VERBS = frozenset(
    """show find suggest indicate reveal prove demonstrate confirm""".split()  # noqa: SIM905
)
DATA_NOUNS = frozenset(
    """figure data datum number statistic result record evidence trend footage image photo
    photograph picture chart graph map sample""".split()  # noqa: SIM905
)
#: Verb + preposition pairs whose object is only the topic or the addressee of a
#: statement, not what was said (``spoke of his flights``, ``did not respond to
#: requests``, ``talked to reporters about``): with no clause they are no statement.
TOPIC_PREP_CUES = frozenset({"speak", "talk", "respond", "react", "testify"})
#: Object verbs that report an act (``disclose their returns``: handing over documents),
#: not what someone said or stood for.
ACT_OBJECT_VERBS = frozenset({"disclose"})
#: Nouns that can carry a participle cue as its source: documents and occasions of
#: speech (``a statement calling X a violation``, ``legal papers opposing the unsealing``,
#: ``a news conference announcing``); any other noun with a participle object names a
#: kind of thing or people, not a report (``millions of voters supporting Hale``, ``a
#: policy urging staff to report``).
PARTICIPLE_SOURCE_NOUNS = (
    DOCUMENT_NOUNS
    | CUE_NOUNS
    | frozenset(
        """paper brief petition conference briefing speech interview address rally hearing
        appearance event call""".split()  # noqa: SIM905
    )
)
#: Cue verbs whose object is the person addressed, not what was said (``told reporters``).
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "advise"})
#: Words that make ``that`` a subordinator, not a complementizer (``now that``,
#: ``given that``): the clause gives a reason or condition, not what was said.
THAT_SUBORDINATORS = frozenset({"now", "given", "except", "provided", "providing"})
#: Verbs by which the writer infers a thought (``seems to think``, ``appeared to believe``):
#: a belief under them is the writer's reading, not what the person said.
SEEMING_VERBS = frozenset({"seem", "appear"})
#: Words governing a cue that make it report nothing: the writer's aside (``it is worth
#: noting that``) and what someone did not say (``failed to mention``, ``neglected to note``).
UNSAID_GOVERNORS = frozenset({"worth", "fail", "neglect"})
#: Words that name a source on their own before a headline's colon (``Poll: ...``).
HEADLINE_SOURCE_NOUNS = frozenset({"poll", "survey", "study", "report", "sources"})
#: Labels before a headline's colon that are no source (``Correction: ...``).
NOT_HEADLINE_SOURCES = frozenset(
    """correction update updated video watch photos photo exclusive breaking live full read
    opinion analysis editorial review listen podcast""".split()  # noqa: SIM905
)
#: Verbs besides the object cues whose passive subject is what a source stood for or
#: made public (``the plan was endorsed by``, ``the story was first reported by``).
PASSIVE_CUES = frozenset({"endorse", "report", "echo", "second", "champion", "favor", "favour"})
#: Verbs whose gerund complement is what was proposed or admitted
#: (``proposed dropping the levy``, ``admitted using the loophole``).
GERUND_CUES = frozenset({"propose", "suggest", "recommend", "admit", "deny", "advocate"})
#: Subjects whose findings are attributed to them (``a poll showed X ahead``, ``the
#: study found 31 cases``): a poll or study is a source, unlike bare data.
FINDING_SOURCES = frozenset(
    """poll survey study analysis average report research audit review investigation
    inquiry""".split()  # noqa: SIM905
)
#: Adjectives of stance whose clause is the holder's view (``X is confident that ...``,
#: ``afraid that``): PolNeAR attributes them like ``believe``; the copula's subject holds it.
STANCE_ADJECTIVES = frozenset(
    """afraid confident convinced sure certain worried concerned hopeful optimistic
    pessimistic fearful aware adamant positive frustrated angry upset""".split()  # noqa: SIM905
)
#: Verbs of seeing, judging and depicting whose object and ``as`` phrase are the holder's
#: view (``voters see the levy as a tax on the poor``, ``she painted him as a crook``).
VIEW_AS_VERBS = frozenset({"see", "view", "regard", "paint", "depict", "cast", "frame"})
#: ``as a child``, ``as a teenager``: when something was seen, not how (no view).
LIFE_STAGE_NOUNS = frozenset(
    """child kid boy girl teenager teen youngster youth student adult""".split()  # noqa: SIM905
)
#: Adjectives of intention whose infinitive is what the subject means to do
#: (``willing to go forward``, ``determined to close the pier``), like ``plans to``.
INTENT_ADJECTIVES = frozenset(
    """willing unwilling eager determined reluctant prepared keen intent""".split()  # noqa: SIM905
)
#: Adjectives of opinion with the prepositions that name what the opinion is about
#: (``critical of the levy``, ``worried about the pier``, ``opposed to the plan``).
OPINION_ADJECTIVES = {
    "critical": {"of"},
    "supportive": {"of"},
    "skeptical": {"of", "about"},
    "sceptical": {"of", "about"},
    "wary": {"of"},
    "dismissive": {"of"},
    "concerned": {"about", "over", "by"},
    "worried": {"about", "over", "by"},
    "optimistic": {"about", "on"},
    "pessimistic": {"about", "on"},
    "bullish": {"on", "about"},
    "bearish": {"on", "about"},
    "opposed": {"to"},
    "hostile": {"to"},
    "enthusiastic": {"about"},
    "angry": {"about", "over", "at", "with"},
    "furious": {"about", "over", "at", "with"},
    "upset": {"about", "over", "with"},
    "frustrated": {"with", "by", "over"},
    "unhappy": {"with", "about"},
    "vague": {"about", "on"},
    "adamant": {"about"},
    # how openly someone speaks of a topic (``coy about whether``, ``vocal about``)
    "coy": {"about", "on"},
    "cagey": {"about", "on"},
    "evasive": {"about", "on"},
    "noncommittal": {"about", "on"},
    "candid": {"about"},
    "frank": {"about"},
    "outspoken": {"about", "on"},
    "vocal": {"about", "on"},
}

#: Lemmas of the unsourced reports (``is expected to``), looked at by the clause rules
#: only (not cue words of the quote rules). ``seems to`` is left out: the writer's own
#: impression (``Melania seems to have vanished``), not a report.
UNSOURCED_CUES = UNSOURCED_PASSIVES
#: Cue verbs of a headline's statement: saying, intending, labelling and the object cues
#: (``Berg Vows To Cut Fares``, ``Hale Calls Berg 'A Disgrace'``, ``Lund Slams Levy``).
HEADLINE_CUES = SPEECH_VERBS | INTENT_VERBS | LABEL_VERBS | OBJECT_CUES
#: Every lemma that can start a cue (the token filter of :func:`find_cue_clauses`).
ALL_CUE_LEMMAS = (
    (SPEECH_VERBS | BELIEF_VERBS | INTENT_VERBS | CUE_NOUNS | LABEL_VERBS | OBJECT_CUES)
    | (DIRECTIVE_VERBS | INTENT_NOUNS)
    | frozenset(PREP_CUES)
    | PASSIVE_CUES
    | VIEW_AS_VERBS
    | TOPIC_NOUNS
    | {"accord"}
)


@dataclass(frozen=True)
class Lexicon:
    """The words the rules of one language look for (lower case)."""

    language: str
    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    not_speech_verbs: frozenset[str]
    cue_nouns: frozenset[str]
    document_nouns: frozenset[str]
    label_verbs: frozenset[str]
    object_cues: frozenset[str]
    prep_cues: Mapping[str, frozenset[str]]
    pronouns: Mapping[str, str]
    plural_pronouns: frozenset[str]
    honorifics: frozenset[str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    outlet_words: frozenset[str]
    outlet_nouns: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    countries: Mapping[str, str]


ENGLISH = Lexicon(
    language="en",
    speech_verbs=SPEECH_VERBS,
    belief_verbs=BELIEF_VERBS,
    intent_verbs=INTENT_VERBS,
    not_speech_verbs=NOT_SPEECH_VERBS,
    cue_nouns=CUE_NOUNS,
    document_nouns=DOCUMENT_NOUNS,
    label_verbs=LABEL_VERBS,
    object_cues=OBJECT_CUES,
    prep_cues={k: frozenset(v) for k, v in PREP_CUES.items()},
    pronouns=PRONOUNS,
    plural_pronouns=PLURAL_PRONOUNS,
    honorifics=HONORIFICS,
    titles=TITLES,
    role_nouns=ROLE_NOUNS,
    outlet_words=OUTLET_WORDS,
    outlet_nouns=OUTLET_NOUNS,
    female_names=FEMALE_NAMES,
    male_names=MALE_NAMES,
    female_words=FEMALE_WORDS,
    male_words=MALE_WORDS,
    countries=COUNTRIES,
)

_LEXICONS: dict[str, Lexicon] = {"en": ENGLISH}


def register(lexicon: Lexicon) -> None:
    """Add (or replace) the lexicon of ``lexicon.language``."""
    _LEXICONS[lexicon.language] = lexicon


def lexicon_for(language: str | None) -> Lexicon:
    """The lexicon of ``language`` (an ISO 639-1 code); English when None."""
    try:
        return _LEXICONS[language or "en"]
    except KeyError:
        raise KeyError(f"no lexicon for language {language!r}") from None
