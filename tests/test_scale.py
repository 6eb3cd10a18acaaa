"""Partitioned ingest (onrecord.scale): partitions, shards and markers, and a real Dask LocalCluster run.

The Dask run must leave the store exactly as a local ``ingest`` does: same article ids, same
statement ids, same report counts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gate import load_script

from onrecord.ingest import read_sources
from onrecord.models import Skip
from onrecord.pipeline import ingest
from onrecord.scale import engine as scale_engine
from onrecord.scale.engine import run_ingest
from onrecord.scale.partitions import plan_partitions, read_partition
from onrecord.scale.shards import ShardDir, store_tag
from onrecord.store import open_store

REPO = Path(__file__).resolve().parent.parent


def load_corpus_gen():
    return load_script("bench/corpus_gen.py")


def make_inputs(folder: Path, n: int, *, files: int = 4) -> list[str]:
    """A JSONL corpus (with bad lines and a repeat) plus a folder of HTML/TXT files."""
    gen = load_corpus_gen()
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(a, ensure_ascii=False) for a in gen.articles(n, seed=11)]
    lines[5:5] = ["{not json", "", json.dumps({"title": "no text here"}), "[1, 2]", lines[3]]
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    gen.write_files(folder / "pages", files, seed=12)
    (folder / "pages" / "empty.txt").write_text("   \n", "utf-8")
    return [str(folder / "corpus.jsonl"), str(folder / "pages"), str(folder / "missing.jsonl")]


def snapshot(url: str) -> dict:
    with open_store(url) as st:
        return {
            "articles": {r["id"] for r in st._rows("SELECT id FROM articles")},
            "statements": {r["id"] for r in st._rows("SELECT id FROM statements")},
            "counts": st.counts(),
            "skips": sorted((r["source_ref"], r["reason"]) for r in st._rows("SELECT source_ref, reason FROM skips")),
        }


def report_counts(rep) -> dict:
    return {"seen": rep.seen, "ingested": rep.ingested, "duplicates": rep.duplicates, "statements": rep.statements,
            "skipped": dict(rep.skipped), "extract_errors": dict(rep.extract_errors)}


# -- partitions ------------------------------------------------------------------------------
def test_jsonl_ranges_cover_the_file_and_read_like_read_sources(tmp_path, settings):
    sources = make_inputs(tmp_path / "in", 23, files=3)
    parts = plan_partitions(sources, jsonl_lines=4, files=2)
    jsonl = [p for p in parts if p.kind == "jsonl"]
    assert len(jsonl) == 7  # 28 lines in runs of 4
    assert jsonl[0].start == 0 and all(a.end == b.start for a, b in zip(jsonl, jsonl[1:]))
    assert jsonl[-1].end == Path(sources[0]).stat().st_size
    assert [p.key for p in parts] == [p.key for p in plan_partitions(sources, jsonl_lines=4, files=2)]

    def shape(items):
        return [(i.source_ref, i.reason) if isinstance(i, Skip) else (i.source_ref, i.id) for i in items]

    partitioned = [item for p in parts for item in read_partition(p, settings)]
    assert shape(partitioned) == shape(read_sources(sources, settings))


def test_jsonl_partition_reads_lines_after_a_bad_byte(tmp_path, settings):
    gen = load_corpus_gen()
    good = [json.dumps(a).encode() for a in gen.articles(3)]
    (tmp_path / "x.jsonl").write_bytes(good[0] + b"\n" + b'{"text": "caf\xe9"}\n' + good[1] + b"\n" + good[2] + b"\n")
    items = [i for p in plan_partitions([str(tmp_path / "x.jsonl")]) for i in read_partition(p, settings)]
    assert [getattr(i, "reason", "article") for i in items] == ["article", "encoding", "article", "article"]


# -- shards and markers (in-process engine) --------------------------------------------------
def test_in_process_run_matches_ingest_and_reruns_are_idempotent(tmp_path, settings):
    sources = make_inputs(tmp_path / "in", 30)
    local_url = f"sqlite:///{tmp_path / 'local.db'}"
    with open_store(local_url) as st:
        local = ingest(sources, st, settings, extract=False)
    url = f"sqlite:///{tmp_path / 'part.db'}"
    shard_dir = tmp_path / "shards"
    with open_store(url) as st:
        first = run_ingest(sources, st, settings, "local", shard_dir=shard_dir, extract=False, jsonl_lines=7)
    assert report_counts(first) == report_counts(local)
    assert first.seen == first.ingested + first.duplicates + sum(first.skipped.values())
    assert snapshot(url) == snapshot(local_url)

    # a rerun reads nothing again: every partition is marked loaded; counts are what a local rerun reports
    with open_store(url) as st, open_store(local_url) as lst:
        again = run_ingest(sources, st, settings, "local", shard_dir=shard_dir, extract=False, jsonl_lines=7)
        local_again = ingest(sources, lst, settings, extract=False)
    assert (again.seen, again.ingested, again.duplicates, again.skipped) == (
        local_again.seen, 0, local_again.duplicates, local_again.skipped)
    assert snapshot(url)["articles"] == snapshot(local_url)["articles"]


def test_resumed_load_uses_finished_shards_and_repeats_no_skip(tmp_path, settings, monkeypatch):
    sources = make_inputs(tmp_path / "in", 20)
    url = f"sqlite:///{tmp_path / 'part.db'}"
    shard_dir = tmp_path / "shards"
    with open_store(url) as st:
        run_ingest(sources, st, settings, "local", shard_dir=shard_dir, extract=False, jsonl_lines=6, keep_shards=True)
    before = snapshot(url)
    # pretend the driver died mid-load everywhere: 'loading' markers, no 'loaded' markers
    tag = store_tag(url)
    for marker in shard_dir.glob(f"*.loaded-{tag}"):
        marker.rename(marker.with_name(marker.name.replace("loaded-", "loading-")))

    def must_not_run(*args, **kwargs):
        raise AssertionError("a finished shard was computed again")

    monkeypatch.setattr(scale_engine, "process_partition", must_not_run)
    with open_store(url) as st:
        rep = run_ingest(sources, st, settings, "local", shard_dir=shard_dir, extract=False, jsonl_lines=6)
    assert rep.ingested == 0 and rep.duplicates == before["counts"]["articles"] + 1  # +1: the repeated line
    assert snapshot(url) == before
    assert not ShardDir(shard_dir).is_done(next(iter(p.stem for p in shard_dir.glob("*.done"))))  # shards dropped


# -- a real Dask LocalCluster ------------------------------------------------------------------
@pytest.mark.slow
def test_dask_local_cluster_stores_exactly_what_a_local_run_stores(tmp_path, settings):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    sources = make_inputs(tmp_path / "in", 240, files=6)
    local_url = f"sqlite:///{tmp_path / 'local.db'}"
    with open_store(local_url) as st:
        local = ingest(sources, st, settings)
    assert local.statements > 240  # extraction really ran
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with open_store(url) as st:
        rep = run_ingest(sources, st, settings, "dask", workers=2, shard_dir=tmp_path / "shards", jsonl_lines=40)
    assert report_counts(rep) == report_counts(local)
    got, want = snapshot(url), snapshot(local_url)
    assert got["articles"] == want["articles"]
    assert got["statements"] == want["statements"]
    assert got["counts"] == want["counts"]
    assert got["skips"] == want["skips"]
