"""CLI: speakers list/show/merge/split and statements; corrections survive re-analysis."""

from __future__ import annotations

import json

import pytest

from onrecord.present.cli.app import main

ARTICLES = [
    {"id": "a1", "date": "2031-01-03", "title": "Calm",
     "text": "Valdorian President Arman Zhaksylov said the situation was calm. Zhaksylov said troops would stay."},
    {"id": "a2", "date": "2031-01-05", "title": "Contingent",
     "text": "Valdorian President Arman Jaksylov said the contingent would leave on Monday."},
    {"id": "a3", "date": "2031-01-06", "title": "Press service",
     "text": "The Kostravan presidential press service said the talks had gone well."},
]


@pytest.fixture
def loaded(tmp_path, capsys, monkeypatch):
    pytest.importorskip("spacy")
    monkeypatch.chdir(tmp_path)
    for k in ("ONRECORD_DB", "ONRECORD_SPEAKERS_FILE", "ONRECORD_CONFIG"):
        monkeypatch.delenv(k, raising=False)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    db = f"sqlite:///{tmp_path / 's.db'}"
    assert main(["ingest", str(src), "--db", db]) == 0
    capsys.readouterr()
    return db


def _json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def _speaker_of(capsys, db, article):
    items = _json(capsys, ["statements", "--article", article, "--db", db, "--json"])["items"]
    return {(st["speaker"] or {}).get("name") for st in items}


def test_list_show_and_statements(loaded, capsys):
    db = loaded
    items = _json(capsys, ["speakers", "--db", db, "--json"])["items"]
    top = items[0]
    assert top["name"] == "Arman Zhaksylov" and top["statements"] == 3
    assert {"Arman Jaksylov", "Arman Zhaksylov"} <= {a["alias"] for a in top["aliases"]}
    assert any(r["role"] == "valdorian president" for r in top["roles"])
    shown = _json(capsys, ["speakers", "show", "Jaksylov", "--db", db, "--json"])
    assert shown["id"] == top["id"] and len(shown["recent"]) == 3
    sts = _json(capsys, ["statements", "--speaker", "Arman Zhaksylov", "--db", db, "--json"])["items"]
    assert {s["article"]["title"] for s in sts} == {"Calm", "Contingent"}
    assert main(["speakers", "--db", db]) == 0 and "Arman Zhaksylov" in capsys.readouterr().out
    assert main(["speakers", "show", "Nobody", "--db", db]) == 2


def test_merge_and_split_survive_reanalysis(loaded, capsys):
    from onrecord.analyze.corpus import analyse_corpus
    from onrecord.settings import resolve_settings
    from onrecord.store import open_store

    db = loaded
    out = _json(capsys, ["speakers", "merge", "Arman Zhaksylov", "Kostravan presidential press service",
                         "--note", "test", "--db", db, "--json"])
    assert out["seq"] == 1
    out = _json(capsys, ["speakers", "split", "Arman Zhaksylov", "Arman Jaksylov", "--db", db, "--json"])
    assert out["seq"] == 2

    def check():
        assert _speaker_of(capsys, db, "a3") == {"Arman Zhaksylov"}
        assert _speaker_of(capsys, db, "a2") == {"Arman Jaksylov"}
        assert _speaker_of(capsys, db, "a1") == {"Arman Zhaksylov"}

    check()
    settings = resolve_settings({"db": db, "progress": False}, env={})
    with open_store(db) as store:
        summary = analyse_corpus(store, settings)
    assert summary["speakers"]["corrections"] == 2 and not summary["speakers"]["unapplied_corrections"]
    check()
    assert main(["analyze", "--db", db]) == 0
    capsys.readouterr()
    check()
