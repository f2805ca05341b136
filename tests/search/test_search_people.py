"""The people registry: listing, profiles, CSV import/export, merge and split."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from search_samples import make_document

from saidwhat.errors import NotFoundError, QueryError, SourceError, UsageError
from saidwhat.model import Person
from saidwhat.search.people import list_people, merge_people, person_profile, split_person
from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.search.registry import export_registry, import_registry
from saidwhat.store.documents import store_document


def people(store) -> dict[str, object]:
    return {p.name: p for p in list_people(store)}


def aliases(store, name: str) -> dict[str, str]:
    rows = store.query(
        "SELECT a.alias, a.origin FROM aliases a JOIN people p ON p.id = a.person_id"
        " WHERE p.name = ?",
        (name,),
    )
    return {r[0]: r[1] for r in rows}


def speaker_of(store, quote_part: str) -> str | None:
    (hit,) = search_statements(store, SearchFilters(text=f'"{quote_part}"'))
    return hit.person


def test_list_people_with_counts_aliases_roles(store):
    listed = list_people(store)
    assert listed[0].name == "Sergey Lavrov" and listed[0].statements == 2
    lavrov = people(store)["Sergey Lavrov"]
    assert set(lavrov.aliases) == {"Lavrov", "FM Lavrov", "Sergei Lavrov"}
    assert set(lavrov.roles) == {"Foreign Minister", "Russian Foreign Minister"}
    assert (lavrov.first, lavrov.last) == ("2024-05-01", "2024-05-02")
    assert [p.name for p in list_people(store, search="zakh")] == ["Maria Zakharova"]
    assert len(list_people(store, min_statements=2)) == 1


def test_profile(store):
    profile = person_profile(store, "Sergei Lavrov")
    assert profile.person.name == "Sergey Lavrov"
    roles = [(r.role, r.date, r.title) for r in profile.roles]
    assert roles == [
        ("Foreign Minister", "2024-05-01", "Lavrov arrives in Ankara"),
        ("Russian Foreign Minister", "2024-05-02", "Reactions to the foreign minister's visit"),
    ]
    assert profile.per_month == [("2024-05", 2)]
    assert profile.outlets == [("Reuters", 1), ("TASS", 1)]
    assert profile.people_mentioned == [("Hakan Fidan", 1)]
    fidan = person_profile(store, "Fidan")
    assert ("Black Sea Grain Initiative", 1) in fidan.terms


REGISTRY = """name,aliases,role,organisation,country
Sergey Lavrov,Lavrov|S. Lavrov|Sergei Viktorovich Lavrov,Foreign Minister,Russian MFA,Russia
Antony Blinken,Blinken|Tony Blinken,Secretary of State,US State Department,United States
"""


def test_import_creates_and_updates_with_registry_origin(store, tmp_path: Path):
    csv_path = tmp_path / "registry.csv"
    csv_path.write_text(REGISTRY, encoding="utf-8")
    result = import_registry(store, csv_path)
    assert (result.created, result.updated) == (1, 1)
    listed = people(store)
    assert listed["Sergey Lavrov"].organisation == "Russian MFA"
    assert listed["Sergey Lavrov"].statements == 2
    assert listed["Antony Blinken"].roles == ["Secretary of State"]
    lavrov = aliases(store, "Sergey Lavrov")
    assert lavrov["S. Lavrov"] == "registry"
    assert lavrov["Lavrov"] == "registry"  # upgraded from 'extracted'
    assert lavrov["FM Lavrov"] == "extracted"
    # Importing again changes nothing.
    again = import_registry(store, csv_path)
    assert (again.created, again.aliases, again.roles) == (0, 0, 0)


def test_imported_alias_resolves_a_new_document(store, tmp_path: Path):
    (tmp_path / "r.csv").write_text(REGISTRY, encoding="utf-8")
    import_registry(store, tmp_path / "r.csv")
    doc, ex = make_document(
        "new-1", [{"mention": "Tony Blinken", "quote": "We are watching the visit closely."}]
    )
    store_document(store, doc, ex)
    assert speaker_of(store, "watching the visit") == "Antony Blinken"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("name,aliases,role\nX Y,,\n", r"row 1 \(header\) lacks column\(s\) organisation, country"),
        (
            "name,aliases,role,organisation,country\nA B,,,,\nC D,,\n",
            r"row 3 has 3 column\(s\) but the header has 5",
        ),
        (
            "name,aliases,role,organisation,country\nA B,,,,\nC D,,,,\nSERGEI  b,,,,\nc d,,,,\n",
            r"row 5: duplicate name 'c d' \(already on row 3\)",
        ),
        ("name,aliases,role,organisation,country\nA B,,,,\n,x,,,\n", r"row 3 has no name"),
        ("", "empty file"),
    ],
)
def test_import_errors_name_the_row_and_import_nothing(store, tmp_path, text, match):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    before = len(list_people(store))
    with pytest.raises(SourceError, match=match):
        import_registry(store, path)
    assert len(list_people(store)) == before


def test_import_missing_file(store, tmp_path):
    with pytest.raises(SourceError, match="file not found"):
        import_registry(store, tmp_path / "nope.csv")


def test_export_import_round_trip(store, backend_store, tmp_path: Path):
    first = io.StringIO()
    n = export_registry(store, first)
    assert n == 5
    assert first.getvalue().splitlines()[0] == "name,aliases,role,organisation,country"
    (tmp_path / "reg.csv").write_text(first.getvalue(), encoding="utf-8")
    fresh = backend_store.open()
    import_registry(fresh, tmp_path / "reg.csv")
    second = io.StringIO()
    export_registry(fresh, second)
    assert second.getvalue() == first.getvalue()
    export_registry(fresh, tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes().decode("utf-8") == first.getvalue()


def test_merge_moves_everything_and_survives_reingest(store):
    doc, ex = make_document(
        "dup-1",
        [{"mention": "S. Lavrov", "quote": "The West is nervous.", "role": "diplomat"}],
        [Person("S. Lavrov")],
    )
    store_document(store, doc, ex)
    assert speaker_of(store, "West is nervous") == "S. Lavrov"
    result = merge_people(store, "Sergey Lavrov", "S. Lavrov")
    assert (result.name, result.removed_name, result.statements) == (
        "Sergey Lavrov",
        "S. Lavrov",
        1,
    )
    assert "S. Lavrov" not in people(store)
    assert speaker_of(store, "West is nervous") == "Sergey Lavrov"
    assert aliases(store, "Sergey Lavrov")["S. Lavrov"] == "manual"
    assert "diplomat" in people(store)["Sergey Lavrov"].roles
    # A later document naming the merged alias goes to the kept person.
    doc2, ex2 = make_document("dup-2", [{"mention": "S. Lavrov", "quote": "Nothing new."}])
    store_document(store, doc2, ex2)
    assert speaker_of(store, "Nothing new") == "Sergey Lavrov"
    assert "S. Lavrov" not in people(store)


def test_merge_errors(store):
    with pytest.raises(UsageError, match="already the same person"):
        merge_people(store, "Sergey Lavrov", "Sergei Lavrov")
    with pytest.raises(NotFoundError):
        merge_people(store, "Sergey Lavrov", "Nobody Atall")
    with pytest.raises(QueryError, match="ambiguous"):
        merge_people(store, "Sergey Lavrov", "Lavrov")


def test_split_undoes_a_wrong_merge_and_survives_reingest(store):
    merge_people(store, "Sergey Lavrov", "Pavel Lavrov")
    assert speaker_of(store, "Local business") == "Sergey Lavrov"
    result = split_person(store, "Sergey Lavrov", ["pavel lavrov"])
    assert result.name == "Pavel Lavrov" and result.statements == 1
    assert result.aliases == ["Pavel Lavrov"]
    assert speaker_of(store, "Local business") == "Pavel Lavrov"
    assert speaker_of(store, "Brussels decides") == "Sergey Lavrov"
    assert aliases(store, "Pavel Lavrov") == {"Pavel Lavrov": "manual"}
    assert "city councillor" in people(store)["Pavel Lavrov"].roles
    doc, ex = make_document("later", [{"mention": "Pavel Lavrov", "quote": "Prices went up."}])
    store_document(store, doc, ex)
    assert speaker_of(store, "Prices went up") == "Pavel Lavrov"


def test_split_errors(store):
    with pytest.raises(NotFoundError, match=r"no alias matching 'Boris'.*their aliases"):
        split_person(store, "Sergey Lavrov", ["Boris"])
    with pytest.raises(UsageError, match="own name"):
        split_person(store, "Sergey Lavrov", ["Sergei Lavrov"])
    with pytest.raises(UsageError, match="at least one alias"):
        split_person(store, "Sergey Lavrov", [])


def test_profile_terms_fold_titles_and_surnames(backend_store):
    store = backend_store.open()
    doc, ex = make_document(
        "talks",
        [
            {"mention": "Sergey Lavrov", "quote": "President Trump called. Donald Trump agreed."},
            {"mention": "Sergey Lavrov", "quote": "Secretary of State Rex Tillerson’s visit."},
            {"mention": "Sergey Lavrov", "quote": "The Russian Federation and the United States."},
        ],
    )
    store_document(store, doc, ex)
    terms = dict(person_profile(store, "Sergey Lavrov").terms)
    assert terms["Donald Trump"] == 2
    assert terms["Rex Tillerson"] == 1
    assert terms["Russian Federation"] == 1 and terms["United States"] == 1
    assert "Trump" not in terms and "President Trump" not in terms
