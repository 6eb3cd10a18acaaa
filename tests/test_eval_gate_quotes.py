"""Quality gate: statement extraction on the golden fixtures must not fall below eval/baseline.json."""

from __future__ import annotations

import pytest
from gate import below, floors, load_script


def test_quotes_fixtures_meet_floors():
    pytest.importorskip("spacy")
    qe = load_script("eval/quotes_eval.py")
    floor = floors("quotes")
    figures = qe.headline(qe.evaluate(qe.FIXTURES))
    low = below(figures, floor)
    assert not low, f"below the floor in eval/baseline.json (measured, floor): {low}"
