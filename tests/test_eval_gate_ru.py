"""Quality gate: Russian extraction on eval/fixtures/ru_gold.jsonl must not fall below the floors
under "ru" in eval/baseline.json (quotes content/source F1, quantity/hedge F1 annotator-alone and end
to end, counted/qualifier/said_on/modality/polarity accuracy). Floors only go up."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytest.importorskip("natasha")

REPO = Path(__file__).resolve().parent.parent


def _ru_eval():
    spec = importlib.util.spec_from_file_location("ru_eval", REPO / "eval" / "ru_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ru_fixture_offsets_are_built_from_fragments():
    spec = importlib.util.spec_from_file_location("build_ru_gold", REPO / "eval" / "fixtures" / "build_ru_gold.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    stored = [json.loads(line) for line in (REPO / "eval" / "fixtures" / "ru_gold.jsonl").read_text("utf-8").splitlines()]
    assert stored == json.loads(json.dumps(builder.build())), "ru_gold.jsonl is stale: run eval/fixtures/build_ru_gold.py"


def test_ru_fixtures_meet_floors():
    module = _ru_eval()
    if not module.SCORER.is_file():
        pytest.skip(f"scorer not found at {module.SCORER}")
    floors = json.loads((REPO / "eval" / "baseline.json").read_text("utf-8"))["ru"]
    figures = module.headline(module.evaluate()[0])
    assert set(floors) <= set(figures)
    low = {k: (figures[k], floor) for k, floor in floors.items() if figures[k] < floor}
    assert not low, f"below the floor in eval/baseline.json (measured, floor): {low}"
