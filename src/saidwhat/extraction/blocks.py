"""Paragraph-level forms: transcripts, ``NAME, ROLE: "..."`` lines and headlines.

:func:`find_blocks` reads paragraphs only (no parse): it returns the
statements these layouts carry, the char ranges they claim (so the
sentence-level finders leave them alone) and the headlines/section titles,
which the pipeline attaches to the statement they paraphrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .candidate import Candidate
from .lexicon import (
    HONORIFICS,
    OUTLET_WORDS,
    ROLE_NOUNS,
    TITLES,
)
from .lexicon_layout import (
    INTERVIEWER_ROLES,
)
from .quotes import DOUBLE_MARKS
from .settings import Confidence

_NAME_WORD = r"(?:[A-Z][\w’'.-]*|al|bin|de|van|von|der|la)"
_LABEL = re.compile(
    r"[\"“”]?(?P<name>(?:Q|A|Question|Answer)|"
    + r"(?:[A-Z][\w’'.-]*)(?:[ \u00a0]"
    + _NAME_WORD
    + r"){0,4}|[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})[ \u00a0]*:[ \u00a0]*"
)
_NAME_ROLE = re.compile(
    r"(?P<name>[A-Z][\w’'.-]*(?:[ \u00a0]"
    + _NAME_WORD
    + r"){0,5}),[ \u00a0]+(?P<role>[^:\n]{3,200}?)"
    r"[ \u00a0]*:[ \u00a0]*(?=[\"“„«‘'])"
)
#: A reporting verb closing a ``NAME, ROLE, verb:`` line ("the union chair, warned").
_ROLE_CUE = re.compile(r",\s*([a-z]+(?:ed|s))\s*$")
#: A verb after the role's comma: the line is a sentence about the person, not a label.
_ROLE_VERB = re.compile(
    r",\s*(?:is|are|was|were|has|have|had|will|would|can|could|did|does|may|might)\b"
)
_QUESTION = frozenset({"q", "question", "questions", "interviewer"})
_ANSWER = frozenset({"a", "answer"})
_NOT_NAMES = frozenset(
    """source sources photo photos note notes update updates editor appendix related read
    watch video image caption correction disclaimer transcript subject date tags tag by
    from to cc warning summary background context the this that these update breaking""".split()  # noqa: SIM905
)
#: Labels that name a role, not a person: "MAYOR:", "MODERATOR:", "HOST:".
_ROLE_LABELS = HONORIFICS | ROLE_NOUNS | TITLES | INTERVIEWER_ROLES
_CITATION = re.compile(r"^\(.*\)$|^\[\d+\]")
#: A stage direction in a transcript: "(CROSSTALK.)", "[LAUGHTER]", in quote marks or not.
_STAGE = re.compile(r"^[\"“]?[(\[][A-Z][A-Z .,'’-]{1,40}[)\]][.\"”]*$")
#: A closing line about the writer, not part of the last turn: "Follow Ana Berg on Twitter".
_FOLLOW = re.compile(r"^[\"“]?Follow\b[^\n]{1,80}\bon (?:Twitter|X|Facebook|Instagram)\b")
_SMALL = frozenset(
    """a an the of in on at to for and or but with from by as is are was be its it vs via
    into""".split()  # noqa: SIM905
)


#: The longest first line read as a ``source: claim`` title.
_TITLE_MAX = 200
_COLON_TITLE = re.compile(
    r"^[A-Z][\w’'.&-]*(?:[ \u00a0][A-Z][\w’'.&-]*){0,3}:[ \u00a0]+"
    r"(?P<claim>\S+(?:[ \u00a0]+\S+){2,})$"
)
#: A sentence ending inside a claim (a lead paragraph, not a title).
_SENTENCE_INSIDE = re.compile(r"[.!?][’'”\"]?[ \u00a0]+[A-Z]")


@dataclass
class Headline:
    """A short title-case line; ``who`` is the speaker part before a colon, if any."""

    start: int
    end: int
    text: str
    who: str | None = None


@dataclass
class BlockResult:
    candidates: list[Candidate] = field(default_factory=list)
    claimed: list[tuple[int, int]] = field(default_factory=list)
    headlines: list[Headline] = field(default_factory=list)
    #: Label-named speakers (transcripts), as (start, end) char spans.
    labels: list[tuple[int, int]] = field(default_factory=list)
    #: Where the first transcript turn starts (the interviewee is named before it).
    first_turn: int = 0


def is_title_case(s: str, ratio: float = 0.75) -> bool:
    """Headline style: most longer words capitalised."""
    words = re.findall(r"[^\W\d_][\w’'-]*", s)
    if len(words) < 2:
        return False
    long = [w for w in words if w.lower() not in _SMALL]
    if not long:
        return False
    caps = sum(1 for w in long if w[0].isupper())
    return caps >= ratio * len(long)


def _is_headline(text: str, ps: int, pe: int) -> bool:
    line = text[ps:pe]
    if len(line) > 250 or "\n" in line:
        return False
    if line.rstrip("”’\"'")[-1:] in ".?!":  # a sentence, unless every word is capitalised
        return is_title_case(line, 0.95)
    return is_title_case(line)


def find_blocks(
    text: str,
    paras: list[tuple[int, int]],
    conf: Confidence = Confidence(),  # noqa: B008 - frozen, shared default
) -> BlockResult:
    """Transcript turns, name-role lines and headlines of ``text``."""
    res = BlockResult()
    labels: list[tuple[int, re.Match | None]] = []
    for k, (ps, pe) in enumerate(paras):
        m = _LABEL.match(text, ps, pe)
        if m and m.group("name").split()[0].lower().strip(".") not in _NOT_NAMES and m.end() < pe:
            if _is_headline(text, m.end(), pe) and m.group("name").lower() not in _QUESTION:
                labels.append((k, None))
                continue
            labels.append((k, m))
        elif _is_headline(text, ps, pe):
            labels.append((k, None))
    if len(paras) > 1 and not text[: paras[0][0]].strip() and _colon_title(text, *paras[0]):
        first = labels[0][1] if labels and labels[0][0] == 0 else None
        name = first.group("name") if first else None
        # not the first turn of a transcript ('Q: ...', 'ROSS: ...', 'Lund: ...' again below)
        if first is None or (
            name.lower() not in _QUESTION | _ANSWER
            and not name.isupper()
            and sum(1 for _, m in labels if m and m.group("name") == name) == 1
        ):
            labels = [(0, None)] + [(k, m) for k, m in labels if k != 0]
    label_at = dict(labels)
    n_question = sum(1 for _, m in labels if m is not None and m.group("name").lower() in _QUESTION)
    names = [m.group("name") for _, m in labels if m is not None]
    repeated = {n for n in names if names.count(n) >= 2}
    asks = {n: 0 for n in repeated}
    for k, m in labels:
        if m is not None and m.group("name") in asks:
            asks[m.group("name")] += text[paras[k][1] - 1] == "?"
    # a label whose turns are (mostly) questions is the interviewer: "HERALD: Why ...?"
    askers = {n.lower() for n, q in asks.items() if q >= 0.6 * names.count(n)}
    turns = [paras[k][0] for k, m in labels if m is not None]
    res.first_turn = turns[0] if turns else 0
    transcript = n_question > 0 or len(repeated) >= 2
    for k, (ps, pe) in enumerate(paras):
        if k in label_at and label_at[k] is None:
            res.headlines.append(_headline(text, ps, pe))
            res.claimed.append((ps, pe))
    last_named: tuple[int, int] | None = None
    for k, m in labels:
        if m is None:
            continue
        ps, pe = paras[k]
        name = m.group("name")
        low = name.lower()
        if low in _QUESTION or (low in askers and not _names_someone(low)):
            # "Q:", a role ("MAYOR:") or the publication ("HERALD:") asks: the questions frame
            # the interview, like the writer's own prose; a named interviewer ("WALLACE:") is
            # quoted
            res.claimed.append((ps, _turn_end(text, paras, k, label_at)[1]))
            continue
        if not transcript and name not in repeated:
            continue
        last_k, end = _turn_end(text, paras, k, label_at)
        frags = [(m.end(), pe)] + [paras[j] for j in range(k + 1, last_k + 1)]
        cand = Candidate(
            start=m.end(),
            end=end,
            kind="qa",
            fragments=[list(f) for f in frags] if len(frags) > 1 else None,
            cue=text[m.start("name") : m.end()].strip(),
            cue_start=m.start("name"),
            confidence=conf.interviewer_turn if low in askers else conf.transcript_turn,
            rule="interviewer_turn" if low in askers else "transcript_turn",
        )
        if low in _ANSWER:
            if last_named is not None:
                cand.speaker_start, cand.speaker_end = last_named
            cand.confidence = conf.answer_turn
        else:
            ns = m.start("name")
            cand.speaker_start, cand.speaker_end = ns, ns + len(name)
            res.labels.append((ns, ns + len(name)))
            if low not in askers:  # 'A:' answers are the interviewee's, not the asker's
                last_named = (ns, ns + len(name))
        res.candidates.append(cand)
        res.claimed.append((ps, end))
    for ps, pe in paras:
        _name_role_line(text, ps, pe, res, conf.name_role_line)
    return res


def _names_someone(label: str) -> bool:
    """A (lower-cased) label that names a person, not a publication ("herald", "harbour
    times") or a bare role ("mayor", "moderator")."""
    last = label.split()[-1]
    return last not in OUTLET_WORDS and last not in _ROLE_LABELS


def _turn_end(text: str, paras, k: int, label_at: dict) -> tuple[int, int]:
    """Index of the last paragraph of the turn starting at paragraph ``k``, and its end."""
    last = k
    while last + 1 < len(paras) and last + 1 not in label_at:
        ps, pe = paras[last + 1]
        nxt = text[ps:pe]
        if _CITATION.match(nxt) or _STAGE.match(nxt) or _FOLLOW.match(nxt):
            break
        prev_closed = text[paras[last][1] - 1] in '”"' and not _ends_open(text, paras[last])
        if prev_closed and nxt[0] not in DOUBLE_MARKS:
            break
        last += 1
    return last, paras[last][1]


def _ends_open(text: str, para: tuple[int, int]) -> bool:
    """A paragraph ending in a mark that actually opens (rare typo) counts as open."""
    ps, pe = para
    return pe - ps < 2 or text[pe - 2].isspace()


def _colon_title(text: str, ps: int, pe: int) -> bool:
    """The document's first line in sentence case, ``Sanders: Clinton needs to ...``: a
    title if it is one short line of ``Name: claim`` (a name of capitalised words, no
    sentence ending inside the claim) over a story."""
    line = text[ps:pe]
    if len(line) > _TITLE_MAX or "\n" in line:
        return False
    m = _COLON_TITLE.match(line)
    return m is not None and not _SENTENCE_INSIDE.search(m.group("claim"))


def _headline(text: str, ps: int, pe: int) -> Headline:
    line = text[ps:pe]
    m = re.match(r"^(?P<who>[^:]{2,80}?)\s*:\s+", line)
    if m:
        return Headline(ps, pe, line, m.group("who"))
    return Headline(ps, pe, line)


def _name_role_line(text: str, ps: int, pe: int, res: BlockResult, confidence: float) -> None:
    """``Konstantin Kosachev, the chair of ...: "..."`` -> a direct quote with its role."""
    m = _NAME_ROLE.match(text, ps, pe)
    if not m or any(s <= ps < e for s, e in res.claimed):
        return
    role = m.group("role")
    cue = ":"
    tail = _ROLE_CUE.search(role)
    if tail is not None:  # 'X, the union chair, warned: "..."': the cue is not in the role
        role, cue = role[: tail.start()], tail.group(1)
    if re.search(r"\b(?:said|says|told|added|wrote|tweeted|stated|noted)\b", role):
        return
    if _ROLE_VERB.search(role):
        return  # 'Tomas Hale, the director, is rolling out a message: "..."': a sentence
    qs = m.end()
    cand = Candidate(
        start=qs,
        end=pe,
        kind="direct",
        cue=cue,
        cue_start=m.end() - 1,
        speaker_start=m.start("name"),
        speaker_end=m.end("name"),
        role=re.sub(r"^(?:the|a|an)\s+", "", role.strip()),
        confidence=confidence,
        rule="name_role_line",
    )
    res.candidates.append(cand)
    res.claimed.append((ps, pe))
