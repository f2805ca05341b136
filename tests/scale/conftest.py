"""Fixtures for the distributed-ingest tests: one small two-worker Dask cluster.

The cluster is shared by a module's tests: each worker loads spaCy once,
which dominates the run time.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def dask_cluster():
    """A client of a local cluster of two worker processes, with the model loaded in each."""
    from saidwhat.scale.client import dask_client
    from saidwhat.scale.worker import LoadModel

    with dask_client(workers=2) as client:
        client.register_plugin(LoadModel())
        yield client
