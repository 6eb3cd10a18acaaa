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


def collapse_reprints(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per (speaker, wording): a wire story reprinted by three outlets is one statement,
    kept at its earliest appearance."""
    kept: dict[tuple[str, str], Claim] = {}
    for c in sorted(claims, key=lambda c: (c.date, c.article, c.start)):
        key = (c.speaker or c.outlet, _norm(c.text))
        if key not in kept:
            kept[key] = c
    return list(kept.values())


def _drop_transitive(flags: list[Flag]) -> list[Flag]:
    """In a chain of number drifts (164 -> 225 -> 238), keep the consecutive links, not 164 -> 238."""
    links: dict[str, set[tuple[str, str]]] = {}
    for f in flags:
        if f.type == "number_drift" and len(f.evidence) == 2:
            links.setdefault(f.topic, set()).add((f.evidence[0].statement_id, f.evidence[1].statement_id))
    out = []
    for f in flags:
        if f.type == "number_drift" and len(f.evidence) == 2:
            a, c = f.evidence[0].statement_id, f.evidence[1].statement_id
            pairs = links[f.topic]
            if any((a, b) in pairs and (b, c) in pairs for b in {x for _, x in pairs}):
                continue
        out.append(f)
    return out


def find_flags(claims: Sequence[Claim], blockers: Iterable[Blocker] | None = None, *, window: int = 40,
               min_score: float = MIN_SCORE) -> tuple[list[Flag], dict[str, int]]:
    """All flags over the claims, best first; returns (flags, stats)."""
    claims = collapse_reprints(claims)
    best: dict[str, Flag] = {}
    pairs = 0
    for i, j in candidate_pairs(claims, blockers, window=window):
        pairs += 1
        for flag in compare_pair(claims[i], claims[j]):
            if flag.score >= min_score and (flag.id not in best or best[flag.id].score < flag.score):
                best[flag.id] = flag
    for flag in vanished(claims):
        if flag.score >= min_score and flag.id not in best:
            best[flag.id] = flag
    flags = _drop_transitive(sorted(best.values(), key=lambda f: (-f.score, f.type, f.id)))
    return flags, {"statements": len(claims), "pairs": pairs}


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
