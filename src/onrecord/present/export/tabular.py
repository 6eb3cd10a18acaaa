"""Row-per-record exports: JSON Lines and CSV (nested values as JSON strings). Both stream."""

from __future__ import annotations

import csv
import json
from typing import Any, Iterable, TextIO

__all__ = ["write_jsonl", "write_csv"]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(_json(row))
        out.write("\n")
        n += 1
    return n


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple)):
        return _json(value)
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """CSV with the first row's keys as header (every record of a kind has the same keys)."""
    writer = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        n += 1
    return n
