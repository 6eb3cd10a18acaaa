"""``onrecord serve``: the analyst's desk (web UI + JSON API) over a store."""

from __future__ import annotations

from typing import Optional

import typer

from ...errors import missing_extra
from .common import DbOption, settings_for

__all__ = ["serve_cli", "serve", "LOCAL_HOSTS"]

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def serve(settings, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Run the web app with uvicorn until interrupted."""
    try:
        import uvicorn
    except ImportError as exc:
        raise missing_extra("web", "uvicorn") from exc
    try:
        from ..web.app import create_app
    except ImportError as exc:
        raise missing_extra("web", exc.name or "fastapi") from exc
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)


def serve_cli(
    db: Optional[str] = DbOption,
    host: str = typer.Option("127.0.0.1", help="Interface to bind; anything but localhost exposes the desk."),
    port: int = typer.Option(8000, help="TCP port."),
    token: Optional[str] = typer.Option(None, envvar=None, help="Operator token for write actions (better: ONRECORD_TOKEN)."),
) -> None:
    """Serve the web UI and JSON API (read-only unless an operator token is set)."""
    settings = settings_for(db=db, token=token)
    if host not in LOCAL_HOSTS and not settings.token:
        typer.echo(
            f"warning: binding to {host} without ONRECORD_TOKEN: anyone who can reach it can read the store "
            "(writes stay disabled). Set ONRECORD_TOKEN to enable reviewed writes.",
            err=True,
        )
    typer.echo(f"onrecord desk on http://{host}:{port}/ ({'writes need the token' if settings.token else 'read-only'})", err=True)
    serve(settings, host=host, port=port)
