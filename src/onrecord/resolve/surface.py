"""Surface cues of an article's text for speaker resolution: sentences, datelines, places and proper words.

Pure string functions over :class:`~onrecord.models.ArticleResult` records; no parse, no state.
"""

from __future__ import annotations

import bisect
import re

from ..models import ArticleResult

__all__ = ["dateline", "sentence_index", "sentences", "places", "proper_word", "with_honorific"]

_SENT_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”»’]?|\n|$)")

def dateline(text: str) -> bool:
    """"MIRSK", "TARVIK": an all-capitals place line, not a speaker."""
    t = text.strip()
    return len(t) > 1 and t.isupper() and not any(ch.isdigit() for ch in t) and len(t.split()) <= 3


def sentence_index(sentences: list[tuple[int, int]], pos: int) -> int:
    starts = [s for s, _ in sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


_SPLIT = re.compile(r"(?<=[.!?])[\"”»’]?\s+(?=[\"“«]?[A-ZА-ЯЁ])")
_ABBREV = frozenset({"mr", "mrs", "ms", "dr", "gen", "col", "lt", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul",
                     "aug", "sep", "sept", "oct", "nov", "dec", "prof", "sen", "rep", "gov", "u.s", "inc", "co", "jr"})


def sentences(result: ArticleResult) -> list[tuple[int, int]]:
    """Sentence spans: the parser's, split again at ". Capital" when the parser ran two together."""
    text = result.article.text
    base = [(s.start, s.end) for s in result.sentences] or [(m.start(), m.end()) for m in _SENT_RE.finditer(text)]
    out: list[tuple[int, int]] = []
    for start, end in base:
        cur = start
        for m in _SPLIT.finditer(text, start, end):
            word = re.findall(r"[\w.]+$", text[cur:m.start()].rstrip(".!?\"”»’"))
            if word and (word[0].lower().rstrip(".") in _ABBREV or len(word[0].rstrip(".")) == 1):
                continue
            out.append((cur, m.start()))
            cur = m.end()
        out.append((cur, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def places(result: ArticleResult) -> set[str]:
    """Place names of the article: GPE/LOC entities, and states in -a/-ia whose nationality adjective
    the text uses ("Kostrava" with "Kostravan", "Russia" with "Russians"), which the parser may tag PERSON."""
    text = result.article.text
    out = {e.span.text for e in result.entities if e.label in ("GPE", "LOC")}
    for w in set(re.findall(r"\b([A-Z][a-z]{3,}a)ns?\b", text)):
        out.add(w)
    return out


_SENT_END = re.compile(r"(?:^|[.!?:;\n][\"”»’)]*\s*[\"“«(]*|[\"“«]\s*)$")


def proper_word(text: str, word: str, at: int) -> bool:
    """A lone capitalised word is a name ("Stavan said") when it is capitalised somewhere other than
    at a sentence or quote start, or an honorific precedes it; "Most said", "Transcripts show" are not."""
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
        if not _SENT_END.search(text[max(0, m.start() - 6):m.start()]):
            return True
    return with_honorific(text, at, at + len(word)) != text[at:at + len(word)]


def with_honorific(text: str, start: int, end: int) -> str:
    """The name with the word before it when that is an honorific ("Ms Kovac")."""
    before = re.search(r"(\w+\.?)\s+$", text[max(0, start - 8):start])
    if before and before.group(1).lower().rstrip(".") in ("mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady"):
        return f"{before.group(1)} {text[start:end]}"
    return text[start:end]
