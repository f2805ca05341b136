"""One small exception tree.

Every error the library raises on purpose derives from :class:`SaidwhatError`.
Messages name the file or source and say what to do; the CLI turns any of them
into one line on stderr and a non-zero exit code (see ``saidwhat.cli.main``).
"""

from __future__ import annotations


class SaidwhatError(Exception):
    """Base class of every error saidwhat raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class UsageError(SaidwhatError):
    """The user asked for something that cannot be done as asked."""

    exit_code = 2


class SourceError(SaidwhatError):
    """A document could not be read: missing, empty, binary, bad encoding, bad shape."""


class FetchError(SourceError):
    """A URL or feed could not be fetched (timeout, HTTP error, too large, wrong type)."""


class UnsupportedLanguageError(SourceError):
    """The document's language is not one the extractor supports."""


class ExtractionLimitError(SourceError):
    """A document is over a per-document limit (size or time) the user can raise."""


class StoreError(SaidwhatError):
    """The database is locked, corrupt, or of a newer schema than this saidwhat."""


class QueryError(SaidwhatError):
    """A search query or filter is malformed (e.g. unbalanced quotes in FTS syntax)."""

    exit_code = 2


class NotFoundError(SaidwhatError):
    """A named document, speaker, feed or watchlist does not exist."""


class ReportError(SaidwhatError):
    """A report or export could not be written."""
