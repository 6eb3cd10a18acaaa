"""Readable exports: per-speaker dossiers, flag lists and article lists, as Markdown or self-contained HTML.

Content is produced once as a stream of blocks (``dossier_blocks``) and rendered by two small
renderers, so Markdown and HTML always say the same thing. Statements are streamed; the timeline
takes a second pass over a speaker's statements instead of holding them.
"""

from __future__ import annotations

from html import escape
from typing import Any, Callable, Iterable, Iterator, TextIO

from ..web.timeline_svg import period_counts, timeline_svg
from ..quotation import quoted
from .sources import Records, speaker_of

__all__ = ["dossier_blocks", "write_markdown", "write_html", "safe_url", "flag_date"]

Block = tuple


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (article metadata is untrusted)."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def flag_date(flag: dict[str, Any]) -> str | None:
    """A flag's date on the timeline: its latest evidence statement's date."""
    days = [e.get("said_on") or e.get("published") for e in flag.get("evidence", [])]
    days = [d for d in days if d]
    return max(days) if days else None


def _matches(sp: dict[str, Any], wanted: str | None) -> bool:
    return not wanted or sp["id"] == wanted or wanted.lower() in sp["name"].lower()


def dossier_blocks(records: Records, kind: str, *, speaker: str | None = None) -> Iterator[Block]:
    if kind in ("statements", "speakers"):
        yield ("title", f"Speaker dossier{': ' + speaker if speaker else ''}")
        found = 0
        for sp in records.iter_speakers():
            if not _matches(sp, speaker):
                continue
            found += 1
            yield from _speaker_blocks(records, sp)
        if not found:
            yield ("text", "No matching speakers.")
    elif kind == "flags":
        yield ("title", f"Flags{' involving ' + speaker if speaker else ''}")
        n = 0
        for flag in records.iter_flags(speaker=speaker):
            n += 1
            yield ("flag", flag)
        if not n:
            yield ("text", "No flags stored." if records.has_flags else "This store has no flags yet.")
    elif kind == "articles":
        yield ("title", "Articles")
        for art in records.iter_articles():
            yield ("article", art)
    else:  # pragma: no cover - checked by export()
        raise ValueError(kind)


def _speaker_blocks(records: Records, sp: dict[str, Any]) -> Iterator[Block]:
    yield ("heading", sp["name"])
    facts = [f"{sp.get('statements', 0)} statements"]
    if sp.get("aliases"):
        facts.append("also called " + ", ".join(a["alias"] if isinstance(a, dict) else str(a) for a in sp["aliases"]))
    if sp.get("roles"):
        facts.append("roles: " + ", ".join(r if isinstance(r, str) else str(r.get("role", r)) for r in sp["roles"]))
    yield ("text", " · ".join(facts))
    flags = list(records.iter_flags(speaker=sp["id"]))
    dates: Callable[[], Iterable[str | None]] = lambda: (
        st["said_on"] or st["published"] for st in records.iter_statements(speaker_id=sp["id"])
    )
    yield ("timeline", dates, [{**f, "date": flag_date(f)} for f in flags])
    yield ("subheading", "Statements")
    for st in records.iter_statements(speaker_id=sp["id"]):
        yield ("statement", st)
    yield ("subheading", f"Flags ({len(flags)})")
    for f in flags:
        yield ("flag", f)


# -- Markdown ---------------------------------------------------------------------------------
def _md(text: Any) -> str:
    """Plain text safe inside Markdown: no raw HTML, no accidental emphasis or links."""
    out = escape(str(text or ""), quote=False).replace("\n", " ")
    for ch in "\\`*_[]#|":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_statement(st: dict[str, Any]) -> str:
    who = (speaker_of(st) or {}).get("name", "unknown speaker")
    art = st["article"]
    src = safe_url(art.get("url"))
    where = f"[{_md(art.get('outlet') or 'source')}](<{src}>)" if src else _md(art.get("outlet") or art.get("id"))
    return (
        f"- **{_md(st.get('said_on') or st.get('published') or 'undated')}** · {_md(who)} ({_md(st['kind'])}): "
        f"{_md(quoted(st['content']['text']))} — {where}, article `{_md(st['article_id'])}`"
    )


def write_markdown(blocks: Iterable[Block], out: TextIO) -> int:
    n = 0
    for block in blocks:
        tag = block[0]
        if tag == "title":
            out.write(f"# {_md(block[1])}\n\n")
        elif tag == "heading":
            out.write(f"## {_md(block[1])}\n\n")
        elif tag == "subheading":
            out.write(f"### {_md(block[1])}\n\n")
        elif tag == "text":
            out.write(f"{_md(block[1])}\n\n")
        elif tag == "timeline":
            rows = period_counts(block[1]())
            out.write("| period | statements |\n|---|---|\n")
            out.writelines(f"| {label} | {count} |\n" for label, count in rows)
            for f in block[2]:
                out.write(f"\n- ⚑ {_md(f.get('date') or '?')}: {_md(f['type'])} — {_md(f.get('explanation'))}")
            out.write("\n\n")
        elif tag == "statement":
            out.write(_md_statement(block[1]) + "\n")
            n += 1
        elif tag == "flag":
            f = block[1]
            verdict = f" — verdict: {_md(f['verdict'])}" if f.get("verdict") else ""
            out.write(f"\n#### ⚑ {_md(f['type'])} (score {float(f.get('score') or 0):.2f}){verdict}\n\n")
            out.write(f"{_md(f.get('explanation'))}\n\n")
            out.writelines(_md_statement(e) + "\n" for e in f["evidence"])
            out.write("\n")
            n += 1
        elif tag == "article":
            a = block[1]
            src = safe_url(a.get("url"))
            out.write(f"## {_md(a.get('title') or a['id'])}\n\n")
            out.write(f"{_md(a.get('outlet'))} · {_md(a.get('published') or 'undated')} · id `{_md(a['id'])}`")
            out.write(f" · [source](<{src}>)\n\n" if src else "\n\n")
            for p in a.get("provenance", []):
                out.write(f"- {_md(p['relation'])} → {_md(p['target'])}\n")
            out.write("\n")
            n += 1
    return n


# -- HTML -------------------------------------------------------------------------------------
_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{border-bottom:2px solid #222}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
.st{margin:.4rem 0;padding:.3rem .6rem;border-left:3px solid #4a6fa5;background:#f7f9fc}
.flag{margin:1rem 0;padding:.5rem .8rem;border:1px solid #c0392b;border-radius:4px}
.meta{color:#666;font-size:.9em}svg{max-width:100%;height:auto}
"""


def _h_statement(st: dict[str, Any]) -> str:
    who = (speaker_of(st) or {}).get("name", "unknown speaker")
    art = st["article"]
    src = safe_url(art.get("url"))
    outlet = escape(art.get("outlet") or art.get("id") or "")
    where = f'<a href="{escape(src)}" rel="noopener noreferrer">{outlet}</a>' if src else outlet
    return (
        f'<div class="st"><span class="meta">{escape(st.get("said_on") or st.get("published") or "undated")}'
        f" · {escape(who)} · {escape(st['kind'])} · {where}</span><br>{escape(quoted(st['content']['text']))}</div>\n"
    )


def write_html(blocks: Iterable[Block], out: TextIO) -> int:
    """A self-contained HTML document (inline CSS, inline SVG, no scripts)."""
    out.write('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
              '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">'
              f"<title>onrecord export</title><style>{_CSS}</style></head><body>\n")
    n = 0
    for block in blocks:
        tag = block[0]
        if tag == "title":
            out.write(f"<h1>{escape(block[1])}</h1>\n")
        elif tag == "heading":
            out.write(f"<h2>{escape(block[1])}</h2>\n")
        elif tag == "subheading":
            out.write(f"<h3>{escape(block[1])}</h3>\n")
        elif tag == "text":
            out.write(f"<p>{escape(block[1])}</p>\n")
        elif tag == "timeline":
            out.write(timeline_svg(block[1](), block[2], flag_href=None) + "\n")
        elif tag == "statement":
            out.write(_h_statement(block[1]))
            n += 1
        elif tag == "flag":
            f = block[1]
            verdict = f" · verdict: {escape(f['verdict'])}" if f.get("verdict") else ""
            out.write(f'<div class="flag"><strong>⚑ {escape(f["type"])}</strong> <span class="meta">score '
                      f"{float(f.get('score') or 0):.2f}{verdict}</span><p>{escape(f.get('explanation') or '')}</p>")
            out.writelines(_h_statement(e) for e in f["evidence"])
            out.write("</div>\n")
            n += 1
        elif tag == "article":
            a = block[1]
            src = safe_url(a.get("url"))
            link = f' · <a href="{escape(src)}" rel="noopener noreferrer">source</a>' if src else ""
            out.write(f"<h2>{escape(a.get('title') or a['id'])}</h2><p class=\"meta\">{escape(a.get('outlet') or '')}"
                      f" · {escape(a.get('published') or 'undated')}{link}</p><ul>")
            out.writelines(f"<li>{escape(p['relation'])} → {escape(p['target'])}</li>" for p in a.get("provenance", []))
            out.write("</ul>\n")
            n += 1
    out.write("</body></html>\n")
    return n
