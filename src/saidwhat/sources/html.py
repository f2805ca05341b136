"""HTML pages (files or fetched) to documents with trafilatura: main text and metadata."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

from saidwhat.errors import SourceError
from saidwhat.model import Document
from saidwhat.sources.dates import normalise_iso
from saidwhat.sources.encoding import decode_page
from saidwhat.sources.files import read_bytes

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_html(data: bytes, ref: str, charset: str | None = None) -> str:
    """Decode a page: a BOM, else the given (HTTP) charset, else its <meta> charset, else UTF-8.

    Unknown charsets are skipped and stray bytes replaced, each with a warning
    (see :func:`saidwhat.sources.encoding.decode_page`).
    """
    return decode_page(data, ref, charset, declared_charset(data))


def extract_html(
    html: str,
    ref: str,
    *,
    url: str | None = None,
    fmt: str = "html",
) -> Document:
    """The main text and metadata of a page; SourceError if no article text is found."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as e:  # trafilatura/lxml raise many kinds on broken markup
        raise SourceError(f"could not parse HTML ({type(e).__name__}: {e})", source=ref) from e
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise SourceError(
            "no article text found in the page (empty, script-only or a login wall?)",
            source=ref,
        )
    # trafilatura puts one block per line; a blank line between blocks keeps
    # paragraphs apart the way a text file does.
    lines = [ln.strip() for ln in text.splitlines()]
    body = "\n\n".join(ln for ln in lines if ln)
    title = (result.title or "").strip() or None
    outlet = (result.sitename or "").strip() or None
    if outlet and _is_host(outlet, result.hostname, url):
        outlet = None  # trafilatura's fallback: the host name is not the outlet's name
    return Document(
        text=body,
        ref=ref,
        title=title,
        outlet=outlet,
        url=url,
        published=normalise_iso(result.date),
        author=(result.author or "").strip() or None,
        language=None,
        format=fmt,
        metadata={k: v for k, v in (("hostname", result.hostname),) if v},
    )


def _is_host(name: str, hostname: str | None, url: str | None) -> bool:
    hosts = {hostname or ""}
    if url:
        parts = urlsplit(url)
        hosts |= {parts.netloc, parts.hostname or ""}
    name = name.lower().removeprefix("www.")
    return any(h and name == h.lower().removeprefix("www.") for h in hosts)


def read_html_file(path: Path, ref: str, max_bytes: int) -> Document:
    data = read_bytes(path, ref, max_bytes)
    html = decode_html(data, ref)
    return extract_html(html, ref, fmt="html")
