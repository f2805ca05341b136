"""One invented sentence per form the extractor handles: kind, span and speaker."""

from __future__ import annotations

import pytest


def only(result, kind=None):
    sts = [s for s in result.statements if kind is None or s.kind == kind]
    assert len(sts) == 1, [(s.kind, s.quote) for s in result.statements]
    return sts[0]


# -- direct quotes ---------------------------------------------------------------


def test_direct_cue_after(extract):
    st = only(extract("“We will not sign this treaty,” Senator John Carver said on Monday."))
    assert st.kind == "direct"
    assert st.quote == "We will not sign this treaty,"  # without the enclosing marks
    assert st.speaker == "John Carver"
    assert st.cue == "said"


def test_direct_cue_before_with_colon(extract):
    st = only(extract("Minister Anna Petrova told reporters: “The border stays open.”"))
    assert st.kind == "direct"
    assert st.quote == "The border stays open."
    assert st.speaker == "Anna Petrova"
    assert st.role == "Minister"


def test_direct_cue_in_the_middle_is_one_statement_with_fragments(extract):
    text = "“We came to talk,” Petrova said, “and we will keep talking.”"
    st = only(extract(text))
    assert st.kind == "direct"
    assert st.quote == "We came to talk,"  # the first piece; every piece is in fragments
    assert st.fragments == [[1, 17], [34, len(text) - 1]]
    assert text[st.fragments[1][0] : st.fragments[1][1]] == "and we will keep talking."
    assert st.speaker == "Petrova"


def test_straight_quotes_and_inverted_cue(extract):
    st = only(extract('"Nobody expected this," said Mayor Linda Hoyt.'))
    assert st.kind == "direct"
    assert st.quote == "Nobody expected this,"
    assert st.speaker == "Linda Hoyt"


# -- indirect and mixed ------------------------------------------------------------


def test_indirect_said_that(extract):
    st = only(extract("Governor Tom Alder said that the new budget would cut school funding."))
    assert st.kind == "indirect"
    assert st.quote == "that the new budget would cut school funding"
    assert st.speaker == "Tom Alder"


def test_indirect_according_to(extract):
    st = only(extract("The plant will close in March, according to the union leader Maria Vance."))
    assert st.kind == "indirect"
    assert st.quote == "The plant will close in March"
    assert st.speaker == "Maria Vance"
    assert st.cue.lower() == "according to"


def test_indirect_told_reporters(extract):
    st = only(extract("Alder told reporters the deal was almost done."))
    assert st.kind == "indirect"
    assert st.quote == "the deal was almost done"
    assert st.speaker == "Alder"


def test_mixed_quote(extract):
    st = only(extract("Senator Ruth Kellerman called the talks “a landmark for both nations”."))
    assert st.kind == "mixed"
    assert st.quote == "the talks “a landmark for both nations"  # no closing mark at the end
    assert st.speaker == "Ruth Kellerman"


def test_scare_quote_title_is_not_a_statement(extract):
    result = extract("She appeared on “Morning Show” last week to promote her book.")
    assert result.statements == []


# -- blocks, transcripts, lines, headlines ---------------------------------------------


def test_block_quote_over_paragraphs(extract):
    text = (
        "Foreign Minister Pavel Orlov wrote on Facebook:\n\n"
        "“The first point is simple.\n\n"
        "“The second point is that we wait.”\n\nThe post was shared widely."
    )
    st = only(extract(text))
    assert st.kind == "block"
    assert st.quote.startswith("The first point") and st.quote.endswith("we wait.")
    assert len(st.fragments) == 2
    assert st.speaker == "Pavel Orlov"
    assert st.cue == "wrote"


def test_transcript_answers_are_qa_and_questions_are_not_statements(extract):
    text = (
        "Question: “Will you meet the president?”\n\n"
        "Pavel Orlov: “We have no such plans for now.”\n\n"
        "Question: “And later?”\n\n"
        "Pavel Orlov: Later we will see.\n"
    )
    result = extract(text)
    assert [s.kind for s in result.statements] == ["qa", "qa"]
    assert all(s.speaker == "Pavel Orlov" for s in result.statements)
    assert result.statements[0].quote == "We have no such plans for now."
    assert result.statements[1].quote == "Later we will see."


def test_q_and_a_labels(extract):
    text = "Q: Is the border open?\n\nA: It is open to trucks only.\n"
    result = extract(text)
    assert [s.kind for s in result.statements] == ["qa"]
    assert result.statements[0].quote == "It is open to trucks only."


def test_name_role_line(extract):
    text = "Ivan Sorokin, the chair of the Duma budget committee: “The numbers do not add up.”"
    st = only(extract(text))
    assert st.kind == "direct"
    assert st.speaker == "Ivan Sorokin"
    assert st.role == "chair of the Duma budget committee"
    assert st.quote == "The numbers do not add up."


def test_headline_goes_into_the_statement_it_paraphrases(extract):
    text = (
        "Senator Kellerman: ‘The Recovery Has Started’\n\n"
        "Senator Ruth Kellerman said: “The recovery has started and it will continue.”\n"
    )
    st = only(extract(text))
    assert st.headline == "Senator Kellerman: ‘The Recovery Has Started’"
    assert st.speaker == "Ruth Kellerman"


def test_handle_tweeted(extract):
    st = only(extract("@jcarver tweeted: “The vote is tomorrow. Be there.”"))
    assert st.kind == "direct"
    assert st.speaker_mention == "@jcarver"
    assert st.speaker == "@jcarver"


def test_handle_mapped_to_the_named_person(extract):
    st = only(extract("Senator John Carver (@jcarver) tweeted: “The vote is tomorrow.”"))
    assert st.speaker == "John Carver"


@pytest.mark.parametrize(
    "quote",
    ["«We stay here.»", "„We stay here.“", "‘We stay here.’", '"We stay here."', "“We stay here.”"],
)
def test_every_quote_mark_type(extract, quote):
    st = only(extract(f"{quote[:-2]},{quote[-1]} Orlov said."))
    assert st.kind == "direct"
    assert st.speaker == "Orlov"


def test_apostrophes_inside_words_are_not_quotes(extract):
    result = extract("Orlov said Russia’s budget wasn’t cut in the ’90s and doesn't need cuts now.")
    st = only(result)
    assert st.kind == "indirect"


def test_nested_quotes(extract):
    text = "“They called it ‘a farce’ and walked out,” Petrova said."
    st = only(extract(text))
    assert st.kind == "direct"
    assert st.quote == "They called it ‘a farce’ and walked out,"


# -- speakers ---------------------------------------------------------------------


def test_pronoun_resolves_to_the_last_person(extract):
    text = (
        "Foreign Minister Pavel Orlov arrived in Vienna on Monday.\n\n"
        "He said the talks would last two days."
    )
    st = only(extract(text))
    assert st.speaker_mention == "He"
    assert st.speaker == "Pavel Orlov"


def test_she_skips_a_male_antecedent(extract):
    text = (
        "Spokeswoman Maria Lind met Governor Tom Alder on Friday.\n\n"
        "She said the meeting was useful."
    )
    st = only(extract(text))
    assert st.speaker == "Maria Lind"


def test_the_minister_resolves_by_role(extract):
    text = (
        "Foreign Minister Pavel Orlov arrived in Vienna on Monday with Ivan Sorokin.\n\n"
        "The minister said the visit was a success."
    )
    st = only(extract(text))
    assert st.speaker == "Pavel Orlov"


def test_aliases_merge_with_transliteration(extract):
    text = (
        "Russian Foreign Minister Sergei Orlov said that talks would resume.\n\n"
        "Sergey Orlov added that nothing was agreed.\n\n"
        "Orlov said the delegations would meet again."
    )
    result = extract(text)
    assert {s.speaker for s in result.statements} == {"Sergei Orlov"} or {
        s.speaker for s in result.statements
    } == {"Sergey Orlov"}
    (person,) = result.people
    assert "Orlov" in person.aliases
    assert person.roles == ["Russian Foreign Minister"]
    assert person.country == "Russia"


def test_two_people_with_one_surname_stay_apart(extract):
    text = (
        "Anna Lind said that the bill would pass.\n\nHer brother Erik Lind said that it would fail."
    )
    result = extract(text)
    assert [s.speaker for s in result.statements] == ["Anna Lind", "Erik Lind"]


def test_organisations_and_outlets(extract):
    result = extract(
        "The Kremlin said that the visit was useful. Kommersant reported that the talks stalled."
    )
    kinds = {s.speaker: s.speaker_type for s in result.statements}
    assert kinds.get("Kommersant") == "outlet"
    assert result.statements[0].speaker_type == "organisation"


def test_unknown_speaker_is_still_reported(extract):
    text = (
        "“This will be a long winter for everyone in the valley, believe me,” one resident added."
    )
    st = only(extract(text))
    assert st.kind == "direct"
    assert st.speaker is None
    assert st.speaker_mention == "one resident"


def test_social_post_is_one_statement(extract):
    result = extract(
        "Talks went well today. More tomorrow.",
        format="tweet",
        author="Anna Lind",
        platform="X",
        published="2026-05-12T10:00:00+00:00",
    )
    st = only(result)
    assert (st.kind, st.speaker, st.source, st.date) == ("post", "Anna Lind", "X", "2026-05-12")


def test_date_defaults_to_published(extract):
    st = only(extract("Alder said the deal was done.", published="2026-05-12T10:00:00"))
    assert st.date == "2026-05-12"


def test_a_answers_go_to_the_interviewee_named_before_the_transcript(extract):
    text = (
        "Briefing by spokeswoman Maria Lind.\n\n"
        "Questions are marked Q and Maria Lind's answers A.\n\n"
        "Q: Will the talks resume?\n\n"
        "A: They will resume in June.\n"
    )
    st = only(extract(text))
    assert (st.kind, st.speaker) == ("qa", "Maria Lind")


def test_interviewer_label_asks_questions(extract):
    text = (
        "HERALD: Why do you oppose the deal?\n\n"
        "KOLB: Because it gives away too much.\n\n"
        "HERALD: Will you vote against it?\n\n"
        "KOLB: Yes, I will.\n"
    )
    result = extract(text)
    assert [s.speaker for s in result.statements] == ["Kolb", "Kolb"]


def test_role_then_apposed_name(extract):
    st = only(
        extract("The Vessian ambassador, Pavel Dronov, told reporters the office would reopen.")
    )
    assert st.speaker == "Pavel Dronov"


def test_apposed_name_set_off_by_commas(extract):
    st = only(
        extract("The mayor of the river town, Marat Chelnok, told reporters the road was closed.")
    )
    assert st.speaker == "Marat Chelnok"


def test_title_reference_prefers_the_person_just_mentioned(extract):
    text = (
        "Senator Peter Voss said the agreement was the best available.\n\n"
        "Carla Dunmore, the chair of the committee, voted in favour.\n\n"
        "“I am voting for the road,” the senator said."
    )
    result = extract(text)
    assert result.statements[-1].speaker == "Carla Dunmore"


def test_mixed_label_ends_at_the_quote_before_a_time_adjunct(extract):
    st = only(extract("Governor Tom Alder blasted the plan as a “disgrace” on Wednesday in Velda."))
    assert st.kind == "mixed"
    assert st.quote == "the plan as a “disgrace"
    assert st.speaker == "Tom Alder"


def test_according_to_at_the_start_and_in_the_middle(extract):
    st = only(
        extract("According to radio host Tom Reyes, the move reeks of “fear” and desperation.")
    )
    assert (st.kind, st.speaker) == ("mixed", "Tom Reyes")
    assert st.quote == "the move reeks of “fear” and desperation"
    text = "The deal, according to two officials, was signed on Monday."
    st = only(extract(text))
    assert st.kind == "indirect"
    assert [text[s:e] for s, e in st.fragments] == ["The deal", "was signed on Monday"]


def test_he_refers_to_the_last_named_speaker_even_when_the_ner_missed_him(extract):
    text = (
        'Senator Boris Tarkhanov, the deputy head of the trade panel, said: "We deal in '
        'facts." He later added that the visit had gone well.\n\n(, June 2, 2026)\n\n'
        "Economist: Neither Side Wants A Quarrel\n\n"
        "Sergey Veltishchev, a fellow at the Bureau for Harbour Studies at the Northern "
        "Academy's Institute of Maritime Trade, said that no ferry treaty had ever been "
        "signed so quickly. He said that the previous accord took a decade to agree.\n"
    )
    statements = extract(text).statements
    previous = next(st for st in statements if st.quote.startswith("that the previous accord"))
    assert previous.speaker == "Sergey Veltishchev"
    assert previous.speaker_mention == "He"
    treaty = next(st for st in statements if st.quote.startswith("that no ferry treaty"))
    assert treaty.speaker == "Sergey Veltishchev"
    assert treaty.speaker_type == "person"
