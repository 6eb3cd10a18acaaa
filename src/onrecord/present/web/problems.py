"""The web's errors and its one JSON error shape: ``{"error": {"code", "message", "hint"}}``."""

from __future__ import annotations

from typing import Any

from ...errors import ConfigError, NotFoundError, OnrecordError, StoreError

__all__ = ["BadRequest", "Forbidden", "CsrfFailed", "ReadOnly", "status_of", "error_body"]


class BadRequest(OnrecordError):
    code = "E051"
    hint = "Check the query parameters; dates are YYYY-MM-DD. See /openapi.json for every route."


class Forbidden(OnrecordError):
    code = "E060"
    hint = "Write actions need the operator token: send 'Authorization: Bearer <ONRECORD_TOKEN>' or fill it in the form."


class CsrfFailed(OnrecordError):
    code = "E061"
    hint = "Reload the page and submit the form again (the form's CSRF token and cookie must match)."


class ReadOnly(OnrecordError):
    code = "E062"
    hint = "The desk is read-only: restart `onrecord serve` with ONRECORD_TOKEN set to enable write actions."


_STATUS: list[tuple[type[OnrecordError], int]] = [
    (NotFoundError, 404),
    (BadRequest, 400),
    (CsrfFailed, 403),
    (Forbidden, 403),
    (ReadOnly, 403),
    (ConfigError, 400),
    (StoreError, 503),
]


def status_of(exc: OnrecordError) -> int:
    return next((status for cls, status in _STATUS if isinstance(exc, cls)), 500)


def error_body(code: str, message: str, hint: str = "") -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "hint": hint}}
