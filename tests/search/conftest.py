"""Fixtures for the search tests: a sample store built from hand-made statements.

Every test that takes ``store`` runs on SQLite and on PostgreSQL (tests/backends.py).
"""

from __future__ import annotations

import pytest

from saidwhat.store.db import Store


@pytest.fixture
def store(backend_store) -> Store:
    return backend_store.open(sample=True)
