"""Looking at what is stored: ``articles``, ``show``, ``search``, ``skips``."""

from __future__ import annotations

from typing import Optional

import typer

from .common import DbOption, JsonOption, open_store_for, print_json, settings_for

__all__ = ["articles_cli", "show_cli", "search_cli", "skips_cli"]


def articles_cli(
    db: Optional[str] = DbOption,
    outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
    since: Optional[str] = typer.Option(None, help="Published on or after (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Published on or before (YYYY-MM-DD)."),
    limit: int = typer.Option(50, help="How many."),
    offset: int = typer.Option(0, help="Skip this many."),
    as_json: bool = JsonOption,
) -> None:
    """List stored articles, newest first."""
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        rows = store.articles(outlet=outlet, since=since, until=until, limit=limit, offset=offset)
        total = store.count_articles(outlet=outlet, since=since, until=until)
    if as_json:
        print_json({"total": total, "items": rows})
        return
    for r in rows:
        authors = ", ".join(r["authors"])[:24]
        typer.echo(f"{r['id']}  {r['published'] or '?':10}  {r['outlet'][:20]:20}  {authors:24}  {r['title'][:60]}")
    typer.echo(f"({len(rows)} of {total})")


def show_cli(article_id: str = typer.Argument(..., help="Article id (or unique prefix, or the input's own id)."),
             db: Optional[str] = DbOption, as_json: bool = JsonOption) -> None:
    """Show one article: metadata with every candidate, provenance chain, duplicates."""
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        art = store.article(article_id)
    if as_json:
        print_json(art)
        return
    typer.echo(f"{art['title']}\n  id {art['id']}  ({art['external_id'] or 'no input id'})")
    typer.echo(f"  outlet {art['outlet']}  published {art['published']}  language {art['language']}")
    typer.echo(f"  authors {', '.join(art['authors']) or '-'}  url {art['url'] or '-'}  from {art['source_ref']}")
    typer.echo("candidates:")
    for c in art["candidates"]:
        mark = "*" if c["chosen"] else " "
        typer.echo(f"  {mark} {c['field']:8} {c['value'][:50]!r:54} {c['origin']}  {c['rule']}")
    typer.echo("provenance:" + ("" if art["provenance"] else " none found"))
    for p in art["provenance"]:
        typer.echo(f"  {p['relation']} → {p['target']}   [{p['ev_text'] or p['origin']}]")
    if art["duplicates"]:
        typer.echo("near-duplicates:")
        for d in art["duplicates"]:
            typer.echo(f"  {d['id']}  {d['published']}  {d['outlet']}  {d['title'][:50]}")
    typer.echo("")
    typer.echo(art["text"])


def search_cli(query: str = typer.Argument(..., help="Words to find (\"a phrase\" in quotes)."),
               db: Optional[str] = DbOption, limit: int = typer.Option(20), as_json: bool = JsonOption) -> None:
    """Full-text search over articles."""
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        rows = store.search(query, limit=limit)
    if as_json:
        print_json({"query": query, "items": rows})
        return
    for r in rows:
        typer.echo(f"{r['id']}  {r['published'] or '?':10}  {r['outlet'][:20]:20}  {r['title'][:50]}\n    {r['snippet']}")
    typer.echo(f"({len(rows)} found)")


def skips_cli(db: Optional[str] = DbOption, limit: int = typer.Option(100), as_json: bool = JsonOption) -> None:
    """Inputs that were not ingested, with the reason."""
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        rows = store.skips(limit)
    if as_json:
        print_json({"items": rows})
        return
    for r in rows:
        typer.echo(f"{r['at']}  {r['reason']:16} {r['source_ref']}\n    {r['detail']}")
