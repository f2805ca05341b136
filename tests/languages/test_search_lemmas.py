"""Search in Russian and Ukrainian: a word finds its other case forms through lemmas."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.extraction.slavic.lemmas import expand_query, lemma_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus-ru-uk"


def test_lemma_text_lists_lemmas_that_differ_from_the_words():
    assert lemma_text("санкций рыбаки", "ru").split() == ["санкция", "рыбак"]
    assert lemma_text("санкция", "ru") == ""  # already a lemma: nothing to add
    assert "санкція" in lemma_text("нових санкцій", "uk").split()


def test_expand_query_adds_lemmas_to_bare_cyrillic_words_only():
    assert expand_query("санкции") == "(санкции OR санкция)"
    assert expand_query("санкції AND Кремль") == "(санкції OR санкція) AND Кремль"
    # phrases, prefixes, NEAR groups and Latin words are left as written
    assert expand_query('"новые санкции"') == '"новые санкции"'
    assert expand_query("санкц*") == "санкц*"
    assert expand_query("NEAR(санкции рыбаки)") == "NEAR(санкции рыбаки)"
    assert expand_query("sanctions OR Lavrov") == "sanctions OR Lavrov"


@pytest.fixture(scope="module")
def cli(tmp_path_factory, make_cli):
    cli = make_cli(tmp_path_factory.mktemp("lemmas") / "s.db")
    result = cli("ingest", str(CORPUS))
    assert result.exit_code == 0, result.output
    return cli


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("рыбаки", "задержанных рыбаков"),  # nominative plural finds the genitive
        ("рыбак", "задержанных рыбаков"),
        ("кордону", "перетнути кордон"),  # Ukrainian genitive finds the accusative
    ],
)
def test_a_case_form_finds_the_others(cli, query, expected):
    rows = cli.jsonl("quotes", query)
    assert any(expected in r["quote"] for r in rows), [r["quote"] for r in rows]


def test_an_unrelated_word_finds_nothing(cli):
    assert cli.jsonl("quotes", "пшеница") == []
