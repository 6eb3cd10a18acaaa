"""The browse commands (articles, show, search, skips) with and without --json; every command documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from onrecord.present.cli.app import app, main

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for k in [k for k in __import__("os").environ if k.startswith("ONRECORD_")]:
        monkeypatch.delenv(k)
    rows = [
        {"id": "k1", "title": "Troops to withdraw", "author": "Ann Lee", "outlet": "Steppe Daily", "date": "2022-01-11",
         "text": "The minister said troops would withdraw within ten days.\nTranslated from Haqqin.az"},
        {"id": "k2", "title": "Cafés reopen", "outlet": "Almaty Post", "date": "2022-01-05",
         "text": "Café owners in Almaty reopened on Monday as the curfew was eased."},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n" + "{broken\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'b.db'}"
    assert main(["ingest", str(src), "--db", url, "--no-extract"]) == 0
    return url


def run(capsys, *argv) -> tuple[int, str]:
    capsys.readouterr()
    rc = main(list(argv))
    return rc, capsys.readouterr().out


def test_articles(db, capsys):
    rc, out = run(capsys, "articles", "--db", db)
    assert rc == 0 and "Troops to withdraw" in out and "(2 of 2)" in out
    rc, out = run(capsys, "articles", "--db", db, "--json", "--outlet", "Almaty Post")
    data = json.loads(out)
    assert data["total"] == 1 and data["items"][0]["external_id"] == "k2"
    rc, out = run(capsys, "articles", "--db", db, "--json", "--since", "2022-01-10")
    assert [i["external_id"] for i in json.loads(out)["items"]] == ["k1"]


def test_show(db, capsys):
    rc, out = run(capsys, "show", "k1", "--db", db)
    assert rc == 0
    assert "Troops to withdraw" in out and "translated_from → Haqqin.az" in out
    assert "jsonl:author" in out and "Ann Lee" in out
    rc, out = run(capsys, "show", "k1", "--db", db, "--json")
    art = json.loads(out)
    assert art["external_id"] == "k1" and art["provenance"][0]["target"] == "Haqqin.az"
    assert any(c["chosen"] and c["field"] == "author" for c in art["candidates"])
    rc, out = run(capsys, "show", art["id"][:8], "--db", db, "--json")
    assert json.loads(out)["id"] == art["id"]


def test_show_missing_is_a_clean_error(db, capsys):
    capsys.readouterr()
    assert main(["show", "nothing-like-this", "--db", db]) == 2
    err = capsys.readouterr().err
    assert "error [E050]" in err and "hint:" in err


def test_search(db, capsys):
    rc, out = run(capsys, "search", "troops", "--db", db)
    assert rc == 0 and "Troops to withdraw" in out and "(1 found)" in out
    rc, out = run(capsys, "search", 'café "', "--db", db, "--json")
    data = json.loads(out)
    assert data["query"] == 'café "' and [i["title"] for i in data["items"]] == ["Cafés reopen"]


def test_skips(db, capsys):
    rc, out = run(capsys, "skips", "--db", db)
    assert rc == 0 and "bad_jsonl" in out and "in.jsonl:3" in out
    rc, out = run(capsys, "skips", "--db", db, "--json")
    (item,) = json.loads(out)["items"]
    assert item["reason"] == "bad_jsonl" and item["source_ref"].endswith("in.jsonl:3")


def _registered_commands() -> set[str]:
    import typer.main

    group = typer.main.get_command(app)
    return set(group.commands)


def test_every_command_documented_in_readme():
    text = README.read_text("utf-8")
    section = text.split("## Commands", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\|\s*`onrecord ([a-z][\w-]*)", section, re.M))
    missing = _registered_commands() - documented
    assert not missing, f"commands missing from README's command table: {sorted(missing)}"


def test_timeline_quotes_the_words_once(tmp_path, monkeypatch, capsys):
    """A direct quote brings its own quotation marks; an indirect statement gets them from the CLI."""
    monkeypatch.chdir(tmp_path)
    text = ('"The bridge will reopen on Monday," Mayor Jonas Berg said on Friday. '
            "He said repairs had cost more than expected.")
    src = tmp_path / "q.jsonl"
    src.write_text(json.dumps({"id": "q1", "title": "Bridge", "outlet": "Fjord News", "date": "2024-03-01",
                               "text": text}) + "\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'q.db'}"
    assert main(["ingest", str(src), "--db", url]) == 0
    rc, out = run(capsys, "timeline", "Jonas Berg", "--db", url)
    assert rc == 0
    assert '    "The bridge will reopen on Monday,"' in out and '“"' not in out
    assert "    “repairs had cost more than expected”" in out
