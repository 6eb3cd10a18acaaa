"""Throughput: the full per-article pipeline against bare ``nlp.pipe``, and the Dask path with 1 and 2 workers.

Texts come from ``bench/corpus_gen.py`` (fictional news with quotes). In one run:

1. bare   ``nlp.pipe`` over the article texts with the same spaCy model ``load_pipeline`` resolves;
2. full   ``process_articles`` (onrecord's components, facts, within-article resolution) on the same texts;
   printed as articles/s, words/s and the ratio full/bare (target >= 0.7);
3. dask   ``run_ingest(engine="dask")`` (read -> build -> extract -> resolve -> shard -> load into SQLite)
   on a LocalCluster of 1 and then 2 worker processes; cluster start-up is not timed; peak RSS per worker.

    .venv/bin/python bench/bench_throughput.py [--articles 400] [--dask-articles 800]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import resource
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _gen():
    spec = importlib.util.spec_from_file_location("corpus_gen", HERE / "corpus_gen.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_process(n: int, settings) -> dict:
    import spacy

    from onrecord.extract import load_pipeline
    from onrecord.ingest import read_sources
    from onrecord.models import Article
    from onrecord.pipeline import process_articles

    with tempfile.TemporaryDirectory() as tmp:
        path = _gen().write_jsonl(Path(tmp) / "a.jsonl", n, seed=21)
        t = time.perf_counter()
        arts = [a for a in read_sources([str(path)], settings) if isinstance(a, Article)]
        read_s = time.perf_counter() - t
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    full_nlp = load_pipeline(settings, "en")
    model = full_nlp.meta.get("name", "")
    bare_nlp = spacy.load(f"{full_nlp.meta['lang']}_{model}" if not model.startswith(full_nlp.meta["lang"]) else model)
    list(bare_nlp.pipe(texts[:20]))  # warm up both
    list(process_articles(arts[:20], settings))

    t = time.perf_counter()
    for _ in bare_nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - t
    t = time.perf_counter()
    stmts = sum(len(r.statements) for r in process_articles(arts, settings))
    full = time.perf_counter() - t
    return {
        "articles": len(arts), "words": words, "statements": stmts, "model": model,
        "bare_pipes": bare_nlp.pipe_names, "full_pipes": full_nlp.pipe_names,
        "read_build_articles_per_s": round(len(arts) / read_s, 1),
        "bare_articles_per_s": round(len(arts) / bare, 1), "bare_words_per_s": round(words / bare),
        "full_articles_per_s": round(len(arts) / full, 1), "full_words_per_s": round(words / full),
        "ratio_full_vs_bare": round(bare / full, 3),
        "peak_rss_mb": round(_peak_rss_mb()),
    }


def on_dask(n: int, workers: int, settings) -> dict:
    from distributed import Client, LocalCluster

    from onrecord.scale.engine import run_ingest
    from onrecord.store import open_store

    with tempfile.TemporaryDirectory() as tmp, LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster, Client(cluster) as client:
        path = _gen().write_jsonl(Path(tmp) / "a.jsonl", n, seed=22)
        url = f"sqlite:///{Path(tmp) / 'b.db'}"
        # warm each worker (model load) outside the timing: the per-process cache keeps it
        client.run(lambda: __import__("onrecord.extract", fromlist=["load_pipeline"]).load_pipeline(settings, "en") and None)
        with open_store(url) as store:
            t = time.perf_counter()
            rep = run_ingest([str(path)], store, settings, "dask", scheduler=cluster.scheduler_address,
                             shard_dir=Path(tmp) / "shards", jsonl_lines=50)
            wall = time.perf_counter() - t
        rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return {"workers": workers, "articles": rep.ingested, "statements": rep.statements, "wall_s": round(wall, 1),
            "articles_per_s": round(rep.ingested / wall, 1),
            "peak_rss_mb_per_worker": sorted(round(v) for v in rss.values()),
            "driver_peak_rss_mb": round(_peak_rss_mb())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--dask-articles", type=int, default=800)
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()
    from onrecord.settings import resolve_settings

    settings = resolve_settings({"progress": False}, env={})
    res = in_process(args.articles, settings)
    print(json.dumps({"bench": "in_process", **res}), flush=True)
    if not args.no_dask:
        one = on_dask(args.dask_articles, 1, settings)
        print(json.dumps({"bench": "dask", **one}), flush=True)
        two = on_dask(args.dask_articles, 2, settings)
        print(json.dumps({"bench": "dask", **two}), flush=True)
        print(json.dumps({"bench": "scaling", "speedup_2_vs_1": round(two["articles_per_s"] / one["articles_per_s"], 2),
                          "efficiency": round(two["articles_per_s"] / (2 * one["articles_per_s"]), 2)}), flush=True)


if __name__ == "__main__":
    main()
