"""A dossier as PDF, laid out by WeasyPrint from the HTML rendering.

WeasyPrint lays a whole document out in memory (about a quarter of a second
and some hundreds of kilobytes per page), so a big dossier is laid out in
pieces of :data:`STATEMENTS_PER_PIECE` statements, each written to PDF and
appended to the output: memory stays that of one piece, and progress is
reported piece by piece. Page numbers run on across pieces; in a dossier of
several pieces the footer shows the page number alone (the total is not known
while the first pieces are laid out) and the ``[n]`` citation numbers are not
links (their sources are in another piece).
"""

from __future__ import annotations

import gc
import io
import logging
from collections.abc import Callable
from pathlib import Path

from saidwhat.errors import ReportError
from saidwhat.reports.dossier import Dossier, check_writable
from saidwhat.reports.html import html_chunks, render_html

log = logging.getLogger(__name__)

#: Statements laid out at a time (a few hundred pages' worth at most).
STATEMENTS_PER_PIECE = 300

#: ``progress(statements_done, statements_total)``, called after each piece.
PdfProgress = Callable[[int, int], None]


def _weasyprint(path: str | Path):
    try:
        import weasyprint  # slow to import: only when a PDF is asked for
    except ImportError as e:  # pragma: no cover - weasyprint is a dependency
        raise ReportError(
            f"PDF output needs WeasyPrint ({e}); install it or write .html instead",
            source=str(path),
        ) from e
    # WeasyPrint logs every CSS nit at WARNING; keep them out of the user's way.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def _cannot_write(path: str | Path, e: OSError) -> ReportError:
    return ReportError(
        f"cannot write it ({e.strerror or e}); choose another output path", source=str(path)
    )


def html_to_pdf(html_text: str, path: str | Path) -> Path:
    """Render ``html_text`` to a PDF file at ``path``."""
    p = check_writable(path)
    weasyprint = _weasyprint(path)
    try:
        document = weasyprint.HTML(string=html_text, base_url=None).render()
        document.write_pdf(str(p))
    except OSError as e:
        raise _cannot_write(path, e) from e
    log.info("wrote %s (%d pages)", p, len(document.pages))
    return p


def write_pdf(
    dossier: Dossier,
    path: str | Path,
    *,
    progress: PdfProgress | None = None,
    per_piece: int = STATEMENTS_PER_PIECE,
) -> Path:
    """Write ``dossier`` as a PDF file (in pieces when it is big; see the module doc)."""
    if dossier.statements <= per_piece:
        p = html_to_pdf(render_html(dossier), path)
        if progress:
            progress(dossier.statements, dossier.statements)
        return p
    from pypdf import PdfReader, PdfWriter

    p = check_writable(path)
    weasyprint = _weasyprint(path)
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # found once, for every piece
    writer = PdfWriter()
    done = 0
    for make_html, statements in html_chunks(dossier, per_piece):
        first_page = len(writer.pages) + 1
        piece = io.BytesIO()
        weasyprint.HTML(string=make_html(first_page), base_url=None).write_pdf(
            piece, font_config=fonts
        )
        for page in PdfReader(piece).pages:
            writer.add_page(page)
        done += statements
        gc.collect()  # the piece's layout is garbage now; give its memory back before the next
        if progress:
            progress(done, dossier.statements)
        log.info("laid out %d of %d statements (%d pages)", done, dossier.statements, first_page)
    writer.add_metadata({"/Title": dossier.title, "/Producer": "saidwhat (WeasyPrint, pypdf)"})
    try:
        with open(p, "wb") as fh:
            writer.write(fh)
    except OSError as e:
        raise _cannot_write(path, e) from e
    log.info("wrote %s (%d pages)", p, len(writer.pages))
    return p
