"""Flag detection over the whole store: read statements, collapse copies, compare, rank, write.

:func:`find_flags` is the pure core over claims:

1. copies collapse into one claim each (:mod:`.copies`), keeping every appearance;
2. numbers are walked as chains per counted thing and scope (:mod:`.chains`);
3. propositions are compared in candidate pairs from blocking (:mod:`.blocking`,
   :mod:`.comparison`);
4. vanished claims are found over all appearances (:mod:`.vanishing`);
5. flags are merged (one per discrepancy), ranked by score, and those under ``MIN_SCORE``
   are cut.

:func:`detect_flags` runs it against a store and replaces the stored flags while keeping
reviewers' verdicts (flag ids are content hashes of type + evidence statement ids, so a
re-run finds the same ids).
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

from ..models import Flag
from ..settings import Settings
from .blocking import Blocker, candidate_pairs
from .chains import number_flags
from .claims import RULES_VERSION, Claim, claim_of
from .comparison import compare_pair
from .copies import collapse_copies, representative_order
from .vanishing import vanished

__all__ = ["find_flags", "detect_flags", "collapse_reprints", "MIN_SCORE"]

# Flags scoring below this are not emitted. Rule scores start near 0.5-0.6 for the weakest
# evidence (one shared word, indirect speech, another speaker) and rise with shared arguments,
# exact words, the same speaker and the size of a change; 0.6 keeps single-word, reported-speech
# cross-speaker candidates out. (Module constant, not a setting: the lead owns Settings.)
MIN_SCORE = 0.6


def collapse_reprints(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per utterance (see :func:`.copies.collapse_copies`)."""
    return collapse_copies(claims)[0]


def _merge(flags: list[Flag], claims: Mapping[str, Claim]) -> list[Flag]:
    """One flag per discrepancy:

    * reversal/disagreement: one per (speakers, axis or counted thing, days), exact words preferred;
    * hedge: one per hedged statement; its evidence is the first and the last earlier flat statement
      and the hedged one;
    * number drift and vanished come out of their chains once already.
    """
    def direct(f: Flag) -> int:
        return sum(claims[e.statement_id].direct for e in f.evidence if e.statement_id in claims)

    best: dict[tuple, tuple[tuple, Flag]] = {}
    hedges: dict[str, list[Flag]] = {}
    for f in flags:
        if f.type == "hedge":
            hedges.setdefault(f.evidence[-1].statement_id, []).append(f)
            continue
        if f.type in ("reversal", "disagreement"):
            sides = tuple(sorted((e.speaker or "", e.said_on or "") for e in f.evidence))
            key = (f.type, sides, f.topic if f.type == "reversal" else "")
        else:
            key = (f.type, f.id)
        rank = (-direct(f), -f.score, tuple(e.said_on or "" for e in f.evidence), f.id)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, f)
    out = [f for _, f in best.values()]
    for group in hedges.values():
        top = max(group, key=lambda f: (f.score, direct(f)))
        later = top.evidence[-1]
        earlier = sorted({e.statement_id: e for f in group for e in f.evidence[:-1]}.values(),
                         key=lambda e: (e.said_on or "", not claims[e.statement_id].direct
                                        if e.statement_id in claims else True, e.article_id))
        evidence = tuple(dict.fromkeys([*top.evidence[:-1], earlier[0], earlier[-1], later]))
        out.append(Flag(top.type, top.score, top.explanation, evidence, topic=top.topic, detector=top.detector))
    return out


def find_flags(claims: Sequence[Claim], blockers: Iterable[Blocker] | None = None, *, window: int = 20,
               min_score: float = MIN_SCORE) -> tuple[list[Flag], dict[str, int]]:
    """All flags over the claims, best first; returns (flags, stats)."""
    everything = list(claims)
    reps, _groups = collapse_copies(everything)
    reps.sort(key=lambda c: (c.date, representative_order(c)))
    by_id = {c.id: c for c in everything}
    found: list[Flag] = []
    pairs = 0
    for i, j in candidate_pairs(reps, blockers, window=window):
        pairs += 1
        found += compare_pair(reps[i], reps[j])
    found += number_flags(reps)
    found += vanished(everything)
    flags = [f for f in _merge(found, by_id) if f.score >= min_score]
    flags.sort(key=lambda f: (-f.score, f.type, f.id))
    return flags, {"statements": len(everything), "compared": len(reps), "pairs": pairs}


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
