"""`saidwhat ingest` on Russian and Ukrainian news, transcripts and Telegram exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus-ru-uk"
ENGLISH = ROOT / "examples" / "corpus" / "01-wire-ostrikov-velda.txt"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, make_cli):
    cli = make_cli(tmp_path_factory.mktemp("ru") / "ru.db")
    # one run over a mixed-language selection: Russian, Ukrainian and English
    result = cli("ingest", str(CORPUS), str(ENGLISH), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    return cli, report[0] if isinstance(report, list) else report


def test_every_document_is_extracted(ingested):
    _, report = ingested
    assert report["errors"] == 0 and report["unsupported"] == 0
    assert report["stored"] == report["documents"] >= 9
    assert report["statements"] >= 40


def test_speakers_are_canonical_and_one_person_across_scripts(ingested):
    cli, _ = ingested
    people = {p["name"]: p for p in cli.jsonl("speakers")}
    # the English wire, the Russian wire and the Ukrainian report quote one minister
    ostrikov = people["Сергей Остриков"]
    assert {"Sergey Ostrikov", "Сергій Остриков"} <= set(ostrikov["aliases"])
    for name in ("Маргит Халлен", "Павел Дронов", "Карла Данмор", "МЗС Весії", "Гранитный дворец"):
        assert name in people, sorted(people)
    assert people["Гранитный дворец"]["type"] == "organisation"
    # no inflected form is ever a canonical name
    assert not any(n.endswith(("ова", "ого", "ым", "ою")) for n in people if " " not in n)


def test_statements_keep_offsets_into_their_documents(ingested):
    cli, _ = ingested
    rows = cli.jsonl("quotes", "--limit", "500")
    texts = [r for r in rows if r["doc"].endswith(".txt")]
    assert len(texts) >= 30
    for r in texts:
        text = Path(r["doc"]).read_text(encoding="utf-8")
        assert text[r["quote_start"] : r["quote_end"]] == r["quote"]
        if r["speaker_mention"] is not None:
            assert text[r["speaker_start"] : r["speaker_end"]] == r["speaker_mention"]
    assert sum(r["speaker"] == "Сергей Остриков" for r in rows) >= 6
