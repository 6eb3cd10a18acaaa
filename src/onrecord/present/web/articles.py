"""``/articles`` and ``/articles/{id}``: text with every statement highlighted, provenance, duplicates."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from .desk import Filters
from .pages import desk_of, filters, respond
from .schemas import ERRORS, Page

router = APIRouter(tags=["articles"])


@router.get("/articles.json", response_model=Page, responses=ERRORS, summary="Articles, newest first")
def articles_json(request: Request, f: Filters = Depends(filters)):
    return desk_of(request).articles(f)


@router.get("/articles", include_in_schema=False)
def articles_page(request: Request, f: Filters = Depends(filters)):
    return respond(request, "articles.html", desk_of(request).articles(f), f=f)


@router.get("/articles/{article_id}.json", responses=ERRORS, summary="One article with statements, provenance and duplicates")
def article_json(request: Request, article_id: str) -> dict:
    return desk_of(request).article(article_id)


@router.get("/articles/{article_id}", include_in_schema=False)
def article_page(request: Request, article_id: str):
    desk = desk_of(request)
    art = desk.article(article_id)
    return respond(request, "article.html", art, segments=desk.article_segments(art))
