"""Snippets made in Python for SQLite hits (saidwhat.search.snippets)."""

from __future__ import annotations

from saidwhat.search.snippets import snippet, wanted_phrases

MARKS = ("[", "]")


def make(quote: str, expression: str, tokens: int = 16) -> str:
    return snippet(quote, wanted_phrases(expression), MARKS, tokens)


def test_words_phrases_and_prefixes_are_marked():
    quote = "The grain deal is over, said the minister; grain prices rose."
    assert (
        make(quote, '"grain"')
        == "The [grain] deal is over, said the minister; [grain] prices rose."
    )
    assert (
        make(quote, '"grain deal"')
        == "The [grain deal] is over, said the minister; grain prices rose."
    )
    assert (
        make(quote, '"min"*') == "The grain deal is over, said the [minister]; grain prices rose."
    )


def test_case_and_accents_fold_as_the_index_folds_them():
    assert make("Zelenskýy met ÉMILE.", '"zelenskyy" OR "emile"') == "[Zelenskýy] met [ÉMILE]."


def test_negated_terms_and_other_columns_are_not_marked():
    quote = "Talks on the harbour, not the airport."
    assert make(quote, '"harbour" NOT "airport"') == "Talks on the [harbour], not the airport."
    assert make(quote, 'speaker_name : "talks" AND quote : ("harbour")') == (
        "Talks on the [harbour], not the airport."
    )


def test_a_long_quote_is_cut_around_the_most_matches():
    words = [f"w{i}" for i in range(60)]
    words[40] = "ceasefire"
    words[43] = "ceasefire"
    words[5] = "ceasefire"
    quote = " ".join(words) + "."
    out = make(quote, '"ceasefire"', tokens=10)
    assert out.startswith("…") and out.endswith("…")
    assert out.count("[ceasefire]") == 2
    assert len(out.replace("…", "").split()) == 10


def test_a_quote_without_a_marked_word_is_returned_from_its_start():
    quote = " ".join(f"w{i}" for i in range(30))
    out = make(quote, '"absent"', tokens=8)
    assert out == "w0 w1 w2 w3 w4 w5 w6 w7…"
    assert make("", '"x"') == ""
    assert make("Short.", "not an expression (") == "Short."
