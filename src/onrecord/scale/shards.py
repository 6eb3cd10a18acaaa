"""Shard files and completion markers under one shard folder.

Per partition key ``K``:

- ``K.pkl``   the partition's records (``ArticleResult`` / ``Skip``), pickled; written to a temp file, then renamed;
- ``K.done``  JSON stats, written (atomically) after ``K.pkl``: the shard is complete;
- ``K.loading-S`` / ``K.loaded-S``  for store ``S`` (a hash of its URL): loading began / finished.

A rerun skips partitions with ``K.loaded-S`` and loads (without recomputing) those with ``K.done``.
Shards are pickles written by onrecord's own workers: only point ``--shards`` at a folder you trust.
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import ArticleResult, Skip, content_id

__all__ = ["Shard", "ShardDir", "store_tag"]


@dataclass
class Shard:
    """One partition's output: its records in input order and counts made on the worker."""

    key: str
    records: list[ArticleResult | Skip] = field(default_factory=list)
    seen: int = 0
    duplicates: int = 0  # repeats of an article id inside the partition

    def stats(self) -> dict[str, Any]:
        skips = sum(isinstance(r, Skip) for r in self.records)
        return {"seen": self.seen, "duplicates": self.duplicates, "skips": skips, "results": len(self.records) - skips}


def store_tag(url: str) -> str:
    """A short tag naming one store in marker file names (the password is not part of the hash input)."""
    head, _, tail = url.rpartition("@")
    return content_id(tail if head else url, size=10)


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class ShardDir:
    """The shard folder (created if missing); every write is temp file + rename, so readers never see half a file."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _p(self, key: str, suffix: str) -> Path:
        return self.root / f"{key}.{suffix}"

    # -- worker side -------------------------------------------------------------------
    def write(self, shard: Shard) -> dict[str, Any]:
        _atomic_write(self._p(shard.key, "pkl"), pickle.dumps(shard, protocol=pickle.HIGHEST_PROTOCOL))
        stats = shard.stats()
        _atomic_write(self._p(shard.key, "done"), json.dumps(stats).encode())
        return stats

    # -- driver side -------------------------------------------------------------------
    def is_done(self, key: str) -> bool:
        return self._p(key, "done").exists() and self._p(key, "pkl").exists()

    def read(self, key: str) -> Shard:
        with self._p(key, "pkl").open("rb") as fh:
            return pickle.load(fh)

    def loaded(self, key: str, tag: str) -> dict[str, Any] | None:
        """The load stats if this partition is already in store ``tag``."""
        p = self._p(key, f"loaded-{tag}")
        try:
            return json.loads(p.read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def was_loading(self, key: str, tag: str) -> bool:
        return self._p(key, f"loading-{tag}").exists()

    def mark_loading(self, key: str, tag: str) -> None:
        _atomic_write(self._p(key, f"loading-{tag}"), b"")

    def mark_loaded(self, key: str, tag: str, stats: dict[str, Any], *, keep: bool = True) -> None:
        _atomic_write(self._p(key, f"loaded-{tag}"), json.dumps(stats).encode())
        try:
            self._p(key, f"loading-{tag}").unlink()
        except FileNotFoundError:
            pass
        if not keep:
            self._p(key, "pkl").unlink(missing_ok=True)
