"""Where reported clauses end, and cue lookups on misparsed attributions (invented sentences)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from saidwhat.extraction.builders import QuoteMask
from saidwhat.extraction.quote_context import cue_token as _cue_token
from saidwhat.extraction.quotes import find_quotes


def test_trailing_appositive_is_not_reported(extract):
    text = (
        "Critics say the money could be better spent in partnership with NATO, "
        "the existing alliance that includes most European countries."
    )
    st = next(s for s in extract(text).statements if s.cue == "say")
    assert st.quote == "the money could be better spent in partnership with NATO"


def test_trailing_participle_after_adverb_is_not_reported(extract):
    text = (
        'The mayor told voters this week he would consider it a "personal insult" if they '
        "stayed home, implicitly putting his own name on the ballot as his deputy struggles."
    )
    st = next(s for s in extract(text).statements if s.cue == "told")
    assert st.quote.endswith("if they stayed home")


def test_cue_after_quote_whose_parsed_subject_is_inside_the_quote():
    # the parse a small model can give: 'said' conjoined to the quoted verb, inheriting 'We'
    words = "“ We will win this case , ” Tulsa fire Chief Dana Oliver said Monday .".split()  # noqa: SIM905
    heads = [3, 3, 3, 3, 5, 3, 3, 3, 3, 10, 8, 12, 10, 3, 13, 3]
    deps = "punct nsubj aux ROOT det dobj punct punct dep compound dobj compound appos conj "
    deps += "npadvmod punct"
    pos = "PUNCT PRON AUX VERB DET NOUN PUNCT PUNCT VERB NOUN PROPN PROPN PROPN VERB PROPN PUNCT"
    lemmas = "“ we will win this case , ” tulsa fire chief dana oliver say monday ."
    spaces = [False, True, True, True, True, False, False, True] + [True] * 6 + [False, False]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps.split(),
        pos=pos.split(),
        lemmas=lemmas.split(),
        sent_starts=[True] + [False] * 15,
    )
    doc.ents = [Span(doc, 11, 13, label="PERSON")]
    quotes = find_quotes(doc.text)
    found = _cue_token(doc, 8, len(doc), QuoteMask(quotes))
    assert found is not None
    cue, speaker = found
    assert (cue.text, speaker.text) == ("said", "Oliver")


def test_mixed_complement_runs_on_after_the_quoted_words(extract):
    text = (
        "Clinton stressed the need to bolster the nation’s power grid under “constant attack” "
        "from foreign hackers."
    )
    st = next(s for s in extract(text).statements if s.cue == "stressed")
    assert st.kind == "mixed"
    assert st.quote.endswith("“constant attack” from foreign hackers")


def test_a_show_title_in_quotation_marks_is_not_a_fragment(extract):
    text = '"We will win this state," Governor Dana Holt said on NBC\'s "Meet the Voters."'
    st = only_one(extract(text))
    assert st.kind == "direct"
    assert st.quote == "We will win this state,"
    assert not st.fragments


def test_scare_quoted_modifier_is_not_a_statement(extract):
    text = 'She would also close the notorious "golden parachute" loophole for bank executives.'
    assert not [s for s in extract(text).statements if "golden" in s.quote]


def only_one(result):
    assert len(result.statements) == 1, [(s.kind, s.quote) for s in result.statements]
    return result.statements[0]


def test_a_cue_in_capitals_is_a_headline(extract):
    text = (
        "Dr. Reed has been criticized for years by his peers.\n\n"
        "FELLOW DOCTORS DO NOT WANT TO WORK WITH HIM: A survey of colleagues found few allies."
    )
    assert not [s for s in extract(text).statements if s.cue and s.cue.isupper()]


def test_a_clause_cut_off_by_a_colon_is_not_what_the_cue_reports(extract):
    text = (
        "A new round of budget fights opened in the capital on Friday: "
        "Republicans said they would block the bill."
    )
    st = only_one(extract(text))
    assert st.quote == "they would block the bill"
    assert st.speaker == "Republicans"


def test_a_that_clause_after_the_cue_wins_over_a_clause_before_it():
    from saidwhat.extraction.indirect import _complement

    # 'Writing for the panel, Holt noted that she won.' parsed with the opening clause as ccomp
    words = ["Writing", "for", "the", "panel", ",", "Holt", "noted", "that", "she", "won", "."]
    heads = [6, 0, 3, 1, 6, 6, 6, 9, 9, 6, 6]
    deps = "ccomp prep det pobj punct nsubj ROOT mark nsubj ccomp punct".split()  # noqa: SIM905
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    comp, how = _complement(doc[6])
    assert (comp.text, how) == ("won", "ccomp")


def test_cue_after_a_quote_the_parser_closed_as_its_own_sentence(extract):
    text = (
        "She said she wanted to speak “directly to young voters” and let them know that "
        "“this is their fight.” “How long must we wait for change in our city?” Holt said. "
        "“In Dayton, a family lost its home. This is unbearable.”"
    )
    st = next(s for s in extract(text).statements if s.quote.startswith("How long"))
    assert st.kind == "direct"
    assert st.speaker == "Holt"
    assert st.cue == "said"
    assert len(st.fragments) == 2  # the quote after the cue is its second piece


def test_a_quote_nested_in_a_reported_clause_is_part_of_the_outer_statement(extract):
    text = "Reed said that the mayor likes to call the plan “a total disaster for the city.”"
    st = only_one(extract(text))
    assert st.kind == "mixed"
    assert st.speaker == "Reed"
    assert st.quote.startswith("that the mayor likes")


def test_a_straight_mark_left_open_is_not_continued_by_a_curly_quote():
    text = '"Dana was asleep by then.\n\n“Here we go, love,” he said. “The show is on.”'
    quotes = find_quotes(text)
    assert all(not q.fragments for q in quotes)
    assert any(text[q.start : q.end] == "“Here we go, love,”" for q in quotes)
