"""URLs: main text and provenance, and a clear FetchError for every way a fetch fails."""

from __future__ import annotations

import pytest

from saidwhat.errors import FetchError, SourceError
from saidwhat.model import Document
from saidwhat.sources import iter_documents
from saidwhat.sources.web import USER_AGENT, canonical_url, fetch, fetch_document


def test_article_main_text_and_metadata(fresh_site, client):
    url = fresh_site.url("/article.html")
    doc = fetch_document(url, client=client)
    assert doc.ref == url
    assert doc.url == url
    assert doc.format == "url"
    assert doc.title == "Harbour council splits over new ferry fares"
    assert doc.outlet == "The Coastal Ledger"
    assert doc.author == "Mira Okonkwo"
    assert doc.published == "2024-03-07"
    assert "island commuters" in doc.text
    assert "All rights reserved" not in doc.text
    _, headers = fresh_site.requests[-1]
    assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("saidwhat/")
    assert "gzip" in headers["Accept-Encoding"]


def test_redirects_are_followed_and_final_url_canonical(fresh_site, client):
    doc = fetch_document(fresh_site.url("/redirect"), client=client)
    assert doc.ref == fresh_site.url("/redirect")
    assert doc.url == fresh_site.url("/article.html?id=7")


def test_gzip_body(fresh_site, client):
    doc = fetch_document(fresh_site.url("/gzip.html"), client=client)
    assert "island commuters" in doc.text


def test_pdf_url(fresh_site, client):
    doc = fetch_document(fresh_site.url("/doc.pdf"), client=client)
    assert "ferry fares would rise" in doc.text
    assert doc.title == "Council statement"


def test_declared_charset_in_page(fresh_site, client):
    doc = fetch_document(fresh_site.url("/cp1251.html"), client=client)
    assert "Министр заявил" in doc.text


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("/missing", "HTTP 404"),
        ("/error", "HTTP 500"),
        ("/loop-a", "redirect loop"),
        ("/chain/0", "more than 5 redirects"),
        ("/slow", "timed out"),
        ("/image.png", "content type is image/png"),
        ("/latin1-undeclared.txt", "invalid UTF-8 at byte 3"),
        ("/empty-page.html", "no article text"),
        ("/feeds/rss.xml", "feeds add"),
    ],
)
def test_fetch_failures_are_one_clear_line(fresh_site, client, path, needle):
    url = fresh_site.url(path)
    with pytest.raises(SourceError) as info:
        fetch_document(url, client=client)
    msg = str(info.value)
    assert needle in msg
    assert msg.startswith(url)
    assert "\n" not in msg


def test_huge_streamed_body_is_cut_off(fresh_site, client):
    with pytest.raises(FetchError, match="too large: more than 200,000 bytes"):
        fetch(fresh_site.url("/huge"), client=client, max_bytes=200_000)


def test_huge_declared_length_is_refused_before_reading(fresh_site, client):
    with pytest.raises(FetchError, match="2,147,483,648 bytes declared"):
        fetch(fresh_site.url("/huge-declared"), client=client, max_bytes=1_000_000)


def test_not_a_url():
    with pytest.raises(FetchError, match="not an http"):
        fetch("ftp://example.org/x")


def test_connection_refused(client):
    with pytest.raises(FetchError, match="could not connect"):
        fetch("http://127.0.0.1:9/nothing", client=client)


def test_batch_of_urls_goes_on(fresh_site, client):
    urls = [fresh_site.url(p) for p in ("/article.html", "/missing", "/slow", "/news/1.html")]
    items = list(iter_documents(urls, client=client))
    assert [type(i).__name__ for i in items] == ["Document", "FetchError", "FetchError", "Document"]
    assert items[1].source == urls[1]
    assert all(i.language == "en" for i in items if isinstance(i, Document))


@pytest.mark.parametrize(
    ("url", "canon"),
    [
        ("HTTPS://Example.ORG:443/a/b?utm_source=x&id=3#frag", "https://example.org/a/b?id=3"),
        ("http://example.org", "http://example.org/"),
        ("http://example.org:8080/x?fbclid=1&utm_campaign=y", "http://example.org:8080/x"),
        ("https://example.org/Path/Case?q=A+B", "https://example.org/Path/Case?q=A+B"),
    ],
)
def test_canonical_url(url, canon):
    assert canonical_url(url) == canon


def test_callers_own_client_still_identifies_saidwhat(fresh_site):
    import httpx

    with httpx.Client(timeout=2.0) as plain:
        fetch_document(fresh_site.url("/article.html"), client=plain)
    assert fresh_site.requests[-1][1]["User-Agent"] == USER_AGENT


def test_iter_documents_applies_max_bytes_to_urls(fresh_site, client):
    (err,) = iter_documents([fresh_site.url("/huge")], client=client, max_bytes=100_000)
    assert isinstance(err, FetchError) and "too large" in str(err)
