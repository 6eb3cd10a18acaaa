"""A server-drawn SVG timeline: statements per period as bars, flags as markers above them.

Pure string building with every text escaped; no JavaScript, no external assets, so the same
chart works in the web pages (under a strict CSP) and in self-contained HTML dossiers.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape
from typing import Iterable
from urllib.parse import quote

__all__ = ["timeline_svg", "bucket_of", "period_counts"]

BAR = "#4a6fa5"
FLAG = "#c0392b"
INK = "#444"


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def bucket_of(first: date, last: date) -> str:
    """The period size for a span of dates: ``day`` (≤ 2 months), ``month`` (≤ 3 years) or ``year``."""
    days = (last - first).days
    return "day" if days <= 62 else "month" if days <= 3 * 366 else "year"


def _key(d: date, bucket: str) -> date:
    return d if bucket == "day" else d.replace(day=1) if bucket == "month" else d.replace(month=1, day=1)


def _label(d: date, bucket: str) -> str:
    return d.isoformat() if bucket == "day" else d.strftime("%Y-%m") if bucket == "month" else str(d.year)


def _next(d: date, bucket: str) -> date:
    if bucket == "day":
        return date.fromordinal(d.toordinal() + 1)
    if bucket == "month":
        return date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return date(d.year + 1, 1, 1)


_CHAR_W = 6.5  # px per character of a 10px axis label, generously


def _ticks(periods: list[date], bucket: str, slot: float) -> list[tuple[int, str]]:
    """(period index, label) for the x axis, thinned so that no two labels overlap.

    Days read ``MM-DD`` after the first label, with the full date again where the year changes.
    """
    def text(i: int, prev: date | None) -> str:
        d = periods[i]
        if bucket == "day" and prev is not None and prev.year == d.year:
            return d.strftime("%m-%d")
        return _label(d, bucket)

    widest = max(len(_label(p, bucket)) for p in periods) * _CHAR_W + 8
    step = max(1, -(-int(widest) // max(1, int(slot))))
    ticks, prev = [], None
    for i in range(0, len(periods), step):
        ticks.append((i, text(i, prev)))
        prev = periods[i]
    return ticks


def period_counts(dates: Iterable[str | None]) -> list[tuple[str, int]]:
    """(period label, statements) for every period from the first to the last date (for text timelines)."""
    per_day: Counter[date] = Counter(d for v in dates if (d := _day(v)))
    if not per_day:
        return []
    bucket = bucket_of(min(per_day), max(per_day))
    counts: Counter[date] = Counter()
    for d, n in per_day.items():
        counts[_key(d, bucket)] += n
    return [(_label(p, bucket), n) for p, n in sorted(counts.items())]


def timeline_svg(
    statement_dates: Iterable[str | None],
    flags: Iterable[dict] = (),
    *,
    width: int = 720,
    height: int = 180,
    flag_href: str | None = "/flags/",
    title: str = "Statements and flags over time",
) -> str:
    """SVG markup: one bar per period (count of statements), one marker per flag at its latest evidence date.

    ``statement_dates`` are ISO dates (one per statement, streamed); ``flags`` are dicts with ``id``,
    ``type``, ``explanation`` and ``date``. ``flag_href`` prefixes flag links (None: no links).
    """
    per_day: Counter[date] = Counter()
    for value in statement_dates:
        d = _day(value)
        if d:
            per_day[d] += 1
    marks = [(d, f) for f in flags if (d := _day(f.get("date")))]
    days = list(per_day) + [d for d, _ in marks]
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    )
    if not days:
        return head + f'<text x="10" y="{height // 2}" fill="{INK}" font-size="13">No dated statements yet.</text></svg>'
    bucket = bucket_of(min(days), max(days))
    counts: Counter[date] = Counter()
    for d, n in per_day.items():
        counts[_key(d, bucket)] += n
    periods, cur, last = [], _key(min(days), bucket), _key(max(days), bucket)
    while cur <= last and len(periods) < 400:
        periods.append(cur)
        cur = _next(cur, bucket)
    left, right, top, bottom = 36, 10, 28, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / len(periods)
    peak = max(counts.values(), default=1) or 1
    index = {p: i for i, p in enumerate(periods)}
    parts = [head, f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="{INK}"/>']
    parts.append(f'<text x="{left - 4}" y="{top + 4}" fill="{INK}" font-size="10" text-anchor="end">{peak}</text>')
    parts.append(f'<text x="{left - 4}" y="{top + plot_h}" fill="{INK}" font-size="10" text-anchor="end">0</text>')
    for p, n in sorted(counts.items()):
        h = max(2.0, plot_h * n / peak)
        x = left + index[p] * slot + slot * 0.15
        label = f"{_label(p, bucket)}: {n} statement{'s' if n != 1 else ''}"
        parts.append(
            f'<rect class="tl-bar" x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{max(1.0, slot * 0.7):.1f}"'
            f' height="{h:.1f}" fill="{BAR}"><title>{escape(label)}</title></rect>'
        )
    for i, text in _ticks(periods, bucket, slot):
        x = left + i * slot + slot / 2
        parts.append(
            f'<text x="{x:.1f}" y="{height - 10}" fill="{INK}" font-size="10" text-anchor="middle">{escape(text)}</text>'
        )
    for n, (d, f) in enumerate(sorted(marks, key=lambda m: m[0])):
        x = left + index[_key(d, bucket)] * slot + slot / 2 + (n % 3 - 1) * 4
        y = top - 8
        tip = escape(f"{f.get('type', 'flag')} ({d.isoformat()}): {f.get('explanation', '')}")
        marker = (
            f'<path class="tl-flag" d="M{x:.1f},{y + 10:.1f} l-6,-11 h12 z" fill="{FLAG}"><title>{tip}</title></path>'
            f'<line x1="{x:.1f}" y1="{y + 10:.1f}" x2="{x:.1f}" y2="{top + plot_h}" stroke="{FLAG}" stroke-dasharray="2,3"/>'
        )
        if flag_href is not None and f.get("id"):
            marker = f'<a href="{escape(flag_href + quote(str(f["id"]), safe=""))}">{marker}</a>'
        parts.append(marker)
    parts.append("</svg>")
    return "".join(parts)
