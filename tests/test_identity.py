"""Identity: content-hash ids make re-ingest idempotent; near-duplicates (wire copies) are clustered."""

from __future__ import annotations

import json

from onrecord.ingest.identity import article_id, cluster_fingerprints, fingerprint
from onrecord.pipeline import ingest

WIRE = (
    "Kazakhstan's president said on Tuesday that the collective peacekeeping force would begin to withdraw in two days "
    "and that the withdrawal would take no more than ten days. He told parliament the mission had been completed "
    "successfully and thanked the leaders of the alliance for their quick response. Officials said 164 people had "
    "been killed in the unrest, including children, and that more than 9,900 people had been detained across the "
    "country. The president also named a new prime minister and promised a reform of the security services. "
)
OTHER = (
    "The central bank raised its key rate by a full percentage point on Friday, citing inflation that has run above "
    "target for eleven months. Analysts had expected a smaller move. The bank said further increases were possible "
    "if food prices kept rising, and that the currency had stabilised after a volatile week on the exchange. "
)


def _jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return str(path)


def test_article_id_is_a_content_hash():
    assert article_id("Some  text\n", url="u", outlet="O") == article_id("Some text", url="u", outlet="o")
    assert article_id("Some text", url="u") != article_id("Some text!", url="u")
    assert article_id("Some text", outlet="A") != article_id("Some text", outlet="B")  # each copy is its own article


def test_reingest_is_idempotent(store, settings, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Alpha\n\n" + WIRE, "utf-8")
    (folder / "b.txt").write_text("Beta\n\n" + OTHER, "utf-8")
    src = _jsonl(tmp_path / "c.jsonl", [{"id": "j1", "title": "J", "text": OTHER + " And one more line."}])
    first = ingest([str(folder), src], store, settings, extract=False)
    assert (first.ingested, first.duplicates) == (3, 0)
    snapshot = store.articles()
    second = ingest([str(folder), src], store, settings, extract=False)
    assert (second.ingested, second.duplicates, second.seen) == (0, 3, 3)
    assert store.articles() == snapshot
    assert store.count_articles() == 3


def test_same_text_twice_in_one_run_is_one_article(store, settings, tmp_path):
    src = _jsonl(tmp_path / "d.jsonl", [{"id": "1", "text": WIRE}, {"id": "2", "text": WIRE}])
    report = ingest([src], store, settings, extract=False)
    assert (report.ingested, report.duplicates) == (1, 1)


def test_wire_copies_clustered_each_kept_with_its_outlet_and_date(store, settings, tmp_path):
    rows = [
        {"id": "reuters", "outlet": "Reuters", "date": "2022-01-11", "title": "Troops to withdraw", "text": WIRE},
        # reprints with small edits: a different lead word, a dropped clause, a credit line
        {"id": "post", "outlet": "Almaty Post", "date": "2022-01-12", "title": "Peacekeepers to leave",
         "text": WIRE.replace("on Tuesday", "on Tuesday evening") + "(Reuters)"},
        {"id": "daily", "outlet": "Steppe Daily", "date": "2022-01-13", "title": "Withdrawal in two days",
         "text": WIRE.replace(", including children,", "")},
        {"id": "bank", "outlet": "Almaty Post", "date": "2022-01-12", "title": "Rate rise", "text": OTHER},
    ]
    ingest([_jsonl(tmp_path / "w.jsonl", rows)], store, settings, extract=False)
    arts = {x: store.article(x) for x in ("reuters", "post", "daily", "bank")}
    cluster = arts["reuters"]["cluster_id"]
    assert cluster and arts["post"]["cluster_id"] == cluster and arts["daily"]["cluster_id"] == cluster
    assert arts["bank"]["cluster_id"] is None and arts["bank"]["duplicates"] == []
    assert {(a["outlet"], a["published"]) for a in (arts["reuters"], arts["post"], arts["daily"])} == {
        ("Reuters", "2022-01-11"), ("Almaty Post", "2022-01-12"), ("Steppe Daily", "2022-01-13")}
    dups = arts["reuters"]["duplicates"]
    assert sorted(d["outlet"] for d in dups) == ["Almaty Post", "Steppe Daily"]
    assert [d["published"] for d in dups] == ["2022-01-12", "2022-01-13"]  # ordered by date


def test_clusters_grow_across_runs(store, settings, tmp_path):
    ingest([_jsonl(tmp_path / "1.jsonl", [{"id": "a", "outlet": "A", "text": WIRE}])], store, settings, extract=False)
    assert store.article("a")["cluster_id"] is None
    ingest([_jsonl(tmp_path / "2.jsonl", [{"id": "b", "outlet": "B", "text": WIRE + " Extra."}])], store, settings, extract=False)
    assert store.article("a")["cluster_id"] == store.article("b")["cluster_id"] is not None


def test_different_articles_not_clustered():
    texts = {
        "w": WIRE,
        "o": OTHER,
        "w2": WIRE.replace("164", "225").replace("9,900", "12,000") + " " + OTHER,  # shares half: below 0.8
    }
    items = [(k, ",".join(map(str, fingerprint(t)))) for k, t in texts.items()]
    assert cluster_fingerprints(items, threshold=0.8) == {}
    assert cluster_fingerprints([(k, s) for k, s in items] + [("w-copy", items[0][1])], 0.8) == {"w": "w", "w-copy": "w"}


def test_fingerprint_ignores_case_and_spacing():
    assert fingerprint("The Minister  SAID\nthis today") == fingerprint("the minister said this today")
