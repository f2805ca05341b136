"""Files and folders: exact text, provenance, and one clear error per bad item."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from saidwhat.errors import SourceError
from saidwhat.model import Document
from saidwhat.sources import iter_documents

FIXTURES = Path(__file__).parent / "fixtures"


def _all(*inputs: str, **kw) -> list[Document | SourceError]:
    return list(iter_documents(list(inputs), **kw))


def _one(path: Path | str, **kw) -> Document | SourceError:
    items = _all(str(path), **kw)
    assert len(items) == 1, items
    return items[0]


def test_txt_is_read_exactly_with_title_and_dateline(tmp_path):
    src = FIXTURES / "plain-article.txt"
    doc = _one(src)
    assert isinstance(doc, Document)
    assert doc.text == src.read_text(encoding="utf-8")
    assert doc.ref == str(src)
    assert doc.title == "Mayor promises new bus lanes by summer"
    assert doc.published == "2024-03-08"
    assert doc.format == "txt"
    assert doc.language == "en"


def test_bom_is_the_only_change(tmp_path):
    body = "Title line\r\n\r\n“Quoted,” she said.\u00a0Tabs\tstay.\n"
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    doc = _one(p)
    assert doc.text == body


def test_markdown_title_drops_hashes(tmp_path):
    p = tmp_path / "note.md"
    p.write_text("# Budget talks stall\n\nThe finance minister said talks would resume.\n")
    doc = _one(p)
    assert doc.format == "md"
    assert doc.title == "Budget talks stall"


def test_long_first_line_is_not_a_title(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("word " * 60 + "end.\n")
    assert _one(p).title is None


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t\n", "empty"),
        ("binary.txt", b"\x00\x01\x02binary\x00data", "binary"),
        ("latin1.txt", "Café au lait".encode("latin-1"), "invalid UTF-8 at byte 3"),
    ],
)
def test_bad_text_files_give_one_clear_error(tmp_path, name, data, needle):
    p = tmp_path / name
    p.write_bytes(data)
    err = _one(p)
    assert isinstance(err, SourceError)
    assert needle in str(err)
    assert str(p) in str(err)
    assert "\n" not in str(err)


def test_too_large_file(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("a" * 5000)
    err = _one(p, max_bytes=1000)
    assert isinstance(err, SourceError)
    assert "too large" in str(err) and "5,000" in str(err)


def test_missing_path_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The minister said the talks would go on.\n")
    items = _all(str(tmp_path / "nope.txt"), str(good))
    assert isinstance(items[0], SourceError)
    assert "no such file" in str(items[0]) and "nope.txt" in str(items[0])
    assert isinstance(items[1], Document)


def test_unsupported_extension_named(tmp_path):
    p = tmp_path / "sheet.xlsx"
    p.write_bytes(b"PK\x03\x04")
    err = _one(p)
    assert isinstance(err, SourceError)
    assert ".xlsx" in str(err) and "supported" in str(err)


def test_folder_is_recursive_sorted_and_refs_join_the_folder_as_given(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("Alpha said yes.\n")
    (root / "b" / "c.md").write_text("Gamma said no.\n")
    (root / "b" / "skip.xlsx").write_text("ignored")
    (root / ".hidden.txt").write_text("ignored")
    (root / "z.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    items = _all("corpus/")
    refs = [i.ref if isinstance(i, Document) else i.source for i in items]
    assert refs == ["corpus/a.txt", "corpus/b/c.md", "corpus/z.txt"]
    assert isinstance(items[2], SourceError)


def test_folder_with_nothing_readable(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "data.xlsx").write_text("x")
    err = _one(tmp_path / "empty")
    assert isinstance(err, SourceError)
    assert "no readable documents" in str(err) and str(tmp_path / "empty") in str(err)


def test_folder_whose_files_all_fail(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.txt").write_bytes(b"")
    items = _all(str(tmp_path / "bad"))
    assert all(isinstance(i, SourceError) for i in items)
    assert "could be read" in str(items[-1])


def test_html_file_main_text_and_metadata(tmp_path):
    doc = _one(FIXTURES / "article.html")
    assert isinstance(doc, Document)
    assert doc.format == "html"
    assert doc.title == "Harbour council splits over new ferry fares"
    assert doc.outlet == "The Coastal Ledger"
    assert doc.author == "Mira Okonkwo"
    assert doc.published == "2024-03-07"
    assert "We cannot keep the boats running" in doc.text
    assert "All rights reserved" not in doc.text
    assert "Most read" not in doc.text


def test_html_file_in_a_declared_charset(tmp_path):
    p = tmp_path / "ru.html"
    html = '<html><head><meta charset="windows-1251"><title>Вести</title></head><body><article>'
    html += (
        "<p>" + "Министр заявил, что переговоры продолжатся. " * 8 + "</p></article></body></html>"
    )
    p.write_bytes(html.encode("cp1251"))
    doc = _one(p)
    assert "Министр заявил" in doc.text
    assert doc.language == "ru"


def test_html_without_text(tmp_path):
    p = tmp_path / "script.html"
    p.write_text("<html><body><script>var a = 1;</script></body></html>")
    err = _one(p)
    assert isinstance(err, SourceError) and "no article text" in str(err)


def test_pdf_text_layer(tmp_path, pdf_bytes):
    p = tmp_path / "statement.pdf"
    p.write_bytes(pdf_bytes)
    doc = _one(p)
    assert isinstance(doc, Document)
    assert doc.format == "pdf"
    assert doc.title == "Council statement"
    assert doc.published == "2024-03-07"
    assert "ferry fares would rise" in doc.text


def test_truncated_pdf(tmp_path, pdf_bytes):
    p = tmp_path / "cut.pdf"
    p.write_bytes(pdf_bytes[: len(pdf_bytes) // 2])
    err = _one(p)
    assert isinstance(err, SourceError)
    assert "truncated" in str(err) and "cut.pdf" in str(err)


def test_encrypted_pdf(tmp_path, pdf_bytes):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    p = tmp_path / "locked.pdf"
    p.write_bytes(out.getvalue())
    err = _one(p)
    assert isinstance(err, SourceError) and "encrypted" in str(err)


def test_pdf_without_text_layer(tmp_path, make_pdf):
    p = tmp_path / "scan.pdf"
    p.write_bytes(make_pdf([]))
    err = _one(p)
    assert isinstance(err, SourceError) and "no text layer" in str(err)


def test_mixed_batch_keeps_order(tmp_path, pdf_bytes):
    shutil.copy(FIXTURES / "plain-article.txt", tmp_path / "a.txt")
    (tmp_path / "b.pdf").write_bytes(pdf_bytes[:100])
    (tmp_path / "c.html").write_bytes((FIXTURES / "article.html").read_bytes())
    items = _all(str(tmp_path / "a.txt"), str(tmp_path / "b.pdf"), str(tmp_path / "c.html"))
    assert [type(i).__name__ for i in items] == ["Document", "SourceError", "Document"]


def test_byline_and_wire_dateline(tmp_path):
    p = tmp_path / "wire.txt"
    p.write_text(
        "Ferry strike ends after two days\n\nBy Jonas Ek\n\n"
        "PORT ALDER, March 9, 2024 (Harbourwire) - The ferry crews returned to work on Saturday.\n"
    )
    doc = _one(p)
    assert (doc.author, doc.outlet, doc.published) == ("Jonas Ek", "Harbourwire", "2024-03-09")
    p.write_text("Plain note\n\nBy the way, the crews said (in March) they were tired.\n")
    doc = _one(p)
    assert (doc.author, doc.outlet) == (None, None)
