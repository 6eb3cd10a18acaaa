"""Web desk benchmark: median latency per route over a store of N synthetic statements.

The corpus is SYNTHETIC (no spaCy): articles of 4 statements built directly as ``ArticleResult``s over
4 outlets and ~400 days; 300 stored speakers take half of the statements, the other half stay
unresolved mentions of 600 more names (the speakers list groups those in SQL), and 2,000 flags of
four types pair random statements. The desk is served read-only (no token) by uvicorn on a loopback
port, the way ``onrecord serve`` runs it, and queried with httpx; each route is asked ``--repeat``
times after one warm-up request, and the median and max are printed as JSON lines.

    .venv/bin/python bench/bench_web.py                            # 20,000 statements, SQLite
    .venv/bin/python bench/bench_web.py --db postgresql://postgres@127.0.0.1:5432/bench_web

A PostgreSQL database named with ``--db`` must exist and be empty (the store is created in it).
Nothing in the test suite times anything; this script is the only place the figures come from.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

from onrecord.models import Article, ArticleResult, Evidence, Flag, Span, Statement, content_id
from onrecord.settings import resolve_settings
from onrecord.store import open_store

PER_ARTICLE = 4
OUTLETS = ["Bench Wire", "Harbour Daily", "Northern Wire", "Carrow Gazette"]
TYPES = ["number_drift", "reversal", "disagreement", "hedge"]
WORDS = ("flood budget strike minister hospital evacuation council harbour election vaccine bridge school tax "
         "police inquiry storm power workers union coastguard report warning million families crisis").split()


def synthetic(n_statements: int, seed: int = 7):
    """ArticleResults with ``n_statements`` statements; mentions name 900 people."""
    rng = random.Random(seed)
    for a in range(n_statements // PER_ARTICLE):
        aid = content_id("bench-web", a)
        day = f"20{30 + a // 4000}-{1 + a % 12:02d}-{1 + (a // 12) % 28:02d}"
        sents, stmts, pos = [], [], 0
        for _ in range(PER_ARTICLE):
            who = f"Person{rng.randrange(900):03d} Bench"
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))
            s = f"{who} said that {body}."
            start = pos + s.index(body)
            stmts.append(Statement(aid, "indirect", Span(start, start + len(body), body),
                                   speaker_mention=Span(pos, pos + len(who), who), said_on=day, extractor="bench"))
            sents.append(s)
            pos += len(s) + 1
        yield ArticleResult(Article(aid, " ".join(sents), title=f"Story {a}", outlet=OUTLETS[a % 4], published=day,
                                    source_ref=f"bench:{a}"), tuple(stmts))


def build(url: str, n: int) -> dict:
    """Load the corpus, 300 speakers and 2,000 flags; returns names to query."""
    rng = random.Random(11)
    with open_store(url) as store:
        t = time.perf_counter()
        store.add_results(synthetic(n))
        mentions = {st["id"]: st["speaker_mention"]["text"] for st in store.iter_statements()}
        ids = sorted(mentions)
        people = sorted({m for m in mentions.values() if int(m[6:9]) < 300})
        speakers = [{"id": content_id("speaker", p), "name": p, "aliases": [(p, p.lower(), "corpus")]} for p in people]
        by_name = {p: sp["id"] for p, sp in zip(people, speakers)}
        store.replace_speakers(speakers, {sid: by_name[m] for sid, m in mentions.items() if m in by_name})
        flags = [Flag(TYPES[i % 4], rng.random(), f"bench flag {i}", (Evidence(rng.choice(ids)), Evidence(rng.choice(ids))))
                 for i in range(2000)]
        store.replace_flags(flags, detector="bench")
        loaded = time.perf_counter() - t
        counts = store.counts()
    return {"counts": counts, "load_s": round(loaded, 1), "speaker": people[0], "speaker_id": speakers[0]["id"],
            "mention": "Person650 Bench"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(url: str):
    import uvicorn

    from onrecord.present.web.app import create_app

    settings = resolve_settings({"db": url, "progress": False}, env={}, config_path="/nonexistent/onrecord.toml")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--statements", type=int, default=20000)
    ap.add_argument("--db", help="store URL (default: a new SQLite file in a temporary folder)")
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    import httpx

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench_web.db'}"
        info = build(url, args.statements)
        print(json.dumps({"store": url.split("://")[0], **info}), flush=True)
        server, thread, base = serve(url)
        with httpx.Client(base_url=base, timeout=120) as client:
            mention_id = client.get("/speakers.json", params={"speaker": info["mention"]}).json()["items"][0]["id"]
            routes = [
                "/index.json", "/",
                "/speakers.json", "/speakers.json?offset=400", f"/speakers.json?speaker={info['speaker'][:8]}",
                "/speakers", f"/speakers/{info['speaker_id']}.json", f"/speakers/{info['speaker_id']}",
                f"/speakers/{mention_id}.json",
                "/statements.json", f"/statements.json?speaker={info['speaker']}",
                "/statements.json?outlet=Harbour%20Daily&offset=2000", "/statements.json?since=2031-01-01&until=2031-03-31",
                "/flags.json", "/flags.json?type=reversal", "/flags.json?type=reversal&offset=400",
                f"/flags.json?speaker={info['speaker']}", "/flags.json?outlet=Northern%20Wire",
                "/flags", "/articles.json?outlet=Bench%20Wire", "/search.json?q=harbour%20strike",
            ]
            for route in routes:
                r = client.get(route)
                assert r.status_code == 200, (route, r.text[:200])
                runs = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    client.get(route).raise_for_status()
                    runs.append(time.perf_counter() - t)
                total = r.json().get("total") if route.split("?")[0].endswith(".json") else None
                print(json.dumps({"route": route, "median_ms": round(1000 * statistics.median(runs), 1),
                                  "max_ms": round(1000 * max(runs), 1), "total": total}), flush=True)
        server.should_exit = True
        thread.join(10)


if __name__ == "__main__":
    main()
