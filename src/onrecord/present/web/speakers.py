"""``/speakers`` and ``/speakers/{id}`` (timeline chart + statements); merging speakers with the token."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from urllib.parse import quote

from .desk import Filters
from .pages import desk_of, filters, respond
from .problems import BadRequest
from .schemas import ERRORS, Merge, Page
from .writes import authorise

router = APIRouter(tags=["speakers"])


@router.get("/speakers.json", response_model=Page, responses=ERRORS, summary="Speakers, busiest first")
def speakers_json(request: Request, f: Filters = Depends(filters)):
    return desk_of(request).speakers(f)


@router.get("/speakers", include_in_schema=False)
def speakers_page(request: Request, f: Filters = Depends(filters)):
    return respond(request, "speakers.html", desk_of(request).speakers(f), f=f)


@router.get("/speakers/{speaker_id}.json", responses=ERRORS,
            summary="One speaker: statements (paged in statements_page) and flags")
def speaker_json(request: Request, speaker_id: str, f: Filters = Depends(filters)) -> dict:
    return desk_of(request).speaker(speaker_id, f)


@router.get("/speakers/{speaker_id}", include_in_schema=False)
def speaker_page(request: Request, speaker_id: str, f: Filters = Depends(filters)):
    desk = desk_of(request)
    sp = desk.speaker(speaker_id, f)
    mergeable = desk.records.can_merge and sp.get("kind") != "mention"
    return respond(request, "speaker.html", sp, f=f, chart=desk.speaker_timeline(sp, f),
                   form=mergeable and request.app.state.guard.writable)


@router.post("/speakers/{speaker_id}/merge", responses=ERRORS | {403: ERRORS[400] | {"description": "No token"}},
             summary="Merge this speaker into another (needs the operator token)")
async def merge_speaker(request: Request, speaker_id: str):
    data = await authorise(request, Merge)
    desk = desk_of(request)
    if not desk.records.can_merge:
        raise BadRequest("This store cannot merge speakers yet.")
    kept = desk.merge(speaker_id, data.into, request.app.state.settings)
    if data.form:
        return RedirectResponse(f"/speakers/{quote(kept['id'], safe='')}", status_code=303)
    return desk.speaker(kept["id"], Filters())
