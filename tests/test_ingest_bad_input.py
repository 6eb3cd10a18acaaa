"""Bad input: each case is skipped with a recorded reason, never a crash, and what is stored stays intact."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.pipeline import ingest

GOOD = (
    "Harbour strike ends\n\n"
    "Dock workers in Port Ilse returned to work on Friday after the port authority agreed to review overtime pay.\n"
    "The strike had halted shipping for nine days, the authority said.\n"
)


@pytest.fixture
def seeded(store, settings, tmp_path):
    """A store holding one good article; returns a checker asserting it is still there, unchanged."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    assert ingest([str(good)], store, settings, extract=False).ingested == 1
    before = store.articles()
    full = store.article(before[0]["id"])

    def intact() -> None:
        rows = [r for r in store.articles(limit=1000) if r["id"] == full["id"]]
        assert rows == before, "the previously stored article changed"
        again = store.article(full["id"])
        assert again["text"] == full["text"] and again["candidates"] == full["candidates"]
        assert again["provenance"] == full["provenance"]

    return intact


def skip_reasons(store) -> list[str]:
    return [s["reason"] for s in reversed(store.skips())]


def run(paths, store, settings, **kw):
    return ingest([str(p) for p in paths], store, settings, extract=False, **kw)


def test_binary_file(store, settings, tmp_path, seeded):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    report = run([p], store, settings)
    assert dict(report.skipped) == {"binary": 1} and report.ingested == 0
    assert store.skips()[0]["source_ref"] == str(p)
    seeded()


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", "\ufeff".encode("utf-8")])
def test_empty_file(store, settings, tmp_path, seeded, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    report = run([p], store, settings)
    assert dict(report.skipped) == {"empty": 1}
    seeded()


def test_empty_folder(store, settings, tmp_path, seeded):
    (tmp_path / "nothing").mkdir()
    assert dict(run([tmp_path / "nothing"], store, settings).skipped) == {"empty": 1}
    seeded()


def test_missing_path(store, settings, tmp_path, seeded):
    assert dict(run([tmp_path / "nope.txt"], store, settings).skipped) == {"not_found": 1}
    seeded()


@pytest.mark.parametrize(
    "text,encoding",
    [
        ("Министр обороны заявил журналистам, что войска покинут страну в течение десяти дней.\n"
         "«Это окончательное решение», — сказал он. Ёлки-палки.\n", "cp1251"),
        ("Министр обороны заявил журналистам, что войска покинут страну.\n", "koi8_r"),
        ("Le ministre a déclaré à la presse que la situation était « très préoccupante » à São Paulo.\n"
         "Der Bürgermeister sagte, die Straße bleibt gesperrt. Naïve café.\n", "latin-1"),
        ("Ça été.\n", "cp1252"),
    ],
)
def test_legacy_encodings_decode_correctly(store, settings, tmp_path, seeded, text, encoding):
    """Detect, don't garble: the stored text is exactly the original."""
    p = tmp_path / f"legacy-{encoding}.txt"
    p.write_bytes(text.encode(encoding))
    report = run([p], store, settings)
    assert report.ingested == 1, report.skipped
    (row,) = [r for r in store.articles() if store.article(r["id"])["source_ref"] == str(p)]
    assert store.article(row["id"])["text"] == text
    seeded()


def test_html_in_cp1251_with_meta_charset(store, settings, tmp_path, seeded):
    body = "<p>" + "Министр обороны заявил журналистам, что войска покинут страну в течение десяти дней. " * 3 + "</p>"
    html = f'<html><head><meta charset="windows-1251"><title>Вывод войск</title></head><body><article>{body}</article></body></html>'
    p = tmp_path / "ru.html"
    p.write_bytes(html.encode("cp1251"))
    assert run([p], store, settings).ingested == 1
    art = next(store.article(r["id"]) for r in store.articles() if r["title"] == "Вывод войск")
    assert "Министр обороны" in art["text"] and art["language"] == "ru"
    seeded()


def test_undecodable_junk(store, settings, tmp_path, seeded):
    rnd = random.Random(7)
    p = tmp_path / "junk.txt"
    p.write_bytes(bytes(rnd.randrange(0x80, 0x100) for _ in range(4000)))
    q = tmp_path / "junk2.txt"
    q.write_bytes(bytes(rnd.randrange(0, 0x100) for _ in range(4000)))
    report = run([p, q], store, settings)
    assert report.ingested == 0
    assert sum(report.skipped.values()) == 2 and set(report.skipped) <= {"encoding", "binary"}
    assert report.skipped["encoding"] >= 1  # the high-byte junk has no NULs: it is an encoding failure
    seeded()


def test_huge_file_over_cap(store, settings, tmp_path, seeded):
    small = settings.replace(max_bytes=2_000)
    p = tmp_path / "huge.txt"
    p.write_text("The ministry said the talks would continue. " * 100, "utf-8")
    report = run([p], store, small)
    assert dict(report.skipped) == {"too_large": 1}
    assert "max_bytes" in store.skips()[0]["detail"]
    seeded()


def test_text_over_char_cap(store, settings, tmp_path, seeded):
    p = tmp_path / "long.txt"
    p.write_text("word " * 1000, "utf-8")
    assert dict(run([p], store, settings.replace(max_chars=500)).skipped) == {"too_large": 1}
    seeded()


def test_malformed_html(store, settings, tmp_path, seeded):
    no_markup = tmp_path / "no-markup.html"
    no_markup.write_text("just words in a file named .html, no tags at all", "utf-8")
    scripts_only = tmp_path / "scripts.html"
    scripts_only.write_text("<html><head><title>t</title></head><body><script>var a = 1;</script></body></html>", "utf-8")
    nested = tmp_path / "nested.html"
    nested.write_text("<div>" * 50_000, "utf-8")
    report = run([no_markup, scripts_only, nested], store, settings)
    assert report.ingested == 0
    assert skip_reasons(store) == ["malformed_html", "no_text", "no_text"]
    seeded()


def test_broken_but_recoverable_html_is_ingested(store, settings, tmp_path, seeded):
    p = tmp_path / "unclosed.html"
    p.write_text(
        "<html><body><p>The minister said on Monday that the curfew would be lifted soon, and that forty people"
        " remain in custody.<div><p>Officials refused to confirm the figures given by the opposition<table><tr><td>x",
        "utf-8",
    )
    assert run([p], store, settings).ingested == 1
    seeded()


def test_broken_jsonl_lines(store, settings, tmp_path, seeded):
    lines = [
        json.dumps({"id": "ok1", "title": "First", "text": "The first good line of the corpus says something."}),
        '{"id": "bad", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "notext", "title": "No text here"}),
        "",
        json.dumps({"id": "ok2", "title": "Second", "maintext": "The second good line is stored too, after the bad ones."}),
        "not json at all",
    ]
    p = tmp_path / "corpus.jsonl"
    p.write_text("\n".join(lines) + "\n", "utf-8")
    report = run([p], store, settings)
    assert report.ingested == 2
    assert dict(report.skipped) == {"bad_jsonl": 3, "missing_text": 1}
    refs = {s["source_ref"]: s["reason"] for s in store.skips()}
    assert refs == {f"{p}:2": "bad_jsonl", f"{p}:3": "bad_jsonl", f"{p}:4": "missing_text", f"{p}:7": "bad_jsonl"}
    assert store.article("ok1")["title"] == "First" and store.article("ok2")["title"] == "Second"
    seeded()


def test_jsonl_with_a_non_utf8_line(store, settings, tmp_path, seeded):
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(
        json.dumps({"id": "u1", "text": "A good first line of text."}).encode() + b"\n"
        + b'{"id": "l1", "text": "caf\xe9 latin-1 bytes"}\n'
        + json.dumps({"id": "u2", "text": "A good line after the broken one."}).encode() + b"\n"
    )
    report = run([p], store, settings)
    assert report.skipped["encoding"] == 1
    assert report.ingested == 2, "the lines after a non-UTF-8 line still go in"
    seeded()


def test_unreachable_url(store, settings, seeded, closed_port):
    report = ingest([f"http://127.0.0.1:{closed_port}/story"], store, settings, extract=False)
    assert dict(report.skipped) == {"unreachable": 1}
    seeded()


def test_bad_url_scheme(store, settings, seeded):
    report = ingest(["ftp://127.0.0.1/story"], store, settings, extract=False)
    assert dict(report.skipped) == {"not_found": 1}
    seeded()


def test_redirect_loop(store, settings, seeded, http_server):
    http_server.serve({"/a": (302, "", "/b"), "/b": (302, "", "/a")})
    report = ingest([http_server.url("/a")], store, settings, extract=False)
    assert dict(report.skipped) == {"too_many_redirects": 1}
    assert http_server.hits["/a"] + http_server.hits["/b"] == settings.fetch_max_redirects + 1
    seeded()


@pytest.mark.parametrize("status", [404, 500])
def test_http_error_status(store, settings, seeded, http_server, status):
    http_server.serve({"/x": (status, "text/html", "<html><body><p>error page</p></body></html>")})
    report = ingest([http_server.url("/x")], store, settings, extract=False)
    assert dict(report.skipped) == {"http_status": 1}
    assert str(status) in store.skips()[0]["detail"]
    seeded()


def test_url_body_over_cap(store, settings, seeded, http_server):
    http_server.serve({"/big": (200, "text/plain", "x " * 5000)})
    report = ingest([http_server.url("/big")], store, settings.replace(fetch_max_bytes=1000), extract=False)
    assert dict(report.skipped) == {"too_large": 1}
    seeded()


def test_url_not_a_document(store, settings, seeded, http_server):
    http_server.serve({"/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100))})
    report = ingest([http_server.url("/logo.png")], store, settings, extract=False)
    assert dict(report.skipped) == {"binary": 1}
    seeded()


def test_feed_with_unreachable_links_and_no_content(store, settings, seeded, http_server, closed_port):
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        f"<item><title>Lost</title><link>http://127.0.0.1:{closed_port}/gone</link></item>"
        "</channel></rss>"
    )
    http_server.serve({"/f.rss": (200, "application/rss+xml", feed)})
    report = ingest([http_server.url("/f.rss")], store, settings, extract=False)
    assert dict(report.skipped) == {"missing_text": 1}
    seeded()


def _warc(path: Path, records) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for uri, ctype, status, body in records:
            http = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))


def test_warc_records_that_are_not_html(store, settings, tmp_path, seeded):
    p = tmp_path / "x.warc.gz"
    _warc(p, [
        ("https://a.example/app.js", "application/javascript", 200, b"var x = 1;"),
        ("https://a.example/feed.json", "application/json", 200, b"{}"),
        ("https://a.example/missing", "text/html", 404, b"<html><body>not found</body></html>"),
        ("https://a.example/empty", "text/html", 200, b""),
    ])
    report = run([p], store, settings)
    assert report.ingested == 0
    assert skip_reasons(store) == ["not_html", "not_html", "http_status", "empty"]
    seeded()


@pytest.mark.parametrize("cut", [40, 150])  # inside the last record's body; inside its headers
def test_truncated_warc(store, settings, tmp_path, seeded, cut):
    p = tmp_path / "cut.warc.gz"
    body = ("<html><body><article><p>" + "The talks went on late into the night. " * 20 + "</p></article></body></html>").encode()
    _warc(p, [("https://a.example/1", "text/html", 200, body), ("https://a.example/2", "text/html", 200, body + b" ")])
    data = p.read_bytes()
    p.write_bytes(data[: len(data) - cut])
    report = run([p], store, settings)
    assert report.ingested == 1, "the complete first record is still ingested"
    assert dict(report.skipped) == {"bad_warc": 1}
    seeded()


def test_not_a_warc_at_all(store, settings, tmp_path, seeded):
    p = tmp_path / "fake.warc.gz"
    p.write_bytes(b"this is not gzip and not a warc")
    assert dict(run([p], store, settings).skipped) == {"bad_warc": 1}
    seeded()


# -- exit code -----------------------------------------------------------------------------------
def _mixed_inputs(tmp_path: Path, good: int, bad: int) -> list[str]:
    """``good`` distinct small stories (distinct per folder too) and ``bad`` empty files."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(good):
        p = tmp_path / f"good{i}.txt"
        p.write_text(f"Story {i}\n\nThe council of {tmp_path.name} met on day {i} and agreed on measure {i * 7}.\n", "utf-8")
        paths.append(str(p))
    for i in range(bad):
        p = tmp_path / f"bad{i}.txt"
        p.write_bytes(b"")
        paths.append(str(p))
    return paths


def test_cli_exit_code_follows_error_ratio(tmp_path, monkeypatch):
    from onrecord.present.cli.app import main

    monkeypatch.chdir(tmp_path)  # no stray onrecord.toml
    monkeypatch.delenv("ONRECORD_ERROR_RATIO", raising=False)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    mostly_good = _mixed_inputs(tmp_path / "a", 3, 1)
    assert main(["ingest", *mostly_good, "--db", db, "--no-extract"]) == 0
    mostly_bad = _mixed_inputs(tmp_path / "b", 1, 3)
    assert main(["ingest", *mostly_bad, "--db", db, "--no-extract"]) == 1
    assert main(["ingest", *mostly_bad, "--db", db, "--no-extract", "--error-ratio", "0.9"]) == 0
    # nothing was lost along the way: 3 + 1 stories, 1 + 3 + 3 empty skips
    from onrecord.store import open_store

    with open_store(db) as st:
        assert st.count_articles() == 4
        assert len(st.skips()) == 7


def test_cli_exit_code_in_a_subprocess(tmp_path):
    paths = _mixed_inputs(tmp_path / "in", 1, 2)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONRECORD_")}
    exe = Path(sys.executable).parent / "onrecord"  # the installed console script
    cmd = [str(exe), "ingest", *paths, "--db", str(tmp_path / "s.db"), "--no-extract"]
    proc = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "skipped (empty): 2" in proc.stdout
    assert "see `onrecord skips`" in proc.stderr
