"""Cross-article steps that run after articles are loaded: speaker linking, then flag detection."""

from __future__ import annotations

from typing import Any

from ..settings import Settings
from .speakers import link_speakers

__all__ = ["analyse_corpus"]


def analyse_corpus(store: Any, settings: Settings) -> dict[str, Any]:
    """Run the corpus-level steps over the store; returns a summary per step (counts)."""
    from .flags import detect_flags

    summary: dict[str, Any] = {}
    summary["speakers"] = link_speakers(store, settings)
    summary["flags"] = detect_flags(store, settings)
    return summary
