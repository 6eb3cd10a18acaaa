"""Cut article text into marked segments: statement content, cue and speaker mention, each its own mark.

The result is a list of plain ``Segment`` records; templates render them with autoescaping, so
highlighting never builds HTML from article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

__all__ = ["Segment", "segments", "sentence_window"]

ROLES = ("content", "cue", "mention")
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+|\n\s*\n?")


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    roles: tuple[str, ...] = ()  # subset of ROLES
    statements: tuple[str, ...] = ()  # ids of statements covering this piece
    start: bool = False  # first segment of a statement's content (anchor target)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{r}" for r in self.roles)


def _spans(st: dict[str, Any]) -> Iterable[tuple[int, int, str]]:
    content = st.get("content") or {}
    parts = content.get("fragments") or [content]
    for part in parts:
        if part and part.get("start") is not None:
            yield part["start"], part["end"], "content"
    for key, role in (("cue", "cue"), ("speaker_mention", "mention")):
        span = st.get(key)
        if span and span.get("start") is not None:
            yield span["start"], span["end"], role


def segments(text: str, statements: Iterable[dict[str, Any]], *, base: int = 0) -> list[Segment]:
    """Segments of ``text`` (the article text from offset ``base`` on) with the roles and statements covering each piece."""
    lo, hi = 0, len(text)
    marks: list[tuple[int, int, str, str]] = []
    for st in statements:
        for s, e, role in _spans(st):
            s, e = max(s - base, lo), min(e - base, hi)
            if s < e:
                marks.append((s, e, role, st["id"]))
    cuts = sorted({lo, hi, *(m[0] for m in marks), *(m[1] for m in marks)})
    starts = {(m[0], m[3]) for m in marks if m[2] == "content"}
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [m for m in marks if m[0] <= a and b <= m[1]]
        roles = tuple(r for r in ROLES if any(m[2] == r for m in cover))
        ids = tuple(dict.fromkeys(m[3] for m in cover))
        out.append(Segment(text[a:b], roles, ids, any((a, i) in starts for i in ids)))
    return out


def sentence_window(text: str, start: int, end: int, *, limit: int = 400) -> tuple[int, int]:
    """The span of the sentence(s) around ``[start, end)``, at most ``limit`` extra characters each side."""
    lo = max(0, start - limit)
    left = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        left = m.end()
    m = _BOUNDARY.search(text, end, min(len(text), end + limit))
    right = m.start() if m else min(len(text), end + limit)
    return left, max(right, end)
