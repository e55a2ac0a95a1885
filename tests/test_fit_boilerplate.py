"""The boilerplate fitting script's choice of walk settings (``scripts/fit_boilerplate.py``)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from .conftest import load_script


def _grid(values: list[float], shape: tuple[int, int, int]) -> list[tuple[float, ...]]:
    """``values`` as the script's (value, head bias, tail bias, drawdown) rows, grid order."""
    keys = itertools.product(*(range(m) for m in shape))
    return [(v, float(a), float(b), float(c)) for v, (a, b, c) in zip(values, keys, strict=True)]


def test_a_lone_peak_loses_to_a_plateau() -> None:
    smoothed = load_script("fit_boilerplate")._smoothed
    shape = (5, 5, 4)
    values = [0.0] * 100
    values[0] = 1.0  # a lone peak in a corner: (0, 0, 0)
    for a, b, c in itertools.product(range(2, 5), range(2, 5), range(1, 4)):
        values[a * 20 + b * 4 + c] = 0.9  # a plateau around (3, 3, 2)
    out = smoothed(_grid(values, shape), shape)
    best = max(out, key=lambda row: row[0])
    assert abs(best[0] - 0.9) < 1e-9
    assert min(best[1], best[2]) >= 2  # a setting on the plateau
    assert best[3] >= 1
    assert abs(out[0][0] - 1.0 / 8) < 1e-9  # the peak, averaged with its 7 neighbours
    # the settings themselves are carried through unchanged, in order
    assert [row[1:] for row in out] == [row[1:] for row in _grid(values, shape)]


@given(
    st.lists(st.floats(-10, 10), min_size=24, max_size=24),
    st.floats(-5, 5),
)
def test_smoothing_stays_within_the_values_and_keeps_a_flat_grid(
    values: list[float], flat: float
) -> None:
    smoothed = load_script("fit_boilerplate")._smoothed
    shape = (2, 3, 4)
    out = [row[0] for row in smoothed(_grid(values, shape), shape)]
    assert all(min(values) - 1e-9 <= v <= max(values) + 1e-9 for v in out)
    assert all(
        abs(v - flat) < 1e-9 for v in (row[0] for row in smoothed(_grid([flat] * 24, shape), shape))
    )
