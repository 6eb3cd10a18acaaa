"""Copies: one claim seen several times.

A wire story reprinted by three outlets, or one speech reported by several articles, gives
several statements that are one claim. Rules compare claims, not copies, and never flag a
statement against its own copy; every appearance is kept (vanished counts them).

Two statements are copies when they have the same source (canonical speaker, else outlet) and

* the same words (after normalising case, punctuation and spacing), on any date -- reprints
  are often dated by the reprint; or
* near-identical content (``COPY_JACCARD`` of content keys) with the same figures on the same day.

The representative of a group is its direct quote if it has one, else its earliest report.
"""

from __future__ import annotations

import re
from typing import Iterable

from .claims import Claim

__all__ = ["collapse_copies", "representative_order", "COPY_JACCARD"]

COPY_JACCARD = 0.7
_MAX_SAME_DAY = 40  # a source's same-day statements compared with each other (bounded work)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def representative_order(c: Claim) -> tuple:
    """Which of several reports of one utterance stands for it: exact words first, then the earliest."""
    return (not c.direct, c.published or c.date, c.article, c.start)


def _values(c: Claim) -> frozenset[float]:
    return frozenset(float(q["value"]) for q in c.quantities if q.get("value") is not None)


def _near(a: Claim, b: Claim) -> bool:
    if a.article_db == b.article_db:
        return False
    union = a.keys | b.keys
    return bool(union) and len(a.keys & b.keys) / len(union) >= COPY_JACCARD and _values(a) == _values(b) \
        and a.stances == b.stances and bool(a.denials) == bool(b.denials)


def collapse_copies(claims: Iterable[Claim]) -> tuple[list[Claim], dict[str, list[Claim]]]:
    """(representatives, representative id -> all its appearances, itself included)."""
    groups: dict[str, list[Claim]] = {}
    by_text: dict[tuple[str, str], Claim] = {}
    ordered = sorted(claims, key=representative_order)
    firsts: list[Claim] = []
    for c in ordered:
        key = (c.speaker or c.outlet, _norm(c.text))
        rep = by_text.get(key)
        if rep is None:
            by_text[key] = c
            groups[c.id] = [c]
            firsts.append(c)
        else:
            groups[rep.id].append(c)
    reps: list[Claim] = []
    same_day: dict[tuple[str, str], list[Claim]] = {}
    for c in firsts:
        source = c.speaker or c.outlet
        if not source or not c.date:
            reps.append(c)
            continue
        kept = same_day.setdefault((source, c.date), [])
        rep = next((k for k in kept[:_MAX_SAME_DAY] if _near(c, k)), None)
        if rep is None:
            kept.append(c)
            reps.append(c)
        else:
            groups[rep.id].extend(groups.pop(c.id))
    return reps, groups
