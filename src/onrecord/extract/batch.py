"""``extract_file``: articles JSONL in, one prediction line per article out (score.py's format)."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

from ..models import Statement
from ..settings import Settings

__all__ = ["ExtractReport", "extract_file", "quote_records", "statement_record"]


@dataclass
class ExtractReport:
    """Counts for one ``extract_file`` run; ``failed`` maps line numbers to reasons."""

    articles: int = 0
    statements: int = 0
    failed: dict[int, str] = field(default_factory=dict)


def statement_record(st: Statement) -> dict[str, Any]:
    """One statement in score.py's prediction format."""
    fragments = st.fragments or (st.content,)
    return {
        "content": [st.content.start, st.content.end],
        "content_spans": [[f.start, f.end] for f in fragments],
        "source": [st.speaker_mention.start, st.speaker_mention.end] if st.speaker_mention else None,
        "cue": [st.cue.start, st.cue.end] if st.cue else None,
        "kind": st.kind,
        "confidence": st.confidence,
    }


def quote_records(statements: list[Statement]) -> list[dict[str, Any]]:
    """One record per attribution: statements that share a cue and a source (``said that A and
    that B``, kept apart in the store as two claims) become one quote with both as fragments."""
    groups: dict[tuple, list[Statement]] = {}
    order: list[tuple] = []
    for st in statements:
        key = (st.cue.start, st.cue.end, st.speaker_mention and (st.speaker_mention.start, st.speaker_mention.end)) \
            if st.cue else (id(st),)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(st)
    out = []
    for key in order:
        parts = groups[key]
        if len(parts) == 1:
            out.append(statement_record(parts[0]))
            continue
        records = [statement_record(st) for st in parts]
        spans = sorted(f for r in records for f in r["content_spans"])
        kinds = {r["kind"] for r in records}
        merged = dict(records[0])
        merged.update(content=[spans[0][0], max(e for _, e in spans)], content_spans=spans,
                      kind=kinds.pop() if len(kinds) == 1 else "mixed",
                      confidence=max(r["confidence"] for r in records))
        out.append(merged)
    return out


def _read(path: Path, report: ExtractReport, warn: Callable[[str], None]) -> Iterator[tuple[int, str, str | None]]:
    """(line number, id, text or None when the line is unusable)."""
    with path.open(encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            record: Any = None
            try:
                record = json.loads(line)
                aid = str(record.get("id", f"line-{lineno}"))
                text = record.get("text")
                if not isinstance(text, str):
                    raise ValueError("no 'text' string")
            except (ValueError, AttributeError) as exc:
                aid = record.get("id", f"line-{lineno}") if isinstance(record, dict) else f"line-{lineno}"
                report.failed[lineno] = f"bad_line: {exc}"
                warn(f"warning: {path}:{lineno}: {exc}; writing an empty quotes list")
                yield lineno, str(aid), None
                continue
            yield lineno, aid, text


def extract_file(
    input_path: str | Path,
    output_path: str | Path,
    settings: Settings,
    *,
    language: str | None = None,
    batch_size: int | None = None,
    progress: Callable[[int], Any] | None = None,
    warn_stream: TextIO | None = None,
) -> ExtractReport:
    """Extract statements from every ``{"id", "text"}`` line of ``input_path``.

    Writes one ``{"id", "quotes": [...]}`` line per input article, in input order. An
    unreadable line or an article that fails gets an empty quotes list and a warning on
    stderr; the run goes on.
    """
    from .nlp import COMPONENTS, load_pipeline
    from .quotes import extract_statements

    stream = warn_stream or sys.stderr

    def warn(msg: str) -> None:
        print(msg, file=stream)

    language = language or settings.default_language
    nlp = load_pipeline(settings, language)
    size = batch_size or settings.batch_size
    report = ExtractReport()
    items = list(_read(Path(input_path), report, warn))
    too_long = nlp.max_length
    texts = ((t if t is not None and len(t) < too_long else "") for _, _, t in items)
    own = [name for name in COMPONENTS if name in nlp.pipe_names]
    with Path(output_path).open("w", encoding="utf-8") as out, nlp.select_pipes(disable=own):
        for (lineno, aid, text), doc in zip(items, nlp.pipe(texts, batch_size=size)):
            quotes: list[dict[str, Any]] = []
            if text is not None and len(text) >= too_long:
                report.failed[lineno] = "too_long"
                warn(f"warning: {input_path}:{lineno}: text longer than {too_long} characters; empty quotes list")
            elif text is not None:
                try:
                    quotes = quote_records(extract_statements(doc, language, aid))
                except Exception as exc:  # one bad article must not stop the file
                    report.failed[lineno] = f"extract_error: {exc.__class__.__name__}: {exc}"
                    warn(f"warning: {input_path}:{lineno}: extraction failed ({exc.__class__.__name__}: {exc})")
            out.write(json.dumps({"id": aid, "quotes": quotes}, ensure_ascii=False) + "\n")
            report.articles += 1
            report.statements += len(quotes)
            if progress is not None:
                progress(1)
    return report
