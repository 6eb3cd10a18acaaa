"""``/statements`` and ``/statements/{id}``."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from .desk import Filters
from .highlight import segments
from .pages import desk_of, filters, respond
from .schemas import ERRORS, Page

router = APIRouter(tags=["statements"])


@router.get("/statements.json", response_model=Page, responses=ERRORS, summary="Statements, oldest first")
def statements_json(request: Request, f: Filters = Depends(filters)):
    return desk_of(request).statements(f)


@router.get("/statements", include_in_schema=False)
def statements_page(request: Request, f: Filters = Depends(filters)):
    return respond(request, "statements.html", desk_of(request).statements(f), f=f)


@router.get("/statements/{statement_id}.json", responses=ERRORS, summary="One statement in its sentence context")
def statement_json(request: Request, statement_id: str) -> dict:
    return desk_of(request).statement(statement_id)


@router.get("/statements/{statement_id}", include_in_schema=False)
def statement_page(request: Request, statement_id: str):
    st = desk_of(request).statement(statement_id)
    ctx = st["context"]
    return respond(request, "statement.html", st, segments=segments(ctx["text"], [st], base=ctx["start"]))
