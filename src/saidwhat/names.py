"""Name keys: one comparable form for the spellings of a person's name.

``Sergey Lavrov``, ``Sergei Lavrov`` and ``SERGEY LAVROV`` share a key; the
key drops honorifics and folds common transliteration variants of Russian and
Ukrainian names so that aliases merge across documents without a lookup table.
"""

from __future__ import annotations

import re
import unicodedata

# Honorifics and short titles that prefix names but are not part of them.
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "madam",
        "mme",
        "m",
        "herr",
        "frau",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "capt",
        "fm",
        "pm",
        "president",
        "senator",
        "minister",
        "mp",
        "amb",
        "ambassador",
    ]
)

# Transliteration variants, applied to each name token (order matters).
_VARIANTS: tuple[tuple[str, str], ...] = (
    (r"^sergei$", "sergey"),
    (r"^serguei$", "sergey"),
    (r"^yury$", "yuri"),
    (r"^yuriy$", "yuri"),
    (r"^iurii$", "yuri"),
    (r"^alexei$", "alexey"),
    (r"^aleksei$", "alexey"),
    (r"^aleksey$", "alexey"),
    (r"^alexandr$", "alexander"),
    (r"^aleksandr$", "alexander"),
    (r"^dmitri$", "dmitry"),
    (r"^dmitrii$", "dmitry"),
    (r"^andrei$", "andrey"),
    (r"^nikolai$", "nikolay"),
    (r"^mikhail$", "mikhail"),
    (r"^maria$", "maria"),
    (r"^mariya$", "maria"),
    (r"^(\w+)skiy$", r"\1sky"),
    (r"^(\w+)skii$", r"\1sky"),
    (r"^(\w+)iy$", r"\1y"),
    (r"^(\w+)ii$", r"\1y"),
    (r"^(\w+)ei$", r"\1ey"),
)
_VARIANT_RES = [(re.compile(p), r) for p, r in _VARIANTS]
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _fold(token: str) -> str:
    for pattern, repl in _VARIANT_RES:
        token, n = pattern.subn(repl, token)
        if n:
            break
    return token


def name_tokens(name: str) -> list[str]:
    """Lower-cased, accent-free name tokens, honorifics dropped, variants folded."""
    from saidwhat.extraction.slavic.translit import fold_latin, to_latin

    # Cyrillic names are compared in Latin script (Сергей Лавров ~ Sergey Lavrov)
    plain = unicodedata.normalize("NFKD", to_latin(name))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = plain.replace("’", "'")
    tokens = [t for t in _TOKEN.findall(plain) if t.rstrip(".") not in HONORIFICS]
    # "@Alexey_Pushkov" -> ["alexey", "pushkov"] comes from _TOKEN skipping "_" and "@".
    return [fold_latin(_fold(t)) for t in tokens]


def name_key(name: str) -> str:
    """The key aliases are matched on: ``name_key("Sergei Lavrov") == name_key("Sergey Lavrov")``."""
    return " ".join(name_tokens(name))
