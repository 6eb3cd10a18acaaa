"""Quality gate: statement extraction on held-out news from other domains (eval/fixtures/quotes_domains.jsonl:
41 articles, sports to labour disputes, built by eval/fixtures/build_quotes_domains.py) must not fall below
the floors under "quotes_domains" in eval/baseline.json. Floors only go up."""

from __future__ import annotations

import json

import pytest
from gate import REPO, below, floors, load_script

DOMAINS = REPO / "eval" / "fixtures" / "quotes_domains.jsonl"


def test_domains_fixture_offsets_are_built_from_anchors():
    builder = load_script("eval/fixtures/build_quotes_domains.py")
    stored = [json.loads(line) for line in DOMAINS.read_text("utf-8").splitlines()]
    assert stored == json.loads(json.dumps(builder.build())), \
        "quotes_domains.jsonl is stale: run eval/fixtures/build_quotes_domains.py"


def test_quotes_domains_meet_floors():
    pytest.importorskip("spacy")
    qe = load_script("eval/quotes_eval.py")
    floor = floors("quotes_domains")
    figures = {f"domains_{k}": v for k, v in qe.headline(qe.evaluate(DOMAINS)).items()}
    missing = sorted(k for k in floor if k not in figures)
    low = below(figures, floor)
    assert not missing, f"figures not measured: {missing}"
    assert not low, f"below the floor in eval/baseline.json (measured, floor): {low}"
