"""Articles, their metadata candidates, provenance, duplicate clusters and skips."""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..errors import NotFoundError
from ..models import Article, Skip
from .base import StoreCore, date_range, dumps, loads
from .dialect import article_search_sql, fts_query, fts_sync
from .engine import now

__all__ = ["ArticleStore"]


class ArticleStore(StoreCore):
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            params = {f"p{j}": v for j, v in enumerate(chunk)}
            marks = ", ".join(f":p{j}" for j in range(len(chunk)))
            found.update(r["id"] for r in self._rows(f"SELECT id FROM articles WHERE id IN ({marks})", params))
        return found

    _ARTICLE_SQL = {
        "articles": "INSERT INTO articles(id, external_id, url, title, authors, outlet, published, language, text,"
        " source_ref, fingerprint, ingested_at) VALUES (:id, :external_id, :url, :title, :authors, :outlet,"
        " :published, :language, :text, :source_ref, :fingerprint, :at) ON CONFLICT (id) DO NOTHING",
        "candidates": "INSERT INTO article_candidates(article_id, field, value, origin, chosen, rule)"
        " VALUES (:a, :f, :v, :o, :c, :r)",
        "provenance": "INSERT INTO provenance(article_id, relation, target, ev_start, ev_end, ev_text, origin)"
        " VALUES (:a, :rel, :t, :s, :e, :x, :o)",
    }

    @staticmethod
    def _article_rows(art: Article, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Append the rows one article writes (article, FTS, candidates, provenance) to ``rows``."""
        rows.setdefault("articles", []).append(
            {
                "id": art.id,
                "external_id": art.external_id,
                "url": art.url,
                "title": art.title,
                "authors": dumps(list(art.authors)),
                "outlet": art.outlet,
                "published": art.published,
                "language": art.language,
                "text": art.text,
                "source_ref": art.source_ref,
                "fingerprint": ",".join(map(str, art.fingerprint)),
                "at": now(),
            }
        )
        rows.setdefault("articles_fts", []).append({"id": art.id, "title": art.title, "text": art.text})
        rows.setdefault("candidates", []).extend(
            {"a": art.id, "f": c.field, "v": c.value, "o": c.origin, "c": int(c.chosen), "r": c.rule}
            for c in art.candidates
        )
        rows.setdefault("provenance", []).extend(
            {
                "a": art.id,
                "rel": p.relation,
                "t": p.target,
                "s": p.evidence.start if p.evidence else None,
                "e": p.evidence.end if p.evidence else None,
                "x": p.evidence.text if p.evidence else None,
                "o": p.origin,
            }
            for p in art.provenance
        )

    def _write_article_rows(self, conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Write article rows collected by :meth:`_article_rows` (one executemany per table)."""
        self._exec(conn, self._ARTICLE_SQL["articles"], rows.get("articles", []))
        sync = fts_sync(self.dialect, "articles")
        if sync:
            self._exec(conn, sync[1], rows.get("articles_fts", []))
        self._exec(conn, self._ARTICLE_SQL["candidates"], rows.get("candidates", []))
        self._exec(conn, self._ARTICLE_SQL["provenance"], rows.get("provenance", []))

    def add_skip(self, skip: Skip) -> None:
        """Record an input that was not ingested."""
        with self.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO skips(source_ref, reason, detail, at) VALUES (:s, :r, :d, :t)"),
                {"s": skip.source_ref, "r": skip.reason, "d": skip.detail[:2000], "t": now()},
            )

    def skips(self, limit: int = 100) -> list[dict[str, Any]]:
        return self._rows("SELECT source_ref, reason, detail, at FROM skips ORDER BY id DESC LIMIT :l", {"l": limit})

    def set_clusters(self, assignments: dict[str, str]) -> None:
        """Set the near-duplicate cluster id of articles (article id -> cluster id)."""
        with self.engine.begin() as conn:
            self._exec(
                conn,
                "UPDATE articles SET cluster_id = :c WHERE id = :a",
                [{"a": a, "c": c} for a, c in assignments.items()],
            )

    def fingerprints(self) -> Iterable[tuple[str, str, str | None]]:
        """(article id, fingerprint, cluster id) for every article."""
        for row in self._stream("SELECT id, fingerprint, cluster_id FROM articles ORDER BY id"):
            yield row["id"], row["fingerprint"], row["cluster_id"]

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Article summaries, newest first, filtered by outlet and publication date range."""
        where, params = self._article_filter(outlet, since, until)
        params.update(limit=limit, offset=offset)
        rows = self._rows(
            "SELECT id, external_id, title, authors, outlet, published, language, url, cluster_id FROM articles"
            f"{where} ORDER BY published IS NULL, published DESC, id LIMIT :limit OFFSET :offset",  # undated last on both backends
            params,
        )
        for r in rows:
            r["authors"] = loads(r["authors"], [])
        return rows

    def count_articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None) -> int:
        where, params = self._article_filter(outlet, since, until)
        return int(self._scalar(f"SELECT COUNT(*) FROM articles{where}", params) or 0)

    @staticmethod
    def _article_filter(outlet, since, until) -> tuple[str, dict[str, Any]]:
        clauses, params = [], {}
        if outlet:
            clauses.append("lower(outlet) = lower(:outlet)")
            params["outlet"] = outlet
        dates, values = date_range("published", since, until)
        clauses += dates
        params.update(values)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def article(self, article_id: str) -> dict[str, Any]:
        """One article with its text, metadata candidates, provenance chain and duplicates.

        Accepts the stored id, a unique id prefix, or the input's own id.
        """
        rows = self._rows("SELECT * FROM articles WHERE id = :i OR external_id = :i", {"i": article_id})
        if not rows and len(article_id) >= 4:  # a unique prefix (compared literally: no LIKE wildcards)
            rows = self._rows(
                "SELECT * FROM articles WHERE substr(id, 1, :n) = :p", {"n": len(article_id), "p": article_id}
            )
        if len(rows) != 1:
            raise NotFoundError(
                f"No article {article_id!r}" if not rows else f"Article id {article_id!r} is ambiguous ({len(rows)} match)"
            )
        art = rows[0]
        art.pop("tsv", None)
        art["authors"] = loads(art["authors"], [])
        art["candidates"] = self._rows(
            "SELECT field, value, origin, chosen, rule FROM article_candidates WHERE article_id = :i", {"i": art["id"]}
        )
        for c in art["candidates"]:
            c["chosen"] = bool(c["chosen"])
        art["provenance"] = self._rows(
            "SELECT relation, target, ev_start, ev_end, ev_text, origin FROM provenance WHERE article_id = :i",
            {"i": art["id"]},
        )
        art["duplicates"] = (
            self._rows(
                "SELECT id, title, outlet, published, url FROM articles WHERE cluster_id = :c AND id <> :i"
                " ORDER BY published, id",
                {"c": art["cluster_id"], "i": art["id"]},
            )
            if art["cluster_id"]
            else []
        )
        return art

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search over article titles and texts (FTS5 / tsvector)."""
        query = fts_query(self.dialect, q)
        if query is None:
            return []
        return self._rows(article_search_sql(self.dialect), {"q": query, "limit": limit, "offset": offset})

    def outlets(self) -> list[dict[str, Any]]:
        return self._rows("SELECT outlet, COUNT(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC, outlet")
