"""Rule units for reported clauses: ``X заявил, что …``, ``по словам X, …``, ``…, сказал X.``"""

from __future__ import annotations

import re

from .morph import info
from .phrases import Phrase, subject_after, subject_before
from .text import DASHES, DocView, Token
from .units import (
    Ctx,
    _clause_candidate,
    _cue_in,
    _previous_speaker,
    _speaker_around,
    _strip_end,
    _words,
)


def _complement_at(v: DocView, toks: list[Token], k: int) -> int | None:
    """Index of the complementiser after the cue ``toks[k]`` (``, что`` / ``о том, что``)."""
    lex = v.lex
    j = k + 1
    # a few words may stand between (заявил журналистам в среду, что)
    while j < len(toks) and j - k <= 8:
        t = toks[j]
        if t.text == "," and j + 1 < len(toks) and toks[j + 1].low in lex.complementisers:
            return j + 1
        if t.low in lex.complementisers and toks[j - 1].text == ",":
            return j
        q = v.quote_at(t.start)
        if q is not None and q.end - q.start <= v.settings.max_name_quote:
            j += 1  # заявил "РИА Новости", что: a quoted outlet name
            continue
        if t.text in '.!?;«»"“”„:,' or t.text in DASHES or v.is_cue(t):
            return None
        j += 1
    return None


def reported_clauses(ctx: Ctx) -> None:
    """``X заявил, что …``, ``заявив, що …``, ``заявил о том, что …`` (indirect or mixed)."""
    v = ctx.view
    for ss, se in v.sentences:
        toks = v.tokens_in(ss, se)
        for k, t in enumerate(toks):
            if v.quote_at(t.start) is not None or not v.is_cue(t):
                continue
            c = _complement_at(v, toks, k)
            if c is None:
                continue
            end = _clause_end(v, toks, c, se)
            phrase = None
            if info(t.text.lower(), v.language).pos == "GRND":
                # "…, подчеркнув, что …": a gerund shares the subject of its sentence
                phrase = _previous_speaker(ctx, ss, t.start)
            if phrase is None:
                phrase = subject_before(v, ss, t, v.gender_of_cue(t) == "plur")
            if phrase is None:
                phrase = subject_after(v, t, toks[c].start)
            if phrase is None:
                phrase = _previous_speaker(ctx, ss, t.start)
            if phrase is None and first_person(v, t):
                continue  # "Напомню, что ...": the author's aside, not a statement
            _clause_candidate(ctx, toks[c].end, end, t, phrase, "conf_indirect", "reported")
        _about_clauses(ctx, ss, se, toks)


#: Prepositions that give the topic of a speech verb (заявил о ..., заявив про ...).
ABOUT = frozenset({"о", "об", "обо", "про"})


def _about_clauses(ctx: Ctx, ss: int, se: int, toks: list[Token]) -> None:
    """``заявил о готовности …`` / ``заявив про …``: the topic of a speech verb."""
    v = ctx.view
    for k, t in enumerate(toks[:-2]):
        nxt = toks[k + 1]
        if nxt.low not in ABOUT or v.quote_at(t.start) is not None:
            continue
        if toks[k + 2].low in ("том", "тому", "те") or not v.is_cue(t, ("speech",)):
            continue
        if not ctx.free(nxt.end, se):
            continue
        phrase = subject_before(v, ss, t, v.gender_of_cue(t) == "plur")
        phrase = phrase or _previous_speaker(ctx, ss, t.start)
        if phrase is None:
            continue
        end = _clause_end(v, toks, k + 1, se)
        _clause_candidate(ctx, nxt.end, end, t, phrase, "conf_about", "about")


def first_person(v: DocView, tok: Token) -> bool:
    """A verb in the first person (напомню, скажу): the author speaking."""
    return info(tok.text.lower(), v.language).person == "1per"


#: Words after a comma that start a new clause of the author's (", так что", ", однако").
_CLAUSE_BREAKS = frozenset({"так", "однако", "проте", "хотя", "хоча"})


def _clause_end(v: DocView, toks: list[Token], c: int, se: int) -> int:
    """A reported clause runs to the sentence end, or to a next ``, добавив, что``."""
    for j in range(c + 1, len(toks) - 1):
        brk = toks[j].text == "," and toks[j + 1].low in _CLAUSE_BREAKS
        # ", а по расчетам X": a second source takes over
        other = (
            toks[j].text == ","
            and toks[j + 1].low in ("а", "но", "і", "и")
            and j + 2 < len(toks)
            and toks[j + 2].low in ("по", "за", "как", "як", "согласно")
        )
        if (brk or other) and v.quote_at(toks[j].start) is None:
            return toks[j].start
        if (
            toks[j].text == ","
            and v.is_cue(toks[j + 1])
            and v.quote_at(toks[j].start) is None
            and _complement_at(v, toks, j + 1) is not None
        ):
            return toks[j].start
    return se


_ACCORDING_CACHE: dict[str, re.Pattern] = {}
#: ``по его словам`` / ``за її словами``: an according-to form with the source inside.
_OWN = re.compile(r"(?:по|за)\s+(?P<pron>\w+)\s+(?:словам|словами|мнению|думку)", re.IGNORECASE)


def _according_re(v: DocView) -> re.Pattern:
    key = v.language
    pat = _ACCORDING_CACHE.get(key)
    if pat is None:
        forms = "|".join(re.escape(a) for a in v.lex.according)
        pron = "|".join(v.lex.oblique_pronouns)
        pat = re.compile(rf"(?<!\w)(?:{forms}|(?:по|за)\s+(?:{pron})\s+\w+)(?!\w)", re.IGNORECASE)
        _ACCORDING_CACHE[key] = pat
    return pat


def according(ctx: Ctx) -> None:
    """``по словам X, …`` / ``…, по словам X.``; ``за словами X, …`` (indirect or direct)."""
    v, text = ctx.view, ctx.view.text
    pat = _according_re(v)
    for ss, se in v.sentences:
        for m in pat.finditer(text, ss, se):
            if v.quote_at(m.start()) is not None:
                continue
            comma = text.find(",", m.end(), se)
            own = _OWN.match(text, m.start(), se)
            if own is not None and own.group("pron").lower() in v.lex.oblique_pronouns:
                # по его словам, … / за її словами, …: the pronoun is the source
                phrase = Phrase(own.start("pron"), own.end("pron"), "pronoun")
                if comma != -1:
                    _clause_candidate(
                        ctx, comma + 1, se, None, phrase, "conf_according", "according"
                    )
                continue
            src_end = comma if comma != -1 else _strip_end(text, m.end(), se)
            toks = v.tokens_in(m.end(), src_end)
            if not toks or len(toks) > v.settings.max_speaker_tokens:
                continue
            if toks[0].low.startswith(("котор", "як", "чий", "чь")):
                continue  # согласно которому: a document, not a speaker
            names = v.name_groups(toks[0].start, toks[-1].end)
            phrase = _according_phrase(v, toks, names)
            before = text[ss : m.start()].strip()
            if before.endswith(",") and _words(text, ss, m.start()) >= 2:
                n = len(ctx.cands)
                _clause_candidate(ctx, ss, m.start(), None, phrase, "conf_according", "according")
                after = _words(text, comma + 1, se) if comma != -1 else 0
                if after >= v.settings.min_clause_words and len(ctx.cands) > n:
                    c = ctx.cands[-1]  # A, по словам X, B: one statement in two pieces
                    c.fragments = [(c.start, c.end), (comma + 1, _strip_end(text, comma, se))]
                    c.end = c.fragments[-1][1]
                    c.interrupted = True
            elif comma != -1:
                _clause_candidate(ctx, comma + 1, se, None, phrase, "conf_according", "according")


def _according_phrase(v: DocView, toks: list[Token], names) -> Phrase | None:
    from .phrases import _name_phrase

    if names:
        return _name_phrase(v, toks, names[-1])
    kept = [t for t in toks if t.text not in '«»"“”„']
    if not kept:
        return None
    kind = "role" if any(v.is_role_head(t) for t in kept) else "noun"
    if kept[0].low in v.lex.pronouns or kept[0].low in v.lex.oblique_pronouns:
        kind = "pronoun"
        kept = kept[:1]  # по его словам
    return Phrase(kept[0].start, kept[-1].end, kind)


def as_said(ctx: Ctx) -> None:
    """``как сообщил X, …`` / ``…, как заявил X.``; ``як повідомив X, …``."""
    v, text = ctx.view, ctx.view.text
    for ss, se in v.sentences:
        toks = v.tokens_in(ss, se)
        for k, t in enumerate(toks[:-1]):
            if t.low not in v.lex.as_said or v.quote_at(t.start) is not None:
                continue
            ci = next((j for j in range(k + 1, min(len(toks), k + 4)) if v.is_cue(toks[j])), None)
            if ci is None or any(x.text in ",.:;" for x in toks[k + 1 : ci]):
                continue
            cue = toks[ci]
            comma = next((x for x in toks[ci + 1 :] if x.text in ",.:"), None)
            hi = comma.start if comma is not None else se
            plural = v.gender_of_cue(cue) == "plur"
            if ci > k + 1:  # как он говорит, ...
                phrase = subject_before(v, t.end, cue, plural)
            else:
                phrase = subject_after(v, cue, hi, plural)
            if phrase is None:
                continue  # как говорили: hearsay, no speaker
            before = text[ss : t.start].strip()
            if before.endswith(",") and _words(text, ss, t.start) >= 2:
                _clause_candidate(ctx, ss, t.start, cue, phrase, "conf_according", "as_said")
            elif comma is not None and comma.text in ",:":
                _clause_candidate(ctx, comma.end, se, cue, phrase, "conf_according", "as_said")


def inverted(ctx: Ctx) -> None:
    """``Визит состоится в июне, — заявил X.`` and ``…, сказал X.`` (content first)."""
    v, text = ctx.view, ctx.view.text
    for ss, se in v.sentences:
        toks = v.tokens_in(ss, se)
        for k, t in enumerate(toks):
            if k < 2 or v.quote_at(t.start) is not None:
                continue
            p = k - 1
            while p > 1 and toks[p].low in v.lex.skip_adverbs:
                p -= 1  # о чем публично заявил
            prev = toks[p]
            dash = prev.text in DASHES + "-" and toks[p - 1].text in ",.!?"
            # "..., о чем заявил X": the clause before is what X said
            about = p >= 2 and prev.low in ("чем", "чём", "що") and toks[p - 1].low in ABOUT
            if not (prev.text == "," or dash or about):
                continue
            # belief verbs do not invert their subject (Лагунов, напротив, считает ...)
            if not v.is_cue(t, ("speech", "writing")):
                continue
            if info(t.text.lower(), v.language).pos == "GRND":
                continue
            phrase = subject_after(v, t, se, v.gender_of_cue(t) == "plur")
            # the subject follows the verb, at most a short adverbial between (в интервью РБК)
            if phrase is None:
                continue
            # a name may stand after an adverbial; a plain noun must follow the verb
            gap = len(v.tokens_in(t.end, phrase.start))
            if gap > (v.settings.cue_window_after if phrase.kind != "noun" else 1):
                continue
            tail = text[phrase.end : se]
            end = (toks[p - 2] if about else toks[p - 1] if dash else prev).start
            if re.fullmatch(r"[\s.!?…]*", tail) or (
                tail.lstrip()[:1] in (",", "(") and _gerund_after(v, phrase.end, se)
            ):
                _clause_candidate(ctx, ss, end, t, phrase, "conf_inverted", "inverted")
            elif tail.lstrip()[:1] in (",", "("):  # A, утверждает X, B.
                close = text.find(")", phrase.end, se) if tail.lstrip()[0] == "(" else -1
                comma = text.find(",", max(phrase.end, close), se)
                if comma == -1:
                    break
                rest = comma + 1
                s0 = ss
                cand_before = len(ctx.cands)
                _clause_candidate(ctx, s0, se, t, phrase, "conf_inverted", "inverted")
                if len(ctx.cands) > cand_before:
                    c = ctx.cands[-1]
                    c.fragments = [(s0, _strip_end(text, s0, end)), (rest, c.end)]
                    c.interrupted = True
            break


_THIS_CACHE: dict[str, re.Pattern] = {}


def about_this(ctx: Ctx) -> None:
    """``… . Об этом заявил X.`` / ``Про це повідомив X.``: the sentence before is X's."""
    v, text = ctx.view, ctx.view.text
    pat = _THIS_CACHE.get(v.language)
    if pat is None:
        forms = "|".join(re.escape(f) for f in v.lex.this_refs)
        pat = _THIS_CACHE[v.language] = re.compile(rf"(?:{forms})(?!\w)", re.IGNORECASE)
    sents = v.sentences
    for k, (ss, se) in enumerate(sents):
        m = pat.match(text, ss, se)
        if m is None or k == 0:
            continue
        toks = v.tokens_in(m.end(), se)[:5]
        ci = _cue_in(v, toks, ("speech", "writing"))
        if ci is None:
            continue
        cue = toks[ci]
        plural = v.gender_of_cue(cue) == "plur"
        phrase = subject_before(v, m.end(), cue, plural) if ci > 0 else None
        phrase = phrase or subject_after(v, cue, se, plural)
        ps, pe = sents[k - 1]
        if v.para_of(ps) < v.para_of(ss) - 1:
            continue
        _clause_candidate(ctx, ps, pe, cue, phrase, "conf_indirect", "about_this")


def _gerund_after(v: DocView, pos: int, se: int) -> bool:
    """``…, заявил X, связав это с …``: what follows the comma is X's own action."""
    toks = [t for t in v.tokens_in(pos, se) if t.text.isalpha()][:1]
    return bool(toks) and info(toks[0].text.lower(), v.language).pos in ("GRND", "PRTF")


def colon_indirect(ctx: Ctx) -> None:
    """``X сказал: content`` with no quotation marks (indirect, lower confidence)."""
    v, text = ctx.view, ctx.view.text
    for ss, se in v.sentences:
        colon = text.find(":", ss, se)
        if colon == -1 or v.quote_at(colon) is not None:
            continue
        toks = v.tokens_in(ss, colon)[-v.settings.cue_window_colon :]
        ci = None
        for k in range(len(toks) - 1, -1, -1):
            if v.is_cue(toks[k]) and v.quote_at(toks[k].start) is None:
                ci = k
                break
        if ci is None:
            continue
        cue = toks[ci]
        phrase = _speaker_around(ctx, cue, ss, colon)
        _clause_candidate(ctx, colon + 1, se, cue, phrase, "conf_colon_indirect", "colon")
