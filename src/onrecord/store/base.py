"""The ``Store``: onrecord's one domain-level storage interface.

Domain operations are grouped by the records they hold (articles, statements,
speakers, flags) in mixin modules; no caller writes SQL.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from .engine import make_engine, migrate

__all__ = ["StoreCore", "dumps", "loads", "date_range"]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def date_range(expr: str, since: str | None, until: str | None) -> tuple[list[str], dict[str, Any]]:
    """SQL clauses and parameters keeping ``expr`` (an ISO date/datetime column) within [since, until].

    A bare date as ``until`` includes that whole day (datetimes on it sort below ``until + U+FFFF``).
    """
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if since:
        clauses.append(f"{expr} >= :since")
        params["since"] = since
    if until:
        clauses.append(f"{expr} <= :until")
        params["until"] = until + "\uffff" if len(until) == 10 else until
    return clauses, params


def loads(value: str | None, default: Any = None) -> Any:
    if not value:
        return default
    return json.loads(value)


class StoreCore:
    """Connection handling shared by the mixins."""

    def __init__(self, url: str, *, engine: Engine | None = None, auto_migrate: bool = True) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self.dialect = self.engine.dialect.name
        if auto_migrate:
            migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- small query helpers for the mixins -------------------------------------------------
    def _rows(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(text(sql), params or {})]

    def _scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params or {}).scalar()

    def _stream(self, sql: str, params: dict[str, Any] | None = None, *, size: int = 1000) -> Iterator[dict[str, Any]]:
        """Rows one by one without holding the whole result in memory."""
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=size).execute(text(sql), params or {})
            for row in result:
                yield dict(row._mapping)

    @staticmethod
    def _exec(conn: Connection, sql: str, params: dict[str, Any] | Iterable[dict[str, Any]] | None = None) -> None:
        if isinstance(params, list):
            if params:
                conn.execute(text(sql), params)
        else:
            conn.execute(text(sql), params or {})

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        names = ("articles", "statements", "speakers", "flags", "skips")
        return {n: int(self._scalar(f"SELECT COUNT(*) FROM {n}") or 0) for n in names}
