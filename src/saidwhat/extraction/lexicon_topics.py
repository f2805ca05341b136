"""English words of the prepositional and noun cues: what someone spoke about, raised
questions about, was criticised for, expressed outrage over (read by :mod:`.topic_forms`
and :mod:`.stance_forms`).

The cue words they build on are in :mod:`.lexicon`.
"""

from __future__ import annotations

#: Verbs of speaking whose topic preposition names what was said (``spoke about the
#: pier``, ``talked about the levy``).
TOPIC_SPEECH_VERBS = frozenset({"speak", "talk"})
#: Their topic prepositions; ``of`` only in a participle after a verb of saying
#: (``..., said Hale, speaking of the levy``): ``spoke warmly of her years`` is a memory,
#: ``spoke against the backdrop of the harbour`` a place (``against``: 1 right, 1 wrong on
#: PolNeAR dev).
TOPIC_SPEECH_PREPS = frozenset({"about"})
#: Adverbs opening a phrase that narrows a topic (``about race, particularly in ...``).
FOCUS_ADVERBS = frozenset({"particularly", "especially", "notably", "chiefly", "mainly"})
#: ``raised questions about the levy``: a question's topic is what its asker said.
QUESTION_NOUNS = frozenset({"question"})
QUESTION_PREPS = frozenset({"about", "over", "regarding"})
#: Verbs by which the subject asks, holds or answers questions (``raised``, ``has``,
#: ``answered questions about``): the subject speaks on the topic.
QUESTION_VERBS = frozenset({"raise", "pose", "ask", "have", "answer", "field", "face"})
#: ... and by which it is asked them by someone unnamed (``has faced questions about``).
QUESTIONED_VERBS = frozenset({"face"})
#: ``faced criticism for closing the pier``, ``came under fire over the levy``: what
#: someone is criticised for is what their unnamed critics said (``from`` names them).
CRITICISM_NOUNS = frozenset({"criticism", "fire", "heat", "flak", "condemnation", "ridicule"})
RECEIVING_VERBS = frozenset({"face", "draw", "come", "receive", "attract", "take", "earn"})
REASON_PREPS = frozenset({"for", "over"})
#: ``made no secret of his doubts``, ``little secret``: the object is said openly.
OPEN_SECRET_WORDS = frozenset({"no", "little"})
#: ``spoke in support of the levy``, ``testified in opposition to the pier``: nouns of a
#: stand after ``in``, with the prepositions naming what the stand is on (``in favor of``
#: is left out: ``abandoned the party in favor of Hale`` is a choice, not a view).
STAND_NOUNS = {"support": frozenset({"of"}), "opposition": frozenset({"to"})}
#: Feelings someone expresses about something (``expressed outrage over the levy``);
#: the nouns of opinion (``concern``, ``misgivings``) are :data:`.lexicon.TOPIC_NOUNS`.
FEELING_NOUNS = frozenset(
    """outrage anger frustration dismay regret sympathy disappointment alarm displeasure
    indignation gratitude satisfaction surprise""".split()  # noqa: SIM905
)
EXPRESSING_VERBS = frozenset({"express", "voice"})
FEELING_PREPS = frozenset({"over", "about", "at", "with", "for", "to"})
#: Prepositions of a concessive phrase, the writer's comment after a view (``, despite``).
CONCESSIVE_PREPS = frozenset({"despite", "notwithstanding"})
