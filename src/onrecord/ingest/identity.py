"""Article identity (content hashes) and near-duplicate fingerprints (MinHash) and clusters (LSH)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from ..models import content_id

__all__ = ["article_id", "fingerprint", "cluster_fingerprints", "NUM_PERM"]

NUM_PERM = 64
SCHEME = "affine32"  # pinned: stored signatures must stay comparable across datasketch releases
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def _norm(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def article_id(text: str, *, url: str = "", outlet: str = "") -> str:
    """Content hash of the normalised text with the copy's URL and outlet (each copy of a reprint is kept)."""
    return content_id(_norm(text), url.strip(), outlet.strip().lower())


def fingerprint(text: str, *, shingle: int = 4) -> tuple[int, ...]:
    """MinHash signature of word shingles (case-folded)."""
    from datasketch import MinHash

    words = _WORD.findall(text.casefold())
    mh = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)
    grams = {" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    mh.update_batch([g.encode("utf-8") for g in grams])
    return tuple(int(v) for v in mh.hashvalues)


def cluster_fingerprints(items: Iterable[tuple[str, str]], threshold: float = 0.8) -> dict[str, str]:
    """Group near-duplicates. ``items`` are (article id, comma-joined signature).

    Returns article id -> cluster id (the smallest member id) for members of clusters of size > 1.
    """
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sigs: dict[str, MinHash] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for aid, sig in items:
        if not sig:
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME, hashvalues=np.array([int(v) for v in sig.split(",")], dtype=np.uint64))
        parent[aid] = aid
        for other in lsh.query(mh):
            if sigs[other].jaccard(mh) >= threshold:
                ra, rb = find(aid), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        lsh.insert(aid, mh)
        sigs[aid] = mh
    groups: dict[str, list[str]] = {}
    for aid in parent:
        groups.setdefault(find(aid), []).append(aid)
    return {m: min(ms) for ms in groups.values() if len(ms) > 1 for m in ms}
