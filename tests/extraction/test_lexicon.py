"""The lexicon: every English word list in one module, lexicons keyed by language."""

from __future__ import annotations

import dataclasses

import pytest

from saidwhat.extraction import lexicon
from saidwhat.extraction.lexicon import ENGLISH, Lexicon, lexicon_for, register


def test_english_is_the_default_and_holds_every_list():
    assert lexicon_for(None) is ENGLISH and lexicon_for("en") is ENGLISH
    for f in dataclasses.fields(Lexicon):
        if f.name != "language":
            assert getattr(ENGLISH, f.name), f.name


def test_perception_and_result_verbs_are_not_speech():
    for verb in ("see", "realize", "refuse", "notice"):
        assert verb in ENGLISH.not_speech_verbs
        assert verb not in ENGLISH.speech_verbs | ENGLISH.belief_verbs | ENGLISH.intent_verbs


def test_a_language_is_one_more_registered_lexicon(monkeypatch):
    monkeypatch.setattr(lexicon, "_LEXICONS", dict(lexicon._LEXICONS))
    with pytest.raises(KeyError, match="'xx'"):
        lexicon_for("xx")
    register(dataclasses.replace(ENGLISH, language="xx", speech_verbs=frozenset({"sagen"})))
    assert lexicon_for("xx").speech_verbs == {"sagen"}


@pytest.mark.parametrize(
    "text",
    [
        "The harbour staff noticed that the crane was leaning.",
        "Residents saw him win the vote.",
        "The mayor realizes that the bridge is old.",
        "Councillor Dara Lund refused to sign the tender.",
        "Figures show that the harbour is busier than ever.",
        "The data suggest that fares will rise.",
    ],
)
def test_perception_verbs_make_no_statement(extract, text):
    assert extract(text).statements == []


def test_first_names_have_one_gender_each():
    assert not ENGLISH.female_names & ENGLISH.male_names
    assert {"ilse", "dara", "margit"} <= ENGLISH.female_names
    assert {"tomas", "piet", "oskar"} <= ENGLISH.male_names
