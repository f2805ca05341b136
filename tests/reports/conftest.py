"""Fixtures for the report tests: the sample store of tests/search."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "search"))

from search_samples import sample_store

from saidwhat.store.db import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = sample_store(tmp_path / "sample.db")
    yield s
    s.close()
