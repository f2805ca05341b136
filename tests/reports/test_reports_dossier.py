"""Dossiers: model, Markdown/HTML golden files, escaping, PDF, unwritable paths, CLI."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from saidwhat.errors import ReportError, UsageError
from saidwhat.reports.dossier import (
    NO_SPEAKER_SECTION,
    build_dossier,
    headline_for,
    render,
    write_dossier,
)
from saidwhat.reports.html import render_html
from saidwhat.reports.markdown import render_markdown
from saidwhat.search.query import SearchFilters, search_statements

GOLDEN = Path(__file__).parent / "golden"
TITLE = "Reactions to the foreign minister's visit"


def make_dossier(store, **kw):
    filters = SearchFilters(limit=None, until="2024-05-03")
    hits = search_statements(store, filters)
    return build_dossier(hits, TITLE, description=filters.describe(), **kw)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text, f"{name} changed; UPDATE_GOLDEN=1 to accept"


def test_model_groups_by_speaker_with_numbered_citations(store):
    d = make_dossier(store)
    assert d.statements == 7 and (d.date_from, d.date_to) == ("2024-05-01", "2024-05-03")
    names = [s.speaker for s in d.sections]
    # Most statements first; ties by earliest statement; unattributed last.
    assert names == [
        "Sergey Lavrov",
        "Hakan Fidan",
        "Josep Borrell",
        "Maria Zakharova",
        "Pavel Lavrov",
        NO_SPEAKER_SECTION,
    ]
    lavrov = d.sections[0]
    assert lavrov.role == "Russian Foreign Minister"
    assert [q.headline for q in lavrov.quotes] == [
        "Lavrov calls Ankara talks constructive",
        "Sanctions will not change our course, whatever Brussels decides.",
    ]
    assert [c.number for c in d.citations] == list(range(1, 8))
    assert [q.citation for s in d.sections for q in s.quotes] == list(range(1, 8))
    zakharova = d.citations[d.sections[3].quotes[0].citation - 1]
    assert zakharova.source_missing and zakharova.outlet == "Reuters"
    assert not d.citations[0].source_missing and d.citations[0].source == "TASS"
    assert [doc.doc for doc in d.documents] == [
        "https://tass.example/visit-1",
        "https://reuters.example/reactions",
        "notes/visit.txt",
    ]
    assert d.summary_line == (
        "7 statements by 5 speakers (1 without an identified speaker) from 3 sources, "
        "2024-05-01 – 2024-05-03."
    )


def test_time_order(store):
    hits = search_statements(store, SearchFilters(limit=None))
    pavel = next(h for h in hits if h.person == "Pavel Lavrov")
    hits += [replace(pavel, id=100 + i) for i in range(2)]
    by_importance = [s.speaker for s in build_dossier(hits, "T").sections]
    assert by_importance[:3] == ["Pavel Lavrov", "Sergey Lavrov", "Hakan Fidan"]
    by_time = [s.speaker for s in build_dossier(hits, "T", order="time").sections]
    assert by_time == [
        "Sergey Lavrov",
        "Hakan Fidan",
        "Josep Borrell",
        "Maria Zakharova",
        "Pavel Lavrov",
        NO_SPEAKER_SECTION,
    ]
    with pytest.raises(UsageError, match="unknown order"):
        make_dossier(store, order="size")


def test_headline_is_the_first_sentence_shortened(store):
    (hit,) = search_statements(store, SearchFilters(text="constructive"))
    hit.headline = None
    assert headline_for(hit) == "Our talks with Hakan Fidan were constructive."
    hit.quote = "“What? He’s been fired? You must be kidding!”"
    assert headline_for(hit) == "What?"
    hit.quote = "word " * 40
    assert headline_for(hit, 30).endswith("…") and len(headline_for(hit, 30)) <= 30


def test_golden_markdown_and_html(store):
    d = make_dossier(store)
    md = render_markdown(d)
    html = render_html(d)
    check_golden("dossier.md", md)
    check_golden("dossier.html", html)
    # Same inputs, same bytes.
    again = make_dossier(store)
    assert render_markdown(again) == md and render_html(again) == html


def test_html_escapes_every_piece_of_document_text(store):
    html = render_html(make_dossier(store))
    assert "<script>" not in html and "</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>Notes</b>" not in html and "&lt;b&gt;Notes&lt;/b&gt;" in html
    assert "coming &amp; soon" in html
    assert "(source not named in the document)" in html
    assert html.count("<style>") == 1 and "<link" not in html and "src=" not in html


def test_html_only_links_http_urls(store):
    hits = search_statements(store, SearchFilters(text="constructive"))
    hits[0].url = "javascript:alert(1)"
    html = render_html(build_dossier(hits, "<i>T</i>"))
    assert 'href="javascript' not in html and "javascript:alert(1)" in html
    assert "<title>&lt;i&gt;T&lt;/i&gt;</title>" in html


def test_markdown_escapes_markup(store):
    md = render_markdown(make_dossier(store))
    assert "<script>" not in md and r"\<script\>" in md
    assert "(source not named in the document)" in md


def test_write_md_html_and_unwritable_paths(store, tmp_path: Path):
    d = make_dossier(store)
    assert write_dossier(d, tmp_path / "d.md").read_text(encoding="utf-8") == render(d, "md")
    assert write_dossier(d, tmp_path / "d.html").read_bytes() == render(d, "html").encode()
    with pytest.raises(ReportError, match="does not exist"):
        write_dossier(d, tmp_path / "missing" / "d.html")
    with pytest.raises(ReportError, match="is a folder"):
        write_dossier(d, tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportError):
        write_dossier(d, blocker / "d.md")
    with pytest.raises(UsageError, match=r"\.md, \.html or \.pdf"):
        write_dossier(d, tmp_path / "d.docx")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_folder(store, tmp_path: Path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(ReportError, match="cannot write"):
            write_dossier(make_dossier(store), ro / "d.md")
    finally:
        ro.chmod(0o700)


def test_pdf_is_produced(store, tmp_path: Path):
    path = write_dossier(make_dossier(store), tmp_path / "d.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    # The PDF opens: render its first page to PNG (PDFium, from PyPI) and check the
    # picture holds more than a blank page would.
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    assert len(pdf) >= 1
    png = tmp_path / "page1.png"
    pdf[0].render(scale=1).to_pil().save(png)
    assert png.stat().st_size > 10_000
    pdf.close()
    from pypdf import PdfReader

    assert "Reactions to the foreign" in PdfReader(path).pages[0].extract_text()
    with pytest.raises(ReportError, match="does not exist"):
        write_dossier(make_dossier(store), tmp_path / "nope" / "d.pdf")


def test_cli_dossier(run, tmp_path: Path):
    from search_samples import fill_sample

    from saidwhat.store.db import open_store

    fill_sample(open_store(run.db)).close()
    out = tmp_path / "r.md"
    args = ["dossier", "--title", TITLE, "--until", "2024-05-03", "-o", out]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "7 statements by 5 speakers (1 without an identified speaker)" in result.stdout
    first = out.read_bytes()
    assert run(*args).exit_code == 0 and out.read_bytes() == first
    result = run(
        "dossier", "--title", "Lavrov", "--speaker", "Sergei Lavrov", "-o", tmp_path / "l.html"
    )
    assert result.exit_code == 0 and "2 statements by 1 speaker " in result.stdout
    result = run("dossier", "--title", "T", "-o", tmp_path / "no" / "x.html")
    assert result.exit_code == 1 and "does not exist" in result.stderr
    result = run("dossier", "--title", "T", "--speaker", "Nobody", "-o", tmp_path / "x.html")
    assert result.exit_code == 1 and "no speaker named" in result.stderr
    result = run("dossier", "xyzzy", "--title", "T", "-o", tmp_path / "e.md")
    assert result.exit_code == 0 and "0 statements" in result.stdout
