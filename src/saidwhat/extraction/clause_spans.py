"""What a cue reports: the :class:`CueClause` record and how its extent is trimmed.

Shared by the parse rules of :mod:`.indirect` and the forms of :mod:`.clause_forms`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import (
    CUT_AFTER_COMMA,
    DURATION_NOUNS,
    OBJECT_MODIFIER_PREPS,
    REASON_MARKS,
    SPEECH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class CueClause:
    """One cue with what it reports; offsets are char offsets into the text."""

    cue_i: int  # token index of the cue
    cue: str
    start: int
    end: int
    speaker_i: int | None  # token index of the speaker mention's head
    strength: float
    fragments: list[tuple[int, int]] | None = None
    according: bool = False
    #: The name of the rule (the cue form) that found it.
    rule: str = ""
    #: The fewest words a statement of it may have (``endorsed Hale``: a name is enough).
    min_words: int = 2
    #: A report whose source the text does not name (``X is expected to ...``): kept
    #: without a speaker, like ``according to`` without one.
    unsourced: bool = False


def trim(doc: Doc, i: int, j: int, cut: bool = True) -> tuple[int, int] | None:
    """Token range [i, j] without edge punctuation/conjunctions -> char span.

    With ``cut``, a second clause after the reported one (after ';', a dash, ', which',
    a participle) is left out. A clause *before* its cue (``A, which B, X said.``) is
    bounded by the reporting clause itself and is kept whole (``cut=False``).
    """
    while i <= j and (
        doc[i].is_space or (doc[i].is_punct and doc[i].text not in "“‘\"'") or doc[i].dep_ == "cc"
    ):
        i += 1
    j = unsplit_end(doc, j)
    if cut:
        j = _before_reporting_relative(doc, i, j)
    for k in range(
        i + 3, j if cut else i + 3
    ):  # a second clause after ';', a dash or ', which' is not reported
        t = doc[k]
        if t.text in (";", "—", "--", "―") and doc[k - 1].text not in '“"':
            if t.text != ";" and any(doc[m].text == t.text for m in range(k + 1, j + 1)):
                continue  # a parenthetical pair of dashes
            j = k - 1
            break
        nxt = doc[k + 2] if doc[k + 1].pos_ == "ADV" and k + 2 <= j else doc[k + 1]
        if t.text == "," and (_parenthetical(doc, k, j) or _second_relative(doc, i, k)):
            continue
        if t.text == "," and (
            doc[k + 1].lower_ in CUT_AFTER_COMMA
            or (nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "acl", "xcomp"))
            or (nxt.dep_ == "det" and nxt.head.dep_ == "appos" and nxt.head.right_edge.i >= j)
        ):
            j = k - 1
            break
    while j >= i and (doc[j].is_space or (doc[j].is_punct and doc[j].text not in "”’\"'")):
        j -= 1
    if j < i:
        return None
    return doc[i].idx, doc[j].idx + len(doc[j])


def unsplit_end(doc: Doc, j: int) -> int:
    """``cited harsh remarks Hale had made about the port ...``: the parser may end
    a sentence at a word with no final punctuation where a capitalised name follows on
    the same line. Content that runs to such an end goes on to the next sentence's end."""
    tok = doc[j]
    if (
        j + 1 >= len(doc)
        or tok.is_punct
        or tok.is_space
        or "\n" in tok.whitespace_
        or doc[j + 1].is_space
        or not doc[j + 1].is_sent_start
    ):
        return j
    return doc[j + 1].sent.end - 1


#: Entity types of a preposition's object that say when, not what.
_WHEN = frozenset({"DATE", "TIME"})


def _object_modifier(doc: Doc, child: Token, end: int) -> bool:
    """``cited her endorsements from forty pilots``, ``referred to Hale as ...``,
    ``railed against the levy, including the part that ...``: a prepositional phrase
    right after the object (or ``, including ...``) that the parser hung on the cue
    still says what the object was; the reported object goes on through it."""
    if child.dep_ != "prep" or child.lower_ not in OBJECT_MODIFIER_PREPS:
        return False
    pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None or pobj.ent_type_ in _WHEN or pobj.lemma_.lower() in DURATION_NOUNS:
        return False  # 'endorsed Hale on Thursday', 'for years': when, not what
    if child.left_edge.i == end + 1:
        return True
    return child.lower_ == "including" and child.i == end + 2 and doc[end + 1].text == ","


def _before_reporting_relative(doc: Doc, i: int, j: int) -> int:
    """``endorsed Hale, who says she is grateful``, ``praised the bridge, which the
    council claimed ...``: a relative clause after a comma whose verb is a verb of saying is
    another source's report, never part of this one, however short the content before."""
    for k in range(i + 1, min(j, i + 3)):
        rel = doc[k + 1]
        if (
            doc[k].text == ","
            and rel.lower_ in ("which", "who")
            and rel.head.dep_ == "relcl"
            and rel.head.lemma_.lower() in SPEECH_VERBS
        ):
            return k - 1
    return j


def _second_relative(doc: Doc, i: int, k: int) -> bool:
    """``people who fish here, who live on the coast, and who ...``: a relative clause after
    a comma on a noun that already has one before the comma is the next of a series
    that describes it, not a remark on the reported clause. The first must lie inside
    the content (from token ``i``): ``a pilot who had to defy X, who spent ...``
    describes someone outside what was rejected."""
    rel = doc[k + 1]
    if rel.lower_ not in ("which", "who") or rel.head.dep_ != "relcl":
        return False
    noun = rel.head.head
    if any(
        c.dep_ == "relcl" and i <= c.left_edge.i < k and c.left_edge.lower_ == rel.lower_
        for c in noun.children
    ):
        return True
    # the parser may hang the second on the last noun of the first: same pronoun, above it
    return any(
        up.dep_ == "relcl" and up.left_edge.lower_ == rel.lower_ and i <= up.left_edge.i < k
        for up in noun.ancestors
    )


def _parenthetical(doc: Doc, k: int, j: int) -> bool:
    """``to form a task force, which would include the army, to crack down on ...``: a
    relative clause between two commas with the reported clause going on after it."""
    rel = doc[k + 1]
    if rel.lower_ not in ("which", "who") or rel.head.dep_ != "relcl":
        return False
    close = rel.head.right_edge.i + 1
    return close < j and doc[close].text == "," and doc[close + 1].dep_ not in ("cc", "punct")


def clause_start(cue: Token, comp: Token) -> int:
    """The first token of what ``cue`` reports through ``comp``.

    ``A, but B, an aide said.``: the parser often joins a trailing reporting
    clause to the first clause (``said`` a conjunct of ``A``) and takes only the last
    clause as its complement; the reporting clause at the end of the sentence reports
    all of it, from the first clause on.
    """
    start = comp.left_edge.i
    head = cue.head
    if not (comp.i < cue.i and cue.dep_ == "conj" and head.i < start and head.dep_ == "ROOT"):
        return start
    doc = cue.doc
    joint = doc[head.left_edge.i : start]
    if not any(t.dep_ == "cc" and t.head.i == head.i for t in joint[-2:]):
        return start  # the first clause must end in ', but' / ', and' right before the second
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[cue.i + 1 : cue.right_edge.i + 1]):
        return start  # '..., said X' is fine; a cue with more after its subject is not trailing
    return head.left_edge.i


def clause_end(cue: Token, comp: Token) -> int:
    """The last token of what a cue after its content reports through ``comp``.

    ``A, but B, the source added.`` read as two complements of ``added``: the content
    runs on through the later one when only ``, but`` / ``, and`` stand between them.
    """
    end = comp.right_edge.i
    doc = cue.doc
    for child in cue.lefts:
        if child.i <= end or child.dep_ not in ("ccomp", "parataxis"):
            continue
        if child.right_edge.i >= cue.i:
            break  # 'the impact it said Hale would have': not a clause before the cue
        last = end
        while last > comp.i and doc[last].dep_ in ("cc", "punct"):
            last -= 1  # the parser may hang ', but' on the first clause
        joint = doc[last + 1 : child.left_edge.i]
        if not any(t.dep_ == "cc" for t in joint) or any(
            t.dep_ not in ("cc", "punct") or t.text in ":;" for t in joint
        ):
            break
        end = child.right_edge.i
    return end


def complement_end(cue: Token, comp: Token) -> int:
    """The last token of what ``cue`` reports through ``comp``, coordination included.

    The parser often hangs the later conjuncts of a complement on the cue itself:
    ``wants to triple X, grow Y and create Z`` (``grow`` a conjunct of ``wants``),
    ``declined to threaten Moscow or even declare it responsible``, ``discovered that
    attempts to infiltrate the program were made by ...`` (``made`` a second
    complement). A conjunct of the cue in the complement's verb form (a bare verb
    after ``to ...``, not the cue's own tense) with no subject of its own, or a second
    complement right after the first with no subject and no ``that``, continues it.
    """
    end = _before_second_cue(comp)
    doc = cue.doc
    for child in cue.rights:
        if child.i <= end or child.dep_ in ("punct", "cc", "advmod"):
            continue
        if _reason(doc, child, end):
            end = child.right_edge.i
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children):
            break
        between = doc[end + 1 : child.left_edge.i]
        if any(t.dep_ not in ("cc", "punct", "advmod") for t in between):
            break
        continued = (
            child.dep_ in ("conj", "dep")
            and comp.tag_ == "VB"  # an infinitive: its conjuncts are bare (or read as present)
            and child.tag_ in ("VB", "VBP")
            and child.tag_ != cue.tag_
        ) or (child.dep_ == "ccomp" and comp.dep_ == "ccomp" and not between)
        if not continued:
            break
        end = child.right_edge.i
    return _dangling_conjunct(doc, comp, end)


def _before_second_cue(comp: Token) -> int:
    """``says Machado promised to stay and said she would fight``: a verb of saying
    conjoined to the reported clause, with no subject of its own, is what the clause's
    subject said next, a statement of its own; the first ends before the conjunction."""
    for child in comp.rights:
        if (
            child.dep_ == "conj"
            and child.lemma_.lower() in SPEECH_VERBS
            and child.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            j = child.left_edge.i - 1
            while j > comp.i and (comp.doc[j].dep_ == "cc" or comp.doc[j].is_punct):
                j -= 1
            return j
    return comp.right_edge.i


def _reason(doc: Doc, child: Token, end: int) -> bool:
    """``said the claim smacked of hypocrisy, because the board ...``: a reason clause the
    parser hung on the cue right after the complement gives the reason for the claim."""
    return (
        child.dep_ == "advcl"
        and child.left_edge.i == end + 2
        and doc[end + 1].text == ","
        and any(c.dep_ == "mark" and c.lower_ in REASON_MARKS for c in child.children)
    )


def _dangling_conjunct(doc: Doc, comp: Token, end: int) -> int:
    """``promising to meet and in some cases exceed his goals``: a conjunction right after
    the complement whose conjunct the parser hung higher up (on the main verb) still
    joins a bare verb to the complement."""
    if end + 2 >= len(doc) or doc[end + 1].dep_ != "cc" or comp.tag_ != "VB":
        return end
    for tok in doc[end + 2 : min(len(doc), end + 8)]:
        if tok.dep_ == "conj" and tok.tag_ in ("VB", "VBP") and tok.left_edge.i == end + 2:
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                return tok.right_edge.i
            break
    return end


def object_end(cue: Token, last: Token) -> int:
    """The last token of a cue's object, conjuncts the parser hung on the cue included.

    ``mentioned refinancing the loans and forcing the port to pay`` (``forcing`` a
    conjunct of ``mentioned``), ``cited her years as harbour master and as a councillor``
    (``as`` a conjunct of ``cited``): a conjunct after ``and``/``or`` with no subject of
    its own that is a noun, a preposition or a gerund (not the cue's own form) goes on
    with the object; a finite verb is the speaker's next act.
    """
    end = last.right_edge.i
    doc = cue.doc
    for child in cue.rights:
        if child.i <= end or child.dep_ in ("punct", "cc"):
            continue
        if _object_modifier(doc, child, end):
            end = child.right_edge.i
            continue
        between = doc[end + 1 : child.left_edge.i]
        if (
            child.dep_ != "conj"
            or not any(t.dep_ == "cc" for t in between)
            or any(t.dep_ not in ("cc", "punct") for t in between)
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            break
        if not (
            child.pos_ in ("NOUN", "PROPN", "ADP") or (child.tag_ == "VBG" and cue.tag_ != "VBG")
        ):
            break
        end = child.right_edge.i
    return end
