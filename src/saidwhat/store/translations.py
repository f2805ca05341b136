"""A reader's own translation of a statement, kept beside the original.

No machine translation: a translation is what a user typed (``saidwhat
translate``). Dossiers show the statement's language, the original quote and,
when there is one, the translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from saidwhat.errors import UsageError
from saidwhat.store.db import Store
from saidwhat.store.documents import now_iso

#: Longest translation accepted (characters).
MAX_TRANSLATION = 20_000


@dataclass
class Translation:
    statement_id: int
    language: str
    text: str
    added_at: str


def set_translation(store: Store, statement_id: int, text: str, language: str = "en") -> None:
    """Store (or replace) the translation of statement ``statement_id``."""
    text = text.strip()
    language = language.strip().lower()
    if not text:
        raise UsageError("the translation is empty")
    if len(text) > MAX_TRANSLATION:
        raise UsageError(f"the translation is longer than {MAX_TRANSLATION} characters")
    if not language.isalpha() or len(language) > 8:
        raise UsageError(f"{language!r} is not a language code (use e.g. en, de, fr)")
    with store.transaction() as conn:
        if (
            conn.execute("SELECT 1 FROM statements WHERE id = ?", (statement_id,)).fetchone()
            is None
        ):
            raise UsageError(f"no statement with id {statement_id}")
        conn.execute(
            "INSERT INTO translations (statement_id, language, text, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (statement_id) DO UPDATE SET language = excluded.language,"
            " text = excluded.text, added_at = excluded.added_at",
            (statement_id, language, text, now_iso()),
        )


def get_translation(store: Store, statement_id: int) -> Translation | None:
    row = store.conn.execute(
        "SELECT statement_id, language, text, added_at FROM translations WHERE statement_id = ?",
        (statement_id,),
    ).fetchone()
    return Translation(*row) if row else None


def languages_and_translations(
    store: Store, statement_ids: list[int]
) -> dict[int, tuple[str | None, Translation | None]]:
    """For each statement: its document's language and its translation, if any."""
    out: dict[int, tuple[str | None, Translation | None]] = {}
    for k in range(0, len(statement_ids), 500):  # bounded IN lists
        chunk = statement_ids[k : k + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            "SELECT s.id, d.language, t.language, t.text, t.added_at FROM statements s"
            " JOIN documents d ON d.id = s.document_id"
            f" LEFT JOIN translations t ON t.statement_id = s.id WHERE s.id IN ({marks})",
            chunk,
        ).fetchall()
        for sid, doc_lang, t_lang, t_text, t_at in rows:
            tr = Translation(sid, t_lang, t_text, t_at) if t_text is not None else None
            out[int(sid)] = (doc_lang, tr)
    return out


def annotate_hits(store: Store, hits) -> None:
    """Put ``language`` and ``translation`` into each search hit's ``extra``."""
    info = languages_and_translations(store, [h.id for h in hits])
    for h in hits:
        lang, tr = info.get(h.id, (None, None))
        h.extra["language"] = lang
        if tr is not None:
            h.extra["translation"] = tr
