"""Statements with their quantities, hedges and time phrases, written per article in one transaction."""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DataError, IntegrityError

from ..models import ArticleResult, Skip, Statement
from .articles import ArticleStore
from .base import date_range, dumps, loads
from .dialect import fts_query, fts_sync, statement_search_sql

__all__ = ["StatementStore"]

_SELECT = (
    "SELECT s.*, a.external_id AS a_external_id, a.title AS a_title, a.outlet AS a_outlet,"
    " a.published AS a_published, a.url AS a_url, sp.name AS speaker_name"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
    " LEFT JOIN speakers sp ON sp.id = s.speaker_id"
)


def _span(start, end, txt) -> dict[str, Any] | None:
    if start is None:
        return None
    return {"start": start, "end": end, "text": txt}


class StatementStore(ArticleStore):
    def add_results(self, results: Iterable[ArticleResult], *, batch: int = 64) -> dict[str, int]:
        """Store articles with their statements, ``batch`` articles per transaction.

        Articles already stored are counted as ``duplicates`` and left untouched. Returns counts:
        ``articles`` (new), ``duplicates``, ``statements``, ``store_errors`` (articles the database
        refused; each recorded as a ``store_error`` skip, the rest go on). A lost connection still
        stops the run; a killed run leaves whole batches only, and a rerun completes it.
        """
        counts = {"articles": 0, "duplicates": 0, "statements": 0, "store_errors": 0}
        pending: list[ArticleResult] = []
        for res in results:
            pending.append(res)
            if len(pending) >= batch:
                self._add_batch(pending, counts)
                pending = []
        if pending:
            self._add_batch(pending, counts)
        return counts

    def _add_batch(self, batch: list[ArticleResult], counts: dict[str, int]) -> None:
        existing = self.existing_ids(r.article.id for r in batch)
        new: list[ArticleResult] = []
        for res in batch:
            if res.article.id in existing:
                counts["duplicates"] += 1
            else:
                existing.add(res.article.id)  # the same article twice in one batch
                new.append(res)
        if not new:
            return
        rows: dict[str, list[dict[str, Any]]] = {}
        n_statements = 0
        for res in new:
            self._article_rows(res.article, rows)
            n_statements += self._statement_rows(res.article.id, res.statements, rows)
        try:
            with self.engine.begin() as conn:
                self._write_article_rows(conn, rows)
                self._write_statement_rows(conn, rows)
        except (IntegrityError, DataError):
            # find the article the database refuses; the others go in one by one
            for res in new:
                self._add_one(res, counts)
            return
        counts["articles"] += len(new)
        counts["statements"] += n_statements

    def _add_one(self, res: ArticleResult, counts: dict[str, int]) -> None:
        rows: dict[str, list[dict[str, Any]]] = {}
        self._article_rows(res.article, rows)
        n = self._statement_rows(res.article.id, res.statements, rows)
        try:
            with self.engine.begin() as conn:
                if not conn.execute(text(self._ARTICLE_SQL["articles"]), rows.pop("articles")[0]).rowcount:
                    counts["duplicates"] += 1  # stored meanwhile by another writer; nothing else written
                    return
                self._write_article_rows(conn, rows)
                self._write_statement_rows(conn, rows)
        except (IntegrityError, DataError) as exc:
            counts["store_errors"] += 1
            self.add_skip(Skip(res.article.source_ref, "store_error", f"{exc.__class__.__name__}: {exc.orig}"))
            return
        counts["articles"] += 1
        counts["statements"] += n

    def replace_statements(self, article_id: str, statements: Iterable[Statement]) -> int:
        """Re-analysis: swap an article's statements for new ones (atomic)."""
        rows: dict[str, list[dict[str, Any]]] = {}
        n = self._statement_rows(article_id, statements, rows)
        sync = fts_sync(self.dialect, "statements")
        with self.engine.begin() as conn:
            if sync:
                ids = conn.execute(text("SELECT id FROM statements WHERE article_id = :a"), {"a": article_id})
                self._exec(conn, sync[0], [{"id": r[0]} for r in ids])
            self._exec(conn, "DELETE FROM statements WHERE article_id = :a", {"a": article_id})
            self._write_statement_rows(conn, rows)
        return n

    _STATEMENT_SQL = {
        "statements": "INSERT INTO statements(id, article_id, kind, content_start, content_end, content_text,"
        " fragments, cue_start, cue_end, cue_text, mention_start, mention_end, mention_text, speaker_id,"
        " resolution, said_on, confidence, extractor, modality, polarity, checkworthy) VALUES (:id, :a, :kind,"
        " :cs, :ce, :ct, :frag, :qs, :qe, :qt, :ms, :me, :mt, :sp, :res, :said, :conf, :ext, :mod, :pol, :cw)"
        " ON CONFLICT (id) DO NOTHING",
        "quantities": "INSERT INTO quantities(statement_id, idx, value, low, high, unit, counted, qualifier,"
        " start_char, end_char, text) VALUES (:s, :i, :v, :lo, :hi, :u, :c, :q, :st, :en, :t)",
        "hedges": "INSERT INTO hedges(statement_id, idx, kind, start_char, end_char, text)"
        " VALUES (:s, :i, :k, :st, :en, :t)",
        "times": "INSERT INTO statement_times(statement_id, idx, kind, bound, value, start_char, end_char, text)"
        " VALUES (:s, :i, :k, :b, :v, :st, :en, :t)",
    }

    @staticmethod
    def _statement_rows(article_id: str, statements: Iterable[Statement], rows: dict[str, list[dict[str, Any]]]) -> int:
        """Append the rows of an article's statements to ``rows``; returns how many statements."""
        seen: set[str] = set()
        for st in statements:
            sid = st.id
            if sid in seen:
                continue
            seen.add(sid)
            rows.setdefault("statements", []).append(
                {
                    "id": sid,
                    "a": article_id,
                    "kind": st.kind,
                    "cs": st.content.start,
                    "ce": st.content.end,
                    "ct": st.content.text,
                    "frag": dumps([f.as_dict() for f in st.fragments]),
                    "qs": st.cue.start if st.cue else None,
                    "qe": st.cue.end if st.cue else None,
                    "qt": st.cue.text if st.cue else None,
                    "ms": st.speaker_mention.start if st.speaker_mention else None,
                    "me": st.speaker_mention.end if st.speaker_mention else None,
                    "mt": st.speaker_mention.text if st.speaker_mention else None,
                    "sp": st.speaker_id,
                    "res": dumps(st.resolution),
                    "said": st.said_on,
                    "conf": float(st.confidence),
                    "ext": st.extractor,
                    "mod": st.modality,
                    "pol": st.polarity,
                    "cw": st.checkworthy,
                }
            )
            rows.setdefault("statements_fts", []).append({"id": sid, "content_text": st.content.text})
            rows.setdefault("quantities", []).extend(
                {"s": sid, "i": i, "v": q.value, "lo": q.low, "hi": q.high, "u": q.unit, "c": q.counted,
                 "q": q.qualifier, "st": q.start, "en": q.end, "t": q.text}
                for i, q in enumerate(st.quantities)
            )
            rows.setdefault("hedges", []).extend(
                {"s": sid, "i": i, "k": h.kind, "st": h.start, "en": h.end, "t": h.text} for i, h in enumerate(st.hedges)
            )
            rows.setdefault("times", []).extend(
                {"s": sid, "i": i, "k": t.kind, "b": t.bound, "v": t.value, "st": t.start, "en": t.end, "t": t.text}
                for i, t in enumerate(st.times)
            )
        return len(seen)

    def _write_statement_rows(self, conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
        self._exec(conn, self._STATEMENT_SQL["statements"], rows.get("statements", []))
        sync = fts_sync(self.dialect, "statements")
        if sync:
            self._exec(conn, sync[1], rows.get("statements_fts", []))
        self._exec(conn, self._STATEMENT_SQL["quantities"], rows.get("quantities", []))
        self._exec(conn, self._STATEMENT_SQL["hedges"], rows.get("hedges", []))
        self._exec(conn, self._STATEMENT_SQL["times"], rows.get("times", []))

    # -- reading ---------------------------------------------------------------------------
    def statements(
        self,
        *,
        speaker_id: str | None = None,
        speaker_name: str | None = None,
        article_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Statements (export shape), oldest first, filtered by speaker, article and date."""
        return list(self.iter_statements(speaker_id=speaker_id, speaker_name=speaker_name, article_id=article_id,
                                         since=since, until=until, limit=limit, offset=offset))

    def iter_statements(self, *, speaker_id=None, speaker_name=None, article_id=None, since=None, until=None,
                        ids: list[str] | None = None, limit: int | None = None, offset: int = 0,
                        outlet: str | None = None, mention: str | None = None) -> Iterator[dict[str, Any]]:
        """Stream statements in export shape (constant memory). ``outlet`` matches case-insensitively;
        ``mention`` selects unresolved statements (no speaker id) whose mention text is that (any case)."""
        if ids is not None and not ids:
            return
        where, params = self._statement_where(speaker_id=speaker_id, speaker_name=speaker_name, article_id=article_id,
                                              since=since, until=until, outlet=outlet, mention=mention)
        if ids is not None:
            where.append("s.id IN (" + ", ".join(f":i{j}" for j in range(len(ids))) + ")")
            params.update({f"i{j}": v for j, v in enumerate(ids)})
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY coalesce(s.said_on, a.published), s.article_id, s.content_start"
        if limit is not None:
            sql += " LIMIT :limit OFFSET :offset"
            params.update(limit=limit, offset=offset)
        rows = self._stream(sql, params)
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= 500:
                yield from self._shape(batch)
                batch = []
        if batch:
            yield from self._shape(batch)

    @staticmethod
    def _statement_where(*, speaker_id=None, speaker_name=None, article_id=None, since=None, until=None,
                         outlet=None, mention=None) -> tuple[list[str], dict[str, Any]]:
        """WHERE clauses over ``statements s JOIN articles a LEFT JOIN speakers sp`` for the filters given."""
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if speaker_id:
            clauses.append("s.speaker_id = :sid")
            params["sid"] = speaker_id
        if speaker_name:
            clauses.append("(lower(sp.name) LIKE lower(:sname) OR lower(s.mention_text) LIKE lower(:sname))")
            params["sname"] = f"%{speaker_name}%"
        if mention:
            clauses.append("s.speaker_id IS NULL AND lower(trim(s.mention_text)) = lower(:mention)")
            params["mention"] = mention.strip()
        if article_id:
            clauses.append("s.article_id = :aid")
            params["aid"] = article_id
        if outlet:
            clauses.append("lower(a.outlet) = lower(:outlet)")
            params["outlet"] = outlet
        dates, values = date_range("coalesce(s.said_on, a.published)", since, until)
        clauses += dates
        params.update(values)
        return clauses, params

    def count_statements(self, *, speaker_id: str | None = None, speaker_name: str | None = None,
                         article_id: str | None = None, since: str | None = None, until: str | None = None,
                         outlet: str | None = None, mention: str | None = None) -> int:
        """How many statements match the filters of :meth:`iter_statements` (counted in SQL)."""
        where, params = self._statement_where(speaker_id=speaker_id, speaker_name=speaker_name, article_id=article_id,
                                              since=since, until=until, outlet=outlet, mention=mention)
        if not where:
            return int(self._scalar("SELECT COUNT(*) FROM statements") or 0)
        sql = ("SELECT COUNT(*) FROM statements s JOIN articles a ON a.id = s.article_id"
               + (" LEFT JOIN speakers sp ON sp.id = s.speaker_id" if speaker_name else "")
               + " WHERE " + " AND ".join(where))
        return int(self._scalar(sql, params) or 0)

    def statement(self, statement_id: str) -> dict[str, Any] | None:
        got = list(self.iter_statements(ids=[statement_id]))
        return got[0] if got else None

    def search_statements(self, q: str, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search over statement contents."""
        query = fts_query(self.dialect, q)
        if query is None:
            return []
        ids = [r["id"] for r in self._rows(statement_search_sql(self.dialect), {"q": query, "limit": limit, "offset": offset})]
        found = {s["id"]: s for s in self.iter_statements(ids=ids)}
        return [found[i] for i in ids if i in found]

    def _shape(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ids = [r["id"] for r in rows]
        params = {f"i{j}": v for j, v in enumerate(ids)}
        marks = ", ".join(f":i{j}" for j in range(len(ids)))
        quants: dict[str, list] = {}
        for q in self._rows(
            f"SELECT * FROM quantities WHERE statement_id IN ({marks}) ORDER BY statement_id, idx", params
        ):
            quants.setdefault(q["statement_id"], []).append(
                {k: q[k] for k in ("value", "low", "high", "unit", "counted", "qualifier", "text")}
                | {"start": q["start_char"], "end": q["end_char"]}
            )
        hedges: dict[str, list] = {}
        for h in self._rows(f"SELECT * FROM hedges WHERE statement_id IN ({marks}) ORDER BY statement_id, idx", params):
            hedges.setdefault(h["statement_id"], []).append(
                {"kind": h["kind"], "start": h["start_char"], "end": h["end_char"], "text": h["text"]}
            )
        times: dict[str, list] = {}
        for t in self._rows(f"SELECT * FROM statement_times WHERE statement_id IN ({marks}) ORDER BY statement_id, idx",
                            params):
            times.setdefault(t["statement_id"], []).append(
                {"kind": t["kind"], "bound": t["bound"], "value": t["value"], "start": t["start_char"],
                 "end": t["end_char"], "text": t["text"]}
            )
        out = []
        for r in rows:
            content = _span(r["content_start"], r["content_end"], r["content_text"])
            frags = loads(r["fragments"], [])
            if len(frags) > 1:
                content["fragments"] = frags
            out.append(
                {
                    "id": r["id"],
                    "article_id": r["a_external_id"] or r["article_id"],
                    "article": {
                        "id": r["article_id"],
                        "title": r["a_title"],
                        "outlet": r["a_outlet"],
                        "published": r["a_published"],
                        "url": r["a_url"],
                    },
                    "kind": r["kind"],
                    "content": content,
                    "cue": _span(r["cue_start"], r["cue_end"], r["cue_text"]),
                    "speaker_mention": _span(r["mention_start"], r["mention_end"], r["mention_text"]),
                    "speaker": {"id": r["speaker_id"], "name": r["speaker_name"]} if r["speaker_id"] else None,
                    "resolution": loads(r["resolution"], {}),
                    "said_on": r["said_on"],
                    "published": r["a_published"],
                    "confidence": r["confidence"],
                    "extractor": r["extractor"],
                    "quantities": quants.get(r["id"], []),
                    "hedges": hedges.get(r["id"], []),
                    "times": times.get(r["id"], []),
                    "modality": r["modality"],
                    "polarity": r["polarity"],
                    "checkworthy": r["checkworthy"],
                }
            )
        return out
