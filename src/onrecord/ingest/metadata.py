"""Metadata candidates found in the text, and the rules that choose among candidates.

News metadata is often wrong, so every candidate is kept with its origin and
the chosen one records the rule that picked it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from ..models import Candidate
from .raw import RawDoc

__all__ = ["text_candidates", "choose", "normalise_date"]

_BYLINE = re.compile(r"^\s*(?:By|BY|Автор:?|Written by)\s+(?P<name>[^\n,|]{3,80}?)\s*(?:[,|].*)?$", re.M)
_PERSON_LINE = re.compile(r"^(?:[A-ZА-ЯЁ][a-zа-яё'’\-]+\.?\s){1,3}[A-ZА-ЯЁ][a-zа-яё'’\-]+$")
_DOMAIN_LINE = re.compile(r"^(?:Source:\s*)?(?P<outlet>[A-Za-z0-9][\w\-]*(?:\.[A-Za-z][\w\-]*)+)$")
_SOURCE_LINE = re.compile(r"^(?:Source|Источник):\s*(?P<outlet>.{2,60})$")
_RELATION_LINE = re.compile(r"^(?:Translated|Originally|First published|Reprinted|Перевод)", re.I)
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^[A-ZА-Я][A-ZА-Я .'\-]{2,40},\s*(?P<date>" + _MONTHS + r"\s+\d{1,2}(?:,\s*\d{4})?)\s*(?:\((?P<agency>[^)]{2,40})\))?\s*[-–—]",
    re.M,
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalise_date(value: str, *, base: datetime | None = None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata or text date string, or None."""
    value = value.strip()
    if _ISO_DATE.match(value):
        return value[:10]
    try:
        import dateparser

        settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
        if base is not None:
            settings["RELATIVE_BASE"] = base
        parsed = dateparser.parse(value, settings=settings, languages=["en", "ru"])
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date().isoformat() if parsed else None


def text_candidates(raw: RawDoc) -> None:
    """Add author/outlet/date/title candidates read from the text itself (byline, footer, dateline)."""
    text = raw.text or ""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if not lines:
        return
    for m in _BYLINE.finditer(text[:1500]):
        raw.add("author", [a.strip() for a in re.split(r"\s+and\s+|,\s*", m.group("name")) if a.strip()], "text:byline")
    # footer: short lines at the end (author name, "Translated from X", outlet domain)
    for line in reversed(lines[-5:]):
        if len(line) > 80 or line.endswith((".", "?", "!", "”", "\"")) and not _DOMAIN_LINE.match(line):
            break
        if _RELATION_LINE.match(line):
            continue
        if m := _SOURCE_LINE.match(line) or _DOMAIN_LINE.match(line):
            raw.add("outlet", m.group("outlet"), "text:footer-outlet")
        elif (m := _BYLINE.match(line)) or _PERSON_LINE.match(line):
            raw.add("author", m.group("name") if m else line, "text:footer-signature")
    if m := _DATELINE.search(text[:600]):
        raw.add("date", m.group("date"), "text:dateline")
        if m.group("agency"):
            raw.add("outlet", m.group("agency"), "text:dateline-agency")
    first = lines[0]
    if len(first) <= 150 and not first.endswith((".", "!", "?")) and len(lines) > 1:
        raw.add("title", first, "text:first-line")


# priority of origins per field: earlier prefixes win
_PRIORITY = {
    "author": ("jsonl:", "feed:", "html:", "text:byline", "text:footer-signature"),
    # the crawl date (warc:) and Last-Modified (http:) say when a copy was fetched, not published: last resorts
    "date": ("jsonl:", "feed:", "html:", "text:dateline", "http:", "warc:"),
    "title": ("jsonl:", "feed:", "html:", "text:first-line", "file:"),
    "outlet": ("jsonl:", "feed:", "text:footer-outlet", "html:trafilatura-sitename", "html:hostname", "url:", "text:dateline-agency"),
    "language": ("jsonl:", "detect:", "html:", "feed:"),
    "url": ("jsonl:", "feed:", "warc:", "http:", "html:"),
}


def _rank(field: str, origin: str) -> int:
    for i, prefix in enumerate(_PRIORITY.get(field, ())):
        if origin.startswith(prefix):
            return i
    return 99


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _plausible_date(value: str, year_hint: int | None = None) -> tuple[str | None, str]:
    if year_hint and not _YEAR.search(value) and not _ISO_DATE.match(value.strip()):
        value = f"{value.strip().rstrip(',')} {year_hint}"  # a dateline such as "Jan 11" takes another candidate's year
    iso = normalise_date(value)
    if iso is None:
        return None, "unparseable"
    d = date.fromisoformat(iso)
    if d.year < 1900:
        return None, "before 1900"
    if d > datetime.now(timezone.utc).date():
        return None, "in the future"
    return iso, ""


def choose(raw: RawDoc) -> tuple[dict[str, object], list[Candidate]]:
    """Pick one value per field; returns (chosen values, all candidates with chosen + rule)."""
    chosen: dict[str, object] = {}
    out: list[Candidate] = []
    for field, cands in raw.fields.items():
        order = sorted(range(len(cands)), key=lambda i: (_rank(field, cands[i][1]), i))
        picked: set[int] = set()
        rules: dict[int, str] = {}
        if field == "author":
            # all authors from the best origin that has any
            best = _rank(field, cands[order[0]][1])
            picked = {i for i in order if _rank(field, cands[i][1]) == best}
            chosen["authors"] = tuple(dict.fromkeys(cands[i][0] for i in sorted(picked)))
            rule = f"highest-priority origin {cands[order[0]][1]}"
            rules = {i: rule for i in picked}
        elif field == "date":
            notes = []
            # the year of the best-ranked plausible candidate that states one
            year_hint = next(
                (int(m.group()) for v, _ in (cands[i] for i in order) if (m := _YEAR.search(v)) and _plausible_date(v)[0]),
                None,
            )
            for i in order:
                iso, why = _plausible_date(cands[i][0], year_hint)
                if iso:
                    chosen["published"] = iso
                    picked = {i}
                    rules[i] = f"first plausible by priority ({cands[i][1]})" + (f"; rejected {', '.join(notes)}" if notes else "")
                    break
                notes.append(f"{cands[i][0]!r} ({why})")
                rules[i] = f"rejected: {why}"
        else:
            i = order[0]
            picked = {i}
            chosen[field] = cands[i][0]
            rules[i] = f"highest-priority origin {cands[i][1]}"
        for i, (value, origin) in enumerate(cands):
            out.append(Candidate(field, value, origin, i in picked, rules.get(i, "")))
    return chosen, out
