"""Quality gate: statement extraction on the golden fixtures must not fall below eval/baseline.json."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _quotes_eval():
    spec = importlib.util.spec_from_file_location("quotes_eval", REPO / "eval" / "quotes_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quotes_fixtures_meet_floors():
    pytest.importorskip("spacy")
    qe = _quotes_eval()
    floors = json.loads((REPO / "eval" / "baseline.json").read_text())["quotes"]
    figures = qe.headline(qe.evaluate(qe.FIXTURES))
    low = {k: (figures[k], floor) for k, floor in floors.items() if k in figures and figures[k] < floor}
    assert not low, f"below the floor in eval/baseline.json (measured, floor): {low}"
