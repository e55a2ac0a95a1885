"""pandas faces: the model table (and, later, frames of scores)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .model import sigmoid_score

if TYPE_CHECKING:
    from .model import Model

#: The columns of :func:`model_table`, in order.
TABLE_COLUMNS = (
    "signal",
    "weight",
    "mean",
    "scale",
    "direction",
    "constraint",
    "logodds_per_unit",
    "points_per_unit",
    "points_per_scale",
    "note",
)


def model_table(model: Model) -> pd.DataFrame:
    """The whole model on a page: one row per signal, then the intercept.

    Columns
    -------
    signal, weight, mean, scale:
        The term: ``contribution = weight * clip((value - mean) / scale)``.
    direction:
        ``+`` a higher value raises the score, ``-`` lowers it, ``0`` no effect.
    constraint:
        The sign the fit was bound to (``>=0``, ``<=0``) or empty when free.
    logodds_per_unit:
        ``weight / scale``: log-odds per unit of the signal (inside the clip).
    points_per_unit:
        Score points per unit of the signal for an article at the base score (every
        signal at its mean): ``100 * b * (1 - b) * weight / scale`` with
        ``b = base / 100``, the slope of the 0-100 score there.
    points_per_scale:
        The same for one ``scale`` (about one standard deviation): comparable across
        signals, so it ranks what matters most.
    note:
        Why the term is there (and, for the intercept row, the base score).

    Examples
    --------
    >>> from reliability import default_model
    >>> table = default_model().table()
    >>> table["signal"].iloc[-1]
    '(intercept)'
    """
    base = sigmoid_score(model.intercept)
    slope = base * (1.0 - base / 100.0)  # d score / d log-odds at the base score
    rows = []
    for t in model.terms:
        rows.append(
            {
                "signal": t.signal,
                "weight": t.weight,
                "mean": t.mean,
                "scale": t.scale,
                "direction": t.direction,
                "constraint": t.constraint,
                "logodds_per_unit": t.weight / t.scale,
                "points_per_unit": slope * t.weight / t.scale,
                "points_per_scale": slope * t.weight,
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
            "constraint": "",
            "logodds_per_unit": float("nan"),
            "points_per_unit": float("nan"),
            "points_per_scale": float("nan"),
            "note": f"base score {base:.1f}: an article with every signal at its mean",
        }
    )
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
