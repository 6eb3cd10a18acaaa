"""The desk's FastAPI application: ``create_app(settings)``.

The store is opened once per app. Without an operator token the desk is read-only all the way
down (SQLite is opened with ``mode=ro`` and ``query_only``, PostgreSQL sessions are
``default_transaction_read_only``); with ``settings.token`` set, review verdicts and speaker
merges are accepted from requests that carry it.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ...errors import BadRequestError, NotFoundError, OnrecordError
from ...settings import Settings
from . import articles, exports, flags, overview, search, speakers, statements
from .desk import Desk
from .pages import json_response, templates, wants_json
from .problems import error_body, status_of
from .security import Guard, SecurityHeaders

__all__ = ["create_app", "readonly_url"]

log = logging.getLogger("onrecord.web")

_HTTP_CODES = {404: (NotFoundError.code, "See /openapi.json for every route."),
               405: (BadRequestError.code, "This route does not take that method.")}


def readonly_url(url: str) -> str:
    """The SQLite URL opened read-only (``mode=ro``); other databases unchanged."""
    if url.startswith("sqlite:///") and "mode=ro" not in url:
        path = url[len("sqlite:///"):]
        if path and path != ":memory:":
            return f"sqlite:///file:{path}?mode=ro&uri=true"
    return url


def create_app(settings: Settings, *, store: Any = None, writable: bool | None = None) -> FastAPI:
    """Build the app over ``settings.db`` (or a given ``store``). ``writable`` defaults to "a token is set"."""
    writable = bool(settings.token) if writable is None else writable
    if store is None:
        from ...store import open_store

        store = open_store(settings.db, migrate=True) if writable else open_store(readonly_url(settings.db), read_only=True)
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="onrecord desk",
        summary="Who said what, when, and whether it adds up: every page's JSON twin.",
        version="1",
        docs_url=None,  # the Swagger page needs a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.desk = Desk(store)
    app.state.guard = Guard(settings.token, writable)
    app.state.settings = settings
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    for module in (overview, exports, articles, speakers, statements, flags, search):
        app.include_router(module.router)

    def problem(request: Request, status: int, code: str, message: str, hint: str):
        if wants_json(request) or request.url.path.endswith((".json", "/verdict", "/merge")) and not _is_form(request):
            return json_response(error_body(code, message, hint), status)
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "code": code, "message": message, "hint": hint, "app": request.app.state},
            status_code=status,
        )

    @app.exception_handler(OnrecordError)
    async def onrecord_error(request: Request, exc: OnrecordError):
        return problem(request, status_of(exc), exc.code, str(exc), exc.hint)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code, hint = _HTTP_CODES.get(exc.status_code, (f"E0{exc.status_code // 10}", ""))
        return problem(request, exc.status_code, code, str(exc.detail), hint)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        where = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in exc.errors())
        return problem(request, 400, BadRequestError.code, f"Invalid request: {where}", BadRequestError.hint)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return problem(request, 500, "E000", "Internal error.", "This is a bug; the server log has the details.")

    return app


def _is_form(request: Request) -> bool:
    return request.headers.get("content-type", "").startswith(("application/x-www-form-urlencoded", "multipart/form-data"))
