"""The table of speakers, by rule: one invented text per way of naming a speaker.

Each row is ``(rule, text, [canonical speaker of each statement, in order])``;
``rule`` is the unit of ``speakers.RULES`` that must resolve (at least) one of
the row's speaker mentions. A new way of naming a speaker is one more rule and
its rows here; every rule has rows (checked below), and turning a rule off in
the settings must cost its rows their answer.
"""

from __future__ import annotations

import dataclasses

import pytest

from saidwhat.extraction import pipeline
from saidwhat.extraction.settings import CanonicalNames, Speakers
from saidwhat.extraction.speakers import RULES
from saidwhat.extraction.speakers.canonical import org_alias, org_name, person_alias, person_name


def row(rule: str, text: str, speakers: list[str | None], why: str):
    return pytest.param(rule, text, speakers, id=f"{rule}: {why}")


SPEAKERS = [
    # -- handle ------------------------------------------------------------------
    row(
        "handle",
        "Oleg Varin (@VarinOleg) runs the ferry line.\n\n"
        "@VarinOleg said the ferry was “a scandal.”",
        ["Oleg Varin"],
        "a handle is the person the document wrote it after",
    ),
    # -- author ------------------------------------------------------------------
    row(
        "author",
        "Ana Berg met me at the harbour on Monday.\n\n“The pier is rotten,” I said.",
        ["Kim Reporter"],
        "the writer's own I is the author, not the person named before",
    ),
    # -- pronoun -----------------------------------------------------------------
    row(
        "pronoun",
        "Tomas Hale met Ana Berg at the harbour on Monday.\n\n"
        "“The pier is rotten,” she said. “It has to come down.”\n\n"
        "“We cannot pay for a new one,” he said.",
        ["Ana Berg", "Tomas Hale"],
        "pronouns agree in gender across paragraphs",
    ),
    row(
        "pronoun",
        "Ms. Lind spoke after Mr. Roth.\n\n“The vote was fair,” she said.",
        ["Lind"],
        "gender from the document's own honorific",
    ),
    row(
        "pronoun",
        "The Harlow Energy pipeline crosses the valley. Mira Castell runs the farm beside it.\n\n"
        "“Nobody asked us,” she said.",
        ["Mira Castell"],
        "a person's pronoun never goes to an organisation",
    ),
    row(
        "pronoun",
        "Police chief Tomas Hale told reporters that the video did not show a gun in Karl "
        "Brem's hand, but he said witnesses had seen one.",
        ["Tomas Hale", "Tomas Hale"],
        "in its own sentence a pronoun is the subject before a nearer possessor",
    ),
    row(
        "pronoun",
        "Harlow Energy published its results on Monday. They said the pipeline was safe.",
        ["Harlow Energy"],
        "a plural pronoun goes to an organisation",
    ),
    row(
        "pronoun",
        "It was Ana Berg, who said the port would close.",
        ["Ana Berg"],
        "a relative pronoun is the noun it qualifies",
    ),
    # -- statement of ------------------------------------------------------------
    row(
        "statement_of",
        "After a late meeting, the Vessian council released a statement calling the vote "
        "“a clear breach of the rules.”",
        ["Vessian council"],
        "X released a statement calling: X",
    ),
    row(
        "statement_of",
        "Mayor Ana Berg sent a letter saying the bridge was “unsafe.”",
        ["Ana Berg"],
        "X sent a letter saying: X",
    ),
    # -- group of ----------------------------------------------------------------
    row(
        "group_of",
        "Ana Berg's campaign said the poll was “rigged.” The campaign added that she would "
        "not debate.",
        ["Ana Berg’s campaign", "Ana Berg’s campaign"],
        "a person's campaign is an organisation, and the campaign is the same one",
    ),
    row(
        "group_of",
        "Mayor Ana Berg will sign the law. Her office said she would sign it on Friday.",
        ["Ana Berg’s office"],
        "her office is the office of the woman just named",
    ),
    # -- apposition --------------------------------------------------------------
    row(
        "apposition",
        "The mayor of Tallstad, Marat Chelnokov, told reporters the bridge would open in May.",
        ["Marat Chelnokov"],
        "the name in apposition to a title",
    ),
    # -- explicit name -----------------------------------------------------------
    row(
        "explicit_name",
        "Mayor Ana Berg said the bridge would open in May.",
        ["Ana Berg"],
        "a name, its title out of the canonical name",
    ),
    row(
        "explicit_name",
        "Dara Novak, the union chair, warned: “The port will close.”\n\n"
        "Ana Novak, the ambassador, told reporters: “The embassy stays open.”",
        ["Dara Novak", "Ana Novak"],
        "namesakes stay apart",
    ),
    row(
        "explicit_name",
        "TALLSTAD -- Mayor Ana Berg, opening the bridge, said it would carry “a great many "
        "trucks.”",
        ["Ana Berg"],
        "a dateline is not the speaker",
    ),
    row(
        "explicit_name",
        "“The pilots were let down,” Tom Lund, a harbour pilot, said on Radio North’s "
        "“Fox and Friends.”",
        ["Tom Lund"],
        "no subject from inside a quotation",
    ),
    row(
        "explicit_name",
        "Ana Berg’s campaign manager Tom Lund said the mayor was “ready to serve.”",
        ["Tom Lund"],
        "the name at the head, not the possessor",
    ),
    row(
        "explicit_name",
        "Mook said, “We are focused.”\n\nAccording to Hale, “The mayor would close the pier.”",
        ["Mook", "Hale"],
        "according to X before a quote",
    ),
    row(
        "explicit_name",
        "Mayor Ana Berg opened the bridge.\n\n"
        "Berg said it was “a good day.” Ms. Berg added that the trucks would wait.",
        ["Ana Berg", "Ana Berg"],
        "a surname and an honorific with it join the full name",
    ),
    row(
        "explicit_name",
        "Senator Ola Brandt spoke for an hour on Monday. Brandt thanked the voters, and Brandt "
        "promised a new bridge. His daughter, Mira Brandt, stood beside him.\n\n"
        "“We will build it,” Brandt said.",
        ["Ola Brandt", "Ola Brandt", "Ola Brandt"],
        "a bare surname among namesakes is the one named most, not the nearest",
    ),
    # -- surname -----------------------------------------------------------------
    row(
        "explicit_name",
        "Tom Hale said the ferries were late. Hale's niece said the port was safe.",
        ["Tom Hale", None],
        "a person named by their tie to another is not that other",
    ),
    row(
        "surname",
        "Tomas Hale opened the session on Monday.\n\nHale said the budget was “balanced and fair.”",
        ["Tomas Hale"],
        "a bare surname is the person named before",
    ),
    # -- definite descriptions ---------------------------------------------------
    row(
        "outlet_noun",
        "The Harbour Herald published the letter on Monday.\n\n"
        "The newspaper said the mayor had “misled the council.”",
        ["Harbour Herald"],
        "the newspaper is the outlet named before",
    ),
    row(
        "org_noun",
        "The Transport Ministry published its plan on Friday.\n\n"
        "The ministry said the ferries would keep running.",
        ["Transport Ministry"],
        "an organisation noun stands for the organisation named",
    ),
    row(
        "org_noun",
        "Ana Berg visited the Vessian ministry on Friday.\n\n"
        "The ministry said the talks would resume.",
        ["Vessian ministry"],
        "an organisation noun stands for the organisation described",
    ),
    row(
        "org_noun",
        "The Arkhavian embassy issued a note on Monday.\n\n"
        "The embassy said it “regrets the incident.”",
        ["Arkhavian embassy"],
        "the embassy is the embassy described before",
    ),
    row(
        "org_noun",
        "Transport Minister Eva Lind met the strikers on Friday.\n\n"
        "The ministry said in a statement that extra buses would serve the coast road.",
        ["Transport Ministry"],
        "the ministry of the minister named before",
    ),
    row(
        "org_noun",
        "Statement by the Ministry of Foreign Affairs of Arkhavia on the talks in Velda\n\n"
        "The Ministry notes that the talks were held in a frank atmosphere.",
        ["Ministry of Foreign Affairs of Arkhavia"],
        "a capitalised The Ministry is a description, not a person",
    ),
    row(
        "role_noun",
        "Transport Minister Lena Voss visited the port on Friday.\n\n"
        "The minister said the ferries would keep running.",
        ["Lena Voss"],
        "a role noun stands for the person holding it",
    ),
    row(
        "role_noun",
        "Ana Berg met reporters on Monday. The spokeswoman said the talks would resume.",
        ["Ana Berg"],
        "the spokeswoman is the person just spoken of",
    ),
    row(
        "role_noun",
        "Transport Minister Lena Voss visited the port on Friday.\n\n"
        "The Minister said the ferries would keep running.",
        ["Lena Voss"],
        "a capitalised The Minister is the minister, not a person called so",
    ),
    row(
        "role_noun",
        "Finance Minister Tomas Hale visited the port on Monday.\n\n"
        "Ana Berg, a reporter, interviewed the minister at the quay.\n\n"
        "“We will cut the fares,” the minister said.",
        ["Tomas Hale"],
        "the one who put questions to the minister is not the minister answering",
    ),
    row(
        "role_noun",
        "Ana Berg interviewed the minister at the quay. “We will cut the fares,” the minister "
        "said.",
        [None],
        "a minister nobody named is not the interviewer named before",
    ),
    row(
        "role_noun",
        "The Senator said the ferries would keep running.",
        [None],
        "a title with nobody holding it names nobody",
    ),
    row(
        "role_noun",
        "A spokesman said the talks would resume.",
        [None],
        "an indefinite description names nobody",
    ),
    # -- names the NER mistyped or missed ----------------------------------------
    row(
        "first_name",
        "Lidia Vasquez-Roth said the quay was unsafe.",
        ["Lidia Vasquez-Roth"],
        "a known first name makes a person, the hyphenated surname kept",
    ),
    row(
        "organisation",
        "A statement from Harlow Energy said the pipeline was safe.",
        ["Harlow Energy"],
        "a statement from X is X",
    ),
    row(
        "organisation",
        "The Vessian Foreign Ministry's statement said the talks would resume.",
        ["Vessian Foreign Ministry"],
        "X's statement is X",
    ),
    row(
        "organisation",
        "The Harbour Authority said the port would close. The Harbour Authority's lawyer said "
        "the fees would rise.",
        ["Harbour Authority", None],
        "an organisation's lawyer is a person, not the organisation",
    ),
    row(
        "proper_name",
        "Tarn Veskel said the harbour was “full of rust.”",
        ["Tarn Veskel"],
        "capitalised words the NER did not type",
    ),
]


@pytest.fixture
def resolved(extract, monkeypatch):
    """resolved(text) -> (Extraction, [(start, end, speaker, rule), ...] of its resolver)."""
    made: list[pipeline.SpeakerResolver] = []

    class Recording(pipeline.SpeakerResolver):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(pipeline, "SpeakerResolver", Recording)

    def run(text: str):
        made.clear()
        result = extract(text, author="Kim Reporter")
        return result, [a for r in made for a in r.answered()]

    return run


@pytest.mark.parametrize(("rule", "text", "speakers"), SPEAKERS)
def test_speaker(resolved, rule, text, speakers):
    result, answered = resolved(text)
    assert [st.speaker for st in result.statements] == speakers
    assert rule in {a[3] for a in answered}, answered


def test_every_rule_has_rows_and_settings():
    rows = {p.values[0] for p in SPEAKERS}
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert set(names) <= rows
    assert rows <= set(names)
    settings = Speakers()
    for r in RULES:
        assert getattr(settings, r.name).enabled, r.name
        assert r.needs and r.gives and r.doc, r.name


@pytest.mark.parametrize(
    ("rule", "text", "speaker"),
    [
        ("pronoun", "Ms. Lind spoke after Mr. Roth.\n\n“The vote was fair,” she said.", "Lind"),
        (
            "role_noun",
            "Transport Minister Lena Voss visited the port on Friday.\n\n"
            "The minister said the ferries would keep running.",
            "Lena Voss",
        ),
    ],
)
def test_a_rule_turned_off_answers_nothing(extractor, resolved, monkeypatch, rule, text, speaker):
    off = dataclasses.replace(getattr(Speakers(), rule), enabled=False)
    monkeypatch.setattr(
        extractor.settings, "speakers", dataclasses.replace(Speakers(), **{rule: off})
    )
    result, answered = resolved(text)
    assert rule not in {a[3] for a in answered}
    assert speaker not in [st.speaker for st in result.statements]


def test_a_document_read_is_not_one_put_out(resolved):
    """Only a verb that puts a document out makes its subject the speaker."""
    result, answered = resolved(
        "Tomas Hale believed the online polls that showed him winning the debate."
    )
    assert "statement_of" not in {a[3] for a in answered}
    assert "Tomas Hale" not in [st.speaker for st in result.statements]


CANONICAL = [
    ("Councillor Eva Lind said the library would stay open.", "Eva Lind", "person"),
    # a title the NER took into the name ("Mayor" folds to "maior" as a name word)
    ("“The library stays open,” Mayor Ana Lund said.", "Ana Lund", "person"),
    ("Lidia Vasquez-Roth said the quay was unsafe.", "Lidia Vasquez-Roth", "person"),
    (
        "The Vessian Foreign Ministry's statement said the talks would resume.",
        "Vessian Foreign Ministry",
        "organisation",
    ),
]


@pytest.mark.parametrize(("text", "name", "kind"), CANONICAL)
def test_canonical_names(extract, text, name, kind):
    """Titles out, hyphenated surnames whole, no possessive or article in a name or alias."""
    people = extract(text).people
    assert [(p.name, p.type) for p in people] == [(name, kind)]
    for alias in people[0].aliases:
        assert not alias.endswith(("'s", "’s")), alias


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("11:20 Opposition senator Karl Brem said the vote was rigged.", "Opposition senator"),
        ("Dara Novak, the union chair, warned: “The port will close.”", "union chair"),
    ],
)
def test_roles_carry_no_junk(extract, text, role):
    """A live blog's time and the cue after an apposition stay out of a role."""
    (st,) = extract(text).statements
    assert st.role == role


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (org_name("the Ministry of Foreign Affairs of"), "Ministry of Foreign Affairs"),
        (org_name("The Harbour Herald’s"), "Harbour Herald"),
        (org_name("the 2026"), None),
        (org_alias("The Vessian Foreign Ministry's"), "The Vessian Foreign Ministry"),
        (org_alias("it"), None),
        (person_name(["Ana", "BERG"], CanonicalNames()), "Ana Berg"),
        (person_name(["Lidia", "Vasquez-Roth"], CanonicalNames()), "Lidia Vasquez-Roth"),
        (
            person_alias("presidential spokesman Dmitry Peskov", "Dmitry Peskov", CanonicalNames()),
            "Dmitry Peskov",
        ),
        (person_alias("Councillor Eva Lind", "Eva Lind", CanonicalNames()), "Eva Lind"),
        (person_alias("Police chief Tomas Hale", "Tomas Hale", CanonicalNames()), "Tomas Hale"),
        (person_alias("the spokesman", "Dmitry Peskov", CanonicalNames()), None),
        (person_alias("she", "Eva Lind", CanonicalNames()), None),
    ],
)
def test_canonical_forms(made, expected):
    assert made == expected


def test_a_title_entity_holding_a_verb_is_no_speaker_mention(extractor):
    # the tagger sometimes reads 'Berg accused Holt of being a' after a quote as a title
    # (WORK_OF_ART): the mention is the name, not the words up to the next noun
    from spacy.tokens import Span

    from saidwhat.extraction.clause_speakers import np_span

    text = "Bemoaning the “phony system,” Berg accused Holt of being a liar."
    doc = extractor.nlp(text)
    berg = next(t for t in doc if t.text == "Berg")
    title = Span(doc, berg.i, berg.i + 6, label="WORK_OF_ART")
    doc.ents = [e for e in doc.ents if e.end <= berg.i or e.start >= title.end] + [title]
    start, end = np_span(doc, berg)
    assert text[start:end] == "Berg"
