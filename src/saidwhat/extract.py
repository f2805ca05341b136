"""Extraction without a database: ``saidwhat extract`` and the library call behind it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from saidwhat.errors import SourceError, UnsupportedLanguageError
from saidwhat.model import Document, Extraction


def extract_inputs(
    inputs: Iterable[str], *, jobs: int = 1, settings=None, on_progress=None
) -> Iterator[tuple[Document, Extraction] | SourceError]:
    """Read files, folders and URLs and yield each document with its statements.

    Errors met on the way (a missing file, bad encoding, an unsupported
    language, a document over a limit of ``settings``) are yielded as :class:`SourceError` objects so a batch goes on.
    """
    from saidwhat.ingest import extract_stream
    from saidwhat.sources import iter_documents
    from saidwhat.sources.language import SUPPORTED_LANGUAGES

    pending: list[SourceError] = []

    def documents() -> Iterator[Document]:
        for item in iter_documents(inputs):
            if isinstance(item, SourceError):
                pending.append(item)
            elif item.language and item.language not in SUPPORTED_LANGUAGES:
                pending.append(
                    UnsupportedLanguageError(
                        f"language {item.language!r} is not supported by the extractor "
                        f"(supported: {', '.join(sorted(SUPPORTED_LANGUAGES))})",
                        source=item.ref,
                    )
                )
            else:
                yield item

    stream = extract_stream(documents(), jobs=jobs, settings=settings, on_progress=on_progress)
    for doc, result in stream:
        yield from pending
        pending.clear()
        if isinstance(result, str):
            named = result.startswith(f"{doc.ref}: ")
            yield SourceError(result) if named else SourceError(result, source=doc.ref)
        else:
            yield doc, result
    yield from pending
