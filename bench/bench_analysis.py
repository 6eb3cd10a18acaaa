"""Flag analysis time for 1k, 10k and 100k SYNTHETIC statements, and the fitted growth exponent.

    python bench/bench_analysis.py [--sizes 1000 10000 100000] [--seed 7]

The statements are synthetic (random speakers, words, numbers, stance words, dates over a year),
built as plain dicts in the store's export shape and run through the pure core
(``claim_of`` + ``find_flags``: copies, number chains, blocking, pairwise rules, vanished, merge);
no database, no spaCy.
The exponent is the slope of log(time) against log(n); all-pairs comparison would give 2.
"""

from __future__ import annotations

import argparse
import math
import random
import time

from onrecord.analyze.comparison import claim_of
from onrecord.analyze.flags import find_flags

STANCES = ["will stay", "will withdraw", "has been completed", "will continue", "is under control",
           "is not safe", "will reopen", "remains closed", ""]
THINGS = ["people were killed", "people were injured", "people were detained", "troops arrived",
          "litres leaked", "households were affected"]


def synthetic(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(max(2000, n // 5))]
    speakers = max(10, n // 25)
    out = []
    for i in range(n):
        words = rng.sample(vocab, 8)
        day = 1 + rng.randrange(365)
        date = f"2031-{1 + (day - 1) // 31 % 12:02d}-{1 + (day - 1) % 28:02d}"
        value = rng.choice([10, 50, 120, 164, 225, 2500, 3000, 20000]) * rng.choice([1, 1, 2])
        thing = rng.choice(THINGS)
        text = f"{' '.join(words[:4])} {value} {thing} and it {rng.choice(STANCES)} {' '.join(words[4:])}."
        start = text.index(str(value))
        sp = rng.randrange(speakers)
        out.append({
            "id": f"s{i}", "article_id": f"a{i // 5}", "kind": rng.choice(["direct", "indirect"]),
            "article": {"id": f"a{i // 5}", "outlet": f"outlet{i % 7}", "published": date},
            "content": {"start": 0, "end": len(text), "text": text},
            "speaker": {"id": f"p{sp}", "name": f"Speaker {sp}"}, "said_on": date,
            "quantities": [{"value": float(value), "low": None, "high": None, "unit": "", "qualifier": "",
                            "counted": thing.split()[-3] if thing.startswith("people") else thing.split()[0],
                            "text": str(value), "start": start, "end": start + len(str(value))}],
            "hedges": [], "modality": "asserted", "polarity": "",
        })
    return out


def run(sizes: list[int], seed: int) -> list[tuple[int, float, int, int]]:
    rows = []
    for n in sizes:
        statements = synthetic(n, seed)
        t0 = time.perf_counter()
        claims = [claim_of(s) for s in statements]
        flags, stats = find_flags(claims)
        rows.append((n, time.perf_counter() - t0, stats["pairs"], len(flags)))
        print(f"{n:>7} synthetic statements: {rows[-1][1]:8.2f} s  candidate pairs {stats['pairs']:>9}"
              f"  ({stats['pairs'] / n:.1f} per statement)  flags {len(flags)}", flush=True)
    return rows


def exponent(rows: list[tuple[int, float, int, int]]) -> float:
    xs = [math.log(n) for n, *_ in rows]
    ys = [math.log(t) for _, t, *_ in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rows = run(args.sizes, args.seed)
    if len(rows) > 1:
        k = exponent(rows)
        print(f"fitted exponent (time ~ n^k): k = {k:.2f}  ({'sub-quadratic' if k < 1.9 else 'NOT sub-quadratic'};"
              " all pairs would be 2.0)")


if __name__ == "__main__":
    main()
