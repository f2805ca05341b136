"""Transliteration of Russian and Ukrainian names into Latin script (not translation).

``Сергей Лавров``, ``Сергій Лавров``, ``Sergey Lavrov`` and ``Sergei Lavrov``
are one person: :func:`to_latin` gives a Cyrillic name the Latin form the
people registry compares on (``saidwhat.names.name_key`` calls it), and
:func:`fold_latin` folds the Ukrainian and Russian romanisations of common
first names and surname endings onto one spelling. :func:`transliterations`
lists the spellings a reader may search for (BGN/PCGN, passport, scholarly
for Russian; the 2010 national system and BGN for Ukrainian).
"""

from __future__ import annotations

import re

_RU_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
_UK_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
#: Word-initial forms of the Ukrainian 2010 system (Юлія -> Yuliia, Євген -> Yevhen).
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

#: Variant tables: name -> (base table, overrides). The first of each language is canonical.
_VARIANTS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "ru-bgn": (_RU_BASE, {}),
    "ru-passport": (_RU_BASE, {"й": "i", "ы": "y", "х": "kh", "ц": "ts", "ю": "iu", "я": "ia"}),
    "ru-scholarly": (
        _RU_BASE,
        {
            "й": "j",
            "х": "x",
            "ц": "c",
            "ч": "č",
            "ш": "š",
            "щ": "šč",
            "ж": "ž",
            "ю": "ju",
            "я": "ja",
            "ё": "ë",
        },
    ),
    "uk-national": (_UK_BASE, {}),
    "uk-bgn": (_UK_BASE, {"й": "y", "ї": "yi", "є": "ye", "ю": "yu", "я": "ya"}),
}

#: Ukrainian first names -> their Russian form, so both scripts reach one key.
_UK_TO_RU_FIRST = {
    "сергій": "сергей", "олександр": "александр", "дмитро": "дмитрий",
    "володимир": "владимир", "микола": "николай", "андрій": "андрей", "олексій": "алексей",
    "юрій": "юрий", "михайло": "михаил", "петро": "пётр", "іван": "иван", "олена": "елена",
    "наталія": "наталья", "марія": "мария", "віктор": "виктор", "василь": "василий",
    "григорій": "григорий", "євген": "евгений", "георгій": "георгий", "ігор": "игорь",
    "павло": "павел", "анатолій": "анатолий", "валерій": "валерий", "віталій": "виталий",
    "костянтин": "константин", "ірина": "ирина", "катерина": "екатерина", "юлія": "юлия",
    "артем": "артём", "федір": "фёдор", "яків": "яков", "ілля": "илья", "олег": "олег",
    "аркадій": "аркадий", "геннадій": "геннадий", "леонід": "леонид", "семен": "семён",
    "оксана": "оксана", "тарас": "тарас", "богдан": "богдан", "остап": "остап",
    "ганна": "анна", "тетяна": "татьяна", "людмила": "людмила", "світлана": "светлана", "вікторія": "виктория",
}  # fmt: skip
#: Latin spellings of the same first names (Ukrainian and Russian romanisations) -> one.
_LATIN_FIRST = {
    "serhii": "sergey", "serhiy": "sergey", "sergii": "sergey", "sergiy": "sergey",
    "oleksandr": "alexander", "olexander": "alexander", "dmytro": "dmitry",
    "volodymyr": "vladimir", "mykola": "nikolay", "nikolai": "nikolay", "andrii": "andrey",
    "andriy": "andrey", "oleksii": "alexey", "oleksiy": "alexey", "yurii": "yuri",
    "yuriy": "yuri", "mykhailo": "mikhail", "mykhaylo": "mikhail", "petro": "pyotr",
    "pyotr": "pyotr", "petr": "pyotr", "olena": "elena", "yelena": "elena",
    "nataliia": "natalya", "natalia": "natalya", "nataliya": "natalya", "mariia": "maria",
    "viktor": "viktor", "vasyl": "vasily", "vasiliy": "vasily", "vasili": "vasily",
    "hryhorii": "grigory", "hryhoriy": "grigory", "grigoriy": "grigory", "yevhen": "yevgeny",
    "yevgeniy": "yevgeny", "evgeny": "yevgeny", "evgeniy": "yevgeny", "ihor": "igor",
    "pavlo": "pavel", "anatolii": "anatoly", "anatoliy": "anatoly", "valerii": "valery",
    "valeriy": "valery", "vitalii": "vitaly", "vitaliy": "vitaly", "kostiantyn": "konstantin",
    "kostyantyn": "konstantin", "iryna": "irina", "kateryna": "yekaterina",
    "ekaterina": "yekaterina", "yuliia": "yulia", "yuliya": "yulia", "artem": "artyom",
    "fedir": "fyodor", "fedor": "fyodor", "illia": "ilya", "arkadii": "arkady",
    "arkadiy": "arkady", "tetiana": "tatyana", "tatiana": "tatyana", "svitlana": "svetlana",
    "viktoriia": "viktoria", "viktoriya": "viktoria",
}  # fmt: skip
#: Surname endings: Ukrainian and Russian romanisations of -ский/-ський -> one.
_SKY = re.compile(r"(ts|s)k(?:yi|yy|iy|ii|i)$")
_CYR = re.compile(r"[\u0400-\u04ff]")
_UK_ONLY = frozenset("іїєґ")


def has_cyrillic(s: str) -> bool:
    return bool(_CYR.search(s))


def _is_uk(s: str) -> bool:
    return any(c in _UK_ONLY for c in s.lower())


def _word(word: str, table: dict[str, str], initial: dict[str, str] | None) -> str:
    out = []
    for i, ch in enumerate(word):
        low = ch.lower()
        rep = (initial or {}).get(low) if i == 0 else None
        if rep is None:
            rep = table.get(low)
        if rep is None:
            out.append(ch)
            continue
        if ch.isupper() and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
    return "".join(out)


def _romanise(name: str, variant: str) -> str:
    base, over = _VARIANTS[variant]
    table = {**base, **over}
    initial = _UK_INITIAL if variant.startswith("uk") else None
    return re.sub(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?", lambda m: _word(m.group(), table, initial), name)


def to_latin(name: str) -> str:
    """The Latin spelling a Cyrillic name is compared on; other names come back unchanged.

    Ukrainian first names are read as their Russian form first (``Сергій`` ->
    ``Сергей``), so a person named in either language gets one key.
    """
    if not has_cyrillic(name):
        return name
    words = name.split()
    # a Ukrainian first name marks the whole name as Ukrainian (Олена Гриценко -> Hrytsenko)
    uk = _is_uk(name) or any(w.lower() in _UK_TO_RU_FIRST for w in words)
    out = []
    for w in words:
        low = w.lower()
        if low in _UK_TO_RU_FIRST:
            out.append(_romanise(_UK_TO_RU_FIRST[low].capitalize(), "ru-bgn"))
        else:
            out.append(_romanise(w, "uk-national" if uk else "ru-bgn"))
    return " ".join(out)


def fold_latin(token: str) -> str:
    """One spelling for the romanisations of a name token (lower case).

    Applied to every name key, Latin or Cyrillic: a changed fold needs the stored
    alias keys recomputed (a store migration does ``saidwhat_name_key(alias)``).
    """
    token = _LATIN_FIRST.get(token, token)
    # Х is kh in both romanisations but H in the original of a foreign name (Халлен ~ Hallen)
    token = _SKY.sub(r"\1ky", token).replace("kh", "h")
    # и is i in Russian and y in Ukrainian romanisation (Остриков: Ostrikov ~ Ostrykov)
    return token[:1] + token[1:].replace("y", "i")


def transliterations(name: str) -> list[str]:
    """Every Latin spelling of a Cyrillic ``name`` under the known systems, canonical first."""
    if not has_cyrillic(name):
        return [name]
    langs = ("uk",) if _is_uk(name) else ("ru", "uk")
    out = [to_latin(name)]
    for variant in _VARIANTS:
        if variant.split("-")[0] in langs:
            out.append(_romanise(name, variant))
    return list(dict.fromkeys(out))
