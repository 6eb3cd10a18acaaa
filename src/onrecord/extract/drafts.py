"""Draft statements: the mutable working record the rules build before freezing a Statement."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Span, Statement
from .quote_marks import Quoted

__all__ = ["Draft", "finish", "kind_of", "trim"]

_TRIM_LEFT = " \t\n,;:—–-"
_TRIM_RIGHT = " \t\n,;:—–-"


@dataclass(slots=True)
class Draft:
    """A statement under construction; spans are ``(start, end)`` character pairs."""

    fragments: list[tuple[int, int]]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    confidence: float
    rule: str
    cue_token: int = -1  # token index of the cue head, -1 when none
    quotes: list[Quoted] = field(default_factory=list)
    recap: bool = False  # reported in a relative clause on its speaker ("X, who last week said C, ...")

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and dangling separators from both ends of a span."""
    while start < end and text[start] in _TRIM_LEFT:
        start += 1
    while end > start and text[end - 1] in _TRIM_RIGHT:
        end -= 1
    return start, end


def kind_of(fragments: list[tuple[int, int]], quotes: list[Quoted]) -> str:
    """direct when the content is (almost) all inside quotation marks, mixed when partly, else indirect."""
    total = sum(e - s for s, e in fragments)
    if not total or not quotes:
        return "indirect"
    inside = 0
    for s, e in fragments:
        for q in quotes:
            lo, hi = max(s, q.start), min(e, q.end)
            if hi > lo:
                inside += hi - lo
    share = inside / total
    if share >= 0.85:
        return "direct"
    return "mixed" if share > 0 else "indirect"


def finish(text: str, draft: Draft, article_id: str, extractor: str, quotes: list[Quoted]) -> Statement | None:
    """Freeze a draft into a Statement (None when its content is empty)."""
    frags = []
    for s, e in sorted(draft.fragments):
        s, e = trim(text, s, e)
        if e > s and text[e - 1] == "." and not any(q.start < e - 1 < q.end for q in quotes):
            e -= 1  # a sentence's full stop outside quotation marks is not part of what was said
            s, e = trim(text, s, e)
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            if frags and s <= frags[-1][1]:
                frags[-1] = (frags[-1][0], max(e, frags[-1][1]))
            else:
                frags.append((s, e))
    if not frags:
        return None
    start, end = frags[0][0], frags[-1][1]
    return Statement(
        article_id=article_id,
        kind=kind_of(frags, quotes),
        content=Span.of(text, start, end),
        fragments=tuple(Span.of(text, s, e) for s, e in frags) if len(frags) > 1 else (),
        cue=Span.of(text, *draft.cue) if draft.cue else None,
        speaker_mention=Span.of(text, *draft.source) if draft.source else None,
        confidence=round(min(max(draft.confidence, 0.0), 1.0), 3),
        extractor=extractor,
        resolution={"rule": draft.rule, "recap": True} if draft.recap else {"rule": draft.rule},
    )
