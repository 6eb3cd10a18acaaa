#!/usr/bin/env python
"""Build ``articles.jsonl`` and ``gold.jsonl`` from a story's ``gold_source.yaml``.

Usage::

    python build_gold.py            # the demo story (this directory)
    python build_gold.py ../second  # another story directory
    python build_gold.py --check DIR  # only re-validate existing jsonl files

Offsets are never typed by hand: the source names text fragments and this
script finds them, asserting that every fragment occurs exactly as intended
(once in its scope, or at the requested occurrence). A fragment may mark the
wanted part with ``[[...]]`` and give the rest as context, e.g.
``"he [[said]]. He also"`` selects the word "said" in that context.
See README.md ("Annotation source") for the full description.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

MARK = re.compile(r"\[\[(.*?)\]\]", re.S)

STATEMENT_KINDS = {"direct", "indirect", "mixed"}
MENTION_TYPES = {"name", "surname", "pronoun", "title", "organisation", "none"}
MODALITIES = {"asserted", "future", "possible", "necessary"}
POLARITIES = {"positive", "negative"}
HEDGE_KINDS = {"approximation", "preliminary", "scope", "condition", "modal", "temporal"}
FLAG_TYPES = {"number_drift", "reversal", "disagreement", "hedge", "vanished"}
RELATIONS = {
    "translated_from",
    "originally_published_by",
    "citing",
    "according_to",
    "quoted_by",
    "wire_dateline",
    "reprint_of",
}
STATEMENT_KEYS = {"a", "id", "k", "c", "spans", "cue", "src", "sp", "mt", "said_on", "q", "h", "mod", "pol", "note"}
QUANTITY_KEYS = {"t", "v", "lo", "hi", "u", "c", "ql"}
OPEN_QUOTES = "\"“«‘'"
CLOSE_QUOTES = "\"”»’'"


class SourceError(Exception):
    pass


def _all_hits(hay: str, needle: str) -> list[int]:
    hits, i = [], hay.find(needle)
    while i != -1:
        hits.append(i)
        i = hay.find(needle, i + 1)
    return hits


def locate(text: str, spec: Any, lo: int, hi: int, what: str) -> tuple[int, int]:
    """Find ``spec`` in ``text[lo:hi]``; return absolute ``(start, end)``.

    spec: ``"fragment"`` (must occur exactly once in the scope) or
    ``["fragment", n]`` (the n-th occurrence, 1-based). The fragment may mark
    the wanted sub-span with ``[[...]]``.
    """
    if isinstance(spec, list):
        if len(spec) != 2 or not isinstance(spec[1], int):
            raise SourceError(f"{what}: bad fragment spec {spec!r}")
        frag, nth = spec
    else:
        frag, nth = spec, None
    if not isinstance(frag, str) or not frag:
        raise SourceError(f"{what}: empty fragment {spec!r}")
    marks = MARK.findall(frag)
    if len(marks) > 1:
        raise SourceError(f"{what}: more than one [[...]] in {frag!r}")
    m = MARK.search(frag)
    if m:
        plain = frag[: m.start()] + m.group(1) + frag[m.end():]
        off, length = m.start(), len(m.group(1))
    else:
        plain, off, length = frag, 0, len(frag)
    scope = text[lo:hi]
    hits = _all_hits(scope, plain)
    if nth is None:
        if len(hits) != 1:
            raise SourceError(
                f"{what}: fragment {plain!r} found {len(hits)} times in scope "
                f"{lo}-{hi} (need exactly 1; add context with [[...]] or an occurrence number)"
            )
        hit = hits[0]
    else:
        if len(hits) < nth:
            raise SourceError(f"{what}: fragment {plain!r} occurs {len(hits)} times, wanted #{nth}")
        hit = hits[nth - 1]
    start = lo + hit + off
    end = start + length
    if text[start:end] != (m.group(1) if m else frag):
        raise SourceError(f"{what}: internal offset error for {frag!r}")
    return start, end


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    return p0, (len(text) if p1 == -1 else p1)


def _date(value: Any, what: str) -> str | None:
    if value is None:
        return None
    s = str(value)
    try:
        _dt.date.fromisoformat(s)
    except ValueError as exc:
        raise SourceError(f"{what}: bad date {s!r}") from exc
    return s


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def build(src: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    articles_out: list[dict] = []
    texts: dict[str, str] = {}
    dates: dict[str, str] = {}
    gold: list[dict] = []

    # ---- articles -------------------------------------------------------
    for a in src["articles"]:
        aid = a["id"]
        if aid in texts:
            raise SourceError(f"duplicate article id {aid}")
        text = a["text"]
        if text != text.strip() or "\n\n" in text or "\r" in text:
            raise SourceError(f"{aid}: text must be trimmed, paragraphs separated by single \\n")
        texts[aid] = text
        dates[aid] = _date(a["date"], aid)
        rec: dict[str, Any] = {"id": aid, "url": a["url"], "title": a["title"]}
        if "author" in a:
            rec["author"] = a["author"]
        if "authors" in a:
            rec["authors"] = list(a["authors"])
        rec.update({"outlet": a["outlet"], "date": dates[aid], "lang": a.get("lang", "en"), "text": text})
        articles_out.append(rec)

    # ---- speakers -------------------------------------------------------
    speakers: dict[str, dict] = {}
    for sp in src["speakers"]:
        name = sp["name"]
        if name in speakers:
            raise SourceError(f"duplicate speaker {name}")
        if sp.get("kind", "person") not in {"person", "organisation"}:
            raise SourceError(f"speaker {name}: bad kind")
        roles = []
        for r in sp.get("roles", []):
            roles.append({"role": r["role"], "from": _date(r.get("from"), name), "to": _date(r.get("to"), name)})
        speakers[name] = {
            "type": "speaker",
            "name": name,
            "kind": sp.get("kind", "person"),
            "aliases": list(sp.get("aliases", [])),
            "roles": roles,
        }
    gold.extend(speakers.values())

    # ---- article metadata ----------------------------------------------
    for a in src["articles"]:
        if "gold_author" in a:
            authors = [a["gold_author"]] if isinstance(a["gold_author"], str) else list(a["gold_author"])
        elif "authors" in a:
            authors = list(a["authors"])
        elif "author" in a:
            authors = [a["author"]]
        else:
            authors = []
        for au in authors:
            if "gold_author" in a and au not in texts[a["id"]]:
                raise SourceError(f"{a['id']}: byline author {au!r} not in text")
        gold.append(
            {
                "type": "article_meta",
                "article": a["id"],
                "author": ", ".join(authors) if authors else None,
                "authors": authors,
                "outlet": a["outlet"],
                "date": dates[a["id"]],
                "title": a["title"],
                "byline_in_text": "gold_author" in a,
            }
        )

    # ---- provenance -----------------------------------------------------
    for p in src.get("provenance", []):
        aid = p["article"]
        if aid not in texts:
            raise SourceError(f"provenance: unknown article {aid}")
        if p["relation"] not in RELATIONS:
            raise SourceError(f"provenance {aid}: bad relation {p['relation']}")
        rec = {"type": "provenance", "article": aid, "relation": p["relation"], "target": p["target"]}
        if p.get("evidence") is not None:
            s, e = locate(texts[aid], p["evidence"], 0, len(texts[aid]), f"provenance {aid}")
            rec["evidence"] = [s, e]
            rec["evidence_text"] = texts[aid][s:e]
        else:
            rec["evidence"] = None
        gold.append(rec)

    # ---- duplicates -----------------------------------------------------
    for cluster in src.get("duplicates", []):
        for aid in cluster:
            if aid not in texts:
                raise SourceError(f"duplicate cluster: unknown article {aid}")
        gold.append({"type": "duplicate", "articles": list(cluster)})

    # ---- statements -----------------------------------------------------
    by_label: dict[str, dict] = {}
    per_article: dict[str, int] = {}
    statements: list[dict] = []
    for i, st in enumerate(src["statements"]):
        aid = st["a"]
        what = f"statement #{i} ({aid}, {st.get('id', '')})"
        unknown = set(st) - STATEMENT_KEYS
        if unknown:
            raise SourceError(f"{what}: unknown keys {sorted(unknown)} (unquoted comma in a flow mapping?)")
        for q in st.get("q", []):
            if set(q) - QUANTITY_KEYS:
                raise SourceError(f"{what}: unknown quantity keys {sorted(set(q) - QUANTITY_KEYS)}")
        if aid not in texts:
            raise SourceError(f"{what}: unknown article")
        text = texts[aid]
        kind = st["k"]
        if kind not in STATEMENT_KINDS:
            raise SourceError(f"{what}: bad kind {kind}")
        if "spans" in st:
            pieces = [locate(text, f, 0, len(text), f"{what} span") for f in st["spans"]]
            if any(pieces[j][1] > pieces[j + 1][0] for j in range(len(pieces) - 1)):
                raise SourceError(f"{what}: spans out of order")
        else:
            pieces = [locate(text, st["c"], 0, len(text), f"{what} content")]
        cs, ce = pieces[0][0], pieces[-1][1]
        p0, p1 = paragraph_bounds(text, cs, ce)

        def find_in_para(spec: Any, label: str) -> list[int] | None:
            if spec is None:
                return None
            s, e = locate(text, spec, p0, p1, f"{what} {label}")
            for piece in pieces:
                if _overlaps((s, e), piece):
                    raise SourceError(f"{what}: {label} {text[s:e]!r} overlaps the content")
            return [s, e]

        cue = find_in_para(st.get("cue"), "cue")
        source = find_in_para(st.get("src"), "source")
        mt = st.get("mt", "none")
        if mt not in MENTION_TYPES:
            raise SourceError(f"{what}: bad mention_type {mt}")
        if (source is None) != (mt == "none"):
            raise SourceError(f"{what}: source/mention_type mismatch")
        speaker = st.get("sp")
        if speaker is not None and speaker not in speakers:
            raise SourceError(f"{what}: unknown speaker {speaker!r}")
        said_on = _date(st["said_on"], what) if "said_on" in st else dates[aid]
        if said_on is not None and said_on > dates[aid]:
            raise SourceError(f"{what}: said_on {said_on} after article date")

        # quote-mark sanity checks
        for s, e in pieces:
            inner = text[s:e]
            if kind == "direct":
                if s == 0 or text[s - 1] not in OPEN_QUOTES:
                    raise SourceError(f"{what}: direct content not preceded by a quote mark: {inner[:30]!r}")
                after = text[e : e + 2]
                if not after or (after[0] not in CLOSE_QUOTES and after[:2] not in {",”", ",\"", ",»", ",’"}):
                    raise SourceError(f"{what}: direct content not followed by a quote mark: {inner[-30:]!r}")
        joined = "".join(text[s:e] for s, e in pieces)
        if kind == "mixed" and not any(q in joined for q in "\"“«"):
            raise SourceError(f"{what}: mixed content without a quoted fragment")
        if kind == "indirect" and any(q in joined for q in "“«\""):
            raise SourceError(f"{what}: indirect content contains quote marks (use mixed)")

        quantities = []
        for q in st.get("q", []):
            s, e = locate(text, q["t"], cs, ce, f"{what} quantity")
            quantities.append(
                {
                    "text": text[s:e],
                    "start": s,
                    "end": e,
                    "value": q.get("v"),
                    "low": q.get("lo"),
                    "high": q.get("hi"),
                    "unit": q.get("u", ""),
                    "counted": q.get("c", ""),
                    "qualifier": q.get("ql", ""),
                }
            )
        hedges = []
        for h in st.get("h", []):
            if len(h) != 2:
                raise SourceError(f"{what}: hedge must be [kind, fragment]: {h!r}")
            hkind, hspec = h[0], h[1]
            if hkind not in HEDGE_KINDS:
                raise SourceError(f"{what}: bad hedge kind {hkind}")
            s, e = locate(text, hspec, cs, ce, f"{what} hedge")
            hedges.append({"kind": hkind, "start": s, "end": e, "text": text[s:e]})
        modality = st.get("mod", "asserted")
        polarity = st.get("pol", "positive")
        if modality not in MODALITIES or polarity not in POLARITIES:
            raise SourceError(f"{what}: bad modality/polarity")

        per_article[aid] = per_article.get(aid, 0) + 1
        sid = st.get("id") or f"{aid}/s{per_article[aid]}"
        if sid in by_label:
            raise SourceError(f"{what}: duplicate statement id {sid}")
        rec = {
            "type": "statement",
            "id": sid,
            "article": aid,
            "kind": kind,
            "content": [cs, ce],
            "content_spans": [list(p) for p in pieces],
            "cue": cue,
            "source": source,
            "speaker": speaker,
            "mention_type": mt,
            "said_on": said_on,
            "quantities": quantities,
            "hedges": hedges,
            "modality": modality,
            "polarity": polarity,
            "text": text[cs:ce],
        }
        for other in statements:
            if other["article"] == aid and other["content"] == rec["content"]:
                raise SourceError(f"{what}: same content span as {other['id']}")
        by_label[sid] = rec
        statements.append(rec)
    gold.extend(statements)

    # ---- flags ------------------------------------------------------------
    for f in src.get("flags", []):
        if f["flag"] not in FLAG_TYPES:
            raise SourceError(f"bad flag type {f['flag']}")
        evidence = []
        for ref in f["evidence"]:
            if ref not in by_label:
                raise SourceError(f"flag {f['flag']}: unknown statement id {ref}")
            s = by_label[ref]
            evidence.append({"article": s["article"], "content": list(s["content"]), "statement": ref})
        if len(evidence) < 2 and f["flag"] != "vanished":
            raise SourceError(f"flag {f['flag']}: needs two pieces of evidence")
        gold.append(
            {
                "type": "flag",
                "flag": f["flag"],
                "topic": f.get("topic", ""),
                "evidence": evidence,
                "note": f["note"],
            }
        )
    return articles_out, gold


def check(articles_path: Path, gold_path: Path) -> dict[str, Any]:
    """Re-read the built files and validate offsets and references. Returns counts."""
    arts = [json.loads(line) for line in articles_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {a["id"]: a["text"] for a in arts}
    assert len(texts) == len(arts), "duplicate article ids"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    speakers = {g["name"] for g in gold if g["type"] == "speaker"}
    contents: set[tuple[str, int, int]] = set()
    counts: dict[str, Any] = {"articles": len(arts), "statements": 0, "flags": {}}

    def span_ok(aid: str, span: list[int] | None, expect: str | None = None) -> None:
        if span is None:
            return
        s, e = span
        t = texts[aid]
        assert 0 <= s < e <= len(t), (aid, span)
        if expect is not None:
            assert t[s:e] == expect, (aid, span, t[s:e], expect)

    for g in gold:
        typ = g["type"]
        if typ in {"statement", "provenance", "article_meta"}:
            assert g["article"] in texts, g
        if typ == "statement":
            counts["statements"] += 1
            aid = g["article"]
            span_ok(aid, g["content"], g["text"])
            for p in g["content_spans"]:
                span_ok(aid, p)
            assert g["content"][0] == g["content_spans"][0][0] and g["content"][1] == g["content_spans"][-1][1]
            span_ok(aid, g["cue"])
            span_ok(aid, g["source"])
            for q in g["quantities"]:
                span_ok(aid, [q["start"], q["end"]], q["text"])
            for h in g["hedges"]:
                span_ok(aid, [h["start"], h["end"]], h["text"])
            assert g["speaker"] is None or g["speaker"] in speakers, g["speaker"]
            contents.add((aid, *g["content"]))
        elif typ == "provenance":
            if g["evidence"] is not None:
                span_ok(g["article"], g["evidence"], g["evidence_text"])
        elif typ == "duplicate":
            assert all(a in texts for a in g["articles"]), g
        elif typ == "flag":
            counts["flags"][g["flag"]] = counts["flags"].get(g["flag"], 0) + 1
    for g in gold:
        if g["type"] == "flag":
            for ev in g["evidence"]:
                assert ev["article"] in texts, ev
                assert (ev["article"], *ev["content"]) in contents, ev
    metas = {g["article"] for g in gold if g["type"] == "article_meta"}
    assert metas == set(texts), "article_meta missing for some articles"
    return counts


def main(argv: list[str]) -> int:
    only_check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    story_dir = Path(args[0]) if args else Path(__file__).resolve().parent
    articles_path = story_dir / "articles.jsonl"
    gold_path = story_dir / "gold.jsonl"
    if not only_check:
        src = yaml.safe_load((story_dir / "gold_source.yaml").read_text(encoding="utf-8"))
        try:
            articles, gold = build(src)
        except SourceError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        with articles_path.open("w", encoding="utf-8") as fh:
            for rec in articles:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        with gold_path.open("w", encoding="utf-8") as fh:
            for rec in gold:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    counts = check(articles_path, gold_path)
    print(json.dumps(counts, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
