"""onrecord: who said what, when, where it was published, and whether it adds up.

Importing this package loads no model, opens no database and starts nothing.
"""

from __future__ import annotations

import importlib

from .errors import OnrecordError
from .models import Article, Evidence, Flag, Hedge, Quantity, Span, Speaker, Statement
from .settings import Settings, resolve_settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Evidence",
    "Flag",
    "Hedge",
    "OnrecordError",
    "Quantity",
    "Settings",
    "Span",
    "Speaker",
    "Statement",
    "open_store",
    "resolve_settings",
    "__version__",
]


def open_store(url: str):
    """Open the store at ``url`` (see :func:`onrecord.store.open_store`)."""
    # imported by name so the package root does not depend on the store layer
    store = importlib.import_module("onrecord.store")
    return store.open_store(url)
