"""Rule units bound to quotation marks and layout: transcripts, blocks, dashes, cues.

``Вопрос:`` / ``С.В.Лавров:`` turns, ``X написал в Telegram:`` blocks,
``— …, — отметил X.`` dialogue, ``«…», — сказал X``, ``X заявил: «…»``,
``назвал X «…»`` and the long quotes that continue a statement.
"""

from __future__ import annotations

import re

from ..quotes import QuoteSpan
from .morph import info
from .phrases import Phrase, subject_after, subject_before
from .text import DASHES, DocView, Token
from .units import (
    _LABEL,
    Cand,
    Ctx,
    _clause_candidate,
    _conf,
    _cue_in,
    _previous_speaker,
    _set_speaker,
    _speaker_around,
    _words,
)

# -- transcripts ---------------------------------------------------------------


def _asks(label: str, lex) -> bool:
    """A question label: ``Вопрос``, ``Питання``, ``Корреспондент`` or an outlet ``«Известия»``."""
    return label.startswith("«") or label.lower().rstrip(".") in lex.question_labels


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
        if name.startswith("«") or low in lex.question_labels or low in lex.answer_labels:
            labels[k] = m
            continue
        toks = v.tokens_in(m.start("name"), m.end("name"))
        if toks and all(v.is_name_word(t) or t.text == "." for t in toks):
            labels[k] = m
    names = [labels[k].group("name") for k in labels]
    questions = [k for k, m in labels.items() if _asks(m.group("name"), lex)]
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
        if _asks(m.group("name"), lex):
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


def dash_interview(ctx: Ctx) -> None:
    """An interview as dash paragraphs: ``— Вопрос?`` then ``— Ответ.`` (qa, the interviewee).

    Only when no dash paragraph carries a cue (that is reported dialogue) and at
    least two are questions; an answer runs to the next question.
    """
    v, text = ctx.view, ctx.view.text
    dashed = [k for k, (ps, pe) in enumerate(v.paras) if _DASH_START.match(text, ps, pe)]
    if len(dashed) < 4 or ctx.first_turn is not None:
        return
    qset = {k for k in dashed if text[v.paras[k][1] - 1] == "?"}
    if len(qset) < 2:
        return
    for k in dashed:
        ps, pe = v.paras[k]
        for m in _DASH_SEP.finditer(text, ps + 1, pe):
            if _cue_in(v, v.tokens_in(m.end(), pe)[:2]) is not None:
                return  # reported dialogue: dash_dialogue reads it
    ctx.first_turn = v.paras[dashed[0]][0]
    k = 0
    while k < len(dashed):
        if dashed[k] in qset:
            ctx.claimed.append(v.paras[dashed[k]])
            k += 1
            continue
        j = k
        while j + 1 < len(dashed) and dashed[j + 1] not in qset:
            j += 1
        frags = [
            (_DASH_START.match(text, *v.paras[x]).end(), v.paras[x][1]) for x in dashed[k : j + 1]
        ]
        cand = Cand(
            start=frags[0][0],
            end=frags[-1][1],
            kind="qa",
            fragments=frags if len(frags) > 1 else None,
            cue="—",
            cue_start=v.paras[dashed[k]][0],
            confidence=_conf(ctx, "conf_qa_answer"),
            rule="dash_interview",
        )
        ctx.cands.append(cand)
        ctx.claimed.append((v.paras[dashed[k]][0], frags[-1][1]))
        ctx.used.update(q.start for q in v.quotes_in(cand.start, cand.end))
        k = j + 1


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
        pe = v.paras[v.para_of(q.end - 1)][1]  # the paragraph the quotation ends in
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
            fragments=list(q.fragments) or None,  # a quotation over several paragraphs
            cue=cue.text,
            cue_start=cue.start,
            confidence=_conf(ctx, "conf_quote_cue", cue),
            rule="quote_cue",
            gender=v.gender_of_cue(cue),
        )
        plural = cand.gender == "plur"  # "— заявили в администрации": the place speaks
        _set_speaker(cand, _cited(v, toks, ci, hi) or subject_after(v, cue, hi, plural))
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


def _cited(v: DocView, toks: list[Token], ci: int, hi: int) -> Phrase | None:
    """``— приводит ТАСС слова Пескова``: the speaker is whose words are cited."""
    if info(toks[ci].text.lower(), v.language).lemma not in v.lex.citing:
        return None
    after = v.tokens_in(toks[ci].end, hi)
    k = next((i for i, t in enumerate(after[:4]) if t.low in v.lex.words_nouns), None)
    if k is None:
        return None
    names = v.name_groups(after[k].end, hi)
    if not names:
        return None
    return Phrase(names[0][0], names[0][1], "name", name=names[0])


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
            fragments=list(q.fragments) or None,
            cue=cue.text,
            cue_start=cue.start,
            confidence=_conf(ctx, "conf_colon_quote", cue),
            rule="colon_quote",
            gender=v.gender_of_cue(cue),
        )
        _set_speaker(cand, _speaker_around(ctx, cue, max(sent[0], ps), colon))
        ctx.add(cand)
        ctx.used.add(q.start)


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
        # mixed, or direct when the quotation is (nearly) all of it: закликала «…»
        _clause_candidate(ctx, cue.end, q.end, cue, phrase, "conf_mixed", "called")


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
