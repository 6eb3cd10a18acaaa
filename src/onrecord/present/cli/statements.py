"""``onrecord statements``: stored statements with their speaker and source article."""

from __future__ import annotations

from typing import Optional

import typer

from .common import DbOption, JsonOption, open_store_for, print_json, settings_for

__all__ = ["statements_cli"]


def statements_cli(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Speaker id, name or alias."),
    article: Optional[str] = typer.Option(None, "--article", help="Article id (or the input's own id)."),
    limit: int = typer.Option(100, help="How many."),
    offset: int = typer.Option(0, help="Skip this many."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """List statements, oldest first, with who said them and where it was published."""
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        speaker_id = store.speaker(speaker)["id"] if speaker else None
        article_id = store.article(article)["id"] if article else None
        rows = store.statements(speaker_id=speaker_id, article_id=article_id, limit=limit, offset=offset)
    if as_json:
        print_json({"items": rows})
        return
    for st in rows:
        who = (st["speaker"] or {}).get("name") or (st["speaker_mention"] or {}).get("text") or "?"
        art = st["article"]
        typer.echo(f"{st['said_on'] or '?':10}  {who[:24]:24}  {st['kind'][:8]:8}  {st['content']['text'][:70]!r}")
        typer.echo(f"            {art['outlet'] or '-'} · {art['title'][:60]} [{st['article_id']}]")
    typer.echo(f"({len(rows)} shown)")
