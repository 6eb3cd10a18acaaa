#!/usr/bin/env python3
"""Score onrecord's statement extraction against a gold JSONL (PolNeAR format).

    python eval/quotes_eval.py [GOLD.jsonl] [--pred PRED.jsonl] [--json OUT.json] [--gold-filter direct|indirect]

Without ``--pred`` it runs ``extract_file`` on GOLD first (the gold lines carry the
text). Scoring is ../shared/tools/polnear/score.py (imported by path from the
repository's parent), "match" family: one-to-one quote matching. Default GOLD is
the project's golden fixtures, eval/fixtures/quotes_gold.jsonl.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SCORER = REPO.parent / "shared" / "tools" / "polnear" / "score.py"
FIXTURES = REPO / "eval" / "fixtures" / "quotes_gold.jsonl"
BASELINE = REPO / "eval" / "baseline.json"
ROWS = ("content_exact", "content_overlap", "content_tokens", "source_attribution", "source_attribution_exact", "cue_overlap")


def load_scorer():
    """score.py as a module (it is not a package)."""
    if not SCORER.is_file():
        raise FileNotFoundError(f"scorer not found at {SCORER} (expected ../shared/tools/polnear/score.py)")
    spec = importlib.util.spec_from_file_location("polnear_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def predict(gold: Path, out: Path, language: str = "en") -> None:
    from onrecord.extract.batch import extract_file
    from onrecord.settings import resolve_settings

    settings = resolve_settings({"progress": False}, env={})
    extract_file(gold, out, settings, language=language)


def evaluate(gold: Path = FIXTURES, pred: Path | None = None, gold_filter: str | None = None) -> dict[str, Any]:
    """score.py's result dict for ``pred`` (extracted now when None) against ``gold``."""
    scorer = load_scorer()
    if pred is None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "pred.jsonl"
            predict(gold, path)
            return scorer.score(str(gold), str(path), gold_filter=gold_filter)
    return scorer.score(str(gold), str(pred), gold_filter=gold_filter)


def headline(res: dict[str, Any]) -> dict[str, float]:
    """The two gated figures: content-overlap F1 and source-attribution F1."""
    return {
        "content_overlap_f1": round(res["match"]["content_overlap"][2], 4),
        "source_attribution_f1": round(res["match"]["source_attribution"][2], 4),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(FIXTURES))
    ap.add_argument("--pred", help="predictions JSONL (default: extract now)")
    ap.add_argument("--gold-filter", choices=["direct", "indirect"])
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args(argv)
    res = evaluate(Path(args.gold), Path(args.pred) if args.pred else None, args.gold_filter)
    print(f"gold quotes {res['n_gold']} · predicted {res['n_pred']} · articles {res['articles']}"
          + (f" · gold filter {args.gold_filter} (only recall is meaningful)" if args.gold_filter else ""))
    print(f"  {'':28} {'P':>7} {'R':>7} {'F1':>7}")
    for key in ROWS:
        p, r, f = res["match"][key]
        print(f"  {key:28} {p:7.4f} {r:7.4f} {f:7.4f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"match": res["match"], **headline(res)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
