"""``onrecord export``: statements, flags, speakers or articles to a file, streamed."""

from __future__ import annotations

from typing import Optional

import typer

from ..export import FORMATS, KINDS, check_export, export
from .common import DbOption, open_store_for, settings_for

__all__ = ["export_cli"]


def export_cli(
    kind: str = typer.Argument(..., help=f"What to export: {' | '.join(KINDS)}."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=f"{' | '.join(FORMATS)}."),
    output: str = typer.Option(..., "--output", "-o", help="File to write ('-' for standard output)."),
    db: Optional[str] = DbOption,
    speaker: Optional[str] = typer.Option(None, help="Only this speaker (name or part of it, or id)."),
    base_url: str = typer.Option("http://127.0.0.1:8000", help="Where the web desk runs (ClaimReview URLs)."),
) -> None:
    """Export records as JSONL, CSV, a Markdown/HTML dossier, or ClaimReview JSON-LD."""
    check_export(kind, fmt)
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        if output == "-":
            n = export(store, kind, fmt, typer.get_text_stream("stdout"), speaker=speaker, base_url=base_url)
        else:
            with open(output, "w", encoding="utf-8", newline="") as out:
                n = export(store, kind, fmt, out, speaker=speaker, base_url=base_url)
    typer.echo(f"exported {n} {kind} as {fmt} to {output}", err=True)
