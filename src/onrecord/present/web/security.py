"""Security for the desk: strict response headers, the operator token, and CSRF for browser forms.

* Every response carries a Content-Security-Policy without inline script (``script-src 'self'``).
* Writes need ``settings.token``: as ``Authorization: Bearer …`` (API) or the form's ``token`` field.
* Forms also carry a double-submit CSRF token: a random cookie (SameSite=Strict, HttpOnly) whose
  HMAC under a per-app secret is the hidden form field; both must match on submit.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

from .problems import CsrfFailed, Forbidden, ReadOnly

__all__ = ["SecurityHeaders", "CSP", "Guard", "CSRF_COOKIE"]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
CSRF_COOKIE = "onrecord_csrf"


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response


class Guard:
    """Checks the operator token and CSRF tokens for one app."""

    def __init__(self, token: str, writable: bool) -> None:
        self.token = token
        self.writable = writable and bool(token)
        self._secret = secrets.token_bytes(32)

    # -- operator token --------------------------------------------------------------------
    def check_token(self, given: str | None) -> None:
        if not self.writable:
            raise ReadOnly("This desk is read-only.")
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            raise Forbidden("A valid operator token is required for this action.")

    @staticmethod
    def bearer(request: Request) -> str | None:
        auth = request.headers.get("authorization", "")
        return auth[7:].strip() if auth.lower().startswith("bearer ") else None

    # -- CSRF (signed double submit) -------------------------------------------------------
    def _sign(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode(), hashlib.sha256).hexdigest()

    def csrf_pair(self, request: Request) -> tuple[str, str]:
        """(cookie value, form value) for a page with a form; reuses the browser's cookie when valid."""
        nonce = request.cookies.get(CSRF_COOKIE) or ""
        if len(nonce) != 43:
            nonce = secrets.token_urlsafe(32)
        return nonce, self._sign(nonce)

    def check_csrf(self, request: Request, form_value: str | None) -> None:
        nonce = request.cookies.get(CSRF_COOKIE) or ""
        if not nonce or not form_value or not hmac.compare_digest(self._sign(nonce), form_value):
            raise CsrfFailed("The form's CSRF token is missing or does not match.")
