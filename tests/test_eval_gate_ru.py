"""Quality gate: Russian extraction on eval/fixtures/ru_gold.jsonl must not fall below the floors
under "ru" in eval/baseline.json (quotes content/source F1, quantity/hedge F1 annotator-alone and end
to end, counted/qualifier/said_on/modality/polarity accuracy). Floors only go up."""

from __future__ import annotations

import json

import pytest
from gate import REPO, below, floors, load_script

pytest.importorskip("natasha")


def test_ru_fixture_offsets_are_built_from_fragments():
    builder = load_script("eval/fixtures/build_ru_gold.py")
    stored = [json.loads(line) for line in (REPO / "eval" / "fixtures" / "ru_gold.jsonl").read_text("utf-8").splitlines()]
    assert stored == json.loads(json.dumps(builder.build())), "ru_gold.jsonl is stale: run eval/fixtures/build_ru_gold.py"


def test_ru_fixtures_meet_floors():
    module = load_script("eval/ru_eval.py")
    if not module.SCORER.is_file():
        pytest.skip(f"scorer not found at {module.SCORER}")
    floor = floors("ru")
    figures = module.headline(module.evaluate()[0])
    assert set(floor) <= set(figures)
    low = below(figures, floor)
    assert not low, f"below the floor in eval/baseline.json (measured, floor): {low}"
