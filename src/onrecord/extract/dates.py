"""When a statement was made, and the time expressions inside what was said.

* :func:`statement_date` looks for a date phrase next to the attribution, outside the
  quoted content ("said on Tuesday", "On January 11, ... told reporters", "yesterday"),
  and resolves it against the article's publication date. No phrase -> ``None`` (the
  pipeline then falls back to the publication date and records that it did).
* :func:`find_time_expressions` finds time bounds and schedules inside the content
  ("within two days", "by January 19", "until the end of the month", "next week") and
  resolves calendar dates where the text allows.

Own regular expressions only: ``dateparser.search_dates`` reads ordinary words ("We",
"May") as dates, and resolving weekdays and month-days against a base date is a few
lines. Relative weekdays in attributions resolve to the most recent such day on or
before publication ("said on Tuesday" in an article of Tuesday -> that Tuesday).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Iterable

from ..models import TimeExpression
from .numbers import parse_number

__all__ = ["TimeExpression", "statement_date", "find_time_expressions", "parse_published", "resolve_date"]

_MONTH_NUM = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8, "сен": 9,
    "окт": 10, "ноя": 11, "дек": 12,
}
_WEEKDAY_NUM = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "пон": 0, "вто": 1, "сре": 2, "чет": 3, "пят": 4, "суб": 5, "вос": 6,
}
_MONTHS_EN = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
              r"Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAYS_EN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS_RU = r"(?:январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])"
_WEEKDAYS_RU = r"(?:понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье)"


@dataclass(frozen=True)
class _DatePatterns:
    said: re.Pattern[str]
    content: re.Pattern[str]


@lru_cache(maxsize=None)
def _patterns(language: str) -> _DatePatterns:
    if language == "ru":
        day = (rf"(?P<md>(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS_RU})(?:\s+(?P<y2>\d{{4}}))?)"
               rf"|(?P<wd>{_WEEKDAYS_RU})|(?P<rel>вчера|сегодня|позавчера)")
        said = re.compile(rf"(?:\bв\s+|\bво\s+)?(?:{day})", re.I)
        content = re.compile(
            rf"(?P<bound>\b(?:в\s+течение|до|к|не\s+позднее)\s+)?(?:{day.replace('rel>', 'rel_unused>')}"
            rf"|(?P<dur>(?:\w+\s+){{0,2}}(?:дн(?:я|ей)|суток|недел[ьи]|месяц(?:а|ев)?|час(?:а|ов)?)))", re.I)
        return _DatePatterns(said, content)
    day = (rf"(?P<md>(?P<m1>{_MONTHS_EN})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
           rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTHS_EN})(?:,?\s+(?P<y2>\d{{4}}))?)"
           rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
           rf"|(?P<wd>(?:(?P<wdmod>last|next|this)\s+)?{_WEEKDAYS_EN})(?:\s+(?:morning|afternoon|evening|night))?")
    said = re.compile(
        rf"(?:\b(?:on|late|early)\s+)?(?:{day}|(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|"
        rf"(?:earlier|late|early)\s+today|this\s+(?:morning|afternoon|evening)|last\s+night|last\s+week))\b",
        re.I,
    )
    duration_words = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)"
    content = re.compile(
        rf"(?P<bound>\b(?:by|until|till|before|no\s+later\s+than|not\s+later\s+than|from|starting(?:\s+on)?|"
        rf"as\s+of|on)\s+)?"
        rf"(?:{day}"
        rf"|(?P<dur>\b(?:(?:within|in)\s+(?:the\s+)?|(?:over|for|during|in)\s+the\s+)(?:next\s+|coming\s+|following\s+)?"
        rf"(?:[\w\-]+\s+){{0,2}}?{duration_words})"
        rf"|(?P<end>\bthe\s+end\s+of\s+(?:the\s+|this\s+|next\s+)?(?P<endunit>week|month|year))"
        rf"|(?P<vague>\btomorrow|next\s+(?:week|month|year)|in\s+the\s+(?:coming|next)\s+(?:days|weeks|months)|"
        rf"later\s+this\s+(?:week|month|year)))\b",
        re.I,
    )
    return _DatePatterns(said, content)


def parse_published(published: str | None) -> date | None:
    """An ISO date or datetime string -> date (``None`` when missing or unreadable)."""
    if not published:
        return None
    s = published.strip()
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def _month(name: str) -> int | None:
    return _MONTH_NUM.get(name.lower().rstrip(".")[:3])


def _closest_year(month: int, day: int, base: date, *, past_only: bool) -> date | None:
    best = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            cand = date(year, month, day)
        except ValueError:
            continue
        if past_only and cand > base + timedelta(days=1):
            continue
        if best is None or abs((cand - base).days) < abs((best - base).days):
            best = cand
    return best


def resolve_date(m: re.Match[str], base: date | None, *, past_only: bool, future: bool = False) -> str | None:
    """Resolve a match of the day pattern against ``base`` to an ISO date (or ``None``)."""
    g = m.groupdict()
    if g.get("iso"):
        try:
            return date.fromisoformat(g["iso"]).isoformat()
        except ValueError:
            return None
    if g.get("md"):
        month = _month(g.get("m1") or g.get("m2") or "")
        day = int(g.get("d1") or g.get("d2") or 0)
        year = g.get("y1") or g.get("y2")
        if month is None:
            return None
        try:
            if year:
                return date(int(year), month, day).isoformat()
            if base is None:
                return None
            found = _closest_year(month, day, base, past_only=past_only)
            return found.isoformat() if found else None
        except ValueError:
            return None
    if base is None:
        return None
    if g.get("rel"):
        rel = " ".join(g["rel"].lower().split())
        if "before yesterday" in rel or rel == "позавчера":
            return (base - timedelta(days=2)).isoformat()
        if rel in ("yesterday", "last night", "вчера"):
            return (base - timedelta(days=1)).isoformat()
        if rel == "last week":  # somewhere in the week before: its middle is the best single day
            return (base - timedelta(days=base.weekday() + 4)).isoformat()
        return base.isoformat()
    if g.get("wd"):
        words = g["wd"].lower().split()
        target = _WEEKDAY_NUM.get(words[-1][:3])
        if target is None:
            return None
        mod = (g.get("wdmod") or "").lower()
        if mod == "next" or (future and mod != "last"):
            delta = (target - base.weekday()) % 7 or 7
            return (base + timedelta(days=delta)).isoformat()
        delta = (base.weekday() - target) % 7
        if mod == "last" and delta == 0:
            delta = 7
        return (base - timedelta(days=delta)).isoformat()
    if g.get("end"):
        unit = g["endunit"].lower()
        if unit == "year":
            return date(base.year, 12, 31).isoformat()
        if unit == "month":
            nxt = date(base.year + base.month // 12, base.month % 12 + 1, 1)
            return (nxt - timedelta(days=1)).isoformat()
        return (base + timedelta(days=6 - base.weekday())).isoformat()
    if g.get("vague") and g["vague"].lower() == "tomorrow":
        return (base + timedelta(days=1)).isoformat()
    return None


def _outside(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


# "MIRSK, Jan. 11 (Northern Wire) -": a wire dateline at the top of the text, after an optional byline
_DATELINE = re.compile(rf"^(?:By [^\n]{{1,80}}\n)?[A-Z][A-Z .'\-]{{1,40}},\s+(?P<mon>{_MONTHS_EN})\s+(?P<day>\d{{1,2}})\b")


def dateline_date(text: str, published: str | None) -> date | None:
    """The date of a wire dateline, read in the year closest before publication; a reprint
    published later keeps the wire story's date."""
    base = parse_published(published)
    m = _DATELINE.match(text[:200])
    month = _month(m["mon"]) if m else None
    if base is None or month is None:
        return None
    return _closest_year(month, int(m["day"]), base, past_only=True)


def statement_date(doc: Any, statement: Any, published: str | None, language: str = "en",
                   also_masked: Any = (), cues: Any = ()) -> str | None:
    """The ISO date the statement was made, from a date phrase outside its content; relative
    phrases ("on Tuesday") resolve against the dateline's date when the text has one (a reprint
    keeps its wire story's day), else the publication date. Without a date phrase, a text with a
    wire dateline ("MIRSK, Jan. 12 (Northern Wire) -") was said on the dateline's day, not on the
    day a reprint was published; otherwise ``None`` (the caller falls back to publication).
    ``also_masked`` are other contents of the same report, never its date; a phrase nearer to
    another of ``cues`` (cue offsets) dates that report instead."""
    dateline = dateline_date(doc.text, published)
    base = dateline or parse_published(published)
    content = statement.content
    masked = [(content.start, content.end)] + [(f.start, f.end) for f in statement.fragments] + list(also_masked)
    anchor = statement.cue.start if statement.cue is not None else content.start
    lo, hi = _sentence_bounds(doc, statement)
    text = doc.text
    best: tuple[int, str] | None = None
    for m in _patterns(_lang(language)).said.finditer(text, lo, hi):
        if not _outside(masked, m.start(), m.end()):
            continue
        if m.group("wd") and (m.group("wdmod") or "").lower() == "next":
            continue
        value = resolve_date(m, base, past_only=True)
        if value is None:
            continue
        dist = min(abs(m.start() - anchor), abs(m.end() - anchor))
        if any(min(abs(m.start() - c), abs(m.end() - c)) < dist for c in cues):
            continue  # "Stavan, who last week said ..., said": the phrase dates the other report
        if best is None or dist < best[0]:
            best = (dist, value)
    if best:
        return best[1]
    return dateline.isoformat() if dateline else None


def _lang(language: str) -> str:
    return (language or "en").split("-")[0].lower()


def _sentence_bounds(doc: Any, statement: Any) -> tuple[int, int]:
    """Character range of the sentences holding the cue and the content."""
    points = [statement.content.start, max(statement.content.start, statement.content.end - 1)]
    if statement.cue is not None:
        points.append(statement.cue.start)
    if statement.speaker_mention is not None:
        points.append(statement.speaker_mention.start)
    lo, hi = min(points), max(points) + 1
    try:
        span = doc.char_span(lo, hi, alignment_mode="expand")
        if span is not None and doc.has_annotation("SENT_START"):
            sents = [span[0].sent, span[-1].sent]
            return sents[0].start_char, sents[-1].end_char
    except (ValueError, IndexError):
        pass
    return lo, hi


_FUTURE = re.compile(r"\b(?:will|shall|won't|'ll|going\s+to|plans?\s+to|next)\b", re.I)


def find_time_expressions(doc_or_span: Any, published: str | None, language: str = "en") -> list[TimeExpression]:
    """Time bounds and schedules inside a Doc or Span (absolute offsets). ``published`` is the
    base date for relative phrases: pass the statement date when known ("within ten days" said
    on 7 January ends on the 17th)."""
    doc = getattr(doc_or_span, "doc", doc_or_span)
    lo, hi = (0, len(doc.text)) if doc is doc_or_span else (doc_or_span.start_char, doc_or_span.end_char)
    text = doc.text
    base = parse_published(published)
    lang = _lang(language)
    future = bool(_FUTURE.search(text, lo, hi))
    out: list[TimeExpression] = []
    for m in _patterns(lang).content.finditer(text, lo, hi):
        g = m.groupdict()
        bound = " ".join((g.get("bound") or "").lower().split())
        bound = _BOUNDS.get(bound, bound)
        if g.get("dur"):
            first = m["dur"].split(maxsplit=1)[0].lower()
            bound = bound or (first if first in _DURATION_PREPS else "")
            value = _duration_end(m["dur"], base, lang) if bound in ("within", "in") else None
            kind = "point" if bound == "in" else "duration"  # "in two days" names a day
            start = m.start("dur") if not g.get("bound") else m.start()
        else:
            if g.get("wd") is None and g.get("md") is None and g.get("iso") is None and not g.get("end") \
                    and not g.get("vague"):
                continue
            kind = "deadline" if bound in ("by", "until", "before") else "point"
            value = resolve_date(m, base, past_only=False, future=future or kind == "deadline")
            start = m.start()
        out.append(TimeExpression(kind, start, m.end(), text[start:m.end()], value, bound))
    return out


# normalised bound words (see ``TimeExpression.bound``)
_BOUNDS = {"till": "until", "no later than": "by", "not later than": "by", "starting": "from", "starting on": "from",
           "в течение": "within", "до": "until", "к": "by", "не позднее": "by"}
_DURATION_PREPS = frozenset({"within", "in", "over", "for", "during"})
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "hour": 1 / 24, "дн": 1, "сут": 1, "нед": 7, "час": 1 / 24}
_UNIT_MONTHS = {"month": 1, "year": 12, "decade": 120, "мес": 1}


def _duration_end(phrase: str, base: date | None, language: str) -> str | None:
    """The ISO date a "within/in N units" phrase ends at, counted from ``base``."""
    words = phrase.lower().split()
    if base is None or not words:
        return None
    unit = words[-1].rstrip("s")
    amount = [w for w in words[:-1] if w not in _DURATION_PREPS and w not in ("the", "next", "coming", "following")]
    if not amount:
        return None  # "within hours", "within days": no number
    n = 1.0 if amount == ["a"] or amount == ["an"] else getattr(parse_number(" ".join(amount), language), "value", None)
    if n is None:
        return None
    days = next((v for k, v in _UNIT_DAYS.items() if unit.startswith(k)), None)
    if days is not None:
        return (base + timedelta(days=int(n * days))).isoformat()
    months = next((v for k, v in _UNIT_MONTHS.items() if unit.startswith(k)), None)
    if months is None or n != int(n):
        return None
    total = base.month - 1 + int(n * months)
    year, month = base.year + total // 12, total % 12 + 1
    return date(year, month, min(base.day, calendar.monthrange(year, month)[1])).isoformat()
