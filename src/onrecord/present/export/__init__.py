"""Streaming exports of the store: statements, flags, speakers and articles as JSONL, CSV,
Markdown/HTML dossiers, or schema.org ClaimReview JSON-LD.

``export(store, kind, fmt, out)`` writes row by row, so a million statements take the memory of one.
"""

from __future__ import annotations

from typing import Any, Iterator, TextIO

from ...errors import ConfigError
from .claimreview import claim_reviews, write_claimreview
from .dossier import dossier_blocks, write_html, write_markdown
from .sources import Records, speaker_of
from .tabular import write_csv, write_jsonl

__all__ = ["KINDS", "FORMATS", "MEDIA_TYPES", "check_export", "export", "export_rows", "Records", "speaker_of"]

KINDS = ("statements", "flags", "speakers", "articles")
FORMATS = ("jsonl", "csv", "markdown", "html", "claimreview")
MEDIA_TYPES = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv", "csv"),
    "markdown": ("text/markdown", "md"),
    "html": ("text/html", "html"),
    "claimreview": ("application/ld+json", "jsonld"),
}


def export_rows(records: Records, kind: str, *, speaker: str | None = None) -> Iterator[dict[str, Any]]:
    """The records of one kind, streamed, in their export shape."""
    if kind == "statements":
        return records.iter_statements(speaker=speaker)
    if kind == "flags":
        return records.iter_flags(speaker=speaker)
    if kind == "speakers":
        return (s for s in records.iter_speakers() if not speaker or speaker.lower() in s["name"].lower())
    return records.iter_articles()


def check_export(kind: str, fmt: str) -> None:
    """Raise ``ConfigError`` for an unknown kind or format (before any file is opened)."""
    if kind not in KINDS:
        raise ConfigError(f"Unknown export {kind!r}", hint=f"Choose one of: {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}", hint=f"Choose one of: {', '.join(FORMATS)}")


def export(store: Any, kind: str, fmt: str, out: TextIO, *, speaker: str | None = None,
           base_url: str = "http://127.0.0.1:8000") -> int:
    """Write ``kind`` records in format ``fmt`` to ``out``; returns how many records were written."""
    check_export(kind, fmt)
    records = store if isinstance(store, Records) else Records(store)
    if fmt == "jsonl":
        return write_jsonl(export_rows(records, kind, speaker=speaker), out)
    if fmt == "csv":
        return write_csv(export_rows(records, kind, speaker=speaker), out)
    if fmt == "markdown":
        return write_markdown(dossier_blocks(records, kind, speaker=speaker), out)
    if fmt == "html":
        return write_html(dossier_blocks(records, kind, speaker=speaker), out)
    # ClaimReview describes flagged claims whatever the kind asked for; --speaker narrows them.
    return write_claimreview(claim_reviews(records.iter_flags(speaker=speaker), base_url=base_url), out)
