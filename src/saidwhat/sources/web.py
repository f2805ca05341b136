"""Fetching URLs: bounded (timeouts, redirects, size), polite, and clear when it fails."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import httpx

from saidwhat import __version__
from saidwhat.errors import FetchError
from saidwhat.model import Document
from saidwhat.sources.deadline import DeadlineTransport, deadline
from saidwhat.sources.files import MAX_BYTES

log = logging.getLogger(__name__)

USER_AGENT = f"saidwhat/{__version__} (+https://github.com/saidwhat/saidwhat)"
MAX_REDIRECTS = 5
#: Connect/read timeouts per operation, and the most a whole fetch may take (redirects,
#: headers and body together: a server trickling its headers cannot hold a batch).
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
TOTAL_TIMEOUT = 120.0

ARTICLE_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "application/xml",
    "text/xml",
    "application/pdf",
    "text/plain",
)
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/xml",
    "text/xml",
    "text/html",  # servers often mislabel feeds
    "text/plain",
    "application/octet-stream",
)
_FEED_ONLY = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_TRACKING = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "yclid", "_ga"}
_REDIRECT_CODES = {301, 302, 303, 307, 308}


def make_client(timeout: float | httpx.Timeout | None = None) -> httpx.Client:
    """An httpx client with saidwhat's User-Agent and timeouts; redirects are followed by us.

    Its transport keeps the whole-request deadline of :func:`fetch` (see
    :mod:`saidwhat.sources.deadline`); a client made elsewhere only has per-read timeouts.
    """
    return httpx.Client(
        timeout=timeout if timeout is not None else TIMEOUT,
        transport=DeadlineTransport(),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
    )


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no utm_*/click-id params."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query, doseq=True), ""))


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


@dataclass
class FetchResult:
    """A response body read within the limits."""

    url: str  # as asked
    final_url: str  # after redirects, canonicalised
    status: int
    content: bytes
    content_type: str  # media type, lower case, no parameters
    charset: str | None
    headers: dict[str, str] = field(default_factory=dict)


def _media_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ").lower() or None
    return parts[0].lower(), charset


def fetch(
    url: str,
    *,
    client: httpx.Client | None = None,
    max_bytes: int = MAX_BYTES,
    headers: dict[str, str] | None = None,
    accept: tuple[str, ...] = ARTICLE_TYPES,
    what: str = "HTML, XML, PDF or text",
) -> FetchResult:
    """GET ``url`` following at most 5 redirects, streaming at most ``max_bytes``.

    A 304 answer is returned (empty body) so conditional GETs work. Everything
    else that is not a 2xx, or not of an ``accept`` type, is a FetchError.
    """
    own = client is None
    client = client or make_client()
    try:
        # Per request too, in case the caller's client has other defaults.
        hdrs = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate", **(headers or {})}
        with deadline(TOTAL_TIMEOUT):
            return _fetch(client, url, max_bytes, hdrs, accept, what)
    finally:
        if own:
            client.close()


def _fetch(client, url, max_bytes, headers, accept, what) -> FetchResult:
    if not is_url(url):
        raise FetchError("not an http(s) URL", source=url)
    seen = [url]
    current = url
    started = time.monotonic()
    for _ in range(MAX_REDIRECTS + 1):
        try:
            with client.stream("GET", current, headers=headers) as resp:
                if resp.status_code in _REDIRECT_CODES and "location" in resp.headers:
                    target = urljoin(current, resp.headers["location"])
                    if not is_url(target):
                        raise FetchError(f"redirected to a non-http URL {target}", source=url)
                    if target in seen:
                        raise FetchError(
                            f"redirect loop ({' -> '.join([*seen, target])})", source=url
                        )
                    seen.append(target)
                    current = target
                    continue
                return _read(resp, url, current, max_bytes, accept, what, started)
        except httpx.TimeoutException as e:
            if time.monotonic() - started >= TOTAL_TIMEOUT:
                raise FetchError(
                    f"timed out: no complete answer within {TOTAL_TIMEOUT:g}s; "
                    "the site is slow or down, try again later",
                    source=url,
                ) from None
            raise FetchError(
                f"timed out ({type(e).__name__}); the site is slow or down, try again later",
                source=url,
            ) from None
        except httpx.TooManyRedirects:  # only if a caller's client follows redirects itself
            raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=url) from None
        except httpx.InvalidURL as e:
            raise FetchError(f"invalid URL ({e})", source=url) from None
        except httpx.HTTPError as e:
            raise FetchError(
                f"could not connect ({type(e).__name__}: {e or 'no details'})", source=url
            ) from None
    raise FetchError(f"more than {MAX_REDIRECTS} redirects ({' -> '.join(seen)})", source=url)


def _read(resp, url, current, max_bytes, accept, what, started) -> FetchResult:
    media, charset = _media_type(resp.headers.get("content-type"))
    final = canonical_url(str(resp.url) if resp.url else current)
    hdrs = {k.lower(): v for k, v in resp.headers.items()}
    if resp.status_code == 304:
        return FetchResult(url, final, 304, b"", media, charset, hdrs)
    if not 200 <= resp.status_code < 300:
        reason = resp.reason_phrase or ""
        hint = " (page not found)" if resp.status_code in (404, 410) else ""
        raise FetchError(f"HTTP {resp.status_code} {reason}{hint}".rstrip(), source=url)
    if media and media not in accept:
        if media in _FEED_ONLY:
            raise FetchError(
                f"this is a news feed ({media}), not an article; "
                "add it with `saidwhat feeds add URL`",
                source=url,
            )
        raise FetchError(f"content type is {media}, expected {what}", source=url)
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"too large: {int(declared):,} bytes declared, limit {max_bytes:,}", source=url
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(
                f"too large: more than {max_bytes:,} bytes; raise the size limit", source=url
            )
        if time.monotonic() - started > TOTAL_TIMEOUT:
            raise FetchError(
                f"timed out: no complete answer within {TOTAL_TIMEOUT:g}s; "
                "the site is slow or down, try again later",
                source=url,
            )
        chunks.append(chunk)
    return FetchResult(url, final, resp.status_code, b"".join(chunks), media, charset, hdrs)


def _looks_like_feed(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return b"<rss" in head or (b"<feed" in head and b"atom" in head) or b"<rdf:rdf" in head


def document_from_response(res: FetchResult, ref: str, *, fmt: str = "url") -> Document:
    """A document from a fetched body: HTML via trafilatura, PDF via pypdf, text as is."""
    from saidwhat.sources.encoding import decode_page
    from saidwhat.sources.html import decode_html, extract_html
    from saidwhat.sources.pdf import extract_pdf

    body = res.content
    if not body.strip():
        raise FetchError("empty response body", source=ref)
    media = res.content_type
    if media == "application/pdf" or (not media and body.startswith(b"%PDF")):
        doc = extract_pdf(body, ref, url=res.final_url, fmt=fmt)
    elif media == "text/plain":
        text = decode_page(body, ref, res.charset)
        from saidwhat.sources.files import guess_title

        doc = Document(text=text, ref=ref, url=res.final_url, title=guess_title(text), format=fmt)
    else:
        if _looks_like_feed(body):
            raise FetchError(
                "this is a news feed, not an article; add it with `saidwhat feeds add URL`",
                source=ref,
            )
        doc = extract_html(decode_html(body, ref, res.charset), ref, url=res.final_url, fmt=fmt)
    doc.metadata.setdefault("fetched_url", res.url)
    if fmt == "url" and not doc.outlet:
        doc.outlet = host_name(res.final_url)
    return doc


def host_name(url: str) -> str | None:
    """``www.example.org`` -> ``example.org``: the outlet when a page names none."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def fetch_document(
    url: str,
    *,
    client: httpx.Client | None = None,
    max_bytes: int = MAX_BYTES,
    ref: str | None = None,
    fmt: str = "url",
) -> Document:
    """Fetch ``url`` and extract its main text and provenance (FetchError/SourceError if not)."""
    res = fetch(url, client=client, max_bytes=max_bytes)
    return document_from_response(res, ref or url, fmt=fmt)
