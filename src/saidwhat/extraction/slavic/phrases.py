"""Speaker phrases next to a cue: the subject before it, or after it when inverted.

Russian and Ukrainian put the subject on either side of the verb
(``Лавров заявил`` / ``— заявил Лавров``) and let adverbials stand between
(``Лавров в интервью РБК вчера заявил``). The phrase is found by word class,
not by a parse: a person name (with the role words before it), a pronoun, an
organisation, or the first nominative noun group.
"""

from __future__ import annotations

from dataclasses import dataclass

from .morph import info
from .text import DocView, Token


@dataclass
class Phrase:
    """A speaker mention: its span, what it is, and the parts the resolver needs."""

    start: int
    end: int
    kind: str  # 'name', 'pronoun', 'role', 'org', 'noun'
    name: tuple[int, int] | None = None
    role: tuple[int, int] | None = None


def _prep_before(view: DocView, toks: list[Token], i: int) -> bool:
    return i > 0 and toks[i - 1].low in view.lex.prepositions


def _is_verb(view: DocView, tok: Token) -> bool:
    if not tok.text.isalpha():
        return False
    return info(tok.text.lower(), view.language).pos in ("VERB", "GRND", "INFN")


def _role_left(view: DocView, toks: list[Token], i: int) -> int | None:
    """Index of the first word of the role before the name at ``toks[i]``, if any."""
    head = None
    k = i - 1
    limit = max(0, i - view.settings.max_role_tokens)
    while k >= limit:
        t = toks[k]
        if view.is_stop(t) and t.text not in '«»"“”„':
            break
        if t.low in view.lex.clause_openers or _is_verb(view, t):
            break
        if view.is_role_head(t):
            head = k
        k -= 1
    if head is None:
        return None
    while head > 0 and toks[head - 1].text.isalpha():
        wi = info(toks[head - 1].text.lower(), view.language)
        if wi.pos not in ("ADJF", "PRTF") or toks[head - 1].low in view.lex.skip_adverbs:
            break
        head -= 1
    return head


def _name_phrase(view: DocView, toks: list[Token], span: tuple[int, int]) -> Phrase:
    i = next(k for k, t in enumerate(toks) if t.start == span[0])
    r = _role_left(view, toks, i)
    if r is not None and r < i:
        return Phrase(toks[r].start, span[1], "name", name=span, role=(toks[r].start, span[0]))
    return Phrase(span[0], span[1], "name", name=span)


def _org_at(view: DocView, toks: list[Token], i: int) -> bool:
    t = toks[i]
    low = t.text.lower()
    if low in view.lex.organisations:
        return True
    if not t.text.isalpha() and "-" not in t.text:
        return False
    return info(low, view.language).lemma in view.lex.organisations


def _group_right(view: DocView, toks: list[Token], i: int, stop_at: int) -> int:
    """End index (exclusive) of the noun group starting at ``toks[i]``."""
    j = i + 1
    while j < stop_at and j - i < view.settings.max_speaker_tokens:
        t = toks[j]
        if view.is_stop(t) and t.text not in '«»"“”„-':
            break
        if t.text in '«»"“”„':
            j += 1
            continue
        low = t.low
        if low in view.lex.prepositions or low in view.lex.skip_adverbs:
            break
        if low in view.lex.clause_openers or view.is_cue(t):
            break
        if t.text.isalpha():
            wi = info(low, view.language)
            if wi.pos not in ("NOUN", "ADJF", "PRTF", "NUMR", None) and not t.text[0].isupper():
                break
        j += 1
    while j > i + 1 and toks[j - 1].text in '«»"“”„-':
        j -= 1
    return j


def _nominative_noun(view: DocView, tok: Token) -> bool:
    if not tok.text.isalpha() and "-" not in tok.text:
        return False
    wi = info(tok.text.lower(), view.language)
    return wi.pos in ("NOUN", "ADJF", "PRTF", "NPRO") and wi.nominative


def _known_name(view: DocView, toks: list[Token], span: tuple[int, int]) -> bool:
    return any(info(t.text, view.language).name_kind for t in view.tokens_in(*span))


def _pick(
    view: DocView, toks: list[Token], names: list[tuple[int, int]], rightmost: bool, plural: bool
) -> Phrase | None:
    lead = next(
        (t for t in toks if t.low not in view.lex.skip_adverbs and t.text not in ",—–-"), None
    )
    if plural and lead is not None and lead.low in view.lex.place_preps:
        found = _place_org(view, toks)
        if found is not None:
            return found
    starts = {t.start: k for k, t in enumerate(toks)}
    free = [n for n in names if not _prep_before(view, toks, starts[n[0]])]
    # "посол Архавии в Вельде Павел Дронов": a full name beats a lone unknown word
    full = [n for n in free if " " in view.text[n[0] : n[1]] or _known_name(view, toks, n)]
    free = full or free
    if free:
        return _name_phrase(view, toks, free[-1] if rightmost else free[0])
    order = range(len(toks) - 1, -1, -1) if rightmost else range(len(toks))
    for k in order:
        if toks[k].low in view.lex.pronouns and not _prep_before(view, toks, k):
            return Phrase(toks[k].start, toks[k].end, "pronoun")
    for k in range(len(toks)):
        t = toks[k]
        if t.low in view.lex.skip_adverbs or t.low in view.lex.clause_openers:
            continue
        if _prep_before(view, toks, k) or t.low in view.lex.prepositions:
            continue
        if t.low in view.lex.setting_nouns:
            continue
        # "говорится в заявлении МИД России": the organisation the statement belongs to
        after_setting = k > 0 and toks[k - 1].low in view.lex.setting_nouns
        if _org_at(view, toks, k) and (
            _nominative_noun(view, t) or t.text.isupper() or after_setting
        ):
            j = _group_right(view, toks, k, len(toks))
            return Phrase(t.start, toks[j - 1].end, "org")
        if k > 1 and toks[k - 2].low in view.lex.prepositions:
            continue  # в один голос
        if _nominative_noun(view, t):
            j = _group_right(view, toks, k, len(toks))
            kind = (
                "role"
                if view.is_role_head(t) or any(view.is_role_head(x) for x in toks[k:j])
                else "noun"
            )
            return Phrase(t.start, toks[j - 1].end, kind)
    if plural:
        return _place_org(view, toks)
    return None


def _place_org(view: DocView, toks: list[Token]) -> Phrase | None:
    """``в МИД России заявили``: with a plural verb and no subject, the place speaks."""
    for k in range(len(toks) - 1):
        if toks[k].low in view.lex.place_preps and (
            _org_at(view, toks, k + 1) or toks[k + 1].text[:1].isupper()
        ):
            j = _group_right(view, toks, k + 1, len(toks))
            return Phrase(toks[k + 1].start, toks[j - 1].end, "org")
    return None


def _segment_left(view: DocView, lo: int, cue: Token) -> list[Token]:
    toks = view.tokens_in(lo, cue.start)
    cut = 0
    for k, t in enumerate(toks):
        if t.text in ",;:—–()" or t.low in view.lex.clause_openers:
            cut = k + 1
        elif t.text in '«»"“”„' and view.quote_at(t.start) is not None:
            q = view.quote_at(t.start)
            if q.end <= cue.start and (q.end - q.start) > 40:
                cut = k + 1
    return toks[cut:]


def subject_before(view: DocView, lo: int, cue: Token, plural: bool = False) -> Phrase | None:
    """The speaker phrase left of ``cue`` and right of ``lo``."""
    toks = _segment_left(view, lo, cue)
    toks = [t for t in toks if view.quote_at(t.start) is None or _short_quote(view, t)]
    found = None
    if toks:
        names = view.name_groups(toks[0].start, toks[-1].end)
        found = _pick(view, toks, names, rightmost=True, plural=plural)
    if found is None:
        # "Графиня Уварова, председатель общества, говорила": the subject stands before
        # a comma-delimited apposition or participle phrase; look from the clause start.
        whole = [
            t
            for t in view.tokens_in(lo, cue.start)
            if view.quote_at(t.start) is None and t.text not in "()"
        ]
        starts = [k for k, t in enumerate(whole) if t.text in ":;—–" or t.low == "что"]
        whole = whole[starts[-1] + 1 :] if starts else whole
        if whole:
            names = view.name_groups(whole[0].start, whole[-1].end)
            found = _pick(view, whole, names[:1], rightmost=False, plural=plural)
    return found


def _short_quote(view: DocView, tok: Token) -> bool:
    q = view.quote_at(tok.start)
    return q is not None and q.end - q.start <= 40


def subject_after(view: DocView, cue: Token, hi: int, plural: bool = False) -> Phrase | None:
    """The speaker phrase right of an inverted ``cue`` (``— сказал министр Лавров``)."""
    toks = []
    for t in view.tokens_in(cue.end, hi):
        if t.text in ",;:!?…()—–.":
            break
        if t.text in "«„" and not _short_quote(view, t):
            break
        toks.append(t)
        if len(toks) >= view.settings.max_speaker_tokens + 4:
            break
    if not toks:
        return None
    quoted = view.quote_at(cue.start) is not None  # «A, — сказал X, — B»
    names = view.name_groups(toks[0].start, toks[-1].end, quoted)
    return _pick(view, toks, names, rightmost=False, plural=plural)
