#!/usr/bin/env python3
"""Extraction speed: onrecord's pipeline vs the bare spaCy parse of the same model, same texts, same run.

    python bench/bench_extract.py [--input ARTICLES.jsonl] [--repeat 5] [--batch-size 32] [--limit N]
                                  [--only onrecord_quotes_v1]

Texts: the demo corpus (src/onrecord/data/demo/articles.jsonl) unless --input is given
(any JSONL with a "text" field, e.g. PolNeAR dev). Each round times ``spacy.load(model).pipe``
and ``load_pipeline(settings).pipe`` (parse + onrecord components) over all texts with
time.perf_counter; the two are interleaved so machine noise hits both. Prints medians,
articles/s, words/s and the ratio onrecord/bare (1.0 = free; the target is >= 0.8).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "src" / "onrecord" / "data" / "demo" / "articles.jsonl"


def read_texts(path: Path, limit: int | None) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    texts.append(text)
            if limit and len(texts) >= limit:
                break
    return texts


def timed(nlp, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEMO)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--only", default="", help="comma-separated onrecord components to keep (default: all)")
    args = ap.parse_args(argv)

    import spacy

    from onrecord.extract import load_pipeline
    from onrecord.settings import resolve_settings

    if not args.input.is_file():
        print(f"no input at {args.input}; pass --input ARTICLES.jsonl", file=sys.stderr)
        return 2
    texts = read_texts(args.input, args.limit)
    settings = resolve_settings({"progress": False})
    ours = load_pipeline(settings, args.lang)
    if args.only:  # disables the others in this process's cached pipeline
        keep = {name.strip() for name in args.only.split(",")}
        drop = [n for n in ours.pipe_names if n.startswith("onrecord") and n not in keep]
        for name in drop:
            ours.disable_pipe(name)
    model = ours.meta.get("name", "")
    model = f"{ours.meta['lang']}_{model}" if model and not model.startswith(ours.meta["lang"]) else model
    bare = spacy.load(model)
    words = sum(len(t.split()) for t in texts)
    timed(bare, texts[:8], args.batch_size)  # warm-up
    timed(ours, texts[:8], args.batch_size)
    t_bare, t_ours = [], []
    for _ in range(args.repeat):
        t_bare.append(timed(bare, texts, args.batch_size))
        t_ours.append(timed(ours, texts, args.batch_size))
    mb, mo = statistics.median(t_bare), statistics.median(t_ours)
    print(f"texts {len(texts)} · words {words} · model {model} · repeats {args.repeat} · batch {args.batch_size}")
    print(f"  bare spaCy    median {mb:7.3f}s  {len(texts) / mb:8.2f} articles/s  {words / mb:9.0f} words/s")
    print(f"  onrecord      median {mo:7.3f}s  {len(texts) / mo:8.2f} articles/s  {words / mo:9.0f} words/s"
          f"   ({' + '.join(n for n in ours.pipe_names if n.startswith('onrecord'))})")
    print(f"  ratio onrecord/bare (speed) {mb / mo:.3f}   overhead {100 * (mo - mb) / mb:+.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
