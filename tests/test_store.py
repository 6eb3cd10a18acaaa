"""The store on both backends: articles, full-text search, filters, lookup, migrations, crash safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onrecord.errors import NotFoundError
from onrecord.models import Article, ArticleResult, Candidate, Hedge, ProvenanceLink, Quantity, Span, Statement, TimeExpression
from onrecord.store import open_store
from onrecord.store.engine import applied_migrations, make_engine, migrate
from onrecord.store.migrations import MIGRATIONS


def make_article(n: int, text: str, *, outlet: str = "Steppe Daily", published: str | None = "2022-01-10",
                 external_id: str = "", title: str = "") -> Article:
    from onrecord.ingest.identity import article_id, fingerprint

    return Article(
        id=article_id(text, outlet=outlet),
        text=text,
        title=title or f"Story {n}",
        authors=("Ann Lee", "Бо Ким"),
        outlet=outlet,
        published=published,
        language="en",
        url=f"https://example.org/{n}",
        source_ref=f"test:{n}",
        external_id=external_id,
        candidates=(
            Candidate("author", "Ann Lee", "jsonl:author", True, "highest-priority origin jsonl:author"),
            Candidate("date", "2999-01-01", "jsonl:date", False, "rejected: in the future"),
        ),
        provenance=(ProvenanceLink("translated_from", "Haqqin.az", Span.of(text, 0, 5), "text"),),
        fingerprint=fingerprint(text),
    )


ARTICLES = [
    make_article(1, "The minister said troops would withdraw within ten days.", outlet="Steppe Daily",
                 published="2022-01-11", external_id="ext-1", title="Troops to withdraw"),
    make_article(2, "Министр заявил, что войска покинут страну. Ёлка и «кавычки».", outlet="Вести",
                 published="2022-01-12", title="Войска уйдут"),
    make_article(3, "Café owners in Almaty reopened on Monday; prices rose 20% (officials).", outlet="Almaty Post",
                 published="2022-01-05", title="Cafés reopen"),
    make_article(4, "No date on this one: the peacekeepers' primary mission is complete.", outlet="Almaty Post",
                 published=None, title="Mission"),
]


@pytest.fixture
def filled(store_url):
    with open_store(store_url) as st:
        counts = st.add_results(ArticleResult(a) for a in ARTICLES)
        assert counts == {"articles": 4, "duplicates": 0, "statements": 0, "store_errors": 0}
        yield st


def test_add_and_read(filled):
    art = filled.article(ARTICLES[0].id)
    assert art["text"] == ARTICLES[0].text
    assert art["authors"] == ["Ann Lee", "Бо Ким"]
    assert art["outlet"] == "Steppe Daily" and art["published"] == "2022-01-11"
    assert art["candidates"] == [
        {"field": "author", "value": "Ann Lee", "origin": "jsonl:author", "chosen": True,
         "rule": "highest-priority origin jsonl:author"},
        {"field": "date", "value": "2999-01-01", "origin": "jsonl:date", "chosen": False, "rule": "rejected: in the future"},
    ]
    assert art["provenance"] == [{"relation": "translated_from", "target": "Haqqin.az", "ev_start": 0, "ev_end": 5,
                                  "ev_text": ARTICLES[0].text[:5], "origin": "text"}]
    assert "tsv" not in art
    assert filled.counts()["articles"] == 4


def _claimed_statement(article: Article) -> Statement:
    """The first article's statement with its claims, as the claims annotator leaves it."""
    text = article.text
    s = text.index("troops")
    w = text.index("within")
    return Statement(
        article.id, "indirect", Span.of(text, s, len(text) - 1), cue=Span.of(text, 13, 17), said_on="2022-01-11",
        quantities=(Quantity(10.0, w + 7, w + 15, "ten days", unit="day", qualifier="up_to"),),
        hedges=(Hedge("temporal", w, w + 15, "within ten days"),),
        times=(TimeExpression("duration", w, w + 15, "within ten days", "2022-01-21", "within"),),
        modality="future", polarity="positive", checkworthy=0.9)


def test_statement_claims_round_trip(store_url):
    with open_store(store_url) as st:
        st.add_results([ArticleResult(ARTICLES[0], statements=(_claimed_statement(ARTICLES[0]),))])
        (row,) = st.statements()
    assert row["times"] == [{"kind": "duration", "bound": "within", "value": "2022-01-21", "start": 40, "end": 55,
                             "text": "within ten days"}]
    assert row["hedges"] == [{"kind": "temporal", "start": 40, "end": 55, "text": "within ten days"}]
    assert row["quantities"] == [{"value": 10.0, "low": None, "high": None, "unit": "day", "counted": "",
                                  "qualifier": "up_to", "text": "ten days", "start": 47, "end": 55}]
    assert ARTICLES[0].text[40:55] == "within ten days"


def test_statement_times_migration_keeps_older_statements(store_url):
    engine = make_engine(store_url)
    try:
        assert migrate(engine, upto="0002_statements_speakers_flags") == ["0001_articles",
                                                                          "0002_statements_speakers_flags"]
    finally:
        engine.dispose()
    with open_store(store_url, migrate=False) as old:
        old.add_results([ArticleResult(ARTICLES[1])])
    with open_store(store_url) as st:
        assert "0003_statement_times" in applied_migrations(st.engine)
        st.add_results([ArticleResult(ARTICLES[0], statements=(_claimed_statement(ARTICLES[0]),))])
        assert [r["times"][0]["value"] for r in st.statements()] == ["2022-01-21"]


def test_adding_again_is_a_duplicate(filled):
    assert filled.add_results([ArticleResult(ARTICLES[0])]) == {"articles": 0, "duplicates": 1, "statements": 0, "store_errors": 0}
    assert filled.count_articles() == 4
    assert len(filled.article(ARTICLES[0].id)["candidates"]) == 2  # not doubled
    assert filled.existing_ids([a.id for a in ARTICLES] + ["nope"]) == {a.id for a in ARTICLES}


def test_filters(filled):
    # newest first, undated last, on both backends
    assert [r["title"] for r in filled.articles()] == ["Войска уйдут", "Troops to withdraw", "Cafés reopen", "Mission"]
    assert {r["title"] for r in filled.articles(outlet="almaty post")} == {"Cafés reopen", "Mission"}
    assert [r["title"] for r in filled.articles(since="2022-01-11")] == ["Войска уйдут", "Troops to withdraw"]
    assert [r["title"] for r in filled.articles(until="2022-01-11")] == ["Troops to withdraw", "Cafés reopen"]
    assert [r["title"] for r in filled.articles(since="2022-01-06", until="2022-01-11")] == ["Troops to withdraw"]
    assert filled.count_articles(outlet="Almaty Post") == 2
    assert len(filled.articles(limit=1, offset=1)) == 1
    assert filled.articles(outlet="Nobody") == []


def test_search(filled):
    assert [r["id"] for r in filled.search("troops withdraw")] == [ARTICLES[0].id]
    assert [r["id"] for r in filled.search("войска")] == [ARTICLES[1].id]
    hit = filled.search("minister")[0]
    assert "[" in hit["snippet"] and "]" in hit["snippet"]
    assert [r["id"] for r in filled.search('"primary mission"')] == [ARTICLES[3].id]
    assert [r["id"] for r in filled.search("Cafés")] == [ARTICLES[2].id]
    assert filled.search("zebra") == []


ODD_QUERIES = ['"', '""', "'", 'troops"', "AND", "OR NOT", "NEAR(", "a*", "*", "-troops", "troops -", "(", ")", ":",
               "^", "col:troops", "id:1", "«кавычки»", "Ёлка", "20%", "!!!", "\\", "  ", "😀", "\x00", "tro\x00ops",
               "NOT troops", "troops OR", "%", "_"]


def test_search_odd_queries_never_fail(filled):
    for query in ODD_QUERIES:  # one database for all of them: creating one per query is slow on PostgreSQL
        assert isinstance(filled.search(query), list), query
        assert isinstance(filled.search_statements(query), list), query
    assert [r["id"] for r in filled.search("«кавычки»")] == [ARTICLES[1].id]
    assert [r["id"] for r in filled.search('troops"')] == [ARTICLES[0].id]


def test_show_by_prefix_and_external_id(filled):
    full = ARTICLES[0].id
    assert filled.article(full[:6])["id"] == full
    assert filled.article("ext-1")["id"] == full
    with pytest.raises(NotFoundError):
        filled.article("zzzz-not-there")
    with pytest.raises(NotFoundError):
        filled.article("%")  # LIKE wildcards are not a prefix match for everything
    with pytest.raises(NotFoundError):
        filled.article("")


def test_skips_recorded(filled):
    from onrecord.models import Skip

    filled.add_skip(Skip("a.txt", "binary", "The input looks like a binary file."))
    filled.add_skip(Skip("b.txt", "empty", "x" * 5000))
    rows = filled.skips()
    assert [r["reason"] for r in rows] == ["empty", "binary"]
    assert len(rows[0]["detail"]) == 2000


# -- migrations ----------------------------------------------------------------------------------
def test_migrate_from_empty(store_url):
    engine = make_engine(store_url)
    try:
        applied = migrate(engine)
        assert applied == [m.name for m in MIGRATIONS]
        assert applied_migrations(engine) == sorted(m.name for m in MIGRATIONS)
        assert migrate(engine) == []  # nothing left to do
    finally:
        engine.dispose()
    with open_store(store_url) as st:
        assert st.counts() == {k: 0 for k in st.counts()}


def test_migrate_from_previous_version(store_url):
    engine = make_engine(store_url)
    first = MIGRATIONS[0].name
    assert first == "0001_articles"
    try:
        assert migrate(engine, upto=first) == [first]
    finally:
        engine.dispose()
    with open_store(store_url, migrate=False) as old:
        old.add_results(ArticleResult(a) for a in ARTICLES)
        before = [old.article(a.id) for a in ARTICLES]
    with open_store(store_url) as st:  # applies the rest
        assert set(applied_migrations(st.engine)) == {m.name for m in MIGRATIONS}
        assert [st.article(a.id) for a in ARTICLES] == before
        assert [r["id"] for r in st.search("troops")] == [ARTICLES[0].id]
        assert st.counts()["statements"] == 0


def test_migrations_are_append_only():
    names = [m.name for m in MIGRATIONS]
    assert names == sorted(names) and len(set(names)) == len(names)
    assert names[:2] == ["0001_articles", "0002_statements_speakers_flags"]
    for m in MIGRATIONS:
        assert m.sqlite and m.postgresql


def test_sqlite_store_is_wal(sqlite_url):
    with open_store(sqlite_url) as st:
        assert st._scalar("PRAGMA journal_mode") == "wal"


def test_bare_path_is_sqlite(tmp_path):
    with open_store(str(tmp_path / "bare.db")) as st:
        assert st.dialect == "sqlite"
    assert (tmp_path / "bare.db").exists()


def test_bad_url_is_a_store_error(tmp_path):
    from onrecord.errors import StoreError

    with pytest.raises(StoreError):
        open_store("mysql://nobody@127.0.0.1/x")
    with pytest.raises(StoreError):
        open_store(f"sqlite:///{tmp_path}/no/such/dir/x.db")


# -- crash safety --------------------------------------------------------------------------------
def _count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_sigkill_mid_ingest_then_rerun(tmp_path):
    n = 300
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(n):
        (corpus / f"{i:04d}.txt").write_text(
            f"Report {i}\n\nBy Desk {i % 7}\n\nThe council of district {i} voted {i * 3} to {i % 11} on Monday."
            f" Officials said item {i} would be reviewed.\n", "utf-8")
    db = tmp_path / "crash.db"
    exe = str(Path(sys.executable).parent / "onrecord")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONRECORD_")}
    cmd = [exe, "ingest", str(corpus), "--db", str(db), "--no-extract", "--batch-size", "4"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    try:
        while _count(db, "SELECT COUNT(*) FROM articles") < 5:
            assert proc.poll() is None, "ingest finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    killed_at = _count(db, "SELECT COUNT(*) FROM articles")
    assert 0 < killed_at < n, "the kill came too late to test anything"
    # consistent: every stored article has its candidates and its full-text row
    with open_store(str(db)) as st:
        ids = {r["id"] for r in st.articles(limit=10_000)}
        assert len(ids) == killed_at
        for aid in ids:
            assert st.article(aid)["candidates"], aid
        assert st._scalar("SELECT COUNT(*) FROM articles_fts") == killed_at
    rerun = subprocess.run([*cmd, "--json"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    assert rerun.returncode == 0, rerun.stderr
    import json

    report = json.loads(rerun.stdout)
    assert report["ingested"] + report["duplicates"] == n
    assert report["duplicates"] >= killed_at
    with open_store(str(db)) as st:
        assert st.count_articles() == n
        assert st._scalar("SELECT COUNT(DISTINCT id) FROM articles") == n
        assert st._scalar("SELECT COUNT(*) FROM articles_fts") == n
        assert st._scalar(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_candidates c WHERE c.article_id = a.id)"
        ) == 0
        assert st._scalar("SELECT COUNT(*) FROM (SELECT source_ref FROM articles GROUP BY source_ref HAVING COUNT(*) > 1) d") == 0


def test_read_only_store_refuses_writes(store_url):
    """open_store(read_only=True): reads work, every write is refused by the database itself."""
    from sqlalchemy.exc import DBAPIError

    with open_store(store_url) as st:
        st.add_results(ArticleResult(a) for a in ARTICLES[:2])
    with open_store(store_url, read_only=True) as ro:
        assert ro.counts()["articles"] == 2 and ro.count_statements() == 0
        with pytest.raises(DBAPIError, match="(?i)read.only|readonly"):
            ro.add_results([ArticleResult(ARTICLES[2])])
    with open_store(store_url) as st:  # the read-only session wrote nothing
        assert st.counts()["articles"] == 2
