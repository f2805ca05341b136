"""The bundled demo corpus and its gold annotation are consistent.

These tests check the data only (offsets, ids, kinds, speakers, corpus shape);
they never run the extractor.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import importlib.util
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from saidwhat.model import SPEAKER_TYPES, STATEMENT_KINDS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = EXAMPLES / "corpus"
GOLD = EXAMPLES / "gold.jsonl"
REGISTRY = EXAMPLES / "registry.csv"

QUOTE_FIELDS = {
    "quote",
    "quote_start",
    "quote_end",
    "fragments",
    "speaker",
    "speaker_type",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "kind",
    "cue",
    "role",
    "date",
    "source",
    "source_missing",
    "headline",
}


def _gold() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


GOLD_RECORDS = _gold()


def _posts() -> list[dict]:
    lines = (CORPUS / "posts.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _source_text(doc_id: str) -> str:
    """The text the gold's offsets refer to, read the way the gold says."""
    assert doc_id.startswith("corpus/"), doc_id
    name = doc_id.removeprefix("corpus/")
    if "#" in name:
        file, n = name.split("#")
        assert file == "posts.jsonl"
        return _posts()[int(n) - 1]["text"]
    with open(CORPUS / name, encoding="utf-8") as f:
        return f.read()


def _html_text(path: Path) -> str:
    """The visible text of an HTML file, whitespace collapsed (tags dropped, entities decoded)."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def _registry() -> list[dict]:
    with open(REGISTRY, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _all_quotes():
    for rec in GOLD_RECORDS:
        for q in rec["quotes"]:
            yield rec, q


def test_gold_is_json_lines_with_unique_ids():
    ids = [rec["id"] for rec in GOLD_RECORDS]
    assert len(ids) == len(set(ids))
    for rec in GOLD_RECORDS:
        assert set(rec) >= {"id", "text", "quotes"}, rec["id"]
        assert rec["quotes"], f"{rec['id']} has no statements"
        for q in rec["quotes"]:
            assert set(q) == QUOTE_FIELDS, (rec["id"], set(q) ^ QUOTE_FIELDS)


def test_gold_is_up_to_date_with_its_generator():
    spec = importlib.util.spec_from_file_location("make_gold", EXAMPLES / "make_gold.py")
    make_gold = importlib.util.module_from_spec(spec)
    sys.modules["make_gold"] = make_gold  # dataclasses look their module up there
    try:
        spec.loader.exec_module(make_gold)
    finally:
        del sys.modules["make_gold"]
    assert make_gold.render(make_gold.build()) == GOLD.read_text(encoding="utf-8")


def test_every_corpus_file_has_gold_and_every_gold_id_has_a_file():
    files = {p.name for p in CORPUS.iterdir() if p.is_file()}
    gold_files = {rec["id"].removeprefix("corpus/").split("#")[0] for rec in GOLD_RECORDS}
    assert gold_files == files
    post_ids = sorted(int(rec["id"].split("#")[1]) for rec in GOLD_RECORDS if "#" in rec["id"])
    assert post_ids == list(range(1, len(_posts()) + 1))


@pytest.mark.parametrize("rec", GOLD_RECORDS, ids=lambda r: r["id"])
def test_gold_text_is_the_file_text_and_offsets_match(rec):
    if rec["id"].endswith(".html"):
        assert rec["text"] is None
        visible = _html_text(CORPUS / rec["id"].removeprefix("corpus/"))
        for q in rec["quotes"]:
            assert q["quote_start"] is None and q["quote_end"] is None
            assert " ".join(q["quote"].split()) in visible, q["quote"]
            if q["speaker_mention"] is not None:
                assert q["speaker_mention"] in visible, q["speaker_mention"]
        return
    text = rec["text"]
    assert text == _source_text(rec["id"])
    for q in rec["quotes"]:
        start, end = q["quote_start"], q["quote_end"]
        assert 0 <= start < end <= len(text)
        assert text[start:end] == q["quote"]
        assert q["quote"] == q["quote"].strip(), "quote has surrounding whitespace"
        if q["fragments"] is not None:
            frags = q["fragments"]
            assert len(frags) >= 2
            assert all(a < b for a, b in frags)
            assert all(x[1] <= y[0] for x, y in itertools.pairwise(frags))
            assert frags[0][0] == start
            # Either the first piece (a quote interrupted by its cue) or the whole span.
            assert end in (frags[0][1], frags[-1][1])
        if q["speaker_mention"] is None:
            assert q["speaker_start"] is None and q["speaker_end"] is None
        elif q["kind"] != "post":
            assert text[q["speaker_start"] : q["speaker_end"]] == q["speaker_mention"]


def test_kinds_are_model_kinds_and_every_kind_is_covered():
    kinds = Counter(q["kind"] for _, q in _all_quotes())
    assert set(kinds) <= set(STATEMENT_KINDS)
    assert set(kinds) == set(STATEMENT_KINDS), f"missing kinds: {set(STATEMENT_KINDS) - set(kinds)}"


def test_posts_are_one_post_statement_each():
    for rec in GOLD_RECORDS:
        if "#" not in rec["id"]:
            assert all(q["kind"] != "post" for q in rec["quotes"]), rec["id"]
            continue
        post = _posts()[int(rec["id"].split("#")[1]) - 1]
        [q] = rec["quotes"]
        assert q["kind"] == "post"
        assert q["quote"] == post["text"]
        assert q["speaker"] == post["author"]
        assert q["source"] == post["platform"]
        assert q["date"] == post["date"][:10]


def test_speakers_are_in_the_registry_or_are_organisations():
    names = set()
    for row in _registry():
        names.add(row["name"])
    for rec, q in _all_quotes():
        if q["speaker"] is None:
            assert q["speaker_type"] is None
            continue
        assert q["speaker_type"] in SPEAKER_TYPES, (rec["id"], q["speaker_type"])
        if q["speaker_type"] == "person":
            assert q["speaker"] in names, f"{rec['id']}: {q['speaker']} not in registry.csv"


def test_registry_shape():
    with open(REGISTRY, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header == ["name", "aliases", "role", "organisation", "country"]
    rows = _registry()
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    forms = [a for row in rows for a in [row["name"], *row["aliases"].split("|")] if a]
    assert len(forms) == len(set(forms)), "an alias is claimed by two people"


def test_dates_are_iso_and_fields_are_well_typed():
    for rec, q in _all_quotes():
        if q["date"] is not None:
            dt.date.fromisoformat(q["date"])
        if rec.get("published") is not None:
            dt.date.fromisoformat(rec["published"])
        assert isinstance(q["source_missing"], bool)
        if q["source_missing"]:
            assert q["source"] is None
        if q["kind"] in ("qa", "post"):
            assert q["speaker"] is not None, rec["id"]


def test_corpus_shape():
    docs = [p for p in CORPUS.iterdir() if p.is_file()]
    assert len(docs) >= 10
    for path in docs:
        raw = path.read_bytes()
        assert b"\r" not in raw, f"{path.name}: CR line endings"
        text = raw.decode("utf-8")
        assert text.endswith("\n"), path.name
        if path.suffix == ".txt":
            title, blank, dateline = text.split("\n")[:3]
            assert title.strip() and not blank and dateline.strip(), path.name
            assert 150 <= len(text.split()) <= 600, path.name


def test_posts_export_shape():
    for post in _posts():
        assert set(post) == {"text", "author", "date", "url", "platform"}
        dt.datetime.fromisoformat(post["date"].replace("Z", "+00:00"))
        assert post["platform"] in ("X", "Telegram")
        assert post["text"].strip()


def test_html_page_has_the_metadata_the_reader_uses():
    [page] = CORPUS.glob("*.html")
    raw = page.read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]+</title>", raw)
    assert 'property="og:site_name"' in raw
    assert 'property="article:published_time"' in raw
    assert "<article>" in raw and "</article>" in raw
