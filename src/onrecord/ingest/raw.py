"""The raw document: what a source yields before it becomes an ``Article``."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["RawDoc"]


@dataclass
class RawDoc:
    """Text or HTML read from one input, plus metadata candidates found so far.

    ``fields`` maps a field name (author, date, title, outlet, language, url) to a
    list of ``(value, origin)`` candidates in priority order.
    """

    source_ref: str
    text: str | None = None
    html: str | None = None
    url: str = ""
    external_id: str = ""
    fields: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def add(self, name: str, value: object, origin: str) -> None:
        """Add a candidate (strings, or lists of strings for authors); empty values are ignored."""
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            if v is None:
                continue
            s = str(v).replace("\x00", "").strip()  # PostgreSQL text refuses NUL
            if s and (s, origin) not in self.fields.setdefault(name, []):
                self.fields[name].append((s, origin))
