"""Flag detection over the whole store: read statements, block, compare, (re-score), write.

:func:`find_flags` is the pure core over claims; :func:`detect_flags` runs it against a
store and replaces the stored flags while keeping reviewers' verdicts (flag ids are
content hashes of type + evidence statement ids, so a re-run finds the same ids).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

from ..models import Flag
from ..settings import Settings
from .blocking import Blocker, candidate_pairs
from .comparison import RULES_VERSION, Claim, claim_of, compare_pair, vanished

__all__ = ["find_flags", "detect_flags", "collapse_reprints", "MIN_SCORE"]

MIN_SCORE = 0.5


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _rank(c: Claim) -> tuple:
    """Which of several reports of one utterance stands for it: exact words first, then the earliest."""
    return (c.kind != "direct", c.published or c.date, c.article, c.start)


def collapse_reprints(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per utterance: the same words from the same speaker (a wire story reprinted by three
    outlets), or the same speaker on the same day saying much the same thing (one speech reported
    several times), kept as its direct quote if there is one, else its earliest report."""
    by_text: dict[tuple[str, str], Claim] = {}
    for c in sorted(claims, key=_rank):
        key = (c.speaker or c.outlet, _norm(c.text))
        if key not in by_text:
            by_text[key] = c
    groups: dict[tuple[str, str], list[Claim]] = {}
    out: list[Claim] = []
    for c in sorted(by_text.values(), key=_rank):
        if not c.speaker or not c.date:
            out.append(c)
            continue
        same_day = groups.setdefault((c.speaker, c.date), [])
        if any(_restates(c, k) for k in same_day):
            continue
        same_day.append(c)
        out.append(c)
    return out


def _restates(c: Claim, kept: Claim) -> bool:
    if c.article_db == kept.article_db:
        return False
    union = c.keys | kept.keys
    values = {float(q["value"]) for q in c.quantities if q.get("value") is not None}
    kept_values = {float(q["value"]) for q in kept.quantities if q.get("value") is not None}
    return bool(union) and len(c.keys & kept.keys) / len(union) >= 0.5 and values <= kept_values \
        and c.stances <= kept.stances


_DRIFT_TOPIC = re.compile(r"^(?P<thing>.*): (?P<v1>[^ ]+) → (?P<v2>[^ ]+)$")


def _dedupe(flags: list[Flag], claims: dict[str, Claim]) -> list[Flag]:
    """One flag per discrepancy:

    * number drift: one flag per (thing, old value, new value), the earliest; in a chain
      164 -> 225 -> 238 the consecutive links, not 164 -> 238;
    * hedge: per later statement, the comparison with the earliest one (exact words preferred);
    * otherwise per type and pair of (article, speaker), the flag with most exact words.
    """
    def direct(f: Flag) -> int:
        return sum(claims[e.statement_id].kind == "direct" for e in f.evidence if e.statement_id in claims)

    def when(f: Flag) -> tuple:
        return tuple(e.said_on or "" for e in f.evidence) + tuple(e.article_id for e in f.evidence)

    best: dict[tuple, tuple[tuple, Flag]] = {}
    for f in flags:
        if f.type == "vanished":
            key, rank = (f.type, f.id), ()
        elif f.type == "number_drift" and _DRIFT_TOPIC.match(f.topic):
            key, rank = (f.type, f.topic), (when(f), -direct(f))
        elif f.type == "hedge":
            key, rank = (f.type, f.evidence[-1].statement_id), (-direct(f), when(f))
        else:
            key = (f.type,) + tuple((e.article_id, e.speaker) for e in f.evidence)
            rank = (-direct(f), -f.score, when(f))
        if key not in best or rank < best[key][0]:
            best[key] = (rank, f)
    kept = [f for _, f in best.values()]
    succ: dict[str, dict[str, set[str]]] = {}
    for f in kept:
        m = _DRIFT_TOPIC.match(f.topic) if f.type == "number_drift" else None
        if m:
            succ.setdefault(m["thing"], {}).setdefault(m["v1"], set()).add(m["v2"])
    out = []
    for f in kept:
        m = _DRIFT_TOPIC.match(f.topic) if f.type == "number_drift" else None
        if m:
            nxt = succ[m["thing"]]
            if any(m["v2"] in nxt.get(mid, ()) for mid in nxt[m["v1"]] if mid != m["v2"]):
                continue
        out.append(f)
    return out


def find_flags(claims: Sequence[Claim], blockers: Iterable[Blocker] | None = None, *, window: int = 40,
               min_score: float = MIN_SCORE) -> tuple[list[Flag], dict[str, int]]:
    """All flags over the claims, best first; returns (flags, stats)."""
    everything = list(claims)
    claims = collapse_reprints(everything)
    by_id = {c.id: c for c in everything}
    found: dict[str, Flag] = {}
    pairs = 0
    for i, j in candidate_pairs(claims, blockers, window=window):
        pairs += 1
        for flag in compare_pair(claims[i], claims[j]):
            if flag.score >= min_score and (flag.id not in found or found[flag.id].score < flag.score):
                found[flag.id] = flag
    for flag in vanished(everything):
        if flag.score >= min_score and flag.id not in found:
            found[flag.id] = flag
    flags = _dedupe(list(found.values()), by_id)
    flags.sort(key=lambda f: (-f.score, f.type, f.id))
    return flags, {"statements": len(everything), "compared": len(claims), "pairs": pairs}


def detect_flags(store: Any, settings: Settings, *, blockers: Iterable[Blocker] | None = None,
                 judge: Any = None) -> dict[str, Any]:
    """Detect flags over every stored statement and replace the stored flags (verdicts are kept).

    When ``settings.judge_url`` is set (or a ``judge`` is given) each flag is re-scored by the
    judge; flags it scores below ``MIN_SCORE`` are dropped. Returns counts for the run summary.
    """
    started = time.perf_counter()
    claims = [claim_of(st) for st in store.iter_statements()]
    flags, stats = find_flags(claims, blockers)
    if judge is None and settings.judge_url:
        from .judge import Judge

        judge = Judge.from_settings(settings)
    if judge is not None:
        by_id: Mapping[str, Claim] = {c.id: c for c in claims}
        flags = [f for f in judge.rescore_all(flags, by_id) if f.score >= MIN_SCORE]
    stored = store.replace_flags(flags, detector=RULES_VERSION)
    by_type = Counter(f.type for f in flags)
    return {
        "statements": stats["statements"],
        "candidate_pairs": stats["pairs"],
        "flags": stored,
        "by_type": dict(sorted(by_type.items())),
        "seconds": round(time.perf_counter() - started, 3),
    }
