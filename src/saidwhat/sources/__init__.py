"""Everything from an input (file, folder, URL, feed, social export) to a :class:`Document`.

:func:`iter_documents` is the one entry point for a batch: it yields a
Document for each readable item and a :class:`SourceError` *object* for each
bad one, so one broken file never stops an ingest.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from saidwhat.errors import SourceError
from saidwhat.model import Document
from saidwhat.sources.files import MAX_BYTES, SUPPORTED_EXTENSIONS, load_file, walk_folder
from saidwhat.sources.language import SUPPORTED_LANGUAGES, detect_language

log = logging.getLogger(__name__)

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "SUPPORTED_LANGUAGES",
    "count_documents",
    "detect_language",
    "iter_documents",
]


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    client: httpx.Client | None = None,
    max_bytes: int = MAX_BYTES,
    detect: bool = True,
) -> Iterator[Document | SourceError]:
    """Each document named by ``inputs`` (files, folders, http(s) URLs), in order.

    Folders are read recursively in sorted order, supported files only.
    ``Document.ref`` is the path as given (folder as given + relative path for
    files inside a folder) or the URL, with ``#n`` for the n-th post of a social
    export. ``language`` is detected when the source does not say.
    """
    own_client = None
    try:
        for item in inputs:
            item = os.fspath(item)
            if item.lower().startswith(("http://", "https://")):
                if client is None and own_client is None:
                    from saidwhat.sources.web import make_client

                    own_client = make_client()
                results: Iterable[Document | SourceError] = _url(
                    item, client or own_client, max_bytes
                )
            else:
                results = _path(item, max_bytes)
            for res in results:
                if isinstance(res, Document):
                    if detect and res.language is None:
                        res.language = detect_language(res.text)
                else:
                    log.info("skipped: %s", res)
                yield res
    finally:
        if own_client is not None:
            own_client.close()


#: Extensions that hold exactly one document per file (social exports hold many).
_ONE_PER_FILE = {
    ext for ext in SUPPORTED_EXTENSIONS if ext not in (".jsonl", ".ndjson", ".js", ".json")
}


def count_documents(inputs: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many documents ``inputs`` hold, when that is known without reading them.

    Known when every input is a local file or folder of one-document files
    (text, Markdown, HTML, PDF); None when a URL or a social export is among them.
    """
    total = 0
    for item in inputs:
        item = os.fspath(item)
        if item.lower().startswith(("http://", "https://")):
            return None  # a page's size and kind are known only once fetched
        path = Path(item).expanduser()
        try:
            if path.is_dir():
                files = [f for f, _ in walk_folder(path, item)]
            elif path.is_file():
                files = [path]
            else:
                total += 1  # one error line
                continue
        except OSError:
            total += 1
            continue
        if any(f.suffix.lower() not in _ONE_PER_FILE for f in files):
            return None
        total += len(files)
    return total


def _url(url: str, client: httpx.Client, max_bytes: int) -> Iterator[Document | SourceError]:
    from saidwhat.sources.web import fetch_document

    try:
        yield fetch_document(url, client=client, max_bytes=max_bytes)
    except SourceError as e:
        yield e
    except Exception as e:
        # As for files: one page nobody foresaw must not stop the batch.
        log.debug("%s: unexpected error while reading", url, exc_info=True)
        yield SourceError(f"could not read it ({type(e).__name__}: {e})", source=url)


#: ``scheme:`` at the start of an argument; one letter is a Windows drive (C:\...).
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")


def _path(item: str, max_bytes: int) -> Iterator[Document | SourceError]:
    path = Path(item).expanduser()
    if not item.strip():
        yield SourceError("empty path", source=repr(item))
        return
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    except OSError as e:  # e.g. a path inside a folder we may not enter
        yield SourceError(f"cannot read: {e.strerror or e}", source=item)
        return
    exists = mode is not None
    is_dir, is_file = exists and stat.S_ISDIR(mode), exists and stat.S_ISREG(mode)
    scheme = _SCHEME.match(item)
    if not exists and scheme:
        yield SourceError(
            f"the {scheme.group(1).lower()}: scheme is not supported; give a local path "
            "(without file://) or an http(s) URL",
            source=item,
        )
    elif is_dir:
        unreadable: list[SourceError] = []
        files = walk_folder(path, item, unreadable)
        yield from unreadable
        n_docs = 0
        for file, ref in files:
            for res in load_file(file, ref, max_bytes=max_bytes):
                n_docs += isinstance(res, Document)
                yield res
        if not files:
            kinds = ", ".join(sorted(SUPPORTED_EXTENSIONS))
            yield SourceError(
                f"folder has no readable documents (looked for {kinds}, tweets.js, result.json)",
                source=item,
            )
        elif not n_docs:
            yield SourceError(
                f"none of the {len(files)} supported files in the folder could be read",
                source=item,
            )
    elif is_file:
        yield from load_file(path, item, max_bytes=max_bytes)
    elif exists:
        yield SourceError("not a regular file or folder", source=item)
    else:
        yield SourceError("no such file or folder; check the path", source=item)
