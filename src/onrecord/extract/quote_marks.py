"""Quotation marks: find quoted passages in raw text.

Pure text scanning, no spaCy. Handles “ ” ‘ ’ " ' '' `` « » „ “ ‹ ›, quotes that
run over several paragraphs (the news convention of re-opening each paragraph
without closing the previous one), and stray or unbalanced marks: an opening
mark that is never closed ends at its paragraph, so one odd mark can cost at
most one paragraph, never the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QUOTE_CHARS", "Quoted", "find_quoted"]

# Families: a quote opened by a mark of one family is closed only by the same family.
_FAMILY = {
    "“": "dq", "”": "dq", "„": "dq", '"': "dq", "''": "dq", "``": "dq",
    "«": "guil", "»": "guil",
    "‹": "sguil", "›": "sguil",
    "‘": "sq", "’": "sq", "'": "sq",
}
_OPENERS = frozenset("“„«‹‘") | {"``"}
_CLOSERS = frozenset("”»›’")
_AMBIGUOUS = frozenset({'"', "''", "'"})

# openers whose closer is written like an opener elsewhere: „…“ and German »…«, ›…‹
_REVERSED_CLOSE = {"„": ("“",), "»": ("«",), "›": ("‹",)}
# the characters quotation marks are written with (the ``-opener aside), e.g. to strip a closing one
QUOTE_CHARS = "\"'“”„«»‹›‘’"
_MARK_RX = re.compile(r"''|``|[\"“”„«»‹›‘’']")
_PARA_RX = re.compile(r"\n\s*\n|\n")
# invisible format marks (direction embeddings, zero-width space, BOM) count as nothing before a mark
_FORMAT_CHARS = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"
_OPEN_BEFORE = frozenset(" \t\n([{—–-/\u00a0:" + _FORMAT_CHARS)


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted passage ``[start, end)`` including its marks.

    ``closed`` is False when the closing mark was missing and the passage was
    cut at the paragraph end; ``paragraphs`` counts the paragraphs it spans.
    """

    start: int
    end: int
    closed: bool = True
    paragraphs: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def _role(text: str, s: int, e: int, mark: str) -> str:
    """'open', 'close', 'both' (either) or 'none' for the mark at ``text[s:e]``."""
    before = text[s - 1] if s > 0 else "\n"
    after = text[e] if e < len(text) else "\n"
    if mark in ("’", "'"):
        if before.isalnum() and after.isalnum():
            return "none"  # apostrophe inside a word: don't, Clinton’s
    if mark in ("’", "”") and before in _OPEN_BEFORE and after.isalnum():
        return "open"  # ’ or ” used as an opener (”Fear. I am …” – a typesetting slip)
    if mark == "”" and (before == "\n" or before in _FORMAT_CHARS):
        return "open"  # nothing closes at the start of a line: ”… the train has left,” he said
    if mark in _OPENERS:
        if mark in "‘`" and after.isspace():
            return "none"
        return "open"
    if mark in _CLOSERS:
        if mark in "»›" and before in _OPEN_BEFORE and not after.isspace():
            return "open"  # German »...« style
        return "close"
    # ambiguous straight marks
    open_like = before in _OPEN_BEFORE or not before.strip()
    close_like = not before.isspace() and (after.isspace() or not after.isalnum())
    if mark == "'":
        if open_like and after.isalnum():
            return "open"
        if close_like and not open_like:
            return "close"
        return "none"
    if open_like and not after.isspace():
        return "open"
    if close_like:
        return "close"
    return "both"


def _paragraph_ends(text: str) -> list[int]:
    ends = [m.start() for m in _PARA_RX.finditer(text)]
    ends.append(len(text))
    return ends


def _nested_close(marks: list, j: int, para_end: int) -> int | None:
    """The closer of a same-family opener at ``marks[j]`` when another closer follows it in the
    paragraph (``“A “B” C.”``): the inner quotation is nested, not a fresh start after a stray mark."""
    fam, depth, inner = marks[j][3], 1, None
    for k in range(j + 1, len(marks)):
        if marks[k][0] >= para_end:
            break
        if marks[k][3] != fam:
            continue
        depth += 1 if marks[k][4] == "open" else -1
        if depth == 0 and inner is None:
            inner = k
        if depth < 0:
            return inner
    return None


def find_quoted(text: str) -> list[Quoted]:
    """All top-level quoted passages of ``text`` in order (nested quotes are inside them)."""
    marks = []
    for m in _MARK_RX.finditer(text):
        tok = m.group()
        role = _role(text, m.start(), m.end(), tok)
        if role != "none":
            marks.append((m.start(), m.end(), tok, _FAMILY[tok], role))
    if not marks:
        return []
    para_ends = _paragraph_ends(text)
    out: list[Quoted] = []
    i, n = 0, len(marks)
    pi = 0  # index of the paragraph end at or after the current position
    while i < n:
        s, e, tok, fam, role = marks[i]
        if role == "close":
            i += 1
            continue
        while para_ends[pi] < s:
            pi += 1
        para_end = para_ends[pi]
        if fam == "sq":
            # single quotes only when a closer follows in the same paragraph
            j = i + 1
            while j < n and marks[j][0] < para_end and not (marks[j][3] == "sq" and marks[j][4] in ("close", "both")):
                j += 1
            if j >= n or marks[j][0] >= para_end:
                i += 1
                continue
        start, paragraphs = s, 1
        j = i + 1
        closed_at = None
        while j < n:
            ms, me, mtok, mfam, mrole = marks[j]
            if ms >= para_end:
                # still open at the paragraph end: continue if the next paragraph re-opens
                nxt = text[para_end:ms]
                if mfam == fam and mrole in ("open", "both") and not nxt.strip():
                    paragraphs += 1
                    pi += 1
                    para_end = para_ends[pi]
                    j += 1
                    continue
                break
            if mfam == fam:
                if mrole in ("close", "both") or mtok in _REVERSED_CLOSE.get(tok, ()):
                    closed_at = me
                    break
                if mrole == "open" and fam != "sq" and mtok in _OPENERS and mtok == tok:
                    inner = _nested_close(marks, j, para_end)
                    if inner is None:
                        break  # a new opener of the same kind: the previous one was stray
                    j = inner  # “... what he calls “hell” than ...”: a quotation inside the quotation
            j += 1
        if closed_at is not None:
            out.append(Quoted(start, closed_at, True, paragraphs))
            i = j + 1
        else:
            end = min(para_end, marks[j][0] if j < n else para_end)
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
            if end - start > 2:
                out.append(Quoted(start, end, False, paragraphs))
            i = j
    return out
