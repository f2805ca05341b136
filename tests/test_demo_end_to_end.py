"""The demo corpus through the real CLI: provenance and offsets of every stored statement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture(scope="module")
def demo(tmp_path_factory, make_cli):
    run = make_cli(tmp_path_factory.mktemp("demo") / "demo.db")
    result = run("ingest", CORPUS, "--format", "json")
    assert result.exit_code == 0, result.output
    return run, json.loads(result.stdout)[0]


def test_every_document_is_stored(demo):
    _, report = demo
    files = [p for p in CORPUS.iterdir() if p.suffix in {".txt", ".html"}]
    posts = (CORPUS / "posts.jsonl").read_text(encoding="utf-8").splitlines()
    assert report["documents"] == len(files) + len(posts)
    assert report["errors"] == 0 and report["statements"] > 0


def test_every_stored_statement_points_into_its_stored_text(demo):
    run, _ = demo
    hits = run.jsonl("quotes", "--limit", "100000")
    assert hits
    texts: dict[int, str] = {}
    for hit in hits:
        if hit["doc_id"] not in texts:
            shown = run("show", str(hit["doc_id"]), "--format", "json")
            texts[hit["doc_id"]] = json.loads(shown.stdout)[0]["document"]["text"]
        text = texts[hit["doc_id"]]
        assert text[hit["quote_start"] : hit["quote_end"]] == hit["quote"]
        if hit["speaker_mention"] is not None:
            assert text[hit["speaker_start"] : hit["speaker_end"]] == hit["speaker_mention"]
        assert hit["doc"] and hit["date"], hit  # every statement keeps its document and date


def test_posts_are_statements_by_their_author_on_their_platform(demo):
    run, _ = demo
    posts = [json.loads(line) for line in (CORPUS / "posts.jsonl").read_text().splitlines()]
    hits = run.jsonl("quotes", "--kind", "post", "--limit", "100")
    assert len(hits) == len(posts)
    by_text = {h["quote"]: h for h in hits}
    for post in posts:
        hit = by_text[post["text"].strip()]
        assert hit["source"] == post["platform"]
        assert hit["date"] == post["date"][:10]
        assert hit["url"] == post["url"]


def test_two_spellings_are_one_person(demo):
    run, _ = demo
    people = run.jsonl("speakers")
    names = [p["name"] for p in people]
    assert "Sergey Ostrikov" in names and "Sergei Ostrikov" not in names
    sergei = run.jsonl("quotes", "--speaker", "Sergei Ostrikov", "--limit", "1000")
    assert {h["speaker"] for h in sergei} == {"Sergey Ostrikov"}
    docs = {h["doc"] for h in sergei}
    # 06 spells him Sergei, 01 and 03 Sergey.
    assert any("06-oped" in d for d in docs) and any("01-wire" in d for d in docs)
