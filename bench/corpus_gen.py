"""A generator of fictional, news-like articles with quotes, for tests and benchmarks.

Everything here is made up: people, places, outlets and events. The output is
deterministic for a given seed, so tests can compare runs. Used by
``tests/test_scale.py``/``test_crash.py``/``test_fuzz.py`` (imported by path)
and by the benchmarks in this folder.

    python bench/corpus_gen.py 1000 out.jsonl [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

__all__ = ["articles", "write_jsonl", "write_files"]

FIRST = ["Maria", "Tomas", "Ilse", "Kwame", "Ana", "Piotr", "Leila", "Jonas", "Sofia", "Rafael", "Mira", "Odile",
         "Henrik", "Amara", "Dmitri", "Yusuf", "Greta", "Nadia", "Oren", "Beatrix"]
LAST = ["Varga", "Lindqvist", "Okafor", "Moreau", "Castell", "Brandt", "Haddad", "Novak", "Eklund", "Sarto",
        "Quill", "Renner", "Dossou", "Ferreira", "Kowal", "Ashby", "Marchetti", "Vidal", "Stroud", "Ilves"]
ROLES = ["health minister", "mayor", "spokesperson for the coastguard", "finance minister", "union leader",
         "chief economist at Northbank", "police commissioner", "opposition leader", "director of the port authority"]
PLACES = ["Valmora", "East Carrow", "Port Elsin", "Drennick", "Halvard", "Santa Imre", "Kestrel Bay", "Oskel"]
OUTLETS = [("The Valmora Courier", "courier.example"), ("Harbour Daily", "harbourdaily.example"),
           ("Northern Wire", "northernwire.example"), ("Carrow Gazette", "carrowgazette.example")]
TOPICS = [("flood", "families were evacuated"), ("strike", "workers walked out"), ("budget", "million crowns were cut"),
          ("outbreak", "people were treated in hospital"), ("storm", "homes lost power"),
          ("fire", "hectares burned"), ("election", "votes were counted")]
VERBS = ["said", "told reporters", "said on Tuesday", "added", "warned", "insisted", "told the Courier"]
HEDGES = ["about", "at least", "more than", "nearly", "up to", ""]


def _person(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(FIRST), rng.choice(LAST), rng.choice(ROLES)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _quote(rng: random.Random, topic: str, thing: str, place: str) -> str:
    n = rng.choice([3, 12, 40, 150, 1200, 2500, 18])
    hedge = rng.choice(HEDGES)
    return rng.choice([
        _cap(f"{hedge} {n} {thing} in {place}, and we expect more".strip()),
        f"The {topic} is under control and nobody should panic",
        f"We will not accept these numbers; {hedge} {n} is far too many".replace("  ", " "),
        f"There was no warning before the {topic} reached {place}",
        f"I have asked for an independent inquiry into the {topic}",
        f"We may need another {n} days before the situation improves",
    ])


def _article(rng: random.Random, i: int, start: date) -> dict:
    topic, thing = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    outlet, host = rng.choice(OUTLETS)
    people = [_person(rng) for _ in range(rng.randint(1, 3))]
    day = start + timedelta(days=rng.randint(0, 365))
    paras = [f"{place.upper()} — The {topic} in {place} entered its {rng.randint(2, 9)}th day on "
             f"{day:%A}, officials said, as {rng.randint(10, 5000)} {thing}."]
    for first, last, role in people:
        q1 = _quote(rng, topic, thing, place)
        q2 = _quote(rng, topic, thing, place)
        paras.append(f"“{q1},” {first} {last}, the {role}, {rng.choice(VERBS)}.")
        paras.append(f"{last} said that the response had been {rng.choice(['slow', 'adequate', 'remarkable'])} "
                     f"and that {rng.randint(2, 90)} percent of residents had been reached.")
        paras.append(f"\"{q2},\" {last} {rng.choice(VERBS)}.")
        if rng.random() < 0.5:
            paras.append(f"According to {first} {last}, the {topic} could cost {rng.randint(1, 40)} million crowns.")
    paras.append(f"Residents of {place} described {rng.choice(['long queues', 'empty shelves', 'flooded roads'])}. "
                 f"The council will meet again on {(day + timedelta(days=3)):%d %B %Y}.")
    first, last, _ = people[0]
    return {
        "id": f"gen-{i:07d}",
        "title": f"{topic.capitalize()} in {place}: {last} {rng.choice(['warns', 'responds', 'speaks out'])}",
        "text": "\n\n".join(paras),
        "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "outlet": outlet,
        "date": day.isoformat(),
        "url": f"https://{host}/{day:%Y/%m/%d}/{topic}-{place.lower().replace(' ', '-')}-{i}",
    }


def articles(n: int, *, seed: int = 7, start: date = date(2031, 1, 1)) -> Iterator[dict]:
    """``n`` fictional articles as JSONL-ready dicts (id, title, text, author, outlet, date, url)."""
    rng = random.Random(seed)
    for i in range(n):
        yield _article(rng, i, start)


def write_jsonl(path: str | Path, n: int, *, seed: int = 7) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8") as fh:
        for art in articles(n, seed=seed):
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    return path


def write_files(folder: str | Path, n: int, *, seed: int = 7) -> Path:
    """One ``.html`` (odd) or ``.txt`` (even) file per article."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for i, art in enumerate(articles(n, seed=seed)):
        if i % 2:
            body = "".join(f"<p>{p}</p>" for p in art["text"].split("\n\n"))
            html = (f"<html><head><title>{art['title']}</title><meta name='author' content='{art['author']}'>"
                    f"<meta property='article:published_time' content='{art['date']}'></head>"
                    f"<body><article><h1>{art['title']}</h1>{body}</article></body></html>")
            (folder / f"{art['id']}.html").write_text(html, "utf-8")
        else:
            (folder / f"{art['id']}.txt").write_text(art["text"], "utf-8")
    return folder


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write_jsonl(args.out, args.n, seed=args.seed)
