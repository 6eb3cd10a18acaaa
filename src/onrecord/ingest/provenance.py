"""Provenance relations stated in an article's text: translations, reprints, citations, wire datelines."""

from __future__ import annotations

import re

from ..models import ProvenanceLink, Span

__all__ = ["find_provenance", "WIRE_AGENCIES"]

WIRE_AGENCIES = (
    "Reuters", "AP", "AFP", "Associated Press", "Agence France-Presse", "Bloomberg", "dpa", "EFE", "ANSA",
    "Interfax", "TASS", "RIA Novosti", "Sputnik", "Xinhua", "Kyodo", "Yonhap", "UNI", "PTI", "Anadolu",
)

_NAME = r"(?P<target>(?:the\s+)?[A-Z0-9«\"“][\w.&'’\-«»\"“”]*(?:[ \t]+(?:[A-Z0-9«\"“][\w.&'’\-«»\"“”]*|of|de|and|the|news|agency))*)"
_WIRE = "|".join(sorted((re.escape(a) for a in WIRE_AGENCIES), key=len, reverse=True))

# (relation, pattern) - English and Russian phrasings
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rel, re.compile(p, flags))
    for rel, p, flags in (
        ("translated_from", r"\b[Tt]ranslated (?:from (?:the )?(?:[A-Z][a-z]+ )?(?:by|from)?\s*|by [^\n]*? from\s+)" + _NAME, 0),
        ("translated_from", r"\bTranslation from\s+" + _NAME, 0),
        ("originally_published_by", r"\b(?:[Oo]riginally|[Ff]irst) (?:published|appeared) (?:by|in|on|at)\s+" + _NAME, 0),
        ("reprint_of", r"\b[Rr]e(?:printed|published) (?:with permission )?(?:from|by)\s+" + _NAME, 0),
        ("citing", r"\bciting\s+" + _NAME, 0),
        ("according_to", r"\baccording to (?:the\s+)?" + _NAME.replace("(?P<target>", "(?P<target>")
         + r"(?=\s+(?:news agency|agency|newspaper|news outlet|TV|channel|broadcaster|website))", 0),
        ("according_to", r"\baccording to (?:the\s+)?(?P<target>" + _WIRE + r")\b", 0),
        ("quoted_by", r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he) (?:words|remarks|statement|comments) (?:are|were|is|was) (?:quoted|cited|reported) by\s+" + _NAME, 0),
        ("wire_dateline", r"\((?P<target>" + _WIRE + r")\)\s*[-–—]", 0),
        ("wire_dateline", r"^[A-ZА-Я][A-ZА-Я .'\-]{2,40},?[^\n(]{0,40}\((?P<target>[A-Z][\w .&'\-]{1,40})\)\s*[-–—]", re.M),
        # Russian
        ("translated_from", r"[Пп]еревод (?:с\s+\w+\s+)?(?:из\s+|статьи\s+)?" + r"(?P<target>[«\"A-ZА-Я][^\n.,;]{1,60})", 0),
        ("citing", r"со ссылкой на\s+(?P<target>[«\"A-ZА-Я][^\n.,;]{1,60})", 0),
        ("quoted_by", r"[Сс]лова \w+ (?:приводит|цитирует)\s+(?P<target>[«\"A-ZА-Я][^\n.,;]{1,60})", 0),
        ("according_to", r"[Пп]о (?:данным|сообщению)\s+(?P<target>[«\"A-ZА-Я][^\n.,;]{1,60})", 0),
    )
)

_TRAIL = re.compile(r"[\s.,;:\"”»]+$")
_LEAD_THE = re.compile(r"^the\s+", re.I)


def _clean(target: str) -> str:
    t = _TRAIL.sub("", target.strip())
    t = _LEAD_THE.sub("", t)
    return t.strip("«»\"“”")


def find_provenance(text: str) -> list[ProvenanceLink]:
    """Every provenance relation the text states, with the evidence span; de-duplicated."""
    found: list[ProvenanceLink] = []
    seen: set[tuple[str, str]] = set()
    for relation, pat in _PATTERNS:
        for m in pat.finditer(text):
            target = _clean(m.group("target"))
            if not target or len(target) < 2:
                continue
            key = (relation, target.lower())
            if key in seen:
                continue
            seen.add(key)
            found.append(ProvenanceLink(relation, target, Span.of(text, m.start(), m.end()), "text"))
    found.sort(key=lambda p: p.evidence.start if p.evidence else -1)
    return found
