"""Encodings: byte-order marks are honoured; someone else's page with a stray byte is read, with a warning."""

from __future__ import annotations

import codecs
import logging

import pytest

from saidwhat.errors import SourceError
from saidwhat.model import Document
from saidwhat.sources import iter_documents
from saidwhat.sources.web import fetch_document

TEXT = "Velda, 3 May 2026\n\n“We will reopen the crossing,” said Mayor Ilse Varga. Ça va.\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("le.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
        ("be.md", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
        ("u32.txt", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le")),
        ("u8.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ],
)
def test_text_with_a_byte_order_mark_is_read(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    (doc,) = list(iter_documents([str(tmp_path / name)], detect=False))
    assert isinstance(doc, Document), doc
    assert doc.text == TEXT  # the mark dropped, nothing else changed: offsets hold
    assert doc.title == "Velda, 3 May 2026"


def test_utf16_html_file_with_bom(tmp_path):
    page = (
        "<html><head><title>Crossing</title></head><body><article><p>"
        + "The mayor said the crossing would reopen on Monday, after two weeks. " * 4
        + "</p></article></body></html>"
    )
    (tmp_path / "page.html").write_bytes(codecs.BOM_UTF16_LE + page.encode("utf-16-le"))
    (doc,) = list(iter_documents([str(tmp_path / "page.html")], detect=False))
    assert isinstance(doc, Document), doc
    assert "crossing would reopen" in doc.text


def test_own_text_file_in_latin1_is_still_an_error(tmp_path):
    (tmp_path / "l1.txt").write_bytes("Café au lait".encode("latin-1"))
    (err,) = list(iter_documents([str(tmp_path / "l1.txt")], detect=False))
    assert isinstance(err, SourceError) and "invalid UTF-8 at byte 3" in str(err)


def test_page_with_a_stray_latin1_byte_is_read_with_a_warning(fresh_site, client, caplog):
    url = fresh_site.url("/stray-latin1.html")
    with caplog.at_level(logging.WARNING, logger="saidwhat"):
        doc = fetch_document(url, client=client)
    assert "Caf\ufffd Story number 5" in doc.text
    assert "Café talks" in doc.title
    (warning,) = [r.getMessage() for r in caplog.records if r.name.startswith("saidwhat")]
    assert warning.startswith(url) and "1 byte that is not UTF-8" not in warning
    assert "not UTF-8" in warning and "replaced" in warning


def test_fetched_text_with_stray_bytes(fresh_site, client, caplog):
    with caplog.at_level(logging.WARNING, logger="saidwhat"):
        doc = fetch_document(fresh_site.url("/broken-utf8.txt"), client=client)
    assert doc.text.startswith("Café \ufffd\ufffd bad bytes")
    assert any(
        "2 bytes that are not UTF-8 (first at byte 6" in r.getMessage() for r in caplog.records
    )


def test_unknown_charset_is_read_as_utf8_with_a_warning(fresh_site, client, caplog):
    with caplog.at_level(logging.WARNING, logger="saidwhat"):
        doc = fetch_document(fresh_site.url("/bogus-charset.txt"), client=client)
    assert doc.text == "The minister said “we will talk” in Velda."
    assert any("unknown charset 'x-bogus-42'" in r.getMessage() for r in caplog.records)
