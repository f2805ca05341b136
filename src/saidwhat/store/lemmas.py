"""The lemma column of Russian and Ukrainian statements (searched beside the quote)."""

from __future__ import annotations

from typing import Any

from saidwhat.model import Document


def index_lemmas(conn: Any, document_id: int, doc: Document) -> None:
    """Fill ``statements.quote_lemmas`` for the statements of a ru/uk document."""
    from saidwhat.extraction import slavic
    from saidwhat.extraction.slavic.lemmas import lemma_text

    language = slavic.language_of(doc)
    if language is None:
        return
    rows = conn.execute(
        "SELECT id, quote FROM statements WHERE document_id = ?", (document_id,)
    ).fetchall()
    for sid, quote in rows:
        lemmas = lemma_text(quote, language)
        if lemmas:
            conn.execute("UPDATE statements SET quote_lemmas = ? WHERE id = ?", (lemmas, sid))
