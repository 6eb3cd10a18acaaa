"""Statement extraction: spaCy pipeline with onrecord's versioned components.

Public API::

    nlp = load_pipeline(settings, "en")
    doc = nlp(text)
    statements, entities, sentences = doc_facts(doc, article_id)

Importing this package loads no model and does not import spaCy; the names
below are resolved on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["EXTRACTOR_VERSION", "load_pipeline", "doc_facts", "extract_statements", "extract_file"]

EXTRACTOR_VERSION = "onrecord.quotes.v1"

_LAZY = {
    "load_pipeline": ("nlp", "load_pipeline"),
    "doc_facts": ("facts", "doc_facts"),
    "extract_statements": ("quotes", "extract_statements"),
    "extract_file": ("batch", "extract_file"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .batch import extract_file
    from .facts import doc_facts
    from .nlp import load_pipeline
    from .quotes import extract_statements


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
