"""Headlines: ``Graham: Trump’s rhetoric destroying GOP’s chance`` and ``Jeb Bush Praises Rubio``.

Title-case headlines parse badly, so these rules read the first line's words, not its
parse: a short colon lead-in is the source, or a known reporting word (any case) splits
the line into source and content.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .drafts import Draft
from .reporting import HEADLINE_CUES, LABEL_WORDS

__all__ = ["headline_drafts"]

_MAX_WORDS = 30
_MAX_LEAD_WORDS = 5
_WORD = re.compile(r"\S+")


def _line(text: str) -> tuple[int, int] | None:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end == -1:
        return None  # a one-paragraph text has no headline
    line = text[start:end]
    if not line or len(line.split()) > _MAX_WORDS:
        return None
    return start, end


def _strip_end(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in " .":
        e -= 1
    return e


def headline_drafts(doc: Doc, lang: str = "en") -> list[Draft]:
    """At most one draft for the article's first line, when it is a headline that reports."""
    text = doc.text
    bounds = _line(text)
    cues = HEADLINE_CUES.get(lang)
    if bounds is None or cues is None:
        return []
    s, e = bounds
    labels = LABEL_WORDS.get(lang, frozenset())
    words = [(m.start() + s, m.end() + s, m.group()) for m in _WORD.finditer(text[s:e])]
    # "Graham: Trump’s rhetoric ..." - a short lead before a colon
    for k, (ws, we, w) in enumerate(words[:_MAX_LEAD_WORDS]):
        if w.endswith(":") and len(w) > 1:
            lead = words[: k + 1]
            if any(x[2].rstrip(":").lower() in labels for x in lead) or k + 1 >= len(words):
                break  # "The Latest: ...", "Breaking: ..." are kickers
            if not all(x[2][:1].isupper() or x[2][:1] in "‘'’" for x in lead):
                break
            source = (lead[0][0], we - 1)
            content = (words[k + 1][0], _strip_end(text, words[k + 1][0], e))
            return [Draft([content], (we - 1, we), source, 0.6, "headline:colon", -1)]
    # "Jeb Bush Super PAC Chief Praises Marco Rubio ..." - a reporting word splits the line
    for k, (ws, we, w) in enumerate(words):
        if 0 < k <= 8 and w.lower().strip(",") in cues and k + 1 < len(words):
            before = text[words[0][0]:ws]
            if any(ch in before for ch in ",:;‘’“”\"'«»„"):
                break
            source = (words[0][0], words[k - 1][1])
            content = (words[k + 1][0], _strip_end(text, words[k + 1][0], e))
            return [Draft([content], (ws, we), source, 0.55, "headline:cue", -1)]
    return []
