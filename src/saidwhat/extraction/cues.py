"""The cue lexicon: words that introduce what someone said, wrote or thinks.

Lemmas, grouped by how strongly they signal an attribution. :func:`cue_strength`
is the one function the rest of the engine asks.
"""

from __future__ import annotations

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
    guess imagine assume reckon acknowledge realize realise see""".split()  # noqa: SIM905
)

#: Verbs taking an infinitive (``plans to``, ``vowed to``) that PolNeAR attributes.
INTENT_VERBS = frozenset(
    """plan want promise pledge vow urge refuse decline threaten intend seek hope expect
    agree call ask demand""".split()  # noqa: SIM905
)

#: Nouns that carry content (``his claim that``, ``a statement saying``).
CUE_NOUNS = frozenset(
    """claim statement report assertion suggestion argument warning view belief remark
    remarks comment comments testimony allegation accusation announcement promise pledge
    insistence contention admission denial message tweet post letter memo note""".split()  # noqa: SIM905
)

#: Subjects that are documents rather than people: their owner is the speaker.
DOCUMENT_NOUNS = frozenset(
    """statement tweet post letter message release report memo note email e-mail video ad
    clip spot commercial filing complaint lawsuit poll survey study analysis""".split()  # noqa: SIM905
)

#: Verbs that, with a colon after them, introduce a block quote.
BLOCK_VERBS = SPEECH_VERBS | frozenset({"read", "go", "put", "continue", "write", "tweet", "post"})

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


def cue_strength(lemma: str, has_clause: bool, has_infinitive: bool = False) -> float:
    """How sure we are that ``lemma`` with this complement introduces an attribution.

    0 means not a cue. ``has_clause``: the verb takes a finite clause (ccomp);
    ``has_infinitive``: it takes a ``to``-infinitive (xcomp).
    """
    lemma = lemma.lower()
    if has_clause:
        if lemma in SPEECH_VERBS:
            return 0.85
        if lemma in BELIEF_VERBS:
            return 0.6
        return 0.0
    if has_infinitive and lemma in INTENT_VERBS:
        return 0.5
    return 0.0


def is_speech_verb(lemma: str) -> bool:
    return lemma.lower() in SPEECH_VERBS
