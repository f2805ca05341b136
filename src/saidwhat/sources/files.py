"""Reading local files into documents: plain text and Markdown here, the rest dispatched.

Text is read exactly as UTF-8 (or UTF-16/32 when a byte-order mark says so):
the mark is the only thing removed, so statement offsets refer to the text the
analyst sees.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path

from saidwhat.errors import SourceError
from saidwhat.model import Document
from saidwhat.sources.dates import DATE_PATTERN, find_date
from saidwhat.sources.encoding import check_not_binary, decode_text, decode_utf8

__all__ = ["check_not_binary", "decode_text", "decode_utf8"]  # re-exported for the readers

log = logging.getLogger(__name__)

#: Default largest file (or response body) read, in bytes.
MAX_BYTES = 50 * 1024 * 1024

TEXT_EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
PDF_EXTENSIONS = {".pdf"}
SOCIAL_EXTENSIONS = {".jsonl", ".ndjson"}
#: Extensions read when walking a folder (plus the social export names below).
SUPPORTED_EXTENSIONS = set(TEXT_EXTENSIONS) | HTML_EXTENSIONS | PDF_EXTENSIONS | SOCIAL_EXTENSIONS
_TWEETS_NAME = re.compile(r"^tweets?(-part\d+)?\.js$", re.IGNORECASE)
_TITLE_MAX = 150


def is_supported(path: Path) -> bool:
    """Whether a folder walk reads ``path``."""
    name = path.name
    if name.startswith("."):
        return False
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_EXTENSIONS:
        return True
    return bool(_TWEETS_NAME.match(name)) or name.lower() == "result.json"


def read_bytes(path: Path, ref: str, max_bytes: int) -> bytes:
    """The file's bytes; SourceError if missing, unreadable, too large or empty."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SourceError("no such file or folder; check the path", source=ref) from None
    except OSError as e:
        raise SourceError(f"cannot read: {e.strerror}", source=ref) from None
    if size > max_bytes:
        raise SourceError(
            f"file is too large ({size:,} bytes, limit {max_bytes:,}); split it or raise the limit",
            source=ref,
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(f"cannot read: {e.strerror}", source=ref) from None
    if not data.strip():
        raise SourceError("file is empty; nothing to read", source=ref)
    return data


def guess_title(text: str, fmt: str = "txt") -> str | None:
    """The first non-empty line, if it is short enough to be a headline."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if fmt == "md":
            line = line.lstrip("#").strip()
        if len(line) <= _TITLE_MAX and not line.endswith((".", ",", ";", ":")):
            return line
        return None
    return None


def guess_published(text: str) -> str | None:
    """A date in the first few lines ("May 14, 2017 – SPECIAL DISPATCH"), as ISO."""
    head = "\n".join(text.splitlines()[:5])[:600]
    found = find_date(head)
    return found[2] if found else None


_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*$", re.MULTILINE)
#: "VELDA, May 12, 2026 (Northwire) - ...": the wire agency in a dateline.
_DATELINE_AGENCY = re.compile(
    rf"^[A-Z][\w .'’-]{{1,40}},\s+{DATE_PATTERN}\s+\(([A-Z][\w .&'’-]{{1,40}})\)\s*[-–—]",
    re.MULTILINE | re.IGNORECASE,
)


def guess_byline(text: str) -> tuple[str | None, str | None]:
    """(author, wire agency) from a "By ..." line or a dateline near the top."""
    head = "\n".join(text.splitlines()[:8])[:1500]
    author = agency = None
    if m := _BYLINE.search(head):
        author = m.group(1)
    if m := _DATELINE_AGENCY.search(head):
        agency = m.group(1).strip()
    return author, agency


def read_text(path: Path, ref: str, max_bytes: int) -> Document:
    """A .txt or .md file as one document."""
    fmt = TEXT_EXTENSIONS.get(path.suffix.lower(), "txt")
    text = decode_text(read_bytes(path, ref, max_bytes), ref)
    if not text.strip():
        raise SourceError("file is empty; nothing to read", source=ref)
    author, agency = guess_byline(text)
    return Document(
        text=text,
        ref=ref,
        title=guess_title(text, fmt),
        published=guess_published(text),
        author=author,
        outlet=agency,
        format=fmt,
    )


def load_file(
    path: Path, ref: str, *, max_bytes: int = MAX_BYTES
) -> Iterator[Document | SourceError]:
    """Every document in one file (one, or one per post for a social export).

    Errors are yielded, not raised, so one bad post does not stop an export.
    """
    suffix = path.suffix.lower()
    name = path.name.lower()
    try:
        if suffix in TEXT_EXTENSIONS:
            yield read_text(path, ref, max_bytes)
        elif suffix in HTML_EXTENSIONS:
            from saidwhat.sources.html import read_html_file

            yield read_html_file(path, ref, max_bytes)
        elif suffix in PDF_EXTENSIONS:
            from saidwhat.sources.pdf import read_pdf_file

            yield read_pdf_file(path, ref, max_bytes)
        elif suffix in SOCIAL_EXTENSIONS or suffix in (".js", ".json"):
            from saidwhat.sources import social

            if suffix in SOCIAL_EXTENSIONS:
                yield from social.read_jsonl(path, ref, max_bytes)
            elif suffix == ".js":
                yield from social.read_tweets_js(path, ref, max_bytes)
            else:
                yield from social.read_telegram_json(path, ref, max_bytes)
        else:
            kinds = ", ".join(sorted(SUPPORTED_EXTENSIONS | {".js", ".json"}))
            raise SourceError(
                f"unsupported file type {suffix or '(no extension)'!r} ({name}); "
                f"supported: {kinds}",
                source=ref,
            )
    except SourceError as e:
        yield e
    except RecursionError:
        yield SourceError("nested too deeply to read", source=ref)
    except Exception as e:
        # A reader met a shape nobody foresaw. The batch must go on, and the
        # analyst needs the file's name and what went wrong, not a traceback.
        log.debug("%s: unexpected error while reading", ref, exc_info=True)
        yield SourceError(f"could not read it ({type(e).__name__}: {e})", source=ref)


def walk_folder(
    folder: Path, ref: str, errors: list[SourceError] | None = None
) -> list[tuple[Path, str]]:
    """Supported files under ``folder``, sorted, each with its ref (folder as given + rel path).

    Sub-folders that cannot be listed are appended to ``errors`` (when given).
    """
    found: list[tuple[Path, str]] = []

    def unreadable(e: OSError) -> None:
        if errors is None:
            return
        where = Path(e.filename or folder)
        try:
            rel = where.relative_to(folder).as_posix()
        except ValueError:
            rel = ""
        name = ref.rstrip("/\\") + "/" + rel if rel and rel != "." else ref
        errors.append(SourceError(f"cannot read folder: {e.strerror or e}", source=name))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root) / name
            if is_supported(p) and p.is_file():
                rel = p.relative_to(folder).as_posix()
                found.append((p, ref.rstrip("/\\") + "/" + rel if ref else rel))
    found.sort(key=lambda pr: pr[1])
    return found
