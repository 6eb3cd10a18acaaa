"""HTTP fetching with a timeout, a size cap and a redirect limit (transport injectable for tests)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import FetchError

__all__ = ["Fetched", "fetch_url"]


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL after redirects
    status: int
    content_type: str
    body: bytes
    encoding: str | None
    last_modified: str | None


def fetch_url(
    url: str,
    *,
    timeout: float = 15.0,
    max_bytes: int = 10_000_000,
    max_redirects: int = 5,
    transport=None,
) -> Fetched:
    """GET ``url``; raises FetchError with reason unreachable | http_status | too_large | bad_url."""
    import httpx

    if not url.lower().startswith(("http://", "https://")):
        raise FetchError("bad_url", f"Not an http(s) URL: {url}")
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=max_redirects,
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": "onrecord/0.1 (+news statement tracker)"},
        ) as client:
            with client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise FetchError("http_status", f"{url} answered HTTP {resp.status_code}.")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError("too_large", f"{url} is {declared} bytes (cap {max_bytes}).")
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError("too_large", f"{url} is larger than the cap of {max_bytes} bytes.")
                    chunks.append(chunk)
                return Fetched(
                    str(resp.url),
                    resp.status_code,
                    resp.headers.get("content-type", ""),
                    b"".join(chunks),
                    resp.charset_encoding,
                    resp.headers.get("last-modified"),
                )
    except httpx.TooManyRedirects as exc:
        raise FetchError("too_many_redirects", f"{url} redirected more than {max_redirects} times.") from exc
    except httpx.TimeoutException as exc:
        raise FetchError("timeout", f"{url} did not answer within {timeout:.0f}s.") from exc
    except httpx.HTTPError as exc:
        raise FetchError("unreachable", f"Cannot reach {url}: {exc.__class__.__name__}: {exc}") from exc
