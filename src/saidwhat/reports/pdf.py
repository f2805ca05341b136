"""A dossier as PDF, laid out by WeasyPrint from the HTML rendering."""

from __future__ import annotations

import logging
from pathlib import Path

from saidwhat.errors import ReportError
from saidwhat.reports.dossier import Dossier, check_writable
from saidwhat.reports.html import render_html

log = logging.getLogger(__name__)


def html_to_pdf(html_text: str, path: str | Path) -> Path:
    """Render ``html_text`` to a PDF file at ``path``."""
    p = check_writable(path)
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
    try:
        document = weasyprint.HTML(string=html_text, base_url=None).render()
        document.write_pdf(str(p))
    except OSError as e:
        raise ReportError(
            f"cannot write it ({e.strerror or e}); choose another output path", source=str(path)
        ) from e
    log.info("wrote %s (%d pages)", p, len(document.pages))
    return p


def write_pdf(dossier: Dossier, path: str | Path) -> Path:
    """Write ``dossier`` as a PDF file."""
    return html_to_pdf(render_html(dossier), path)
