"""The store's concerns: one module (one owner) per group of tables.

Each concern is a class taking the :class:`~saidwhat.store.db.Store` and holding
all the SQL for its tables. The store exposes it as an attribute named here, so
the rest of the code calls ``store.watchlists.add(...)`` and never writes SQL.

To add a concern (e.g. ``store/events.py``):

1. write ``class Events(Concern)`` with methods that use ``self.store.conn`` /
   ``self.store.query`` / ``self.store.transaction()`` (``?`` placeholders; ask
   ``self.store.is_postgres`` where SQLite and PostgreSQL differ);
2. add one line to :data:`CONCERNS` below: ``"events": "saidwhat.store.events:Events"``;
3. append its tables to :data:`saidwhat.store.migrations.MIGRATIONS` as a
   ``Migration(sqlite=..., postgres=...)`` (a plain string when the SQL is the
   same in both dialects), and, if ``saidwhat copy`` should carry them, list the
   tables in :data:`saidwhat.store.copy.TABLES`.

Concerns are imported when first used, so opening a store stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from saidwhat.store.db import Store

#: attribute name on Store -> "module:Class".
CONCERNS: dict[str, str] = {
    "documents": "saidwhat.store.documents:Documents",
    "people": "saidwhat.store.people:People",
    "registry": "saidwhat.store.registry:Registry",
    "statements": "saidwhat.store.statements:Statements",
    "watchlists": "saidwhat.store.watchlists:Watchlists",
    "inspect": "saidwhat.store.inspect:Inspect",
}


class Concern:
    """Base of the concern classes: holds the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def conn(self) -> Any:
        return self.store.conn


def load_concern(name: str) -> type[Concern]:
    module, _, cls = CONCERNS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def as_dict(row: Any) -> dict[str, Any]:
    """A result row (``sqlite3.Row`` or the PostgreSQL row) as a dict."""
    return {name: row[name] for name in row.keys()}  # noqa: SIM118  (rows are not mappings)
