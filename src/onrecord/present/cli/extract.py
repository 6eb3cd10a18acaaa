"""``onrecord extract``: statements of a JSONL of articles, as score.py predictions."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import progress_bar, settings_for

__all__ = ["extract_cli"]


def extract_cli(
    input_path: Path = typer.Argument(..., exists=True, dir_okay=False, metavar="INPUT.jsonl", help="JSONL with one {\"id\", \"text\"} article a line."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write one {\"id\", \"quotes\"} line per article."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="Articles per spaCy batch."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the articles (default: default_language)."),
) -> None:
    """Extract direct, indirect and mixed statements with content, cue and source spans."""
    from ...extract.batch import extract_file

    settings = settings_for(batch_size=batch_size)
    total = sum(1 for line in input_path.open(encoding="utf-8", errors="replace") if line.strip())
    with progress_bar("extracting", total=total, enabled=settings.progress) as advance:
        report = extract_file(input_path, output, settings, language=lang, batch_size=batch_size, progress=advance)
    typer.echo(f"articles {report.articles} · statements {report.statements} · failed {len(report.failed)}", err=True)
