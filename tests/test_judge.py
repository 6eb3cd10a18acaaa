"""The optional judge against a real OpenAI-compatible stub server on loopback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from onrecord.analyze.comparison import claim_of, reversal
from onrecord.analyze.flags import detect_flags
from onrecord.analyze.judge import Judge, judge_prompt
from onrecord.settings import resolve_settings


class StubChat:
    """``POST /v1/chat/completions`` answering with a fixed reply; records the request bodies."""

    def __init__(self, reply: str, status: int = 200) -> None:
        self.reply, self.status, self.requests = reply, status, []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server API
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append((self.path, body))
                data = json.dumps({"choices": [{"message": {"role": "assistant", "content": stub.reply}}]}).encode()
                self.send_response(stub.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def stub():
    servers = []

    def make(reply: str, status: int = 200) -> StubChat:
        servers.append(StubChat(reply, status))
        return servers[-1]

    yield make
    for s in servers:
        s.close()


def _pair():
    def st(i, text, date):
        return claim_of({"id": f"s{i}", "article_id": f"a{i}", "article": {"id": f"a{i}", "outlet": "Wire"},
                         "content": {"start": 0, "end": len(text), "text": text},
                         "speaker": {"id": "p1", "name": "Arman Zhaksylov"}, "said_on": date})

    a = st(1, "The contingent will stay as long as necessary.", "2031-01-07")
    b = st(2, "The withdrawal will begin in two days.", "2031-01-11")
    return a, b, reversal(a, b)


def test_judge_rescores_with_the_model_and_both_statements(stub):
    server = stub('{"score": 0.2, "reason": "a plan can change"}')
    a, b, flag = _pair()
    judged = Judge(server.url, "tiny-judge").rescore_all([flag], {a.id: a, b.id: b})[0]
    assert judged.score == round((flag.score + 0.2) / 2, 3) and judged.id == flag.id
    path, body = server.requests[0]
    assert path == "/v1/chat/completions" and body["model"] == "tiny-judge"
    assert a.text in body["messages"][1]["content"] and b.text in body["messages"][1]["content"]


def test_judge_failure_keeps_the_rule_score(stub):
    server = stub("not json", status=500)
    a, b, flag = _pair()
    judge = Judge(server.url, "m")
    assert judge.rescore(flag, {}).score == flag.score and judge.errors == 1


def test_judge_reply_in_prose_is_read(stub):
    server = stub("I would say 90")
    a, b, flag = _pair()
    assert Judge(server.url + "/chat/completions", "m").score(flag, {}) == 0.9


def test_detect_flags_uses_the_judge_from_settings(stub, sqlite_url):
    from onrecord.models import Article, ArticleResult, Span, Statement
    from onrecord.store import open_store

    server = stub('{"score": 0.0}')
    settings = resolve_settings({"db": sqlite_url, "judge_url": server.url, "judge_model": "m"}, env={})
    results = []
    for aid, date, text in (("x1", "2031-01-07", "The contingent will stay as long as necessary."),
                            ("x2", "2031-01-11", "The withdrawal will begin in two days.")):
        st = Statement(aid, "direct", Span(0, len(text), text), speaker_mention=Span(0, 0, "Zhaksylov"), said_on=date)
        results.append(ArticleResult(Article(aid, text, published=date), (st,)))
    with open_store(sqlite_url) as store:
        store.add_results(results)
        off = detect_flags(store, settings.replace(judge_url=""))
        assert off["flags"] == 1 and not server.requests
        on = detect_flags(store, settings)  # the judge scores 0: mean below the floor drops the flag
        assert len(server.requests) == 1 and on["flags"] == 0


def test_prompt_names_type_and_speakers():
    a, b, flag = _pair()
    text = judge_prompt(flag, {a.id: a, b.id: b})
    assert "reversal" in text and "Arman Zhaksylov" in text and "2031-01-11" in text
