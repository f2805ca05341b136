"""Generated test articles: invented names and sentences, no two near-duplicates."""

from __future__ import annotations

import random
from pathlib import Path

from saidwhat.model import Document

FIRST = ("Ana", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana")
LAST = ("Albescu", "Brandt", "Castell", "Dorsey", "Eklund", "Ferreira", "Holm", "Kaplan")
TOPICS = ("tariffs", "ferries", "pensions", "sanctions", "pipelines", "housing", "rail")
NOUNS = ("agreement", "budget", "proposal", "deadline", "reform", "treaty", "inquiry", "summit")
VERBS = ("will delay", "would support", "cannot accept", "must review", "might block")
ADJ = ("fragile", "costly", "urgent", "unfair", "historic", "modest", "serious", "binding")


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(['The', 'This', 'Our'])} {rng.choice(ADJ)} {rng.choice(NOUNS)} "
        f"{rng.choice(VERBS)} the {rng.choice(TOPICS)} {rng.choice(NOUNS)} "
        f"before {rng.randint(2020, 2030)}."
    )


def article(i: int, rng: random.Random) -> str:
    topic = rng.choice(TOPICS)
    lines = [f"Talks on {topic} continue, report {i}", ""]
    lines.append(" ".join(_sentence(rng) for _ in range(3)))
    for _ in range(2):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        quote = " ".join(_sentence(rng) for _ in range(2))
        lines += ["", f"“{quote[:-1]},” {name} said.", ""]
        lines.append(" ".join(_sentence(rng) for _ in range(2)))
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, n: int, seed: int = 11) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"article-{i:03d}.txt"
        p.write_text(article(i, rng), encoding="utf-8")
        paths.append(p)
    return paths


_SYLLABLES = ("ka", "lo", "mer", "tu", "vin", "sa", "dor", "pel", "quo", "rix", "zan", "bel")


def _invented(i: int, salt: str) -> str:
    """A name no model has seen: syllables spelled from ``i`` (and ``salt``)."""
    parts = [salt]
    for _ in range(3):
        i, r = divmod(i, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
    return "".join(parts).capitalize()


def new_name_documents(salt: str, n: int) -> list[Document]:
    """``n`` short articles, each with names and a number no model has seen (per ``salt``)."""
    docs = []
    for i in range(n):
        first, last = _invented(i, salt + "e"), _invented(i + 7, salt + "o")
        text = (
            f"Port talks stall, report {salt}{90_000 + i}\n\n"
            f"“The {_invented(i, salt + 'a')} terminal will close before {2030 + i % 5},” "
            f"{first} {last}, the harbour master, said on Monday.\n\n"
            f"{last} told reporters that the {_invented(i, salt + 'u')} plan was unfair."
        )
        docs.append(Document(text, f"zone-{salt}-{i}.txt", language="en"))
    return docs
