"""Run ingest partition by partition: in-process or on Dask workers, results as shards, one writer loads them.

Workers run the pure per-article pipeline (read → build article → extract →
resolve within the article) on one partition and write a shard; they never
touch the store. The driver loads each finished shard into the store (the only
writer), marks it loaded, and runs the cross-article steps at the end. A rerun
skips loaded partitions and loads finished-but-unloaded shards without
recomputing them; ids are content hashes, so loading a shard twice stores nothing twice.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .. import __version__
from ..errors import ConfigError, missing_extra
from ..models import ArticleResult, Skip, content_id
from ..pipeline import IngestReport, process_articles, recluster
from ..analyze.corpus import analyse_corpus
from ..settings import Settings
from .partitions import Partition, plan_partitions, read_partition
from .shards import Shard, ShardDir, store_tag

__all__ = ["run_ingest", "process_partition", "default_shard_dir", "ENGINES"]

ENGINES = ("local", "dask")
log = logging.getLogger(__name__)
Progress = Callable[[int], None]


def default_shard_dir(db_url: str) -> str:
    """``<file>.shards`` next to a SQLite store, ``./onrecord-shards/<tag>`` for a server."""
    if db_url.startswith("sqlite:///") and db_url[len("sqlite:///"):] not in ("", ":memory:"):
        return db_url[len("sqlite:///"):] + ".shards"
    return str(Path("onrecord-shards") / store_tag(db_url))


def _run_fingerprint(settings: Settings, extract: bool) -> str:
    """What a shard's content depends on besides its inputs: the settings that shape results, the version."""
    shaping = settings.replace(db="", progress=False, token="", judge_url="", judge_model="")
    return content_id("run.v1", __version__, extract, repr(shaping))


def process_partition(part: Partition, key: str, settings: Settings, shard_root: str, extract: bool = True) -> dict:
    """Worker side: read, build and process one partition, write its shard; returns the shard's stats.

    The spaCy pipeline is loaded once per worker process (``onrecord.extract`` caches it).
    """
    shard = Shard(key)
    articles = []
    ids: set[str] = set()
    for item in read_partition(part, settings):
        shard.seen += 1
        if isinstance(item, Skip):
            shard.records.append(item)
        elif item.id in ids:
            shard.duplicates += 1
        else:
            ids.add(item.id)
            articles.append(item)
    shard.records.extend(process_articles(articles, settings, extract=extract))
    return ShardDir(shard_root).write(shard)


class _Loader:
    """The one writer: loads shards into the store and keeps the report."""

    def __init__(self, store, shards: ShardDir, report: IngestReport, progress: Progress | None, keep: bool) -> None:
        self.store, self.shards, self.report, self.progress, self.keep = store, shards, report, progress, keep
        self.tag = store_tag(store.url)

    def already_loaded(self, key: str) -> bool:
        stats = self.shards.loaded(key, self.tag)
        if stats is None:
            return False
        # as a local rerun would count them: everything stored is now a duplicate, skips are skipped again
        self.report.seen += stats["seen"]
        self.report.duplicates += stats["ingested"] + stats["duplicates"]
        self.report.skipped.update(stats["skipped"])
        if self.progress:
            self.progress(stats["seen"])
        return True

    def load(self, key: str) -> None:
        from ..store.bulk import existing_skips

        shard = self.shards.read(key)
        resumed = self.shards.was_loading(key, self.tag)
        self.shards.mark_loading(key, self.tag)
        skips = [r for r in shard.records if isinstance(r, Skip)]
        results = [r for r in shard.records if isinstance(r, ArticleResult)]
        known = existing_skips(self.store, skips) if resumed else set()
        stats: dict[str, Any] = {"seen": shard.seen, "duplicates": shard.duplicates, "ingested": 0,
                                 "statements": 0, "skipped": {}, "extract_errors": {}}
        for skip in skips:
            stats["skipped"][skip.reason] = stats["skipped"].get(skip.reason, 0) + 1
            if (skip.source_ref, skip.reason) not in known:
                self.store.add_skip(skip)
        for res in results:
            if res.error:
                reason = res.error.split(":", 1)[0]
                stats["extract_errors"][reason] = stats["extract_errors"].get(reason, 0) + 1
        counts = self.store.add_results(results)
        stats["ingested"] = counts["articles"]
        stats["duplicates"] += counts["duplicates"]
        stats["statements"] = counts["statements"]
        self.shards.mark_loaded(key, self.tag, stats, keep=self.keep)
        r = self.report
        r.seen += stats["seen"]
        r.ingested += stats["ingested"]
        r.duplicates += stats["duplicates"]
        r.statements += stats["statements"]
        r.skipped.update(stats["skipped"])
        r.extract_errors.update(stats["extract_errors"])
        if self.progress:
            self.progress(stats["seen"])

    def failed(self, part: Partition, exc: BaseException) -> None:
        """A partition whose task failed for good (e.g. its worker kept dying): one skip, the run goes on."""
        skip = Skip(part.describe(), "partition_failed", f"{exc.__class__.__name__}: {exc}"[:2000])
        self.store.add_skip(skip)
        self.report.skipped[skip.reason] += 1


def _in_process(todo: list[tuple[Partition, str]], settings, root, extract) -> Iterator[tuple[Partition, str, Exception | None]]:
    for part, key in todo:
        try:
            process_partition(part, key, settings, root, extract)
            yield part, key, None
        except Exception as exc:  # pragma: no cover - per-article failures are isolated further down
            yield part, key, exc


def _on_dask(todo, settings, root, extract, scheduler: str | None, workers: int | None):
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise missing_extra("dask", "dask") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        futures = {}
        for part, key in todo:
            fut = client.submit(process_partition, part, key, settings, root, extract,
                                key=f"onrecord-partition-{key}", pure=False)
            futures[fut] = (part, key)
        for fut in as_completed(futures):
            part, key = futures.pop(fut)
            exc = fut.exception()
            fut.release()
            yield part, key, exc
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_ingest(
    sources: list[str],
    store,
    settings: Settings,
    engine: str = "dask",
    scheduler: str | None = None,
    workers: int | None = None,
    shard_dir: str | os.PathLike[str] | None = None,
    *,
    extract: bool = True,
    progress: Progress | None = None,
    jsonl_lines: int = 200,
    files_per_partition: int = 50,
    keep_shards: bool = False,
) -> IngestReport:
    """Ingest ``sources`` partition by partition and load the shards into ``store``; same report as ``ingest``.

    ``engine="local"`` runs partitions in this process (or on a ``LocalCluster`` when ``workers`` > 1);
    ``engine="dask"`` uses the cluster at ``scheduler`` (its workers must see ``shard_dir``) or a local one.
    """
    if engine not in ENGINES:
        raise ConfigError(f"Unknown engine {engine!r}", hint=f"Use one of: {', '.join(ENGINES)}.")
    shards = ShardDir(shard_dir or default_shard_dir(store.url))
    report = IngestReport()
    loader = _Loader(store, shards, report, progress, keep_shards)
    run = _run_fingerprint(settings, extract)
    todo: list[tuple[Partition, str]] = []
    for part in plan_partitions(sources, jsonl_lines=jsonl_lines, files=files_per_partition):
        key = content_id(part.key, run)
        if loader.already_loaded(key):
            continue
        if shards.is_done(key):
            loader.load(key)
        else:
            todo.append((part, key))
    if todo:
        if engine == "local" and (workers or 1) <= 1:
            done: Iterable = _in_process(todo, settings, str(shards.root), extract)
        else:
            done = _on_dask(todo, settings, str(shards.root.resolve()), extract, scheduler, workers)
        for part, key, exc in done:
            if exc is None:
                loader.load(key)
            else:
                log.error("partition %s failed: %s", part.describe(), exc)
                loader.failed(part, exc)
    report.clusters = recluster(store, settings)
    report.corpus = analyse_corpus(store, settings)
    return report
