"""JSONL corpora: one article per line, with the usual field names of news datasets."""

from __future__ import annotations

import json
import re
from typing import BinaryIO, Iterator
from urllib.parse import urlparse

from ..models import Skip
from ..settings import Settings
from .raw import RawDoc

__all__ = ["JSONL_FIELDS", "read_jsonl_lines", "record_to_raw"]

# accepted field names per onrecord field, in priority order
JSONL_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "article"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "outlet": ("outlet", "source_domain", "publisher", "site_name", "source", "domain"),
    "date": ("date", "date_publish", "published", "date_published", "pubdate", "publish_date"),
    "language": ("lang", "language"),
    "url": ("url", "link"),
}


def read_jsonl_lines(
    fh: BinaryIO, path: str, settings: Settings, *, first_line: int = 1, end: int | None = None
) -> Iterator[RawDoc | Skip]:
    """Raw documents (or skips with reasons) for the lines of a binary stream.

    Reads from the current position up to byte ``end`` (the end of the stream when None);
    ``first_line`` is the line number of the first line read, used in source refs (``path:N``).
    One bad line is skipped with its reason and the following lines still go in.
    """

    def budget(cap: int) -> int:
        return cap if end is None else min(cap, end - fh.tell())

    lineno = first_line - 1
    while budget(1) > 0:
        ref = f"{path}:{lineno + 1}"
        try:
            data = fh.readline(budget(settings.max_bytes + 1))
        except (OSError, EOFError) as exc:
            yield Skip(ref, "unreadable", f"{exc.__class__.__name__}: {exc}")
            return
        if not data:
            return
        lineno += 1
        if len(data) > settings.max_bytes and not data.endswith(b"\n"):
            # drain the rest of the over-long line
            while budget(1) > 0 and (more := fh.readline(budget(1 << 20))) and not more.endswith(b"\n"):
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
        yield record_to_raw(obj, ref)


def _first(obj: dict, names: tuple[str, ...]) -> tuple[str, object] | None:
    for n in names:
        v = obj.get(n)
        if v not in (None, "", []):
            return n, v
    return None


def record_to_raw(obj: dict, ref: str) -> RawDoc | Skip:
    """One JSONL record to a raw document (every present field name becomes a candidate)."""
    raw = RawDoc(ref)
    if obj.get("id") not in (None, ""):
        raw.external_id = str(obj["id"])
    for field in ("title", "author", "outlet", "date", "language", "url"):
        for name in JSONL_FIELDS[field]:  # every present name is a candidate, in priority order
            value = obj.get(name)
            if value in (None, "", []) or not isinstance(value, (str, int, float, list)):
                continue
            if field == "author" and isinstance(value, str):
                value = [a.strip() for a in re.split(r";|\s+and\s+", value) if a.strip()]
            raw.add(field, value, f"jsonl:{name}")
    raw.url = next((v for v, _ in raw.fields.get("url", [])), "")
    text = _first(obj, JSONL_FIELDS["text"])
    html = _first(obj, JSONL_FIELDS["html"])
    if text and isinstance(text[1], str):
        raw.text = text[1]
    elif html and isinstance(html[1], str):
        raw.html = html[1]
    else:
        return Skip(ref, "missing_text", "The record has no text field (" + "/".join(JSONL_FIELDS["text"]) + ").")
    if raw.url:
        raw.add("outlet", urlparse(raw.url).hostname, "url:hostname")
    return raw
