"""Candidate pairs by blocking, so that flag detection never compares all pairs.

A *blocker* gives each claim zero or more block keys; two claims are a candidate pair
when they share a key. Inside one block claims are ordered by date and each is paired
only with its next ``window`` neighbours no more than the blocker's ``max_days`` later,
so a block of any size costs ``O(n * window)`` and the whole step grows about linearly
with the number of statements. Numbers are not paired at all (see :mod:`.chains`).

Blockers are pluggable: anything with a ``name`` and ``keys(claim) -> Iterable[Hashable]``
works (an embedding-based blocker would bucket by nearest centroid, for instance).
"""

from __future__ import annotations

import hashlib
import struct
from datetime import date
from typing import Hashable, Iterable, Iterator, Protocol, Sequence

from .claims import GENERIC_KEYS, Claim

__all__ = [
    "Blocker",
    "SpeakerBlocker",
    "CountedBlocker",
    "StanceBlocker",
    "MinHashBlocker",
    "default_blockers",
    "candidate_pairs",
]


class Blocker(Protocol):
    name: str

    def keys(self, claim: Claim) -> Iterable[Hashable]: ...


class SpeakerBlocker:
    """Same canonical speaker (reversals, hedges)."""

    name = "speaker"
    max_days = 60

    def keys(self, claim: Claim) -> Iterable[Hashable]:
        return (claim.speaker,) if claim.speaker else ()


class CountedBlocker:
    """Same counted thing in the same unit (not used by default: numbers are compared as chains)."""

    name = "counted"
    max_days = 60

    def keys(self, claim: Claim) -> Iterable[Hashable]:
        return {(q.get("counted"), q.get("unit") or "") for q in claim.quantities if q.get("counted")}


class StanceBlocker:
    """Same event axis with a shared argument word (opposite positions of two speakers worded differently),
    and the same denied subject word (a denial and its assertion)."""

    name = "stance"
    max_days = 7

    def keys(self, claim: Claim) -> Iterable[Hashable]:
        out = {(s.axis, key) for s in claim.stance_list for key in s.keys - GENERIC_KEYS}
        for subject, _ in claim.denials:
            out |= {("denied", key) for key in subject - GENERIC_KEYS}
        return out


class MinHashBlocker:
    """Same topic: locality-sensitive hashing of MinHash signatures over content keys.

    ``bands`` x ``rows`` = permutations; two key sets share a band with probability about
    ``1 - (1 - J**rows)**bands`` for Jaccard ``J`` (16 x 2: J=0.25 -> 0.64, J=0.4 -> 0.93).
    """

    name = "minhash"
    max_days = 7

    def __init__(self, bands: int = 16, rows: int = 2, seed: int = 1) -> None:
        self.bands, self.rows, self.seed = bands, rows, seed
        self._perm = None

    def signatures(self, key_sets: Sequence[frozenset[str]]) -> list[Sequence[int] | None]:
        from datasketch import MinHash

        num_perm = self.bands * self.rows
        encoded = [[k.encode("utf-8") for k in ks] for ks in key_sets]
        hashes = MinHash.bulk([e or [b""] for e in encoded], num_perm=num_perm, seed=self.seed)
        return [h.hashvalues if ks else None for h, ks in zip(hashes, key_sets)]

    def band_keys(self, signature: Sequence[int] | None) -> list[Hashable]:
        if signature is None:
            return []
        r = self.rows
        out = []
        for b in range(self.bands):
            chunk = struct.pack(f"<{r}Q", *(int(x) for x in signature[b * r : (b + 1) * r]))
            out.append((b, hashlib.blake2b(chunk, digest_size=8).digest()))
        return out

    def keys(self, claim: Claim) -> Iterable[Hashable]:
        return self.band_keys(self.signatures([claim.keys])[0]) if len(claim.keys) >= 2 else ()

    def keys_many(self, claims: Sequence[Claim]) -> list[list[Hashable]]:
        """Keys for many claims at once (shared permutations; much faster than one by one)."""
        sets = [c.keys if len(c.keys) >= 2 else frozenset() for c in claims]
        return [self.band_keys(sig) for sig in self.signatures(sets)]


def default_blockers() -> list[Blocker]:
    return [SpeakerBlocker(), StanceBlocker(), MinHashBlocker()]


def _ordinal(day: str) -> int:
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return 0


def candidate_pairs(claims: Sequence[Claim], blockers: Iterable[Blocker] | None = None, *,
                    window: int = 20) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i`` earlier than ``j``, of claims sharing a block key, each pair once.

    Within a block, claims are sorted by (date, id) and paired with the next ``window`` that are at
    most the blocker's ``max_days`` later (undated claims only with each other).
    """
    order = sorted(range(len(claims)), key=lambda i: (claims[i].date, claims[i].id))
    rank = [0] * len(claims)
    for r, i in enumerate(order):
        rank[i] = r
    day = [c.day or _ordinal(c.date) for c in claims]
    seen: set[tuple[int, int]] = set()
    for blocker in blockers if blockers is not None else default_blockers():
        max_days = getattr(blocker, "max_days", 10**6)
        many = getattr(blocker, "keys_many", None)
        all_keys = many(claims) if many else [list(blocker.keys(c)) for c in claims]
        blocks: dict[Hashable, list[int]] = {}
        for i in order:
            for key in all_keys[i]:
                blocks.setdefault(key, []).append(i)
        for members in blocks.values():
            if len(members) < 2:
                continue
            for pos, i in enumerate(members):
                for j in members[pos + 1 : pos + 1 + window]:
                    if day[j] - day[i] > max_days:
                        break
                    pair = (i, j) if rank[i] < rank[j] else (j, i)
                    if pair not in seen:
                        seen.add(pair)
                        yield pair
