"""Units of work: partitions of the inputs (groups of files or URLs, one WARC file, a line range of a JSONL file).

A partition's ``key`` is a content-style id of what it covers (paths, sizes,
modification times, byte range), so a rerun over the same inputs plans the
same partitions and can skip the finished ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import IngestError
from ..ingest import build_article, read_sources
from ..ingest.sources import _raw_from_record  # one JSONL record -> RawDoc | Skip, shared with the local reader
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
        lineno = part.first_line - 1
        while (left := part.end - fh.tell()) > 0:
            # mirrors ingest.sources._from_jsonl line by line (the fuzz tests compare the two readers)
            data = fh.readline(min(left, settings.max_bytes + 1))
            if not data:
                return
            lineno += 1
            ref = f"{path}:{lineno}"
            if len(data) > settings.max_bytes and not data.endswith(b"\n"):
                while fh.tell() < part.end and (more := fh.readline(min(1 << 20, part.end - fh.tell()))) \
                        and not more.endswith(b"\n"):
                    pass
                yield Skip(ref, "too_large", f"Line is over the cap of {settings.max_bytes} bytes (max_bytes).")
                continue
            if not data.strip():
                continue
            try:
                line = data.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Skip(ref, "encoding", f"Line is not UTF-8 (JSONL must be): {exc}")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skip(ref, "bad_jsonl", f"Not valid JSON: {exc.msg} at column {exc.colno}.")
                continue
            if not isinstance(obj, dict):
                yield Skip(ref, "bad_jsonl", f"Expected a JSON object, got {type(obj).__name__}.")
                continue
            raw = _raw_from_record(obj, ref)
            if isinstance(raw, Skip):
                yield raw
                continue
            try:
                yield build_article(raw, settings)
            except IngestError as exc:
                yield Skip(ref, exc.reason, str(exc))
            except Exception as exc:  # isolate one article's unexpected failure, as read_sources does
                yield Skip(ref, "internal_error", f"{exc.__class__.__name__}: {exc}")
