"""`--event TYPE` on the statement commands (quotes, export) selects coded statements."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory, make_cli):
    cli = make_cli(tmp_path_factory.mktemp("event-filter") / "events.db")
    assert cli("speakers", "import", ROOT / "examples" / "registry.csv").exit_code == 0
    result = cli("ingest", ROOT / "examples" / "events")
    assert result.exit_code == 0, result.output
    return cli


def test_quotes_event_filter_keeps_only_statements_coded_with_that_type(demo):
    everything = demo.jsonl("quotes", "--limit", "1000")
    accusations = demo.jsonl("quotes", "--event", "accuse", "--limit", "1000")
    assert accusations and len(accusations) < len(everything)
    coded = {e["statement_id"] for e in demo.jsonl("events", "--type", "ACCUSE", "--limit", "1000")}
    assert len(accusations) == len(coded - {None})


def test_quotes_event_filter_rejects_an_unknown_type_in_one_line(demo):
    result = demo("quotes", "--event", "HUG")
    assert result.exit_code == 2
    assert "unknown event type 'HUG'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
