"""reliability.plot: readable by default, returns the Axes, saves to a real image."""

from __future__ import annotations

import doctest
import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import reliability  # noqa: E402
from reliability import SIGNAL_NAMES, compare_outlets, plot  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def table() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    rows = []
    for outlet, n, mean in [
        ("Careful Courier", 30, 78.0),
        ("Loud Daily", 25, 22.0),
        ("Middle Post", 20, 51.0),
        ("Tiny Sheet", 3, 60.0),
    ]:
        for _ in range(n):
            row = {"outlet": outlet, "score": float(np.clip(rng.normal(mean, 9), 0, 100))}
            for j, name in enumerate(SIGNAL_NAMES):
                row[name] = float(rng.normal(mean / 10 + j, 1.0))
            rows.append(row)
    frame = pd.DataFrame(rows)
    frame.loc[frame.outlet == "Tiny Sheet", "clickbait_title"] = np.nan  # no titles there
    return compare_outlets(frame, min_count=10)


def figure_of(ax: Axes) -> Figure:
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    return fig


def image_of(ax: Axes) -> np.ma.MaskedArray[Any, Any]:
    data = ax.images[0].get_array()
    assert isinstance(data, np.ma.MaskedArray)
    return data


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's signature and IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def check_png(path: Path, size: tuple[int, int]) -> None:
    data = path.read_bytes()
    assert png_size(data) == size
    from PIL import Image  # matplotlib depends on Pillow

    with Image.open(path) as im:
        pixels = np.asarray(im.convert("L"), dtype=float)
    assert pixels.shape == (size[1], size[0])
    # not blank: a good share of pixels are inked, and there is real contrast
    assert (pixels < 200).mean() > 0.01
    assert pixels.std() > 10
    assert len(np.unique(pixels)) > 20


def test_outlets_plot_is_sorted_labelled_and_has_intervals(tmp_path: Path) -> None:
    t = table()
    ax = plot.outlets(t, figsize=(6.0, 3.0))
    assert isinstance(ax, Axes)
    labels = [x.get_text() for x in ax.get_yticklabels()]
    # highest mean at the top (the last y tick)
    assert labels == [
        "Loud Daily  (n=25)",
        "Middle Post  (n=20)",
        "Tiny Sheet  (n=3, few)",
        "Careful Courier  (n=30)",
    ]
    assert "interval" in ax.get_xlabel()
    assert ax.get_xlim() == (0.0, 100.0)
    # one error bar segment per outlet, spanning its interval
    segments = [seg for coll in ax.collections for seg in getattr(coll, "get_segments", list)()]
    spans = sorted((round(s[0][0], 6), round(s[1][0], 6)) for s in segments if len(s) == 2)
    expected = sorted(
        (round(lo, 6), round(hi, 6))
        for lo, hi in zip(t.score_ci_low, t.score_ci_high, strict=False)
    )
    assert [sp for sp in spans if sp in expected] == expected
    out = tmp_path / "outlets.png"
    figure_of(ax).savefig(out, dpi=100)
    check_png(out, (600, 300))


def test_signals_heatmap_is_standardised_and_masks_missing(tmp_path: Path) -> None:
    t = table()
    ax = plot.signals(t, figsize=(8.0, 4.0))
    z = image_of(ax)
    assert z.shape == (4, len(SIGNAL_NAMES))
    col = list(SIGNAL_NAMES).index("named_attribution")
    assert np.ma.mean(z[:, col]) == pytest.approx(0.0, abs=1e-9)
    assert np.ma.std(z[:, col]) == pytest.approx(1.0)
    # rows follow the ranking, highest first; the outlet without titles is masked grey
    rows = [x.get_text() for x in ax.get_yticklabels()]
    assert rows == ["Careful Courier", "Tiny Sheet", "Middle Post", "Loud Daily"]
    cb = list(SIGNAL_NAMES).index("clickbait_title")
    assert bool(np.ma.getmaskarray(z)[1, cb])
    assert np.ma.getmaskarray(z).sum() == 1
    # labels say which way the model counts each signal
    xlabels = [x.get_text() for x in ax.get_xticklabels()]
    assert "named_attribution (+)" in xlabels
    assert "sensational_language (-)" in xlabels
    low, high = ax.images[0].get_clim()
    assert low == -high  # centred diverging scale
    out = tmp_path / "signals.png"
    figure_of(ax).savefig(out, dpi=50)
    check_png(out, (400, 200))


def test_plots_draw_on_given_axes_and_save_svg(tmp_path: Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
    assert plot.outlets(table(), ax=left) is left
    assert plot.signals(table(), ax=right, columns=["hedging", "readability"]) is right
    assert image_of(right).shape == (4, 2)
    out = tmp_path / "both.svg"
    fig.savefig(out)
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert root.attrib["width"] == "720pt"
    assert root.attrib["height"] == "288pt"
    assert len(list(root.iter())) > 100


def test_plots_explain_what_is_missing() -> None:
    with pytest.raises(KeyError, match="compare_outlets"):
        plot.outlets(pd.DataFrame({"score": [1.0]}))
    with pytest.raises(KeyError, match="signal"):
        plot.signals(pd.DataFrame({"score_mean": [1.0]}))
    empty = table().iloc[:0]
    with pytest.raises(ValueError, match="no outlets"):
        plot.outlets(empty)
    with pytest.raises(ValueError, match="no outlets"):
        plot.signals(empty)


def test_plot_is_the_lazy_submodule() -> None:
    assert reliability.plot is plot


def test_the_plot_doctests_run() -> None:
    result = doctest.testmod(plot)
    assert result.attempted >= 6
    assert result.failed == 0
