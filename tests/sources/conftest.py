"""A local HTTP server for the source tests: pages, feeds and every way a fetch can fail.

Nothing here reaches outside the machine: the server listens on 127.0.0.1
and serves documents written for these tests.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

FIXTURES = Path(__file__).parent / "fixtures"

RSS_ETAG = '"rss-v1"'
ATOM_LAST_MODIFIED = "Fri, 08 Mar 2024 12:00:00 GMT"

_ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title} | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-03-0{n}T08:00:00Z">
</head><body><nav>Home | Ferries | Weather</nav><article><h1>{title}</h1>
<p>Story number {n} from the harbour desk. The port authority met on Monday to discuss
the dredging of the northern channel, which has been delayed twice this winter.</p>
<p>"We expect the channel to be open for the spring fleet," said harbour master
Oskar Lindqvist, adding that the delay in story {n} was caused by storms.</p>
</article><footer>Harbour Gazette</footer></body></html>"""

_BARE = """<html><body><div>
<p>A short note with no title tag and no date anywhere in its markup. The ferry union
said it would meet the operator again next week to discuss the spring timetable.</p>
<p>"We are not done talking," union steward Petra Ilves said on the quay.</p>
</div></body></html>"""


def _rss(base: str) -> str:
    items = [
        (
            "1",
            f"{base}/news/1.html?utm_source=rss&amp;utm_medium=feed",
            "Thu, 07 Mar 2024 08:00:00 GMT",
        ),
        ("2", f"{base}/news/2.html", "Thu, 07 Mar 2024 09:00:00 GMT"),
        ("bare", f"{base}/news/bare.html", "Fri, 08 Mar 2024 10:00:00 GMT"),
        ("gone", f"{base}/news/gone.html", "Fri, 08 Mar 2024 11:00:00 GMT"),
    ]
    body = "".join(
        f"<item><title>Entry title {i}</title><link>{link}</link>"
        f"<guid isPermaLink='false'>gazette-{i}</guid><pubDate>{date}</pubDate></item>"
        for i, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Harbour Gazette RSS</title><link>{base}/</link>"
        f"<description>News from the harbour</description>{body}</channel></rss>"
    )


def _atom(base: str) -> str:
    entries = "".join(
        f"<entry><title>Atom entry {n}</title><id>urn:gazette:{n}</id>"
        f'<link href="{base}/news/{n}.html"/><updated>2024-03-0{n}T08:00:00Z</updated></entry>'
        for n in (3, 4)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Harbour Gazette Atom</title><id>urn:gazette</id>"
        f"<updated>2024-03-08T12:00:00Z</updated>{entries}</feed>"
    )


def _full_rss(base: str) -> str:
    """Entries whose links are dead: one carries its full text, one only a teaser."""
    full = "".join(
        f"<p>Paragraph {i} of the paywalled report: the harbour board said the new pier "
        f"would open in {2025 + i}, and the contractor confirmed the schedule again.</p>"
        for i in range(6)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Paywalled Post</title>"
        f"<item><title>Pier report</title><link>{base}/news/paywalled.html</link>"
        "<guid>pw-1</guid><pubDate>Sat, 09 Mar 2024 07:00:00 GMT</pubDate>"
        f"<description>Short teaser.</description><content:encoded><![CDATA[{full}]]>"
        "</content:encoded></item>"
        f"<item><title>Teaser only</title><link>{base}/news/teaser.html</link>"
        "<guid>pw-2</guid><description>Just a teaser.</description></item>"
        "</channel></rss>"
    )


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **hdrs):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in hdrs.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target: str, status: int = 302) -> None:
        self.send_response(status)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        state = self.server.state
        state.hits[path] += 1
        state.requests.append((path, dict(self.headers.items())))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if path == "/article.html":
            self._send(200, (FIXTURES / "article.html").read_bytes())
        elif path.startswith("/news/") and path.endswith(".html"):
            name = path[len("/news/") : -len(".html")]
            if name == "bare":
                self._send(200, _BARE.encode())
            elif name.isdigit():
                self._send(
                    200, _ARTICLE.format(n=name, title=f"Channel works, part {name}").encode()
                )
            else:
                self._send(404, b"<h1>Not found</h1>")
        elif path == "/gzip.html":
            body = gzip.compress((FIXTURES / "article.html").read_bytes())
            self._send(200, body, Content_Encoding="gzip")
        elif path == "/redirect":
            self._redirect("/redirect2")
        elif path == "/redirect2":
            self._redirect(
                f"{base.replace('127.0.0.1', '127.0.0.1')}/article.html?utm_source=x&id=7#top", 301
            )
        elif path == "/loop-a":
            self._redirect("/loop-b")
        elif path == "/loop-b":
            self._redirect("/loop-a")
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            self._redirect(f"/chain/{n + 1}") if n < 10 else self._send(200, b"<p>end</p>")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, b"<p>too late</p>")
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65530 + b"</p>"
            try:
                for _ in range(128):  # up to 8 MB, the client should hang up long before
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(2 * 1024**3))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(b"<p>not really 2 GB</p>")
        elif path == "/missing":
            self._send(404, b"<h1>Not found</h1>")
        elif path == "/error":
            self._send(500, b"<h1>Internal error</h1>")
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        elif path == "/broken-utf8.txt":
            self._send(
                200, "Caf\u00e9 ".encode() + b"\xff\xfe bad bytes", "text/plain; charset=utf-8"
            )
        elif path == "/latin1-undeclared.txt":
            body = "Café, crème brûlée, déjà vu, à la carte, façade, naïve. " * 3
            self._send(200, body.encode("latin-1"), "text/plain")
        elif path == "/bogus-charset.txt":
            body = "The minister said “we will talk” in Velda.".encode()
            self._send(200, body, "text/plain; charset=x-bogus-42")
        elif path == "/stray-latin1.html":
            page = _ARTICLE.format(n=5, title="Caf\u00e9 talks").encode()
            at = page.index(b"Story number")
            self._send(200, page[:at] + b"Caf\xe9 " + page[at:], "text/html")
        elif path == "/cp1251.html":
            html = '<html><head><meta charset="windows-1251"><title>Вести</title></head><body>'
            html += "<article><p>" + "Министр заявил, что переговоры продолжатся. " * 8
            html += "</p></article></body></html>"
            self._send(200, html.encode("cp1251"), "text/html")
        elif path == "/doc.pdf":
            self._send(200, state.pdf, "application/pdf")
        elif path == "/empty-page.html":
            self._send(200, b"<html><body><script>var x = 1;</script></body></html>")
        elif path == "/feeds/rss.xml":
            if self.headers.get("If-None-Match") == RSS_ETAG:
                self.send_response(304)
                self.send_header("ETag", RSS_ETAG)
                self.end_headers()
                return
            self._send(200, _rss(base).encode(), "application/rss+xml", ETag=RSS_ETAG)
        elif path == "/feeds/atom.xml":
            if self.headers.get("If-Modified-Since") == ATOM_LAST_MODIFIED:
                self.send_response(304)
                self.end_headers()
                return
            self._send(
                200, _atom(base).encode(), "application/atom+xml", Last_Modified=ATOM_LAST_MODIFIED
            )
        elif path == "/feeds/fuzz.xml":
            self._send(200, state.fuzz_body, "application/rss+xml")
        elif path == "/feeds/full.xml":
            self._send(200, _full_rss(base).encode(), "application/rss+xml")
        elif path == "/feeds/broken.xml":
            self._send(200, b"this is {{ not a feed at all", "application/rss+xml")
        elif path == "/feeds/down.xml":
            self._send(503, b"maintenance", "text/plain")
        else:
            self._send(404, b"<h1>Not found</h1>")


class _State:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.pdf = b""
        self.fuzz_body = b""  # what /feeds/fuzz.xml serves (set by the fuzz tests)

    def reset(self) -> None:
        self.hits.clear()
        self.requests.clear()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: _State

    def handle_error(self, request, client_address) -> None:
        pass  # clients hanging up on /slow and /huge is what those tests do


class LocalSite:
    rss_etag = RSS_ETAG
    atom_last_modified = ATOM_LAST_MODIFIED

    def __init__(self, server: _Server) -> None:
        self.server = server
        self.base = f"http://127.0.0.1:{server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def hits(self) -> Counter[str]:
        return self.server.state.hits

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        return self.server.state.requests


def _make_pdf(lines: list[str], *, title: str | None = None) -> bytes:
    """A small valid one-page PDF with a real text layer (written by hand)."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({esc(ln)}) '" for ln in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    if title:
        objs.append(f"<< /Title ({esc(title)}) /CreationDate (D:20240307090000Z) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    info = f" /Info {len(objs)} 0 R" if title else ""
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


PDF_LINES = [
    "Statement by the Port Alder harbour council.",
    "The council chair said the ferry fares would rise in April.",
]


@pytest.fixture(scope="session")
def site():
    server = _Server(("127.0.0.1", 0), _Handler)
    server.state = _State()
    server.state.pdf = _make_pdf(PDF_LINES, title="Council statement")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LocalSite(server)
    server.shutdown()
    server.server_close()


@pytest.fixture
def fresh_site(site):
    site.server.state.reset()
    return site


@pytest.fixture
def client():
    """A client like saidwhat's, with timeouts short enough for tests."""
    from saidwhat.sources.web import make_client

    c = make_client(timeout=httpx.Timeout(0.5, connect=0.5))
    yield c
    c.close()


@pytest.fixture
def pdf_bytes() -> bytes:
    """A valid PDF whose text layer holds PDF_LINES."""
    return _make_pdf(PDF_LINES, title="Council statement")


@pytest.fixture
def make_pdf():
    """make_pdf(lines, title=None) -> bytes of a one-page PDF."""
    return _make_pdf
