"""How a route answers: an HTML page or its JSON twin, with shared filters and paging links."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from ..export.dossier import safe_url
from ..export.sources import speaker_of
from ..quotation import quoted
from .desk import Desk, Filters
from .problems import BadRequest
from .security import CSRF_COOKIE

__all__ = ["templates", "wants_json", "filters", "desk_of", "respond", "json_response"]

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.autoescape = True  # every template, whatever its name
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _page_url(request: Request, offset: int) -> str:
    params = dict(request.query_params)
    params["offset"] = str(max(0, offset))
    return request.url.path + "?" + urlencode(params)


templates.env.globals.update(safe_url=safe_url, who=speaker_of, page_url=_page_url)
templates.env.filters["quoted"] = quoted


def wants_json(request: Request) -> bool:
    """True for ``Accept: application/json`` unless HTML is also asked for (browsers)."""
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _date(name: str, value: str | None) -> str | None:
    value = (value or "").strip() or None
    if value and not _DATE.match(value):
        raise BadRequest(f"{name} must be a date like 2024-03-01, not {value!r}")
    return value


def filters(
    since: str | None = Query(None, description="On or after this date (YYYY-MM-DD)."),
    until: str | None = Query(None, description="On or before this date (YYYY-MM-DD)."),
    outlet: str | None = Query(None, description="Only this outlet (exact, case-insensitive)."),
    speaker: str | None = Query(None, description="Speaker name, or part of it."),
    type: str | None = Query(None, description="Flag type (number_drift, reversal, disagreement, hedge, vanished)."),
    limit: int = Query(50, ge=1, le=500, description="Page size."),
    offset: int = Query(0, ge=0, description="Rows to skip."),
) -> Filters:
    return Filters(
        since=_date("since", since), until=_date("until", until), outlet=(outlet or "").strip() or None,
        speaker=(speaker or "").strip() or None, type=(type or "").strip() or None, limit=limit, offset=offset,
    )


def desk_of(request: Request) -> Desk:
    return request.app.state.desk


def json_response(payload: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(jsonable_encoder(payload), status_code=status)


def respond(request: Request, template: str, payload: dict[str, Any], *, form: bool = False, **extra: Any) -> Response:
    """The JSON twin when asked for, else the page. ``form`` pages get a CSRF cookie and field."""
    if wants_json(request):
        return json_response(payload)
    context: dict[str, Any] = {"data": payload, "filters": extra.pop("f", None), "app": request.app.state, **extra}
    nonce = None
    if form:
        nonce, context["csrf"] = request.app.state.guard.csrf_pair(request)
    response = templates.TemplateResponse(request, template, context)
    if nonce:
        response.set_cookie(CSRF_COOKIE, nonce, httponly=True, samesite="strict", path="/")
    return response
