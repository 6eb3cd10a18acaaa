"""The package contract: importing onrecord is cheap and side-effect free; __all__ matches the exports."""

from __future__ import annotations

import json
import subprocess
import sys

import onrecord

PROBE = r"""
import json, os, sys, threading
before_threads = threading.active_count()
before_files = set(os.listdir('.'))
import onrecord
heavy = [m for m in ("spacy", "sqlalchemy", "torch", "trafilatura", "httpx", "lingua", "datasketch", "natasha",
                     "fastapi", "dask", "psycopg", "warcio", "feedparser", "onrecord.store", "onrecord.extract")
         if m in sys.modules]
print(json.dumps({"heavy": heavy, "threads": threading.active_count() - before_threads,
                  "new_files": sorted(set(os.listdir('.')) - before_files)}))
"""


def test_import_loads_nothing_heavy_and_opens_nothing(tmp_path):
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=True)
    got = json.loads(out.stdout)
    assert got == {"heavy": [], "threads": 0, "new_files": []}


def test_all_matches_exports():
    public = {n for n in dir(onrecord) if not n.startswith("_") and not isinstance(getattr(onrecord, n), type(onrecord))}
    public.discard("annotations")  # from __future__
    assert set(onrecord.__all__) - {"__version__"} == public
    for name in onrecord.__all__:
        assert hasattr(onrecord, name), name
    assert len(onrecord.__all__) == len(set(onrecord.__all__))


def test_open_store_is_lazy(tmp_path):
    with onrecord.open_store(str(tmp_path / "x.db")) as st:
        assert st.count_articles() == 0
