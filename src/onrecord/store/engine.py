"""Opening a database and bringing its schema up to date."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError

from ..errors import StoreError, missing_extra
from .dialect import engine_url
from .migrations import MIGRATIONS, Migration

__all__ = ["make_engine", "migrate", "applied_migrations", "now"]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - exercised via sqlite
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_query_only(dbapi_conn, _record) -> None:  # pragma: no cover - exercised via sqlite
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """Create a SQLAlchemy engine for an onrecord store URL. ``read_only`` sessions refuse every write
    (SQLite ``PRAGMA query_only``; PostgreSQL ``default_transaction_read_only``)."""
    sa_url = engine_url(url)
    if sa_url.startswith("postgresql"):
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise missing_extra("postgres", "psycopg") from exc
    try:
        connect_args = {}
        if read_only and sa_url.startswith("postgresql"):
            connect_args["options"] = "-c default_transaction_read_only=on"
        engine = create_engine(sa_url, future=True, pool_pre_ping=True, connect_args=connect_args)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"Cannot use database URL {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        if read_only:
            event.listen(engine, "connect", _sqlite_query_only)
    elif engine.dialect.name != "postgresql":
        raise StoreError(f"Unsupported database {engine.dialect.name!r}; use SQLite or PostgreSQL.")
    return engine


def applied_migrations(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"))
        conn.commit()
        return [r[0] for r in conn.execute(text("SELECT name FROM schema_migrations ORDER BY name"))]


def migrate(engine: Engine, *, upto: str | None = None, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply pending migrations in order (up to and including ``upto``); returns the names applied."""
    try:
        done = set(applied_migrations(engine))
    except OperationalError as exc:
        raise StoreError(f"Cannot open the database: {exc.orig}") from exc
    applied: list[str] = []
    dialect = engine.dialect.name
    for mig in migrations:
        if mig.name not in done:
            with engine.begin() as conn:
                if dialect == "postgresql":  # serialise concurrent migrators
                    conn.execute(text("SELECT pg_advisory_xact_lock(731002)"))
                    if conn.execute(text("SELECT 1 FROM schema_migrations WHERE name = :n"), {"n": mig.name}).first():
                        continue
                for sql in mig.statements(dialect):
                    conn.execute(text(sql))
                conn.execute(
                    text("INSERT INTO schema_migrations(name, applied_at) VALUES (:n, :t)"), {"n": mig.name, "t": now()}
                )
            applied.append(mig.name)
        if upto and mig.name == upto:
            break
    return applied
