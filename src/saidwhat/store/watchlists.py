"""Watchlists: named searches (their filters as JSON) in the ``watchlists`` table."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from saidwhat.store.concerns import Concern


class Watchlists(Concern):
    """``store.watchlists``: rows of id, name, filters (JSON text), created_at."""

    def save(self, name: str, payload: str, *, replace: bool) -> bool:
        """Store ``payload`` under ``name``; False (and no change) when it exists and not ``replace``."""
        with self.store.transaction() as conn:
            exists = conn.execute("SELECT id FROM watchlists WHERE name = ?", (name,)).fetchone()
            if exists and not replace:
                return False
            if exists:
                conn.execute("UPDATE watchlists SET filters = ? WHERE id = ?", (payload, exists[0]))
            else:
                conn.execute(
                    "INSERT INTO watchlists (name, filters, created_at) VALUES (?, ?, ?)",
                    (name, payload, datetime.now(UTC).replace(microsecond=0).isoformat()),
                )
        return True

    def all(self) -> list[Any]:
        return self.store.query(
            "SELECT id, name, filters, created_at FROM watchlists ORDER BY name"
        )

    def get(self, name: str) -> Any | None:
        rows = self.store.query(
            "SELECT id, name, filters, created_at FROM watchlists WHERE name = ?", (name,)
        )
        return rows[0] if rows else None

    def names(self) -> list[str]:
        return [r[0] for r in self.store.query("SELECT name FROM watchlists ORDER BY name")]

    def remove(self, name: str) -> bool:
        with self.store.transaction() as conn:
            return conn.execute("DELETE FROM watchlists WHERE name = ?", (name,)).rowcount > 0
