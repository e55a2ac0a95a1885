"""pandas faces: the model table (and, later, frames of scores)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .model import Model


def model_table(model: Model) -> pd.DataFrame:
    """One row per signal plus the intercept: weight, mean, scale, direction, points per unit."""
    rows = []
    for t in model.terms:
        rows.append(
            {
                "signal": t.signal,
                "weight": t.weight,
                "mean": t.mean,
                "scale": t.scale,
                "direction": "+" if t.weight > 0 else "-" if t.weight < 0 else "0",
                "logodds_per_unit": t.weight / t.scale,
                "points_per_unit_at_50": 25.0 * t.weight / t.scale,
                "note": t.note,
            }
        )
    rows.append(
        {
            "signal": "(intercept)",
            "weight": model.intercept,
            "mean": float("nan"),
            "scale": float("nan"),
            "direction": "",
            "logodds_per_unit": float("nan"),
            "points_per_unit_at_50": float("nan"),
            "note": "",
        }
    )
    return pd.DataFrame(rows)
