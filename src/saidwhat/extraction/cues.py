"""The cue lexicon: words that introduce what someone said, wrote or thinks.

Lemmas, grouped by how strongly they signal an attribution: speech verbs (a
clause complement is reported speech), belief verbs, intention verbs (with an
infinitive), cue nouns, and the document nouns whose owner is the speaker.
Data only; :mod:`.indirect` and :mod:`.direct` read it.
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
