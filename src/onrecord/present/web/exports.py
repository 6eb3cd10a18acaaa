"""``/export/{kind}.{ext}``: the CLI's exports as downloads, streamed to the client."""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any, Iterator

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from ..export import FORMATS, KINDS, MEDIA_TYPES, check_export, export
from .pages import desk_of, respond
from .problems import BadRequest

router = APIRouter(tags=["exports"])
log = logging.getLogger("onrecord.web")

_DONE = object()


class _Pipe:
    """A file-like ``write`` that hands chunks to a bounded queue (so exports never buffer whole)."""

    def __init__(self, q: queue.Queue, stop: threading.Event) -> None:
        self.q, self.stop, self.buf, self.size = q, stop, [], 0

    def write(self, s: str) -> int:
        self.buf.append(s)
        self.size += len(s)
        if self.size >= 64_000:
            self.flush()
        return len(s)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self.buf:
            chunk, self.buf, self.size = "".join(self.buf).encode("utf-8"), [], 0
            while not self.stop.is_set():
                try:
                    self.q.put(chunk, timeout=0.5)
                    return
                except queue.Full:
                    continue
            raise BrokenPipeError("client went away")


def stream_export(store: Any, kind: str, fmt: str, speaker: str | None) -> Iterator[bytes]:
    q: queue.Queue = queue.Queue(maxsize=8)
    stop = threading.Event()

    def work() -> None:
        pipe = _Pipe(q, stop)
        try:
            export(store, kind, fmt, pipe, speaker=speaker)
            pipe.flush()
        except BrokenPipeError:
            return
        except Exception:  # the response has started: log, end the stream early
            log.exception("export %s as %s failed", kind, fmt)
        finally:
            while not stop.is_set():
                try:
                    q.put(_DONE, timeout=0.5)
                    break
                except queue.Full:
                    continue

    threading.Thread(target=work, daemon=True, name=f"export-{kind}-{fmt}").start()
    try:
        while (chunk := q.get()) is not _DONE:
            yield chunk
    finally:
        stop.set()


@router.get("/export", include_in_schema=False)
def exports_page(request: Request):
    return respond(request, "exports.html", {"kinds": KINDS, "formats": FORMATS})


@router.get("/export/{kind}.{ext}", summary="Download an export (jsonl, csv, md, html, jsonld), streamed",
            response_class=StreamingResponse)
def download(request: Request, kind: str, ext: str, speaker: str | None = Query(None, description="Only this speaker.")):
    fmt = next((f for f, (_, e) in MEDIA_TYPES.items() if e == ext), None)
    if fmt is None or kind not in KINDS:
        raise BadRequest(f"No export {kind}.{ext}", hint=f"Kinds: {', '.join(KINDS)}; extensions: "
                         + ", ".join(e for _, e in MEDIA_TYPES.values()))
    check_export(kind, fmt)
    media, _ = MEDIA_TYPES[fmt]
    return StreamingResponse(
        stream_export(desk_of(request).store, kind, fmt, (speaker or "").strip() or None),
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="onrecord-{kind}.{ext}"'},
    )
