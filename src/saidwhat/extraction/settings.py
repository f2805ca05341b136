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


@dataclass
class Settings:
    """Thresholds and windows of the extractor."""

    limits: Limits = field(default_factory=Limits)
    sections: Sections = field(default_factory=Sections)
    #: Documents per ``nlp.pipe`` batch in ``extract_many``.
    batch_size: int = 16
    #: Confidence multiplier for a statement whose speaker was not resolved.
    unresolved_factor: float = 0.7
