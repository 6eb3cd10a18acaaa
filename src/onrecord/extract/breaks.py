"""Sentence starts the text itself gives: a new paragraph starts a new sentence.

spaCy's parser sometimes runs a headline or a dateline into the next paragraph's first
sentence ("... Delight.'\\n\\nWASHINGTON -- President Obama ... said"), which detaches
subjects from their verbs. Boundaries set before the parser are respected by it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

__all__ = ["paragraph_starts", "mark_paragraph_starts", "dateline_end"]

# a wire dateline opening a paragraph: "AMMAN, July 27 – ", "TARVIK, January 5 (KNA) – "
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,[^\n–—-]{0,40}?[–—-]+\s*")


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Where a dateline that opens ``text[start:end]`` ends, or None when there is none."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m else None


# a single line break ends a sentence only after one of these (hard-wrapped text keeps its sentences)
_LINE_END = frozenset({".", "!", "?", ":", '"', "”", "’", "'", "»", ")"})


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of tokens that open a paragraph: after a blank line, or after a line break
    that follows sentence-final punctuation or a heading."""
    starts = []
    for tok in doc[:-1]:
        if not tok.is_space or "\n" not in tok.text:
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space:
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        blank = tok.text.count("\n") >= 2
        if blank or prev is None or prev.text[-1:] in _LINE_END or _heading_line(doc, tok.i):
            starts.append(nxt.i)
    return starts


def _heading_line(doc: Doc, end: int) -> bool:
    """Whether the line ending at token ``end`` is a heading: three or more words, nearly all capitalised
    ("Christie Says He Would Issue A Quarantine Over Zika Virus"), which a wrapped sentence never is."""
    start = end - 1
    while start >= 0 and not (doc[start].is_space and "\n" in doc[start].text):
        start -= 1
    words = [t for t in doc[start + 1:end] if t.is_alpha]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every paragraph start (before the parser runs)."""
    for i in paragraph_starts(doc):
        doc[i].is_sent_start = True
    return doc
