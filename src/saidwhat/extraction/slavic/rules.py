"""The rule units, tried in :data:`RULES` order; each claims text the later ones leave alone.

A rule is a small named function ``(ctx) -> None`` that appends
:class:`Cand` records to ``ctx``; its confidence is a named field of
:class:`~.settings.Settings`. Quote-bound forms come first (transcripts,
blocks, dialogue dashes, ``«…», — сказал X``, ``X заявил: «…»``), then
reported clauses (``X заявил, что …``, ``по словам X, …``,
``…, заявил X.``), and last the quotes that continue a statement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..candidate import Candidate
from ..quotes import QuoteSpan
from .morph import info
from .phrases import Phrase, subject_after, subject_before
from .text import DASHES, DocView, Token

_WORDS = re.compile(r"\w+")
_UP = "А-ЯЁІЇЄҐ"
_LABEL = re.compile(
    rf"(?P<name>(?:[{_UP}]\.[ \u00a0]?){{1,2}}[{_UP}][\w'’ʼ-]+"
    rf"|[{_UP}][\w'’ʼ-]*(?:[ \u00a0][{_UP}][\w'’ʼ-]+){{0,2}})[ \u00a0]*:[ \u00a0]*"
)


@dataclass
class Cand(Candidate):
    """A candidate with the speaker phrase and the verb's gender, for the resolver."""

    rule: str = ""
    phrase: Phrase | None = None
    gender: str | None = None


@dataclass
class Ctx:
    view: DocView
    cands: list[Cand] = field(default_factory=list)
    claimed: list[tuple[int, int]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # starts of quotes already taken
    #: Transcript label spans (named speakers) and where the first turn starts.
    labels: list[tuple[int, int]] = field(default_factory=list)
    first_turn: int | None = None

    def free(self, s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in self.claimed)

    def add(self, cand: Cand) -> None:
        self.cands.append(cand)
        self.claimed.append((cand.start, cand.end))
        for fs, fe in cand.fragments or ():
            self.claimed.append((fs, fe))


def _words(text: str, s: int, e: int) -> int:
    return len(_WORDS.findall(text, s, e))


def _conf(ctx: Ctx, name: str, cue: Token | None = None) -> float:
    c = getattr(ctx.view.settings, name)
    if cue is not None and ctx.view.cue_kind(cue) == "belief":
        c *= ctx.view.settings.conf_belief_factor
    return c


# -- transcripts ---------------------------------------------------------------


def transcript(ctx: Ctx) -> None:
    """``Вопрос:`` / ``С.В.Лавров:`` / ``Питання:`` / ``Відповідь:`` turns (kind qa)."""
    v, text, lex = ctx.view, ctx.view.text, ctx.view.lex
    labels: dict[int, re.Match] = {}
    for k, (ps, pe) in enumerate(v.paras):
        m = _LABEL.match(text, ps, pe)
        if not m or m.end() >= pe:
            continue
        name = m.group("name")
        low = name.lower().rstrip(".")
        if low in lex.question_labels or low in lex.answer_labels:
            labels[k] = m
            continue
        toks = v.tokens_in(m.start("name"), m.end("name"))
        if toks and all(v.is_name_word(t) or t.text == "." for t in toks):
            labels[k] = m
    names = [labels[k].group("name") for k in labels]
    questions = [
        k for k, m in labels.items() if m.group("name").lower().rstrip(".") in lex.question_labels
    ]
    repeated = {n for n in names if names.count(n) >= 2}
    if not questions and len(repeated) < 2:
        return
    ctx.first_turn = v.paras[min(labels)][0]
    last_named: tuple[int, int] | None = None
    keys = sorted(labels)
    for n, k in enumerate(keys):
        m = labels[k]
        stop = keys[n + 1] if n + 1 < len(keys) else len(v.paras)
        frags = [(m.end(), v.paras[k][1])] + [v.paras[j] for j in range(k + 1, stop)]
        end = frags[-1][1]
        low = m.group("name").lower().rstrip(".")
        if low in lex.question_labels:
            ctx.claimed.append((v.paras[k][0], end))
            continue
        cand = Cand(
            start=m.end(),
            end=end,
            kind="qa",
            fragments=frags if len(frags) > 1 else None,
            cue=text[m.start("name") : m.end()].strip(),
            cue_start=m.start("name"),
            rule="transcript",
        )
        if low in lex.answer_labels:
            cand.confidence = _conf(ctx, "conf_qa_answer")
            if last_named is not None:
                cand.speaker_start, cand.speaker_end = last_named
                cand.phrase = Phrase(*last_named, "name", name=last_named)
        else:
            span = (m.start("name"), m.end("name"))
            last_named = span
            ctx.labels.append(span)
            cand.confidence = _conf(ctx, "conf_qa_named")
            cand.speaker_start, cand.speaker_end = span
            cand.phrase = Phrase(*span, "name", name=span)
        ctx.cands.append(cand)
        ctx.claimed.append((v.paras[k][0], end))
        ctx.used.update(q.start for q in v.quotes_in(m.end(), end))


# -- helpers shared by the quote rules -------------------------------------------


def _set_speaker(cand: Cand, phrase: Phrase | None) -> None:
    if phrase is not None:
        cand.phrase = phrase
        cand.speaker_start, cand.speaker_end = phrase.start, phrase.end


def _cue_in(v: DocView, toks: list[Token], kinds=("speech", "belief", "writing")) -> int | None:
    for k, t in enumerate(toks):
        if v.quote_at(t.start) is None and v.is_cue(t, kinds):
            return k
    return None


def _speaker_around(ctx: Ctx, cue: Token, lo: int, hi: int) -> Phrase | None:
    v = ctx.view
    plural = v.gender_of_cue(cue) == "plur"
    return subject_before(v, lo, cue, plural) or subject_after(v, cue, hi, plural)


# -- block quotes ------------------------------------------------------------------


def block(ctx: Ctx) -> None:
    """``X написал в Facebook:`` closing a paragraph, the next paragraph(s) the quotation."""
    v, text = ctx.view, ctx.view.text
    for k, (ps, pe) in enumerate(v.paras[:-1]):
        if text[pe - 1] != ":" or not ctx.free(ps, pe):
            continue
        toks = v.tokens_in(ps, pe)[-v.settings.cue_window_colon :]
        ci = _cue_in(v, toks)
        if ci is None:
            continue
        cue = toks[ci]
        ns, ne = v.paras[k + 1]
        q = v.quote_at(ns)
        end = q.end if q is not None and q.start == ns else ne
        if q is not None and q.start == ns and not q.closed and q.fragments:
            end = q.fragments[-1][1]
        if not ctx.free(ns, end):
            continue
        frags = [p for p in v.paras if ns <= p[0] < end]
        cand = Cand(
            start=ns,
            end=end,
            kind="block",
            fragments=[(max(a, ns), min(b, end)) for a, b in frags] if len(frags) > 1 else None,
            cue=cue.text,
            cue_start=cue.start,
            confidence=_conf(ctx, "conf_block", cue),
            rule="block",
            gender=v.gender_of_cue(cue),
        )
        sent = v.sentence_of(cue.start)
        _set_speaker(cand, _speaker_around(ctx, cue, sent[0], pe - 1))
        ctx.add(cand)
        ctx.used.update(q.start for q in v.quotes_in(ns, end))


# -- dialogue dashes ---------------------------------------------------------------

_DASH_SEP = re.compile(rf"[,.!?…]?[ \u00a0]+[{DASHES}-][ \u00a0]+")
_DASH_START = re.compile(rf"[{DASHES}][ \u00a0]+")


def dash_dialogue(ctx: Ctx) -> None:
    """``— Мы готовы, — отметил X. — Но не сейчас.`` (direct, one or two pieces)."""
    v, text = ctx.view, ctx.view.text
    for ps, pe in v.paras:
        m0 = _DASH_START.match(text, ps, pe)
        if not m0 or not ctx.free(ps, pe):
            continue
        qs = m0.end()
        for m in _DASH_SEP.finditer(text, qs, pe):
            toks = v.tokens_in(m.end(), pe)[: v.settings.cue_window_after]
            ci = _cue_in(v, toks)
            if ci is None or ci > 1:
                continue
            cue = toks[ci]
            qe = m.start() + (1 if text[m.start()] in "!?…" else 0)
            rest = _DASH_SEP.search(text, cue.end, pe)
            sent_end = rest.start() if rest else pe
            cand = Cand(
                start=qs,
                end=qe,
                kind="direct",
                cue=cue.text,
                cue_start=cue.start,
                confidence=_conf(ctx, "conf_dash_dialogue", cue),
                rule="dash_dialogue",
                gender=v.gender_of_cue(cue),
            )
            _set_speaker(cand, subject_after(v, cue, sent_end))
            if rest and rest.end() < pe and _words(text, rest.end(), pe) >= 1:
                cand.fragments = [(qs, qe), (rest.end(), pe)]
                cand.interrupted = True
                cand.end = pe
            ctx.add(cand)
            break


# -- «…», — сказал X -----------------------------------------------------------------

_AFTER_QUOTE = re.compile(rf"[ \u00a0]*[,.!?…]?[ \u00a0]*(?:[{DASHES}-]+[ \u00a0]*)?")
_INNER = re.compile(rf"[,.!?…]?[ \u00a0]*[{DASHES}-][ \u00a0]+")


def _inner_split(ctx: Ctx, q: QuoteSpan) -> Cand | None:
    """``«A, — сказал X, — B»``: one pair of marks around two pieces and the cue."""
    v, text = ctx.view, ctx.view.text
    for m in _INNER.finditer(text, q.start + 1, q.end - 1):
        toks = v.tokens_in(m.end(), q.end)[:2]
        ci = _cue_in_quote(v, toks)
        if ci is None:
            continue
        cue = toks[ci]
        back = _INNER.search(text, cue.end, q.end - 1)
        if back is None:
            return None
        cand = Cand(
            start=q.start,
            end=q.end,
            kind="direct",
            fragments=[(q.start, m.start() + (text[m.start()] in "!?…")), (back.end(), q.end)],
            interrupted=True,
            cue=cue.text,
            cue_start=cue.start,
            confidence=_conf(ctx, "conf_quote_cue", cue),
            rule="quote_cue",
            gender=v.gender_of_cue(cue),
        )
        _set_speaker(cand, subject_after(v, cue, back.start()))
        return cand
    return None


def _cue_in_quote(v: DocView, toks: list[Token]) -> int | None:
    for k, t in enumerate(toks):
        if v.is_cue(t):
            return k
    return None


def quote_cue(ctx: Ctx) -> None:
    """``«…», — заявил министр иностранных дел Сергей Лавров.`` and ``"…", сказала она``."""
    v, text = ctx.view, ctx.view.text
    quotes = [q for q in v.quotes if q.start not in ctx.used]
    for qi, q in enumerate(quotes):
        if q.start in ctx.used or not ctx.free(q.start, q.end):
            continue
        inner = _inner_split(ctx, q)
        if inner is not None:
            ctx.add(inner)
            ctx.used.add(q.start)
            continue
        m = _AFTER_QUOTE.match(text, q.end)
        sep = text[q.end : m.end()] if m else ""
        if not m or not (any(c in sep for c in DASHES + "-,")):
            continue
        pe = v.paras[v.para_of(q.start)][1]
        toks = v.tokens_in(m.end(), pe)[: v.settings.cue_window_after]
        ci = _cue_in(v, toks)
        if ci is None or any(t.text in ".!?«»" for t in toks[:ci]):
            continue
        cue = toks[ci]
        sent = v.sentence_of(cue.start)
        nxt = _DASH_SEP.search(text, cue.end, sent[1])
        hi = nxt.start() if nxt else sent[1]
        cand = Cand(
            start=q.start,
            end=q.end,
            kind="direct",
            cue=cue.text,
            cue_start=cue.start,
            confidence=_conf(ctx, "conf_quote_cue", cue),
            rule="quote_cue",
            gender=v.gender_of_cue(cue),
        )
        _set_speaker(cand, subject_after(v, cue, hi))
        # «A», — сказал он. — «B»: the second quote is the same statement
        later = quotes[qi + 1] if qi + 1 < len(quotes) else None
        if later is not None and later.start not in ctx.used:
            gap = text[cand.speaker_end or cue.end : later.start]
            if re.fullmatch(rf"[^«»\n]{{0,40}}?[,.:][ \u00a0]*[{DASHES}][ \u00a0]*", gap):
                cand.fragments = [(q.start, q.end), (later.start, later.end)]
                cand.interrupted = True
                cand.end = later.end
                ctx.used.add(later.start)
        ctx.add(cand)
        ctx.used.add(q.start)


# -- X заявил: «…» -------------------------------------------------------------------

_COLON_BEFORE = re.compile(r":[ \u00a0]*$")


def colon_quote(ctx: Ctx) -> None:
    """``Лавров заявил журналистам: «…»`` (the cue before a colon opening the quote)."""
    v, text = ctx.view, ctx.view.text
    for q in v.quotes:
        if q.start in ctx.used or not ctx.free(q.start, q.end):
            continue
        ps = v.paras[v.para_of(q.start)][0]
        head = text[max(ps, q.start - 300) : q.start]
        if not _COLON_BEFORE.search(head):
            continue
        colon = text.rindex(":", ps, q.start)
        sent = v.sentence_of(colon)
        toks = v.tokens_in(max(sent[0], ps), colon)[-v.settings.cue_window_colon :]
        ci = None
        for k in range(len(toks) - 1, -1, -1):
            if v.quote_at(toks[k].start) is None and v.is_cue(toks[k]):
                ci = k
                break
        if ci is None:
            continue
        cue = toks[ci]
        cand = Cand(
            start=q.start,
            end=q.end,
            kind="direct",
            cue=cue.text,
            cue_start=cue.start,
            confidence=_conf(ctx, "conf_colon_quote", cue),
            rule="colon_quote",
            gender=v.gender_of_cue(cue),
        )
        _set_speaker(cand, _speaker_around(ctx, cue, max(sent[0], ps), colon))
        ctx.add(cand)
        ctx.used.add(q.start)


# -- reported clauses ------------------------------------------------------------------


def _strip_end(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?…—–"):
        e -= 1
    return e


def _clause_candidate(
    ctx: Ctx, s: int, e: int, cue: Token | None, phrase: Phrase | None, conf: str, rule: str
) -> None:
    """Add the reported clause [s, e): direct when a quote fills it, mixed with one inside."""
    v, text = ctx.view, ctx.view.text
    e = _strip_end(text, s, e)
    while s < e and text[s] in " ,\u00a0—–:":
        s += 1
    if _words(text, s, e) < v.settings.min_clause_words or not ctx.free(s, e):
        return
    quotes = [q for q in v.quotes_in(s, e) if q.start not in ctx.used]
    total = _words(text, s, e)
    qwords = sum(_words(text, max(q.start, s), min(q.end, e)) for q in quotes)
    kind, span = "indirect", (s, e)
    if quotes and qwords >= v.settings.direct_share * total:
        big = max(quotes, key=lambda q: q.end - q.start)
        kind, span = "direct", (big.start, big.end)
        conf = "conf_complement_quote" if conf != "conf_according" else "conf_according_quote"
    elif quotes:
        kind = "mixed"
        conf = "conf_mixed"
        span = (min(s, quotes[0].start), max(e, quotes[-1].end))
    cand = Cand(
        start=span[0],
        end=span[1],
        kind=kind,
        cue=cue.text if cue is not None else None,
        cue_start=cue.start if cue is not None else None,
        confidence=_conf(ctx, conf, cue),
        rule=rule,
        gender=ctx.view.gender_of_cue(cue) if cue is not None else None,
    )
    _set_speaker(cand, phrase)
    ctx.add(cand)
    ctx.used.update(q.start for q in quotes)


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
_CLAUSE_BREAKS = frozenset({"так", "однако", "но", "проте", "але", "хотя", "хоча"})


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


def _previous_speaker(ctx: Ctx, lo: int, pos: int) -> Phrase | None:
    """A gerund cue without subject (``…, добавив, что``) keeps the sentence's speaker."""
    best = None
    for c in ctx.cands:
        if c.phrase is not None and lo <= (c.cue_start or c.start) < pos:
            best = c.phrase
    return best


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
            if (
                phrase is None
                or len(v.tokens_in(t.end, phrase.start)) > v.settings.cue_window_after
            ):
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


def called_quote(ctx: Ctx) -> None:
    """``Она назвала задержание «ошибкой»``: a naming verb with a quotation (mixed)."""
    v = ctx.view
    for q in v.quotes:
        if q.start in ctx.used or not ctx.free(q.start, q.end):
            continue
        ss = v.sentence_of(q.start)[0]
        toks = [t for t in v.tokens_in(ss, q.start) if v.quote_at(t.start) is None]
        cue = next((t for t in reversed(toks) if v.is_cue(t, ("naming",))), None)
        if cue is None:
            continue
        phrase = subject_before(v, ss, cue, v.gender_of_cue(cue) == "plur")
        phrase = phrase or _previous_speaker(ctx, ss, cue.start)
        n = len(ctx.cands)
        _clause_candidate(ctx, cue.end, q.end, cue, phrase, "conf_mixed", "called")
        if len(ctx.cands) > n:
            ctx.cands[-1].kind = "mixed"


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


def orphans(ctx: Ctx) -> None:
    """A long quote with no cue of its own continues the statement just before it."""
    v, text = ctx.view, ctx.view.text
    for q in v.quotes:
        if q.start in ctx.used or not ctx.free(q.start, q.end):
            continue
        if _words(text, q.start, q.end) < v.settings.min_orphan_words:
            continue
        ps = v.paras[v.para_of(q.start)][0]
        if text[ps : q.start].strip(" \u00a0—–-"):
            continue  # a quote inside a sentence without a cue is not a statement
        prev = [c for c in ctx.cands if c.end <= q.start and c.phrase is not None]
        if not prev:
            continue
        last = max(prev, key=lambda c: c.end)
        if v.para_of(q.start) - v.para_of(last.start) > 1:
            continue
        cand = Cand(
            start=q.start,
            end=q.end,
            kind="direct",
            cue=None,
            confidence=v.settings.conf_orphan,
            rule="orphan",
            gender=last.gender,
        )
        cand.phrase = last.phrase
        cand.speaker_start, cand.speaker_end = last.speaker_start, last.speaker_end
        ctx.add(cand)
        ctx.used.add(q.start)


Rule = Callable[[Ctx], None]

#: The rule units in the order they are tried.
RULES: tuple[tuple[str, Rule], ...] = (
    ("transcript", transcript),
    ("block", block),
    ("dash_dialogue", dash_dialogue),
    ("quote_cue", quote_cue),
    ("colon_quote", colon_quote),
    ("reported", reported_clauses),
    ("according", according),
    ("as_said", as_said),
    ("inverted", inverted),
    ("about_this", about_this),
    ("called", called_quote),
    ("colon_indirect", colon_indirect),
    ("orphans", orphans),
)
