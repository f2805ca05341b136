"""Property: whatever mix of quote marks and text, every span points at itself."""

from __future__ import annotations

from itertools import pairwise
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saidwhat.extraction.quotes import find_quotes

PIECES = [
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    " ",
    "\n",
    "\n\n",
    ", ",
    ". ",
    ": ",
    "he said",
    "she said",
    "Senator Ann Kolb said",
    "Kolb",
    "told reporters",
    "according to Kolb",
    "we will win",
    "don't",
    "Russia’s",
    "the ’90s",
    "He added",
    "Question:",
    "Ann Kolb:",
    "the minister",
    "that the vote",
    "failed",
    "@kolb tweeted",
    "―",
    "Q:",
    "A:",
]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


@given(texts)
@settings(max_examples=300, deadline=None)
def test_quote_spans_lie_inside_the_text(text):
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        for s, e in q.fragments:
            assert q.start <= s < e <= q.end


@given(texts)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_every_statement_satisfies_the_offset_invariant(extract, text):
    def strict(st, text, ref):  # the pipeline drops (and logs) a bad statement; here it fails
        st.check_offsets(text)
        return True

    with patch("saidwhat.extraction.pipeline._valid", strict):
        result = extract(text)  # the fixture checks every statement's offsets too
    for stmt in result.statements:
        assert 0.0 <= stmt.confidence <= 1.0
        frags = stmt.fragments or []
        for s, e in frags:
            assert 0 <= s < e <= len(text)
        if frags:  # the quote is the first piece (interrupted) or spans them all (paragraphs)
            assert frags[0][0] <= stmt.quote_start < stmt.quote_end <= frags[-1][1]
            assert all(a[1] <= b[0] for a, b in pairwise(frags))
