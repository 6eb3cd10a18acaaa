"""Accepting a write: JSON with a bearer token, or a browser form with token and CSRF field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from .problems import BadRequest

__all__ = ["authorise", "Accepted"]

M = TypeVar("M", bound=BaseModel)


@dataclass
class Accepted:
    body: Any
    form: bool

    def __getattr__(self, name: str) -> Any:
        return getattr(self.body, name)


async def authorise(request: Request, model: type[M]) -> Accepted:
    """Check the operator token (and CSRF for forms) and parse the body as ``model``."""
    guard = request.app.state.guard
    ctype = request.headers.get("content-type", "")
    is_form = ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))
    if is_form:
        form = await request.form()
        guard.check_csrf(request, str(form.get("csrf") or ""))
        guard.check_token(str(form.get("token") or ""))
        raw = {k: str(v) for k, v in form.items() if k not in ("csrf", "token")}
    else:
        guard.check_token(guard.bearer(request))
        try:
            raw = await request.json()
        except ValueError as exc:
            raise BadRequest("The request body must be JSON.") from exc
    try:
        return Accepted(model.model_validate(raw), is_form)
    except ValidationError as exc:
        raise BadRequest("Invalid body: " + "; ".join(e["msg"] for e in exc.errors())) from exc
