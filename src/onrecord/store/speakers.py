"""Canonical speakers with their aliases and dated roles, statement speaker ids, and user corrections."""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from ..errors import NotFoundError
from .base import dumps, loads
from .engine import now
from .statements import StatementStore

__all__ = ["SpeakerStore"]


class SpeakerStore(StatementStore):
    # -- inputs for linking ------------------------------------------------------------------
    def speaker_inputs(self) -> Iterator[dict[str, Any]]:
        """Per statement: id, article id and date, mention text and the within-article resolution (parsed)."""
        sql = (
            "SELECT s.id, s.article_id, coalesce(s.said_on, a.published) AS date, s.mention_text, s.resolution"
            " FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY s.article_id, s.content_start"
        )
        for row in self._stream(sql):
            row["resolution"] = loads(row["resolution"], {})
            yield row

    def article_texts(self) -> Iterator[dict[str, Any]]:
        """Every article's id, date, language and text (for role appositions)."""
        yield from self._stream("SELECT id, published, language, text FROM articles ORDER BY published, id")

    # -- writing ---------------------------------------------------------------------------
    def replace_speakers(self, speakers: Iterable[dict[str, Any]], assignments: dict[str, str | None]) -> int:
        """Swap the whole speaker table for a new linking result and set every statement's speaker id.

        ``speakers``: dicts with ``id``, ``name``, ``kind``, ``meta`` (dict), ``aliases`` [(alias, key, source)],
        ``roles`` [dict(role, article_id, date, source, evidence)]. One transaction.
        """
        speakers = list(speakers)
        with self.engine.begin() as conn:
            self._exec(conn, "UPDATE statements SET speaker_id = NULL WHERE speaker_id IS NOT NULL")
            self._exec(conn, "DELETE FROM speaker_roles")
            self._exec(conn, "DELETE FROM speaker_aliases")
            self._exec(conn, "DELETE FROM speakers")
            self._write_speakers(conn, speakers)
            self._exec(conn, "UPDATE statements SET speaker_id = :sp WHERE id = :id",
                       [{"sp": sp, "id": sid} for sid, sp in assignments.items() if sp])
        return len(speakers)

    def upsert_speakers(self, speakers: Iterable[dict[str, Any]]) -> int:
        """Add or update speakers (same shape as :meth:`replace_speakers`); aliases and roles are added."""
        speakers = list(speakers)
        with self.engine.begin() as conn:
            self._write_speakers(conn, speakers)
        return len(speakers)

    def _write_speakers(self, conn, speakers: list[dict[str, Any]]) -> None:
        self._exec(
            conn,
            "INSERT INTO speakers(id, name, kind, meta) VALUES (:id, :name, :kind, :meta)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, meta = excluded.meta",
            [{"id": s["id"], "name": s["name"], "kind": s.get("kind", "person"), "meta": dumps(s.get("meta") or {})}
             for s in speakers],
        )
        self._exec(
            conn,
            "INSERT INTO speaker_aliases(alias_key, speaker_id, alias, source) VALUES (:k, :s, :a, :src)"
            " ON CONFLICT (alias_key, speaker_id) DO NOTHING",
            [{"k": k, "s": s["id"], "a": a, "src": src} for s in speakers for a, k, src in s.get("aliases", ()) if k],
        )
        self._exec(
            conn,
            "INSERT INTO speaker_roles(speaker_id, role, article_id, date, source, evidence)"
            " VALUES (:s, :r, :a, :d, :src, :ev)",
            [{"s": s["id"], "r": r["role"], "a": r.get("article_id") or None, "d": r.get("date"),
              "src": r.get("source", "corpus"), "ev": r.get("evidence", "")} for s in speakers for r in s.get("roles", ())],
        )

    def set_statement_speakers(self, assignments: dict[str, str | None]) -> int:
        """Set ``speaker_id`` for many statements at once (None clears it)."""
        with self.engine.begin() as conn:
            self._exec(conn, "UPDATE statements SET speaker_id = :sp WHERE id = :id",
                       [{"sp": sp, "id": sid} for sid, sp in assignments.items()])
        return len(assignments)

    # -- reading ---------------------------------------------------------------------------
    def speakers(self, *, q: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Speakers with statement counts, aliases and roles; most quoted first."""
        where, params = "", {}
        if q:
            where = (" WHERE lower(sp.name) LIKE lower(:q) OR sp.id IN"
                     " (SELECT speaker_id FROM speaker_aliases WHERE lower(alias) LIKE lower(:q))")
            params["q"] = f"%{q}%"
        sql = (
            "SELECT sp.id, sp.name, sp.kind, sp.meta, (SELECT COUNT(*) FROM statements s WHERE s.speaker_id = sp.id)"
            f" AS statements FROM speakers sp{where} ORDER BY statements DESC, sp.name"
        )
        if limit is not None:
            sql += " LIMIT :limit OFFSET :offset"
            params.update(limit=limit, offset=offset)
        rows = self._rows(sql, params)
        return self._with_details(rows)

    def count_speakers(self, *, q: str | None = None) -> int:
        """How many speakers :meth:`speakers` lists for ``q`` (name or alias substring)."""
        if not q:
            return int(self._scalar("SELECT COUNT(*) FROM speakers") or 0)
        return int(self._scalar(
            "SELECT COUNT(*) FROM speakers sp WHERE lower(sp.name) LIKE lower(:q) OR sp.id IN"
            " (SELECT speaker_id FROM speaker_aliases WHERE lower(alias) LIKE lower(:q))", {"q": f"%{q}%"}) or 0)

    # -- unresolved mentions, grouped in SQL -------------------------------------------------
    _MENTIONS = (" FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.speaker_id IS NULL"
                 " AND s.mention_text IS NOT NULL AND trim(s.mention_text) <> ''")

    def speaker_mentions(self, *, q: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Statements without a speaker id grouped by mention text (case-insensitive), busiest first, shaped
        like :meth:`speakers` with ``kind`` "mention", an ``m-…`` id and first/last dates in ``meta``."""
        from ..models import content_id

        params: dict[str, Any] = {}
        sql = ("SELECT lower(trim(s.mention_text)) AS k, MIN(trim(s.mention_text)) AS name, COUNT(*) AS n,"
               " MIN(coalesce(s.said_on, a.published)) AS first, MAX(coalesce(s.said_on, a.published)) AS last"
               + self._MENTIONS)
        if q:
            sql += " AND lower(s.mention_text) LIKE lower(:q)"
            params["q"] = f"%{q}%"
        sql += " GROUP BY lower(trim(s.mention_text)) ORDER BY n DESC, k"
        if limit is not None:
            sql += " LIMIT :limit OFFSET :offset"
            params.update(limit=limit, offset=offset)
        return [{"id": "m-" + content_id(r["name"].strip().lower(), size=12), "name": r["name"], "kind": "mention",
                 "meta": {"first": r["first"], "last": r["last"]}, "statements": int(r["n"]), "aliases": [],
                 "roles": []} for r in self._rows(sql, params)]

    def count_speaker_mentions(self, *, q: str | None = None) -> int:
        """How many groups :meth:`speaker_mentions` has for ``q``."""
        sql = "SELECT COUNT(DISTINCT lower(trim(s.mention_text)))" + self._MENTIONS
        if q:
            return int(self._scalar(sql + " AND lower(s.mention_text) LIKE lower(:q)", {"q": f"%{q}%"}) or 0)
        return int(self._scalar(sql) or 0)

    def _with_details(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if not rows:
            return rows
        params = {f"i{j}": r["id"] for j, r in enumerate(rows)}
        marks = ", ".join(f":i{j}" for j in range(len(rows)))
        aliases: dict[str, list] = {}
        for a in self._rows(f"SELECT speaker_id, alias, source FROM speaker_aliases WHERE speaker_id IN ({marks})"
                            " ORDER BY alias", params):
            aliases.setdefault(a["speaker_id"], []).append({"alias": a["alias"], "source": a["source"]})
        roles: dict[str, dict[str, dict]] = {}
        for r in self._rows(f"SELECT speaker_id, role, article_id, date, source, evidence FROM speaker_roles"
                            f" WHERE speaker_id IN ({marks}) ORDER BY date", params):
            by_role = roles.setdefault(r["speaker_id"], {})
            item = by_role.setdefault(r["role"], {"role": r["role"], "first": None, "last": None, "articles": 0,
                                                  "sources": []})
            if r["date"]:
                item["first"] = item["first"] or r["date"]
                item["last"] = r["date"]
            item["articles"] += 1 if r["article_id"] else 0
            if r["source"] not in item["sources"]:
                item["sources"].append(r["source"])
        for r in rows:
            r["meta"] = loads(r.get("meta"), {}) if isinstance(r.get("meta"), str) else (r.get("meta") or {})
            r["statements"] = int(r.get("statements") or 0)
            r["aliases"] = aliases.get(r["id"], [])
            r["roles"] = list(roles.get(r["id"], {}).values())
        return rows

    def speaker(self, key: str) -> dict[str, Any]:
        """One speaker by id, id prefix, name or alias (case- and spelling-insensitive)."""
        from ..resolve.names import alias_key, parse_person

        rows = self._rows("SELECT id FROM speakers WHERE id = :k OR lower(name) = lower(:k)", {"k": key})
        if not rows:
            rows = self._rows("SELECT DISTINCT speaker_id AS id FROM speaker_aliases WHERE lower(alias) = lower(:k)",
                              {"k": key})
        if not rows:  # spelling variants: Shoygu for Shoigu, Jaksylov for Zhaksylov
            want = alias_key(key)
            rows = [{"id": r["id"]} for r in self._rows("SELECT id, name FROM speakers") if alias_key(r["name"]) == want]
            if not rows:
                rows = [{"id": r["speaker_id"]} for r in self._rows("SELECT speaker_id, alias FROM speaker_aliases")
                        if alias_key(r["alias"]) == want]
            if not rows and len(key.split()) == 1:  # a bare surname, when only one speaker has it
                sk = parse_person(key).surname_key
                rows = [{"id": r["id"]} for r in self._rows("SELECT id, name FROM speakers WHERE kind = 'person'")
                        if parse_person(r["name"]).surname_key == sk]
        if not rows and len(key) >= 4:
            rows = self._rows("SELECT id FROM speakers WHERE id LIKE :p", {"p": key + "%"})
        ids = sorted({r["id"] for r in rows})
        if len(ids) != 1:
            raise NotFoundError(f"No speaker {key!r}" if not ids else f"Speaker {key!r} is ambiguous ({len(ids)} match)")
        got = self._with_details(self._rows(
            "SELECT sp.id, sp.name, sp.kind, sp.meta, (SELECT COUNT(*) FROM statements s WHERE s.speaker_id = sp.id)"
            " AS statements FROM speakers sp WHERE sp.id = :i", {"i": ids[0]}))
        return got[0]

    # -- corrections -----------------------------------------------------------------------
    def add_speaker_correction(self, action: str, a: str, b: str = "", note: str = "") -> int:
        """Record a user correction (``merge`` a b, ``split`` a alias); returns its sequence number."""
        if action not in ("merge", "split"):
            raise ValueError(f"unknown correction {action!r}")
        with self.engine.begin() as conn:
            from sqlalchemy import text

            seq = int(conn.execute(text("SELECT coalesce(MAX(seq), 0) + 1 FROM speaker_corrections")).scalar() or 1)
            self._exec(conn, "INSERT INTO speaker_corrections(seq, action, a, b, note, at) VALUES (:s, :ac, :a, :b, :n, :at)",
                       {"s": seq, "ac": action, "a": a, "b": b, "n": note, "at": now()})
        return seq

    def speaker_corrections(self) -> list[dict[str, Any]]:
        return self._rows("SELECT seq, action, a, b, note, at FROM speaker_corrections ORDER BY seq")
