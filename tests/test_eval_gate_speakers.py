"""Quality gate: canonical-speaker accuracy on the fixtures and bundled corpora must not fall below eval/baseline.json."""

from __future__ import annotations

import json

import pytest
from gate import REPO, below, floors, load_script


def test_speaker_accuracy_meets_floors():
    pytest.importorskip("spacy")
    se = load_script("eval/speakers_eval.py")
    floor = floors("speakers")
    sets = sorted({k.split("_", 1)[0] for k in floor})
    figures = se.headline({name: se.evaluate_set(name) for name in sets})
    missing = sorted(k for k in floor if k not in figures)
    low = below(figures, floor)
    assert not missing, f"figures not measured: {missing}"
    assert not low, f"below the floor in eval/baseline.json (measured, floor): {low}"


def test_fixture_offsets_match_their_text():
    rows = [json.loads(line) for line in (REPO / "eval" / "fixtures" / "speakers_gold.jsonl").read_text().splitlines()]
    texts = {r["id"]: r["text"] for r in rows if r["type"] == "article"}
    names = {r["name"] for r in rows if r["type"] == "speaker"}
    statements = [r for r in rows if r["type"] == "statement"]
    assert len(statements) >= 30
    for st in statements:
        a, b = st["content"]
        assert texts[st["article"]][a:b] == st["text"]
        assert st["speaker"] in names
