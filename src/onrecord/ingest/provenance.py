"""Provenance relations stated in an article's text: translations, reprints, citations, wire datelines."""

from __future__ import annotations

import re

from ..models import ProvenanceLink, Span

__all__ = ["find_provenance", "WIRE_AGENCIES", "LANGUAGES"]

WIRE_AGENCIES = (
    "Reuters", "AP", "AFP", "Associated Press", "Agence France-Presse", "Bloomberg", "dpa", "EFE", "ANSA",
    "Interfax", "TASS", "RIA Novosti", "Sputnik", "Xinhua", "Kyodo", "Yonhap", "UNI", "PTI", "Anadolu",
)

# a capitalised token; a dot only inside it ("Haqqin.az", not the full stop after it)
_TOK = r"[A-Z0-9«\"“](?:[\w&'’\-«»\"“”]|\.(?=\w))*"
_NAME = r"(?P<target>(?:the\s+)?" + _TOK + r"(?:[ \t]+(?:" + _TOK + r"|of|de|and|the|news|agency))*)"
_WIRE = "|".join(sorted((re.escape(a) for a in WIRE_AGENCIES), key=len, reverse=True))

# language names: "Translated from Russian by X" names a language, not a source outlet
LANGUAGES = frozenset(
    """english russian kazakh ukrainian belarusian azerbaijani azeri armenian georgian uzbek kyrgyz tajik turkmen
    turkish persian farsi arabic hebrew chinese mandarin japanese korean french german spanish portuguese italian
    dutch polish czech slovak hungarian romanian bulgarian serbian croatian greek swedish norwegian danish finnish
    estonian latvian lithuanian hindi urdu""".split()
)
# an organisation named after "citing": starts with a capital, runs to punctuation or a clause word
_ORG = r"(?P<target>(?:the\s+)?[A-ZА-ЯЁ«\"“][^\n,.;:()]{0,60}?)(?=\s*[,.;:()\n]|\s+(?:that|as|on|in|saying|who|which|and)\b|$)"
_RU_NAME = r"(?P<target>[«\"A-ZА-ЯЁ][^\n.,;]{1,60}?)"
_AGENCY_WORDS = r"(?:news agency|agency|newspaper|news outlet|news site|TV|channel|broadcaster|website|portal)"

# (relation, pattern) - English and Russian phrasings
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rel, re.compile(p, flags))
    for rel, p, flags in (
        # "Translated [from Russian] by Jane Doe from Kommersant": the outlet after the translator
        ("translated_from", r"\b[Tt]ranslated (?:from (?:the )?\w+ )?by [^\n.]*?\bfrom\s+(?:the\s+)?" + _NAME, 0),
        # "Translated from Haqqin.az" (a language name here is dropped below)
        ("translated_from", r"\b[Tt]ranslat(?:ed|ion) from\s+(?:the\s+)?" + _NAME, 0),
        ("originally_published_by", r"\b(?:[Oo]riginally|[Ff]irst) (?:published|appeared) (?:by|in|on|at)\s+" + _NAME, 0),
        ("reprint_of", r"\b[Rr]e(?:printed|published) (?:with permission )?(?:from|by)\s+" + _NAME, 0),
        # "Interfax reports, citing ...": the reporting outlet is what the article relies on
        ("according_to", r"(?:^|(?<=[.!?]\s)|(?<=\n))" + _NAME + r",?\s+(?:reports|reported|says|said|writes|wrote),?\s+citing\b", re.M),
        ("citing", r"\bciting\s+" + _ORG, 0),
        ("according_to", r"\b[Aa]ccording to (?:the\s+)?" + _NAME + r"(?=\s+" + _AGENCY_WORDS + r"\b)", 0),
        ("according_to", r"\b[Aa]ccording to (?:the\s+)?(?P<target>" + _WIRE + r")\b", 0),
        ("quoted_by", r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he) (?:words|remarks|statement|comments) (?:are|were|is|was) (?:quoted|cited|reported) by\s+(?:the\s+)?" + _NAME, 0),
        ("wire_dateline", r"\((?P<target>" + _WIRE + r")\)\s*[-–—]", 0),
        ("wire_dateline", r"^[A-ZА-Я][A-ZА-Я .'\-]{2,40},?[^\n(]{0,40}\((?P<target>[A-Z][\w .&'\-]{1,40})\)\s*[-–—]", re.M),
        # Russian
        ("translated_from", r"[Пп]еревод (?:с\s+\w+\s+)?(?:из\s+|статьи\s+)?" + _RU_NAME + r"(?=[.,;\n]|$)", 0),
        ("originally_published_by", r"(?:[Вв]первые\s+)?(?:опубликован[аоы]?|вышл[аои]?)\s+(?:впервые\s+)?(?:на\s+сайте|в\s+(?:газете|издании|журнале))\s+" + _RU_NAME + r"(?=[.,;\n]|$)", 0),
        ("according_to", r"(?:сообща(?:ет|ют|ли?)|переда(?:ёт|ет|ют|ли?))\s+" + _RU_NAME + r"(?=\s+со ссылкой|[.,;\n]|$)", 0),
        ("citing", r"со ссылкой на\s+" + _RU_NAME + r"(?=[.,;\n]|$)", 0),
        ("quoted_by", r"[Сс]лова \w+ (?:приводит|цитирует)\s+" + _RU_NAME + r"(?=[.,;\n]|$)", 0),
        ("according_to", r"[Пп]о (?:данным|сообщению)\s+" + _RU_NAME + r"(?=[.,;\n]|$)", 0),
    )
)

_TRAIL = re.compile(r"[\s.,;:\"”»]+$")
_LEAD_THE = re.compile(r"^the\s+", re.I)
_GENERIC_TAIL = re.compile(r"(?:\s+(?:news|agency))+$")


def _clean(target: str) -> str:
    t = _TRAIL.sub("", target.strip())
    t = _LEAD_THE.sub("", t)
    t = _GENERIC_TAIL.sub("", t)  # "the Tengrinews news agency" names Tengrinews
    return t.strip("«»\"“”")


def find_provenance(text: str) -> list[ProvenanceLink]:
    """Every provenance relation the text states, with the evidence span; de-duplicated."""
    found: list[ProvenanceLink] = []
    seen: set[tuple[str, str]] = set()
    for relation, pat in _PATTERNS:
        for m in pat.finditer(text):
            target = _clean(m.group("target"))
            if not target or len(target) < 2 or target.lower() in LANGUAGES:
                continue
            key = (relation, target.lower())
            if key in seen:
                continue
            seen.add(key)
            found.append(ProvenanceLink(relation, target, Span.of(text, m.start(), m.end()), "text"))
    found.sort(key=lambda p: p.evidence.start if p.evidence else -1)
    return found
