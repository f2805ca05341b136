"""From the inputs of an ingest to document references, in the order the single process reads.

A reference is what a worker needs to read one file or URL by itself: the
path or URL and the ``ref`` the documents will carry (a folder as given plus
the file's relative path, exactly as :func:`saidwhat.sources.iter_documents`
names them). Inputs that are neither are turned into their error here, with
the single-process wording, by asking :func:`~saidwhat.sources.iter_documents`
itself (it reads nothing for them).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from saidwhat.errors import SourceError
from saidwhat.sources.files import walk_folder


class Ref(NamedTuple):
    """One file or URL to read on a worker."""

    source: str  # the path to open, or the URL
    ref: str  # how its documents are named
    folder: str | None = None  # the folder input it came from, if any


class FolderEnd(NamedTuple):
    """Follows the last file of a folder input: if none of its files gave a document, say so."""

    folder: str
    files: int

    def error(self) -> SourceError:
        return SourceError(
            f"none of the {self.files} supported files in the folder could be read",
            source=self.folder,
        )


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def document_refs(
    inputs: Iterable[str | os.PathLike[str]],
) -> Iterator[Ref | SourceError | FolderEnd]:
    """Every file or URL named by ``inputs``, in order; a SourceError for a bad input."""
    from saidwhat.sources import iter_documents

    for item in inputs:
        item = os.fspath(item)
        if is_url(item):
            yield Ref(item, item)
            continue
        path = Path(item).expanduser()
        if item.strip() and path.is_file():
            yield Ref(str(path), item)
        elif item.strip() and path.is_dir() and (files := walk_folder(path, item)):
            for file, ref in files:
                yield Ref(str(file), ref, folder=item)
            yield FolderEnd(item, len(files))
        else:
            # Missing, empty, not a regular file, a folder with nothing to read:
            # iter_documents says so without reading anything.
            yield from (e for e in iter_documents([item]) if isinstance(e, SourceError))
