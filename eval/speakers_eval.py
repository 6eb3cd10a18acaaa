#!/usr/bin/env python3
"""Canonical-speaker accuracy: does each gold statement get the right canonical speaker?

    python eval/speakers_eval.py [--set fixtures|demo|second|all] [--json OUT.json] [--show-errors]

Each set is ingested with the real pipeline (extraction, within-article resolution,
corpus linking) into a temporary SQLite store. Stored statements are matched to gold
statements by content overlap (same article, most overlapping characters); the stored
statement's canonical speaker is right when it is of the gold kind (person/organisation) and names the gold speaker — its
canonical name or one of its gold aliases, compared case-insensitively, ignoring a
leading "the" and transliteration (onrecord's alias keys) — and names no other gold
speaker. A gold statement no stored statement overlaps counts as wrong ("missed").

Every error gets a cause, so the team sees where errors come from: ``extraction:miss``
(no stored statement overlaps the gold one), ``extraction:span`` (the matched statement's
speaker mention misses the gold source span, or it has none although the gold source sits
in the statement's own sentence — the extractor attached the wrong source or none) and
``resolution`` (the mention is right, the canonical speaker is not). Sets without gold
source spans (the fixtures) count every non-miss error as resolution.

Sets: ``fixtures`` (eval/fixtures/speakers_gold.jsonl: short dated snippets with the hard
cases), ``demo`` and ``second`` (the bundled corpora's gold). Only statements whose gold
has a speaker and a mention type are scored. Floors: eval/baseline.json key "speakers".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "eval" / "fixtures" / "speakers_gold.jsonl"
DATA = REPO / "src" / "onrecord" / "data"
SETS = {
    "fixtures": (FIXTURES, FIXTURES),
    "demo": (DATA / "demo" / "articles.jsonl", DATA / "demo" / "gold.jsonl"),
    "second": (DATA / "second" / "articles.jsonl", DATA / "second" / "gold.jsonl"),
}
TYPES = ("name", "surname", "pronoun", "title", "organisation")


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _norm(name: str) -> str:
    from onrecord.resolve.names import alias_key

    s = " ".join(name.replace("’", "'").split()).lower()
    if s.startswith("the "):
        s = s[4:]
    return alias_key(s) or s


def _spans(st: dict[str, Any]) -> list[tuple[int, int]]:
    spans = st.get("content_spans") or [st["content"]]
    return [(int(a), int(b)) for a, b in spans]


def _cause(g: dict[str, Any], best: dict[str, Any] | None, text: str) -> str:
    """Where an error comes from: ``extraction:miss``, ``extraction:span`` or ``resolution``."""
    if best is None:
        return "extraction:miss"
    src = g.get("source")
    if not src:
        return "resolution"
    a, b = int(src[0]), int(src[1])
    m = best.get("speaker_mention")
    if m:
        return "resolution" if max(a, m["start"]) < min(b, m["end"]) else "extraction:span"
    lo, hi = sorted((b, int(g["content"][0])))
    between = text[lo:hi] if text else ""
    same_sentence = not re.search(r"[.!?][\"”»’]?\s+[\"“«]?[A-Z]|\n", between)
    return "extraction:span" if same_sentence else "resolution"


def ingest_set(articles: Path, db_url: str, speakers_file: str = "") -> None:
    """Ingest ``articles`` (JSONL) into the store at ``db_url`` with the real pipeline."""
    from onrecord.pipeline import ingest
    from onrecord.settings import resolve_settings
    from onrecord.store import open_store

    settings = resolve_settings({"db": db_url, "progress": False, "speakers_file": speakers_file}, env={})
    with open_store(db_url) as store:
        ingest([str(articles)], store, settings)


def _articles_file(gold_rows: list[dict[str, Any]], tmp: Path) -> Path:
    path = tmp / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in gold_rows:
            if r.get("type") == "article":
                fh.write(json.dumps({k: r[k] for k in ("id", "date", "text", "title", "outlet") if k in r}) + "\n")
    return path


def score_store(store, gold_rows: list[dict[str, Any]], texts: dict[str, str] | None = None) -> dict[str, Any]:
    """Accuracy overall and by mention type for the statements stored in ``store``; ``texts`` (article id →
    text) lets errors be told apart into extraction and resolution causes."""
    texts = texts or {}
    speakers = [r for r in gold_rows if r.get("type") == "speaker"]
    gold_kind = {sp["name"]: sp.get("kind", "person") for sp in speakers}
    kind_of = {sp["id"]: sp.get("kind") for sp in store.speakers(limit=None)}
    ids_of: dict[str, set[str]] = defaultdict(set)  # gold speaker → canonical ids its right answers went to
    names_of: dict[str, set[str]] = {}
    for sp in speakers:
        names_of[sp["name"]] = {_norm(sp["name"])} | {_norm(a) for a in sp.get("aliases", [])}
    stored: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for st in store.iter_statements():
        stored[st["article_id"]].append(st)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # correct, scored, missed
    errors = []
    for g in gold_rows:
        if g.get("type") != "statement" or not g.get("speaker") or not g.get("mention_type"):
            continue
        mtype = g["mention_type"]
        gspans = _spans(g)
        best, best_ov = None, 0
        for st in stored.get(g["article"], []):
            pspans = [(f["start"], f["end"]) for f in st["content"].get("fragments", [])] or [
                (st["content"]["start"], st["content"]["end"])]
            ov = sum(max(0, min(b, d) - max(a, c)) for a, b in gspans for c, d in pspans)
            if ov > best_ov:
                best, best_ov = st, ov
        pred = (best or {}).get("speaker") or {}
        pname = pred.get("name") or ""
        hits = {n for n, keys in names_of.items() if pname and _norm(pname) in keys}
        ok = best is not None and hits == {g["speaker"]} or (g["speaker"] in hits and _norm(pname) == _norm(g["speaker"]))
        ok = ok and kind_of.get(pred.get("id"), gold_kind[g["speaker"]]) == gold_kind[g["speaker"]]  # an outlet is no person
        if ok:
            ids_of[g["speaker"]].add(pred.get("id"))
        for key in (mtype, "all"):
            totals[key][0] += int(ok)
            totals[key][1] += 1
            totals[key][2] += int(best is None)
        if not ok:
            errors.append({"id": g.get("id"), "type": mtype, "gold": g["speaker"], "pred": pname or None,
                           "missed": best is None, "cause": _cause(g, best, texts.get(g["article"], "")),
                           "mention": ((best or {}).get("speaker_mention") or {}).get("text"),
                           "rule": ((best or {}).get("resolution") or {}).get("rule"), "text": g.get("text", "")[:70]})
    by_type = {k: {"accuracy": round(c / n, 4) if n else None, "n": n, "missed": m} for k, (c, n, m) in totals.items()}
    causes = {c: sum(e["cause"] == c for e in errors) for c in ("extraction:miss", "extraction:span", "resolution")}
    n_all = by_type.get("all", {}).get("n") or 0
    ceiling = round(1 - (causes["extraction:miss"] + causes["extraction:span"]) / n_all, 4) if n_all else None
    return {"accuracy": by_type.get("all", {}).get("accuracy"), "by_type": by_type, "errors": errors,
            "causes": causes, "resolution_accuracy": round(1 - causes["resolution"] / n_all, 4) if n_all else None,
            "extraction_ceiling": ceiling,
            "fragmented": sorted(n for n, ids in ids_of.items() if len(ids) > 1)}


def evaluate_set(name: str) -> dict[str, Any]:
    """Ingest one set into a temporary SQLite store and score it."""
    from onrecord.store import open_store

    articles, gold = SETS[name]
    if not gold.is_file():
        return {"skipped": f"{gold} not found"}
    rows = _read(gold)
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'eval.db'}"
        src = articles if articles != gold else _articles_file(rows, Path(tmp))
        ingest_set(src, db)
        texts = {r["id"]: r["text"] for r in _read(src) if "text" in r}
        with open_store(db) as store:
            return score_store(store, rows, texts)


def headline(results: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Gated figures: ``<set>_accuracy``, ``<set>_resolution`` (1 - resolution errors / scored) and
    ``<set>_<type>`` for each scored set and mention type."""
    out: dict[str, float] = {}
    for name, res in results.items():
        if res.get("accuracy") is None:
            continue
        out[f"{name}_accuracy"] = res["accuracy"]
        if res.get("resolution_accuracy") is not None:  # errors that are resolution's own, not extraction's
            out[f"{name}_resolution"] = res["resolution_accuracy"]
        for t in TYPES:
            v = res["by_type"].get(t, {}).get("accuracy")
            if v is not None:
                out[f"{name}_{t}"] = v
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="all", choices=["all", *SETS])
    ap.add_argument("--json", dest="json_out", help="write the full result here")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    names = list(SETS) if args.set == "all" else [args.set]
    results = {n: evaluate_set(n) for n in names}
    for n, res in results.items():
        if "skipped" in res:
            print(f"{n}: skipped ({res['skipped']})")
            continue
        print(f"{n}: accuracy {res['accuracy']}")
        for t in (*TYPES, "all"):
            row = res["by_type"].get(t)
            if row:
                print(f"  {t:13} {row['accuracy']!s:7} n={row['n']:<4} missed={row['missed']}")
        c = res["causes"]
        print(f"  errors: extraction misses {c['extraction:miss']}, wrong mention span {c['extraction:span']},"
              f" wrong resolution {c['resolution']} (resolution-only accuracy {res['resolution_accuracy']})")
        print(f"  gold speakers split over several canonical speakers: {res['fragmented'] or 'none'}")
        if args.show_errors:
            for e in res["errors"]:
                print(f"    ✗ {e['id']} [{e['type']}] ({e['cause']}) gold={e['gold']!r} pred={e['pred']!r} mention={e['mention']!r}"
                      f" rule={e['rule']} missed={e['missed']}  {e['text']!r}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
