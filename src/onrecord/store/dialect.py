"""Everything that differs between SQLite and PostgreSQL lives here."""

from __future__ import annotations

import re

__all__ = ["engine_url", "fts_query", "fts_query_sqlite", "article_search_sql", "statement_search_sql", "fts_sync"]


def engine_url(url: str) -> str:
    """Map onrecord's store URL to a SQLAlchemy URL (psycopg 3 for PostgreSQL)."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query_sqlite(q: str) -> str:
    """Turn free text into a safe FTS5 query: quoted terms ANDed, a quoted phrase kept."""
    q = q.strip()
    if len(q) > 1 and q[0] == q[-1] == '"':
        words = _WORD.findall(q)
        return '"' + " ".join(words) + '"' if words else '""'
    words = _WORD.findall(q)
    return " AND ".join(f'"{w}"' for w in words) if words else '""'


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fts_query(dialect: str, q: str) -> str | None:
    """The search parameter for free text ``q`` on this backend, or None when nothing is left to search.

    SQLite gets a quoted FTS5 expression; PostgreSQL gets the text for ``websearch_to_tsquery``
    (which never raises on user syntax) without the control characters it refuses.
    """
    q = _CONTROL.sub(" ", q).strip()
    if not _WORD.search(q):
        return None
    return fts_query_sqlite(q) if dialect == "sqlite" else q


def article_search_sql(dialect: str) -> str:
    if dialect == "sqlite":
        return (
            "SELECT a.id, a.title, a.outlet, a.published, a.url, "
            "snippet(articles_fts, 2, '[', ']', ' … ', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.id "
            "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :limit OFFSET :offset"
        )
    return (
        "SELECT a.id, a.title, a.outlet, a.published, a.url, "
        "ts_headline('simple', a.text, websearch_to_tsquery('simple', :q), "
        "'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snippet "
        "FROM articles a WHERE a.tsv @@ websearch_to_tsquery('simple', :q) "
        "ORDER BY ts_rank(a.tsv, websearch_to_tsquery('simple', :q)) DESC, a.id LIMIT :limit OFFSET :offset"
    )


def statement_search_sql(dialect: str) -> str:
    if dialect == "sqlite":
        return (
            "SELECT s.id FROM statements_fts JOIN statements s ON s.id = statements_fts.id "
            "WHERE statements_fts MATCH :q ORDER BY rank LIMIT :limit OFFSET :offset"
        )
    return (
        "SELECT s.id FROM statements s WHERE s.tsv @@ websearch_to_tsquery('simple', :q) "
        "ORDER BY ts_rank(s.tsv, websearch_to_tsquery('simple', :q)) DESC, s.id LIMIT :limit OFFSET :offset"
    )


def fts_sync(dialect: str, table: str) -> tuple[str, str] | None:
    """(delete, insert) statements keeping a SQLite FTS table in step; None on PostgreSQL (generated column)."""
    if dialect != "sqlite":
        return None
    if table == "articles":
        return (
            "DELETE FROM articles_fts WHERE id = :id",
            "INSERT INTO articles_fts(id, title, text) VALUES (:id, :title, :text)",
        )
    return (
        "DELETE FROM statements_fts WHERE id = :id",
        "INSERT INTO statements_fts(id, content_text) VALUES (:id, :content_text)",
    )
