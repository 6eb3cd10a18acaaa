"""Set-at-a-time helpers for the bulk loader (``onrecord.scale``): plain functions over a ``Store``."""

from __future__ import annotations

from typing import Iterable

from ..models import Skip

__all__ = ["existing_skips"]


def existing_skips(store, skips: Iterable[Skip]) -> set[tuple[str, str]]:
    """Which (source ref, reason) pairs of ``skips`` are already recorded (a resumed load must not repeat them)."""
    refs = sorted({s.source_ref for s in skips})
    found: set[tuple[str, str]] = set()
    for i in range(0, len(refs), 500):
        chunk = refs[i : i + 500]
        params = {f"p{j}": v for j, v in enumerate(chunk)}
        marks = ", ".join(f":p{j}" for j in range(len(chunk)))
        rows = store._rows(f"SELECT DISTINCT source_ref, reason FROM skips WHERE source_ref IN ({marks})", params)
        found.update((r["source_ref"], r["reason"]) for r in rows)
    return found
