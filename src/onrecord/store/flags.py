"""Flags with their evidence statements, and reviewers' verdicts on them.

Flags are replaced wholesale by each analysis run; verdicts live in their own table
keyed by the flag id (a content hash of type + evidence statement ids), so a verdict
given once applies again when a later run finds the same flag.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..errors import NotFoundError, StoreError
from ..models import Flag
from .base import date_range
from .engine import now
from .speakers import SpeakerStore

__all__ = ["FlagStore", "VERDICTS"]

VERDICTS = {"confirm": "confirmed", "confirmed": "confirmed", "dismiss": "dismissed", "dismissed": "dismissed"}

_EVIDENCE_SQL = (
    "SELECT fe.flag_id, fe.idx, fe.statement_id, s.article_id AS article_db, a.external_id, a.outlet, a.title,"
    " a.published, s.said_on, s.content_start, s.content_end, s.content_text, s.speaker_id, s.mention_text,"
    " sp.name AS speaker_name"
    " FROM flag_evidence fe LEFT JOIN statements s ON s.id = fe.statement_id"
    " LEFT JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id"
)


class FlagStore(SpeakerStore):
    def replace_flags(self, flags: Iterable[Flag], *, detector: str = "") -> int:
        """Swap the stored flags for ``flags`` in one transaction; verdicts are kept. Returns how many."""
        flags = list({f.id: f for f in flags}.values())
        at = now()
        with self.engine.begin() as conn:
            self._exec(conn, "DELETE FROM flag_evidence")
            self._exec(conn, "DELETE FROM flags")
            self._exec(
                conn,
                "INSERT INTO flags(id, type, score, explanation, topic, detector, created_at)"
                " VALUES (:id, :type, :score, :expl, :topic, :det, :at)",
                [{"id": f.id, "type": f.type, "score": float(f.score), "expl": f.explanation, "topic": f.topic,
                  "det": f.detector or detector, "at": at} for f in flags],
            )
            self._exec(
                conn,
                "INSERT INTO flag_evidence(flag_id, idx, statement_id) VALUES (:f, :i, :s)",
                [{"f": f.id, "i": i, "s": e.statement_id} for f in flags for i, e in enumerate(f.evidence)],
            )
        return len(flags)

    def flags(self, *, type: str | None = None, speaker: str | None = None, verdict: str | None = None,
              limit: int | None = None, offset: int = 0, outlet: str | None = None, since: str | None = None,
              until: str | None = None, newest: bool = False, mention: str | None = None) -> list[dict[str, Any]]:
        """Flags, highest score first (``newest``: latest evidence date first), each with its evidence
        statements joined (article, outlet, date, span, speaker) and its verdict. ``speaker`` matches any
        evidence speaker's name or id; ``mention`` any unresolved evidence statement's mention text (any case);
        ``outlet`` / ``since`` / ``until`` any evidence statement's."""
        clauses, params = self._flag_where(type=type, speaker=speaker, verdict=verdict, outlet=outlet, since=since,
                                           until=until, mention=mention)
        order = " ORDER BY f.score DESC, f.type, f.id"
        if newest:
            order = (" ORDER BY (SELECT MAX(coalesce(s.said_on, a.published)) FROM flag_evidence fe"
                     " JOIN statements s ON s.id = fe.statement_id JOIN articles a ON a.id = s.article_id"
                     " WHERE fe.flag_id = f.id) DESC, f.score DESC, f.id")
        sql = (
            "SELECT f.id, f.type, f.score, f.explanation, f.topic, f.detector, f.created_at,"
            " v.verdict, v.note, v.reviewer, v.at AS verdict_at FROM flags f LEFT JOIN verdicts v ON v.flag_id = f.id"
            + (" WHERE " + " AND ".join(clauses) if clauses else "")
            + order
        )
        if limit is not None:
            sql += " LIMIT :limit OFFSET :offset"
            params.update(limit=limit, offset=offset)
        rows = self._rows(sql, params)
        return self._with_evidence(rows)

    def count_flags(self, *, type: str | None = None, speaker: str | None = None, verdict: str | None = None,
                    outlet: str | None = None, since: str | None = None, until: str | None = None,
                    mention: str | None = None) -> int:
        """How many flags match the filters of :meth:`flags` (counted in SQL)."""
        clauses, params = self._flag_where(type=type, speaker=speaker, verdict=verdict, outlet=outlet, since=since,
                                           until=until, mention=mention)
        sql = "SELECT COUNT(*) FROM flags f LEFT JOIN verdicts v ON v.flag_id = f.id"
        return int(self._scalar(sql + (" WHERE " + " AND ".join(clauses) if clauses else ""), params) or 0)

    @staticmethod
    def _flag_where(*, type=None, speaker=None, verdict=None, outlet=None, since=None, until=None,
                    mention=None) -> tuple[list[str], dict[str, Any]]:
        """WHERE clauses over ``flags f LEFT JOIN verdicts v`` for the filters given."""
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if type:
            clauses.append("f.type = :type")
            params["type"] = type
        if verdict:
            if verdict == "open":
                clauses.append("v.verdict IS NULL")
            else:
                clauses.append("v.verdict = :verdict")
                params["verdict"] = VERDICTS.get(verdict, verdict)
        if speaker:
            clauses.append(
                "f.id IN (SELECT fe.flag_id FROM flag_evidence fe JOIN statements s ON s.id = fe.statement_id"
                " LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.speaker_id = :sp"
                " OR lower(sp.name) LIKE lower(:spl) OR lower(s.mention_text) LIKE lower(:spl))"
            )
            params.update(sp=speaker, spl=f"%{speaker}%")
        if mention:
            clauses.append("f.id IN (SELECT fe.flag_id FROM flag_evidence fe JOIN statements s ON s.id = fe.statement_id"
                           " WHERE s.speaker_id IS NULL AND lower(trim(s.mention_text)) = lower(:mention))")
            params["mention"] = mention.strip()
        if outlet:
            clauses.append("f.id IN (SELECT fe.flag_id FROM flag_evidence fe JOIN statements s ON s.id = fe.statement_id"
                           " JOIN articles a ON a.id = s.article_id WHERE lower(a.outlet) = lower(:outlet))")
            params["outlet"] = outlet
        if since or until:
            limits, values = date_range("coalesce(s.said_on, a.published)", since, until)
            clauses.append("f.id IN (SELECT fe.flag_id FROM flag_evidence fe JOIN statements s ON s.id = fe.statement_id"
                           " JOIN articles a ON a.id = s.article_id WHERE " + " AND ".join(limits) + ")")
            params.update(values)
        return clauses, params

    def _with_evidence(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for i in range(0, len(rows), 400):
            chunk = rows[i : i + 400]
            params = {f"f{j}": r["id"] for j, r in enumerate(chunk)}
            marks = ", ".join(f":f{j}" for j in range(len(chunk)))
            evidence: dict[str, list[dict[str, Any]]] = {}
            for e in self._rows(f"{_EVIDENCE_SQL} WHERE fe.flag_id IN ({marks}) ORDER BY fe.flag_id, fe.idx", params):
                evidence.setdefault(e["flag_id"], []).append(
                    {
                        "statement_id": e["statement_id"],
                        "article_id": e["external_id"] or e["article_db"],
                        "article_db": e["article_db"],
                        "outlet": e["outlet"] or "",
                        "title": e["title"] or "",
                        "date": (e["said_on"] or e["published"] or "")[:10] or None,
                        "start": e["content_start"],
                        "end": e["content_end"],
                        "text": e["content_text"],
                        "speaker": e["speaker_name"] or e["mention_text"],
                        "speaker_id": e["speaker_id"],
                    }
                )
            for r in chunk:
                verdict = r.pop("verdict")
                note, reviewer, at = r.pop("note"), r.pop("reviewer"), r.pop("verdict_at")
                r["verdict"] = {"verdict": verdict, "note": note, "reviewer": reviewer, "at": at} if verdict else None
                r["evidence"] = evidence.get(r["id"], [])
                out.append(r)
        return out

    def _flag_id(self, flag_id: str) -> str:
        rows = self._rows("SELECT id FROM flags WHERE id = :i", {"i": flag_id})
        if not rows and len(flag_id) >= 4:
            rows = self._rows("SELECT id FROM flags WHERE id LIKE :p", {"p": flag_id + "%"})
        if len(rows) != 1:
            raise NotFoundError(
                f"No flag {flag_id!r}" if not rows else f"Flag id {flag_id!r} is ambiguous ({len(rows)} match)",
                hint="List flags with `onrecord flags`.",
            )
        return rows[0]["id"]

    def flag(self, flag_id: str) -> dict[str, Any]:
        """One flag (full id or a unique prefix) with evidence and verdict."""
        fid = self._flag_id(flag_id)
        rows = self._rows(
            "SELECT f.id, f.type, f.score, f.explanation, f.topic, f.detector, f.created_at, v.verdict, v.note,"
            " v.reviewer, v.at AS verdict_at FROM flags f LEFT JOIN verdicts v ON v.flag_id = f.id WHERE f.id = :i",
            {"i": fid},
        )
        return self._with_evidence(rows)[0]

    def set_verdict(self, flag_id: str, verdict: str, *, note: str = "", reviewer: str = "") -> dict[str, Any]:
        """Confirm or dismiss a flag; the verdict is kept across re-analysis."""
        if verdict not in VERDICTS:
            raise StoreError(f"Unknown verdict {verdict!r}", hint="Use confirm or dismiss.")
        fid = self._flag_id(flag_id)
        with self.engine.begin() as conn:
            self._exec(
                conn,
                "INSERT INTO verdicts(flag_id, verdict, note, reviewer, at) VALUES (:f, :v, :n, :r, :at)"
                " ON CONFLICT (flag_id) DO UPDATE SET verdict = excluded.verdict, note = excluded.note,"
                " reviewer = excluded.reviewer, at = excluded.at",
                {"f": fid, "v": VERDICTS[verdict], "n": note, "r": reviewer, "at": now()},
            )
        return self.flag(fid)

    def speaker_statements(self, speaker: str, *, limit: int | None = None) -> list[dict[str, Any]]:
        """A speaker's statements, oldest first (speaker id, or a name / mention substring), each with the
        ids of the flags it is evidence in under ``flags``."""
        by_id = list(self.iter_statements(speaker_id=speaker, limit=limit))
        statements = by_id or list(self.iter_statements(speaker_name=speaker, limit=limit))
        flags = self.flag_ids_for([s["id"] for s in statements])
        for s in statements:
            s["flags"] = flags.get(s["id"], [])
        return statements

    def flag_ids_for(self, statement_ids: list[str]) -> dict[str, list[str]]:
        """statement id -> ids of the flags it is evidence in."""
        flags: dict[str, list[str]] = {}
        for i in range(0, len(statement_ids), 400):
            chunk = statement_ids[i : i + 400]
            params = {f"s{j}": v for j, v in enumerate(chunk)}
            marks = ", ".join(f":s{j}" for j in range(len(chunk)))
            for r in self._rows(
                f"SELECT statement_id, flag_id FROM flag_evidence WHERE statement_id IN ({marks}) ORDER BY flag_id",
                params,
            ):
                flags.setdefault(r["statement_id"], []).append(r["flag_id"])
        return flags
