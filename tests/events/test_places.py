"""Country names, demonyms and capitals to one country and its ISO code."""

from __future__ import annotations

import pytest

from saidwhat.events import places


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israelis", "ISR"),  # a people in the plural
        ("the Serbs", "SRB"),
        ("Ivorian", "CIV"),
        ("Haiti", "HTI"),
        ("US", "USA"),  # a code, not a plural
        ("Moscow's", "RUS"),
    ],
)
def test_country_of(text, code):
    found = places.country_of(text)
    assert found is not None and found.code == code


@pytest.mark.parametrize("text", ["Texas", "male", "news"])
def test_not_a_country(text):
    assert places.country_of(text) is None


def test_a_place_written_two_ways_resolves_to_one_spelling():
    # the same answer in every run, whatever order the set iterates in
    for order in (["FLINT", "Flint"], ["Flint", "FLINT"]):
        assert places.demonym_to_place("Flint", set(order)) == "Flint"
