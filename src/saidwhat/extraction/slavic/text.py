"""The document as the rules see it: tokens, sentences, quotes and names, with offsets.

Everything here is computed once per document by :class:`DocView` and refers
to the unmodified text, so every span the rules produce is an exact slice.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..quotes import QuoteSpan, find_quotes, paragraphs
from .lexicon import Lexicon
from .morph import info, parses_of, verb_gender
from .settings import Settings

_TOKEN = re.compile(r"\w+(?:[-'’ʼ]\w+)*\.?|[^\w\s]")
_CYR_UPPER = "А-ЯЁІЇЄҐ"
_CYR_LOWER = "а-яёіїєґ"
_INITIAL = re.compile(rf"[{_CYR_UPPER}]\.")
_NAME_WORD = re.compile(rf"[{_CYR_UPPER}][{_CYR_LOWER}'’ʼ]+(?:-[{_CYR_UPPER}][{_CYR_LOWER}]+)?$")
DASHES = "—–"
#: Punctuation that ends a speaker phrase.
_STOP_PUNCT = frozenset(',.;:!?…()[]«»„“”"—–')


#: Cue verbs keep their first letters in every form (заявить/заявил/заявив): a token
#: whose first CUE_PREFIX letters start no cue lemma is not looked up.
CUE_PREFIX = 3


_PREFIXES: dict[str, frozenset[str]] = {}


def cue_prefixes(lex: Lexicon) -> frozenset[str]:
    found = _PREFIXES.get(lex.language)
    if found is None:
        words = lex.speech | lex.belief | lex.writing | lex.naming | lex.citing
        prefixes = {w[:CUE_PREFIX] for w in words}
        for w in words:  # every form of every cue verb (писать -> пишет, сказать -> скажу)
            for p in parses_of(w, lex.language)[:1]:
                prefixes.update(f.word[:CUE_PREFIX] for f in p.lexeme)
        found = _PREFIXES[lex.language] = frozenset(prefixes)
    return found


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".")


@dataclass
class DocView:
    """One document prepared for the rules of one language."""

    text: str
    lex: Lexicon
    settings: Settings
    tokens: list[Token] = field(init=False)
    paras: list[tuple[int, int]] = field(init=False)
    quotes: list[QuoteSpan] = field(init=False)

    def __post_init__(self):
        self.tokens = []
        for m in _TOKEN.finditer(self.text):
            s, e = m.start(), m.end()
            word = m.group()
            # a trailing period belongs to the word only for initials and abbreviations
            if word.endswith(".") and len(word) > 2 and not word[:-1].isupper():
                self.tokens.append(Token(word[:-1], s, e - 1))
                self.tokens.append(Token(".", e - 1, e))
            else:
                self.tokens.append(Token(word, s, e))
        self._starts = [t.start for t in self.tokens]
        self.paras = paragraphs(self.text)
        self._para_starts = [p[0] for p in self.paras]
        self.quotes = find_quotes(self.text)
        self._q_starts = [q.start for q in self.quotes]

    @property
    def language(self) -> str:
        return self.lex.language

    # -- lookups ---------------------------------------------------------------

    def tok_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self._starts, pos)

    def tokens_in(self, s: int, e: int) -> list[Token]:
        return self.tokens[self.tok_index(s) : self.tok_index(e)]

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def quote_at(self, pos: int) -> QuoteSpan | None:
        """The quote containing ``pos``, marks included."""
        k = bisect.bisect_right(self._q_starts, pos) - 1
        for j in range(k, max(-1, k - 4), -1):
            q = self.quotes[j]
            if q.start <= pos < q.end:
                return q
        return None

    def quotes_in(self, s: int, e: int) -> list[QuoteSpan]:
        k = bisect.bisect_left(self._q_starts, e)
        j = max(0, bisect.bisect_right(self._q_starts, s) - 1)
        return [q for q in self.quotes[j:k] if q.end > s and q.start < e]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """[start, end) of every sentence; sentences never cross a paragraph."""
        from razdel import sentenize

        out = []
        for ps, pe in self.paras:
            for s in sentenize(self.text[ps:pe]):
                out.append((ps + s.start, ps + s.stop))
        return out

    def sentence_of(self, pos: int) -> tuple[int, int]:
        sents = self.sentences
        k = bisect.bisect_right([s for s, _ in sents], pos) - 1
        if k < 0:
            return (0, len(self.text))
        s, e = sents[k]
        # a quote spanning a sentence break keeps the sentence whole
        q = self.quote_at(e - 1) if e > s else None
        while q is not None and q.end > e and k + 1 < len(sents):
            k += 1
            e = sents[k][1]
            q = self.quote_at(e - 1)
        return s, e

    # -- word classes ------------------------------------------------------------

    def is_cue(self, tok: Token, kinds: tuple[str, ...] = ("speech", "belief", "writing")) -> bool:
        word = tok.text
        if not word.isalpha() or (word[0].isupper() and len(word) > 1 and word[1:].isupper()):
            return False
        if word[:CUE_PREFIX].lower() not in cue_prefixes(self.lex):
            return False  # no cue verb starts so: skip the (slow) morphological analysis
        wi = info(word.lower(), self.language)
        # уверен / переконаний: a belief adjective is a cue too
        believing = "belief" in kinds and (
            word.lower() in self.lex.belief or wi.lemma in self.lex.belief
        )
        if believing:
            return True
        if wi.pos not in ("VERB", "GRND", "INFN", "PRTS") and not (
            wi.pos is None or any(lem in self.lex.speech for lem in wi.lemmas)
        ):
            return False
        for kind in kinds:
            words = getattr(self.lex, kind)
            if wi.lemma in words or (wi.pos in ("VERB", "GRND") and wi.lemmas & words):
                return True
        return False

    def cue_kind(self, tok: Token) -> str:
        wi = info(tok.text.lower(), self.language)
        if wi.lemma in self.lex.belief:
            return "belief"
        if wi.lemma in self.lex.writing:
            return "writing"
        return "speech"

    def gender_of_cue(self, tok: Token) -> str | None:
        return verb_gender(tok.text.lower(), self.language)

    def is_name_word(self, tok: Token) -> bool:
        w = tok.text
        if _INITIAL.fullmatch(w):
            return True
        if not _NAME_WORD.match(w):
            return False
        low = w.lower()
        if low in self.lex.pronouns or low in self.lex.organisations:
            return False
        wi = info(w, self.language)
        if (wi.is_geo or wi.is_org) and wi.name_kind is None:  # Владимир is a city too
            return False
        if wi.name_kind:
            return True
        return not wi.known

    def name_groups(self, s: int, e: int, quoted: bool = False) -> list[tuple[int, int]]:
        """Person-name spans (``Сергей Лавров``, ``С.В.Лавров``) within [s, e), outside quotes.

        ``quoted``: also inside quotation marks (a cue between two pieces of one quote).
        """
        out: list[tuple[int, int]] = []
        toks = self.tokens_in(s, e)
        i = 0
        while i < len(toks):
            t = toks[i]
            starts_name = self.is_name_word(t) or (
                i + 1 < len(toks) and self._unlisted_first_name(t, toks[i + 1])
            )
            if not starts_name or (not quoted and self.quote_at(t.start) is not None):
                i += 1
                continue
            j = i
            while (
                j + 1 < len(toks)
                and j - i < 3
                and (
                    self.is_name_word(toks[j + 1])
                    or (self._first_name(toks[j]) and self._surname_after(toks[j + 1]))
                )
                and toks[j + 1].start - toks[j].end <= 1
                and "\n" not in self.text[toks[j].end : toks[j + 1].start]
            ):
                j += 1
            group = toks[i : j + 1]
            # "Архавии Сергей Остриков": a word before a first name that is not one itself
            while len(group) > 1 and self._name_like(group[1]) and not self._name_like(group[0]):
                group = group[1:]
            # "МИД Арханской Республики": a place after an abbreviation or before a noun
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            prv = toks[i - 1] if i > 0 else None
            anonymous = not any(
                self._name_like(t) or info(t.text, self.language).name_kind for t in group
            )
            after_abbr = prv is not None and prv.text.isupper() and len(prv.text) > 1
            before_noun = (
                info(group[-1].text, self.language).pos == "ADJF"  # Арханской Республики
                and nxt is not None
                and nxt.text[:1].isupper()
                and info(nxt.text, self.language).known
                and not self.is_name_word(nxt)
            )
            if anonymous and (after_abbr or before_noun):
                i = j + 1
                continue
            # initials alone are not a name; a name must end in a word
            while group and _INITIAL.fullmatch(group[-1].text):
                group = group[:-1]
            if group:
                out.append((group[0].start, group[-1].end))
            i = j + 1
        return out

    def _unlisted_first_name(self, tok: Token, nxt: Token) -> bool:
        """``Володимир Зеленський``: a dictionary word with a person reading before a surname."""
        if not _NAME_WORD.match(tok.text) or not self.is_name_word(nxt):
            return False
        if nxt.start - tok.end > 1 or info(nxt.text, self.language).name_kind == "Name":
            return False
        return any(
            q.tag.POS == "NOUN" and "anim" in q.tag.grammemes and q.tag.case == "nomn"
            for q in parses_of(tok.text, self.language)
        ) and not self.is_role_head(tok)

    def _surname_after(self, tok: Token) -> bool:
        """``Роксолана Підласа``: after a first name, a capitalised dictionary word is a surname."""
        if not _NAME_WORD.match(tok.text) or tok.text.lower() in self.lex.pronouns:
            return False
        wi = info(tok.text, self.language)
        return not (wi.is_geo or wi.is_org or self.is_role_head(tok) or self.is_cue(tok))

    def _first_name(self, tok: Token) -> bool:
        return info(tok.text, self.language).name_kind == "Name"

    def _name_like(self, tok: Token) -> bool:
        return bool(_INITIAL.fullmatch(tok.text)) or info(tok.text, self.language).name_kind in (
            "Name",
            "Patr",
        )

    def is_role_head(self, tok: Token) -> bool:
        low = tok.text.lower()
        if low in self.lex.role_heads:
            return True
        if not tok.text.isalpha() and "-" not in tok.text:
            return False
        return info(low, self.language).lemma in self.lex.role_heads

    def is_stop(self, tok: Token) -> bool:
        return tok.text in _STOP_PUNCT
