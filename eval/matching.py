"""How the evaluation scripts compare a predicted quantity with a gold one."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["same_value", "quantity_matches"]


def same_value(a: float | None, b: float | None) -> bool:
    """Equal numbers (relative tolerance 1e-4), or both absent."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def quantity_matches(p: Any, g: dict[str, Any]) -> bool:
    """A predicted ``Quantity`` overlaps the gold span with the same unit, value, low and high."""
    return (p.start < g["end"] and g["start"] < p.end and p.unit == g["unit"] and same_value(p.value, g["value"])
            and same_value(p.low, g["low"]) and same_value(p.high, g["high"]))
