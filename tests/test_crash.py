"""Crash safety of partitioned ingest: SIGKILL a Dask worker, then the driver with its whole cluster, mid-run.

The rerun must complete with no lost and no duplicated articles, statements or skips, on SQLite and
PostgreSQL. The driver is the real ``onrecord ingest --engine dask`` command in a subprocess.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gate import load_script

from onrecord.pipeline import ingest
from onrecord.store import open_store

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent
FILES, PER_FILE = 12, 20  # 12 JSONL shards of 20 lines: 12 partitions
BAD_LINES = 2  # per file: one broken line, one record without text


def _corpus_gen():
    return load_script("bench/corpus_gen.py")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "in"
    folder.mkdir()
    arts = list(_corpus_gen().articles(FILES * (PER_FILE - BAD_LINES), seed=5))
    step = PER_FILE - BAD_LINES
    for i in range(FILES):
        lines = [json.dumps(a, ensure_ascii=False) for a in arts[i * step : (i + 1) * step]]
        lines[3:3] = ["{broken", json.dumps({"id": f"f{i}-no-text", "title": "nothing"})]
        (folder / f"part-{i:02d}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def expected(corpus, tmp_path_factory) -> dict:
    """What a plain local ingest stores."""
    from onrecord.settings import resolve_settings

    tmp = tmp_path_factory.mktemp("expected")
    url = f"sqlite:///{tmp / 'local.db'}"
    settings = resolve_settings({"db": url, "progress": False}, env={}, config_path=tmp / "absent.toml")
    with open_store(url) as st:
        rep = ingest([str(corpus)], st, settings)
    assert rep.ingested == FILES * (PER_FILE - BAD_LINES)
    return _snapshot(url)


def _snapshot(url: str) -> dict:
    with open_store(url) as st:
        return {
            "articles": sorted(r["id"] for r in st._rows("SELECT id FROM articles")),
            "statements": sorted(r["id"] for r in st._rows("SELECT id FROM statements")),
            "quantities": st._scalar("SELECT COUNT(*) FROM quantities"),
            "skips": sorted((r["source_ref"], r["reason"]) for r in st._rows("SELECT source_ref, reason FROM skips")),
        }


def _cli(url: str, corpus: Path, shards: Path) -> subprocess.Popen:
    env = dict(os.environ, ONRECORD_PROGRESS="0")
    return subprocess.Popen(
        [sys.executable, "-m", "onrecord.present.cli.app", "ingest", str(corpus), "--db", url, "--engine", "dask",
         "--workers", "2", "--shards", str(shards), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True, cwd=shards.parent,
    )


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _stored(url: str) -> int:
    try:
        with open_store(url, migrate=False) as st:
            return int(st._scalar("SELECT COUNT(*) FROM articles") or 0)
    except Exception:  # tables not created yet
        return 0


def _wait_for(url: str, n: int, proc: subprocess.Popen, timeout: float = 120) -> int:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = _stored(url)
        if got >= n or proc.poll() is not None:
            return got
        time.sleep(0.2)
    raise AssertionError(f"fewer than {n} articles stored after {timeout}s")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_sigkill_worker_and_driver_then_rerun(backend, request, corpus, expected, tmp_path):
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    shards = tmp_path / "shards"
    total = FILES * (PER_FILE - BAD_LINES)

    proc = _cli(url, corpus, shards)
    try:
        _wait_for(url, 1, proc)
        # kill one worker process (its nanny starts a new one; Dask reschedules the partition it held)
        workers = [p for p in _descendants(proc.pid) if b"spawn_main" in _cmdline(p)]
        assert workers, "no Dask worker processes found"
        os.kill(workers[0], signal.SIGKILL)
        stored = _wait_for(url, total // 2, proc)
        assert proc.poll() is None, "the run ended before it could be killed: " + proc.stderr.read().decode()[-2000:]
        os.killpg(proc.pid, signal.SIGKILL)  # the driver and its whole local cluster
        proc.wait(30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)
    assert 0 < stored < total

    rerun = _cli(url, corpus, shards)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()[-3000:]
    report = json.loads(out)
    assert report["seen"] == FILES * PER_FILE  # every line seen once, in this run or the killed one
    assert report["seen"] == report["ingested"] + report["duplicates"] + sum(report["skipped"].values())
    assert report["ingested"] + report["duplicates"] == total
    assert report["skipped"] == {"bad_jsonl": FILES, "missing_text": FILES}
    assert _snapshot(url) == expected
