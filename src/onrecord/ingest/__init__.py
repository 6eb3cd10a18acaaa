"""Ingest: read news from files, folders, URLs, feeds, JSONL corpora and WARC archives."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..errors import IngestError
from ..models import Article, Skip
from ..settings import Settings
from .article import build_article
from .identity import cluster_fingerprints
from .jsonl import read_jsonl_lines
from .raw import RawDoc
from .sources import iter_raw

__all__ = ["read_sources", "to_articles", "read_jsonl_lines", "build_article", "cluster_fingerprints"]


def read_sources(sources: list[str], settings: Settings, *, transport=None) -> Iterator[Article | Skip]:
    """Articles (or skips with reasons) for every input; one bad input never stops the rest."""
    return to_articles(iter_raw(sources, settings, transport=transport), settings)


def to_articles(items: Iterable[RawDoc | Skip], settings: Settings) -> Iterator[Article | Skip]:
    """Build articles from raw documents; a failure becomes a skip with its reason."""
    for item in items:
        if isinstance(item, Skip):
            yield item
            continue
        try:
            yield build_article(item, settings)
        except IngestError as exc:
            yield Skip(item.source_ref, exc.reason, str(exc))
        except Exception as exc:  # isolate one article's unexpected failure
            yield Skip(item.source_ref, "internal_error", f"{exc.__class__.__name__}: {exc}")
