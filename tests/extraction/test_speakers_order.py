"""Who said it does not depend on the order the statements are resolved in.

The resolver reads a document's speaker mentions in one pass in document order
and then answers from that frozen state: resolving the statements of a document
in any shuffled order (and asking about other mentions in between) gives the
same speakers as the pipeline's own run.
"""

from __future__ import annotations

import random

import pytest

from saidwhat.extraction import pipeline

TEXT = (
    "Transport Minister Lena Voss and Senator Ola Brandt met Dara Novak, the union chair, "
    "at the Arkhavian embassy in Tallstad on Monday.\n\n"
    "“The ferries will keep running,” Voss said. “Nobody will lose a job.”\n\n"
    "Brandt was not convinced. “It is a promise without money,” he said.\n\n"
    "The embassy said it “welcomes the talks.” The minister added that the port would stay "
    "open.\n\n"
    "Ana Novak, the ambassador, told reporters: “We will pay for the new pier.”\n\n"
    "“That is the first good news in a year,” Novak said. She said the union would wait.\n\n"
    "The Harbour Herald published the plan on Tuesday. The newspaper said the plan "
    "was “a fantasy.”"
)


@pytest.fixture(scope="module")
def run(extractor):
    """The pipeline's resolver arguments and answers for TEXT."""
    made: list[tuple[tuple, dict, pipeline.SpeakerResolver]] = []
    original = pipeline.SpeakerResolver

    class Recording(original):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append((args, kwargs, self))

    pipeline.SpeakerResolver = Recording
    try:
        result = extractor.extract(pipeline.Document(text=TEXT, ref="<order>"))
    finally:
        pipeline.SpeakerResolver = original
    (args, kwargs, resolver), *_ = made
    return result, args, kwargs, resolver


def _mentions(cands) -> list[tuple[int, int, int | None]]:
    return [
        (c.speaker_start, c.speaker_end, c.speaker_tok)
        for c in cands
        if c.speaker_start is not None and c.speaker_end is not None
    ]


def _speakers(resolver, mentions) -> dict:
    out = {}
    for s, e, h in mentions:
        ci = resolver.resolve(s, e, h)
        out[(s, e, h)] = None if ci is None else resolver.cluster(ci).name
    return out


def test_the_document_has_the_phenomena(run):
    """The text exercises pronouns, descriptions and namesakes (else the test proves little)."""
    result, _, _, resolver = run
    rules = {a[3] for a in resolver.answered()}
    assert {"pronoun", "role_noun", "org_noun", "outlet_noun", "explicit_name"} <= rules
    speakers = [st.speaker for st in result.statements]
    assert {"Lena Voss", "Ola Brandt", "Ana Novak", "Arkhavian embassy"} <= set(speakers)
    assert "Dara Novak" not in speakers  # "Novak said" after Ana Novak is Ana


@pytest.mark.parametrize("seed", range(5))
def test_shuffled_order_gives_the_same_speakers(run, seed):
    result, args, kwargs, _ = run
    sdoc, hidden, labels, headlines, cands, settings = args
    mentions = _mentions(cands)
    in_order = _speakers(pipeline.SpeakerResolver(*args, **kwargs), mentions)
    rng = random.Random(seed)
    shuffled_cands = list(cands)
    rng.shuffle(shuffled_cands)
    resolver = pipeline.SpeakerResolver(
        sdoc, hidden, labels, headlines, shuffled_cands, settings, **kwargs
    )
    asked = list(mentions)
    rng.shuffle(asked)
    assert _speakers(resolver, asked) == in_order
    # the pipeline's statements carry the same names
    by_span = {(s, e): name for (s, e, _), name in in_order.items()}
    for st in result.statements:
        if st.speaker_start is not None and (st.speaker_start, st.speaker_end) in by_span:
            assert st.speaker == by_span[(st.speaker_start, st.speaker_end)]


def test_asking_about_another_mention_first_changes_no_answer(run):
    _, args, kwargs, _ = run
    mentions = _mentions(args[4])
    before = _speakers(pipeline.SpeakerResolver(*args, **kwargs), mentions)
    resolver = pipeline.SpeakerResolver(*args, **kwargs)
    for word in ("he", "The newspaper", "Novak"):  # mentions no statement has
        at = TEXT.index(word)
        tok = args[0].char_span(at, at + len(word), alignment_mode="expand")
        resolver.resolve(at, at + len(word), tok.root.i)
    assert _speakers(resolver, mentions) == before
