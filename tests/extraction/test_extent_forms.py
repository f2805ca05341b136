"""Where a statement we find starts and ends: the table of extent forms (round 7).

Each row is ``(text, [(kind, whole statement, speaker, rule), ...])`` like
``test_forms_table``; the rows that must stop short of a phrase are the near misses
of the rule that lets the content go on.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from saidwhat.extraction.clause_spans import trim, unsplit_end

EXTENTS = [
    # A prepositional phrase right after the object, hung on the cue, still says what it was.
    (
        "Mayor Ilse Varga cited her own endorsements from forty harbour pilots on Tuesday.",
        [
            (
                "indirect",
                "her own endorsements from forty harbour pilots",
                "Ilse Varga",
                "object_cue",
            )
        ],
    ),
    (
        "Tom Lund railed against the new port levy, including the part that doubles the fee "
        "for fishing boats.",
        [
            (
                "indirect",
                "the new port levy, including the part that doubles the fee for fishing boats",
                "Tom Lund",
                "prep_object",
            )
        ],
    ),
    (
        "Varga referred to the old ferry as a floating ruin.",
        [("indirect", "the old ferry as a floating ruin", "Varga", "prep_object")],
    ),
    # A reporting clause at the end of the sentence reports both clauses before it.
    (
        "The mayor had asked the harbour police to stay away, but the council turned the plea "
        "down, the source added.",
        [
            (
                "indirect",
                "The mayor had asked the harbour police to stay away, but the council "
                "turned the plea down",
                None,
                "speech_clause",
            )
        ],
    ),
    (
        "The ferry was supposed to sail at noon, but the crew left the harbour an hour early, "
        "another official said.",
        [
            (
                "indirect",
                "The ferry was supposed to sail at noon, but the crew left the harbour an hour "
                "early",
                None,
                "speech_clause",
            )
        ],
    ),
    # Near miss: a reporting clause inside the second clause reports only that clause.
    (
        "The ferry was late, but the crew said the engine had failed.",
        [("indirect", "the engine had failed", None, "speech_clause")],
    ),
    # A series of relative clauses on one noun inside the content goes on.
    (
        "Varga knows there are sailors in this town who fear the new levy, who work the night "
        "boats, and who want the port kept open.",
        [
            (
                "indirect",
                "there are sailors in this town who fear the new levy, who work the night boats, "
                "and who want the port kept open",
                "Varga",
                "belief_clause",
            )
        ],
    ),
    # Near misses: a relative clause after a comma that starts no series is a remark.
    (
        "Varga said the council backed the levy, which angered the sailors.",
        [("indirect", "the council backed the levy", "Varga", "speech_clause")],
    ),
    (
        "Lund said the levy would hurt the sailors who work the night boats, which worried "
        "the mayor.",
        [
            (
                "indirect",
                "the levy would hurt the sailors who work the night boats",
                "Lund",
                "speech_clause",
            )
        ],
    ),
    # The object of one act, then a second cue with a quote: two statements.
    (
        "Mayor Ilse Varga outlined her harbour plan and vowed to “punish those who dump oil "
        "in the bay.”",
        [
            ("indirect", "her harbour plan", "Ilse Varga", "object_cue"),
            ("mixed", "to “punish those who dump oil in the bay.", "Ilse Varga", "intent_clause"),
        ],
    ),
    (
        "Tom Lund bemoaned the delays at the port and said he thought the ferries were "
        "“far too old.”",
        [
            ("indirect", "the delays at the port", "Tom Lund", "object_cue"),
            ("mixed", "he thought the ferries were “far too old.", "Tom Lund", "speech_clause"),
        ],
    ),
    # Near miss: a label that quotes already, then more quoted words, stays one statement.
    (
        "Varga called the levy “a disgrace” and referred to its “hidden costs.”",
        [
            (
                "mixed",
                "the levy “a disgrace” and referred to its “hidden costs.",
                "Varga",
                "object_cue",
            )
        ],
    ),
    # A relative clause with a verb of saying right after a short object is another report.
    (
        "Dara Novak endorsed Tom Lund, who says he is honored by the support.",
        [
            ("indirect", "Tom Lund", "Dara Novak", "object_cue"),
            ("indirect", "he is honored by the support", "Tom Lund", "speech_clause"),
        ],
    ),
    # Near miss: a relative clause that reports nothing stays with the object.
    (
        "Dara Novak praised Lund, who runs the ferry.",
        [("indirect", "Lund, who runs the ferry", "Dara Novak", "object_cue")],
    ),
    # Near misses: when or where the speaker spoke is not what was said.
    (
        "Varga criticised the levy during a speech in Tallstad.",
        [("indirect", "the levy", "Varga", "object_cue")],
    ),
    (
        "Dara Novak voted against the Clean Harbours Act for the third time.",
        [("indirect", "the Clean Harbours Act", "Dara Novak", "prep_object")],
    ),
    (
        "Dara Novak praised Tom Lund on Thursday.",
        [("indirect", "Tom Lund", "Dara Novak", "object_cue")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXTENTS, ids=[r[0][:40] for r in EXTENTS])
def test_extent_forms(traced, text, expected):
    assert traced(text) == expected


#: English lexical attributes (``is_punct``, ``is_space``) without a model.
_VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], spaces: list[bool], starts: list[int]) -> Doc:
    sent_starts = [i in starts for i in range(len(words))]
    return Doc(_VOCAB, words=words, spaces=spaces, sent_starts=sent_starts)


def test_unsplit_end_goes_on_past_a_sentence_end_with_no_punctuation():
    # 'cited harsh remarks Lund had made .' split by the parser before 'Lund'
    words = ["Varga", "cited", "harsh", "remarks", "Lund", "had", "made", "."]
    doc = _doc(words, [True] * 6 + [False, False], starts=[0, 4])
    assert unsplit_end(doc, 3) == 7
    assert trim(doc, 2, 3) == (doc[2].idx, doc[6].idx + len("made"))


@pytest.mark.parametrize(
    ("words", "spaces", "starts"),
    [
        # a sentence that ends with its full stop
        (["Varga", "cited", "remarks", ".", "Lund", "left", "."], [True] * 7, [0, 4]),
        # a title line: the next sentence starts on a new line
        (["Varga", "cited", "remarks", "\n", "Lund", "left", "."], [True] * 7, [0, 4]),
        # the end of the document
        (["Varga", "cited", "remarks"], [True, True, False], [0]),
    ],
)
def test_unsplit_end_near_misses(words, spaces, starts):
    doc = _doc(words, spaces, starts)
    assert unsplit_end(doc, 2) == 2
