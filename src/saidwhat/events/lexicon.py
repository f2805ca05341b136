"""Trigger words per PLOVER type and mode, keyed by language: the coder's only word lists.

Written from the PLOVER 2.0 definitions (see :mod:`.plover`): each entry is a
lemma (verb, noun or adjective) or a verb with a particle or object class, and
the type and mode it evokes. The coder (:mod:`.coder`) reads the parse; this
module only says what the words mean. Add a language by adding a
:class:`Lexicon` to :data:`LEXICONS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Trigger:
    """What a word evokes: a PLOVER type and, where the word fixes it, a mode."""

    event: str
    mode: str | None = None


def _t(spec: str) -> Trigger:
    """``"TYPE"`` or ``"TYPE:mode"`` as a Trigger."""
    event, _, mode = spec.partition(":")
    return Trigger(event, mode or None)


def _table(spec: dict[str, str]) -> dict[str, Trigger]:
    """``{"w1 w2": "TYPE:mode"}`` -> ``{"w1": Trigger, "w2": Trigger}``."""
    out: dict[str, Trigger] = {}
    for words, trig in spec.items():
        for w in words.split():
            out[w.replace("_", " ")] = _t(trig)
    return out


@dataclass(frozen=True)
class Lexicon:
    """Everything language-specific the rule coder needs."""

    language: str
    #: verb lemma -> trigger
    verbs: dict[str, Trigger]
    #: (verb lemma, particle or preposition) -> trigger; overrides ``verbs``
    phrasal: dict[tuple[str, str], Trigger]
    #: noun lemma -> trigger (a noun evokes its event as object of a light verb or alone)
    nouns: dict[str, Trigger]
    #: adjective lemma -> trigger ("critical of", "ready to")
    adjectives: dict[str, Trigger]
    #: predicate adjectives that judge their subject ("is regrettable", "were constructive")
    evaluative: dict[str, Trigger]
    #: verbs that mean little alone and take their event from their object ("hold talks")
    light_verbs: frozenset[str]
    #: (verb lemma, object class) -> trigger, object classes in ``object_classes``
    verb_object: dict[tuple[str, str], Trigger]
    #: object class -> noun lemmas ("forces": troop, soldier, ...)
    object_classes: dict[str, frozenset[str]]
    #: verbs whose complement clause is the event's content: an intention ("offer to")
    intent_frames: frozenset[str]
    #: verbs whose complement says what is requested / refused / threatened
    request_frames: frozenset[str]
    reject_frames: frozenset[str]
    threat_frames: frozenset[str]
    #: verbs that, negated, are refusals ("did not accept" = REJECT)
    negated_to_reject: frozenset[str]
    #: markers of negation and of a hypothetical clause
    negators: frozenset[str]
    conditional_marks: frozenset[str]
    #: auxiliaries and governing verbs that make the event future
    future_aux: frozenset[str]
    future_frames: frozenset[str]
    #: pronouns that stand for the speaker, and for the speaker's side
    first_singular: frozenset[str]
    first_plural: frozenset[str]
    #: collective civilian subjects: "protest" by these is PROTEST, by a state ACCUSE
    civilian_nouns: frozenset[str]
    #: subjects that make "protest" a diplomatic protest (ACCUSE), not a demonstration
    state_nouns: frozenset[str]
    #: modifiers that make an exercise joint (COOPERATE) rather than a show of force
    joint_modifiers: frozenset[str]
    #: modal auxiliaries that, negated, make a refusal ("will not withdraw")
    volition_aux: frozenset[str]
    #: common nouns that name an actor ("the government", "rebels")
    actor_nouns: frozenset[str]
    #: objects of "attack"/"strike" that make them verbal (ACCUSE) not physical
    abstract_objects: frozenset[str]
    #: modifiers that make the noun "strike" an attack, not a work stoppage
    attack_strike_modifiers: frozenset[str]
    #: prepositions that introduce a recipient, in order of preference
    recipient_preps: tuple[str, ...]
    #: events whose place ("shelled positions in Kabul") is their recipient when none is named
    place_recipient_events: frozenset[str] = frozenset()
    locative_preps: tuple[str, ...] = ()
    #: mode of REQUEST/REJECT from the type of the requested or refused event
    request_mode_by_event: dict[str, str] = field(default_factory=dict)
    #: modals of obligation: "X said Molden must withdraw" is X's demand of Molden
    deontic_aux: frozenset[str] = frozenset()
    #: possessive pronouns: "offered its troops to X" names the actor's own, not a recipient
    possessive_pronouns: frozenset[str] = frozenset()
    #: pronouns that stand for an organisation or country named as the reporting subject
    #: ("Tarvia said it would ...")
    neuter_pronouns: frozenset[str] = frozenset()
    #: types whose participle states the subject's stance when passive without an agent
    #: ("is opposed to", "is prepared to"): the subject is the actor
    stative_passive_events: frozenset[str] = frozenset()
    #: acts of a state: without a named actor, the state of the place they happen in acts
    #: ("was arrested in Tarvia")
    state_action_events: frozenset[str] = frozenset()
    #: verbs that mean "show" when they take an object ("demonstrate its resolve")
    show_verbs: frozenset[str] = frozenset()
    #: (verb, preposition) entries of ``phrasal`` that are idioms without an object
    intransitive_phrasal: frozenset[tuple[str, str]] = frozenset()
    #: verbs that are a meeting only with someone to meet ("meet the interests": none)
    meet_verbs: frozenset[str] = frozenset()
    #: object classes (``object_classes``) that no violence can be done to ("relations")
    abstract_object_classes: frozenset[str] = frozenset()
    #: mode of THREATEN from the type of the threatened event
    threat_mode_by_event: dict[str, str] = field(default_factory=dict)


_EN_VERBS = _table(
    {
        # AGREE: agree, offer, promise, commit to cooperate
        "agree offer promise pledge commit consent accept undertake volunteer guarantee": "AGREE",
        "invite": "AGREE",
        # CONSULT: meetings, visits, talks, calls
        "meet negotiate consult confer discuss": "CONSULT",
        "visit tour": "CONSULT:visit",
        "host receive": "CONSULT",
        "telephone phone": "CONSULT:phone",
        # SUPPORT: verbal, diplomatic, non-material cooperation
        "support praise commend welcome endorse back approve applaud hail laud congratulate": "SUPPORT",
        "thank appreciate salute recognize recognise ratify sign reaffirm defend": "SUPPORT",
        "normalize normalise": "SUPPORT",
        # CONCEDE: verbal concessions, regret, pardons
        "apologize apologise regret pardon acquit concede compromise relent yield ease soften": "CONCEDE",
        # COOPERATE: mutual material cooperation
        "cooperate collaborate extradite coordinate partner trade": "COOPERATE",
        # AID: material aid to the recipient
        "aid donate supply fund finance rescue assist lend airlift": "AID",
        # RETREAT: material de-escalation done
        "withdraw retreat evacuate": "RETREAT:withdraw",
        "free repatriate": "RETREAT:release",
        "disarm demobilize demobilise": "RETREAT:disarm",
        "resign": "RETREAT:resign",
        "surrender cede": "RETREAT",
        "allow permit": "RETREAT:access",
        # REQUEST: requests, demands, orders
        "ask request urge demand appeal plead seek implore beg petition exhort": "REQUEST",
        # ACCUSE: disapprove, allege, investigate
        "condemn criticize criticise denounce decry slam deplore lambast rebuke censure": "ACCUSE:disapprove",
        "castigate assail chide scold fault blast berate disparage ridicule mock deride": "ACCUSE:disapprove",
        "complain object": "ACCUSE:disapprove",
        "accuse blame allege sue indict charge": "ACCUSE:allege",
        "investigate probe": "ACCUSE:investigate",
        # REJECT: rejections and refusals
        "reject refuse decline rebuff dismiss veto spurn repudiate deny oppose defy": "REJECT",
        "cancel postpone boycott": "REJECT:meet",
        # THREATEN
        "threaten warn menace": "THREATEN",
        # PROTEST: collective civilian action (a state "protesting" is ACCUSE, see coder)
        "protest demonstrate rally march picket": "PROTEST:demo",
        "block blockade barricade": "PROTEST:obstruct",
        "riot": "PROTEST:riot",
        # SANCTION: reductions in relations
        "sanction embargo sever suspend freeze": "SANCTION:discontinue",
        "expel": "SANCTION:expel",
        "recall": "SANCTION:withdraw",
        "convict sentence fine": "SANCTION:convict",
        # MOBILIZE: military or police moves short of force
        "mobilize mobilise deploy mass amass station reinforce muster": "MOBILIZE:troops",
        # COERCE: repression short of violence
        "arrest detain jail imprison intern": "COERCE:arrest",
        "seize confiscate raid": "COERCE:seize",
        "censor": "COERCE:censor",
        "ban restrict outlaw": "COERCE:restrict",
        "deport": "COERCE:deport",
        "hack": "COERCE:cyber",
        # ASSAULT: force
        "attack invade clash fight ambush storm bomb bombard shell pound strike": "ASSAULT",
        "kill murder massacre slaughter wound injure retaliate": "ASSAULT",
        "assassinate execute behead": "ASSAULT:targeted",
        "kidnap abduct hijack capture": "ASSAULT:abduct",
        "torture": "ASSAULT:torture",
        "rape": "ASSAULT:sexual",
        "beat": "ASSAULT:beat",
        "shoot": "ASSAULT:firearms",
        "destroy raze demolish burn": "ASSAULT:destroy",
        "stab": "ASSAULT:primitive",
    }
)

_EN_PHRASAL = {
    (verb, part): _t(trig)
    for (verb, part), trig in {
        ("call", "for"): "REQUEST",
        ("call", "on"): "REQUEST",
        ("call", "upon"): "REQUEST",
        ("appeal", "to"): "REQUEST",
        ("press", "for"): "REQUEST",
        ("push", "for"): "REQUEST",
        ("step", "down"): "RETREAT:resign",
        ("pull", "out"): "RETREAT:withdraw",
        ("pull", "back"): "RETREAT:withdraw",
        ("hand", "over"): "RETREAT",
        ("back", "down"): "CONCEDE",
        ("give", "in"): "CONCEDE",
        ("crack", "down"): "COERCE:restrict",
        ("round", "up"): "COERCE:arrest",
        ("shut", "down"): "COERCE:restrict",
        ("walk", "out"): "REJECT:meet",
        ("rule", "out"): "REJECT",
        ("take", "to"): "PROTEST:demo",
        ("turn", "down"): "REJECT",
        ("break", "off"): "SANCTION:discontinue",
        ("cut", "off"): "SANCTION:discontinue",
        ("open", "fire"): "ASSAULT:firearms",
        ("speak", "with"): "CONSULT",
        ("speak", "to"): "CONSULT",
        ("talk", "with"): "CONSULT",
        ("sit", "down"): "CONSULT",
        ("stand", "by"): "SUPPORT",
        ("side", "with"): "SUPPORT",
        ("hit", "out"): "ACCUSE:disapprove",
        ("lash", "out"): "ACCUSE:disapprove",
        ("set", "free"): "RETREAT:release",
        ("blow", "up"): "ASSAULT:explosives",
        ("fire", "on"): "ASSAULT:firearms",
        ("fire", "at"): "ASSAULT:firearms",
        ("carry", "out"): "ASSAULT",
    }.items()
}

_EN_NOUNS = _table(
    {
        "agreement accord deal pact treaty promise pledge offer commitment invitation": "AGREE",
        "talk meeting summit negotiation consultation discussion conference dialogue": "CONSULT",
        "visit trip": "CONSULT:visit",
        "call": "CONSULT:phone",
        "support praise endorsement recognition approval congratulation gratitude": "SUPPORT",
        "apology concession amnesty pardon regret": "CONCEDE",
        "cooperation collaboration extradition": "COOPERATE",
        "aid assistance donation grant loan relief asylum help": "AID",
        "withdrawal retreat pullout": "RETREAT:withdraw",
        "release": "RETREAT:release",
        "resignation": "RETREAT:resign",
        "ceasefire truce": "RETREAT:ceasefire",
        "request demand appeal plea": "REQUEST",
        "accusation allegation charge lawsuit indictment": "ACCUSE:allege",
        "condemnation criticism complaint": "ACCUSE:disapprove",
        "concern disappointment displeasure dismay indignation outrage": "ACCUSE:disapprove",
        "investigation probe inquiry": "ACCUSE:investigate",
        "rejection refusal veto denial": "REJECT",
        "threat ultimatum warning": "THREATEN",
        "protest demonstration rally march riot sit-in": "PROTEST:demo",
        "boycott": "PROTEST:boycott",
        "sanction embargo expulsion": "SANCTION:discontinue",
        "deployment mobilization mobilisation buildup build-up": "MOBILIZE:troops",
        "exercise drill manoeuvre maneuver alert": "MOBILIZE:troops",
        "arrest detention crackdown": "COERCE:arrest",
        "curfew": "COERCE:curfew",
        "censorship": "COERCE:censor",
        "attack assault bombing clash fighting shelling offensive invasion ambush": "ASSAULT",
        "airstrike raid killing massacre": "ASSAULT",
        "assassination": "ASSAULT:targeted",
        "kidnapping abduction hijacking": "ASSAULT:abduct",
    }
)

_EN_ADJECTIVES = _table(
    {
        "ready willing prepared eager determined open": "AGREE",
        "critical": "ACCUSE:disapprove",
        "concerned worried alarmed": "ACCUSE:disapprove",
        "grateful thankful supportive": "SUPPORT",
        "opposed unwilling": "REJECT",
    }
)

#: Evaluative predicates ("X is regrettable"): a judgement of the subject, no complement needed.
_EN_EVALUATIVE = _table(
    {
        "regrettable deplorable unacceptable outrageous absurd shameful hysterical "
        "irresponsible provocative hostile biased destructive dangerous counterproductive "
        "counter-productive scandalous disgraceful ridiculous lamentable": "ACCUSE:disapprove",
        "constructive productive useful positive encouraging fruitful commendable "
        "welcome friendly respectful businesslike pragmatic": "SUPPORT",
    }
)

_OBJECT_CLASSES = {
    "forces": "troop force soldier army unit battalion brigade division warship ship jet "
    "aircraft tank personnel marine contingent military police",
    "weapons": "missile rocket weapon warhead nuclear",
    "people": "prisoner hostage detainee captive activist journalist national citizen "
    "fisherman sailor crew pow person people",
    "diplomats": "ambassador envoy diplomat embassy mission consul attache staff",
    "aid": "aid assistance food medicine supply supplies relief money fund funding loan "
    "grant help vaccine equipment",
    "relations": "tie relation relations contact link cooperation talk negotiation",
    "sanctions": "sanction embargo",
    "restrictions": "restriction ban blockade",
    "curfew": "curfew",
    "force": "force violence weapon arms",
    "alert": "alert readiness",
    "information": "information intelligence data",
    "protest": "protest",
    "assets": "asset account property",
    "agreements": "agreement accord deal pact treaty memorandum protocol declaration",
    "statements": "statement report communique communiqué document figure data",
    "meetings": "meeting visit summit talk",
    "ceasefire": "ceasefire truce",
}

_EN_VERB_OBJECT = {
    key: _t(trig)
    for key, trig in {
        ("send", "forces"): "MOBILIZE:troops",
        ("send", "weapons"): "MOBILIZE:weapons",
        ("send", "aid"): "AID",
        ("dispatch", "forces"): "MOBILIZE:troops",
        ("dispatch", "weapons"): "MOBILIZE:weapons",
        ("dispatch", "aid"): "AID",
        ("ship", "aid"): "AID",
        ("ship", "weapons"): "AID",
        ("airlift", "aid"): "AID",
        ("strengthen", "forces"): "MOBILIZE:troops",
        ("reinforce", "forces"): "MOBILIZE:troops",
        ("strengthen", "relations"): "SUPPORT",
        ("upgrade", "relations"): "SUPPORT",
        ("downgrade", "relations"): "SANCTION:discontinue",
        ("reimpose", "sanctions"): "SANCTION:discontinue",
        ("reimpose", "curfew"): "COERCE:curfew",
        ("reimpose", "restrictions"): "COERCE:restrict",
        ("provide", "aid"): "AID",
        ("give", "aid"): "AID",
        ("deliver", "aid"): "AID",
        ("offer", "aid"): "AGREE",
        ("grant", "aid"): "AID",
        ("withdraw", "forces"): "RETREAT:withdraw",
        ("withdraw", "diplomats"): "SANCTION:withdraw",
        ("withdraw", "aid"): "SANCTION:withdraw",
        ("withdraw", "agreements"): "SANCTION:withdraw",
        ("recall", "diplomats"): "SANCTION:withdraw",
        ("expel", "diplomats"): "SANCTION:expel",
        ("expel", "people"): "COERCE:deport",
        ("release", "people"): "RETREAT:release",
        ("free", "people"): "RETREAT:release",
        ("hold", "people"): "COERCE:arrest",
        ("lift", "restrictions"): "CONCEDE",
        ("ease", "restrictions"): "CONCEDE",
        ("lift", "sanctions"): "CONCEDE",
        ("ease", "sanctions"): "CONCEDE",
        ("lift", "curfew"): "CONCEDE",
        ("ease", "curfew"): "CONCEDE",
        ("impose", "sanctions"): "SANCTION:discontinue",
        ("impose", "restrictions"): "COERCE:restrict",
        ("impose", "curfew"): "COERCE:curfew",
        ("extend", "curfew"): "COERCE:curfew",
        ("declare", "curfew"): "COERCE:curfew",
        ("use", "force"): "ASSAULT",
        ("put", "alert"): "MOBILIZE",
        ("place", "alert"): "MOBILIZE",
        ("raise", "alert"): "MOBILIZE",
        ("share", "information"): "COOPERATE",
        ("lodge", "protest"): "ACCUSE:disapprove",
        ("file", "protest"): "ACCUSE:disapprove",
        ("send", "protest"): "ACCUSE:disapprove",
        ("deliver", "protest"): "ACCUSE:disapprove",
        ("register", "protest"): "ACCUSE:disapprove",
        ("issue", "protest"): "ACCUSE:disapprove",
        ("exchange", "information"): "COOPERATE",
        ("stop", "aid"): "SANCTION:discontinue",
        ("end", "aid"): "SANCTION:discontinue",
        ("stop", "relations"): "SANCTION:discontinue",
        ("end", "relations"): "SANCTION:discontinue",
        ("cut", "relations"): "SANCTION:discontinue",
        ("sever", "relations"): "SANCTION:discontinue",
        ("break", "relations"): "SANCTION:discontinue",
        ("suspend", "relations"): "SANCTION:discontinue",
        ("suspend", "aid"): "SANCTION:discontinue",
        ("cut", "aid"): "SANCTION:discontinue",
        ("halt", "aid"): "SANCTION:discontinue",
        ("freeze", "aid"): "SANCTION:discontinue",
        ("freeze", "assets"): "SANCTION:discontinue",
        ("seize", "assets"): "COERCE:seize",
        ("restore", "relations"): "SUPPORT",
        ("establish", "relations"): "SUPPORT",
        ("resume", "relations"): "SUPPORT",
        ("improve", "relations"): "SUPPORT",
        ("sign", "agreements"): "SUPPORT",
        ("reach", "agreements"): "AGREE",
        ("conclude", "agreements"): "SUPPORT",
        ("violate", "agreements"): "ASSAULT",
        ("violate", "ceasefire"): "ASSAULT",
        ("observe", "ceasefire"): "RETREAT:ceasefire",
        ("declare", "ceasefire"): "CONCEDE",
        ("announce", "ceasefire"): "CONCEDE",
        ("deploy", "weapons"): "MOBILIZE:weapons",
        ("test", "weapons"): "MOBILIZE:weapons",
        ("fire", "weapons"): "ASSAULT:heavy-weapons",
        ("cancel", "meetings"): "REJECT:meet",
        ("postpone", "meetings"): "REJECT:meet",
        ("boycott", "meetings"): "REJECT:meet",
        ("release", "statements"): "",
        ("issue", "statements"): "",
        ("sign", "statements"): "SUPPORT",
    }.items()
    if trig
}

EN = Lexicon(
    language="en",
    verbs=_EN_VERBS,
    phrasal=_EN_PHRASAL,
    nouns=_EN_NOUNS,
    adjectives=_EN_ADJECTIVES,
    evaluative=_EN_EVALUATIVE,
    light_verbs=frozenset(
        [
            "hold",
            "make",
            "express",
            "voice",
            "issue",
            "launch",
            "impose",
            "lodge",
            "give",
            "provide",
            "extend",
            "conduct",
            "stage",
            "file",
            "deliver",
            "pay",
            "grant",
            "take",
            "have",
            "reach",
            "announce",
            "declare",
            "carry",
            "begin",
            "start",
            "open",
            "resume",
            "send",
            "offer",
            "sign",
            "seek",
            "set",
            "continue",
            "mount",
            "level",
            "register",
            "raise",
        ]
    ),
    verb_object=_EN_VERB_OBJECT,
    object_classes={k: frozenset(v.split()) for k, v in _OBJECT_CLASSES.items()},
    intent_frames=frozenset(
        [
            "agree",
            "offer",
            "promise",
            "pledge",
            "vow",
            "commit",
            "volunteer",
            "undertake",
            "decide",
            "intend",
            "plan",
            "ready",
            "willing",
            "prepared",
            "eager",
            "determined",
            "open",
        ]
    ),
    request_frames=frozenset(
        [
            "ask",
            "request",
            "urge",
            "demand",
            "appeal",
            "plead",
            "call",
            "press",
            "push",
            "tell",
            "order",
            "seek",
            "implore",
            "beg",
            "exhort",
            "encourage",
        ]
    ),
    reject_frames=frozenset(["refuse", "reject", "decline", "unwilling"]),
    threat_frames=frozenset(["threaten", "warn", "vow"]),
    negated_to_reject=frozenset(
        [
            "agree",
            "accept",
            "approve",
            "allow",
            "permit",
            "support",
            "endorse",
            "recognize",
            "recognise",
            "back",
            "want",
            "cooperate",
            "comply",
        ]
    ),
    negators=frozenset(["not", "n't", "never", "no", "neither", "nor"]),
    conditional_marks=frozenset(["if", "unless", "whether"]),
    future_aux=frozenset(["will", "shall", "'ll", "wo"]),
    future_frames=frozenset(
        ["plan", "intend", "expect", "schedule", "set", "due", "going", "aim", "hope"]
    ),
    first_singular=frozenset(["i", "me", "my", "myself"]),
    first_plural=frozenset(["we", "us", "our", "ourselves"]),
    civilian_nouns=frozenset(
        [
            "protester",
            "protestor",
            "demonstrator",
            "student",
            "worker",
            "people",
            "resident",
            "villager",
            "supporter",
            "crowd",
            "farmer",
            "woman",
            "man",
            "union",
            "teacher",
            "doctor",
            "driver",
            "trader",
            "activist",
            "citizen",
            "thousand",
            "hundred",
            "dozen",
            "opposition",
            "miner",
            "employee",
            "youth",
            "member",
        ]
    ),
    state_nouns=frozenset(
        [
            "government",
            "ministry",
            "minister",
            "official",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "president",
            "embassy",
            "ambassador",
            "foreign",
            "office",
            "administration",
            "cabinet",
            "authority",
            "state",
            "kremlin",
            "premier",
            "chancellor",
            "diplomat",
            "envoy",
        ]
    ),
    joint_modifiers=frozenset(["joint", "combined", "bilateral", "trilateral", "multinational"]),
    volition_aux=frozenset(["will", "would", "shall", "'ll", "wo", "can", "ca", "could"]),
    actor_nouns=frozenset(
        [
            "government",
            "ministry",
            "minister",
            "official",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "president",
            "prime",
            "leader",
            "army",
            "military",
            "police",
            "force",
            "troop",
            "soldier",
            "rebel",
            "militant",
            "insurgent",
            "guerrilla",
            "party",
            "parliament",
            "court",
            "authority",
            "administration",
            "delegation",
            "diplomat",
            "ambassador",
            "envoy",
            "embassy",
            "regime",
            "cabinet",
            "council",
            "committee",
            "commission",
            "agency",
            "opposition",
            "protester",
            "demonstrator",
            "group",
            "organization",
            "organisation",
            "union",
            "side",
            "country",
            "state",
            "nation",
            "navy",
            "airforce",
            "guard",
            "militia",
            "faction",
            "coalition",
            "alliance",
            "media",
            "press",
            "newspaper",
            "journalist",
            "people",
            "worker",
            "student",
            "legislator",
            "lawmaker",
            "senator",
            "chancellor",
            "king",
            "premier",
            "mayor",
            "governor",
            "general",
            "commander",
            "officer",
            "negotiator",
        ]
    ),
    abstract_objects=frozenset(
        [
            "policy",
            "decision",
            "plan",
            "statement",
            "remark",
            "comment",
            "proposal",
            "idea",
            "report",
            "claim",
            "position",
            "stance",
            "approach",
            "move",
            "law",
            "bill",
            "media",
            "press",
            "coverage",
            "speech",
            "article",
            "criticism",
            "initiative",
            "strategy",
            "rhetoric",
        ]
    ),
    attack_strike_modifiers=frozenset(
        [
            "air",
            "missile",
            "drone",
            "military",
            "rocket",
            "artillery",
            "aerial",
            "precision",
            "nuclear",
            "retaliatory",
            "preemptive",
            "pre-emptive",
        ]
    ),
    recipient_preps=(
        "with",
        "to",
        "against",
        "on",
        "upon",
        "at",
        "toward",
        "towards",
        "for",
        "from",
        "over",
        "into",
    ),
    place_recipient_events=frozenset({"ASSAULT"}),
    deontic_aux=frozenset(["must", "should", "ought"]),
    possessive_pronouns=frozenset(["its", "their", "his", "her", "our", "my", "your"]),
    neuter_pronouns=frozenset(["it"]),
    stative_passive_events=frozenset({"REJECT", "AGREE", "SUPPORT", "THREATEN"}),
    state_action_events=frozenset({"COERCE", "SANCTION"}),
    show_verbs=frozenset(["demonstrate"]),
    intransitive_phrasal=frozenset({("take", "to")}),
    meet_verbs=frozenset(["meet"]),
    abstract_object_classes=frozenset(["agreements", "relations"]),
    locative_preps=("in", "near", "inside", "outside", "across"),
    request_mode_by_event={
        "CONSULT": "meet",
        "AGREE": "meet",
        "RETREAT": "yield",
        "CONCEDE": "yield",
        "AID": "assist",
        "COOPERATE": "assist",
        "SUPPORT": "assist",
    },
    threat_mode_by_event={
        "ASSAULT": "violence",
        "MOBILIZE": "violence",
        "COERCE": "arrest",
        "SANCTION": "relations",
        "REJECT": "relations",
        "PROTEST": "restrict",
    },
)

#: Lexicons by ISO 639-1 language code.
LEXICONS: dict[str, Lexicon] = {"en": EN}


def lexicon_for(language: str | None) -> Lexicon | None:
    """The lexicon for ``language`` (None: English, the default), or None if there is none."""
    return LEXICONS.get((language or "en").split("-")[0].lower())
