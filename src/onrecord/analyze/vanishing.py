"""Vanished claims: a claim a speaker or organisation made repeatedly that stops appearing while
the topic goes on being covered, or that is reported as withdrawn or deleted.

A claim is keyed by its *source* and a *claim word*:

* the source is the canonical speaker, and the organisation it speaks for (a spokesperson's
  "Ostrel" and the organisation "Ostrel Chemicals" are one source: an organisation whose name
  starts with another's words joins it); statements with neither are their outlet's;
* claim words are content keys normalised further than the comparison rules need
  (:func:`claim_word`: "vandals", "vandalism", "vandalised" -> ``vand``; "sabotage",
  "saboteurs" -> ``sabot``; "terrorists", "terrorism" -> ``terror``), names left out, so
  one claim in different words ("damaged by vandals", "a deliberate act of vandalism") is one key.

Copies of one utterance (wire reprints, see :mod:`.copies`) count once, both as utterances and
as articles.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import Iterable, Sequence

from ..models import Flag
from ..resolve.titles import org_key
from .claims import GENERIC_KEYS as _GENERIC_KEYS, Claim, days_between as _days_between, make_flag as _flag, quote as _quote
from .copies import collapse_copies
from .propositions import content_keys, tokens

__all__ = ["vanished", "claim_word", "retraction", "VANISH_MIN_DAYS", "VANISH_MIN_ARTICLES",
           "VANISH_MIN_UTTERANCES", "VANISH_QUIET_DAYS", "VANISH_RETRACTED_MIN"]


VANISH_MIN_UTTERANCES = 3  # distinct utterances of the claim by one source (copies count once)
VANISH_MIN_DAYS = 2  # days (by said_on) it was made on
VANISH_MIN_ARTICLES = 2  # articles it was made in, copies of one story counted once
VANISH_QUIET_DAYS = 3  # days the topic goes on without it (and at least twice its longest pause)
VANISH_RETRACTED_MIN = 2  # utterances before a reported withdrawal
VANISH_MAX_SHARE = 0.25  # words in more than this share of utterances are topic, not claim
VANISH_CONTEXT_WORDS = 12  # a claim's topic: its most frequent companion words
VANISH_PAIR_WORDS = 12  # a statement's rarest claim words that form pairs (bounded work)
VANISH_AFTER_SCAN = 50  # postings per topic word looked at after the claim's last day (bounded work)

# derivational endings stripped after the shared stemmer, until the root is this short
_SUFFIXES = ("isation", "ization", "ations", "ation", "ators", "ator", "isms", "ism", "ists", "ist", "eurs", "eur",
             "ities", "ity", "is", "iz", "ag", "al")
_MIN_ROOT = 4

# reported withdrawals: "withdrew the claim", "deleted the post", "no longer says", "the claim was retracted"
_RETRACTION = re.compile(
    r"\b(?:withdr[ae]wn?|withdraws?|retract(?:s|ed)?|deleted?|deletes|took\s+down|taken\s+down|walked\s+back|"
    r"dropped|abandoned|disavowed)\s+(?:[\w'’-]+\s+){0,3}?(?:claims?|allegations?|assertions?|accusations?|"
    r"statements?|posts?|tweets?|messages?|remarks?|comments?|version|theory|suggestions?)\b"
    r"|\bno\s+longer\s+(?:says?|said|claims?|claimed|believes?|maintains?|blames?|insists?|attributes?|suggests?)\b"
    r"|\b(?:claims?|allegations?|statements?|posts?|tweets?|messages?)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:withdrawn|retracted|deleted|taken\s+down|removed)\b",
    re.I,
)


@lru_cache(maxsize=65536)
def claim_word(key: str) -> str:
    """A content key reduced to the root its word family shares ("vandalism" -> "vand")."""
    w = key
    while True:
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= _MIN_ROOT:
                w = w[: -len(suf)]
                break
        else:
            return w


def retraction(text: str) -> bool:
    """Whether a statement reports a claim withdrawn, deleted or no longer made."""
    return bool(_RETRACTION.search(text))


@lru_cache(maxsize=65536)
def _name_words(name: str, language: str) -> frozenset[str]:
    return frozenset(claim_word(k) for k in content_keys(name, language)) if name else frozenset()


def _topic_words(c: Claim) -> frozenset[str]:
    return frozenset(claim_word(k) for k in c.keys - _GENERIC_KEYS if len(k) > 3)


def _claim_words(c: Claim, topic: frozenset[str]) -> frozenset[str]:
    names = {claim_word(k) for k in c.name_keys} | _name_words(c.speaker_name, c.language) \
        | _name_words(c.org, c.language)
    return topic - names


def _org_clusters(items: Sequence[Claim]) -> dict[str, str]:
    """Organisation key -> the key of its cluster (the shortest organisation its words start with)."""
    keys = sorted({org_key(c.org) for c in items if c.org} - {""}, key=lambda k: (len(k.split()), k))
    cluster: dict[str, str] = {}
    for k in keys:
        words = k.split()
        head = next((cluster[p] for p in (" ".join(words[:n]) for n in range(1, len(words))) if p in cluster), k)
        cluster[k] = head
    return cluster


def _sources(items: Sequence[Claim]) -> list[frozenset[str]]:
    """Per claim: its source keys (speaker, organisation; the outlet when it has neither)."""
    cluster = _org_clusters(items)
    by_speaker: dict[str, Counter] = {}
    for c in items:
        if c.speaker and c.org:
            by_speaker.setdefault(c.speaker, Counter())[cluster[org_key(c.org)]] += 1
    out = []
    for c in items:
        keys = set()
        org = cluster.get(org_key(c.org)) if c.org else None
        if org is None and c.speaker in by_speaker:
            org = by_speaker[c.speaker].most_common(1)[0][0]
        if org:
            keys.add("o:" + org)
        if c.speaker and not (org and org_key(c.speaker_name) in cluster):
            keys.add("s:" + c.speaker)
        if not keys and c.outlet:
            keys.add("w:" + c.outlet)
        out.append(frozenset(keys))
    return out


def vanished(claims: Iterable[Claim]) -> list[Flag]:
    """Claims made repeatedly that stop while the coverage goes on, or that are reported withdrawn.

    A claim (source, claim word) is *repeated* when the source made it in ``VANISH_MIN_UTTERANCES``
    distinct utterances over ``VANISH_MIN_DAYS`` days in ``VANISH_MIN_ARTICLES`` articles (copies of
    one statement count once). It has *vanished* when the source never makes it again and the topic
    (the claim's most frequent companion words) is still covered afterwards -- by the source (one
    topic word) or anyone (two) -- on two days or more, until ``VANISH_QUIET_DAYS`` days (and twice
    the claim's longest pause) after its last appearance. A topic nobody covers any more is not a
    vanished claim. A claim made ``VANISH_RETRACTED_MIN`` times and then reported withdrawn
    ("withdrew the claim", "deleted the post", "no longer says") has vanished without waiting.
    Claims made mostly of figures are left to the number chains (a figure that stops appearing was
    usually replaced by a newer one). Overlapping candidates are merged, the best-supported kept.
    """
    items = sorted((c for c in claims if c.date), key=lambda c: (c.date, c.id))
    if not items:
        return []
    dates = [c.date for c in items]
    sources = _sources(items)
    rep_of = {c.id: rep for rep, copies in collapse_copies(items)[1].items() for c in copies}
    article = {c.id: c.article_db or c.article for c in items}
    topics = [_topic_words(c) for c in items]
    retracts = [retraction(c.text) for c in items]
    words = [frozenset() if r else _claim_words(c, t) for c, t, r in zip(items, topics, retracts)]

    df: Counter = Counter()
    seen_utterances: set[str] = set()
    for c, t in zip(items, topics):
        if rep_of.get(c.id, c.id) not in seen_utterances:
            seen_utterances.add(rep_of.get(c.id, c.id))
            df.update(t)
    limit = max(15, int(len(seen_utterances) * VANISH_MAX_SHARE))
    postings: dict[str, list[int]] = {}
    runs: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    withdrawals: dict[str, list[int]] = {}  # word -> reported withdrawals that name it
    for i, (ws, t) in enumerate(zip(words, topics)):
        for w in t:
            postings.setdefault(w, []).append(i)
        ks = sorted(sorted((w for w in ws if VANISH_RETRACTED_MIN <= df[w] <= limit), key=lambda w: (df[w], w))
                    [:VANISH_PAIR_WORDS])
        if retracts[i]:
            for w in t:
                withdrawals.setdefault(w, []).append(i)
        keys = [(w,) for w in ks] + [(a, b) for n, a in enumerate(ks) for b in ks[n + 1:]]
        for s in sources[i]:
            for k in keys:
                runs.setdefault((s, k), []).append(i)

    def utterances(run: list[int]) -> dict[str, Claim]:
        out: dict[str, Claim] = {}
        for i in run:
            if not items[i].recap:  # a recap re-reports an earlier utterance
                out.setdefault(rep_of.get(items[i].id, items[i].id), items[i])
        return out

    def context(run: list[int], key: tuple[str, ...]) -> list[str]:
        counts = Counter(w for u in {rep_of.get(items[i].id, items[i].id): i for i in run}.values() for w in topics[u])
        for w in key:
            counts.pop(w, None)
        return [w for w, n in counts.most_common(VANISH_CONTEXT_WORDS) if n >= 2 or len(counts) <= 3]

    def restated(run: list[int], key: tuple[str, ...]) -> bool:
        """The run's sources make the claim again later (all its words, or its rarest one)."""
        keys = set().union(*(sources[i] for i in run))
        last = items[run[-1]].date
        rarest = (min(key, key=lambda w: (df[w], w)),)
        return any(items[other[-1]].date > last for s in keys for k in {key, rarest}
                   if (other := runs.get((s, k))) is not None)

    candidates: list[tuple[tuple, str, list[int], str, Claim | None]] = []
    for (source, key), run in runs.items():
        said = utterances(run)
        if len(said) < VANISH_RETRACTED_MIN or sum(bool(c.quantities) for c in said.values()) * 2 > len(said):
            continue  # mostly figures: a figure that stops is superseded (number drift), not dropped
        if len(key) == 1 and len(said) * 2 < df[key[0]]:
            continue  # a single word is a claim only when this source says it more than anyone else
        if restated(run, key):
            continue
        word = key[0] if len(key) == 1 else min(key, key=lambda w: (df[w], w))
        last = items[run[-1]].date
        withdrawn = next((items[i] for i in withdrawals.get(word, ())[::-1] if items[i].date >= last), None)
        days = sorted({c.date for c in said.values()})
        stories = {article[c.id] for c in said.values()}
        if withdrawn is None and (len(said) < VANISH_MIN_UTTERANCES or len(days) < VANISH_MIN_DAYS
                                  or len(stories) < VANISH_MIN_ARTICLES):
            continue
        ctx = context(run, key)
        after = _coverage(run, ctx, sources, topics, postings, bisect_right(dates, last), items)
        if withdrawn is None:
            gaps = [_days_between(a, b) or 0 for a, b in zip(days, days[1:])]
            quiet = _days_between(last, after[-1].date) if after else None
            if quiet is None or quiet < max(VANISH_QUIET_DAYS, 2 * max(gaps, default=0)) or \
                    len({c.date for c in after}) < 2:
                continue
        rank = (withdrawn is None, -len(said), len(key), -len(run), key, source)
        topic = " ".join([*key, *ctx[: 3 - len(key)]])
        candidates.append((rank, word, run, topic, withdrawn or (after[-1] if after else None)))
    candidates.sort(key=lambda t: t[0])
    taken: set[str] = set()
    flags: list[Flag] = []
    for rank, word, run, topic, last_seen in candidates:
        said = [items[i] for i in run]
        ids = {c.id for c in said}
        if len(ids & taken) * 2 >= len(ids):
            continue
        taken |= ids
        flags.append(_explain(rank[4], said, len(utterances(run)), topic, last_seen, withdrawn=not rank[0]))
    return flags


def _coverage(run: list[int], ctx: list[str], sources: list[frozenset[str]], topics: list[frozenset[str]],
              postings: dict[str, list[int]], start: int, items: list[Claim]) -> list[Claim]:
    """Statements after index ``start`` on the claim's topic, in date order: two topic words, or one
    from the claim's own source. Looks at the first and the last postings of each topic word."""
    keys = set().union(*(sources[i] for i in run))
    ctx_set = set(ctx)
    hits: set[int] = set()
    for w in ctx:
        post = postings.get(w, [])
        tail = post[bisect_right(post, start - 1):]
        hits.update(tail[:VANISH_AFTER_SCAN])
        hits.update(tail[-VANISH_AFTER_SCAN:])
    return [items[i] for i in sorted(hits)
            if len(topics[i] & ctx_set) >= 2 or (sources[i] & keys and topics[i] & ctx_set)]


def _surface(key: tuple[str, ...], said: list[Claim]) -> str:
    """The words of the claim as the source put them ("vandals + leak")."""
    forms = []
    for w in key:
        form = next((tok for c in said for tok in tokens(c.text)
                     if any(claim_word(k) == w for k in content_keys(tok, c.language))), w)
        forms.append(form)
    return " + ".join(forms)


def _explain(key: tuple[str, ...], said: list[Claim], n_utterances: int, topic: str, last_seen: Claim | None, *,
             withdrawn: bool) -> Flag:
    days = sorted({c.date for c in said})
    who = sorted({c.who for c in said})
    by = f"{', '.join(who[:3])}{' and others' if len(who) > 3 else ''}"
    example = min(said, key=lambda c: (len(c.text), c.date))
    claim = f"The claim {_quote(example.text, 70)} ({_surface(key, said)}) was made {n_utterances} times"
    if withdrawn and last_seen is not None:
        explanation = (f"{claim} from {days[0]} to {days[-1]} by {by}, then reported withdrawn on {last_seen.date}"
                       f" ({_quote(last_seen.text, 60)}).")
        return _flag("vanished", 0.8 + 0.02 * min(n_utterances, 5), explanation,
                     [*said[:11], last_seen], topic=topic)
    until = f" at least until {last_seen.date} ({_quote(last_seen.text, 50)})" if last_seen else ""
    explanation = f"{claim} from {days[0]} to {days[-1]} by {by}, then not again although the topic was still covered{until}."
    return _flag("vanished", 0.5 + 0.05 * min(n_utterances, 6), explanation, said[:12], topic=topic)
