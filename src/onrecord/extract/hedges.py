"""Hedges: words that weaken, condition, limit in time or scope a claim.

The kinds and what each covers are defined once, in ``src/onrecord/data/demo/README.md``
(section ``gold.jsonl`` -> ``hedges``); the sentence fixtures and both demo stories
follow it. In short: ``approximation`` ("about" before a number, "approximately",
"estimate"), ``preliminary`` ("preliminary", "according to preliminary data", "may
change" of a figure), ``scope`` ("main", "primary", "mainly", "some of them", "in
places", restricting "only"), ``condition`` ("if ...", "unless ...", "as long as ...",
"once ..."), ``modal`` ("may", "could", "likely", "cannot be ruled out"), ``attribution``
("it is believed", "reportedly"), ``temporal`` ("until ...", "within two days", "by
January 19", "so far", "for now", "not yet", "as of ..."; deadlines come from
:mod:`.dates`).

Spans cover the marker phrase; a condition or an until-clause covers its clause; a scope
word that modifies a noun is the word alone. Per-language lexicons; English is complete,
Russian basic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..models import Hedge
from .numbers import word_pattern

__all__ = ["HEDGE_LEXICONS", "find_hedges", "HEDGE_KINDS", "CLAUSE_MARKERS"]

HEDGE_KINDS = ("approximation", "preliminary", "scope", "condition", "modal", "attribution", "temporal")

# kind -> regex alternatives (case-insensitive). "{NUM}" stands for "a number follows".
HEDGE_LEXICONS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "temporal": (  # the claim holds up to a time, or as of now, not beyond it
            r"as\s+of\s+(?:this\s+(?:morning|afternoon|evening|week)|today|now|tonight|yesterday)",
            r"at\s+this\s+stage", r"at\s+the\s+time", r"until\s+further\s+notice", r"for\s+the\s+foreseeable\s+future",
            r"until", r"till", r"so\s+far", r"to\s+date", r"for\s+now", r"for\s+the\s+time\s+being", r"not\s+yet",
            r"at\s+the\s+moment", r"at\s+present",
        ),
        "preliminary": (
            r"according\s+to\s+(?:(?:the|our|its|their|his|her)\s+)?(?:preliminary|initial|early|first|provisional)\s+"
            r"(?:data|information|figures|estimates?|reports?|findings|results|count|assessments?|analysis)",
            r"preliminary", r"preliminarily", r"provisional(?:ly)?", r"initial(?:ly)?(?=\s+(?:estimates?|figures|data|reports?|count))",
            r"early(?=\s+(?:reports|estimates|figures|indications))", r"unconfirmed", r"not\s+yet\s+(?:been\s+)?(?:confirmed|verified|final)",
            r"(?:(?:our|the|its|their|this)\s+)?(?:report|findings|figures?|results?|assessment|count|data)\s+(?:is|are)\s+"
            r"not\s+(?:yet\s+)?final",
            r"(?:may|might|could|is\s+likely\s+to)\s+(?:still\s+)?(?:change|be\s+revised|be\s+updated)",
            r"subject\s+to\s+(?:change|revision)", r"first\s+estimates?", r"pending\s+(?:confirmation|verification)",
        ),
        "approximation": (
            # "nearly", "almost" are bounds (the qualifier records them), not hedges
            r"(?:about|around|roughly|some|close\s+to|an\s+estimated|estimated)(?=\s+(?:{NUM}))",
            r"approximately", r"approx\.", r"approximate", r"roughly", r"or\s+so\b", r"give\s+or\s+take",
            r"(?:rough\s+)?estimates?(?!\s+that)",
        ),
        "scope": (
            r"(?:primary|main|principal|chief|key)(?=\s+(?:mission|goal|task|aim|objective|purpose|focus|priority|job|target)s?\b)",
            r"(?:some|most|part|much|many)\s+of\s+(?:them|it|us|(?:the|those|these|its|their|our|his|her)\s+(?!of\b)[a-z]+)",
            r"(?<=,\s)some(?=\s+[a-z]+ly\b)",  # "wounded, some seriously": some of them
            r"only(?=\s+(?:to|in|on|at|for|from|with|among|the|a|an|\d))",  # restricting, not "is only beginning"
            r"mainly", r"mostly", r"largely", r"primarily", r"partly", r"partially", r"in\s+part",
            r"in\s+(?:some\s+)?(?:areas|places|regions|cases|parts)", r"for\s+the\s+most\s+part",
        ),
        "attribution": (
            r"it\s+is\s+(?:believed|thought|understood|assumed|alleged|reported|estimated)",
            r"(?:is|are|was|were)\s+(?:believed|thought|said|reported|alleged|understood)\s+to",
            r"reportedly", r"allegedly", r"purportedly", r"supposedly",
            # "According to X, ..." frames the claim; a post-posed ", according to X" names the
            # report's own source (the statement's attribution), not a hedge inside it
            r"(?<!,\s)according\s+to",
            r"sources\s+(?:said|say)",
            r"(?:I|we)\s+believe(?=\s+(?:that\s+)?[a-z])",
        ),
        "condition": (
            r"if", r"unless", r"provided\s+(?:that\s+)?", r"on\s+condition\s+that", r"as\s+long\s+as",
            r"once(?=\s+(?:the|a|an|it|they|we|he|she|this|that|these|those|new|all|[a-z]+s)\b)",
            r"depending\s+on", r"(?:(?:would|will|could|may|might)\s+)?depends?\s+on", r"depended\s+on", r"in\s+case",
            r"subject\s+to", r"assuming",
        ),
        "modal": (
            r"(?:cannot|can\s*not|can't|could\s+not)\s+be\s+(?:ruled\s+out|excluded)", r"most\s+(?:likely|probable)",
            r"may", r"might", r"could", r"possibly", r"perhaps", r"probably", r"maybe", r"likely", r"unlikely",
            r"probable", r"presumably",
        ),
    },
    "ru": {
        "temporal": (r"до\s+тех\s+пор,?\s+пока", r"пока\s+не", r"пока\s+что", r"на\s+данный\s+момент"),
        "preliminary": (r"по\s+предварительным\s+данным", r"предварительн\w*", r"может\s+измениться"),
        "approximation": (r"(?:около|примерно|порядка|почти)(?=\s+(?:{NUM}))", r"приблизительно", r"примерно"),
        "scope": (r"(?:главн|основн|первоочередн)\w+(?=\s+(?:задач|мисси|цел))", r"в\s+основном"),
        "attribution": (r"по\s+данным", r"как\s+полагают", r"якобы", r"по\s+сообщениям", r"считается"),
        "condition": (r"если", r"при\s+условии"),
        "modal": (r"может", r"могут", r"мог\w*", r"возможно", r"вероятно"),
    },
}

# Markers whose hedge span runs on over the clause or phrase they introduce.
CLAUSE_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset({"if", "unless", "provided", "provided that", "on condition that", "as long as", "once",
                     "depending on", "in case", "assuming", "until", "till"}),
    "ru": frozenset({"если", "при условии", "пока не", "до тех пор, пока", "до тех пор пока"}),
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
    markers = CLAUSE_MARKERS.get(lang, CLAUSE_MARKERS["en"])
    found: list[Hedge] = []
    for m in _regex(lang).finditer(text, lo, hi):
        kind = m.lastgroup or ""
        start, end = m.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        if kind == "modal" and text[start:end].lower() in _TAGGED_MODALS and not _is_modal_verb(doc, start, end):
            continue
        if " ".join(text[start:end].lower().split()) in markers:
            start, end = _clause(doc, start, end, lo, hi)
        elif kind == "scope" and text[start:end].lower() == "only":
            end = _phrase_after(doc, end, hi)
        found.append(Hedge(kind, start, end, text[start:end]))
    return resolve_overlaps(found)


def resolve_overlaps(hedges: list[Hedge]) -> list[Hedge]:
    """Keep one hedge where several overlap: the higher-priority kind, then the longer span.

    A condition or until-clause may contain other hedges ("if the figures are confirmed, ...
    may"), so such clauses only clash with hedges that overlap their marker word.
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
    if _is_clause(a) and not _is_clause(b):
        return a.start >= b.start  # the marker word of a sits inside b
    if _is_clause(b) and not _is_clause(a):
        return b.start >= a.start
    return True


_CLAUSE_FIRST_WORDS = frozenset(m.split()[0] for ms in CLAUSE_MARKERS.values() for m in ms)


def _is_clause(h: Hedge) -> bool:
    """A condition, or an until-clause: other hedges may sit inside it."""
    first = h.text.split(maxsplit=1)[0].lower() if h.text.strip() else ""
    return h.kind == "condition" or (h.kind == "temporal" and first in _CLAUSE_FIRST_WORDS)


def _is_modal_verb(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.tag_ == "MD" for t in span)


def _phrase_after(doc: Any, end: int, hi: int) -> int:
    """The end of a prepositional phrase right after ``end`` ("only [to the troops]"), within hi."""
    nxt = doc.char_span(end, hi, alignment_mode="expand")
    tok = nxt[0] if nxt is not None and len(nxt) else None
    if tok is None or tok.dep_ != "prep":
        return end
    last = max(tok.subtree, key=lambda t: t.i)
    return min(last.idx + len(last.text), hi)


def _clause(doc: Any, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Extend a marker ("if", "until", "as long as") to the clause or phrase it introduces,
    within [lo, hi). The marker's last word leads: a subordinator takes its verb's clause, a
    preposition its object, an adverb before a subordinate verb ("once results were in") that
    verb's clause."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    marker = span[-1]
    head = marker.head
    if marker.dep_ == "mark" or (marker.dep_ == "advmod" and head.dep_ == "advcl" and marker.i < head.i):
        tokens = [t for t in head.subtree if t.i >= marker.i]
    elif marker.dep_ in ("prep", "advmod") or marker.pos_ == "ADP":
        tokens = list(marker.subtree)
    else:
        return start, end
    if not tokens:
        return start, end
    last = max(tokens, key=lambda t: t.i)
    while last.i > marker.i and last.is_punct and last.text not in "”»’\"'":
        last = doc[last.i - 1]
    new_end = min(last.idx + len(last.text), hi)
    return start, max(end, new_end)
