"""The dossier PDF: no heading left alone at the foot of a page, no page left mostly blank,
and a big dossier laid out in pieces with page numbers that run on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from saidwhat.reports.dossier import build_dossier, write_dossier
from saidwhat.search.query import Hit

SENTENCE = "The harbour council said the ferry crossing would reopen after the winter storms"


def hit(i: int, speaker: str, sentences: int) -> Hit:
    quote = " ".join(f"{SENTENCE}, part {i}.{k}." for k in range(sentences))
    return Hit(
        id=i, quote=quote, quote_start=0, quote_end=len(quote), kind="direct", speaker=speaker,
        speaker_mention=speaker, speaker_start=None, speaker_end=None, speaker_type=None,
        cue="said", role="Harbour official", organisation=None, country=None,
        date=f"2026-05-{1 + i % 28:02d}", source=None, source_missing=False, confidence=0.9,
        fragments=None, headline=f"Headline number {i}", person_id=None, person=speaker,
        doc_id=i % 5, doc=f"https://gazette.example/{i % 5}", title=f"Story {i % 5}",
        outlet="Harbour Gazette", url=f"https://gazette.example/{i % 5}", published=None,
    )  # fmt: skip


def layout_hits() -> list[Hit]:
    """Short quotes, then quotes of about three quarters of a page, across six speakers."""
    out = []
    for i in range(36):
        sentences = 22 if i % 4 == 3 else 2
        out.append(hit(i + 1, f"Speaker {i % 6} Varga", sentences))
    return out


def pages(path: Path) -> list[tuple[float, float, list[str]]]:
    """(page height, lowest text bottom, text lines) per page, footer excluded."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    out = []
    for page in pdf:
        height = page.get_height()
        text = page.get_textpage()
        lowest = height
        footer_zone = 20 * 72 / 25.4  # the bottom margin, where the page number is
        for i in range(text.count_chars()):
            left, bottom, right, _top = text.get_charbox(i)
            if bottom > footer_zone and right > left:
                lowest = min(lowest, bottom)
        lines = [ln.strip() for ln in text.get_text_range().splitlines() if ln.strip()]
        lines = [ln for ln in lines if not re.fullmatch(r"\d+( / \d+)?", ln)]
        out.append((height, lowest, lines))
    pdf.close()
    return out


@pytest.mark.slow
def test_headings_stay_with_their_text_and_pages_are_filled(tmp_path):
    d = build_dossier(layout_hits(), "Harbour talks")
    path = write_dossier(d, tmp_path / "layout.pdf")
    headings = {q.headline for s in d.sections for q in s.quotes} | {s.speaker for s in d.sections}
    laid_out = pages(path)
    assert len(laid_out) > 5
    body_pages = [p for p in laid_out if "Sources" not in p[2]][:-1]
    for n, (height, lowest, lines) in enumerate(body_pages, 1):
        assert lines[-1] not in headings, f"page {n} ends with the heading {lines[-1]!r}"
        # Text reaches the last third of the page: no page is left two-thirds blank.
        assert lowest < height / 3, f"page {n}: text ends {lowest:.0f}pt from the bottom"


@pytest.mark.slow
def test_big_dossier_is_laid_out_in_pieces(tmp_path):
    from pypdf import PdfReader

    hits = [hit(i + 1, f"Speaker {i % 4} Varga", 3) for i in range(40)]
    d = build_dossier(hits, "Harbour talks")
    calls: list[tuple[int, int]] = []
    from saidwhat.reports.pdf import write_pdf

    path = write_pdf(
        d, tmp_path / "big.pdf", progress=lambda a, b: calls.append((a, b)), per_piece=12
    )
    assert [c[1] for c in calls] == [40] * len(calls) and calls[-1][0] == 40
    assert len(calls) >= 4 and [c[0] for c in calls] == sorted(c[0] for c in calls)
    reader = PdfReader(path)
    text = "\n".join(p.extract_text() for p in reader.pages)
    for h in hits:
        assert f"Headline number {h.id}" in text
    assert "Sources" in text and "Documents used" in text
    numbers = []
    for p in reader.pages:
        found = re.findall(r"^(\d+)$", p.extract_text(), re.M)
        numbers.append(int(found[-1]) if found else None)
    assert numbers == list(range(1, len(reader.pages) + 1))  # page numbers run on across pieces
    assert reader.metadata.title == "Harbour talks"


@pytest.mark.parametrize("per_piece", [5, 10, 12, 40])
def test_pieces_never_end_with_a_bare_speaker_heading(per_piece):
    from saidwhat.reports.html import html_chunks

    hits = [hit(i + 1, f"Speaker {i // 10} Varga", 1) for i in range(40)]  # 4 x 10 statements
    pieces = list(html_chunks(build_dossier(hits, "T"), per_piece))
    assert sum(n for _, n in pieces) == 40
    for make, _ in pieces:
        html = make(1)
        for section in re.findall(r'<section class="speaker".*?</section>', html, re.S):
            assert "<figure" in section, section
