"""``onrecord ingest`` and ``onrecord demo``."""

from __future__ import annotations

from importlib import resources
from typing import List, Optional

import typer

from ...pipeline import IngestReport, ingest
from .common import DbOption, JsonOption, open_store_for, print_json, progress_bar, settings_for

__all__ = ["ingest_cli", "demo_cli", "print_report", "demo_corpus_path"]


def print_report(report: IngestReport) -> None:
    typer.echo(
        f"ingested {report.ingested} · duplicates {report.duplicates} · skipped {sum(report.skipped.values())}"
        f" · statements {report.statements} · near-duplicate articles {report.clusters}"
    )
    for reason, n in sorted(report.skipped.items()):
        typer.echo(f"  skipped ({reason}): {n}")
    for reason, n in sorted(report.extract_errors.items()):
        typer.echo(f"  stored without statements ({reason}): {n}")


def ingest_cli(
    sources: List[str] = typer.Argument(..., help="Files, folders, URLs, feeds, JSONL corpora or WARC files."),
    db: Optional[str] = DbOption,
    no_extract: bool = typer.Option(False, "--no-extract", help="Store articles without extracting statements."),
    batch_size: Optional[int] = typer.Option(None, help="Articles per spaCy batch."),
    error_ratio: Optional[float] = typer.Option(None, help="Exit non-zero when skipped/seen exceeds this."),
    engine: str = typer.Option("local", "--engine", help="local (this process) or dask (partitions on Dask workers)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler, tcp://HOST:PORT (default: a local cluster)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Workers of the local Dask cluster (default: CPU count)."),
    shards: Optional[str] = typer.Option(None, "--shards", help="Shard folder for partitioned runs (default: <db>.shards)."),
    as_json: bool = JsonOption,
) -> None:
    """Read news into the store: text, metadata candidates, provenance, statements."""
    settings = settings_for(db=db, batch_size=batch_size, error_ratio=error_ratio)
    partitioned = engine != "local" or scheduler or workers or shards
    with open_store_for(settings) as store, progress_bar("ingesting", enabled=settings.progress) as advance:
        if partitioned:
            from ...scale.engine import run_ingest

            report = run_ingest(sources, store, settings, engine, scheduler, workers, shards,
                                extract=not no_extract, progress=advance)
        else:
            report = ingest(sources, store, settings, extract=not no_extract, progress=advance)
    if as_json:
        print_json(report.as_dict())
    else:
        print_report(report)
    if report.seen and report.error_ratio > settings.error_ratio:
        typer.echo(
            f"error: {report.error_ratio:.0%} of inputs were skipped (threshold {settings.error_ratio:.0%}); "
            "see `onrecord skips`.",
            err=True,
        )
        raise typer.Exit(1)


def demo_corpus_path() -> str:
    return str(resources.files("onrecord") / "data" / "demo" / "articles.jsonl")


def demo_cli(db: Optional[str] = DbOption) -> None:
    """Ingest the bundled demo corpus (a fictional crisis) and print what was stored."""
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        report = ingest([demo_corpus_path()], store, settings)
        print_report(report)
        counts = store.counts()
        typer.echo(f"store {settings.db}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        for row in store.articles(limit=5):
            typer.echo(f"  {row['published'] or '?':10}  {row['outlet'][:22]:22}  {row['title'][:60]}")
        for st in store.statements(limit=8):
            who = (st["speaker"] or {}).get("name") or (st["speaker_mention"] or {}).get("text") or "?"
            typer.echo(f"  [{st['kind']:8}] {who[:24]:24} {st['content']['text'][:70]!r}")
        flags = store.flags()
    from .flags import print_flags

    typer.echo(f"\nflags found in the demo corpus: {len(flags)} (review with `onrecord flags review ID confirm|dismiss`)\n")
    print_flags(flags)
