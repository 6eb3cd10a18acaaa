"""Units of work: partitions of the inputs (groups of files or URLs, one WARC file, a line range of a JSONL file).

A partition's ``key`` is a content-style id of what it covers (paths, sizes,
modification times, byte range), so a rerun over the same inputs plans the
same partitions and can skip the finished ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..ingest import read_jsonl_lines, read_sources, to_articles
from ..models import Article, Skip, content_id
from ..settings import Settings

__all__ = ["Partition", "plan_partitions", "read_partition"]

_PLAIN_JSONL = (".jsonl", ".ndjson")
_WHOLE_FILE = (".warc", ".warc.gz", ".arc.gz", ".jsonl.gz", ".ndjson.gz")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Partition:
    """``kind`` is ``sources`` (read with :func:`read_sources`) or ``jsonl`` (bytes ``[start, end)`` of one file)."""

    key: str
    kind: str
    sources: tuple[str, ...]
    start: int = 0
    end: int = 0
    first_line: int = 1

    def describe(self) -> str:
        if self.kind == "jsonl":
            return f"{self.sources[0]}@{self.start}-{self.end}"
        return self.sources[0] + (f" (+{len(self.sources) - 1} more)" if len(self.sources) > 1 else "")


def _stamp(path: str) -> tuple:
    try:
        st = Path(path).stat()
        return (st.st_size, st.st_mtime_ns)
    except OSError:
        return (None, None)


def _make(kind: str, sources: list[str], start: int = 0, end: int = 0, first_line: int = 1) -> Partition:
    key = content_id("partition.v1", kind, start, end, *(f"{s}|{_stamp(s)}" for s in sources))
    return Partition(key, kind, tuple(sources), start, end, first_line)


def _jsonl_ranges(path: Path, lines: int) -> Iterator[tuple[int, int, int]]:
    """(start byte, end byte, first line number) covering the file in runs of ``lines`` lines."""
    start, first, count, pos = 0, 1, 0, 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            i = -1
            while (i := chunk.find(b"\n", i + 1)) != -1:
                count += 1
                if count == lines:
                    yield start, pos + i + 1, first
                    start, first, count = pos + i + 1, first + lines, 0
            pos += len(chunk)
    if pos > start:
        yield start, pos, first


def _files(source: str) -> list[str] | None:
    """The files a folder argument expands to (as ``iter_raw`` orders them), or None if it isn't a folder."""
    path = Path(source).expanduser()
    if not path.is_dir():
        return None
    return [
        str(p)
        for p in sorted(path.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    ]


def plan_partitions(sources: list[str], *, jsonl_lines: int = 500, files: int = 50) -> list[Partition]:
    """Split the inputs: plain JSONL files by line ranges, WARC and gzipped JSONL files whole, other inputs in groups."""
    parts: list[Partition] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            parts.append(_make("sources", group.copy()))
            group.clear()

    for source in sources:
        expanded = _files(source) if not re.match(r"^https?://", source, re.I) else None
        for item in expanded if expanded else [source]:  # an empty folder stays itself and is skipped as empty
            low = item.lower()
            path = Path(item).expanduser()
            if low.endswith(_PLAIN_JSONL) and path.is_file():
                flush()
                parts.extend(_make("jsonl", [item], s, e, f) for s, e, f in _jsonl_ranges(path, jsonl_lines))
            elif low.endswith(_WHOLE_FILE):
                flush()
                parts.append(_make("sources", [item]))
            else:
                group.append(item)
                if len(group) >= files:
                    flush()
    flush()
    return parts


def read_partition(part: Partition, settings: Settings) -> Iterator[Article | Skip]:
    """Articles or skips for one partition, with the same source refs and skip reasons as a local run."""
    if part.kind == "sources":
        yield from read_sources(list(part.sources), settings)
        return
    path = part.sources[0]
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Skip(f"{path}:{part.first_line}", "unreadable", f"{exc.__class__.__name__}: {exc}")
        return
    with fh:
        fh.seek(part.start)
        yield from to_articles(read_jsonl_lines(fh, path, settings, first_line=part.first_line, end=part.end), settings)
