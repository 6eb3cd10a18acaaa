"""The user's speakers file (YAML or CSV): canonical names, aliases and dated roles. It takes precedence.

YAML::

    speakers:
      - name: Kassym-Jomart Tokayev
        kind: person            # or organisation
        aliases: [Tokayev, Kassym-Zhomart Tokayev]
        roles:
          - {role: Kazakh president, from: 2019-03-20, to: null, source: "https://..."}

CSV (one alias or role per row; ``name`` repeats)::

    name,kind,alias,role,from,to,source
    Kassym-Jomart Tokayev,person,Tokayev,,,,
    Kassym-Jomart Tokayev,person,,Kazakh president,2019-03-20,,https://...
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .titles import role_key

__all__ = ["UserRole", "UserSpeaker", "UserSpeakers", "load_speakers_file", "parse_speakers"]


@dataclass(frozen=True, slots=True)
class UserRole:
    role: str  # role key
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, inclusive
    source: str = ""

    def holds_on(self, date: str | None) -> bool:
        if not date:
            return self.end is None
        d = date[:10]
        return (self.start is None or self.start[:10] <= d) and (self.end is None or d <= self.end[:10])


@dataclass(frozen=True, slots=True)
class UserSpeaker:
    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[UserRole, ...] = ()


@dataclass(frozen=True, slots=True)
class UserSpeakers:
    speakers: tuple[UserSpeaker, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.speakers)


def _date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return str(value)[:10]


def parse_speakers(data: Any, origin: str = "speakers file") -> UserSpeakers:
    """Build :class:`UserSpeakers` from the parsed YAML structure (a mapping with ``speakers``, or a list)."""
    items = data.get("speakers", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ConfigError(f"{origin}: expected a list of speakers", hint="See onrecord.resolve.userfile for the format.")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            raise ConfigError(f"{origin}: speaker #{i + 1} has no name")
        roles = []
        for r in item.get("roles") or []:
            if isinstance(r, str):
                r = {"role": r}
            roles.append(UserRole(role_key(str(r.get("role", ""))), _date(r.get("from")), _date(r.get("to")),
                                  str(r.get("source", "") or "")))
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        out.append(UserSpeaker(str(item["name"]).strip(), str(item.get("kind") or "person"),
                               tuple(str(a).strip() for a in aliases if str(a).strip()), tuple(roles)))
    return UserSpeakers(tuple(out))


def _read_csv(path: Path) -> UserSpeakers:
    merged: dict[str, dict[str, Any]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            item = merged.setdefault(name, {"name": name, "kind": (row.get("kind") or "person").strip(),
                                            "aliases": [], "roles": []})
            if (row.get("alias") or "").strip():
                item["aliases"].append(row["alias"].strip())
            if (row.get("role") or "").strip():
                item["roles"].append({"role": row["role"], "from": row.get("from"), "to": row.get("to"),
                                      "source": row.get("source", "")})
    return parse_speakers(list(merged.values()), str(path))


def load_speakers_file(path: str | Path | None) -> UserSpeakers:
    """Read the user's speakers file; an empty path gives no entries."""
    if not path:
        return UserSpeakers()
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"Speakers file {p} does not exist", hint="Fix the speakers_file setting (ONRECORD_SPEAKERS_FILE).")
    if p.suffix.lower() == ".csv":
        return _read_csv(p)
    import yaml

    try:
        data = yaml.safe_load(p.read_text("utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"Cannot read {p}: {exc}") from exc
    return parse_speakers(data, str(p))
