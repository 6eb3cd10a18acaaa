"""Candidate pairs by blocking, so that flag detection never compares all pairs.

A *blocker* gives each claim zero or more block keys; two claims are a candidate pair
when they share a key. Inside one block claims are ordered by date and each is paired
only with its next ``window`` neighbours, so a block of any size costs ``O(n * window)``
and the whole step grows about linearly with the number of statements.

Blockers are pluggable: anything with a ``name`` and ``keys(claim) -> Iterable[Hashable]``
works (an embedding-based blocker would bucket by nearest centroid, for instance).
"""

from __future__ import annotations

import hashlib
import struct
from typing import Hashable, Iterable, Iterator, Protocol, Sequence

from .comparison import Claim

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
    """Same canonical speaker (reversals, hedges, vanished claims)."""

    name = "speaker"

    def keys(self, claim: Claim) -> Iterable[Hashable]:
        return (claim.speaker,) if claim.speaker else ()


class CountedBlocker:
    """Same counted thing in the same unit (number drift across speakers and outlets)."""

    name = "counted"

    def keys(self, claim: Claim) -> Iterable[Hashable]:
        return {(q.get("counted"), q.get("unit") or "") for q in claim.quantities if q.get("counted")}


class StanceBlocker:
    """Same stance axis with a shared content word (opposite positions worded differently)."""

    name = "stance"

    def keys(self, claim: Claim) -> Iterable[Hashable]:
        return {(axis, key) for axis, _ in claim.stances for key in claim.keys}


class MinHashBlocker:
    """Same topic: locality-sensitive hashing of MinHash signatures over content keys.

    ``bands`` x ``rows`` = permutations; two key sets share a band with probability about
    ``1 - (1 - J**rows)**bands`` for Jaccard ``J`` (16 x 2: J=0.25 -> 0.64, J=0.4 -> 0.93).
    """

    name = "minhash"

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
    return [SpeakerBlocker(), CountedBlocker(), MinHashBlocker(), StanceBlocker()]


def candidate_pairs(claims: Sequence[Claim], blockers: Iterable[Blocker] | None = None, *,
                    window: int = 40) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of claims sharing a block key, each pair once.

    Within a block, claims are sorted by (date, id) and paired with the next ``window``.
    """
    order = sorted(range(len(claims)), key=lambda i: (claims[i].date, claims[i].id))
    rank = {i: r for r, i in enumerate(order)}
    seen: set[tuple[int, int]] = set()
    for blocker in blockers if blockers is not None else default_blockers():
        many = getattr(blocker, "keys_many", None)
        all_keys = many(claims) if many else [list(blocker.keys(c)) for c in claims]
        blocks: dict[Hashable, list[int]] = {}
        for i in order:
            for key in all_keys[i]:
                blocks.setdefault(key, []).append(i)
        for members in blocks.values():
            for pos, i in enumerate(members):
                for j in members[pos + 1 : pos + 1 + window]:
                    pair = (i, j) if rank[i] < rank[j] else (j, i)
                    if pair not in seen:
                        seen.add(pair)
                        yield pair
