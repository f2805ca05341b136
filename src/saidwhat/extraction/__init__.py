"""Statement extraction: quotations, cues and speakers (see :mod:`.pipeline`).

Nothing is loaded at import time; the spaCy model loads on first use.
"""

from __future__ import annotations

from ..model import Document, Extraction
from .pipeline import Extractor

__all__ = ["Extractor", "extract_text"]

_default: Extractor | None = None


def extract_text(text: str, ref: str = "<text>") -> Extraction:
    """Extract statements from plain text with a shared, lazily loaded Extractor."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(Document(text=text, ref=ref))
