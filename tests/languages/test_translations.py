"""A reader's own translation of a Russian/Ukrainian statement, shown beside the original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "examples" / "corpus-ru-uk" / "ru-01-wire-ostrikov-velda.txt"
ENGLISH = "We did not come here to pretend that our differences are gone."


@pytest.fixture
def cli(tmp_path, make_cli):
    cli = make_cli(tmp_path / "t.db")
    assert cli("ingest", str(DOC)).exit_code == 0
    return cli


def _first_statement_id(cli) -> int:
    shown = json.loads(cli("show", str(DOC), "--format", "json").stdout)
    return shown[0]["statements"][0]["id"]


def test_a_translation_is_shown_beside_the_original(cli, tmp_path):
    sid = _first_statement_id(cli)
    result = cli("translate", str(sid), ENGLISH, "--language", "en")
    assert result.exit_code == 0, result.output
    for fmt in ("md", "html"):
        out = tmp_path / f"d.{fmt}"
        result = cli("dossier", "--speaker", "Сергей Остриков", "--title", "T", "-o", str(out))
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        assert "Мы приехали не для того" in text  # the original stays
        assert ENGLISH in text
        assert "language: ru" in text


def test_a_second_translation_replaces_the_first(cli, tmp_path):
    sid = _first_statement_id(cli)
    assert cli("translate", str(sid), "first").exit_code == 0
    assert cli("translate", str(sid), "second").exit_code == 0
    out = tmp_path / "d.md"
    cli("dossier", "--speaker", "Сергей Остриков", "--title", "T", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "by a reader):* second" in text
    assert "by a reader):* first" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["99999", "text"], "no statement with id 99999"),
        (["1", "   "], "the translation is empty"),
        (["1", "text", "--language", "e n"], "is not a language code"),
    ],
)
def test_bad_input_gets_one_line(cli, args, message):
    result = cli("translate", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
