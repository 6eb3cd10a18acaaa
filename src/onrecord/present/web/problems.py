"""The web's one JSON error shape, ``{"error": {"code", "message", "hint"}}``, and the HTTP status of
each :class:`~onrecord.errors.OnrecordError` (the codes and hints live in the one catalogue, ``errors.py``)."""

from __future__ import annotations

from typing import Any

from ...errors import (
    BadRequestError,
    ConfigError,
    CsrfError,
    ForbiddenError,
    NotFoundError,
    OnrecordError,
    ReadOnlyError,
    StoreError,
)

__all__ = ["BadRequest", "Forbidden", "CsrfFailed", "ReadOnly", "status_of", "error_body"]

# the web's names for the catalogue's classes
BadRequest = BadRequestError
Forbidden = ForbiddenError
CsrfFailed = CsrfError
ReadOnly = ReadOnlyError

_STATUS: list[tuple[type[OnrecordError], int]] = [
    (NotFoundError, 404),
    (BadRequestError, 400),
    (ForbiddenError, 403),  # CsrfError and ReadOnlyError too
    (ConfigError, 400),
    (StoreError, 503),
]


def status_of(exc: OnrecordError) -> int:
    return next((status for cls, status in _STATUS if isinstance(exc, cls)), 500)


def error_body(code: str, message: str, hint: str = "") -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "hint": hint}}
