"""Hedges: words that weaken, condition or scope a claim.

Kinds: ``approximation`` ("about" before a number, "approximately"), ``preliminary``
("preliminary", "according to preliminary data", "may change"), ``scope`` ("primary
mission", "so far", "mainly"), ``condition`` ("if ...", "unless ...", "until the situation
is stabilised" -- the span covers the whole clause), ``modal`` ("may", "might", "could",
"possibly"), ``attribution`` ("it is believed", "reportedly", "according to"), ``temporal``
(time bounds: "within two days", "by January 19"; made from :mod:`.dates`).

Spans cover the marker phrase; a condition covers its clause. Per-language lexicons;
English is complete, Russian basic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..models import Hedge
from .numbers import word_pattern

__all__ = ["HEDGE_LEXICONS", "find_hedges", "HEDGE_KINDS"]

HEDGE_KINDS = ("approximation", "preliminary", "scope", "condition", "modal", "attribution", "temporal")

# kind -> regex alternatives (case-insensitive). "{NUM}" stands for "a number follows".
HEDGE_LEXICONS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "temporal": (  # the claim holds as of a time, not beyond it
            r"as\s+of\s+(?:this\s+(?:morning|afternoon|evening|week)|today|now|tonight|yesterday)",
            r"at\s+this\s+stage", r"at\s+the\s+time", r"until\s+further\s+notice", r"for\s+the\s+foreseeable\s+future",
        ),
        "preliminary": (
            r"according\s+to\s+(?:the\s+)?(?:preliminary|initial|early|first|provisional)\s+"
            r"(?:data|information|figures|estimates?|reports?|findings|results|count)",
            r"preliminary", r"preliminarily", r"provisional(?:ly)?", r"initial(?:ly)?(?=\s+(?:estimates?|figures|data|reports?|count))",
            r"early(?=\s+(?:reports|estimates|figures|indications))", r"unconfirmed", r"not\s+yet\s+(?:been\s+)?(?:confirmed|verified|final)",
            r"(?:may|might|could|is\s+likely\s+to)\s+(?:still\s+)?(?:change|be\s+revised|be\s+updated)",
            r"subject\s+to\s+(?:change|revision)", r"first\s+estimates?", r"pending\s+(?:confirmation|verification)",
        ),
        "approximation": (
            r"(?:about|around|roughly|some|nearly|almost|close\s+to|an\s+estimated|estimated)(?=\s+(?:{NUM}))",
            r"approximately", r"approx\.", r"approximate", r"roughly", r"or\s+so\b", r"give\s+or\s+take",
            r"(?:rough\s+)?estimates?(?!\s+(?:that|of))",
        ),
        "scope": (
            r"(?:primary|main|principal|chief|key|first)\s+(?:mission|goal|task|aim|objective|purpose|focus|priority|job|target)s?",
            r"(?:some|most|part|much|many)\s+of\s+(?:the|those|these|them|its|their|our)(?:\s+(?!of\b)[a-z]+)?",
            r"so\s+far", r"to\s+date", r"for\s+now", r"for\s+the\s+time\s+being",
            r"at\s+the\s+moment", r"at\s+present", r"mainly", r"mostly", r"largely", r"primarily", r"partly",
            r"partially", r"in\s+part", r"in\s+some\s+(?:areas|places|regions|cases|parts)", r"for\s+the\s+most\s+part",
        ),
        "attribution": (
            r"it\s+is\s+(?:believed|thought|understood|assumed|alleged|reported|estimated)",
            r"(?:is|are|was|were)\s+(?:believed|thought|said|reported|alleged|understood)\s+to",
            r"reportedly", r"allegedly", r"purportedly", r"supposedly", r"according\s+to",
            r"sources\s+(?:said|say)",
        ),
        "condition": (
            r"if", r"unless", r"until", r"till", r"provided\s+(?:that\s+)?", r"on\s+condition\s+that",
            # "as long as necessary" sets no condition, "as long as the weather allows" does
            r"as\s+long\s+as(?!\s+(?:(?:it\s+is|is|it's)\s+)?(?:necessary|needed|required|it\s+takes))",
            r"depending\s+on", r"(?:(?:would|will|could|may|might)\s+)?depends?\s+on", r"depended\s+on", r"in\s+case", r"subject\s+to", r"assuming",
        ),
        "modal": (
            r"may", r"might", r"could", r"possibly", r"perhaps", r"probably", r"maybe", r"likely", r"unlikely",
            r"presumably",
        ),
    },
    "ru": {
        "preliminary": (r"по\s+предварительным\s+данным", r"предварительн\w*", r"может\s+измениться"),
        "approximation": (r"(?:около|примерно|порядка|почти)(?=\s+(?:{NUM}))", r"приблизительно", r"примерно"),
        "scope": (r"(?:главн|основн|первоочередн)\w+\s+(?:задач|мисси|цел)\w*", r"пока\s+что", r"на\s+данный\s+момент",
                  r"в\s+основном"),
        "attribution": (r"по\s+данным", r"как\s+полагают", r"якобы", r"по\s+сообщениям", r"считается"),
        "condition": (r"если", r"пока\s+не", r"до\s+тех\s+пор,?\s+пока", r"при\s+условии"),
        "modal": (r"может", r"могут", r"мог\w*", r"возможно", r"вероятно"),
    },
}

# Modals that must be tagged as modal verbs (MD) by the tagger, so "May" the month is not one.
_TAGGED_MODALS = frozenset({"may", "might", "could"})
# Kinds earlier in this tuple win when two hedges overlap.
_PRIORITY = ("preliminary", "temporal", "approximation", "scope", "attribution", "condition", "modal")


@lru_cache(maxsize=None)
def _regex(language: str) -> re.Pattern[str]:
    lex = HEDGE_LEXICONS.get(language, HEDGE_LEXICONS["en"])
    num = rf"[\d$€£]|(?:{word_pattern(language)}|a\s+dozen|hundreds|thousands|dozens)\b"
    parts = []
    for kind, alts in lex.items():
        body = "|".join(a.replace("{NUM}", num) for a in alts)
        parts.append(rf"(?P<{kind}>{body})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.I)


def find_hedges(doc_or_span: Any, language: str = "en") -> list[Hedge]:
    """Hedges in a spaCy Doc or Span, with absolute offsets, in text order."""
    doc = getattr(doc_or_span, "doc", doc_or_span)
    lo, hi = (0, len(doc.text)) if doc is doc_or_span else (doc_or_span.start_char, doc_or_span.end_char)
    lang = (language or "en").split("-")[0].lower()
    text = doc.text
    found: list[Hedge] = []
    for m in _regex(lang).finditer(text, lo, hi):
        kind = m.lastgroup or ""
        start, end = m.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        if kind == "modal" and text[start:end].lower() in _TAGGED_MODALS and not _is_modal_verb(doc, start, end):
            continue
        if kind == "condition":
            start, end = _clause(doc, start, end, lo, hi)
        found.append(Hedge(kind, start, end, text[start:end]))
    return resolve_overlaps(found)


def resolve_overlaps(hedges: list[Hedge]) -> list[Hedge]:
    """Keep one hedge where several overlap: the higher-priority kind, then the longer span.

    A condition clause may contain other hedges ("if the figures are confirmed, ... may"),
    so conditions only clash with hedges that overlap their marker word.
    """
    rank = {k: i for i, k in enumerate(_PRIORITY)}
    ordered = sorted(hedges, key=lambda h: (rank.get(h.kind, 99), -(h.end - h.start), h.start))
    kept: list[Hedge] = []
    for h in ordered:
        if any(_clash(h, k) for k in kept):
            continue
        kept.append(h)
    return sorted(kept, key=lambda h: (h.start, h.end))


def _clash(a: Hedge, b: Hedge) -> bool:
    if a.end <= b.start or b.end <= a.start:
        return False
    if a.kind == "condition" and b.kind != "condition":
        return a.start >= b.start  # the marker word of a sits inside b
    if b.kind == "condition" and a.kind != "condition":
        return b.start >= a.start
    return True


def _is_modal_verb(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.tag_ == "MD" for t in span)


def _clause(doc: Any, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Extend a condition marker ("if", "until") to the clause it introduces, within [lo, hi)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    marker = span[0]
    if marker.dep_ == "mark":
        head = marker.head
        tokens = [t for t in head.subtree if t.i >= marker.i]
    elif marker.dep_ in ("prep", "advmod") or marker.pos_ == "ADP":
        tokens = list(marker.subtree)
    else:
        return start, end
    if not tokens:
        return start, end
    last = max(tokens, key=lambda t: t.i)
    while last.i > marker.i and last.is_punct:
        last = doc[last.i - 1]
    new_end = min(last.idx + len(last.text), hi)
    return start, max(end, new_end)
