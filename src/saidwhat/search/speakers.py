"""Resolving a name typed by a user to people in the store.

The SQL lives in :mod:`saidwhat.store.people`; these names stay for callers.
"""

from __future__ import annotations

from saidwhat.store.people import (
    add_alias,
    like_escape,
    like_pattern,
    resolve_one_person,
    resolve_speaker_ids,
)

__all__ = ["add_alias", "like_escape", "like_pattern", "resolve_one_person", "resolve_speaker_ids"]
