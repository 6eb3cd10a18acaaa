"""Every input kind onrecord ingests, on real files, a real loopback HTTP server and a real store."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from onrecord.pipeline import ingest

PARAS = [
    "The interior ministry of Veldoria said on Tuesday that {n} people had been detained after the protests in the capital.",
    "Officials described the situation in the northern provinces as calm but tense, and the curfew remains in force.",
    "Opposition leaders rejected the figures and called for an independent inquiry into the events of the past week.",
    "Foreign diplomats urged restraint from all sides and asked for access to those held in custody since the weekend.",
]


def article_html(title: str, n: int = 40, *, author: str = "Mara Quill", date: str = "2022-01-11", site: str = "Veldoria Post") -> str:
    body = "\n".join(f"<p>{p.format(n=n)}</p>" for p in PARAS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T10:00:00Z">
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>{title}</h1>{body}</article>
<footer>Copyright {site}</footer></body></html>"""


def plain_text(n: int = 40) -> str:
    return "\n".join(p.format(n=n) for p in PARAS) + "\n"


def stored(store) -> list[dict]:
    return [store.article(r["id"]) for r in store.articles(limit=1000)]


def chosen(art: dict, field: str) -> list[str]:
    return [c["value"] for c in art["candidates"] if c["field"] == field and c["chosen"]]


# -- files -------------------------------------------------------------------------------------
def test_seed_column(store, settings, seed_dir):
    report = ingest([str(seed_dir / "000_6d266ee20fb987ae.txt")], store, settings, extract=False)
    assert report.ingested == 1 and not report.skipped
    (art,) = stored(store)
    assert art["authors"] == ["Dmitriy Roy"]
    assert art["outlet"] == "Aze.Media"
    rels = {(p["relation"], p["target"]) for p in art["provenance"]}
    assert ("translated_from", "Haqqin.az") in rels
    # the text ends with the signature block and is kept whole
    assert art["text"].rstrip().endswith("Aze.Media")
    assert "20,000 terrorists" in art["text"]
    assert art["language"] == "en"
    assert {c["origin"] for c in art["candidates"] if c["field"] == "author"} == {"text:footer-signature"}


def test_txt_file(store, settings, tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("Curfew extended in Veldoria\n\nBy Mara Quill\n\n" + plain_text(), "utf-8")
    report = ingest([str(p)], store, settings, extract=False)
    assert report.ingested == 1
    (art,) = stored(store)
    assert art["title"] == "Curfew extended in Veldoria"
    assert art["authors"] == ["Mara Quill"]
    assert art["source_ref"] == str(p)


def test_html_file(store, settings, tmp_path):
    p = tmp_path / "page.html"
    p.write_text(article_html("Ministry counts the detained"), "utf-8")
    report = ingest([str(p)], store, settings, extract=False)
    assert report.ingested == 1, report.skipped
    (art,) = stored(store)
    assert art["title"] == "Ministry counts the detained"
    assert art["authors"] == ["Mara Quill"]
    assert art["published"] == "2022-01-11"
    assert art["outlet"] == "Veldoria Post"
    assert "40 people had been detained" in art["text"]
    assert "Home" not in art["text"].split()  # navigation is not main text


def test_markdown_file(store, settings, tmp_path):
    p = tmp_path / "post.md"
    p.write_text("# Talks resume in **Ostrava**\n\n" + "\n\n".join(x.format(n=3) for x in PARAS)
                 + "\n\nSee [the statement](http://example.org/s).\n", "utf-8")
    report = ingest([str(p)], store, settings, extract=False)
    assert report.ingested == 1
    (art,) = stored(store)
    assert art["title"] == "Talks resume in **Ostrava**" or art["title"] == "Talks resume in Ostrava"
    assert "**" not in art["text"] and "](" not in art["text"]
    assert "See the statement." in art["text"]


def test_folder_recursive_ignores_hidden(store, settings, tmp_path):
    root = tmp_path / "corpus"
    (root / "a" / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "one.txt").write_text(plain_text(1), "utf-8")
    (root / "a" / "two.md").write_text("# Two\n\n" + plain_text(2), "utf-8")
    (root / "a" / "b" / "three.html").write_text(article_html("Three", 3), "utf-8")
    (root / ".hidden.txt").write_text(plain_text(4), "utf-8")
    (root / ".git" / "config.txt").write_text(plain_text(5), "utf-8")
    report = ingest([str(root)], store, settings, extract=False)
    assert report.seen == 3 and report.ingested == 3, report
    refs = sorted(Path(a["source_ref"]).name for a in stored(store))
    assert refs == ["one.txt", "three.html", "two.md"]


# -- URLs and feeds ----------------------------------------------------------------------------
def test_article_url(store, settings, http_server):
    http_server.serve({"/news/1": (200, "text/html; charset=utf-8", article_html("Bridge reopened", 7))})
    url = http_server.url("/news/1")
    report = ingest([url], store, settings, extract=False)
    assert report.ingested == 1, report.skipped
    (art,) = stored(store)
    assert art["url"] == url
    assert art["title"] == "Bridge reopened"
    assert art["source_ref"] == url
    assert "7 people" in art["text"]


def test_url_redirect_followed(store, settings, http_server):
    http_server.serve({
        "/old": (301, "", "/new"),
        "/new": (200, "text/html", article_html("Moved page", 8)),
    })
    report = ingest([http_server.url("/old")], store, settings, extract=False)
    assert report.ingested == 1
    (art,) = stored(store)
    assert art["url"] == http_server.url("/new")


def _rss(base: str, n: int) -> str:
    items = "".join(
        f"<item><title>Entry {i}</title><link>{base}/e/{i}</link><author>desk@veldoria.example (Ira Fenn)</author>"
        f"<pubDate>Tue, {10 + i:02d} Jan 2022 08:00:00 GMT</pubDate><description>Short summary {i}.</description></item>"
        for i in range(1, n + 1)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Veldoria Wire</title><link>{base}</link>{items}</channel></rss>'


def _atom(base: str, n: int) -> str:
    entries = "".join(
        f'<entry><title>Atom {i}</title><link href="{base}/a/{i}"/><id>urn:a:{i}</id>'
        f"<updated>2022-01-{10 + i:02d}T08:00:00Z</updated><author><name>Olek Brand</name></author></entry>"
        for i in range(1, n + 1)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ostrava Atom</title>{entries}</feed>'


def test_rss_feed_url(store, settings, http_server):
    base = http_server.base
    http_server.serve({"/feed.rss": (200, "application/rss+xml", _rss(base, 3))})
    http_server.serve({f"/e/{i}": (200, "text/html", article_html(f"Page {i}", 10 + i, author="", date="")) for i in (1, 2, 3)})
    report = ingest([http_server.url("/feed.rss")], store, settings, extract=False)
    assert report.ingested == 3, report.skipped
    arts = sorted(stored(store), key=lambda a: a["url"])
    for i, art in enumerate(arts, 1):
        assert art["url"] == f"{base}/e/{i}"
        assert art["title"] == f"Entry {i}"  # the feed's title outranks the page's
        assert art["outlet"] == "Veldoria Wire"
        assert art["authors"] == ["Ira Fenn"]  # from RSS's "email (Name)"
        assert art["published"] == f"2022-01-{10 + i:02d}"
        assert f"{10 + i} people" in art["text"]  # the linked page's full text, not the summary
        assert art["source_ref"].startswith(http_server.url("/feed.rss") + f"#entry{i}")


def test_atom_feed_url(store, settings, http_server):
    base = http_server.base
    http_server.serve({"/atom.xml": (200, "application/atom+xml", _atom(base, 2))})
    http_server.serve({f"/a/{i}": (200, "text/html", article_html(f"Page {i}", 20 + i)) for i in (1, 2)})
    report = ingest([http_server.url("/atom.xml")], store, settings, extract=False)
    assert report.ingested == 2, report.skipped
    arts = sorted(stored(store), key=lambda a: a["url"])
    assert [a["title"] for a in arts] == ["Atom 1", "Atom 2"]
    assert all(a["authors"] == ["Olek Brand"] and a["outlet"] == "Ostrava Atom" for a in arts)


def test_feed_entry_falls_back_to_summary(store, settings, http_server):
    """An entry whose link is dead is stored from the feed's own content when it has some."""
    base = http_server.base
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Gone</title><link>{base}/dead</link><description>{plain_text(9)}</description></item>"
        "</channel></rss>"
    )
    http_server.serve({"/f.xml": (200, "application/xml", feed)})
    report = ingest([http_server.url("/f.xml")], store, settings, extract=False)
    assert report.ingested == 1, report.skipped
    (art,) = stored(store)
    assert "9 people" in art["text"]


# -- JSONL ---------------------------------------------------------------------------------------
def test_jsonl_field_names(store, settings, tmp_path):
    rows = [
        {"id": "r1", "url": "https://post.example/1", "title": "One", "author": "Ann Lee and Bo Kim", "outlet": "Post",
         "date": "2022-01-05", "lang": "en", "text": plain_text(1)},
        {"id": "r2", "url": "https://wire.example/2", "title": "Two", "authors": ["Cy Dorn"], "source_domain": "wire.example",
         "date_publish": "2022-01-06 09:30:00", "language": "en", "maintext": plain_text(2)},
        {"id": 3, "title": "Три", "authors": "Иван Петров", "outlet": "Вести", "date": "6 января 2022",
         "lang": "ru", "text": "Министр заявил, что ситуация в столице остаётся стабильной. " * 5},
    ]
    p = tmp_path / "corpus.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    report = ingest([str(p)], store, settings, extract=False)
    assert report.ingested == 3, report.skipped
    a1, a2, a3 = (store.article(x) for x in ("r1", "r2", "3"))
    assert (a1["authors"], a1["outlet"], a1["published"], a1["url"]) == (["Ann Lee", "Bo Kim"], "Post", "2022-01-05", "https://post.example/1")
    assert (a2["authors"], a2["outlet"], a2["published"], a2["language"]) == (["Cy Dorn"], "wire.example", "2022-01-06", "en")
    assert (a3["authors"], a3["outlet"], a3["published"], a3["language"]) == (["Иван Петров"], "Вести", "2022-01-06", "ru")
    assert a1["source_ref"] == f"{p}:1" and a3["external_id"] == "3"
    assert any(c["origin"] == "jsonl:date_publish" and c["chosen"] for c in a2["candidates"])


def test_jsonl_gz(store, settings, tmp_path):
    import gzip

    p = tmp_path / "c.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "title": "Gz", "text": plain_text(5)}) + "\n")
    assert ingest([str(p)], store, settings, extract=False).ingested == 1


# -- WARC ----------------------------------------------------------------------------------------
def write_warc(path: Path, records: list[tuple[str, str, str, int, bytes]]) -> None:
    """records: (kind, uri, content type, status, body); kind is response | request | metadata."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for kind, uri, ctype, status, body in records:
            if kind == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
                rec = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=http)
            elif kind == "response":
                http = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
                rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
            else:
                rec = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), warc_content_type=ctype)
            writer.write_record(rec)


def test_warc(store, settings, tmp_path):
    p = tmp_path / "crawl.warc.gz"
    write_warc(p, [
        ("request", "https://post.example/a", "", 0, b""),
        ("response", "https://post.example/a", "text/html; charset=utf-8", 200, article_html("WARC A", 31).encode()),
        ("response", "https://post.example/logo.png", "image/png", 200, b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("response", "https://wire.example/b", "text/html", 200, article_html("WARC B", 32, site="Wire").encode()),
        ("metadata", "https://post.example/a", "application/json", 0, b'{"x": 1}'),
    ])
    report = ingest([str(p)], store, settings, extract=False)
    assert report.ingested == 2, report.skipped
    assert dict(report.skipped) == {"not_html": 1}  # the request and metadata records are not inputs at all
    arts = sorted(stored(store), key=lambda a: a["url"])
    assert [a["url"] for a in arts] == ["https://post.example/a", "https://wire.example/b"]
    assert arts[0]["title"] == "WARC A" and "31 people" in arts[0]["text"]
    assert arts[0]["source_ref"].startswith(f"{p}#")
    # the page's own date outranks the crawl date, which is kept as a candidate
    assert arts[0]["published"] == "2022-01-11"
    assert any(c["origin"] == "warc:crawl-date" for c in arts[0]["candidates"])
    (skip,) = store.skips()
    assert skip["reason"] == "not_html" and "logo.png" in skip["source_ref"]


def test_plain_warc_uncompressed(store, settings, tmp_path):
    p = tmp_path / "crawl.warc"
    write_warc(p, [("response", "https://post.example/c", "text/html", 200, article_html("Plain", 33).encode())])
    assert ingest([str(p)], store, settings, extract=False).ingested == 1


# -- end to end with extraction ------------------------------------------------------------------
def test_end_to_end_with_extraction(store, settings, tmp_path):
    extract = pytest.importorskip("onrecord.extract", reason="the extractor package is not importable yet")
    if not hasattr(extract, "load_pipeline"):
        pytest.skip("onrecord.extract.load_pipeline is not available yet")
    p = tmp_path / "quote.txt"
    p.write_text(
        'Veldoria talks\n\n"We will not withdraw the troops," Defence Minister Arlen Voss said on Monday.\n'
        "He added that the mission would last about two weeks.\n",
        "utf-8",
    )
    report = ingest([str(p)], store, settings, extract=True)
    assert report.ingested == 1, report
    assert not report.extract_errors, report.extract_errors
    assert report.statements >= 1
