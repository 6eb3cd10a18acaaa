"""The web desk over a real SQLite store, through a real uvicorn server on a loopback port:
every route and its JSON twin, pagination, the error shape, security headers, token + CSRF on writes."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the web extra is not installed")

from onrecord.models import Evidence, Flag, Quantity, Span, Statement  # noqa: E402
from onrecord.pipeline import ingest  # noqa: E402
from onrecord.settings import resolve_settings  # noqa: E402
from onrecord.store import open_store  # noqa: E402

TOKEN = "s3cret-operator-token"
EVIL = "<script>window.__pwned=1</script>"

ARTICLES = [
    {"id": "wx-1", "title": "Minister says 40 died", "outlet": "Daily Planet", "date": "2024-03-01",
     "url": "https://example.com/1", "author": "Jo Reporter",
     "text": "Floods hit the valley. The minister Anna Petrova said that 40 people died in the floods. "
             "According to Reuters, rescue teams were still searching."},
    {"id": "wx-2", "title": "Toll revised", "outlet": "Evening Star", "date": "2024-03-05",
     "url": "https://example.com/2",
     "text": "A week later the count changed. Anna Petrova told reporters that 25 people died in the floods. "
             "Nobody explained the difference."},
    {"id": "evil", "title": EVIL + "Evil headline <img src=x onerror=window.__pwned=1>", "date": "2024-03-03",
     "outlet": "<b onmouseover=window.__pwned=1>Evil Outlet</b>", "url": "javascript:window.__pwned=1",
     "author": "<img src=x onerror=alert(1)>",
     "text": "Mallory Vance said that <img src=x onerror=window.__pwned=1> was harmless. "
             f"{EVIL} <a href=\"javascript:window.__pwned=1\">click me</a> <svg onload=alert(1)></svg> end."},
] + [
    {"id": f"filler-{i}", "title": f"Filler story {i}", "outlet": "Filler Times", "date": f"2024-02-{10 + i:02d}",
     "url": f"https://example.com/f{i}", "text": f"Filler story number {i} about the weather and nothing else at all."}
    for i in range(6)
]

# (article id, speaker mention, cue, content) substrings of the texts above
STATEMENTS = [
    ("wx-1", "Anna Petrova", "said", "40 people died in the floods"),
    ("wx-2", "Anna Petrova", "told reporters", "25 people died in the floods"),
    ("evil", "Mallory Vance", "said", "<img src=x onerror=window.__pwned=1> was harmless"),
]


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def build_store(folder: Path, url: str | None = None) -> tuple[str, dict]:
    """Ingest the articles from JSONL, add known statements and two flags; returns (db url, ids)."""
    src = folder / "articles.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", "utf-8")
    url = url or f"sqlite:///{folder / 'desk.db'}"
    settings = resolve_settings({"db": url, "progress": False}, env={}, config_path=folder / "absent.toml")
    ids: dict = {"articles": {}, "statements": {}}
    with open_store(url) as store:
        report = ingest([str(src)], store, settings, extract=False)
        assert report.ingested == len(ARTICLES)
        for ext, mention, cue, content in STATEMENTS:
            art = store.article(ext)
            text = art["text"]
            body = _span(text, content)
            qty = tuple(
                Quantity(float(m.group()), body.start + m.start(), body.start + m.end(), m.group(), counted="death")
                for m in re.finditer(r"\d+", content)
            )
            st = Statement(art["id"], "indirect", body, cue=_span(text, cue), speaker_mention=_span(text, mention),
                           said_on=art["published"], confidence=0.9, extractor="test.v1", quantities=qty,
                           resolution={"name": mention, "kind": "person", "mention_type": "name"})
            store.replace_statements(art["id"], [st])
            ids["articles"][ext] = art["id"]
            ids["statements"][ext] = st.id
        s = ids["statements"]
        # Anna Petrova is a known speaker; Mallory Vance stays an unresolved mention
        store.replace_speakers(
            [{"id": "sp-petrova", "name": "Anna Petrova", "aliases": [("Petrova", "petrova", "corpus")],
              "roles": [{"role": "minister", "date": "2024-03-01", "article_id": ids["articles"]["wx-1"]}]}],
            {s["wx-1"]: "sp-petrova", s["wx-2"]: "sp-petrova"},
        )
        flags = [
            Flag("number_drift", 0.9, "The death toll went from 40 to 25.", (Evidence(s["wx-1"]), Evidence(s["wx-2"]))),
            Flag("disagreement", 0.5, EVIL + " sources disagree", (Evidence(s["evil"]), Evidence(s["wx-1"]))),
        ]
        store.replace_flags(flags, detector="test")
        ids["flags"] = {f.type: f.id for f in flags}
        ids["speaker"] = store.statement(s["wx-1"])["speaker"]["id"]
    return url, ids


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DeskServer:
    """``create_app`` served by uvicorn in a thread on a free loopback port."""

    def __init__(self, url: str, token: str = "") -> None:
        from onrecord.present.web.app import create_app

        settings = resolve_settings({"db": url, "progress": False, "token": token or None}, env={},
                                    config_path="/nonexistent/onrecord.toml")
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.app = create_app(settings)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "DeskServer":
        self.thread.start()
        deadline = time.time() + 15
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("desk"))


@pytest.fixture(scope="module")
def readonly(desk_db):
    with DeskServer(desk_db[0]) as srv, httpx.Client(base_url=srv.base, timeout=20) as client:
        yield client, desk_db[1]


@pytest.fixture
def writable(tmp_path):
    url, ids = build_store(tmp_path)
    with DeskServer(url, token=TOKEN) as srv, httpx.Client(base_url=srv.base, timeout=20) as client:
        yield client, ids, url


def _pages(ids):
    s, f, a = ids["statements"], ids["flags"], ids["articles"]
    speaker = ids["speaker"]
    return {
        "/": "/index.json",
        "/articles": "/articles.json",
        f"/articles/{a['wx-1']}": f"/articles/{a['wx-1']}.json",
        "/speakers": "/speakers.json",
        f"/speakers/{speaker}": f"/speakers/{speaker}.json",
        "/statements": "/statements.json",
        f"/statements/{s['wx-2']}": f"/statements/{s['wx-2']}.json",
        "/flags": "/flags.json",
        f"/flags/{f['number_drift']}": f"/flags/{f['number_drift']}.json",
        "/search?q=floods": "/search.json?q=floods",
    }


def test_every_page_and_its_json_twin(readonly):
    client, ids = readonly
    for page, twin in _pages(ids).items():
        html = client.get(page)
        assert html.status_code == 200, (page, html.text[:300])
        assert html.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in html.headers["content-security-policy"]
        assert "<script" not in html.text.lower()  # no inline script anywhere, and hostile text is escaped
        body = client.get(twin)
        assert body.status_code == 200 and body.headers["content-type"] == "application/json", twin
        negotiated = client.get(page, headers={"accept": "application/json"})
        assert negotiated.json() == body.json(), page


def test_list_twins_are_paginated(readonly):
    client, _ = readonly
    for path in ("/articles.json", "/statements.json", "/speakers.json", "/flags.json", "/search.json?q=floods"):
        body = client.get(path).json()
        assert {"items", "total", "limit", "offset"} <= set(body), path
        assert isinstance(body["items"], list) and body["total"] >= len(body["items"])
    first = client.get("/articles.json", params={"limit": 4}).json()
    second = client.get("/articles.json", params={"limit": 4, "offset": 4}).json()
    assert first["total"] == second["total"] == len(ARTICLES)
    assert len(first["items"]) == 4 and not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    html = client.get("/articles", params={"limit": 4}).text
    assert 'rel="next"' in html and "1–4 of 9" in html


def test_filters(readonly):
    client, ids = readonly
    assert client.get("/articles.json", params={"outlet": "filler times"}).json()["total"] == 6
    assert client.get("/articles.json", params={"since": "2024-03-01", "until": "2024-03-03"}).json()["total"] == 2
    drift = client.get("/flags.json", params={"type": "number_drift"}).json()
    assert [f["id"] for f in drift["items"]] == [ids["flags"]["number_drift"]]
    by_outlet = client.get("/statements.json", params={"outlet": "Evening Star"}).json()
    assert [s["id"] for s in by_outlet["items"]] == [ids["statements"]["wx-2"]]
    by_speaker = client.get("/statements.json", params={"speaker": "petrova"}).json()
    assert by_speaker["total"] == 2
    assert client.get("/speakers.json", params={"speaker": "mallory"}).json()["total"] == 1


def test_pages_show_the_record(readonly):
    client, ids = readonly
    art = client.get(f"/articles/{ids['articles']['wx-1']}").text
    assert '<mark class="hl-content" id="s-' in art and 'class="hl-cue"' in art and 'class="hl-mention"' in art
    flag = client.get(f"/flags/{ids['flags']['number_drift']}")
    assert flag.text.count('class="side"') == 2 and "The death toll went from 40 to 25." in flag.text
    assert "Daily Planet" in flag.text and "Evening Star" in flag.text and "2024-03-05" in flag.text
    assert 'name="csrf"' not in flag.text  # read-only desk: no review form
    twin = client.get(f"/flags/{ids['flags']['number_drift']}.json").json()
    assert [e["id"] for e in twin["evidence"]] == [ids["statements"]["wx-1"], ids["statements"]["wx-2"]]
    assert twin["evidence"][0]["context"]["text"].startswith("The minister Anna Petrova said")
    speaker = client.get("/speakers").text
    link = re.search(r'href="(/speakers/[^"]+)">Anna Petrova', speaker).group(1)
    page = client.get(link).text
    assert "<svg" in page and 'class="tl-bar"' in page and 'class="tl-flag"' in page
    assert client.get("/").text.count('class="flag-row"') == 2


def test_hostile_text_is_escaped(readonly):
    client, ids = readonly
    for path in (f"/articles/{ids['articles']['evil']}", f"/statements/{ids['statements']['evil']}",
                 f"/flags/{ids['flags']['disagreement']}", "/articles", "/", "/flags", "/search?q=harmless"):
        html = client.get(path).text
        for bad in ("<script>window", "<img src=x", "<b onmouseover", "<svg onload", "<a href=\"javascript",
                    'href="javascript:'):
            assert bad not in html, (path, bad)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in client.get(f"/articles/{ids['articles']['evil']}").text


def test_error_shape(readonly):
    client, _ = readonly
    for path, status, code in (("/articles/nope.json", 404, "E050"), ("/flags/ffffffffffff.json", 404, "E050"),
                               ("/statements/nope.json", 404, "E050"), ("/no/such/route.json", 404, "E050"),
                               ("/articles.json?since=yesterday", 400, "E051"), ("/articles.json?limit=0", 400, "E051")):
        r = client.get(path)
        assert r.status_code == status, path
        assert set(r.json()) == {"error"} and r.json()["error"]["code"] == code and "hint" in r.json()["error"], path
    html = client.get("/articles/nope")
    assert html.status_code == 404 and "E050" in html.text and html.headers["content-type"].startswith("text/html")


def test_openapi_documents_json_routes(readonly):
    client, _ = readonly
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/index.json", "/articles.json", "/articles/{article_id}.json", "/speakers.json",
              "/speakers/{speaker_id}.json", "/statements.json", "/statements/{statement_id}.json", "/flags.json",
              "/flags/{flag_id}.json", "/search.json", "/flags/{flag_id}/verdict", "/export/{kind}.{ext}"):
        assert p in paths, p
    assert "/articles" not in paths  # HTML pages are not API routes
    assert client.get("/docs").status_code == 404  # no CDN-backed docs page


def test_readonly_refuses_writes(readonly):
    client, ids = readonly
    r = client.post(f"/flags/{ids['flags']['number_drift']}/verdict", json={"verdict": "confirmed"},
                    headers={"authorization": "Bearer anything"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "E062"


def test_writes_need_token_and_csrf(writable):
    client, ids, url = writable
    fid = ids["flags"]["number_drift"]
    path = f"/flags/{fid}/verdict"
    assert client.post(path, json={"verdict": "confirmed"}).json()["error"]["code"] == "E060"
    assert client.post(path, json={"verdict": "confirmed"}, headers={"authorization": "Bearer wrong"}).status_code == 403
    bad = client.post(path, json={"verdict": "maybe"}, headers={"authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "E051"
    ok = client.post(path, json={"verdict": "confirmed", "note": "checked"}, headers={"authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["verdict"]["verdict"] == "confirmed"

    # the browser form: token and CSRF field both needed
    page = client.get(f"/flags/{fid}")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    assert "onrecord_csrf" in page.headers["set-cookie"] and "samesite=strict" in page.headers["set-cookie"].lower()
    form = {"verdict": "dismissed", "token": TOKEN, "note": "n", "reviewer": "r"}
    assert client.post(path, data=form).status_code == 403  # no CSRF field
    assert client.post(path, data=form | {"csrf": "forged"}).status_code == 403
    stranger = httpx.post(client.base_url.join(path), data=form | {"csrf": csrf})  # no cookie
    assert stranger.status_code == 403
    assert client.post(path, data={**form, "token": "wrong", "csrf": csrf}).status_code == 403
    done = client.post(path, data=form | {"csrf": csrf})
    assert done.status_code == 303 and done.headers["location"] == f"/flags/{fid}"
    with open_store(url) as store:
        assert store.flag(fid)["verdict"]["verdict"] == "dismissed"


def test_export_downloads_stream(readonly):
    client, ids = readonly
    r = client.get("/export/statements.jsonl")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert {row["id"] for row in rows} == set(ids["statements"].values())
    assert client.get("/export/flags.jsonld").json()[0]["@type"] == "ClaimReview"
    assert client.get("/export/speakers.html", params={"speaker": "Petrova"}).text.count("<svg") == 1
    assert client.get("/export/nothing.csv", headers={"accept": "application/json"}).json()["error"]["code"] == "E051"


def test_serve_warns_without_token_off_localhost(monkeypatch, capsys):
    from onrecord.present.cli import serve as serve_mod
    from onrecord.present.cli.app import main

    called = {}
    monkeypatch.setattr(serve_mod, "serve", lambda settings, host, port: called.update(host=host, port=port))
    monkeypatch.delenv("ONRECORD_TOKEN", raising=False)
    assert main(["serve", "--db", "x.db", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert "warning" in capsys.readouterr().err and called == {"host": "0.0.0.0", "port": 8123}
    assert main(["serve", "--db", "x.db"]) == 0
    assert "warning" not in capsys.readouterr().err


# -- both backends: SQLite file and a real PostgreSQL database ------------------------------------
@pytest.fixture
def desk_on(store_url, tmp_path):
    """The desk over ``store_url`` twice: read-only (no token) and writable (token)."""
    url, ids = build_store(tmp_path, store_url)
    with DeskServer(url) as ro, DeskServer(url, token=TOKEN) as rw, \
            httpx.Client(base_url=ro.base, timeout=20) as ro_client, httpx.Client(base_url=rw.base, timeout=20) as rw_client:
        yield ro_client, rw_client, ids, ro.app


def test_routes_and_twins_on_each_backend(desk_on):
    client, _, ids, _ = desk_on
    for page, twin in _pages(ids).items():
        assert client.get(page).status_code == 200, page
        assert client.get(twin).json() == client.get(page, headers={"accept": "application/json"}).json(), twin
    for path, total in (("/articles.json", len(ARTICLES)), ("/statements.json", 3), ("/speakers.json", 2),
                        ("/flags.json", 2), ("/statements.json?speaker=petrova", 2),
                        ("/statements.json?outlet=evening%20star", 1), ("/flags.json?type=number_drift", 1),
                        ("/flags.json?speaker=petrova", 2), ("/flags.json?outlet=evening%20star", 1),
                        ("/flags.json?since=2024-03-04", 1), ("/speakers.json?speaker=mallory", 1),
                        ("/statements.json?since=2024-03-02&until=2024-03-03", 1)):
        body = client.get(path).json()
        assert body["total"] == len(body["items"]) == total, (path, body["total"])
    paged = client.get("/statements.json", params={"limit": 1, "offset": 1}).json()
    assert paged["total"] == 3 and [s["id"] for s in paged["items"]] == [ids["statements"]["evil"]]
    search = client.get("/search.json", params={"q": "floods"}).json()
    assert {a["id"] for a in search["items"]} == {ids["articles"]["wx-1"], ids["articles"]["wx-2"]}
    assert {s["id"] for s in search["statements"]} == {ids["statements"]["wx-1"], ids["statements"]["wx-2"]}
    mallory = client.get("/speakers.json", params={"speaker": "mallory"}).json()["items"][0]
    page = client.get(f"/speakers/{mallory['id']}.json").json()  # an unresolved mention's page
    assert [s["id"] for s in page["statements_page"]["items"]] == [ids["statements"]["evil"]]
    assert [f["id"] for f in page["flags"]] == [ids["flags"]["disagreement"]]
    newest = client.get("/index.json").json()["flags"]  # newest evidence first, not highest score
    assert [f["type"] for f in newest] == ["number_drift", "disagreement"]


def test_writes_and_read_only_on_each_backend(desk_on):
    ro_client, client, ids, ro_app = desk_on
    fid = ids["flags"]["disagreement"]
    path = f"/flags/{fid}/verdict"
    refused = ro_client.post(path, json={"verdict": "confirmed"}, headers={"authorization": f"Bearer {TOKEN}"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "E062"
    with pytest.raises(Exception, match="(?i)read.only|readonly"):  # the session itself refuses writes
        ro_app.state.desk.store.set_verdict(fid, "confirmed")
    assert client.post(path, json={"verdict": "confirmed"}).json()["error"]["code"] == "E060"
    ok = client.post(path, json={"verdict": "confirmed"}, headers={"authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["verdict"]["verdict"] == "confirmed"
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get(f"/flags/{fid}").text).group(1)
    form = {"verdict": "dismissed", "token": TOKEN}
    no_csrf = client.post(path, data=form)  # a form gets the error page
    assert no_csrf.status_code == 403 and "E061" in no_csrf.text
    assert client.post(path, data=form | {"csrf": csrf}).status_code == 303
    assert ro_client.get(f"/flags/{fid}.json").json()["verdict"]["verdict"] == "dismissed"


def test_speaker_merge_persists_across_analyze(store_url, tmp_path):
    """Merging with token + CSRF records a correction that `onrecord analyze` applies again."""
    from onrecord.present.cli.app import main

    url, ids = build_store(tmp_path, store_url)
    assert main(["analyze", "--db", url]) == 0  # link speakers from the mentions
    with DeskServer(url, token=TOKEN) as srv, httpx.Client(base_url=srv.base, timeout=60) as client:
        names = {s["name"]: s["id"] for s in client.get("/speakers.json").json()["items"]}
        anna, mallory = names["Anna Petrova"], names["Mallory Vance"]
        page = client.get(f"/speakers/{mallory}")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        path = f"/speakers/{mallory}/merge"
        assert client.post(path, json={"into": anna}).json()["error"]["code"] == "E060"
        assert "E061" in client.post(path, data={"into": anna, "token": TOKEN}).text
        assert client.post(path, data={"into": anna, "token": "wrong", "csrf": csrf}).status_code == 403
        assert client.post(path, json={"into": mallory}, headers={"authorization": f"Bearer {TOKEN}"}).status_code == 400
        done = client.post(path, data={"into": anna, "token": TOKEN, "csrf": csrf})
        assert done.status_code == 303
        kept = done.headers["location"].rsplit("/", 1)[1]
        merged = client.get(f"/speakers/{kept}.json").json()
        assert merged["name"] == "Anna Petrova" and merged["statements_page"]["total"] == 3
    assert main(["analyze", "--db", url]) == 0  # re-analysis applies the stored correction again
    with open_store(url) as store:
        who = {store.statement(sid)["speaker"]["name"] for sid in ids["statements"].values()}
        assert who == {"Anna Petrova"} and store.count_speakers() == 1


def test_timeline_labels_are_thinned_and_quotes_not_doubled():
    from datetime import date, timedelta

    from onrecord.present.quotation import quoted
    from onrecord.present.web.timeline_svg import timeline_svg

    days = [(date(2024, 12, 1) + timedelta(i)).isoformat() for i in range(60)]
    svg = timeline_svg(days)
    labels = re.findall(r'<text x="([\d.]+)" y="170"[^>]*>([^<]+)</text>', svg)
    xs = [float(x) for x, _ in labels]
    assert 4 <= len(labels) <= 12 and min(b - a for a, b in zip(xs, xs[1:])) >= 70  # no overlap at 10px
    assert labels[0][1] == "2024-12-01" and "2025-01-" in svg and "12-08" in [t for _, t in labels]
    assert quoted('"Calm," he said.') == '"Calm," he said.' and quoted("calm") == "“calm”"
    assert quoted("word " * 100, 40).endswith(" …”") and len(quoted("word " * 100, 40)) < 45


def test_statement_page_shows_its_times(tmp_path):
    from onrecord.models import TimeExpression

    text = "The minister said the troops would leave within ten days. Nothing else happened."
    src = tmp_path / "articles.jsonl"
    src.write_text(json.dumps({"id": "t-1", "title": "Withdrawal", "outlet": "Daily Planet", "date": "2025-01-07",
                               "url": "https://example.com/t", "text": text}) + "\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'times.db'}"
    settings = resolve_settings({"db": url, "progress": False}, env={}, config_path=tmp_path / "absent.toml")
    with open_store(url) as store:
        ingest([str(src)], store, settings, extract=False)
        art = store.article("t-1")
        within = _span(text, "within ten days")
        st = Statement(art["id"], "indirect", _span(text, "the troops would leave within ten days"),
                       cue=_span(text, "said"), said_on="2025-01-07", extractor="test.v1",
                       times=(TimeExpression("duration", within.start, within.end, within.text, "2025-01-17",
                                             bound="within"),))
        store.replace_statements(art["id"], [st])
    with DeskServer(url) as srv, httpx.Client(base_url=srv.base, timeout=20) as client:
        twin = client.get(f"/statements/{st.id}.json").json()
        page = client.get(f"/statements/{st.id}").text
    assert twin["times"] == [{"kind": "duration", "bound": "within", "value": "2025-01-17", "start": within.start,
                              "end": within.end, "text": "within ten days"}]
    assert ('<dt>Times</dt><dd><span class="badge">duration: within ten days → '
            '<time datetime="2025-01-17">2025-01-17</time></span>') in page
