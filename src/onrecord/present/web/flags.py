"""``/flags`` and ``/flags/{id}``: both statements side by side, and the confirm/dismiss review."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse

from .desk import Filters
from .highlight import segments
from .pages import desk_of, filters, respond
from .problems import BadRequest
from .schemas import ERRORS, Page, Verdict
from .writes import authorise

router = APIRouter(tags=["flags"])


@router.get("/flags.json", response_model=Page, responses=ERRORS, summary="Flags, newest first")
def flags_json(request: Request, f: Filters = Depends(filters)):
    return desk_of(request).flags(f)


@router.get("/flags", include_in_schema=False)
def flags_page(request: Request, f: Filters = Depends(filters)):
    return respond(request, "flags.html", desk_of(request).flags(f), f=f)


@router.get("/flags/{flag_id}.json", responses=ERRORS, summary="One flag with its statements in context")
def flag_json(request: Request, flag_id: str) -> dict:
    return desk_of(request).flag(flag_id)


@router.get("/flags/{flag_id}", include_in_schema=False)
def flag_page(request: Request, flag_id: str):
    desk = desk_of(request)
    fl = desk.flag(flag_id)
    sides = [segments(st["context"]["text"], [st], base=st["context"]["start"]) for st in fl["evidence"]]
    return respond(request, "flag.html", fl, sides=sides, form=desk.records.can_review and request.app.state.guard.writable)


@router.post("/flags/{flag_id}/verdict", responses=ERRORS | {403: ERRORS[400] | {"description": "No token"}},
             summary="Confirm or dismiss a flag (needs the operator token)")
async def review_flag(request: Request, flag_id: str):
    data = await authorise(request, Verdict)
    desk = desk_of(request)
    if not desk.records.can_review:
        raise BadRequest("This store cannot record verdicts yet.")
    flag = desk.review(flag_id, data.verdict, data.note, data.reviewer)
    if data.form:
        return RedirectResponse(f"/flags/{quote(flag_id, safe='')}", status_code=303)
    return flag
