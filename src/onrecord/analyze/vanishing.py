"""Vanished claims: a claim made repeatedly that stops appearing while the topic goes on
being covered. Runs over every appearance of every statement (copies included: a claim
seen in three reprints was seen three times).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

from ..models import Flag
from .claims import GENERIC_KEYS as _GENERIC_KEYS, Claim, days_between as _days_between, make_flag as _flag, quote as _quote

__all__ = ["vanished", "VANISH_MIN_STATEMENTS", "VANISH_MIN_DAYS", "VANISH_QUIET_DAYS"]


VANISH_MIN_STATEMENTS = 5
VANISH_MIN_DAYS = 3
VANISH_QUIET_DAYS = 3
VANISH_MAX_SHARE = 0.25
VANISH_AFTER_SCAN = 50  # later statements looked at per candidate (the explanation cites the last)


def vanished(claims: Iterable[Claim]) -> list[Flag]:
    """Claims made repeatedly that stop while the coverage goes on.

    A claim is a pair of content words stated together (by anyone) in at least three statements over
    at least two days; it has vanished when the statements of the following ``VANISH_QUIET_DAYS`` days
    or more (at least two days of them, still sharing words with it) never state the pair again.
    Overlapping candidates are merged, the best-supported kept.
    """
    items = sorted((c for c in claims if c.date), key=lambda c: (c.date, c.id))
    if not items:
        return []
    df: dict[str, int] = {}
    for c in items:
        for k in c.keys - _GENERIC_KEYS:
            df[k] = df.get(k, 0) + 1
    limit = max(3 * VANISH_MIN_STATEMENTS, int(len(items) * VANISH_MAX_SHARE))
    runs: dict[tuple[str, str], list[Claim]] = {}
    for c in items:
        ks = sorted(k for k in c.keys - _GENERIC_KEYS if df[k] <= limit and len(k) > 3)
        for i in range(len(ks)):
            for j in range(i + 1, len(ks)):
                runs.setdefault((ks[i], ks[j]), []).append(c)
    last_day = items[-1].date
    dates = [c.date for c in items]
    candidates: list[tuple[int, tuple[str, str], list[Claim], list[Claim]]] = []
    for pair, run in runs.items():
        days = sorted({c.date for c in run})
        if len(run) < VANISH_MIN_STATEMENTS or len(days) < VANISH_MIN_DAYS:
            continue
        quiet = _days_between(days[-1], last_day)
        if quiet is None or quiet < VANISH_QUIET_DAYS:
            continue
        words = set().union(*(c.keys for c in run)) - _GENERIC_KEYS - set(pair)
        after = []
        for c in items[bisect_right(dates, days[-1]):]:
            if len(c.keys & words) >= 2:
                after.append(c)
                if len({x.date for x in after}) >= 2 and len(after) >= VANISH_AFTER_SCAN:
                    break
        if len({c.date for c in after}) < 2:
            continue
        candidates.append((len(run), pair, run, after))
    candidates.sort(key=lambda t: (-t[0], t[1]))
    taken: set[str] = set()
    flags: list[Flag] = []
    for size, pair, run, after in candidates:
        ids = {c.id for c in run}
        if len(ids & taken) * 2 >= len(ids):
            continue
        taken |= ids
        days = sorted({c.date for c in run})
        speakers = sorted({c.who for c in run})
        explanation = (
            f"The claim {_quote(run[-1].text, 70)} ({' '.join(pair)}) was made {size} times from {days[0]} to"
            f" {days[-1]} by {', '.join(speakers[:3])}{' and others' if len(speakers) > 3 else ''}, then not again"
            f" although the topic was still covered at least until {after[-1].date} ({_quote(after[-1].text, 50)})."
        )
        score = 0.4 + 0.05 * min(size, 8)
        flags.append(_flag("vanished", score, explanation, run[:12], topic=" ".join(pair)))
    return flags
