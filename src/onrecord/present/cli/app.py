"""The ``onrecord`` Typer application and the error boundary."""

from __future__ import annotations

import sys

import click
import typer

from ...errors import OnrecordError
from .config import config_cli
from .browse import articles_cli, search_cli, show_cli, skips_cli
from .export import export_cli
from .extract import extract_cli
from .flags import analyze_cli, flags_app, review_cli, timeline_cli
from .ingest import demo_cli, ingest_cli
from .serve import serve_cli
from .speakers import speakers_app
from .statements import statements_cli

__all__ = ["app", "main"]

app = typer.Typer(
    name="onrecord",
    help="Who said what, when, where it was published, and whether it adds up.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command("ingest")(ingest_cli)
app.command("demo")(demo_cli)
app.command("articles")(articles_cli)
app.command("show")(show_cli)
app.command("search")(search_cli)
app.command("skips")(skips_cli)
app.command("config")(config_cli)
app.command("serve")(serve_cli)
app.command("export")(export_cli)
app.command("analyze")(analyze_cli)
app.add_typer(flags_app, name="flags")
app.add_typer(speakers_app, name="speakers")
app.command("statements")(statements_cli)
app.command("review")(review_cli)
app.command("timeline")(timeline_cli)
app.command("extract")(extract_cli)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI; onrecord errors become a message with a hint and exit code 2."""
    try:
        # with standalone_mode=False click returns a command's typer.Exit code instead of raising it
        rc = app(args=argv, prog_name="onrecord", standalone_mode=False)
    except OnrecordError as exc:
        typer.echo(f"error [{exc.code}]: {exc}", err=True)
        if exc.hint:
            typer.echo(f"hint: {exc.hint}", err=True)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        typer.echo("aborted", err=True)
        return 1
    except (click.ClickException, typer.TyperException) as exc:  # usage errors (typer vendors its own click)
        if hasattr(exc, "show"):
            exc.show()
        else:  # pragma: no cover - every typer usage error has show()
            typer.echo(f"error: {exc}", err=True)
        return int(getattr(exc, "exit_code", 2))
    return rc if isinstance(rc, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
