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
    # the actor is the store's person (registry id), with the registry's country
    zhelezova = [r for r in by_speaker if r["actor"] == "Irina Zhelezova"]
    assert zhelezova and all(
        r["actor_person_id"] and r["actor_country"] == "Arkhavia" for r in zhelezova
    )
    result = demo("events", "--type", "REQUEST", "--format", "plover")
    assert result.exit_code == 0, result.output
    plover = [json.loads(line) for line in result.stdout.splitlines()]
    assert plover and all(p["event"] == ["REQUEST"] for p in plover)
    assert any(
        a.get("identifier_id", "").startswith("saidwhat-person-")
        for p in plover
        for a in p["actor"]
    )
    for p in plover:
        assert p["cite_info"]["citation"].endswith(".txt")
        assert p["cite_info"]["codebook"] == "plover-2.0"
        assert p["text_info"]["end"] > p["text_info"]["start"]


def test_events_rejects_an_unknown_type(demo):
    result = demo("events", "--type", "HUG")
    assert result.exit_code != 0
    assert "unknown event type HUG" in result.output


#: Every column of an event but its row id (a recode deletes and inserts the rows again).
EVENT_COLUMNS = (
    "document_id, statement_id, event, mode, aux, score, stance, span, span_start, span_end,"
    " sentence_start, sentence_end, actor, recipient, actor_name, actor_country,"
    " actor_person_id, recipient_name, recipient_country, recipient_person_id, day,"
    " confidence, coder"
)


def _events(db: Path) -> list[tuple]:
    return sorted((tuple(r) for r in _rows(db, f"SELECT {EVENT_COLUMNS} FROM events")), key=repr)


def test_recode_is_idempotent_and_codes_as_ingest_did(demo):
    ingested = _events(demo.db)
    assert len(ingested) >= 15
    runs = []
    for _ in range(2):
        result = demo("events", "--recode", "--limit", "1")
        assert result.exit_code == 0, result.output
        runs.append(_events(demo.db))
    # byte for byte: names, countries, person and statement ids, JSON of the entities
    assert runs[0] == ingested
    assert runs[1] == runs[0]


def test_recode_does_not_depend_on_documents_stored_later(tmp_path, make_cli):
    """A person first quoted by a later document does not change an earlier one's events."""
    folder = tmp_path / "in"
    folder.mkdir()
    first = folder / "a.txt"
    first.write_text(
        "Foreign Minister Arno Kell of Tarvia met the Orrin Council on Monday.\n\n"
        '"The talks were useful," Kell said.\n',
        encoding="utf-8",
    )
    cli = make_cli(tmp_path / "order.db")
    assert cli("ingest", first).exit_code == 0
    before = _events(cli.db)
    later = tmp_path / "b.txt"
    later.write_text(
        '"We will reply next week," the Orrin Council said in a statement on Tuesday.\n',
        encoding="utf-8",
    )
    assert cli("ingest", later).exit_code == 0
    mine = [e for e in _events(cli.db) if e[0] == before[0][0]] if before else []
    assert before and mine == before
    assert cli("events", "--recode", "--limit", "1").exit_code == 0
    assert [e for e in _events(cli.db) if e[0] == before[0][0]] == before


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


def test_dossier_groups_statements_by_event_type_with_tone_charts(demo, tmp_path):
    md = tmp_path / "d.md"
    result = demo("dossier", "--title", "Summer", "--since", "2026-05-20", "--events", "-o", md)
    assert result.exit_code == 0, result.output
    text = md.read_text(encoding="utf-8")
    assert "## Statements by event type (PLOVER)" in text
    assert "### ACCUSE" in text and "### Tone: " in text
    html = tmp_path / "d.html"
    assert demo("dossier", "--title", "S", "--events", "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert '<section class="events">' in page and "<svg" in page
    plain = tmp_path / "plain.md"
    assert demo("dossier", "--title", "S", "-o", plain).exit_code == 0
    assert "event type" not in plain.read_text(encoding="utf-8")


def test_tone_without_actors_lists_pairs(demo):
    rows = demo.jsonl("tone", "--level", "country")
    assert rows and {"actor", "recipient", "events", "stance"} <= set(rows[0])
    assert any(r["actor"] == "Arkhavia" and r["recipient"] == "Vessia" for r in rows)
    assert (
        rows == sorted(rows, key=lambda r: -r["events"]) or rows[0]["events"] >= rows[-1]["events"]
    )
    result = demo("tone", "Arkhavia")
    assert result.exit_code != 0 and "give two actors" in result.output


def test_reported_actions_take_the_date_of_their_citation(demo):
    rows = demo.jsonl("events", "--type", "CONSULT", "--actor", "Ostrikov", "--since", "2026-08")
    met = [r for r in rows if r["span"] == "met" and r["statement_id"] is None]
    assert met and met[0]["date"] == "2026-08-17"  # "(Dorograd Courier, August 17, 2026)"
    assert met[0]["recipient"] == "Margit Hallen" and met[0]["actor_country"] == "Arkhavia"
