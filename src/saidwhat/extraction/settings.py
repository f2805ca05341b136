"""Every tunable number of the extractor in one place, passed to :class:`~.pipeline.Extractor`.

Sizes are in characters unless named ``_bytes``. Per-document limits default to
the environment (``SAIDWHAT_MAX_BYTES``, ``SAIDWHAT_MAX_SECONDS``) so a user can
set them for every command without flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..errors import UsageError

#: The largest document extracted by default (UTF-8 bytes of its text).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_BYTES_ENV = "SAIDWHAT_MAX_BYTES"
MAX_SECONDS_ENV = "SAIDWHAT_MAX_SECONDS"


def _env_number(name: str, kind: type, default):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = kind(raw.strip())
    except ValueError:
        raise UsageError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise UsageError(f"{name}={raw!r} must be positive")
    return value


def max_bytes_from_env() -> int:
    return _env_number(MAX_BYTES_ENV, int, DEFAULT_MAX_BYTES)


def max_seconds_from_env() -> float | None:
    return _env_number(MAX_SECONDS_ENV, float, None)


@dataclass
class Limits:
    """Per-document limits; a document over one is an error naming it, the batch goes on."""

    max_bytes: int = field(default_factory=max_bytes_from_env)
    #: Wall-clock seconds for one document, checked between sections; None: no limit.
    max_seconds: float | None = field(default_factory=max_seconds_from_env)


@dataclass
class Sections:
    """How a long document is cut so time grows linearly and memory stays bounded.

    A document longer than ``threshold`` is parsed in sections of about
    ``target`` characters, cut at paragraph starts outside quotations (or at
    sentence ends inside an endless paragraph). Each section is parsed with up
    to ``context`` characters of the paragraphs before it, so a pronoun or an
    ``X said:`` at the top of a section still finds its speaker.
    """

    threshold: int = 15_000
    target: int = 10_000
    #: A section may run this much past ``target`` to reach a clean cut.
    slack: int = 10_000
    context: int = 1_500
    #: Sections parsed per ``nlp.pipe`` batch.
    batch: int = 4


#: The longest turn (in words) of an exchange of quotes read as a dialogue.
DIALOGUE_TURN_WORDS = 25
#: How far back (characters) "the embassy said" looks for "the Arkhavian embassy".
DESCRIBED_ORG_WINDOW = 3000


@dataclass(frozen=True)
class Confidence:
    """The confidence each rule gives the statements it finds (see ``extraction.__init__``)."""

    # quotes (:mod:`.quote_rules` and :func:`.direct.attribute`)
    cue_complement: float = 0.9  # the quote fills a cue's complement: "X said “...”"
    epigraph_dash: float = 0.8  # “...” ― Name
    embedded_post: float = 0.85  # “...”\n— Name (@handle) date
    cue_before_colon: float = 0.85  # X said: “...”
    according_quote: float = 0.8  # According to X, “...”
    cue_after: float = 0.85  # “...,” X said.
    lead_then_quote: float = 0.7  # X is “crooked,” Trump said: mixed
    cue_repeated: float = 0.8  # “A,” said X, who heads Y. “B.”
    clause_into_quote: float = 0.75  # said she has one quality: “Steadiness.”
    governed_mixed: float = 0.7  # said the plan was “a disaster”
    cue_before: float = 0.8  # X said “...” (no colon)
    said_colon_paragraph: float = 0.85  # X said:\n\n“...”
    governing_verb: float = 0.45  # Reid has been pounding Trump as a “con artist”
    continues_previous: float = 0.55  # a quote opening the next paragraph
    dialogue_turn: float = 0.5  # an unattributed reply in an exchange of short turns
    unattributed_opening: float = 0.3  # a long quote opening a paragraph, no source
    # reported clauses (:mod:`.indirect`)
    speech_clause: float = 0.85
    belief_clause: float = 0.6
    label_clause: float = 0.4  # called X “...”
    intent_clause: float = 0.45  # plans to ...
    directive_clause: float = 0.45  # warned officials to ...
    prep_object: float = 0.4  # called for ...
    object_cue: float = 0.4  # criticized the media
    according_to: float = 0.8
    cue_noun: float = 0.5  # X's claim that ...
    # blocks (:mod:`.blocks`) and posts
    transcript_turn: float = 0.85
    answer_turn: float = 0.6  # 'A:' answers, speaker from the header
    name_role_line: float = 0.85  # NAME, ROLE: “...”
    post_by_author: float = 0.95
    post_anonymous: float = 0.5


@dataclass(frozen=True)
class Shares:
    """Word shares that decide a statement's kind."""

    #: A cue's complement this much quoted is a direct quote (else mixed): wholly, as
    #: PolNeAR makes ``said that "..."`` and ``says voter fraud "..."`` mixed statements
    #: with their unquoted words (0.75 before round 4: exact F1 0.730 -> 0.769 on dev).
    direct_quoted: float = 1.0
    #: A reported clause this much quoted is left to the quote rules.
    indirect_quoted: float = 0.5


@dataclass
class Settings:
    """Thresholds and windows of the extractor."""

    limits: Limits = field(default_factory=Limits)
    sections: Sections = field(default_factory=Sections)
    confidence: Confidence = field(default_factory=Confidence)
    shares: Shares = field(default_factory=Shares)
    #: Documents per ``nlp.pipe`` batch in ``extract_many``.
    batch_size: int = 16
    #: Confidence multiplier for a statement whose speaker was not resolved.
    unresolved_factor: float = 0.7
