"""search_statements: full text, filters, speakers through aliases, errors."""

from __future__ import annotations

import pytest

from saidwhat.errors import NotFoundError, QueryError
from saidwhat.search.query import SearchFilters, explain, search_statements


def quotes(store, **kw) -> list[str]:
    kw.setdefault("limit", None)
    return [h.quote for h in search_statements(store, SearchFilters(**kw))]


def speakers(store, **kw) -> set[str | None]:
    kw.setdefault("limit", None)
    return {h.person for h in search_statements(store, SearchFilters(**kw))}


def test_free_text_phrase_prefix_and_operators(store):
    assert len(quotes(store, text="sanctions")) == 3
    assert quotes(store, text='"Black Sea Grain"') == [
        "We discussed the Black Sea Grain Initiative and regional security."
    ]
    assert len(quotes(store, text="sanction*")) == 3
    assert quotes(store, text="sanctions AND Brussels") == [
        "Sanctions will not change our course, whatever Brussels decides."
    ]
    assert len(quotes(store, text="sanctions NOT Brussels")) == 2
    assert len(quotes(store, text="Brussels OR constructive")) == 2


def test_snippet_highlights_the_match(store):
    (hit,) = search_statements(store, SearchFilters(text="Brussels"))
    assert "[Brussels]" in hit.snippet
    (hit,) = search_statements(store, SearchFilters(text="Brussels"), highlight=("<b>", "</b>"))
    assert "<b>Brussels</b>" in hit.snippet


def test_hit_carries_statement_and_provenance(store):
    (hit,) = search_statements(store, SearchFilters(text="Brussels"))
    assert hit.person == "Sergey Lavrov"
    assert hit.speaker == "Sergei Lavrov"
    assert hit.doc == "https://reuters.example/reactions"
    assert (hit.title, hit.outlet) == ("Reactions to the foreign minister's visit", "Reuters")
    assert hit.url == "https://reuters.example/reactions"
    assert hit.published.startswith("2024-05-02")
    assert hit.doc_id > 0 and hit.rank is not None
    contract = hit.to_contract()
    assert list(contract) == [
        "doc", "quote", "quote_start", "quote_end", "speaker", "speaker_mention",
        "speaker_start", "speaker_end", "kind", "cue", "role", "date", "source",
        "confidence", "fragments", "text", "doc_id", "title", "outlet", "url", "published",
    ]  # fmt: skip


def test_speaker_through_aliases_sergei_finds_sergey(store):
    found = quotes(store, speaker="Sergei Lavrov")
    assert len(found) == 2
    assert quotes(store, speaker="Sergey Lavrov") == found
    assert quotes(store, speaker="sergey  LAVROV") == found
    assert quotes(store, speaker="FM Sergei Lavrov") == found


def test_surname_only_when_unambiguous(store):
    assert speakers(store, speaker="Fidan") == {"Hakan Fidan"}
    assert speakers(store, speaker="Zakharova") == {"Maria Zakharova"}
    with pytest.raises(QueryError, match=r"ambiguous.*Pavel Lavrov \(#\d+\).*Sergey Lavrov"):
        search_statements(store, SearchFilters(speaker="Lavrov"))


def test_speaker_by_id(store):
    (pid,) = {h.person_id for h in search_statements(store, SearchFilters(speaker="Fidan"))}
    assert speakers(store, speaker=f"#{pid}") == {"Hakan Fidan"}
    with pytest.raises(NotFoundError, match="no person with id #999"):
        search_statements(store, SearchFilters(speaker="#999"))


def test_unknown_speaker_suggests_close_names(store):
    with pytest.raises(
        NotFoundError, match=r"no speaker named 'Sergey Lavrof'.*did you mean.*Lavrov"
    ):
        search_statements(store, SearchFilters(speaker="Sergey Lavrof"))


def test_sql_injection_is_just_a_name(store):
    with pytest.raises(NotFoundError):
        search_statements(store, SearchFilters(speaker="x'; DROP TABLE statements; --"))
    with pytest.raises(QueryError, match="no letters"):
        search_statements(store, SearchFilters(speaker="%"))
    assert quotes(store, source="%") == []
    assert quotes(store, org="_") == []
    assert len(quotes(store)) == 7


def test_org_country_role_kind_source(store):
    assert speakers(store, org="russian foreign") == {"Sergey Lavrov", "Maria Zakharova"}
    assert speakers(store, country="turkey") == {"Hakan Fidan"}
    # The person's country counts when the statement does not state one.
    assert speakers(store, country="Russia") == {"Sergey Lavrov", "Pavel Lavrov"}
    assert speakers(store, role="foreign minister") == {"Sergey Lavrov", "Hakan Fidan"}
    assert speakers(store, role="councillor") == {"Pavel Lavrov"}
    assert speakers(store, kind="indirect") == {"Maria Zakharova", None}
    assert speakers(store, source="reuters") == {
        "Sergey Lavrov",
        "Josep Borrell",
        "Maria Zakharova",
    }
    assert speakers(store, source="TASS") == {"Sergey Lavrov", "Hakan Fidan"}


def test_dates_fall_back_to_published(store):
    day2 = speakers(store, since="2024-05-02", until="2024-05-02")
    # Zakharova's statement has no date: its document was published on 2024-05-02.
    assert day2 == {"Sergey Lavrov", "Josep Borrell", "Maria Zakharova"}
    assert len(quotes(store, since="2024-05-03")) == 2
    assert len(quotes(store, until="2024-05-01")) == 2
    assert len(quotes(store, since="2024-05", until="2024-05")) == 7
    assert quotes(store, since="2025") == []
    assert len(quotes(store, since="2024-05-02T00:00:00Z")) == 5


def test_bad_filters_raise_query_error(store):
    for kw, match in [
        ({"since": "May 1"}, "not an ISO date"),
        ({"until": "2024-02-30"}, "not a valid date"),
        ({"since": "2024-06", "until": "2024-05-01"}, "swap them"),
        ({"kind": "shout"}, "unknown kind"),
        ({"sort": "best"}, "unknown sort"),
        ({"limit": -1}, "limit"),
    ]:
        with pytest.raises(QueryError, match=match):
            search_statements(store, SearchFilters(**kw))


@pytest.mark.parametrize("text", ['"foreign minister', "sanctions AND", "AND sanctions",
                                  "sanctions OR OR visit", "(sanctions", "visit)"])  # fmt: skip
def test_malformed_fts_explains_how_to_quote(store, text):
    with pytest.raises(QueryError, match=r"double quotes .*AND, OR, NOT"):
        search_statements(store, SearchFilters(text=text))


def test_about_expands_a_person_to_their_aliases(store):
    assert speakers(store, about="Sergei Lavrov") == {"Josep Borrell"}
    # Hakan Fidan is mentioned by Lavrov as "Hakan Fidan".
    assert speakers(store, about="Fidan") == {"Sergey Lavrov"}
    # Not a known person: the phrase itself.
    assert speakers(store, about="Black Sea") == {"Hakan Fidan"}
    assert quotes(store, about="Atlantis") == []
    # Combined with text and a speaker.
    assert speakers(store, about="Fidan", text="constructive", speaker="Sergey Lavrov") == {
        "Sergey Lavrov"
    }


def test_about_a_phrase_with_quotes_is_safe(store):
    assert quotes(store, about='Sea" OR "visit') == []


def test_sorting_limit_offset(store):
    newest = search_statements(store, SearchFilters(sort="-date", limit=None))
    days = [h.day for h in newest]
    assert days == sorted(days, reverse=True)
    oldest = search_statements(store, SearchFilters(sort="date", limit=None))
    assert [h.day for h in oldest] == sorted(days)
    page = search_statements(store, SearchFilters(sort="date", limit=2, offset=1))
    assert [h.id for h in page] == [h.id for h in oldest[1:3]]
    ranked = search_statements(store, SearchFilters(text="sanctions", limit=None))
    assert [h.rank for h in ranked] == sorted(h.rank for h in ranked)


def test_filters_round_trip_through_dict():
    f = SearchFilters(text="visit", speaker="Lavrov", since="2024-05")
    assert f.to_dict() == {"text": "visit", "speaker": "Lavrov", "since": "2024-05"}
    assert SearchFilters.from_dict(f.to_dict()) == f
    with pytest.raises(QueryError, match="unknown filter"):
        SearchFilters.from_dict({"speakr": "x"})
    assert f.describe() == "text: visit; speaker: Lavrov; since: 2024-05"


def test_speaker_filter_uses_the_person_date_index(tmp_path):
    from search_samples import sample_store

    store = sample_store(tmp_path / "plan.db")  # SQLite's plan; PostgreSQL's: tests/store
    plan = " ".join(explain(store, SearchFilters(speaker="Sergey Lavrov", since="2024-05-01")))
    assert "statements_person_day" in plan
    plan = " ".join(explain(store, SearchFilters(text="sanctions")))
    assert "statements_fts" in plan and "SCAN s " not in plan
