"""Evaluate flag detection against the gold flags of the bundled corpora.

    python eval/flags_eval.py [--corpus demo --corpus second] [--json] [--errors] [--reuse DIR]

Each corpus (``src/onrecord/data/<name>/articles.jsonl``) is ingested into a temporary
SQLite store with the real pipeline (extraction, speaker resolution, corpus analysis),
then the stored flags are scored against ``gold.jsonl`` records of type ``flag``:

* a gold flag is *found* when an emitted flag of the same type has two of its evidence
  statements overlapping two different gold evidence items (same article, overlapping
  content span) -- both sides of the discrepancy are pinned, not just one;
* an emitted flag is *correct* when it matches a gold flag in the same way.

Recall = found gold / gold, precision = correct emitted / emitted, per type and overall,
per corpus. ``--reuse DIR`` keeps the stores in DIR and re-runs only the analysis when
they exist (quick iterations on the rules).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "onrecord" / "data"
CORPORA = ("demo", "second")
TYPES = ("number_drift", "reversal", "disagreement", "hedge", "vanished")


def load_gold(corpus: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (DATA / corpus / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if r.get("type") == "flag"]


def _overlap(e: dict[str, Any], g: dict[str, Any]) -> bool:
    gs, ge = g["content"]
    return e["article_id"] == g["article"] and e["start"] < ge and gs < e["end"]


def matches(flag: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Same type, and two distinct emitted evidence statements overlap two distinct gold evidence items."""
    if flag["type"] != gold["flag"]:
        return False
    ev, gv = flag["evidence"], gold["evidence"]
    for i in range(len(ev)):
        for j in range(len(ev)):
            if i == j:
                continue
            for a in range(len(gv)):
                if not _overlap(ev[i], gv[a]):
                    continue
                if any(b != a and _overlap(ev[j], gv[b]) for b in range(len(gv))):
                    return True
    return False


def _prf(tp: int, n_pred: int, found: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = found / n_gold if n_gold else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "emitted": n_pred, "gold": n_gold}


def score(flags: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    per: dict[str, Counter] = {t: Counter() for t in TYPES}
    for g in gold:
        hit = any(matches(f, g) for f in flags)
        per[g["flag"]]["gold"] += 1
        per[g["flag"]]["found"] += hit
        if not hit:
            errors.append(f"MISSED {g['flag']}: {g.get('topic', '')} {[e['article'] for e in g['evidence']]}")
    for f in flags:
        ok = any(matches(f, g) for g in gold)
        per[f["type"]]["emitted"] += 1
        per[f["type"]]["correct"] += ok
        if not ok:
            sides = " | ".join(f"{e['article_id']}:{e['speaker']}:{(e['text'] or '')[:60]!r}" for e in f["evidence"][:3])
            errors.append(f"EXTRA {f['type']} {f['score']:.2f}: {sides}")
    result: dict[str, Any] = {}
    for t in TYPES:
        c = per[t]
        result[t] = _prf(c["correct"], c["emitted"], c["found"], c["gold"])
    total = sum(per.values(), Counter())
    result["overall"] = _prf(total["correct"], total["emitted"], total["found"], total["gold"])
    return result, errors


def build_store(corpus: str, db_path: Path, *, reuse: bool = False):
    """Ingest a corpus into a SQLite store with the real pipeline (or re-analyse an existing one)."""
    from onrecord.analyze.corpus import analyse_corpus
    from onrecord.pipeline import ingest
    from onrecord.settings import resolve_settings
    from onrecord.store import open_store

    url = f"sqlite:///{db_path}"
    settings = resolve_settings({"db": url, "progress": False}, env={}, config_path=db_path.parent / "absent.toml")
    existed = reuse and db_path.exists()
    store = open_store(url)
    if existed:
        analyse_corpus(store, settings)
    else:
        ingest([str(DATA / corpus / "articles.jsonl")], store, settings)
    return store


def run(corpora: tuple[str, ...] = CORPORA, reuse_dir: Path | None = None) -> tuple[dict[str, Any], list[str]]:
    results: dict[str, Any] = {}
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = reuse_dir or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        for corpus in corpora:
            store = build_store(corpus, base / f"{corpus}.db", reuse=reuse_dir is not None)
            try:
                flags = store.flags()
            finally:
                store.close()
            results[corpus], errs = score(flags, load_gold(corpus))
            errors += [f"[{corpus}] {e}" for e in errs]
    return results, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", choices=CORPORA)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="List missed gold flags and extra emitted flags.")
    ap.add_argument("--reuse", type=Path, help="Keep stores here; re-run only the analysis when they exist.")
    args = ap.parse_args(argv)
    results, errors = run(tuple(args.corpus or CORPORA), args.reuse)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for corpus, per in results.items():
            print(f"{corpus}:")
            print(f"  {'type':14} {'precision':>9} {'recall':>7} {'emitted':>8} {'gold':>5}")
            for t, m in per.items():
                print(f"  {t:14} {m['precision']:9.2f} {m['recall']:7.2f} {m['emitted']:8d} {m['gold']:5d}")
    if args.errors:
        print("\n".join(errors), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
