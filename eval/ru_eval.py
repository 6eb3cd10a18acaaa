#!/usr/bin/env python3
"""Score Russian extraction on eval/fixtures/ru_gold.jsonl (built by eval/fixtures/build_ru_gold.py).

    python eval/ru_eval.py [GOLD.jsonl] [--json OUT.json] [--errors]

Three blocks of figures:

* quotes: ``russian_facts`` over each text, scored by ../shared/tools/polnear/score.py (imported
  by path, as eval/quotes_eval.py does), "match" family: content overlap, source attribution, cue.
* claims, annotator alone: the gold statements are annotated (``annotate_russian_statements``), so
  the figures measure quantities/hedges/said_on/modality/polarity without extraction errors.
  A quantity matches when the spans overlap, the unit is equal and the value (or low/high) is
  equal; a hedge when the kinds are equal and the spans overlap (as eval/claims_eval.py).
* claims end to end: the extractor's own statements, matched one-to-one to gold statements by
  content overlap; quantities and hedges of unmatched statements count as misses / false finds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # sibling modules of eval/
from matching import quantity_matches  # noqa: E402


REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "eval" / "fixtures" / "ru_gold.jsonl"
SCORER = REPO.parent / "shared" / "tools" / "polnear" / "score.py"
QUOTE_ROWS = ("content_exact", "content_overlap", "source_attribution", "source_attribution_exact", "cue_overlap")


def load_scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    for it in items:
        for q in it["quotes"]:
            for sp in q["quantities"] + q["hedges"]:
                if it["text"][sp["start"]:sp["end"]] != sp["text"]:
                    raise ValueError(f"{it['id']}: {sp['start']}:{sp['end']} does not give {sp['text']!r}")
    return items


def _h_match(h: Any, g: dict[str, Any]) -> bool:
    return h.kind == g["kind"] and h.start < g["end"] and g["start"] < h.end


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class _Tally:
    """Counts for quantities, hedges and the per-statement labels over (predicted, gold) pairs."""

    def __init__(self) -> None:
        self.c = dict.fromkeys(("q_tp", "q_pred", "q_gold", "h_tp", "h_pred", "h_gold", "counted_ok", "counted_n",
                                "qual_ok", "qual_n", "said_ok", "mod_ok", "pol_ok", "pairs"), 0)
        self.errors: list[str] = []

    def pair(self, item_id: str, st: Any, g: dict[str, Any] | None) -> None:
        c = self.c
        gq = g["quantities"] if g else []
        gh = g["hedges"] if g else []
        preds_q = st.quantities if st is not None else ()
        preds_h = st.hedges if st is not None else ()
        c["q_pred"] += len(preds_q)
        c["q_gold"] += len(gq)
        c["h_pred"] += len(preds_h)
        c["h_gold"] += len(gh)
        used: set[int] = set()
        for p in preds_q:
            hit = next((i for i, x in enumerate(gq) if i not in used and quantity_matches(p, x)), None)
            if hit is None:
                self.errors.append(f"{item_id} quantity FP {p.text!r} value={p.value} unit={p.unit!r}")
                continue
            used.add(hit)
            c["q_tp"] += 1
            c["qual_n"] += 1
            c["qual_ok"] += p.qualifier == gq[hit]["qualifier"]
            if p.qualifier != gq[hit]["qualifier"]:
                self.errors.append(f"{item_id} qualifier {p.text!r}: {p.qualifier!r} != {gq[hit]['qualifier']!r}")
            if gq[hit]["counted"]:
                c["counted_n"] += 1
                c["counted_ok"] += p.counted == gq[hit]["counted"]
                if p.counted != gq[hit]["counted"]:
                    self.errors.append(f"{item_id} counted {p.text!r}: {p.counted!r} != {gq[hit]['counted']!r}")
        self.errors += [f"{item_id} quantity FN {x['text']!r}" for i, x in enumerate(gq) if i not in used]
        hused: set[int] = set()
        for h in preds_h:
            hit = next((i for i, x in enumerate(gh) if i not in hused and _h_match(h, x)), None)
            if hit is None:
                self.errors.append(f"{item_id} hedge FP {h.kind} {h.text!r}")
            else:
                hused.add(hit)
                c["h_tp"] += 1
        self.errors += [f"{item_id} hedge FN {x['kind']} {x['text']!r}" for i, x in enumerate(gh) if i not in hused]
        if st is not None and g is not None:
            c["pairs"] += 1
            for key, ok in (("said_on", "said_ok"), ("modality", "mod_ok"), ("polarity", "pol_ok")):
                got = getattr(st, key)
                c[ok] += got == g[key]
                if got != g[key]:
                    self.errors.append(f"{item_id} {key} {got} != {g[key]}")

    def figures(self, prefix: str) -> dict[str, float]:
        c = self.c
        qp, qr, qf = _prf(c["q_tp"], c["q_pred"], c["q_gold"])
        hp, hr, hf = _prf(c["h_tp"], c["h_pred"], c["h_gold"])
        n = c["pairs"] or 1
        out = {"quantity_precision": qp, "quantity_recall": qr, "quantity_f1": qf,
               "hedge_precision": hp, "hedge_recall": hr, "hedge_f1": hf}
        if prefix == "":
            out.update(counted_match=c["counted_ok"] / c["counted_n"] if c["counted_n"] else 1.0,
                       qualifier_accuracy=c["qual_ok"] / c["qual_n"] if c["qual_n"] else 1.0,
                       said_on_accuracy=c["said_ok"] / n, modality_accuracy=c["mod_ok"] / n,
                       polarity_accuracy=c["pol_ok"] / n)
        return {prefix + k: round(v, 4) for k, v in out.items()}


def _gold_statement(it: dict[str, Any], q: dict[str, Any]):
    from onrecord.models import Span, Statement

    cue = Span.of(it["text"], *q["cue"]) if q.get("cue") else None
    return Statement(article_id=it["id"], kind=q["kind"], content=Span.of(it["text"], *q["content"]), cue=cue)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate(gold: Path = GOLD) -> tuple[dict[str, Any], list[str]]:
    from onrecord.extract.russian import annotate_russian_statements, russian_facts

    items = load_gold(gold)
    alone, e2e = _Tally(), _Tally()
    pred_rows = []
    for it in items:
        text = it["text"]
        annotated = annotate_russian_statements(text, [_gold_statement(it, q) for q in it["quotes"]], it["published"])
        for st, q in zip(annotated, it["quotes"]):
            alone.pair(it["id"], st, q)
        statements, _, _ = russian_facts(text, it["id"], it["published"])
        pred_rows.append({"id": it["id"], "quotes": [
            {"content": [s.content.start, s.content.end],
             "source": [s.speaker_mention.start, s.speaker_mention.end] if s.speaker_mention else None,
             "cue": [s.cue.start, s.cue.end] if s.cue else None} for s in statements]})
        # one-to-one by content overlap, largest first
        pairs = sorted(((_overlap((s.content.start, s.content.end), tuple(q["content"])), i, k)
                        for i, s in enumerate(statements) for k, q in enumerate(it["quotes"])), reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for ov, i, k in pairs:
            if ov and i not in used_p and k not in used_g:
                used_p.add(i)
                used_g.add(k)
                e2e.pair(it["id"], statements[i], it["quotes"][k])
        for i, s in enumerate(statements):
            if i not in used_p:
                e2e.errors.append(f"{it['id']} statement FP {s.content.text!r}")
                e2e.pair(it["id"], s, None)
        for k, q in enumerate(it["quotes"]):
            if k not in used_g:
                e2e.errors.append(f"{it['id']} statement FN {text[q['content'][0]:q['content'][1]]!r}")
                e2e.pair(it["id"], None, q)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred_rows), "utf-8")
        res = load_scorer().score(str(gold), str(pred))
    figures: dict[str, Any] = {
        "articles": len(items), "statements": sum(len(it["quotes"]) for it in items),
        "quotes": {k: [round(x, 4) for x in res["match"][k]] for k in QUOTE_ROWS},
        **alone.figures(""), **e2e.figures("e2e_"),
    }
    return figures, ["[alone] " + e for e in alone.errors] + ["[e2e] " + e for e in e2e.errors]


def headline(figures: dict[str, Any]) -> dict[str, float]:
    """The gated figures (floors under "ru" in eval/baseline.json)."""
    keys = ("quantity_f1", "hedge_f1", "counted_match", "qualifier_accuracy", "said_on_accuracy",
            "modality_accuracy", "polarity_accuracy", "e2e_quantity_f1", "e2e_hedge_f1")
    return {
        "content_overlap_f1": figures["quotes"]["content_overlap"][2],
        "source_attribution_f1": figures["quotes"]["source_attribution"][2],
        **{k: figures[k] for k in keys},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(GOLD))
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--errors", action="store_true", help="list every mismatch")
    args = ap.parse_args(argv)
    figures, errors = evaluate(Path(args.gold))
    print(f"Russian gold: {figures['articles']} articles, {figures['statements']} statements")
    print(f"  {'quotes':28} {'P':>7} {'R':>7} {'F1':>7}")
    for key, (p, r, f) in figures["quotes"].items():
        print(f"  {key:28} {p:7.4f} {r:7.4f} {f:7.4f}")
    for prefix, label in (("", "claims, annotator alone"), ("e2e_", "claims, end to end")):
        print(f"  {label:28} {'P':>7} {'R':>7} {'F1':>7}")
        for kind in ("quantity", "hedge"):
            p, r, f = (figures[f"{prefix}{kind}_{m}"] for m in ("precision", "recall", "f1"))
            print(f"  {kind:28} {p:7.4f} {r:7.4f} {f:7.4f}")
    for key in ("counted_match", "qualifier_accuracy", "said_on_accuracy", "modality_accuracy", "polarity_accuracy"):
        print(f"  {key:28} {figures[key]:7.4f}")
    if args.errors:
        print("\n".join(errors))
    if args.json:
        Path(args.json).write_text(json.dumps({**figures, "headline": headline(figures)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
