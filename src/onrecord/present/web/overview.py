"""``/``: counts, newest flags, busiest speakers."""

from __future__ import annotations

from fastapi import APIRouter, Request

from .pages import desk_of, respond

router = APIRouter()


@router.get("/index.json", summary="Overview: counts, newest flags, busiest speakers", tags=["overview"])
def overview_json(request: Request) -> dict:
    return desk_of(request).overview()


@router.get("/", include_in_schema=False)
def overview_page(request: Request):
    return respond(request, "overview.html", desk_of(request).overview())
