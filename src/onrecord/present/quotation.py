"""How a statement's exact words are shown: in quotation marks, once."""

from __future__ import annotations

__all__ = ["QUOTE_MARKS", "quoted"]

QUOTE_MARKS = "\"'“”‘’«»„‹›"


def quoted(text: str | None, limit: int | None = None) -> str:
    """``text`` in quotation marks unless it brings its own (a direct quote), whitespace collapsed
    and shortened at a word past ``limit``."""
    t = " ".join((text or "").split())
    if limit and len(t) > limit:
        t = t[:limit].rsplit(" ", 1)[0] + " …"
    return t if t[:1] in QUOTE_MARKS or t[-1:] in QUOTE_MARKS else f"“{t}”"
