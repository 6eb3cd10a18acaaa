"""Storage: SQLite by default, PostgreSQL for teams, behind one domain interface."""

from __future__ import annotations

from ..settings import normalise_db_url
from .flags import FlagStore

__all__ = ["Store", "open_store"]


class Store(FlagStore):
    """onrecord's store: articles, statements, speakers, flags. Open with :func:`open_store`."""


def open_store(url: str, *, migrate: bool = True, read_only: bool = False) -> Store:
    """Open (and migrate) the store at ``url``: ``sqlite:///file.db``, a bare path, or ``postgresql://...``.

    ``read_only`` opens every session read-only (writes fail with the database's error) and skips migrating.
    """
    url = normalise_db_url(url)
    if read_only:
        from .engine import make_engine

        return Store(url, engine=make_engine(url, read_only=True), auto_migrate=False)
    return Store(url, auto_migrate=migrate)
