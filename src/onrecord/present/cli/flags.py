"""``onrecord analyze``, ``flags``, ``flags review`` / ``review`` and ``timeline``."""

from __future__ import annotations

import shutil
import textwrap
from typing import Any, Iterable, Optional

import typer

from ...analyze.corpus import analyse_corpus
from ...analyze.timeline import timeline, topic_filter
from ..quotation import quoted
from .common import DbOption, JsonOption, open_store_for, print_json, settings_for

__all__ = ["flags_app", "analyze_cli", "flags_cli", "review_cli", "timeline_cli", "print_flags", "flag_export"]

flags_app = typer.Typer(help="Flags: where the record doesn't add up, with both sources side by side.",
                        invoke_without_command=True, no_args_is_help=False)


def flag_export(flag: dict[str, Any]) -> dict[str, Any]:
    """The JSONL export shape: ``{id, type, score, explanation, a: {...}, b: {...}}`` (+ ``more`` past two)."""
    def side(e: dict[str, Any]) -> dict[str, Any]:
        return {k: e.get(k) for k in ("statement_id", "article_id", "start", "end", "text", "speaker", "date",
                                      "outlet")}

    sides = [side(e) for e in flag["evidence"]]
    out = {k: flag[k] for k in ("id", "type", "score", "explanation", "topic")}
    out["a"], out["b"] = (sides + [None, None])[:2]
    if len(sides) > 2:
        out["more"] = sides[2:]
    out["verdict"] = flag.get("verdict")
    return out


def _column(e: dict[str, Any], width: int) -> list[str]:
    head = [
        f"{e.get('speaker') or 'unknown speaker'}",
        f"{e.get('outlet') or '?'} · {e.get('date') or 'undated'}",
        f"{e.get('article_id')} [{e.get('start')}:{e.get('end')}]",
    ]
    lines = [textwrap.shorten(h, width, placeholder="…") for h in head]
    return lines + textwrap.wrap(quoted(e.get("text") or ""), width) or [""]


def print_flags(flags: Iterable[dict[str, Any]], *, width: int | None = None, echo=typer.echo) -> int:
    """Print each flag with its sources side by side (speaker, outlet, date, the exact words)."""
    width = width or min(shutil.get_terminal_size((120, 24)).columns, 160)
    col = max(30, (width - 3) // 2)
    n = 0
    for f in flags:
        n += 1
        verdict = f" · {f['verdict']['verdict']}" if f.get("verdict") else ""
        echo(f"[{f['type']}] score {f['score']:.2f} · {f['id']}{verdict}")
        for line in textwrap.wrap(f["explanation"], width - 2):
            echo("  " + line)
        ev = f["evidence"]
        for i in range(0, len(ev), 2):
            left = _column(ev[i], col)
            right = _column(ev[i + 1], col) if i + 1 < len(ev) else []
            for k in range(max(len(left), len(right))):
                lt = left[k] if k < len(left) else ""
                rt = right[k] if k < len(right) else ""
                echo(f"  {lt:<{col}} │ {rt}".rstrip())
        if f.get("verdict") and f["verdict"].get("note"):
            echo(f"  note: {f['verdict']['note']}")
        echo("")
    return n


def analyze_cli(db: Optional[str] = DbOption, as_json: bool = JsonOption) -> None:
    """Re-run the corpus analysis (speaker linking, flag detection) over everything stored."""
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        summary = analyse_corpus(store, settings)
    if as_json:
        print_json(summary)
        return
    for step, value in summary.items():
        typer.echo(f"{step}: {value}")


@flags_app.callback()
def flags_cli(
    ctx: typer.Context,
    type: Optional[str] = typer.Option(None, "--type", help="number_drift, reversal, disagreement, hedge or vanished."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only flags with this speaker (name or id)."),
    verdict: Optional[str] = typer.Option(None, "--verdict", help="confirmed, dismissed or open."),
    limit: Optional[int] = typer.Option(None, help="At most this many."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """List flags, highest score first, each with both sources side by side."""
    if ctx.invoked_subcommand:
        ctx.obj = {"db": db}
        return
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        flags = store.flags(type=type, speaker=speaker, verdict=verdict, limit=limit)
    if as_json:
        print_json([flag_export(f) for f in flags])
        return
    if not print_flags(flags):
        typer.echo("no flags (run `onrecord analyze` after ingesting)")


def review_cli(
    flag_id: str = typer.Argument(..., help="Flag id (or a unique prefix)."),
    verdict: str = typer.Argument(..., help="confirm or dismiss."),
    note: str = typer.Option("", "--note", help="Why (kept with the verdict)."),
    reviewer: str = typer.Option("", "--reviewer", help="Who reviewed it."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Confirm or dismiss a flag; the verdict survives re-analysis."""
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        flag = store.set_verdict(flag_id, verdict, note=note, reviewer=reviewer)
    if as_json:
        print_json(flag_export(flag))
    else:
        print_flags([flag])


flags_app.command("review")(review_cli)


def timeline_cli(
    speaker: Optional[str] = typer.Argument(None, help="Speaker name (or part of it) or id."),
    topic: Optional[str] = typer.Option(None, "--topic", help="Instead of a speaker: statements about this."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """A speaker's (or a topic's) statements day by day, with the flags they are part of."""
    if not speaker and not topic:
        raise typer.BadParameter("give a SPEAKER or --topic TEXT")
    settings = settings_for(db=db)
    with open_store_for(settings) as store:
        if speaker:
            statements = store.speaker_statements(speaker)
        else:
            keep = topic_filter(topic or "")
            statements = [s for s in store.search_statements(topic or "", limit=500) if keep(s)]
            statements.sort(key=lambda s: (s.get("said_on") or s.get("published") or "", s["id"]))
            flag_ids = store.flag_ids_for([s["id"] for s in statements])
            for s in statements:
                s["flags"] = flag_ids.get(s["id"], [])
    days = timeline(statements, {s["id"]: s.get("flags", []) for s in statements})
    if as_json:
        print_json({"speaker": speaker, "topic": topic, "days": days})
        return
    if not days:
        typer.echo("no statements")
    for day in days:
        typer.echo(day["date"])
        for s in day["statements"]:
            mark = f"  ⚑ {', '.join(f[:8] for f in s['flags'])}" if s["flags"] else ""
            typer.echo(f"  {s['speaker'] or '?'} · {s['outlet']} · {s['article']}{mark}")
            for line in textwrap.wrap(quoted(s["text"]), 100):
                typer.echo("    " + line)
