"""Turn SOURCE arguments (files, folders, URLs, feeds, JSONL corpora, WARC archives) into raw documents.

Every input yields either a :class:`RawDoc` or a :class:`Skip` with a stable reason;
nothing here raises for one bad input.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

from ..errors import IngestError, missing_extra
from ..models import Skip
from ..settings import Settings
from .decode import decode_bytes
from .fetch import fetch_url
from .jsonl import JSONL_FIELDS, read_jsonl_lines
from .raw import RawDoc

__all__ = ["iter_raw", "JSONL_FIELDS"]

TEXT_SUFFIXES = {".txt", ".text"}
MD_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}

Item = RawDoc | Skip


def iter_raw(sources: list[str], settings: Settings, *, transport=None) -> Iterator[Item]:
    """Raw documents or skips for every source argument, in order."""
    for source in sources:
        try:
            if re.match(r"^https?://", source, re.I):
                yield from _from_url(source, settings, transport)
                continue
            path = Path(source).expanduser()
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
                if not files:
                    yield Skip(source, "empty", "The folder holds no files.")
                for f in files:
                    yield from _from_file(f, settings)
            elif path.is_file():
                yield from _from_file(path, settings)
            else:
                yield Skip(source, "not_found", "No such file, folder or URL.")
        except IngestError as exc:
            yield Skip(source, exc.reason, str(exc))
        except OSError as exc:
            yield Skip(source, "unreadable", f"{exc.__class__.__name__}: {exc}")


def _suffixes(path: Path) -> str:
    return "".join(path.suffixes[-2:]).lower()


def _from_file(path: Path, settings: Settings) -> Iterator[Item]:
    ref = str(path)
    sfx = _suffixes(path)
    try:
        if sfx.endswith((".warc", ".warc.gz", ".arc.gz")):
            yield from _from_warc(path, settings)
            return
        if sfx.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
            yield from _from_jsonl(path, settings)
            return
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield Skip(ref, "too_large", f"{size} bytes is over the cap of {settings.max_bytes} (setting max_bytes).")
            return
        data = path.read_bytes()
        text, _enc = decode_bytes(data)
        suffix = path.suffix.lower()
        if suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES | TEXT_SUFFIXES | MD_SUFFIXES and _is_feed(text)):
            yield from _from_feed(text, ref, settings, None)
            return
        raw = RawDoc(ref)
        raw.add("title", path.stem.replace("_", " ").replace("-", " "), "file:name")
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES | MD_SUFFIXES and _is_html(text)):
            raw.html = text
        elif suffix in MD_SUFFIXES:
            raw.text = _markdown_to_text(text, raw)
        else:
            raw.text = text
        yield raw
    except IngestError as exc:
        yield Skip(ref, exc.reason, str(exc))
    except OSError as exc:
        yield Skip(ref, "unreadable", f"{exc.__class__.__name__}: {exc}")


def _is_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<(?:!doctype html|html|body|head|article|p|div)\b", head))


def _is_feed(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<(?:rss|feed|rdf:rdf)\b", head))


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEAD = re.compile(r"^#{1,6}\s+", re.M)
_MD_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def _markdown_to_text(md: str, raw: RawDoc) -> str:
    if m := re.search(r"^#\s+(.+)$", md, re.M):
        raw.add("title", m.group(1).strip(), "text:markdown-heading")
    text = _MD_LINK.sub(r"\1", md)
    text = _MD_HEAD.sub("", text)
    text = _MD_EMPH.sub(r"\2", text)
    return re.sub(r"^\s*>\s?", "", text, flags=re.M)


def _open_maybe_gz(path: Path):
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")
    return path.open("rb")


def _from_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        fh = _open_maybe_gz(path)
    except OSError as exc:
        yield Skip(str(path), "unreadable", str(exc))
        return
    with fh:
        yield from read_jsonl_lines(fh, str(path), settings)


_WARC_MAGIC = (b"WARC/", b"filedesc://")  # WARC, or the older ARC format


def _warc_head(path: Path) -> bytes:
    with path.open("rb") as fh:
        head = fh.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    try:
        with opener(path, "rb") as fh:
            return fh.read(16)
    except (OSError, EOFError):
        return b""


def _gzip_truncated(path: Path) -> str:
    """Why a gzip-compressed archive is incomplete, or "" (warcio stops silently at a cut member)."""
    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except (OSError, EOFError) as exc:
        return f"{exc.__class__.__name__}: {exc}"
    return ""


def _from_warc(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise missing_extra("warc", "warcio") from exc
    if not _warc_head(path).lstrip().startswith(_WARC_MAGIC):
        yield Skip(str(path), "bad_warc", "Not a WARC file (it does not start with a WARC/ARC header).")
        return
    n = 0
    with path.open("rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type is None:
                    yield Skip(f"{path}#{n + 1}", "bad_warc", "Unreadable record; the rest of the archive is ignored.")
                    return
                if record.rec_type != "response":
                    continue
                n += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                ref = f"{path}#{n}:{uri}"
                http = record.http_headers
                ctype = (http.get_header("Content-Type") if http else "") or ""
                status = http.get_statuscode() if http else "200"
                if status and not str(status).startswith("2"):
                    yield Skip(ref, "http_status", f"Archived response has HTTP status {status}.")
                    continue
                if "html" not in ctype.lower():
                    yield Skip(ref, "not_html", f"Record content type is {ctype or 'unknown'}, not HTML.")
                    continue
                body = record.content_stream().read(settings.max_bytes + 1)
                if len(body) > settings.max_bytes:
                    yield Skip(ref, "too_large", f"Record body is over the cap of {settings.max_bytes} bytes.")
                    continue
                if getattr(record.raw_stream, "limit", 0):
                    yield Skip(ref, "bad_warc", f"Record is cut short ({record.raw_stream.limit} bytes missing).")
                    return
                m = re.search(r"charset=([\w\-]+)", ctype)
                try:
                    html, _ = decode_bytes(body, declared=m.group(1) if m else None)
                except IngestError as exc:
                    yield Skip(ref, exc.reason, str(exc))
                    continue
                raw = RawDoc(ref, html=html, url=uri)
                raw.add("url", uri, "warc:target-uri")
                raw.add("outlet", urlparse(uri).hostname, "url:hostname")
                raw.add("date", record.rec_headers.get_header("WARC-Date"), "warc:crawl-date")
                yield raw
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield Skip(f"{path}#{n + 1}", "bad_warc", f"Cannot read the WARC file further: {exc}")
            return
    if path.suffix.lower() == ".gz" and (why := _gzip_truncated(path)):
        yield Skip(f"{path}#{n + 1}", "bad_warc", f"The archive is truncated after record {n}: {why}")


def _from_url(url: str, settings: Settings, transport) -> Iterator[Item]:
    got = fetch_url(
        url,
        timeout=settings.fetch_timeout,
        max_bytes=settings.fetch_max_bytes,
        max_redirects=settings.fetch_max_redirects,
        transport=transport,
    )
    text, _ = decode_bytes(got.body, declared=got.encoding)
    ctype = got.content_type.lower()
    if any(k in ctype for k in ("rss", "atom")) or (("xml" in ctype or "text/plain" in ctype) and _is_feed(text)) or (
        "html" not in ctype and _is_feed(text)
    ):
        yield from _from_feed(text, url, settings, transport)
        return
    raw = RawDoc(url, url=got.url)
    raw.add("url", got.url, "http:final-url")
    raw.add("outlet", urlparse(got.url).hostname, "url:hostname")
    raw.add("date", got.last_modified, "http:last-modified")
    if "html" in ctype or _is_html(text):
        raw.html = text
    elif ctype.startswith("text/") or not ctype:
        raw.text = text
    else:
        raise IngestError("unsupported_type", f"{url} has content type {got.content_type!r}.")
    yield raw


_RSS_AUTHOR = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$|^\s*(?P<name2>[^<@]+?)\s*<\S+@\S+>\s*$")


def _feed_authors(entry) -> list[str]:
    """Author names of a feed entry; RSS "email (Name)" is read here (feedparser mangles it), bare emails dropped."""
    author = entry.get("author") or ""
    if "@" in author:
        m = _RSS_AUTHOR.match(author)
        return [m.group("name") or m.group("name2")] if m else []
    names = [a.get("name") for a in entry.get("authors", []) if a.get("name") and "@" not in a.get("name")]
    return names or ([author] if author else [])


def _from_feed(feed_text: str, ref: str, settings: Settings, transport) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(feed_text)
    if parsed.bozo and not parsed.entries:
        yield Skip(ref, "bad_feed", f"Not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        return
    feed_title = parsed.feed.get("title", "")
    for i, entry in enumerate(parsed.entries, 1):
        link = entry.get("link", "")
        eref = f"{ref}#entry{i}" + (f":{link}" if link else "")
        raw: RawDoc | None = None
        if link and re.match(r"^https?://", link) and transport is not False:
            try:
                got = next(iter(_from_url(link, settings, transport)))
                raw = got if isinstance(got, RawDoc) else None
            except IngestError:
                raw = None
        if raw is None:
            content = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary")
            if not content:
                yield Skip(eref, "missing_text", "Feed entry has no content and its link could not be fetched.")
                continue
            raw = RawDoc(eref, url=link)
            if _is_html(content) or "<" in content:
                raw.html = content if _is_html(content) else f"<html><body><article>{content}</article></body></html>"
            else:
                raw.text = content
        raw.source_ref = eref
        raw.add("title", entry.get("title"), "feed:title")
        raw.add("author", _feed_authors(entry), "feed:author")
        raw.add("date", entry.get("published") or entry.get("updated"), "feed:published")
        raw.add("outlet", feed_title, "feed:channel-title")
        raw.add("url", link, "feed:link")
        yield raw
