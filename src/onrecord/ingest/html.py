"""HTML main text and metadata with trafilatura, under a timeout."""

from __future__ import annotations

import concurrent.futures as cf
import json

from ..errors import IngestError
from .raw import RawDoc

__all__ = ["extract_html"]

_POOL: cf.ThreadPoolExecutor | None = None


def _pool() -> cf.ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="onrecord-html")
    return _POOL


def _abandon_pool() -> None:
    """Leave a pool whose worker is stuck on a pathological page; the next page gets a fresh pool,
    so time spent behind the stuck page is never charged to the pages after it."""
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=False, cancel_futures=True)
        _POOL = None


def _run(html: str, url: str) -> dict | None:
    import trafilatura

    out = trafilatura.extract(
        html,
        url=url or None,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not out:
        out = trafilatura.extract(html, url=url or None, output_format="json", with_metadata=True, favor_recall=True)
    return json.loads(out) if out else None


def extract_html(raw: RawDoc, *, timeout: float = 20.0) -> RawDoc:
    """Fill ``raw.text`` and metadata candidates from ``raw.html``. Raises IngestError(no_text|timeout)."""
    assert raw.html is not None
    if "<" not in raw.html[:5000] and "<" not in raw.html:
        raise IngestError("malformed_html", "The HTML input has no markup.")
    fut = _pool().submit(_run, raw.html, raw.url)
    try:
        data = fut.result(timeout=timeout)
    except cf.TimeoutError as exc:
        _abandon_pool()
        raise IngestError("timeout", f"HTML extraction took longer than {timeout:.0f}s.") from exc
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise IngestError("malformed_html", f"HTML could not be parsed: {exc.__class__.__name__}: {exc}") from exc
    if not data or not (data.get("text") or "").strip():
        raise IngestError("no_text", "No main text found in the HTML page.")
    raw.text = data["text"]
    raw.add("title", data.get("title"), "html:trafilatura-title")
    if data.get("author"):
        raw.add("author", [a.strip() for a in str(data["author"]).split(";")], "html:trafilatura-author")
    raw.add("date", data.get("date"), "html:trafilatura-date(htmldate)")
    # trafilatura's JSON calls the site name "source-hostname" (older releases: "sitename")
    raw.add("outlet", data.get("source-hostname") or data.get("sitename"), "html:trafilatura-sitename")
    raw.add("outlet", data.get("hostname"), "html:hostname")
    raw.add("language", data.get("language"), "html:lang-attribute")
    if data.get("source") and not raw.url:
        raw.url = data["source"]
    raw.add("url", data.get("source"), "html:canonical-url")
    return raw
