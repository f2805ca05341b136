"""Words and pure functions for reading person names: honorifics, first names,
gender cues, role and outlet nouns, and name folding.

Kept apart from :mod:`.speakers` so the resolver holds logic, not word lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..names import name_tokens

HONORIFICS = frozenset(
    """mr mrs ms miss dr prof sir dame madam mme sen senator rep gov gen president minister
    fm pm mp amb ambassador secretary chairman chairwoman spokesman spokeswoman
    spokesperson aide adviser advisor deputy st lt col capt judge justice rev pope king
    queen prince governor mayor congressman congresswoman representative premier
    chancellor""".split()  # noqa: SIM905
)
FEMALE_NAMES = frozenset(
    """hillary maria nikki elizabeth melania ivanka nancy kellyanne sarah theresa angela
    marine loretta huma susan samantha condoleezza madeleine michelle valentina natalia
    natalya anna olga irina elena yelena tatiana tatyana svetlana yulia julia mary
    jennifer karen lisa laura emily jane ann anne patricia linda barbara margaret
    jessica donna carol ruth sharon kamala amy kirsten claire tammy dianne debbie heidi
    jeanne catherine katherine kate hope megyn federica ursula christine jill chelsea
    melanie sonya pamela martha ariana ana""".split()  # noqa: SIM905
)
MALE_NAMES = frozenset(
    """donald barack bernie ted marco mike michael john joe bill george sergey vladimir
    dmitry yuri konstantin leonid alexey rex james paul mitch chris tim jeb ben robert
    david richard thomas charles mark steven steve kevin brian jim tom bob andrew peter
    lindsey josh eric harry jeff rand rick scott mikhail nikolay andrey alexander boris
    viktor igor oleg pavlo petro emmanuel francois recep bashar hassan benjamin xi
    shinzo justin boris reince sean newt rudy chuck jared""".split()  # noqa: SIM905
)
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES
FEMALE_WORDS = frozenset(
    """ms mrs miss madam spokeswoman chairwoman congresswoman businesswoman woman wife
    mother""".split()  # noqa: SIM905
)
MALE_WORDS = frozenset(
    ["mr", "sir", "spokesman", "chairman", "congressman", "businessman", "man", "husband", "father"]
)
OUTLET_WORDS = frozenset(
    """newspaper daily times post journal news tass ria interfax kommersant izvestia
    reuters ap bloomberg cnn bbc fox msnbc nbc abc cbs npr politico axios guardian
    telegraph tribune herald gazette magazine agency radio tv television channel network
    broadcaster outlet paper wire press breitbart huffpost huffington vedomosti rt
    sputnik""".split()  # noqa: SIM905
)
OUTLET_NOUNS = frozenset(
    ["newspaper", "daily", "paper", "outlet", "agency", "magazine", "network", "broadcaster"]
)
ROLE_NOUNS = frozenset(
    """minister spokesman spokeswoman spokesperson senator president secretary chairman
    chairwoman chair ambassador aide adviser advisor analyst governor mayor candidate
    nominee official diplomat lawmaker deputy congressman congresswoman director
    commissioner businessman leader premier chancellor prosecutor attorney judge general""".split()  # noqa: SIM905
)
#: Titles that tell people apart ("the senator" is not the minister just mentioned).
TITLES = frozenset(
    """minister senator president secretary ambassador governor mayor spokesman spokeswoman
    spokesperson premier chancellor judge general prosecutor congressman congresswoman""".split()  # noqa: SIM905
)
PLURAL_PRONOUNS = frozenset({"they", "we", "them"})


@lru_cache(maxsize=8192)
def fold(token: str) -> str:
    """One name word, case- and accent-folded with transliteration variants merged
    (``Sergei`` -> ``sergey``), by the project's name keys (:mod:`saidwhat.names`)."""
    words = name_tokens(token)
    return words[0] if words else token.casefold().strip(".’'")


def name_parts(name: str) -> list[str]:
    """The words of a person name without honorifics or a trailing possessive."""
    return list(_name_parts(name))


@lru_cache(maxsize=8192)
def _name_parts(name: str) -> tuple[str, ...]:
    name = re.sub(r"[’']s$", "", name.strip())
    words = [w for w in re.split(r"[\s\u00a0]+", name) if w]
    while words and fold(words[0]) in HONORIFICS and len(words) > 1:
        words = words[1:]
    return tuple(words)


def gender_of(words: list[str], context: str) -> str | None:
    low = context.lower()
    if any(w in FEMALE_WORDS for w in re.findall(r"\w+", low)):
        return "f"
    if any(w in MALE_WORDS for w in re.findall(r"\w+", low)):
        return "m"
    if not words:
        return None
    first, last = fold(words[0]), fold(words[-1])
    if len(words) > 1 and first in FEMALE_NAMES:
        return "f"
    if len(words) > 1 and first in MALE_NAMES:
        return "m"
    if re.search(r"(ova|eva|ina|aya|skaya)$", last):
        return "f"
    if re.search(r"(ov|ev|in|sky|enko)$", last):
        return "m"
    return None
