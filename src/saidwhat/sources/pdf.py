"""PDF files to documents through their text layer (pypdf); no OCR."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from saidwhat.errors import SourceError
from saidwhat.model import Document
from saidwhat.sources.dates import normalise_iso
from saidwhat.sources.files import guess_title, read_bytes

log = logging.getLogger(__name__)


def _pdf_date(value: object) -> str | None:
    """ISO date from a PDF date string (``D:20170510120000Z``)."""
    if not isinstance(value, str):
        return None
    s = value.removeprefix("D:")
    if len(s) >= 8 and s[:8].isdigit():
        return normalise_iso(f"{s[:4]}-{s[4:6]}-{s[6:8]}")
    return None


def extract_pdf(data: bytes, ref: str, *, url: str | None = None, fmt: str = "pdf") -> Document:
    """The text layer of a PDF; SourceError for a broken, encrypted or image-only PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise SourceError("not a PDF file (no %PDF header)", source=ref)
    if b"%%EOF" not in data[-16384:]:
        raise SourceError(
            "PDF is truncated (no end-of-file marker); download or copy it again", source=ref
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise SourceError(
                    "PDF is encrypted with a password; save an unprotected copy", source=ref
                )
        pages = []
        for page in reader.pages:
            pages.append((page.extract_text() or "").strip())
        info = reader.metadata or {}
    except SourceError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as e:
        raise SourceError(
            f"PDF is damaged or truncated ({type(e).__name__}: {e}); get a fresh copy",
            source=ref,
        ) from e
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise SourceError(
            "PDF has no text layer (a scan?); run OCR on it first and ingest the text",
            source=ref,
        )
    title = info.get("/Title") if hasattr(info, "get") else None
    author = info.get("/Author") if hasattr(info, "get") else None
    created = info.get("/CreationDate") if hasattr(info, "get") else None
    return Document(
        text=text,
        ref=ref,
        title=(str(title).strip() or None) if title else guess_title(text),
        author=(str(author).strip() or None) if author else None,
        published=_pdf_date(created),
        url=url,
        format=fmt,
        metadata={"pages": len(pages)},
    )


def read_pdf_file(path: Path, ref: str, max_bytes: int) -> Document:
    return extract_pdf(read_bytes(path, ref, max_bytes), ref)
