"""Scale: run the per-article pipeline partition by partition, in-process or on a Dask cluster.

Only this package imports Dask, and only inside the function that starts or joins a cluster.
"""

from __future__ import annotations

__all__ = ["run_ingest"]


def run_ingest(*args, **kwargs):
    """See :func:`onrecord.scale.engine.run_ingest`."""
    from .engine import run_ingest as _run

    return _run(*args, **kwargs)
