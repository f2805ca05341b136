"""Fixtures for the search tests: a sample store built from hand-made statements."""

from __future__ import annotations

from pathlib import Path

import pytest
from search_samples import sample_store

from saidwhat.store.db import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = sample_store(tmp_path / "sample.db")
    yield s
    s.close()
