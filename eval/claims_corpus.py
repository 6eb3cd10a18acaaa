"""Claims scoring on the demo corpora (``src/onrecord/data/{demo,second}``), end to end.

The articles are ingested with the real pipeline (quote extraction, resolution, claims)
into a temporary SQLite store. Each gold statement is matched to the stored statement of
the same article whose content overlaps it most (at least a third of the gold content).
Quantities and hedges are then scored twice:

* ``matched``: only over matched statements -- the quality of the claims annotator;
* ``e2e``: over every gold statement and every stored statement of the article, matched
  by span overlap within the article -- what a user sees.

Gold statements with no stored statement are the quote extractor's misses; they are
counted separately (``missed_statements``) and listed with ``--errors``.

The gold (see ``src/onrecord/data/demo/README.md``) writes a few things differently from
the extractor; the comparison maps both sides onto one form, and says where:

* durations: gold keeps the stated unit (``hour``, ``week``, ``month``, ``year``), the
  extractor converts every duration to days so that they compare; gold is converted;
* ``tonne`` is ``t`` and ``litre`` is ``l`` (the extractor normalises every volume to litres);
* qualifiers ``approximately`` = ``about`` and ``at_most`` = ``up_to`` (the fixtures write
  "within two days" as ``at_most``, the demo gold as ``up_to``); ``range`` and ``vague``
  carry no more than the low/high of a quantity without a value, so they equal ``""``;
* a vague amount whose gold ``high`` is null ("dozens": low 24) accepts any high;
* counted things are compared after :func:`onrecord.extract.counted.canonical_counted`
  on both sides (``counted_group``), and also as written (``counted_exact``).
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from matching import same_value

DATA = Path(__file__).resolve().parents[1] / "src" / "onrecord" / "data"
CORPORA = ("demo", "second")

_DAYS = {"day": 1, "hour": 1 / 24, "week": 7, "month": 30, "year": 365, "minute": 1 / 1440}
_UNIT = {"tonne": "t", "litre": "l", "liter": "l"}
_QUAL = {"approximately": "about", "at_most": "up_to", "range": "", "vague": ""}


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def ingest_corpus(name: str, db_url: str) -> None:
    from onrecord.pipeline import ingest
    from onrecord.settings import resolve_settings
    from onrecord.store import open_store

    db_path = Path(db_url.removeprefix("sqlite:///"))
    settings = resolve_settings({"db": db_url, "progress": False}, env={},
                                config_path=db_path.parent / "absent.toml")
    with open_store(db_url) as store:
        ingest([str(DATA / name / "articles.jsonl")], store, settings)


def stored_statements(name: str) -> list[dict[str, Any]]:
    """Ingest one corpus into a temporary store; its statements as exported (dicts)."""
    from onrecord.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'claims.db'}"
        ingest_corpus(name, db)
        with open_store(db) as store:
            return list(store.iter_statements())


def _norm_q(q: dict[str, Any]) -> dict[str, Any]:
    unit = q.get("unit") or ""
    mult = 1.0
    if unit in _DAYS:
        unit, mult = "day", _DAYS[unit]
    unit = _UNIT.get(unit, unit)

    def scaled(x: Any) -> float | None:
        return None if x is None else float(x) * mult
    qual = q.get("qualifier") or ""
    qual = _QUAL.get(qual, qual)
    return {"start": q["start"], "end": q["end"], "text": q.get("text", ""), "unit": unit,
            "value": scaled(q.get("value")), "low": scaled(q.get("low")), "high": scaled(q.get("high")),
            "counted": q.get("counted") or "", "qualifier": qual}


def _q_match(p: dict[str, Any], g: dict[str, Any]) -> bool:
    if not (p["start"] < g["end"] and g["start"] < p["end"]) or p["unit"] != g["unit"]:
        return False
    high_ok = same_value(p["high"], g["high"]) or (g["value"] is None and g["high"] is None)
    return same_value(p["value"], g["value"]) and same_value(p["low"], g["low"]) and high_ok


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_statements(gold: list[dict[str, Any]], stored: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Gold index -> stored statement, one to one, greedily by overlap size."""
    pairs = []
    for gi, g in enumerate(gold):
        gs = tuple(g["content"])
        for si, st in enumerate(stored):
            if st["article_id"] != g["article"]:
                continue
            ov = _overlap(gs, (st["content"]["start"], st["content"]["end"]))
            if ov * 3 >= gs[1] - gs[0] and ov > 0:
                pairs.append((ov, gi, si))
    out: dict[int, dict[str, Any]] = {}
    used: set[int] = set()
    for ov, gi, si in sorted(pairs, reverse=True):
        if gi not in out and si not in used:
            out[gi] = stored[si]
            used.add(si)
    return out


class _Tally:
    def __init__(self) -> None:
        self.n: dict[str, int] = defaultdict(int)

    def prf(self, key: str) -> dict[str, float]:
        tp, p, g = self.n[f"{key}_tp"], self.n[f"{key}_pred"], self.n[f"{key}_gold"]
        pr, rc = (tp / p if p else 1.0), (tp / g if g else 1.0)
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {f"{key}_precision": round(pr, 4), f"{key}_recall": round(rc, 4), f"{key}_f1": round(f, 4)}

    def ratio(self, key: str) -> float:
        n = self.n[f"{key}_n"]
        return round(self.n[f"{key}_ok"] / n, 4) if n else 1.0


def _score_items(t: _Tally, tag: str, pred_q: list[dict[str, Any]], gold_q: list[dict[str, Any]],
                 pred_h: list[dict[str, Any]], gold_h: list[dict[str, Any]], where: str,
                 errors: list[str]) -> None:
    from onrecord.extract.counted import canonical_counted

    pq, gq = [_norm_q(q) for q in pred_q], [_norm_q(q) for q in gold_q]
    t.n[f"{tag}q_pred"] += len(pq)
    t.n[f"{tag}q_gold"] += len(gq)
    used: set[int] = set()
    for p in pq:
        hit = next((i for i, g in enumerate(gq) if i not in used and _q_match(p, g)), None)
        if hit is None:
            errors.append(f"{where} [{tag}] quantity FP {p['text']!r} v={p['value']} lo={p['low']} hi={p['high']} "
                          f"u={p['unit']!r}")
            continue
        used.add(hit)
        t.n[f"{tag}q_tp"] += 1
        g = gq[hit]
        t.n[f"{tag}qual_n"] += 1
        t.n[f"{tag}qual_ok"] += p["qualifier"] == g["qualifier"]
        if p["qualifier"] != g["qualifier"]:
            errors.append(f"{where} [{tag}] qualifier {g['text']!r}: {p['qualifier']!r} != {g['qualifier']!r}")
        if g["counted"]:
            t.n[f"{tag}cnt_n"] += 1
            group_ok = canonical_counted(p["counted"]) == canonical_counted(g["counted"])
            t.n[f"{tag}cnt_ok"] += group_ok
            t.n[f"{tag}cntx_n"] += 1
            t.n[f"{tag}cntx_ok"] += p["counted"] == g["counted"]
            if not group_ok:
                errors.append(f"{where} [{tag}] counted {g['text']!r}: {p['counted']!r} != {g['counted']!r}")
    for i, g in enumerate(gq):
        if i not in used:
            errors.append(f"{where} [{tag}] quantity FN {g['text']!r} v={g['value']} lo={g['low']} hi={g['high']} "
                          f"u={g['unit']!r}")
    t.n[f"{tag}h_pred"] += len(pred_h)
    t.n[f"{tag}h_gold"] += len(gold_h)
    hused: set[int] = set()
    for h in pred_h:
        hit = next((i for i, g in enumerate(gold_h) if i not in hused and g["kind"] == h["kind"]
                    and h["start"] < g["end"] and g["start"] < h["end"]), None)
        if hit is None:
            errors.append(f"{where} [{tag}] hedge FP {h['kind']} {h['text']!r}")
        else:
            hused.add(hit)
            t.n[f"{tag}h_tp"] += 1
    for i, g in enumerate(gold_h):
        if i not in hused:
            errors.append(f"{where} [{tag}] hedge FN {g['kind']} {g['text']!r}")


def score(gold_rows: list[dict[str, Any]], stored: list[dict[str, Any]]) -> tuple[dict[str, float], list[str]]:
    gold = [r for r in gold_rows if r.get("type") == "statement"]
    matched = match_statements(gold, stored)
    t = _Tally()
    errors: list[str] = []
    for gi, g in enumerate(gold):
        st = matched.get(gi)
        where = f"{g['id']} ({g['text'][:50]!r})"
        if st is None:
            t.n["missed"] += 1
            errors.append(f"{where} MISSED statement (extraction)")
            continue
        _score_items(t, "m_", st.get("quantities") or [], g["quantities"], st.get("hedges") or [], g["hedges"],
                     where, errors)
        for key, pred in (("said_on", st.get("said_on")), ("modality", st.get("modality")),
                          ("polarity", st.get("polarity"))):
            t.n[f"{key}_n"] += 1
            t.n[f"{key}_ok"] += pred == g[key]
            if pred != g[key]:
                errors.append(f"{where} {key} {pred} != {g[key]}")
    by_article_gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_article_pred: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_article_gold[g["article"]].append(g)
    for st in stored:
        by_article_pred[st["article_id"]].append(st)
    e2e_errors: list[str] = []
    for art in sorted(set(by_article_gold) | set(by_article_pred)):
        pq = _unique(q for st in by_article_pred[art] for q in st.get("quantities") or [])
        ph = _unique(h for st in by_article_pred[art] for h in st.get("hedges") or [])
        gq = [q for g in by_article_gold[art] for q in g["quantities"]]
        gh = [h for g in by_article_gold[art] for h in g["hedges"]]
        _score_items(t, "e_", pq, gq, ph, gh, art, e2e_errors)
    n_gold = len(gold)
    metrics: dict[str, float] = {"statements": n_gold, "matched_statements": len(matched),
                                 "missed_statements": t.n["missed"]}
    for tag, label in (("m_", "matched"), ("e_", "e2e")):
        for k, v in t.prf(f"{tag}q").items():
            metrics[k.replace(f"{tag}q_", f"{label}_quantity_")] = v
        metrics[f"{label}_counted_group"] = t.ratio(f"{tag}cnt")
        metrics[f"{label}_counted_exact"] = t.ratio(f"{tag}cntx")
        metrics[f"{label}_qualifier_accuracy"] = t.ratio(f"{tag}qual")
        for k, v in t.prf(f"{tag}h").items():
            metrics[k.replace(f"{tag}h_", f"{label}_hedge_")] = v
    for key in ("said_on", "modality", "polarity"):
        metrics[f"{key}_accuracy"] = t.ratio(key)
    return metrics, errors + [e for e in e2e_errors if "[e_]" in e]


def _unique(items: Any) -> list[dict[str, Any]]:
    """Stored statements can overlap (a sentence and its quote); count each span once."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for it in items:
        seen.setdefault((it["start"], it["end"], it.get("kind")), it)
    return list(seen.values())


def evaluate_corpus(name: str, stored: list[dict[str, Any]] | None = None) -> tuple[dict[str, float], list[str]]:
    gold_rows = _read(DATA / name / "gold.jsonl")
    return score(gold_rows, stored if stored is not None else stored_statements(name))
