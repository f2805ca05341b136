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
    source_adjunct: float = 0.6  # By X's own admission, ... / As X noted, ...
    colon_report: float = 0.5  # gave Berg a glowing endorsement: she knows ...
    cue_noun: float = 0.5  # X's claim that ...
    headline_statement: float = 0.6  # Pat Lund: Fares Will Double / Fares Will Double, Lund Says
    # blocks (:mod:`.blocks`) and posts
    transcript_turn: float = 0.85
    interviewer_turn: float = 0.7  # a named interviewer's turn ("WALLACE: Why ...?")
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


# -- speaker resolution (:mod:`.speakers`): one entry per rule, read by that rule only --


@dataclass(frozen=True)
class HandleRule:
    """``@handle`` mentions: the person whose name the document wrote the handle after."""

    enabled: bool = True
    #: How far after a name ``(@handle)`` may open.
    after_name: int = 40


@dataclass(frozen=True)
class AuthorRule:
    """The author's own ``I`` outside quotations: the writer, not a person named before."""

    enabled: bool = True


@dataclass(frozen=True)
class PronounRule:
    """``he``/``she``/``they``/``who``: an earlier person (or organisation) that agrees."""

    enabled: bool = True
    #: How many earlier person mentions a pronoun looks through.
    mentions_back: int = 60


@dataclass(frozen=True)
class StatementOfRule:
    """``a statement from X``, ``X's statement``, ``X issued a statement saying``: X."""

    enabled: bool = True


@dataclass(frozen=True)
class GroupOfRule:
    """``Trump's campaign``, ``her office``, ``the campaign``: the person's own organisation."""

    enabled: bool = True


@dataclass(frozen=True)
class AppositionRule:
    """``The mayor of X, Marat Chelnokov, told``: the name in apposition to the noun."""

    enabled: bool = True


@dataclass(frozen=True)
class ExplicitNameRule:
    """A name written in the mention, clustered with the document's other forms of it."""

    enabled: bool = True


@dataclass(frozen=True)
class SurnameRule:
    """A bare known surname: the namesake mentioned nearest before it."""

    enabled: bool = True


@dataclass(frozen=True)
class OutletNounRule:
    """``the newspaper said``: the outlet the document last named."""

    enabled: bool = True


@dataclass(frozen=True)
class OrgNounRule:
    """``the ministry said``: the organisation of that kind named or described before."""

    enabled: bool = True
    #: How many earlier organisation mentions are searched for one whose name holds the noun.
    orgs_back: int = 50
    #: How far back (characters) "the embassy said" looks for "the Arkhavian embassy".
    described_window: int = 3000
    #: How many earlier person mentions are searched for the title heading the organisation.
    title_mentions: int = 30


@dataclass(frozen=True)
class RoleNounRule:
    """``the minister said``: the person just spoken of, else the one holding that role."""

    enabled: bool = True
    #: The person just spoken of: among this many earlier mentions ...
    recent_mentions: int = 6
    #: ... and at most this far (characters) before the description.
    recent_chars: int = 400
    #: Mentions searched for the role written next to a name.
    near_mentions: int = 30
    #: The text around such a name read for the role (characters before, after).
    near_before: int = 60
    near_after: int = 120


@dataclass(frozen=True)
class FirstNameRule:
    """A surname the NER took for an organisation, after a known first name."""

    enabled: bool = True


@dataclass(frozen=True)
class OrganisationRule:
    """An organisation, place or group named in the mention."""

    enabled: bool = True


@dataclass(frozen=True)
class ProperNameRule:
    """Capitalised words the NER did not type: two or more read as a person's name."""

    enabled: bool = True
    #: The fewest words read as a person's name (fewer: an organisation).
    person_words: int = 2


@dataclass(frozen=True)
class CanonicalNames:
    """How a surface form becomes a canonical name or an alias."""

    #: The most words an alias of a person may have.
    alias_words: int = 4
    #: An all-capital word longer than this is title-cased ("BERG" -> "Berg").
    upper_word: int = 2


@dataclass(frozen=True)
class Speakers:
    """Settings of speaker resolution: one entry per rule of :data:`.speakers.RULES`."""

    handle: HandleRule = field(default_factory=HandleRule)
    author: AuthorRule = field(default_factory=AuthorRule)
    pronoun: PronounRule = field(default_factory=PronounRule)
    statement_of: StatementOfRule = field(default_factory=StatementOfRule)
    group_of: GroupOfRule = field(default_factory=GroupOfRule)
    apposition: AppositionRule = field(default_factory=AppositionRule)
    explicit_name: ExplicitNameRule = field(default_factory=ExplicitNameRule)
    surname: SurnameRule = field(default_factory=SurnameRule)
    outlet_noun: OutletNounRule = field(default_factory=OutletNounRule)
    org_noun: OrgNounRule = field(default_factory=OrgNounRule)
    role_noun: RoleNounRule = field(default_factory=RoleNounRule)
    first_name: FirstNameRule = field(default_factory=FirstNameRule)
    organisation: OrganisationRule = field(default_factory=OrganisationRule)
    proper_name: ProperNameRule = field(default_factory=ProperNameRule)
    canonical: CanonicalNames = field(default_factory=CanonicalNames)


@dataclass
class Settings:
    """Thresholds and windows of the extractor."""

    limits: Limits = field(default_factory=Limits)
    sections: Sections = field(default_factory=Sections)
    confidence: Confidence = field(default_factory=Confidence)
    shares: Shares = field(default_factory=Shares)
    speakers: Speakers = field(default_factory=Speakers)
    #: Documents per ``nlp.pipe`` batch in ``extract_many``.
    batch_size: int = 16
    #: Confidence multiplier for a statement whose speaker was not resolved.
    unresolved_factor: float = 0.7
