"""Storage: SQLite by default, PostgreSQL for teams, behind one domain interface."""

from __future__ import annotations

from ..settings import normalise_db_url
from .flags import FlagStore

__all__ = ["Store", "open_store"]


class Store(FlagStore):
    """onrecord's store: articles, statements, speakers, flags. Open with :func:`open_store`."""


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open (and migrate) the store at ``url``: ``sqlite:///file.db``, a bare path, or ``postgresql://...``."""
    return Store(normalise_db_url(url), auto_migrate=migrate)
