"""Formatting numbers for people (the core never rounds; the faces use this)."""

from __future__ import annotations

import math


def score_text(score: float) -> str:
    """A 0-100 score with one decimal, rounded down.

    Rounded down so that the printed number never crosses a band threshold the exact
    score has not reached: 70.97 prints as 70.9, not as 71.0 next to "mixed".

    >>> score_text(70.97), score_text(71.0), score_text(0.04)
    ('70.9', '71.0', '0.0')
    """
    return f"{math.floor(score * 10) / 10:.1f}"
