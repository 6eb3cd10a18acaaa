"""Statements as the flag rules see them: one :class:`Claim` per statement, with every
feature the rules need computed once (content keys, stances, hedge markers, denials).

Statements come in as the plain dicts the store streams (``iter_statements``) or that
tests build; :func:`claim_of` turns one into a :class:`Claim`. The small formatting
helpers shared by the rules (quotes, dates, flag construction) live here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Iterable, Mapping

from ..models import Evidence, Flag, Span
from .propositions import Stance, content_keys, negated, scope_names, stance_details, stances

__all__ = ["Claim", "claim_of", "RULES_VERSION", "hedge_markers", "denials", "days_between", "make_flag",
           "quote", "on_date", "GENERIC_KEYS"]

RULES_VERSION = "onrecord.flags.v2"
_CAPS = re.compile(r"\b[A-Z]{3,}\b")  # datelines ("PORT AVERLY —") name places
_SPOKESPERSON = re.compile(r"^(.+?)\s+(?:spokes(?:person|man|woman)|press (?:secretary|service|office))$")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "who", "which"})

# content keys too common in news to tie two statements to one proposition
GENERIC_KEYS = frozenset({"will", "would", "situation", "people", "peopl", "government", "govern", "country",
                          "city", "state", "stay", "withdraw", "complete", "stabil", "statement", "report",
                          "figur", "numb", "total", "among", "also", "know", "think", "need"})


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement as the rules see it."""

    id: str
    text: str
    start: int = 0
    end: int = 0
    article: str = ""  # the article id as shown (the input's own id when it had one)
    article_db: str = ""  # the stored article id
    outlet: str = ""
    date: str = ""  # YYYY-MM-DD, said_on or the publication date
    published: str = ""  # YYYY-MM-DD, the article's publication date
    day: int = 0  # ordinal of ``date`` (0 when undated), for fast windows
    speaker: str = ""  # canonical speaker key ("" when unknown)
    speaker_name: str = ""
    org: str = ""  # the speaker's organisation ("Ostrel" for its spokesperson; an organisation's own name)
    language: str = "en"
    quantities: tuple[Mapping[str, Any], ...] = ()
    hedges: tuple[Mapping[str, Any], ...] = ()
    modality: str = ""
    polarity: str = ""
    kind: str = ""
    keys: frozenset[str] = field(default_factory=frozenset)
    stances: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    stance_list: tuple[Stance, ...] = ()
    negated: bool = False
    names: frozenset[str] = field(default_factory=frozenset)
    name_keys: frozenset[str] = field(default_factory=frozenset)  # content keys of capitalised names (scope, not argument)
    markers: frozenset[str] = field(default_factory=frozenset)  # normalised hedge markers (see hedge_markers)
    denials: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()  # (denied subject keys, predicate keys)
    recap: bool = False  # re-reports an earlier statement ("X, who last week said C"): not a new utterance

    @property
    def who(self) -> str:
        return self.speaker_name or self.outlet or "an unnamed source"

    @property
    def direct(self) -> bool:
        return self.kind == "direct"

    def evidence(self) -> Evidence:
        return Evidence(self.id, self.article_db or self.article, Span(self.start, self.end, self.text),
                        self.date or None, self.speaker_name or None, self.outlet)


def _day(value: str | None) -> str:
    return (value or "")[:10]


def _ordinal(day: str) -> int:
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return 0


# -- hedge markers ---------------------------------------------------------------------------
# Words that weaken a claim, normalised; the number qualifiers "about", "some", "around", "nearly"
# are NOT markers (they are tolerances of the number, see chains.interval).
_MARKERS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.I), m) for p, m in (
    (r"\bpreliminary\b|\bprovisional\b|\binitial (?:data|figures?|estimates?|assessment)\b", "preliminary"),
    (r"\bapproximate(?:ly)?\b|\broughly\b|\brough estimate\b", "approximate"),
    (r"\bestimates?\b|\bestimated\b", "estimate"),
    (r"\b(?:may|might|could|is likely to|is subject to)\s+(?:still\s+)?(?:change|rise|be revised|increase|go up)\b"
     r"|\bsubject to (?:change|revision)\b", "may change"),
    (r"\bunconfirmed\b|\bnot (?:yet )?(?:been )?(?:confirmed|verified)\b|\bnot final\b", "unconfirmed"),
    (r"\blargely\b|\bmostly\b|\bpartly\b|\bpartially\b|\bin part\b|\bto a large extent\b", "largely"),
    (r"\b(?:main|primary|principal|chief)\s+(?:mission|task|goal|aim|objective|purpose|cause|reason)\b", "main"),
    (r"\b(?:may|might|could)\s+(?:have\s+)?(?!change\b)\w+|\bpossibly\b|\bprobably\b|\bperhaps\b|\blikely\b",
     "may"),
))
FIGURE_MARKERS = frozenset({"preliminary", "approximate", "estimate", "may change", "unconfirmed"})


@lru_cache(maxsize=100_000)
def hedge_markers(text: str) -> frozenset[str]:
    """The hedge markers of a text: preliminary, approximate, estimate, may change, unconfirmed (about a
    figure), largely/main (scope), may (modality)."""
    return frozenset(m for pattern, m in _MARKERS if pattern.search(text))


# -- denials ---------------------------------------------------------------------------------
_DENIAL = re.compile(r"\b(?:no|none of the|not a single|nobody|never)\s+((?:[\w'’-]+\s+){0,5}?[\w'’-]+?)"
                     r"(?=\s+(?:is|are|was|were|has|have|had|will|would|can|could|among|in|at|on|to drink)\b|[,.;:]|$)"
                     r"(.*?)(?:[.;:!?]|$)", re.I)
_SUBORDINATE = re.compile(r"\b(?:after|because|since|when|once|if|unless|before|while|although|whether|as)\b", re.I)
_NOT_DENIAL = re.compile(r"\bno\s+(?:longer|more than|less than|fewer than|later than|sooner)\b", re.I)


@lru_cache(maxsize=100_000)
def denials(text: str, language: str = "en") -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """What a text denies: ``(subject keys, predicate keys)`` for each "no X (is/are ...) Y" clause
    ("No foreign nationals are among the dead" -> ({foreign, citizen}, {death}))."""
    if language.split("-")[0] != "en":
        return ()
    out = []
    for m in _DENIAL.finditer(text):
        if _NOT_DENIAL.match(text, m.start()) or _SUBORDINATE.search(re.split(r"[.;:!?,]", text[: m.start()])[-1]):
            continue
        subject = content_keys(m.group(1), language)
        predicate = content_keys(m.group(2), language) - subject
        if subject:
            out.append((subject, predicate))
    return tuple(out)


def _org(resolution: Mapping[str, Any], name: str) -> str:
    """The organisation a statement speaks for: the resolved ``org``, the X of an "X spokesperson" role,
    or the speaker itself when it is an organisation."""
    if resolution.get("org"):
        return str(resolution["org"])
    for role in resolution.get("roles") or ():
        m = _SPOKESPERSON.match(str(role))
        if m:
            return m.group(1)
    return name if resolution.get("kind") == "organisation" else ""


def claim_of(st: Mapping[str, Any]) -> Claim:
    """Build a :class:`Claim` from a statement dict (store export shape or a hand-made one)."""
    content = st.get("content") or {}
    text = content.get("text") or st.get("text") or ""
    article = st.get("article") or {}
    day = _day(st.get("said_on") or st.get("published") or article.get("published"))
    speaker = st.get("speaker") or {}
    mention = (st.get("speaker_mention") or {}).get("text") or ""
    name = speaker.get("name") or st.get("speaker_name") or ("" if mention.lower() in _PRONOUNS else mention)
    key = speaker.get("id") or (name.lower().strip() if name else "")
    language = st.get("language") or article.get("language") or "en"
    speaker_words = frozenset(w.lower() for w in re.findall(r"\w+", name))
    is_neg = negated(text, language) and (st.get("polarity") or "negative") == "negative"
    hedges = tuple(st.get("hedges") or ())
    names = scope_names(text, speaker_words)
    markers = set(hedge_markers(text))
    for h in hedges:
        if h.get("kind") in ("preliminary", "scope", "modal"):
            markers |= hedge_markers(h.get("text") or "")
    return Claim(
        id=st.get("id") or "",
        text=text,
        start=int(content.get("start") or 0),
        end=int(content.get("end") or len(text)),
        article=st.get("article_id") or article.get("id") or "",
        article_db=article.get("id") or st.get("article_id") or "",
        outlet=article.get("outlet") or st.get("outlet") or "",
        date=day,
        day=_ordinal(day),
        published=_day(article.get("published") or st.get("published")),
        speaker=key,
        speaker_name=name,
        org=_org(st.get("resolution") or {}, name),
        language=language,
        quantities=tuple(st.get("quantities") or ()),
        hedges=hedges,
        modality=st.get("modality") or "",
        polarity="negative" if is_neg else "positive",
        kind=st.get("kind") or "",
        keys=content_keys(text, language),
        stances=stances(text, language),
        stance_list=tuple(stance_details(text, language)),
        negated=negated(text, language),
        names=names,
        name_keys=content_keys(" ".join(sorted(names) + _CAPS.findall(text)), language),
        markers=frozenset(markers),
        denials=denials(text, language),
        recap=bool((st.get("resolution") or {}).get("recap")),
    )


# -- shared formatting -----------------------------------------------------------------------
def days_between(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)
    except ValueError:
        return None


def quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split()).strip("\"“”«»'‘’ ,")
    return "“" + (text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…") + "”"


def on_date(c: Claim) -> str:
    return f" on {c.date}" if c.date else ""


def make_flag(type_: str, score: float, explanation: str, claims: Iterable[Claim], topic: str = "") -> Flag:
    seen: set[str] = set()
    evidence = []
    for c in claims:
        if c.id not in seen:
            seen.add(c.id)
            evidence.append(c.evidence())
    return Flag(type_, round(max(0.0, min(1.0, score)), 3), explanation, tuple(evidence), topic=topic,
                detector=RULES_VERSION)
