from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from reliability import ModelError, default_model, load_model, score
from reliability.model import Model, Term, from_json, sigmoid_score


def test_default_model_covers_known_signals_with_notes() -> None:
    m = default_model()
    assert m.terms
    for t in m.terms:
        assert t.note, f"{t.signal} has no note saying where its weight came from"
    assert m.provenance


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    m = default_model()
    path = tmp_path / "w.json"
    m.save(path)
    assert load_model(path) == m
    assert not (tmp_path / "w.json.tmp").exists()


def test_score_with_a_custom_model() -> None:
    m = Model("only-named", 0.5, (Term("named_attribution", 1.0, 0.0, 10.0),))
    p = score("Talks resumed, Foreign Minister Anna Berg said.", model=m)
    assert p.model == "only-named"
    assert p.signals["hedging"].weight == 0.0
    assert p.signals["hedging"].contribution == 0.0
    assert p.linear == 0.5 + p.signals["named_attribution"].contribution


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a JSON object"),
        ({"format": "x"}, "'format' must be"),
        ({"format": "reliability.model/1", "terms": []}, "non-empty list"),
        (
            {
                "format": "reliability.model/1",
                "intercept": 0,
                "terms": [{"signal": "nope", "weight": 1, "mean": 0, "scale": 1}],
            },
            "unknown signal 'nope'",
        ),
        (
            {
                "format": "reliability.model/1",
                "intercept": 0,
                "terms": [{"signal": "hedging", "weight": "1", "mean": 0, "scale": 1}],
            },
            "finite number",
        ),
        (
            {
                "format": "reliability.model/1",
                "intercept": 0,
                "terms": [{"signal": "hedging", "weight": 1, "mean": 0, "scale": 0}],
            },
            "must be positive",
        ),
        (
            {
                "format": "reliability.model/1",
                "intercept": float("nan"),
                "terms": [{"signal": "hedging", "weight": 1, "mean": 0, "scale": 1}],
            },
            "finite number",
        ),
        (
            {
                "format": "reliability.model/1",
                "intercept": 0,
                "bands": {"low": 80, "high": 20},
                "terms": [{"signal": "hedging", "weight": 1, "mean": 0, "scale": 1}],
            },
            "bands",
        ),
        (
            {
                "format": "reliability.model/1",
                "intercept": 0,
                "terms": [
                    {"signal": "hedging", "weight": 1, "mean": 0, "scale": 1},
                    {"signal": "hedging", "weight": 1, "mean": 0, "scale": 1},
                ],
            },
            "appears twice",
        ),
    ],
)
def test_bad_models_are_refused_clearly(data: object, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        from_json(data)


def test_load_model_rejects_non_json(tmp_path: Path) -> None:
    bad = tmp_path / "w.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="not valid JSON"):
        load_model(bad)


@pytest.mark.parametrize("linear", [-50.0, -1e-17, -1e-300, 0.0, 1e-17, 3.0, 800.0, -800.0])
def test_score_is_at_least_50_exactly_when_linear_is_non_negative(linear: float) -> None:
    s = sigmoid_score(linear)
    assert 0.0 <= s <= 100.0
    assert (s >= 50.0) == (linear >= 0.0)


def test_missing_value_contributes_nothing() -> None:
    t = Term("clickbait_title", 2.0, 0.3, 0.1)
    assert t.z(None, 4.0) == 0.0
    assert t.z(float("nan"), 4.0) == 0.0
    assert t.z(100.0, 4.0) == 4.0  # clipped


def test_model_table_has_a_row_per_signal_and_the_intercept() -> None:
    table = default_model().table()
    assert list(table["signal"])[:-1] == list(default_model().signals)
    assert table["signal"].iloc[-1] == "(intercept)"
    row = table.iloc[0]
    assert math.isclose(row["logodds_per_unit"], row["weight"] / row["scale"])


def test_weights_file_is_plain_json() -> None:
    from importlib.resources import files

    raw = files("reliability").joinpath("weights", "default.json").read_text(encoding="utf-8")
    assert json.loads(raw)["format"] == "reliability.model/1"
