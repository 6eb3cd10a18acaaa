"""schema.org ClaimReview JSON-LD for flagged claims: one review per statement in a flag, streamed as a JSON array."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator, TextIO
from urllib.parse import quote

from .dossier import safe_url
from .sources import speaker_of

__all__ = ["claim_reviews", "write_claimreview", "REQUIRED_KEYS"]

REQUIRED_KEYS = ("@context", "@type", "url", "claimReviewed", "author", "datePublished", "reviewRating", "itemReviewed")

FLAG_LABELS = {
    "number_drift": "Numbers changed between statements",
    "reversal": "Position reversed",
    "disagreement": "Sources disagree",
    "hedge": "Hedge dropped or added",
    "vanished": "Claim disappeared",
}


def claim_reviews(flags: Iterable[dict[str, Any]], *, base_url: str = "http://127.0.0.1:8000") -> Iterator[dict[str, Any]]:
    """ClaimReview objects for every evidence statement of every flag (flags with statements expanded)."""
    base = base_url.rstrip("/")
    for flag in flags:
        reviewed_on = str(flag.get("created_at") or datetime.now(timezone.utc).date().isoformat())[:10]
        for st in flag.get("evidence", []):
            who = speaker_of(st)
            art = st.get("article") or {}
            appearance = {"@type": "CreativeWork", "headline": art.get("title") or "", "datePublished": art.get("published")}
            if safe_url(art.get("url")):
                appearance["url"] = art["url"]
            if art.get("outlet"):
                appearance["publisher"] = {"@type": "Organization", "name": art["outlet"]}
            yield {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{base}/flags/{quote(str(flag['id']), safe='')}#s-{quote(str(st['id']), safe='')}",
                "claimReviewed": st["content"]["text"],
                "author": {"@type": "Organization", "name": "onrecord"},
                "datePublished": reviewed_on,
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": FLAG_LABELS.get(flag["type"], flag["type"]),
                    "ratingExplanation": flag.get("explanation") or "",
                },
                "itemReviewed": {
                    "@type": "Claim",
                    "author": {"@type": "Person", "name": who["name"]} if who else None,
                    "datePublished": st.get("said_on") or st.get("published"),
                    "appearance": [appearance],
                },
            }


def write_claimreview(reviews: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write a JSON array of ClaimReview objects, one per line, without holding them."""
    out.write("[")
    n = 0
    for review in reviews:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(review, ensure_ascii=False))
        n += 1
    out.write("\n]\n")
    return n
