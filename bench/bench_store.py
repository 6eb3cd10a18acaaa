"""Store benchmark: load N statements, then time the speaker-timeline and search queries (SQLite, PostgreSQL).

The corpus is SYNTHETIC (no spaCy): articles of 10 statements each, built directly as
``ArticleResult`` records with words drawn from a small vocabulary, 2,000 speakers, and one
quantity and hedge on some statements. Loading goes through ``Store.add_results`` (one
transaction per article), the same path the ingest loader uses.

    .venv/bin/python bench/bench_store.py --rows 100000 --backend sqlite postgresql
    .venv/bin/python bench/bench_store.py --rows 1000000 --backend sqlite      # long: see README
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from onrecord.models import Article, ArticleResult, Hedge, Quantity, Span, Statement, content_id
from onrecord.store import open_store

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
VOCAB = ("flood budget strike minister hospital evacuation council harbour election vaccine bridge school tax "
         "police inquiry storm power workers union coastguard report warning million families crisis").split()
PER_ARTICLE = 10
SPEAKERS = 2000


def synthetic(n_statements: int, seed: int = 3):
    rng = random.Random(seed)
    for a in range(n_statements // PER_ARTICLE):
        sents, stmts, pos = [], [], 0
        aid = content_id("bench-article", a)
        for k in range(PER_ARTICLE):
            s = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(8, 20))).capitalize() + "."
            sents.append(s)
            sp = rng.randrange(SPEAKERS)
            quants = (Quantity(float(k), pos, pos + 1, "1", unit="%"),) if k % 3 == 0 else ()
            hedges = (Hedge("approximation", pos, pos + 1, "x"),) if k % 4 == 0 else ()
            stmts.append(Statement(aid, "direct", Span(pos, pos + len(s), s), speaker_id=f"sp{sp:05d}",
                                   said_on=f"20{30 + a % 5}-{1 + a % 12:02d}-{1 + a % 28:02d}", quantities=quants,
                                   hedges=hedges, extractor="bench"))
            pos += len(s) + 1
        text = " ".join(sents)
        art = Article(aid, text, title=f"Article {a}", outlet="Bench Wire", published=stmts[0].said_on,
                      source_ref=f"bench:{a}")
        yield ArticleResult(art, tuple(stmts))


def _timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def run(url: str, rows: int) -> dict:
    with open_store(url) as st:
        st.upsert_speakers({"id": f"sp{i:05d}", "name": f"Speaker {i}"} for i in range(SPEAKERS))
        t = time.perf_counter()
        counts = st.add_results(synthetic(rows))
        load = time.perf_counter() - t
        assert counts["statements"] == rows, counts
        timeline = _timed(lambda: st.statements(speaker_id="sp00042", limit=None))
        timeline_n = len(st.statements(speaker_id="sp00042", limit=None))
        search = _timed(lambda: st.search_statements("harbour minister", limit=20))
        search_art = _timed(lambda: st.search("evacuation crisis", limit=20))
    return {"rows": rows, "load_s": round(load, 1), "load_statements_per_s": round(rows / load),
            "timeline_ms": round(timeline * 1000, 1), "timeline_rows": timeline_n,
            "search_statements_ms": round(search * 1000, 1), "search_articles_ms": round(search_art * 1000, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[100_000])
    ap.add_argument("--backend", nargs="+", default=["sqlite", "postgresql"])
    args = ap.parse_args()
    for rows in args.rows:
        for backend in args.backend:
            if backend == "sqlite":
                with tempfile.TemporaryDirectory() as tmp:
                    res = run(f"sqlite:///{Path(tmp) / 'bench.db'}", rows)
            else:
                import psycopg

                name = f"onrecord_bench_{uuid.uuid4().hex[:8]}"
                with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                    admin.execute(f'CREATE DATABASE "{name}"')
                try:
                    res = run(f"postgresql://postgres@127.0.0.1:5432/{name}", rows)
                finally:
                    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            print(json.dumps({"backend": backend, **res}), flush=True)


if __name__ == "__main__":
    main()
