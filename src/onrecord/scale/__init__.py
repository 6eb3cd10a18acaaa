"""Scale: run the per-article pipeline on a distributed engine (Dask)."""
