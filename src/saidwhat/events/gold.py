"""Scoring the coder against a hand-written gold of statements (``examples/events-gold.jsonl``).

Each gold line names a document, a piece of one of its sentences, the expected
event type (null: no realised event), a recipient (any part of a predicted
recipient's name or country) and the stance sign (−1, 0, +1). The predicted
event of a sentence is its main event (:func:`saidwhat.events.main_event`); a
negated or hypothetical one counts as no event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from saidwhat.model import Document

from . import main_event
from .model import Event


@dataclass
class GoldScore:
    items: int = 0
    type_ok: int = 0
    recipient_items: int = 0
    recipient_ok: int = 0
    stance_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self, what: str) -> float:
        total = self.recipient_items if what == "recipient" else self.items
        return getattr(self, f"{what}_ok") / total if total else 0.0


def _sign(x: float | None) -> int:
    return 0 if not x else (1 if x > 0 else -1)


def _recipient_matches(ev: Event, want: str) -> bool:
    want = want.casefold()
    for r in ev.recipient:
        names = [r.name, r.text, r.country or ""]
        if any(want in n.casefold() or (n and n.casefold() in want) for n in names if n):
            return True
    return False


def score_gold(gold_path: Path, corpus: Path, extractor) -> GoldScore:
    """Code the gold's documents (from ``corpus``) with ``extractor`` (a CodingExtractor)."""
    lines = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    coded: dict[str, tuple[str, list[Event]]] = {}
    score = GoldScore()
    for g in lines:
        if g["doc"] not in coded:
            text = (corpus / g["doc"]).read_text(encoding="utf-8")
            ex = extractor.extract(Document(text=text, ref=g["doc"]))
            coded[g["doc"]] = (text, ex.events)
        text, events = coded[g["doc"]]
        at = text.find(g["sentence"])
        if at < 0:
            raise ValueError(f"{gold_path}: {g['sentence']!r} is not in {g['doc']}")
        in_sentence = [e for e in events if e.sentence_start <= at < e.sentence_end]
        ev = main_event(in_sentence)
        if ev is not None and not ev.realised:
            ev = None
        score.items += 1
        got = ev.event if ev else None
        if got == g["event"]:
            score.type_ok += 1
        else:
            score.misses.append(f"{g['sentence']!r}: {got} (gold {g['event']})")
        if g["recipient"]:
            score.recipient_items += 1
            ok = bool(ev and _recipient_matches(ev, g["recipient"]))
            score.recipient_ok += ok
            if not ok:
                got_r = [r.name for r in ev.recipient] if ev else None
                score.misses.append(f"{g['sentence']!r}: recipient {got_r} (gold {g['recipient']})")
        score.stance_ok += _sign(ev.stance if ev else 0) == g["stance"]
    return score
