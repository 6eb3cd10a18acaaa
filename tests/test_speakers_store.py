"""SpeakerStore on a real SQLite file and on PostgreSQL: speakers, aliases, roles, corrections."""

from __future__ import annotations

import pytest

from onrecord.errors import NotFoundError
from onrecord.models import Article, ArticleResult, Span, Statement
from onrecord.store import open_store


def _seed(store):
    text = "Interior Minister Teodor Vasko said all was calm. Vasko said police would stay."
    a = Article("art1", text, published="2031-01-03", external_id="demo-x")
    sts = (
        Statement("art1", "indirect", Span.of(text, 36, 48), speaker_mention=Span.of(text, 0, 30),
                  resolution={"name": "Teodor Vasko", "kind": "person", "rule": "name"}),
        Statement("art1", "indirect", Span.of(text, 61, 78), speaker_mention=Span.of(text, 50, 55),
                  resolution={"name": "Teodor Vasko", "kind": "person", "rule": "surname"}),
    )
    store.add_results([ArticleResult(a, sts)])
    return [s.id for s in sts]


def _speaker(sid="sp1", name="Teodor Vasko"):
    return {"id": sid, "name": name, "kind": "person", "meta": {"org": ""},
            "aliases": [(name, name.lower(), "corpus"), ("Vasko", "vasko", "corpus")],
            "roles": [{"role": "interior minister", "article_id": "art1", "date": "2031-01-03", "source": "corpus"}]}


def test_replace_list_get_and_corrections(store_url):
    with open_store(store_url) as store:
        ids = _seed(store)
        store.replace_speakers([_speaker()], {ids[0]: "sp1", ids[1]: "sp1"})
        rows = store.speakers()
        assert [(r["name"], r["statements"]) for r in rows] == [("Teodor Vasko", 2)]
        assert {a["alias"] for a in rows[0]["aliases"]} == {"Teodor Vasko", "Vasko"}
        assert rows[0]["roles"][0]["role"] == "interior minister" and rows[0]["roles"][0]["first"] == "2031-01-03"
        assert store.speaker("vasko")["id"] == "sp1"
        assert store.speaker("Teodor Vasko")["id"] == "sp1"
        assert store.speaker("sp1")["statements"] == 2
        with pytest.raises(NotFoundError):
            store.speaker("Nobody Here")
        assert [s["speaker"]["name"] for s in store.statements()] == ["Teodor Vasko", "Teodor Vasko"]
        # replace again: no leftovers
        store.replace_speakers([_speaker("sp2", "T. Vasko")], {ids[0]: "sp2", ids[1]: None})
        assert [(r["id"], r["statements"]) for r in store.speakers()] == [("sp2", 1)]
        store.set_statement_speakers({ids[1]: "sp2"})
        assert store.speaker("sp2")["statements"] == 2
        assert store.add_speaker_correction("merge", "A", "B", note="same person") == 1
        assert store.add_speaker_correction("split", "A", "C") == 2
        got = store.speaker_corrections()
        assert [(c["seq"], c["action"], c["b"], c["note"]) for c in got] == [(1, "merge", "B", "same person"), (2, "split", "C", "")]
        with pytest.raises(ValueError):
            store.add_speaker_correction("delete", "A")


def test_upsert_and_inputs(sqlite_url):
    with open_store(sqlite_url) as store:
        ids = _seed(store)
        store.upsert_speakers([_speaker()])
        store.upsert_speakers([_speaker()])  # idempotent
        assert store.count_speakers() == 1
        rows = list(store.speaker_inputs())
        assert [r["id"] for r in rows] == ids and rows[0]["resolution"]["name"] == "Teodor Vasko"
        assert rows[0]["date"] == "2031-01-03"
        assert [a["id"] for a in store.article_texts()] == ["art1"]
