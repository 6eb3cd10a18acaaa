"""``/search?q=``: full-text search over articles (items) and statements."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from .desk import Filters
from .pages import desk_of, filters, respond
from .schemas import ERRORS

router = APIRouter(tags=["search"])


@router.get("/search.json", responses=ERRORS,
            summary="Full-text search: articles in items (total capped at 1000), matching statements in statements")
def search_json(request: Request, q: str = Query("", description="Words, or \"a phrase\"."), f: Filters = Depends(filters)) -> dict:
    return desk_of(request).search(q, f)


@router.get("/search", include_in_schema=False)
def search_page(request: Request, q: str = Query(""), f: Filters = Depends(filters)):
    return respond(request, "search.html", desk_of(request).search(q, f), f=f, q=q)
