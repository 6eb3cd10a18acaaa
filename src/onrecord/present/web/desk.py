"""What the desk's pages show, as plain dicts (the JSON twins return exactly these).

Route modules stay thin: they parse the request, call one ``Desk`` method and render. Lists come
back as ``{"items", "total", "limit", "offset"}``; the store filters, counts and pages in SQL, so a
page never reads more than its own rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from ...errors import BadRequestError, NotFoundError
from ..export.dossier import flag_date
from ..export.sources import Records, speaker_of
from .highlight import segments, sentence_window
from .timeline_svg import timeline_svg

__all__ = ["Filters", "Desk"]

SEARCH_CAP = 1000


@dataclass(frozen=True)
class Filters:
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    speaker: str | None = None
    type: str | None = None
    limit: int = 50
    offset: int = 0


def _empty(f: Filters) -> dict[str, Any]:
    return {"items": [], "total": 0, "limit": f.limit, "offset": f.offset}


class Desk:
    def __init__(self, store: Any) -> None:
        self.store = store
        self.records = Records(store)

    # -- overview ---------------------------------------------------------------------------
    def overview(self) -> dict[str, Any]:
        return {
            "counts": self.store.counts(),
            "flags": self.newest_flags(10),
            "speakers": self.speakers(Filters(limit=10))["items"],
            "outlets": self.store.outlets()[:10],
            "articles": self.store.articles(limit=8),
            "features": {"speakers": self.records.has_speakers, "flags": self.records.has_flags,
                         "review": self.records.can_review},
        }

    # -- articles ---------------------------------------------------------------------------
    def articles(self, f: Filters) -> dict[str, Any]:
        rows = self.store.articles(outlet=f.outlet, since=f.since, until=f.until, limit=f.limit, offset=f.offset)
        total = self.store.count_articles(outlet=f.outlet, since=f.since, until=f.until)
        return {"items": rows, "total": total, "limit": f.limit, "offset": f.offset}

    def article(self, article_id: str) -> dict[str, Any]:
        art = self.store.article(article_id)
        art["statements"] = list(self.records.iter_statements(article_id=art["id"]))
        return art

    def article_segments(self, art: dict[str, Any]):
        return segments(art["text"], art["statements"])

    # -- statements -------------------------------------------------------------------------
    @staticmethod
    def _statement_filter(f: Filters, sp: dict[str, Any] | None = None) -> dict[str, Any]:
        """Store filters for a statements list: ``sp`` is a speaker page's speaker (stored or a mention)."""
        kw: dict[str, Any] = {"since": f.since, "until": f.until, "outlet": f.outlet}
        if sp is None:
            kw["speaker_name"] = f.speaker
        elif sp.get("kind") == "mention":
            kw["mention"] = sp["name"]
        else:
            kw["speaker_id"] = sp["id"]
        return kw

    def _statements(self, f: Filters, sp: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        return self.store.iter_statements(**self._statement_filter(f, sp))

    def statements(self, f: Filters, sp: dict[str, Any] | None = None) -> dict[str, Any]:
        kw = self._statement_filter(f, sp)
        items = list(self.store.iter_statements(**kw, limit=f.limit, offset=f.offset))
        return {"items": items, "total": self.store.count_statements(**kw), "limit": f.limit, "offset": f.offset}

    def statement(self, statement_id: str) -> dict[str, Any]:
        st = self.store.statement(statement_id)
        if st is None:
            raise NotFoundError(f"No statement {statement_id!r}", hint="Statements are listed at /statements.")
        art = self.store.article(st["article"]["id"])
        st["context"] = self.context(st, art)
        st["provenance"] = art["provenance"]
        flag_ids = self.store.flag_ids_for([st["id"]]).get(st["id"], []) if self.records.has_flags else []
        st["flags"] = [
            {k: fl[k] for k in ("id", "type", "score", "explanation") if k in fl}
            for fl in (self.store.flag(fid) for fid in flag_ids)
        ]
        return st

    @staticmethod
    def context(st: dict[str, Any], art: dict[str, Any]) -> dict[str, Any]:
        """The statement's sentence(s), widened to cover its cue and speaker mention."""
        points = [st["content"]["start"], st["content"]["end"]]
        for key in ("cue", "speaker_mention"):
            if st.get(key):
                points += [st[key]["start"], st[key]["end"]]
        lo, hi = sentence_window(art["text"], min(points), max(points))
        return {"start": lo, "end": hi, "text": art["text"][lo:hi]}

    # -- speakers ---------------------------------------------------------------------------
    def speakers(self, f: Filters) -> dict[str, Any]:
        """Stored speakers (busiest first), then unresolved mentions grouped by name; counted in SQL."""
        q = f.speaker
        known = self.store.count_speakers(q=q) if self.records.has_speakers else 0
        items = self.store.speakers(q=q, limit=f.limit, offset=f.offset) if f.offset < known else []
        if len(items) < f.limit:
            items += self.store.speaker_mentions(q=q, limit=f.limit - len(items), offset=max(0, f.offset - known))
        total = known + self.store.count_speaker_mentions(q=q)
        return {"items": items, "total": total, "limit": f.limit, "offset": f.offset}

    def speaker(self, speaker_id: str, f: Filters) -> dict[str, Any]:
        sp = self.records.speaker(speaker_id)
        if sp is None:
            raise NotFoundError(f"No speaker {speaker_id!r}", hint="Speakers are listed at /speakers.")
        flags = list(self.records.iter_flags(speaker=sp["id"]))
        sp["statements_page"] = self.statements(f, sp)
        sp["flags"] = flags
        return sp

    def speaker_timeline(self, sp: dict[str, Any], f: Filters) -> str:
        dates = (st["said_on"] or st["published"] for st in self._statements(f, sp))
        return timeline_svg(dates, [{**fl, "date": flag_date(fl)} for fl in sp["flags"]])

    def merge(self, speaker_id: str, into: str, settings: Any) -> dict[str, Any]:
        """Record that ``speaker_id`` is ``into`` (stored by name, so every later analysis applies it again)
        and re-link speakers now; returns the speaker kept."""
        from ...analyze.speakers import correct_speakers

        if speaker_id.startswith("m-") or into.startswith("m-"):
            raise BadRequestError("Only stored speakers can be merged; run `onrecord analyze` to link mentions first.")
        if self.store.speaker(speaker_id)["id"] == self.store.speaker(into)["id"]:
            raise BadRequestError(f"{speaker_id!r} and {into!r} are already the same speaker.")
        done = correct_speakers(self.store, settings, "merge", into, speaker_id)
        return self.store.speaker(done["a"])

    # -- flags ------------------------------------------------------------------------------
    def flags(self, f: Filters) -> dict[str, Any]:
        if not self.records.has_flags:
            return _empty(f)
        kw = {"type": f.type, "speaker": f.speaker, "outlet": f.outlet, "since": f.since, "until": f.until}
        if f.speaker and f.speaker.startswith("m-"):  # an unresolved mention's id
            found = self.records.speaker(f.speaker)
            if found is None:
                return _empty(f)
            kw.update(speaker=None, mention=found["name"])
        items = [self.records.flag_shape(fl) for fl in self.store.flags(**kw, limit=f.limit, offset=f.offset)]
        return {"items": items, "total": self.store.count_flags(**kw), "limit": f.limit, "offset": f.offset}

    def newest_flags(self, n: int) -> list[dict[str, Any]]:
        """The ``n`` flags whose latest evidence is newest."""
        if not self.records.has_flags:
            return []
        return [self.records.flag_shape(fl) for fl in self.store.flags(newest=True, limit=n)]

    def flag(self, flag_id: str) -> dict[str, Any]:
        if not self.records.has_flags:
            raise NotFoundError(f"No flag {flag_id!r}", hint="This store has no flags yet.")
        fl = self.records.flag(flag_id)
        for st in fl["evidence"]:
            art = self.store.article(st["article"]["id"])
            st["context"] = self.context(st, art)
            st["provenance"] = art["provenance"]
        return fl

    def review(self, flag_id: str, verdict: str, note: str, reviewer: str) -> dict[str, Any]:
        self.records.review(flag_id, verdict, note=note, reviewer=reviewer)
        return self.records.flag(flag_id)

    # -- search -----------------------------------------------------------------------------
    def search(self, q: str, f: Filters) -> dict[str, Any]:
        if not q.strip():
            return {"query": q, "items": [], "total": 0, "limit": f.limit, "offset": f.offset, "statements": []}
        items = self.store.search(q, limit=f.limit, offset=f.offset)
        total = len(self.store.search(q, limit=SEARCH_CAP)) if len(items) == f.limit or f.offset else len(items)
        return {
            "query": q, "items": items, "total": total, "limit": f.limit, "offset": f.offset,
            "statements": self.store.search_statements(q, limit=f.limit, offset=f.offset),
        }

    @staticmethod
    def who(st: dict[str, Any]) -> dict[str, str] | None:
        return speaker_of(st)
