"""The parts every rule unit shares: the candidate record, the context, clause building."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..candidate import Candidate
from .phrases import Phrase, subject_after, subject_before
from .text import DocView, Token

_WORDS = re.compile(r"\w+")
_UP = "А-ЯЁІЇЄҐ"
_LABEL = re.compile(
    rf"(?P<name>«[^»\n]{{1,40}}»"  # an outlet asking: "«Известия»: …"
    rf"|(?:[{_UP}]\.[ \u00a0]?){{1,2}}[{_UP}][\w'’ʼ-]+"
    rf"|[{_UP}][\w'’ʼ-]*(?:[ \u00a0][{_UP}][\w'’ʼ-]+){{0,2}})"
    # "Вопрос (перевод с английского):", "С.В.Лавров (отвечая на вопрос):"
    rf"(?:[ \u00a0]*\([^()\n]{{1,80}}\))?[ \u00a0]*:[ \u00a0]*"
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


def _previous_speaker(ctx: Ctx, lo: int, pos: int) -> Phrase | None:
    """A gerund cue without subject (``…, добавив, что``) keeps the sentence's speaker."""
    best = None
    for c in ctx.cands:
        if c.phrase is not None and lo <= (c.cue_start or c.start) < pos:
            best = c.phrase
    return best
