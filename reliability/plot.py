"""matplotlib faces: outlets ranked by score, and an outlet x signal heatmap.

Both take the table :func:`reliability.compare_outlets` returns, draw on ``ax``
(a new figure when ``None``) and return the Axes, so a plot can be adjusted and
saved: ``ax.figure.savefig("outlets.png", dpi=150)`` (or ``.svg``). Figures are
laid out with matplotlib's constrained layout, so long outlet names and signal
labels are not cut off when saved.

matplotlib is an optional extra: ``pip install ".[plot]"`` in a checkout of reliability.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

try:
    import matplotlib as mpl
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "reliability.plot needs matplotlib: the plot extra "
        "(pip install '.[plot]' in a checkout of reliability)"
    ) from exc

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["outlets", "signals"]

_POINT = "#1f4e79"
_FEW = "#8a8a8a"
_BAND_COLOURS = {"low": "#d9534f", "mixed": "#b0b0b0", "high": "#2e8b57"}


def _new_axes(figsize: tuple[float, float]) -> Axes:
    import matplotlib.pyplot as plt

    _fig, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise KeyError(
            f"{what} needs the table compare_outlets() returns; missing column(s): {missing}"
        )


def _confidence(table: pd.DataFrame) -> float | None:
    record = table.attrs.get("reliability", {})
    value = record.get("confidence") if isinstance(record, dict) else None
    return float(value) if isinstance(value, int | float) else None


def outlets(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    figsize: tuple[float, float] | None = None,
    show_bands: bool = True,
    title: str | None = "Reliability score by outlet",
) -> Axes:
    """Outlets ranked by mean score, each with its bootstrap interval.

    The highest mean is at the top. Each label gives the outlet and its number of
    scored articles; outlets flagged ``few`` (fewer than ``min_count`` articles) are
    drawn hollow and grey and labelled "few". With ``show_bands`` the default
    model's band thresholds are drawn as dashed lines.

    Parameters
    ----------
    table:
        The frame :func:`reliability.compare_outlets` returned.
    ax:
        Axes to draw on; a new figure (7 inches wide, taller with more outlets)
        when ``None``.
    figsize:
        Size of the new figure in inches, when ``ax`` is ``None``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from reliability import compare_outlets, plot
    >>> scores = pd.DataFrame({"outlet": ["a"] * 3 + ["b"] * 3,
    ...                        "score": [70.0, 80.0, 75.0, 30.0, 40.0, 35.0]})
    >>> ax = plot.outlets(compare_outlets(scores, min_count=3))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['b  (n=3)', 'a  (n=3)']
    """
    _require(table, ["n", "score_mean", "score_ci_low", "score_ci_high"], "plot.outlets")
    if table.empty:
        raise ValueError("plot.outlets: the table has no outlets to plot")
    ordered = table.sort_values("score_mean", ascending=True, na_position="first", kind="stable")
    n_rows = len(ordered)
    if ax is None:
        ax = _new_axes(figsize or (7.0, 1.3 + 0.42 * max(n_rows, 1)))
    few = (
        ordered["few"].fillna(False).to_numpy(dtype=bool)
        if "few" in ordered.columns
        else np.zeros(n_rows, dtype=bool)
    )
    mean = ordered["score_mean"].to_numpy(dtype=float)
    low = ordered["score_ci_low"].to_numpy(dtype=float)
    high = ordered["score_ci_high"].to_numpy(dtype=float)
    ys = np.arange(n_rows, dtype=float)

    if show_bands:
        from .model import default_model

        bands = default_model().bands
        for name, x in (("low", bands["low"]), ("high", bands["high"])):
            ax.axvline(x, color=_BAND_COLOURS[name], linestyle="--", linewidth=0.9, zorder=1)
        label_y = n_rows - 0.4 if n_rows else 0.5
        for name, x in (
            ("low", bands["low"] / 2),
            ("mixed", (bands["low"] + bands["high"]) / 2),
            ("high", (bands["high"] + 100.0) / 2),
        ):
            ax.text(
                x, label_y, name, ha="center", va="bottom", fontsize=8, color=_BAND_COLOURS[name]
            )

    for group, colour, face in ((~few, _POINT, _POINT), (few, _FEW, "white")):
        with_ci = group & ~np.isnan(low) & ~np.isnan(high) & ~np.isnan(mean)
        if with_ci.any():
            ax.errorbar(
                mean[with_ci],
                ys[with_ci],
                xerr=np.vstack([mean[with_ci] - low[with_ci], high[with_ci] - mean[with_ci]]),
                fmt="none",
                ecolor=colour,
                elinewidth=1.6,
                capsize=4,
                zorder=2,
            )
        shown = group & ~np.isnan(mean)
        if shown.any():
            ax.scatter(
                mean[shown],
                ys[shown],
                s=42,
                color=face,
                edgecolors=colour,
                linewidths=1.6,
                zorder=3,
                clip_on=False,
            )

    labels = []
    for name, n, is_few, m in zip(ordered.index, ordered["n"], few, mean, strict=True):
        label = f"{name}  (n={int(n)}"
        label += ", few)" if is_few else ")"
        if math.isnan(m):
            label += " no scores"
        labels.append(label)
    ax.set_yticks(ys, labels)
    ax.set_ylim(-0.7, n_rows - 0.3 + (0.5 if show_bands else 0.0))
    ax.set_xlim(0, 100)
    confidence = _confidence(table)
    interval = f"{confidence:.0%} bootstrap interval" if confidence else "bootstrap interval"
    ax.set_xlabel(f"mean reliability score (0-100), with its {interval}")
    ax.grid(axis="x", color="#e6e6e6", linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if title:
        ax.set_title(title, loc="left")
    return ax


def _standardise(values: np.ndarray) -> np.ndarray:
    """Column-wise z-scores across rows; a constant column is 0, NaN stays NaN."""
    mean = np.nanmean(values, axis=0, keepdims=True) if values.size else values
    std = np.nanstd(values, axis=0, keepdims=True) if values.size else values
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (values - mean) / std
    constant = ~np.isfinite(z) & ~np.isnan(values)
    z[constant] = 0.0
    out: np.ndarray = z
    return out


def _direction(weight: float) -> str:
    return "+" if weight > 0 else "-" if weight < 0 else "0"


def signals(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    figsize: tuple[float, float] | None = None,
    columns: Sequence[str] | None = None,
    annotate: bool | None = None,
    cmap: str = "RdBu_r",
    title: str | None = "Signals by outlet",
) -> Axes:
    """A heatmap of each outlet's mean signal values, standardised per signal.

    Each column (a signal) is turned into z-scores across the outlets in the table,
    so colour says how far an outlet sits above (red) or below (blue) the average of
    these outlets, on a diverging colour map centred on zero. Cells show the raw
    means. A signal's label ends in (+) when the default model counts it towards a
    higher score and (-) when against; grey cells have no value. Rows follow the
    score ranking, highest first.

    Parameters
    ----------
    table:
        The frame :func:`reliability.compare_outlets` returned.
    columns:
        The signals to show; every signal in the table by default.
    annotate:
        Write the raw mean in each cell; by default when there are at most 160 cells.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from reliability import plot
    >>> table = pd.DataFrame({"score_mean": [70.0, 30.0], "hedging": [0.2, 1.5]},
    ...                      index=pd.Index(["a", "b"], name="outlet"))
    >>> ax = plot.signals(table)
    >>> ax.images[0].get_array().shape
    (2, 1)
    """
    from .model import default_model
    from .signals import SIGNAL_NAMES

    chosen = (
        list(columns) if columns is not None else [s for s in SIGNAL_NAMES if s in table.columns]
    )
    if not chosen:
        raise KeyError("plot.signals: the table has no signal columns (see SIGNAL_NAMES)")
    _require(table, chosen, "plot.signals")
    if table.empty:
        raise ValueError("plot.signals: the table has no outlets to plot")
    ordered = (
        table.sort_values("score_mean", ascending=False, na_position="last", kind="stable")
        if "score_mean" in table.columns
        else table
    )
    values = ordered[chosen].to_numpy(dtype=float)
    z = _standardise(values)
    n_rows, n_cols = values.shape
    if ax is None:
        ax = _new_axes(figsize or (2.2 + 0.62 * n_cols, 2.0 + 0.42 * max(n_rows, 1)))
    finite = np.abs(z[np.isfinite(z)])
    limit = max(1.0, float(finite.max())) if finite.size else 1.0
    colours = mpl.colormaps[cmap].with_extremes(bad="#d9d9d9")
    image = ax.imshow(
        np.ma.masked_invalid(z),
        cmap=colours,
        vmin=-limit,
        vmax=limit,
        aspect="auto",
        interpolation="nearest",
    )
    weights = {t.signal: t.weight for t in default_model().terms}
    labels = [f"{name} ({_direction(weights.get(name, 0.0))})" for name in chosen]
    ax.set_xticks(np.arange(n_cols), labels, rotation=40, ha="right", rotation_mode="anchor")
    ax.set_yticks(np.arange(n_rows), [str(i) for i in ordered.index])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if annotate is None:
        annotate = n_rows * n_cols <= 160
    if annotate:
        for i in range(n_rows):
            for j in range(n_cols):
                if math.isnan(values[i, j]):
                    continue
                dark = abs(z[i, j]) > 0.6 * limit
                ax.text(
                    j,
                    i,
                    f"{values[i, j]:.3g}",
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    color="white" if dark else "#1a1a1a",
                )
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label("z across these outlets")
    ax.set_xlabel("signal ((+) raises the score in the default model, (-) lowers it)")
    if title:
        ax.set_title(title, loc="left")
    return ax
