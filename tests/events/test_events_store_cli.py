"""events and tone through the real CLI on the demo dispatches (examples/events)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVENTS_DIR = ROOT / "examples" / "events"
REGISTRY = ROOT / "examples" / "registry.csv"


@pytest.fixture(scope="module")
def demo(tmp_path_factory, make_cli):
    cli = make_cli(tmp_path_factory.mktemp("events") / "events.db")
    assert cli("speakers", "import", REGISTRY).exit_code == 0
    result = cli("ingest", EVENTS_DIR)
    assert result.exit_code == 0, result.output
    return cli


def _rows(db: Path, sql: str, params=()):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_ingest_stores_events_with_offsets_and_provenance(demo):
    rows = _rows(
        demo.db,
        "SELECT e.*, d.text FROM events e JOIN documents d ON d.id = e.document_id",
    )
    assert len(rows) >= 15
    for r in rows:
        assert r["text"][r["span_start"] : r["span_end"]] == r["span"]
        for ent in json.loads(r["actor"]) + json.loads(r["recipient"]):
            if ent["start"] is not None:
                assert r["text"][ent["start"] : ent["end"]] == ent["text"]
    linked = [r for r in rows if r["statement_id"] is not None]
    assert len(linked) >= 10


def test_events_filters_and_plover_json_with_cite_info(demo):
    records = demo.jsonl("events", "--type", "ACCUSE", "--since", "2026-05-01")
    assert records and all(r["event"] == "ACCUSE" for r in records)
    assert any(r["recipient_country"] == "Vessia" for r in records)
    by_speaker = demo.jsonl("events", "--speaker", "Zhelezova")
    assert by_speaker and all(r["speaker"] == "Irina Zhelezova" for r in by_speaker)
    result = demo("events", "--type", "REQUEST", "--format", "plover")
    assert result.exit_code == 0, result.output
    plover = [json.loads(line) for line in result.stdout.splitlines()]
    assert plover and all(p["event"] == ["REQUEST"] for p in plover)
    for p in plover:
        assert p["cite_info"]["citation"].endswith(".txt")
        assert p["cite_info"]["codebook"] == "plover-2.0"
        assert p["text_info"]["end"] > p["text_info"]["start"]


def test_events_rejects_an_unknown_type(demo):
    result = demo("events", "--type", "HUG")
    assert result.exit_code != 0
    assert "unknown event type HUG" in result.output


def test_recode_is_idempotent(demo):
    before = _rows(demo.db, "SELECT event, span_start, span_end FROM events ORDER BY 2, 3, 1")
    result = demo("events", "--recode", "--limit", "1")
    assert result.exit_code == 0, result.output
    after = _rows(demo.db, "SELECT event, span_start, span_end FROM events ORDER BY 2, 3, 1")
    assert [tuple(r) for r in after] == [tuple(r) for r in before]


def test_tone_table_and_escaped_svg(demo, tmp_path):
    out = tmp_path / "tone.svg"
    result = demo("tone", "Arkhavia", "Vessia", "--by", "month", "-o", out)
    assert result.exit_code == 0, result.output
    assert "2026-05" in result.stdout and "2026-06" in result.stdout
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "<circle" in svg
    data = json.loads(
        demo("tone", "Arkhavia", "Vessia", "--by", "month", "--format", "json").stdout
    )
    stances = {p["period"]: p["stance"] for p in data["points"]}
    assert stances["2026-06"] < 0 < stances["2026-07"]  # the June accusations, the July thanks
    evil = tmp_path / "evil.svg"
    assert demo("tone", "<script>x", "Vessia", "-o", evil).exit_code == 0
    assert "<script>" not in evil.read_text(encoding="utf-8")


def test_tone_refuses_a_non_svg_chart(demo, tmp_path):
    result = demo("tone", "Arkhavia", "Vessia", "-o", tmp_path / "tone.png")
    assert result.exit_code != 0 and "SVG" in result.output
