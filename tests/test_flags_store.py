"""Flags in a real store (SQLite file and PostgreSQL database): detect, list with evidence, review,
and the verdict surviving re-analysis."""

from __future__ import annotations

import pytest

from onrecord.analyze.flags import detect_flags
from onrecord.analyze.timeline import timeline
from onrecord.errors import NotFoundError, StoreError
from onrecord.models import Article, ArticleResult, Quantity, Span, Statement
from onrecord.settings import resolve_settings
from onrecord.store import open_store


def _article(aid: str, date: str, outlet: str, text: str, speaker: str, *, qty: tuple = ()) -> ArticleResult:
    body = f"{speaker} said: {text}"
    start = body.index(text)
    quantities = tuple(
        Quantity(value, start + text.index(word), start + text.index(word) + len(word), word, counted=counted)
        for value, word, counted in qty
    )
    st = Statement(aid, "direct", Span(start, start + len(text), text), speaker_mention=Span(0, len(speaker), speaker),
                   said_on=date, quantities=quantities)
    return ArticleResult(Article(aid, body, title=f"{outlet} {date}", outlet=outlet, published=date,
                                 external_id=f"ext-{aid}"), (st,))


CORPUS = [
    _article("a1", "2031-01-07", "Valdoria Today", "The contingent will stay as long as necessary.", "Zhaksylov"),
    _article("a2", "2031-01-11", "Northern Wire", "The withdrawal will begin in two days.", "Zhaksylov"),
    _article("a3", "2031-01-09", "Valdoria Today", "A total of 164 people were killed.", "Health Ministry",
             qty=((164, "164", "death"),)),
    _article("a4", "2031-01-12", "Valdoria Today", "The number of people killed has risen to 225.", "Health Ministry",
             qty=((225, "225", "death"),)),
]


@pytest.fixture
def filled(store_url):
    settings = resolve_settings({"db": store_url, "progress": False}, env={})
    with open_store(store_url) as store:
        store.add_results(CORPUS)
        yield store, settings


def test_detect_list_review_and_rerun(filled):
    store, settings = filled
    summary = detect_flags(store, settings)
    assert summary["by_type"] == {"number_drift": 1, "reversal": 1}
    flags = store.flags()
    assert {f["type"] for f in flags} == {"number_drift", "reversal"}
    rev = store.flags(type="reversal")[0]
    a, b = rev["evidence"]
    assert (a["article_id"], b["article_id"]) == ("ext-a1", "ext-a2")
    assert a["outlet"] == "Valdoria Today" and a["date"] == "2031-01-07" and a["speaker"] == "Zhaksylov"
    body = store.article("a1")["text"]
    assert body[a["start"] : a["end"]] == a["text"] == "The contingent will stay as long as necessary."

    reviewed = store.set_verdict(rev["id"][:8], "dismiss", note="a change of plan, announced openly")
    assert reviewed["verdict"]["verdict"] == "dismissed"

    detect_flags(store, settings)  # re-analysis replaces flags; the verdict stays with the same id
    again = store.flag(rev["id"])
    assert again["verdict"]["verdict"] == "dismissed" and again["verdict"]["note"].startswith("a change")
    assert store.counts()["flags"] == 2
    assert [f["id"] for f in store.flags(verdict="dismissed")] == [rev["id"]]
    assert len(store.flags(verdict="open")) == 1
    assert [f["type"] for f in store.flags(speaker="zhaksylov")] == ["reversal"]


def test_timeline_marks_flagged_statements(filled):
    store, settings = filled
    detect_flags(store, settings)
    statements = store.speaker_statements("Zhaksylov")
    days = timeline(statements, {s["id"]: s["flags"] for s in statements})
    assert [d["date"] for d in days] == ["2031-01-07", "2031-01-11"]
    assert all(d["statements"][0]["flags"] for d in days)


def test_unknown_flag_and_verdict(filled):
    store, settings = filled
    detect_flags(store, settings)
    with pytest.raises(NotFoundError):
        store.set_verdict("ffffffffffff", "confirm")
    with pytest.raises(StoreError):
        store.set_verdict(store.flags()[0]["id"], "maybe")


def test_filtered_counts_and_pages_in_sql(filled):
    """count_flags / count_statements / speaker_mentions agree with the lists they count."""
    store, settings = filled
    detect_flags(store, settings)
    for kw in ({}, {"type": "reversal"}, {"speaker": "zhaksylov"}, {"outlet": "northern wire"},
               {"since": "2031-01-12"}, {"until": "2031-01-08"}, {"verdict": "open"}, {"type": "nothing"},
               {"mention": "ZHAKSYLOV"}):
        assert store.count_flags(**kw) == len(store.flags(**kw)), kw
    assert store.count_flags(since="2031-01-12") == 1 and store.count_flags(outlet="northern wire") == 1
    assert [f["type"] for f in store.flags(mention="zhaksylov")] == ["reversal"]
    newest = store.flags(newest=True)
    assert [f["type"] for f in newest] == ["number_drift", "reversal"]  # latest evidence 01-12, then 01-11
    for kw in ({}, {"speaker_name": "health"}, {"outlet": "VALDORIA TODAY"}, {"since": "2031-01-09", "until": "2031-01-11"},
               {"mention": "zhaksylov"}):
        assert store.count_statements(**kw) == len(list(store.iter_statements(**kw))), kw
    assert store.count_statements(outlet="valdoria today") == 3
    mentions = store.speaker_mentions()
    assert [(m["name"], m["statements"]) for m in mentions] == [("Health Ministry", 2), ("Zhaksylov", 2)]
    assert mentions[0]["meta"] == {"first": "2031-01-09", "last": "2031-01-12"} and mentions[0]["id"].startswith("m-")
    assert store.count_speaker_mentions() == 2 and store.count_speaker_mentions(q="zhak") == 1
    assert [m["name"] for m in store.speaker_mentions(limit=1, offset=1)] == ["Zhaksylov"]
