"""What the quality-gate tests share: loading an evaluation script by path and reading its floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
BASELINE = REPO / "eval" / "baseline.json"


def load_script(relpath: str) -> ModuleType:
    """Import a script of the repository (``eval/quotes_eval.py``) as a module."""
    path = REPO / relpath
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def floors(key: str) -> dict[str, float]:
    """The floors recorded under ``key`` in eval/baseline.json (they only go up)."""
    return json.loads(BASELINE.read_text("utf-8"))[key]


def below(figures: dict[str, float], floor: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Figures under their floor, as name -> (measured, floor); a floor with no figure counts as 0."""
    return {k: (figures.get(k, 0.0), f) for k, f in floor.items() if figures.get(k, 0.0) < f}
