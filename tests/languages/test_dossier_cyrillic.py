"""Dossiers of Russian and Ukrainian statements: Cyrillic in Markdown, HTML and PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus-ru-uk"
QUOTE = "Мы приехали не для того, чтобы делать вид"


@pytest.fixture(scope="module")
def cli(tmp_path_factory, make_cli):
    cli = make_cli(tmp_path_factory.mktemp("dossier") / "d.db")
    result = cli("ingest", str(CORPUS))
    assert result.exit_code == 0, result.output
    return cli


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_dossiers_keep_cyrillic(cli, tmp_path, fmt):
    out = tmp_path / f"d.{fmt}"
    # the speaker filter in Latin script finds the person named in Cyrillic
    result = cli("dossier", "--speaker", "Sergey Ostrikov", "--title", "Остриков", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Сергей Остриков" in text
    assert QUOTE in text.replace("\n", " ")


def _cyrillic_families() -> set[str]:
    if shutil.which("fc-list") is None:
        return set()
    res = subprocess.run(["fc-list", ":lang=ru", "family"], capture_output=True, text=True)
    return {f.strip() for line in res.stdout.splitlines() for f in line.split(",") if f.strip()}


def test_pdf_dossier_draws_cyrillic_with_a_cyrillic_font(cli, tmp_path):
    families = _cyrillic_families()
    if not families:
        pytest.skip("no font with Cyrillic glyphs installed (.ci/run installs fonts-dejavu-core)")
    from pypdf import PdfReader

    out = tmp_path / "d.pdf"
    result = cli("dossier", "--speaker", "Сергей Остриков", "--title", "Остриков", "-o", str(out))
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Остриков" in text
    used = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            # "/ABCDEF+DejaVu-Serif-Bold" -> "DejaVu Serif"
            name = str(font.get_object()["/BaseFont"]).split("+")[-1]
            used.add(re.sub(r"-(Bold|Italic|Oblique|BoldItalic|Regular)$", "", name))
    normalised = {f.replace(" ", "-") for f in families}
    assert used & normalised, (used, sorted(normalised)[:10])
