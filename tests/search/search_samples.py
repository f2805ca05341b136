"""A small store of statements about a foreign minister's visit, built without spaCy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from saidwhat.model import Document, Extraction, Person, Statement
from saidwhat.store.db import Store, open_store
from saidwhat.store.documents import store_document


def make_document(
    ref: str, said: list[dict[str, Any]], people: list[Person] = (), **meta: Any
) -> tuple[Document, Extraction]:
    """A document whose text is one sentence per statement: ``Mention said: "quote".``

    Each item of ``said`` holds ``quote`` and optionally ``mention`` plus any
    other Statement field; offsets are computed here.
    """
    text = ""
    statements = []
    for item in said:
        item = dict(item)
        mention = item.pop("mention", None)
        quote = item.pop("quote")
        if text:
            text += " "
        speaker_start = speaker_end = None
        if mention:
            speaker_start = len(text)
            text += mention
            speaker_end = len(text)
            text += " said: "
        else:
            text += "It was said that "
        text += "“"
        quote_start = len(text)
        text += quote
        quote_end = len(text)
        text += "”."
        item.setdefault("kind", "direct")
        item.setdefault("speaker", mention)
        statements.append(
            Statement(
                quote=quote,
                quote_start=quote_start,
                quote_end=quote_end,
                speaker_mention=mention,
                speaker_start=speaker_start,
                speaker_end=speaker_end,
                cue="said" if mention else None,
                **item,
            )
        )
    doc = Document(text=text, ref=ref, **meta)
    for st in statements:
        st.check_offsets(text)
    return doc, Extraction(statements=statements, people=list(people))


LAVROV = Person(
    "Sergey Lavrov",
    aliases=["Lavrov", "FM Lavrov"],
    roles=["Foreign Minister"],
    organisation="Russian Foreign Ministry",
    country="Russia",
)
FIDAN = Person(
    "Hakan Fidan", aliases=["Fidan"], organisation="Turkish Foreign Ministry", country="Turkey"
)
BORRELL = Person("Josep Borrell", aliases=["Borrell"], organisation="European Union")
ZAKHAROVA = Person(
    "Maria Zakharova", aliases=["Zakharova"], organisation="Russian Foreign Ministry"
)
PAVEL = Person("Pavel Lavrov", aliases=["Lavrov"], roles=["city councillor"], country="Russia")


def sample_documents() -> list[tuple[Document, Extraction]]:
    docs = []
    docs.append(
        make_document(
            "https://tass.example/visit-1",
            [
                {
                    "mention": "Sergey Lavrov",
                    "speaker": "Sergey Lavrov",
                    "quote": "Our talks with Hakan Fidan were constructive. We agreed on next steps.",
                    "role": "Foreign Minister",
                    "organisation": "Russian Foreign Ministry",
                    "country": "Russia",
                    "date": "2024-05-01",
                    "source": "TASS",
                    "confidence": 0.9,
                    "headline": "Lavrov calls Ankara talks constructive",
                },
                {
                    "mention": "Hakan Fidan",
                    "quote": "We discussed the Black Sea Grain Initiative and regional security.",
                    "role": "Foreign Minister of Turkey",
                    "country": "Turkey",
                    "date": "2024-05-01",
                    "source": "TASS",
                    "confidence": 0.85,
                },
            ],
            [LAVROV, FIDAN],
            title="Lavrov arrives in Ankara",
            outlet="TASS",
            url="https://tass.example/visit-1",
            published="2024-05-01",
        )
    )
    docs.append(
        make_document(
            "https://reuters.example/reactions",
            [
                {
                    "mention": "Sergei Lavrov",
                    "speaker": "Sergei Lavrov",
                    "quote": "Sanctions will not change our course, whatever Brussels decides.",
                    "role": "Russian Foreign Minister",
                    "date": "2024-05-02",
                    "source": "Reuters",
                    "confidence": 0.8,
                },
                {
                    "mention": "Josep Borrell",
                    "quote": "The visit of Sergey Lavrov changes nothing for the European Union.",
                    "role": "EU High Representative",
                    "organisation": "European Union",
                    "date": "2024-05-02",
                    "source": "Reuters",
                    "confidence": 0.75,
                },
                {
                    "mention": "Maria Zakharova",
                    "quote": "Western media distort everything about the visit.",
                    "kind": "indirect",
                    "source": None,
                    "source_missing": True,
                    "confidence": 0.6,
                },
            ],
            [
                Person("Sergei Lavrov", aliases=["Lavrov"], country="Russia"),
                BORRELL,
                ZAKHAROVA,
            ],
            title="Reactions to the foreign minister's visit",
            outlet="Reuters",
            url="https://reuters.example/reactions",
            published="2024-05-02T09:30:00+00:00",
        )
    )
    docs.append(
        make_document(
            "notes/visit.txt",
            [
                {
                    "quote": "Sanctions <script>alert('x')</script> are coming & soon.",
                    "kind": "indirect",
                    "speaker": None,
                    "confidence": 0.4,
                },
                {
                    "mention": "Pavel Lavrov",
                    "quote": "Local business suffers from the sanctions.",
                    "role": "city councillor",
                    "date": "2024-05-03",
                    "confidence": 0.7,
                },
            ],
            [PAVEL],
            title="<b>Notes</b> on the visit",
            published="2024-05-03",
        )
    )
    return docs


def fill_sample(store: Store) -> Store:
    for doc, extraction in sample_documents():
        store_document(store, doc, extraction)
    return store


def sample_store(path: Path) -> Store:
    return fill_sample(open_store(path))
