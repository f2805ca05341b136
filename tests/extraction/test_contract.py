"""The extract contract carries whole statements: ``fragments`` and ``text``."""

from __future__ import annotations

import json

import pytest

from saidwhat.model import Statement

INTERRUPTED = (
    "Ferry talks\n\n"
    "“We came to talk,” Harbour Master Ilse Varga said, “and we will keep talking.”\n\n"
    "“The boats stay in port,” she added. “Nobody sails until Friday.”\n"
)


def _check_pieces(text: str, row: dict) -> None:
    pieces = row["fragments"]
    assert pieces, row
    assert pieces[0] == [row["quote_start"], row["quote_end"]]
    for (s, e), nxt in zip(pieces, [*pieces[1:], None], strict=True):
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        if nxt is not None:
            assert e <= nxt[0], "pieces are in order and disjoint"
    assert row["text"] == " ".join(text[s:e] for s, e in pieces)
    assert text[row["quote_start"] : row["quote_end"]] == row["quote"]


def test_every_piece_of_every_statement_points_into_the_text(extract):
    result = extract(INTERRUPTED)
    rows = [st.to_contract("<t>", INTERRUPTED) for st in result.statements]
    assert rows
    for row in rows:
        _check_pieces(INTERRUPTED, row)
    whole = {r["text"] for r in rows}
    assert "We came to talk, and we will keep talking." in whole
    assert "The boats stay in port, Nobody sails until Friday." in whole


def test_a_statement_in_one_piece_has_one_fragment():
    st = Statement(quote="Yes.", quote_start=1, quote_end=5, kind="direct")
    row = st.to_contract("<t>", "“Yes.”")
    assert row["fragments"] == [[1, 5]] and row["text"] == "Yes."


def test_several_pieces_need_the_document_text():
    st = Statement(quote="A", quote_start=0, quote_end=1, kind="direct", fragments=[[0, 1], [4, 5]])
    with pytest.raises(ValueError, match="document text"):
        st.to_contract("<t>")


def test_extract_jsonl_prints_fragments_and_text(run, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(INTERRUPTED, encoding="utf-8")
    rows = run.jsonl("extract", path)
    assert rows
    for row in rows:
        _check_pieces(INTERRUPTED, row)
    assert any(len(r["fragments"]) == 2 for r in rows)


def test_quotes_jsonl_prints_fragments_and_text(run, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(INTERRUPTED, encoding="utf-8")
    assert run("ingest", path).exit_code == 0
    rows = run.jsonl("quotes", "talk")
    assert rows
    for row in rows:
        _check_pieces(INTERRUPTED, row)
    assert "We came to talk, and we will keep talking." in {r["text"] for r in rows}
    assert json.dumps(rows)  # plain JSON all through
