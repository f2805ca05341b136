"""Word analysis with pymorphy3 (one analyzer per language, built on first use).

What the rules need from morphology is small: a word's lemma, whether it is
a verb and its gender/number, whether a capitalised word is a first name,
patronymic or surname, and a person's name put back into the nominative
(``Сергеем Лавровым`` -> ``Сергей Лавров``).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

_lock = threading.Lock()
_analyzers: dict[str, object] = {}

#: Cache size for word analyses (news vocabulary repeats a lot).
CACHE_WORDS = 200_000


def clear_caches() -> None:
    """Forget every cached word analysis (for cold-start timings)."""
    for fn in (parses_of, info, verb_gender, _name_gender, _nominative_name, nominative_phrase):
        fn.cache_clear()


def analyzer(language: str):
    """The pymorphy3 analyzer of ``language`` ('ru' or 'uk'), loaded once."""
    a = _analyzers.get(language)
    if a is None:
        with _lock:
            a = _analyzers.get(language)
            if a is None:
                import pymorphy3

                a = pymorphy3.MorphAnalyzer(lang=language)
                _analyzers[language] = a
    return a


@dataclass(frozen=True)
class WordInfo:
    """What the rules read off one word form (the first, most likely analysis wins)."""

    lemma: str
    pos: str | None
    gender: str | None  # 'masc', 'femn', 'neut' or None
    number: str | None  # 'sing', 'plur' or None
    case: str | None
    name_kind: str | None  # 'Name', 'Surn', 'Patr' when any analysis says so
    is_geo: bool
    is_org: bool
    known: bool
    lemmas: frozenset[str]  # lemmas of every analysis (a cue may hide in a second reading)
    nominative: bool  # some analysis is nominative
    person: str | None  # '1per', '2per', '3per' for verbs


@lru_cache(maxsize=CACHE_WORDS)
def parses_of(word: str, language: str) -> tuple:
    """pymorphy3's analyses of ``word``, cached (names and cue verbs recur in a corpus)."""
    if language == "uk":  # the dictionary spells the apostrophe (прем'єр) in ASCII
        word = word.replace("’", "'").replace("ʼ", "'")
    return tuple(analyzer(language).parse(word))


@lru_cache(maxsize=CACHE_WORDS)
def info(word: str, language: str) -> WordInfo:
    parses = parses_of(word, language)
    p = parses[0]
    tag = p.tag
    known = analyzer(language).word_is_known(word.lower())
    name_kind = None
    # the guesser's tags for unknown words (Surn, Geox ...) are noise: dictionary words only
    for q in parses if known else ():
        for g in ("Name", "Surn", "Patr"):
            if g in q.tag.grammemes:
                name_kind = name_kind or g
    return WordInfo(
        lemma=p.normal_form,
        pos=str(tag.POS) if tag.POS else None,
        gender=str(tag.gender) if tag.gender else None,
        number=str(tag.number) if tag.number else None,
        case=str(tag.case) if tag.case else None,
        name_kind=name_kind,
        is_geo=known and any("Geox" in q.tag.grammemes for q in parses[:2]),
        is_org=known and any("Orgn" in q.tag.grammemes for q in parses[:2]),
        known=known,
        lemmas=frozenset(q.normal_form for q in parses),
        # a dictionary entry without case (uk "глава") may be nominative too
        nominative=any(
            q.tag.case in ("nomn", None) and q.tag.POS in ("NOUN", "ADJF", "NPRO", "PRTF")
            for q in parses
        ),
        person=str(tag.person) if tag.person else None,
    )


@lru_cache(maxsize=CACHE_WORDS)
def verb_gender(word: str, language: str) -> str | None:
    """'masc', 'femn' or 'plur' from a past-tense verb ending (заявил/заявила/заявили)."""
    for q in parses_of(word, language)[:3]:
        if q.tag.POS in ("VERB", "GRND", "PRTF", "PRTS"):
            if q.tag.number == "plur":
                return "plur"
            if q.tag.gender in ("masc", "femn", "neut"):
                return str(q.tag.gender)
            return None
    return None


# Nominative endings of surnames not in the dictionary, most specific first:
# (ending of the form in text, replacement) for masculine and feminine.
_SURNAME_MASC = {
    "ru": (
        ("ского", "ский"),
        ("скому", "ский"),
        ("ским", "ский"),
        ("ском", "ский"),
        ("цкого", "цкий"),
        ("цкому", "цкий"),
        ("цким", "цкий"),
        ("овым", "ов"),
        ("евым", "ев"),
        ("иным", "ин"),
        ("ыным", "ын"),
        ("ова", "ов"),
        ("ову", "ов"),
        ("ове", "ов"),
        ("ева", "ев"),
        ("еву", "ев"),
        ("еве", "ев"),
        ("ина", "ин"),
        ("ину", "ин"),
        ("ине", "ин"),
        ("ына", "ын"),
        ("ыну", "ын"),
        ("енко", "енко"),
        ("ука", "ук"),
        ("уку", "ук"),
        ("уком", "ук"),
    ),
    "uk": (
        ("ського", "ський"),
        ("ському", "ський"),
        ("ським", "ський"),
        ("ськім", "ський"),
        ("цького", "цький"),
        ("цькому", "цький"),
        ("цьким", "цький"),
        ("овим", "ов"),
        ("евим", "ев"),
        ("іним", "ін"),
        ("иним", "ин"),
        ("ові", "ов"),
        ("ова", "ов"),
        ("ову", "ов"),
        ("ева", "ев"),
        ("еву", "ев"),
        ("іна", "ін"),
        ("іну", "ін"),
        ("ина", "ин"),
        ("ину", "ин"),
        ("енка", "енко"),
        ("енку", "енко"),
        ("енком", "енко"),
        ("енкові", "енко"),
        ("чука", "чук"),
        ("чуку", "чук"),
        ("чуком", "чук"),
        ("чукові", "чук"),
        ("ука", "ук"),
        ("уку", "ук"),
        ("уком", "ук"),
        ("укові", "ук"),
        ("бою", "ба"),
        ("би", "ба"),
        ("бі", "ба"),
        ("бу", "ба"),
        ("гою", "га"),
        ("ги", "га"),
        ("зі", "га"),
        ("гу", "га"),
        ("ком", "к"),
        ("ка", "к"),
    ),
}
_SURNAME_FEMN = {
    "ru": (("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("овой", "ова"),
           ("ову", "ова"), ("евой", "ева"), ("еву", "ева"), ("иной", "ина"), ("ину", "ина")),
    "uk": (("ської", "ська"), ("ській", "ська"), ("ською", "ська"), ("ську", "ська"),
           ("цької", "цька"), ("цькій", "цька"), ("овій", "ова"), ("ової", "ова"),
           ("овою", "ова"), ("ову", "ова"), ("евої", "ева"), ("іної", "іна"), ("іною", "іна")),
}  # fmt: skip
_INITIALS = re.compile(r"^(?:[А-ЯЁІЇЄҐA-Z]\.\s*){1,2}$")


def _cap(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:]


def _parse_nominative(word: str, language: str, kind: str, gender: str | None) -> str | None:
    """pymorphy3's nominative of ``word`` read as a ``kind`` (Name/Surn/Patr) of ``gender``."""
    best = None
    parses = parses_of(word, language)
    for q in parses:  # a reading already in the nominative wins (Павло, Карла)
        nominal = kind in q.tag.grammemes and q.tag.case == "nomn" and q.tag.number != "plur"
        if nominal and (gender not in ("masc", "femn") or q.tag.gender in (gender, None)):
            return word.lower()
    for q in parses:
        if kind not in q.tag.grammemes:
            continue
        g = q.tag.gender
        if (
            gender in ("masc", "femn")
            and g is not None
            and g != gender
            and "ms-f" not in q.tag.grammemes
        ):
            continue
        if q.tag.number == "plur":
            continue
        if kind == "Name":  # a first name's lemma is its nominative
            return q.normal_form
        form = q.inflect({"nomn", "sing"}) if language == "ru" else q.inflect({"nomn"})
        cand = form.word if form is not None else q.normal_form
        if best is None:
            best = cand
        if q.tag.case == "nomn":
            return word.lower()
    return best


def _suffix_nominative(word: str, language: str, gender: str | None) -> str:
    low = word.lower()
    tables = (_SURNAME_FEMN,) if gender == "femn" else (_SURNAME_MASC,)
    for table in tables:
        # the longest ending first (Мусієнка: -енка, not -ка)
        for end, repl in sorted(table.get(language, ()), key=lambda e: -len(e[0])):
            if low.endswith(end) and len(low) > len(end) + 2:
                return low[: -len(end)] + repl
    return low


#: Surname endings that are feminine in every case they can be (Железовой, Кесслінгової).
_FEMININE_ENDINGS = {
    "ru": ("овой", "евой", "иной", "ыной", "ской", "цкой", "ская", "цкая"),
    "uk": ("ової", "овою", "овій", "евої", "іної", "ської", "ською", "ській", "ська", "цька"),
}


def surname_gender(word: str, language: str) -> str | None:
    """'femn' when a surname's ending is feminine whatever its case, else None."""
    return "femn" if word.lower().endswith(_FEMININE_ENDINGS.get(language, ())) else None


def name_gender_in_context(tokens: list[str], language: str) -> str | None:
    """Gender of a name in any case: a surname in a masculine oblique form (Мусієнка,
    Острикова) makes an ambiguous first name (Олександра) a man's."""
    last = tokens[-1]
    if len(tokens) > 1 and surname_gender(last, language) is None:
        surn = [q for q in parses_of(last, language) if "Surn" in q.tag.grammemes]
        if surn:
            if all(q.tag.case != "nomn" and q.tag.gender == "masc" for q in surn):
                return "masc"
        elif _suffix_nominative(last, language, "masc") != last.lower():
            return "masc"
    return name_gender(tokens, language)


def name_gender(tokens: list[str] | tuple[str, ...], language: str) -> str | None:
    """Gender of a person name read off its first name or patronymic, if any."""
    return _name_gender(tuple(tokens), language)


@lru_cache(maxsize=20_000)
def _name_gender(tokens: tuple[str, ...], language: str) -> str | None:
    for t in tokens:
        parses = parses_of(t, language)
        # a nominative reading first: Павло is a man, though "Павла" (voc.) is a woman's name
        for q in sorted(parses, key=lambda q: q.tag.case != "nomn"):
            if ({"Name", "Patr"} & q.tag.grammemes) and q.tag.gender in ("masc", "femn"):
                return str(q.tag.gender)
    return None


@lru_cache(maxsize=20_000)
def _nominative_name(name: str, language: str, gender: str | None) -> str:
    tokens = name.split()
    gender = gender or name_gender_in_context(tokens, language)
    out = []
    for i, t in enumerate(tokens):
        if _INITIALS.match(t) or not any(c.isalpha() for c in t) or not _is_cyrillic(t):
            out.append(t)
            continue
        parts = t.split("-")
        norm_parts = []
        for part in parts:
            wi = info(part, language)
            last = i == len(tokens) - 1
            kind = wi.name_kind
            if kind is None and last:
                kind = "Surn"
            res = None
            if kind in ("Name", "Patr"):
                res = _parse_nominative(part, language, kind, gender)
            elif kind is None:  # a first name the dictionary reads as a common word
                res = _parse_nominative(part, language, "Name", gender)
            if res is None and kind == "Surn":
                res = _parse_nominative(part, language, "Surn", gender)
                if res is None or not wi.known:
                    res = _suffix_nominative(part, language, gender)
            norm_parts.append(_cap(res or part.lower(), part))
        out.append("-".join(norm_parts))
    return " ".join(out)


def nominative_name(name: str, language: str, gender: str | None = None) -> str:
    """``Сергеем Лавровым`` -> ``Сергей Лавров``; ``Марии Захаровой`` -> ``Мария Захарова``."""
    return _nominative_name(" ".join(name.split()), language, gender)


@lru_cache(maxsize=20_000)
def nominative_phrase(phrase: str, language: str) -> str:
    """A role or organisation phrase with its head (first noun) in the nominative.

    ``главы МИД России`` -> ``глава МИД России``, ``Кремле`` -> ``Кремль``: the
    words after the head are its modifiers and keep their case.
    """
    words = phrase.split()
    out = list(words)
    for i, w in enumerate(words):
        if w.isupper() and len(w) > 1:
            return " ".join(out)  # an abbreviation heading the phrase does not inflect
        parses = parses_of(w, language)
        p = parses[0]
        if p.tag.POS in ("ADJF", "PRTF"):
            continue
        if p.tag.POS == "NOUN":
            number = "sing"  # a role or an organisation names one holder
            for k in range(i + 1):
                readings = parses_of(words[k], language)
                # a singular nominative (or caseless) reading: the word stays as written
                if any(r.tag.case in ("nomn", None) and r.tag.number != "plur" for r in readings):
                    continue
                q = next((r for r in readings if r.tag.number != "plur"), readings[0])
                # adjectives agree with the head (официального представителя -> официальный)
                want = {"nomn"} if k == i else {"nomn", number}
                if k < i and number == "sing" and p.tag.gender:
                    want.add(str(p.tag.gender))
                form = q.inflect(want) or q.inflect({"nomn"})
                if form is not None:
                    out[k] = _cap(form.word, words[k]) if words[k][:1].isupper() else form.word
            return " ".join(out)
        return phrase
    return phrase


def _is_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)
