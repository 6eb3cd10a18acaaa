"""Resolve: speaker mentions to canonical speakers, within an article and across the corpus."""

from __future__ import annotations

from ..models import ArticleResult

__all__ = ["resolve_article"]


def resolve_article(result: ArticleResult) -> ArticleResult:
    """Within-article speaker resolution. Until the resolver lands, statements keep their raw mention."""
    return result
