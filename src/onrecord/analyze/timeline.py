"""Per-speaker and per-topic timelines as plain data.

A timeline is a list of days, oldest first; each day lists the statements made on it
(speaker, outlet, article, exact words) and the ids of the flags they take part in.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from .propositions import content_keys

__all__ = ["timeline", "topic_filter"]


def topic_filter(topic: str, language: str = "en"):
    """A predicate keeping statements that share at least half of the topic's content keys."""
    wanted = content_keys(topic, language)
    need = max(1, (len(wanted) + 1) // 2)

    def keep(st: Mapping[str, Any]) -> bool:
        text = (st.get("content") or {}).get("text") or ""
        return len(wanted & content_keys(text, language)) >= need

    return keep


def timeline(statements: Iterable[Mapping[str, Any]],
             flags_by_statement: Mapping[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """Group statements by day: ``[{"date", "statements": [{id, speaker, outlet, article, text, ...}]}]``."""
    flags_by_statement = flags_by_statement or {}
    days: dict[str, list[dict[str, Any]]] = {}
    for st in statements:
        day = (st.get("said_on") or st.get("published") or "")[:10] or "undated"
        content = st.get("content") or {}
        article = st.get("article") or {}
        days.setdefault(day, []).append(
            {
                "id": st.get("id"),
                "speaker": (st.get("speaker") or {}).get("name") or (st.get("speaker_mention") or {}).get("text"),
                "outlet": article.get("outlet", ""),
                "article": st.get("article_id"),
                "title": article.get("title", ""),
                "start": content.get("start"),
                "end": content.get("end"),
                "text": content.get("text", ""),
                "quantities": [q.get("text") for q in st.get("quantities") or ()],
                "hedges": [h.get("text") for h in st.get("hedges") or ()],
                "modality": st.get("modality", ""),
                "polarity": st.get("polarity", ""),
                "flags": list(flags_by_statement.get(st.get("id") or "", [])),
            }
        )
    return [{"date": day, "statements": items} for day, items in sorted(days.items())]
