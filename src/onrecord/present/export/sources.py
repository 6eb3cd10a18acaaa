"""What exports and the web desk read from the store: statements, flags, speakers, articles as plain dicts.

The speakers and flags parts of the store are newer than the rest; :class:`Records` checks once
whether the store has them (``has_speakers`` / ``has_flags``) and otherwise falls back to what
exists: unresolved statements are grouped by their speaker mention (``m-…`` ids, grouped in SQL),
and there are no flags. Every ``iter_*`` method streams (constant memory).
"""

from __future__ import annotations

from typing import Any, Iterator

from ...models import content_id

__all__ = ["Records", "speaker_of"]

PAGE = 500


def speaker_of(statement: dict[str, Any]) -> dict[str, str] | None:
    """``{id, name}`` of who made a statement: the resolved speaker, else the mention text (id ``m-…``)."""
    sp = statement.get("speaker")
    if sp and sp.get("id"):
        return {"id": sp["id"], "name": sp.get("name") or sp["id"]}
    mention = (statement.get("speaker_mention") or {}).get("text") or ""
    if not mention.strip():
        return None
    return {"id": "m-" + content_id(mention.strip().lower(), size=12), "name": mention.strip()}


class Records:
    """Read-side view of a ``Store`` shared by exports and the web (the one capability check lives here)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.has_speakers = hasattr(store, "speakers") and hasattr(store, "speaker")
        self.has_flags = hasattr(store, "flags") and hasattr(store, "flag")
        self.can_review = self.has_flags and hasattr(store, "set_verdict")
        self.can_merge = self.has_speakers and hasattr(store, "add_speaker_correction")

    def review(self, flag_id: str, verdict: str, *, note: str = "", reviewer: str = "") -> None:
        """Record an analyst's verdict (``confirmed`` | ``dismissed``) on a flag."""
        self.store.set_verdict(flag_id, verdict, note=note, reviewer=reviewer)

    # -- statements ----------------------------------------------------------------------
    def iter_statements(
        self,
        *,
        speaker: str | None = None,
        speaker_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        article_id: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Statements in export shape, oldest first. ``speaker`` is a name (substring); ``speaker_id`` a
        stored speaker's id or an unresolved mention's ``m-…`` id."""
        mention = None
        if speaker_id and speaker_id.startswith("m-"):
            found = self.speaker(speaker_id)
            if found is None:
                return
            speaker_id, mention = None, found["name"]
        yield from self.store.iter_statements(speaker_id=speaker_id, speaker_name=speaker, mention=mention,
                                              since=since, until=until, outlet=outlet, article_id=article_id)

    # -- articles ------------------------------------------------------------------------
    def iter_articles(self, *, outlet=None, since=None, until=None, full: bool = True) -> Iterator[dict[str, Any]]:
        """Articles newest first; ``full`` adds text, candidates, provenance and duplicates (one query each)."""
        offset = 0
        while True:
            page = self.store.articles(outlet=outlet, since=since, until=until, limit=PAGE, offset=offset)
            for row in page:
                yield self.store.article(row["id"]) if full else row
            if len(page) < PAGE:
                return
            offset += PAGE

    # -- speakers ------------------------------------------------------------------------
    def iter_speakers(self) -> Iterator[dict[str, Any]]:
        """Stored speakers with ``statements`` counts, busiest first, then unresolved mentions grouped by name."""
        offset = 0
        while self.has_speakers:
            page = list(self.store.speakers(limit=PAGE, offset=offset))
            yield from page
            if len(page) < PAGE:
                break
            offset += PAGE
        offset = 0
        while True:
            page = self.store.speaker_mentions(limit=PAGE, offset=offset)
            yield from page
            if len(page) < PAGE:
                return
            offset += PAGE

    def speaker(self, speaker_id: str) -> dict[str, Any] | None:
        """A stored speaker (id, name or alias), or an unresolved mention by its ``m-…`` id."""
        if speaker_id.startswith("m-") or not self.has_speakers:
            return next((s for s in self.store.speaker_mentions(limit=None) if s["id"] == speaker_id), None)
        return self.store.speaker(speaker_id)

    # -- flags ---------------------------------------------------------------------------
    def iter_flags(self, *, type: str | None = None, speaker: str | None = None) -> Iterator[dict[str, Any]]:
        """Flags with their evidence statements expanded, highest score first.

        ``speaker`` is a name (substring), a stored speaker's id or an unresolved mention's ``m-…`` id.
        """
        if not self.has_flags:
            return
        kw: dict[str, Any] = {"type": type, "speaker": speaker}
        if speaker and speaker.startswith("m-"):
            found = self.speaker(speaker)
            if found is None:
                return
            kw.update(speaker=None, mention=found["name"])
        offset = 0
        while True:
            page = list(self.store.flags(**kw, limit=PAGE, offset=offset))
            for flag in page:
                yield self.flag_shape(flag)
            if len(page) < PAGE:
                return
            offset += PAGE

    def flag(self, flag_id: str) -> dict[str, Any]:
        return self.flag_shape(self.store.flag(flag_id))

    def flag_shape(self, flag: dict[str, Any]) -> dict[str, Any]:
        """A flag dict with ``evidence`` as full statements (export shape) in evidence order."""
        out = dict(flag)
        evidence = out.get("evidence") or []
        ids = [e if isinstance(e, str) else e.get("statement_id") or e.get("id") for e in evidence]
        if evidence and all(isinstance(e, dict) and "content" in e for e in evidence):
            out["evidence"] = list(evidence)
        else:
            found = {s["id"]: s for s in self.store.iter_statements(ids=[i for i in ids if i])}
            out["evidence"] = [found[i] for i in ids if i in found]
        out.setdefault("verdict", None)
        return out
