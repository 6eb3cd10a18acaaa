"""Metadata candidates keep their origin; the chosen one records the rule that picked it."""

from __future__ import annotations

import json

from onrecord.ingest.metadata import choose, normalise_date, text_candidates
from onrecord.ingest.raw import RawDoc
from onrecord.pipeline import ingest


def cands(candidates, field):
    return [(c.value, c.origin, c.chosen) for c in candidates if c.field == field]


def rule_of(candidates, field):
    (c,) = [c for c in candidates if c.field == field and c.chosen]
    return c.rule


def test_jsonl_outranks_html_and_text():
    raw = RawDoc("x", text="By Text Byline\n\nBody of the story goes here.")
    raw.add("author", ["Jay Son"], "jsonl:author")
    raw.add("author", ["Html Person"], "html:trafilatura-author")
    raw.add("date", "2022-01-05", "jsonl:date")
    raw.add("date", "2022-01-04", "html:trafilatura-date(htmldate)")
    text_candidates(raw)
    chosen, out = choose(raw)
    assert chosen["authors"] == ("Jay Son",)
    assert chosen["published"] == "2022-01-05"
    assert cands(out, "author") == [
        ("Jay Son", "jsonl:author", True),
        ("Html Person", "html:trafilatura-author", False),
        ("Text Byline", "text:byline", False),
    ]
    assert "jsonl:author" in rule_of(out, "author")
    assert "jsonl:date" in rule_of(out, "date")


def test_html_outranks_text():
    raw = RawDoc("x", text="By Text Byline\n\nBody.")
    raw.add("author", ["Html Person"], "html:trafilatura-author")
    text_candidates(raw)
    chosen, out = choose(raw)
    assert chosen["authors"] == ("Html Person",)
    assert rule_of(out, "author") == "highest-priority origin html:trafilatura-author"


def test_text_byline_footer_dateline():
    text = (
        "Troops to stay\n"
        "By Ann Lee and Bo Kim\n"
        "ALMATY, Jan 11, 2022 (Reuters) - Troops will stay, the minister said.\n"
        "More text follows here.\n"
        "Cy Dorn\n"
        "aze.media\n"
    )
    raw = RawDoc("x", text=text)
    text_candidates(raw)
    chosen, out = choose(raw)
    assert chosen["authors"] == ("Ann Lee", "Bo Kim")  # the byline outranks the footer signature
    assert ("Cy Dorn", "text:footer-signature", False) in cands(out, "author")
    assert chosen["published"] == "2022-01-11"
    assert cands(out, "date") == [("Jan 11, 2022", "text:dateline", True)]
    assert chosen["outlet"] == "aze.media"  # the footer outlet outranks the dateline agency
    assert ("Reuters", "text:dateline-agency", False) in cands(out, "outlet")
    assert chosen["title"] == "Troops to stay"


def test_dateline_without_year_takes_another_candidates_year():
    raw = RawDoc("x", text="MOSCOW, Jan 11 (AP) - The Kremlin said so.\nMore.")
    raw.add("date", "Tue, 11 Jan 2022 08:00:00 GMT", "warc:crawl-date")
    text_candidates(raw)
    chosen, out = choose(raw)
    assert chosen["published"] == "2022-01-11"
    assert "text:dateline" in rule_of(out, "date")


def test_crawl_date_is_last_resort():
    raw = RawDoc("x", text="Body.")
    raw.add("date", "2026-01-02T00:00:00Z", "warc:crawl-date")
    raw.add("date", "Mon, 03 Jan 2022 10:00:00 GMT", "http:last-modified")
    raw.add("date", "2022-01-01", "html:trafilatura-date(htmldate)")
    chosen, out = choose(raw)
    assert chosen["published"] == "2022-01-01"


def test_future_date_rejected_with_reason_kept():
    raw = RawDoc("x", text="Body.")
    raw.add("date", "2999-01-01", "jsonl:date")
    raw.add("date", "not a date at all", "feed:published")
    raw.add("date", "1850-06-01", "html:trafilatura-date(htmldate)")
    raw.add("date", "2022-01-07", "http:last-modified")
    chosen, out = choose(raw)
    assert chosen["published"] == "2022-01-07"
    by_value = {c.value: c for c in out if c.field == "date"}
    assert by_value["2999-01-01"].rule == "rejected: in the future" and not by_value["2999-01-01"].chosen
    assert by_value["not a date at all"].rule == "rejected: unparseable"
    assert by_value["1850-06-01"].rule == "rejected: before 1900"
    rule = by_value["2022-01-07"].rule
    assert rule.startswith("first plausible by priority (http:last-modified)")
    assert "'2999-01-01' (in the future)" in rule


def test_no_plausible_date_leaves_published_empty():
    raw = RawDoc("x", text="Body.")
    raw.add("date", "2999-01-01", "jsonl:date")
    chosen, out = choose(raw)
    assert "published" not in chosen
    assert [c.rule for c in out] == ["rejected: in the future"]


def test_normalise_date():
    assert normalise_date("2022-01-05T10:00:00Z") == "2022-01-05"
    assert normalise_date("Tue, 11 Jan 2022 08:00:00 GMT") == "2022-01-11"
    assert normalise_date("6 января 2022") == "2022-01-06"
    assert normalise_date("gibberish") is None


def test_candidates_are_stored_and_shown(store, settings, tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({
        "id": "m1", "title": "Json title", "author": "Jay Son", "date": "2999-01-01", "date_publish": "2022-01-05",
        "text": "Json title\nBy Text Byline\nThe story text is here and it goes on for a while.",
    }) + "\n", "utf-8")
    ingest([str(p)], store, settings, extract=False)
    art = store.article("m1")
    assert art["published"] == "2022-01-05"  # every JSONL date field is a candidate
    rows = {(c["field"], c["value"]): c for c in art["candidates"]}
    assert rows[("author", "Jay Son")]["chosen"] and rows[("author", "Jay Son")]["origin"] == "jsonl:author"
    assert not rows[("author", "Text Byline")]["chosen"]
    assert rows[("date", "2999-01-01")]["rule"] == "rejected: in the future"
    titles = [(c["value"], c["origin"], c["chosen"]) for c in art["candidates"] if c["field"] == "title"]
    assert titles == [("Json title", "jsonl:title", True), ("Json title", "text:first-line", False)]
