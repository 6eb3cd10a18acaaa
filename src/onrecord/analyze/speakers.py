"""Corpus step: link every stored statement to one canonical speaker.

Reads the within-article resolutions and article texts from the store, learns dated
role → person links, runs :func:`onrecord.resolve.linking.link` with the user's
speakers file and the user's merge/split corrections (applied last, so they survive
re-analysis), and writes speakers, aliases, roles and statement speaker ids back.
"""

from __future__ import annotations

from typing import Any

from ..resolve.linking import Correction, LinkResult, RoleFact, SpeakerInput, link
from ..resolve.titles import appositions
from ..resolve.userfile import load_speakers_file
from ..settings import Settings

__all__ = ["link_speakers", "correct_speakers", "speaker_inputs", "role_facts"]


def speaker_inputs(store: Any) -> list[SpeakerInput]:
    """One :class:`SpeakerInput` per stored statement, from its within-article resolution."""
    out = []
    for row in store.speaker_inputs():
        res = row["resolution"] or {}
        out.append(
            SpeakerInput(
                statement_id=row["id"],
                article_id=row["article_id"],
                date=(row["date"] or None),
                name=res.get("name") or None,
                kind=res.get("kind") or "person",
                mention_type=res.get("mention_type") or "none",
                role=res.get("role", "") if not res.get("name") else "",
                roles=tuple(res.get("roles") or ()),
                forms=tuple(res.get("forms") or ()),
                org=res.get("org") or "",
            )
        )
    return out


def role_facts(store: Any) -> list[RoleFact]:
    """Role appositions found in every stored article, dated by the article."""
    facts = []
    for art in store.article_texts():
        for a in appositions(art["text"], art.get("language") or "en"):
            facts.append(RoleFact(a.role, a.name, art["published"], art["id"], a.role_text, a.current))
    return facts


def _records(result: LinkResult) -> list[dict[str, Any]]:
    out = []
    for sp in result.speakers.values():
        seen_roles = set()
        roles = []
        for r in sp.roles:
            key = (r.role, r.article_id, r.date, r.source)
            if key in seen_roles or not r.current:
                continue
            seen_roles.add(key)
            roles.append({"role": r.role, "article_id": r.article_id, "date": r.date, "source": r.source,
                          "evidence": r.evidence})
        out.append({
            "id": sp.id,
            "name": sp.name,
            "kind": sp.kind,
            "meta": {"org": sp.org} if sp.org else {},
            "aliases": [(a, " ".join(a.replace("’", "'").lower().split()), src) for a, src in sp.aliases.items()],
            "roles": roles,
        })
    return out


def link_speakers(store: Any, settings: Settings) -> dict[str, Any]:
    """Link the whole store's statements to canonical speakers; returns counts for the analysis summary."""
    inputs = speaker_inputs(store)
    user = load_speakers_file(settings.speakers_file)
    corrections = [Correction(c["action"], c["a"], c["b"], int(c["seq"])) for c in store.speaker_corrections()]
    result = link(inputs, role_facts(store), user, corrections)
    used = {sp for sp in result.assignments.values() if sp}
    records = [r for r in _records(result) if r["id"] in used or any(src != "corpus" for _a, _k, src in r["aliases"])]
    store.replace_speakers(records, result.assignments)
    how: dict[str, int] = {}
    for h in result.how.values():
        k = h.split("@")[0]
        how[k] = how.get(k, 0) + 1
    return {
        "statements": len(inputs),
        "linked": sum(1 for v in result.assignments.values() if v),
        "speakers": len(records),
        "by_rule": how,
        "corrections": len(corrections),
        "unapplied_corrections": [{"seq": c.seq, "action": c.action, "a": c.a, "b": c.b} for c in result.unapplied],
    }


def correct_speakers(store: Any, settings: Settings, action: str, a: str, b: str, note: str = "") -> dict[str, Any]:
    """Record a user correction (``merge`` b into a, or ``split`` alias b out of a) and re-link.

    Both names must resolve to stored speakers first (``split``: ``a`` must be a speaker);
    the correction is stored by name, so it applies again after every re-analysis.
    """
    first = store.speaker(a)
    if action == "merge":
        second = store.speaker(b)
        if second["id"] == first["id"]:
            from ..errors import OnrecordError

            raise OnrecordError(f"{a!r} and {b!r} are already the same speaker", hint="See `onrecord speakers show`.")
        b = second["name"]
    seq = store.add_speaker_correction(action, first["name"], b, note)
    summary = link_speakers(store, settings)
    return {"seq": seq, "action": action, "a": first["name"], "b": b, "note": note, "linking": summary}
