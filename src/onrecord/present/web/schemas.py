"""Response shapes for the OpenAPI document (the JSON twins return plain dicts of these shapes)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = ["Page", "ErrorOut", "Verdict", "Merge", "ERRORS"]


class Page(BaseModel):
    """A paginated list: one page of ``items`` out of ``total``."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class ErrorDetail(BaseModel):
    code: str = Field(examples=["E050"])
    message: str
    hint: str = ""


class ErrorOut(BaseModel):
    """The one error shape of the API."""

    error: ErrorDetail


class Verdict(BaseModel):
    verdict: str = Field(pattern="^(confirmed|dismissed)$")
    note: str = ""
    reviewer: str = ""


class Merge(BaseModel):
    into: str = Field(description="Id of the speaker to keep.")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Invalid parameters"},
    404: {"model": ErrorOut, "description": "Not found"},
}
