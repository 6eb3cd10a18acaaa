"""A row the database refuses is skipped with a reason; the other articles of the batch are stored."""

import dataclasses

from onrecord.models import Article, ArticleResult, Span, Statement
from onrecord.store import open_store


def _result(aid: str, start: int) -> ArticleResult:
    text = f"Article {aid} says the minister spoke."
    art = Article(id=aid, text=text, source_ref=f"test:{aid}")
    st = Statement(article_id=aid, kind="indirect", content=Span(start, start + 5, "x"), extractor="test")
    return ArticleResult(art, (st,))


def test_refused_article_is_skipped_and_batch_goes_on(pg_url):
    # PostgreSQL refuses an INTEGER offset past 2**31: a DataError for that article only
    store = open_store(pg_url)
    try:
        bad = _result("bad0000000000001", 2**40)
        counts = store.add_results([_result("good000000000001", 0), bad, _result("good000000000002", 3)])
        assert counts["articles"] == 2 and counts["store_errors"] == 1
        assert store.existing_ids(["good000000000001", "good000000000002", "bad0000000000001"]) == {
            "good000000000001",
            "good000000000002",
        }
        skip = store.skips()[0]
        assert (skip["reason"], skip["source_ref"]) == ("store_error", "test:bad0000000000001")
        # the refused article left no partial rows behind
        assert store.statements(article_id="bad0000000000001") == []
    finally:
        store.close()


def test_valid_results_unaffected_on_sqlite(sqlite_url):
    with open_store(sqlite_url) as store:
        res = _result("good000000000003", 0)
        assert store.add_results([res, dataclasses.replace(res)])["duplicates"] == 1
