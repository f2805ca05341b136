"""Run the rule units over one document and turn candidates into statements."""

from __future__ import annotations

import datetime
import logging
import re

from ...model import Document, Extraction, Statement
from ..candidate import Spans
from ..quotes import statement_span
from .lexicon import lexicon_for
from .morph import info
from .phrases import Phrase
from .rules import RULES, Cand, Ctx
from .settings import DEFAULT, Settings
from .speakers import Resolver
from .text import DocView

log = logging.getLogger(__name__)


def extract_language(doc: Document, language: str, settings: Settings = DEFAULT) -> Extraction:
    """Statements of ``doc`` read with the rules and lexicon of ``language``."""
    text = doc.text
    if not text.strip():
        return Extraction()
    view = DocView(text[: settings.max_chars], lexicon_for(language), settings)
    if len(text) > settings.max_chars:
        log.warning("%s: only the first %d characters were read", doc.ref, settings.max_chars)
    ctx = Ctx(view)
    title = _title(view)
    if title is not None:  # a headline is never a statement (as in English)
        ctx.claimed.append(title)
    for _name, rule in RULES:
        rule(ctx)
    cands = sorted(ctx.cands, key=lambda c: c.start)
    # names inside quotations and statements are not antecedents; the cue and speaker
    # between the pieces of an interrupted quotation are
    hidden = Spans(
        [(q.start, q.end) for q in view.quotes]
        + [f for c in cands for f in (c.fragments or [(c.start, c.end)])]
    )
    resolver = Resolver(view, hidden)
    date = doc.published[:10] if doc.published else dateline(view)
    statements = []
    header = _interviewee(view, ctx)
    for c in cands:
        if c.kind == "qa" and c.phrase is None and header is not None:
            c.phrase = header  # "Відповідь:" turns: the person the header names
            c.speaker_start, c.speaker_end = header.start, header.end
        at = c.speaker_start if c.speaker_start is not None else c.start
        ci = resolver.resolve(c.phrase, c.gender, at)
        st = _statement(view.text, c, resolver, ci, date, settings)
        if st is not None:
            statements.append(st)
    if title is not None:
        _attach_title(view, title, statements)
    return Extraction(statements=statements, people=resolver.people())


#: A first paragraph shorter than this, with no final full stop, is the title.
TITLE_CHARS = 250
#: Words a statement must share with the title to take it as its headline.
TITLE_OVERLAP = 2


def _title(view: DocView) -> tuple[int, int] | None:
    if len(view.paras) < 2:
        return None
    ps, pe = view.paras[0]
    line = view.text[ps:pe]
    if len(line) > TITLE_CHARS or "\n" in line or line.rstrip('»“”"')[-1:] in ".!…:":
        return None
    return ps, pe


def _stems(view: DocView, text: str) -> set[str]:
    return {
        info(w.lower(), view.language).lemma for w in re.findall(r"\w{4,}", text) if w.isalpha()
    }


def _attach_title(view: DocView, title: tuple[int, int], statements: list[Statement]) -> None:
    """The title goes to the statement it paraphrases best (``Statement.headline``)."""
    words = _stems(view, view.text[title[0] : title[1]])
    best, score = None, TITLE_OVERLAP - 1
    for st in statements:
        s = len(words & _stems(view, st.quote))
        if s > score:
            best, score = st, s
    if best is not None:
        best.headline = view.text[title[0] : title[1]]


#: How far into a document a dateline is looked for (characters).
DATELINE_CHARS = 400


def dateline(view: DocView) -> str | None:
    """ISO date of a dateline near the top (``ДОРОГРАД, 12 мая 2026 года.``), if any."""
    months = view.lex.months
    if not months:
        return None
    pat = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(months)})\s+(\d{{4}})\b", re.IGNORECASE)
    m = pat.search(view.text, 0, DATELINE_CHARS)
    if m is None:
        return None
    day, month, year = int(m.group(1)), months.index(m.group(2).lower()) + 1, int(m.group(3))
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _interviewee(view: DocView, ctx: Ctx) -> Phrase | None:
    """The first person named before a transcript's first turn (who answers)."""
    if ctx.first_turn is None:
        return None
    names = view.name_groups(0, ctx.first_turn)
    if not names:
        return None
    return Phrase(names[0][0], names[0][1], "name", name=names[0])


def _statement(
    text: str, c: Cand, resolver: Resolver, ci: int | None, date, settings: Settings
) -> Statement | None:
    start, end, frags = statement_span(text, c.start, c.end, c.fragments, c.interrupted)
    if end <= start:
        return None
    st = Statement(
        quote=text[start:end],
        quote_start=start,
        quote_end=end,
        kind=c.kind,
        cue=c.cue,
        date=date,
        confidence=c.confidence,
        fragments=frags,
    )
    if c.speaker_start is not None and c.speaker_end is not None:
        st.speaker_mention = text[c.speaker_start : c.speaker_end]
        st.speaker_start, st.speaker_end = c.speaker_start, c.speaker_end
    if ci is not None:
        cl = resolver.cluster(ci)
        st.speaker = cl.name
        st.speaker_type = cl.type
        st.role = cl.roles[-1] if cl.roles else None
        st.organisation = cl.organisation
    else:
        st.confidence *= settings.unresolved_factor
    st.confidence = round(min(1.0, max(0.0, st.confidence)), 3)
    try:
        st.check_offsets(text)
    except ValueError as e:  # a bug, not bad input: logged and dropped
        log.warning("dropped a statement: %s", e)
        return None
    return st
