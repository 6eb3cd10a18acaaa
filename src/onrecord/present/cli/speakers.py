"""``onrecord speakers``: canonical speakers, with user merge/split corrections that survive re-analysis."""

from __future__ import annotations

from typing import Optional

import typer

from .common import DbOption, JsonOption, open_store_for, print_json, settings_for

__all__ = ["speakers_app"]

speakers_app = typer.Typer(help="Canonical speakers: list, show, merge, split.", invoke_without_command=True,
                           no_args_is_help=False)


def _roles(sp: dict) -> str:
    return "; ".join(f"{r['role']} ({r['first'] or '?'}…{r['last'] or '?'})" for r in sp["roles"][:4])


@speakers_app.callback()
def speakers_cli(
    ctx: typer.Context,
    db: Optional[str] = DbOption,
    q: Optional[str] = typer.Option(None, "--q", help="Only speakers whose name or alias contains this."),
    limit: int = typer.Option(100, help="How many."),
    as_json: bool = JsonOption,
) -> None:
    """List speakers with statement counts, aliases and roles (most quoted first)."""
    if ctx.invoked_subcommand is not None:
        return
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        rows = store.speakers(q=q, limit=limit)
        total = store.count_speakers()
    if as_json:
        print_json({"total": total, "items": rows})
        return
    for sp in rows:
        aliases = ", ".join(a["alias"] for a in sp["aliases"] if a["alias"] != sp["name"])[:60]
        typer.echo(f"{sp['statements']:5}  {sp['name'][:32]:32} {sp['kind'][:6]:6}  {aliases}")
        if sp["roles"]:
            typer.echo(f"       roles: {_roles(sp)}")
    typer.echo(f"({len(rows)} of {total})")


@speakers_app.command("show")
def show_cli(name: str = typer.Argument(..., help="Speaker id, name or alias."), db: Optional[str] = DbOption,
             limit: int = typer.Option(20, help="How many statements."), as_json: bool = JsonOption) -> None:
    """One speaker: aliases, dated roles and their latest statements."""
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        sp = store.speaker(name)
        sp["recent"] = store.statements(speaker_id=sp["id"], limit=limit)
    if as_json:
        print_json(sp)
        return
    typer.echo(f"{sp['name']}  ({sp['kind']}, id {sp['id']}, {sp['statements']} statements)")
    for a in sp["aliases"]:
        typer.echo(f"  alias {a['alias']!r}  [{a['source']}]")
    for r in sp["roles"]:
        typer.echo(f"  role  {r['role']}  {r['first'] or '?'} … {r['last'] or '?'}  ({r['articles']} articles; {', '.join(r['sources'])})")
    for st in sp["recent"]:
        typer.echo(f"  {st['said_on'] or '?':10}  {st['article_id'][:18]:18}  {st['content']['text'][:70]!r}")


def _correct(action: str, a: str, b: str, note: str, db: Optional[str], as_json: bool) -> None:
    from ...analyze.speakers import correct_speakers

    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        out = correct_speakers(store, settings, action, a, b, note)
    if as_json:
        print_json(out)
    elif action == "merge":
        typer.echo(f"merged {out['b']!r} into {out['a']!r} (correction #{out['seq']})")
    else:
        typer.echo(f"split {out['b']!r} out of {out['a']!r} (correction #{out['seq']})")


@speakers_app.command("merge")
def merge_cli(a: str = typer.Argument(..., help="The speaker to keep."), b: str = typer.Argument(..., help="The speaker merged into A."),
              note: str = typer.Option("", "--note", help="Why (kept with the correction)."),
              db: Optional[str] = DbOption, as_json: bool = JsonOption) -> None:
    """Merge speaker B into A. Kept as a correction and applied again on every re-analysis."""
    _correct("merge", a, b, note, db, as_json)


@speakers_app.command("split")
def split_cli(name: str = typer.Argument(..., help="The speaker to split."),
              alias: str = typer.Argument(..., help="The alias that becomes its own speaker."),
              note: str = typer.Option("", "--note", help="Why (kept with the correction)."),
              db: Optional[str] = DbOption, as_json: bool = JsonOption) -> None:
    """Detach ALIAS (and the statements made under that name) from NAME into its own speaker."""
    _correct("split", name, alias, note, db, as_json)
