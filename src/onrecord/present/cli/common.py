"""What every CLI command shares: settings from flags, store opening, JSON output, progress bars."""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any, Iterator

import typer

from ...settings import Settings, resolve_settings

__all__ = ["DbOption", "JsonOption", "settings_for", "print_json", "progress_bar", "open_store_for"]

DbOption = typer.Option(None, "--db", help="Store URL (sqlite:///file.db, a path, or postgresql://...). Env: ONRECORD_DB.")
JsonOption = typer.Option(False, "--json", help="Print JSON instead of text.")


def settings_for(**overrides: Any) -> Settings:
    """Resolve settings once, with CLI flags taking precedence."""
    return resolve_settings(overrides)


def open_store_for(settings: Settings):
    from ...store import open_store

    return open_store(settings.db)


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


@contextlib.contextmanager
def progress_bar(label: str, *, total: int | None = None, enabled: bool = True) -> Iterator[Any]:
    """A rich progress bar on stderr; yields ``advance(n)``."""
    if not enabled or not sys.stderr.isatty():
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from rich.console import Console

    with Progress(
        SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=False,
    ) as prog:
        task = prog.add_task(label, total=total)
        yield lambda n=1: prog.advance(task, n)
