"""Vanished claims: a claim made repeatedly that stops appearing while the topic goes on
being covered. Runs over every appearance of every statement (copies included: a claim
seen in three reprints was seen three times).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

from ..models import Flag
from .copies import collapse_copies
from .claims import GENERIC_KEYS as _GENERIC_KEYS, Claim, days_between as _days_between, make_flag as _flag, quote as _quote

__all__ = ["vanished", "VANISH_MIN_STATEMENTS", "VANISH_MIN_DAYS", "VANISH_MIN_ARTICLES",
           "VANISH_MIN_UTTERANCES", "VANISH_QUIET_DAYS"]


VANISH_MIN_STATEMENTS = 5
VANISH_MIN_DAYS = 2  # days (by said_on) the claim was made on
VANISH_MIN_ARTICLES = 3  # articles it appeared in (a reprint is an appearance, not a new day)
VANISH_MIN_UTTERANCES = 3  # distinct utterances (copies of one statement count once, see .copies)
VANISH_QUIET_DAYS = 3
VANISH_MAX_SHARE = 0.25
VANISH_AFTER_SCAN = 50  # later statements looked at per candidate (the explanation cites the last)


def vanished(claims: Iterable[Claim]) -> list[Flag]:
    """Claims made repeatedly that stop while the coverage goes on.

    A claim is a pair of content words stated together (by anyone) in ``VANISH_MIN_STATEMENTS``
    statements (``VANISH_MIN_UTTERANCES`` of them distinct utterances, not copies of one) of
    ``VANISH_MIN_ARTICLES`` articles over ``VANISH_MIN_DAYS`` days. Days are statement
    dates (``said_on``): a wire reprint repeats its story's day, so it adds an appearance but no day.
    The claim has vanished when, for ``VANISH_QUIET_DAYS`` days or more after its last appearance,
    the topic is still covered (statements sharing two of its words on at least two later days, at
    least one of them from a source -- speaker or outlet -- that made the claim) and nobody states the
    pair again. A claim made mostly of figures is left to the number chains (a figure that stops
    appearing was usually replaced by a newer one). Overlapping candidates are merged, the
    best-supported kept.
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
    utterance = {c.id: rep for rep, copies in collapse_copies(items)[1].items() for c in copies}
    last_day = items[-1].date
    dates = [c.date for c in items]
    candidates: list[tuple[int, tuple[str, str], list[Claim], list[Claim]]] = []
    for pair, run in runs.items():
        days = sorted({c.date for c in run})
        if len(run) < VANISH_MIN_STATEMENTS or len(days) < VANISH_MIN_DAYS or \
                len({c.article_db or c.article for c in run}) < VANISH_MIN_ARTICLES or \
                len({utterance.get(c.id, c.id) for c in run}) < VANISH_MIN_UTTERANCES:
            continue
        said = {utterance.get(c.id, c.id): bool(c.quantities) for c in run}
        if sum(said.values()) * 2 > len(said):
            continue  # mostly figures: a figure that stops is superseded (number drift), not dropped
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
        sources = {c.speaker for c in run if c.speaker} | {c.outlet for c in run if c.outlet}
        if len({c.date for c in after}) < 2 or not any(c.speaker in sources or c.outlet in sources for c in after):
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
