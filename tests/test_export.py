"""Exports: every format parses back, ClaimReview has its required keys, and exporting streams."""

from __future__ import annotations

import csv
import io
import json

import pytest

from onrecord.present.cli.app import main
from onrecord.present.export import FORMATS, KINDS, export
from onrecord.present.export.claimreview import REQUIRED_KEYS
from test_web_api import build_store  # same tests folder

from onrecord.store import open_store


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    url, ids = build_store(tmp_path_factory.mktemp("export"))
    with open_store(url) as store:
        yield store, ids, url


def _run(store, kind, fmt, **kw) -> tuple[int, str]:
    out = io.StringIO()
    n = export(store, kind, fmt, out, **kw)
    return n, out.getvalue()


def test_statement_jsonl_has_the_contract_fields(filled):
    store, ids, _ = filled
    n, text = _run(store, "statements", "jsonl")
    rows = [json.loads(line) for line in text.splitlines()]
    assert n == len(rows) == 3
    for row in rows:
        for key in ("id", "article_id", "kind", "content", "cue", "speaker_mention", "speaker", "resolution", "said_on",
                    "confidence", "extractor", "quantities", "hedges", "times", "modality", "polarity", "checkworthy"):
            assert key in row, key
        assert set(row["content"]) >= {"start", "end", "text"}
    by_id = {r["id"]: r for r in rows}
    assert by_id[ids["statements"]["wx-1"]]["article_id"] == "wx-1"  # the input's own id
    assert by_id[ids["statements"]["wx-1"]]["speaker"] == {"id": "sp-petrova", "name": "Anna Petrova"}
    assert by_id[ids["statements"]["evil"]]["speaker"] is None


@pytest.mark.parametrize("kind", KINDS)
def test_csv_and_jsonl_parse_back(filled, kind):
    store, _, _ = filled
    n, text = _run(store, kind, "jsonl")
    rows = [json.loads(line) for line in text.splitlines()]
    n_csv, table = _run(store, kind, "csv")
    parsed = list(csv.DictReader(io.StringIO(table)))
    assert n == n_csv == len(rows) == len(parsed) > 0
    assert list(parsed[0]) == list(rows[0])  # all fields
    for row, back in zip(rows, parsed):
        for key, value in row.items():
            if isinstance(value, (dict, list)):
                assert json.loads(back[key]) == value  # nested values as JSON strings
            elif value is None:
                assert back[key] == ""
            else:
                assert back[key] == str(value)


def test_markdown_and_html_dossiers(filled):
    store, _, _ = filled
    n, md = _run(store, "speakers", "markdown", speaker="Petrova")
    assert md.startswith("# Speaker dossier: Petrova") and "## Anna Petrova" in md
    assert "| 2024-03-01 | 1 |" in md and "number\\_drift" in md and "40 people died in the floods" in md
    assert "## Mallory" not in md
    assert "“40 people died in the floods”" in md and "“\"" not in md  # the exact words, quoted once
    n, html = _run(store, "statements", "html")
    assert html.startswith("<!doctype html>") and html.count("<svg") == 2  # Anna Petrova, Mallory Vance
    assert "<script" not in html and "&lt;script&gt;" in html and 'href="javascript:' not in html
    assert "<link" not in html and "src=\"http" not in html  # self-contained
    _, flags_md = _run(store, "flags", "markdown")
    assert "<script>" not in flags_md and flags_md.count("#### ⚑") == 2
    _, arts = _run(store, "articles", "html")
    assert arts.count("<h2>") == 9


def test_claimreview(filled):
    store, ids, _ = filled
    n, text = _run(store, "flags", "claimreview", base_url="https://desk.example")
    reviews = json.loads(text)
    assert n == len(reviews) == 4  # two flags × two statements
    for review in reviews:
        for key in REQUIRED_KEYS:
            assert review[key], key
        assert review["@type"] == "ClaimReview" and review["url"].startswith("https://desk.example/flags/")
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["datePublished"] and claim["appearance"]
    petrova = [r for r in reviews if r["claimReviewed"] == "40 people died in the floods"]
    assert petrova[0]["itemReviewed"]["author"] == {"@type": "Person", "name": "Anna Petrova"}
    assert petrova[0]["itemReviewed"]["appearance"][0]["url"] == "https://example.com/1"
    evil = [r for r in reviews if "harmless" in r["claimReviewed"]][0]
    assert "url" not in evil["itemReviewed"]["appearance"][0]  # javascript: URLs never become links


class StreamOnly:
    """A store whose statements come from a generator and that refuses list-returning reads."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.pulled = 0

    def iter_statements(self, **_):
        for i in range(self.n):
            self.pulled += 1
            yield {"id": f"s{i}", "article_id": "a", "article": {"id": "a", "outlet": "", "title": "", "url": "",
                                                                 "published": None},
                   "kind": "direct", "content": {"start": 0, "end": 1, "text": "x"}, "speaker": None,
                   "speaker_mention": None, "said_on": None, "published": None}

    def statements(self, **_):  # pragma: no cover - must not be used
        raise AssertionError("export must stream, not fetch a list")


class CountingOut(io.StringIO):
    def __init__(self, store: StreamOnly) -> None:
        super().__init__()
        self.store, self.max_ahead, self.rows = store, 0, 0

    def write(self, s: str) -> int:
        if s.endswith("\n"):
            self.rows += 1
            self.max_ahead = max(self.max_ahead, self.store.pulled - self.rows)
        return super().write(s)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_exports_stream(fmt):
    store = StreamOnly(5000)
    out = CountingOut(store)
    assert export(store, "statements", fmt, out) == 5000
    assert store.pulled == 5000 and out.max_ahead <= 2  # each row written before the next is pulled


def test_cli_export(filled, tmp_path, capsys):
    _, _, url = filled
    target = tmp_path / "out.csv"
    assert main(["export", "statements", "--format", "csv", "-o", str(target), "--db", url]) == 0
    assert len(list(csv.DictReader(target.open(encoding="utf-8")))) == 3
    assert main(["export", "statements", "--format", "pdf", "-o", str(tmp_path / "x"), "--db", url]) == 2
    assert "E001" in capsys.readouterr().err and not (tmp_path / "x").exists()
    assert set(FORMATS) == {"jsonl", "csv", "markdown", "html", "claimreview"}
