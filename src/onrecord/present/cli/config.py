"""``onrecord config``: the resolved settings, each with its documentation."""

from __future__ import annotations

import dataclasses

import typer

from ...settings import SETTING_DOCS
from .common import JsonOption, print_json, settings_for

__all__ = ["config_cli"]


def config_cli(as_json: bool = JsonOption) -> None:
    """Show the settings in force (defaults < onrecord.toml < ONRECORD_* env)."""
    settings = settings_for()
    values = {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)}
    if values.get("token"):
        values["token"] = "***"
    if as_json:
        print_json({k: {"value": v, "doc": SETTING_DOCS.get(k, "")} for k, v in values.items()})
        return
    for name, value in values.items():
        typer.echo(f"{name:20} {value!r}\n{'':20} {SETTING_DOCS.get(name, '')}")
