"""The rule coder on invented sentences: one phenomenon per test."""

from __future__ import annotations

import pytest

from saidwhat.events import main_event
from saidwhat.events.plover import EVENT_TYPES, SCORES, score


def _main(events, needle: str, text: str):
    at = text.index(needle)
    return main_event([e for e in events if e.sentence_start <= at < e.sentence_end])


@pytest.mark.parametrize(
    ("sentence", "event", "recipient"),
    [
        ("Tarvia accused Molden of shelling the border villages.", "ACCUSE", "Molden"),
        (
            "The Tarvian government urged Molden to release the detained sailors.",
            "REQUEST",
            "Molden",
        ),
        ("Molden rejected the proposal from Tarvia.", "REJECT", "Tarvia"),
        ("Minister Arno Kell met Foreign Minister Lise Vant in Orrin.", "CONSULT", "Lise Vant"),
        ("Tarvia threatened to cut off gas supplies to Molden.", "THREATEN", "Molden"),
        ("Molden offered to hand over the suspects to Tarvia.", "AGREE", "Tarvia"),
        ("Tarvia imposed sanctions on Molden.", "SANCTION", "Molden"),
        ("Tarvian troops attacked a Molden border post.", "ASSAULT", "Molden"),
        (
            "Thousands of students protested against the government in Orrin.",
            "PROTEST",
            "government",
        ),
        ("Tarvia sent food and medicine to Molden.", "AID", "Molden"),
        ("Police arrested the opposition leader Petr Dorn.", "COERCE", "Petr Dorn"),
    ],
)
def test_event_type_and_recipient(code, sentence, event, recipient):
    ev = _main(code(sentence), sentence[:10], sentence)
    assert ev is not None and ev.event == event
    assert any(recipient in (r.name, r.text) or recipient in r.text for r in ev.recipient)


def test_negation_and_condition_are_marked_not_coded_as_the_positive_event(code):
    text = "Tarvia did not meet the Molden delegation. If Molden attacks, Tarvia will respond."
    events = code(text)
    meet = _main(events, "did not", text)
    assert meet.event == "CONSULT" and meet.aux == "negation" and meet.score is None
    attack = next(e for e in events if e.span == "attacks")
    assert attack.aux == "hypothetical" and attack.stance is None


def test_a_refusal_stated_as_negated_future_is_reject(code):
    text = "Tarvia will not withdraw its troops from the border."
    ev = _main(code(text), "Tarvia", text)
    assert ev.event == "REJECT" and ev.score == score("REJECT", ev.mode)


def test_statement_events_have_the_speaker_as_actor_for_we(code):
    text = 'Foreign Minister Arno Kell said: "We condemn the shelling of Orrin by Molden."'
    ev = _main(code(text), "condemn", text)
    assert ev.event == "ACCUSE" and ev.statement is not None
    assert ev.actor and ev.actor[0].name == "Arno Kell"


def test_reported_action_has_the_acting_entity_as_actor(code):
    text = "Minister Arno Kell met Lise Vant on Monday."
    ev = _main(code(text), "met", text)
    assert ev.actor[0].name == "Arno Kell" and ev.recipient[0].name == "Lise Vant"


def test_titles_are_not_coded(code):
    text = "Kell Condemns Molden Raid\n\nThe weather was mild on Monday."
    assert code(text) == []


def test_score_table_covers_every_type_and_reads_accuse_as_negative():
    assert {t for t, _ in SCORES} == set(EVENT_TYPES)
    assert score("ACCUSE") < 0 and score("AID") == 10 and score("ASSAULT", "drone") == -9.5
    with pytest.raises(ValueError):
        score("HUG")


def _names(entities) -> list[str]:
    return [e.name for e in entities] + [e.text for e in entities]


@pytest.mark.parametrize(
    ("sentence", "needle", "event", "actor", "recipient"),
    [
        # an obligation in a reported clause is the reporter's demand of its subject
        (
            "The Tarvian foreign minister said that Molden must hand over the suspects.",
            "must",
            "REQUEST",
            "Tarvian foreign minister",
            "Molden",
        ),
        # a participle stating the subject's stance: the subject acts
        (
            "Tarvia is opposed to Moldenian mediation in the talks.",
            "opposed",
            "REJECT",
            "Tarvia",
            "Moldenia",
        ),
        # "its troops" is the actor's own; the recipient is the one they are offered to
        (
            "Tarvia has offered its troops to the Moldenian president.",
            "offered",
            "AGREE",
            "Tarvia",
            "Moldenian president",
        ),
        # the subject of the demanded clause is the one asked
        (
            "Tarvian officials demanded that Molden withdraw its troops.",
            "demanded",
            "REQUEST",
            "Tarvian officials",
            "Molden",
        ),
        # a passive subject that is not itself an actor: the named group inside it
        (
            "A camp for Moldenian refugees was attacked by Tarvian militiamen.",
            "attacked",
            "ASSAULT",
            "Tarvian militiamen",
            "Moldenian",
        ),
        # "it" in a reported clause is the reporter
        (
            "Tarvia said it would allow the inspectors to return to Molden.",
            "allow",
            None,
            "Tarvia",
            None,
        ),
        # the noun of a light verb carries the recipient ("staged rallies ... against X")
        (
            "Angry activists from the Orrin Party staged rallies against the Molden government.",
            "rallies",
            "PROTEST",
            "Orrin Party",
            "Molden government",
        ),
    ],
)
def test_actor_and_recipient_phenomena(code, sentence, needle, event, actor, recipient):
    events = [e for e in code(sentence) if e.realised or event is None]
    ev = main_event(events)
    assert ev is not None, events
    if event is not None:
        assert ev.event == event
    assert any(actor in n for n in _names(ev.actor)), ev.actor
    if recipient is not None:
        assert any(recipient in n for n in _names(ev.recipient)), ev.recipient


def test_an_obligation_of_ones_own_is_no_demand(code):
    text = '"We must be careful," said Foreign Minister Arno Kell.'
    assert not [e for e in code(text) if e.event == "REQUEST"]


def test_a_modifier_noun_is_no_event(code):
    text = "Riot police in Orrin patrolled the square on Monday."
    assert not [e for e in code(text) if e.event == "PROTEST"]


def test_an_arrest_without_agent_is_the_place_s_state(code):
    text = "A Tarvian journalist was arrested in Molden on Monday."
    ev = main_event(code(text))
    assert ev.event == "COERCE"
    assert "Molden" in _names(ev.actor) and any("Tarvia" in n for n in _names(ev.recipient))


@pytest.mark.parametrize(
    "sentence",
    [
        "Tarvia demonstrated its readiness to talk.",  # showing, not a demonstration
        "The deal meets the interests of both sides.",  # no meeting
        "Tarvia is open to talks in areas where our interests meet.",
        "The relations, which were destroyed by the previous government, must be rebuilt.",
        "Kell took two cameras to the briefing.",  # no "take to the streets"
    ],
)
def test_senses_that_are_not_the_event(code, sentence):
    words = {
        "demonstrated": "PROTEST",
        "meet": "CONSULT",
        "destroyed": "ASSAULT",
        "took": "PROTEST",
    }
    for ev in code(sentence):
        assert not (ev.span.split()[0] in words and ev.event == words[ev.span.split()[0]]), ev


def test_meeting_demands_is_yielding_and_refusing_it_a_rejection(code):
    text = "Tarvia said it would not meet the demands of the kidnappers."
    ev = main_event(code(text))
    assert ev.event == "REJECT" and ev.actor and ev.actor[0].name == "Tarvia"
