"""A transcript turn's first words are not its speaker's role."""

from __future__ import annotations

from pathlib import Path

TRANSCRIPT = (
    Path(__file__).resolve().parents[2] / "examples/corpus/03-press-conference-transcript.txt"
)


def test_a_greeting_after_the_turn_label_is_not_a_role(extract):
    # "Margit Hallen: Good afternoon." parses "afternoon" as an appositive of the name.
    statements = extract(TRANSCRIPT.read_text(encoding="utf-8")).statements
    turns = [st for st in statements if st.kind == "qa" and st.speaker == "Margit Hallen"]
    assert turns
    for st in statements:
        assert st.role is None or "afternoon" not in st.role.lower(), st.role
    assert {st.role for st in turns} <= {"Minister", "Foreign Minister"}
