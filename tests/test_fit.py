"""Fitting the transparent model: known weights recovered, constraints, errors, reproducibility."""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
import pytest

import reliability
from reliability import FitConfig, FitError, Model, load_model, score
from reliability._fit import (
    check_labels,
    fit_constrained,
    fit_values,
    group_codes,
    grouped_folds,
    sample_weights,
    select_signals,
    signal_values,
)

# ---------------------------------------------------------------- synthetic signal values

TRUE = {  # log-odds per standard deviation; readability plays no part
    "named_attribution": 1.6,
    "sensational_language": -1.0,
    "hedging": -0.45,
    "readability": 0.0,
}


def synthetic_values(
    n: int, seed: int
) -> tuple[list[dict[str, float | None]], list[int], list[str]]:
    """Signal values drawn at random, labels drawn from a logistic model with TRUE weights."""
    rng = np.random.default_rng(seed)
    raw = {
        "named_attribution": rng.gamma(2.0, 2.5, n),
        "sensational_language": rng.gamma(1.5, 4.0, n),
        "hedging": rng.gamma(2.0, 0.25, n),
        "readability": rng.normal(55.0, 12.0, n),
    }
    linear = sum(w * (raw[s] - raw[s].mean()) / raw[s].std() for s, w in TRUE.items())
    y = (rng.random(n) < 1 / (1 + np.exp(-linear))).astype(int)
    values: list[dict[str, float | None]] = [{s: float(raw[s][i]) for s in TRUE} for i in range(n)]
    groups = [f"outlet{i % 97}" for i in range(n)]
    return values, y.tolist(), groups


FAST_CS = (0.01, 0.1, 1.0, 10.0)  # a short grid keeps the nested CV quick in tests
CONFIG = FitConfig(signals=tuple(TRUE), constraints={}, seed=3, cs=FAST_CS, folds=4)


@pytest.fixture(scope="module")
def synthetic_fit() -> reliability.Model:
    values, y, groups = synthetic_values(3000, seed=11)
    return fit_values(values, y, groups=groups, config=CONFIG).model


def test_recovers_signs_and_order_of_known_weights(synthetic_fit: Model) -> None:
    w = {t.signal: t.weight for t in synthetic_fit.terms}
    assert w["named_attribution"] > 0
    assert w["sensational_language"] < 0
    assert w["hedging"] < 0
    order = sorted(w, key=lambda s: -abs(w[s]))
    assert order == ["named_attribution", "sensational_language", "hedging", "readability"]
    assert abs(w["readability"]) < 0.15  # truly zero


def test_recovered_weights_are_close_to_the_truth(synthetic_fit: Model) -> None:
    for t in synthetic_fit.terms:
        assert t.weight == pytest.approx(TRUE[t.signal], abs=0.2), t.signal


def test_report_describes_the_fit(synthetic_fit: Model) -> None:
    r = synthetic_fit.report
    assert r["n_articles"] == 3000
    assert r["n_groups"] == 97
    assert r["c"] in CONFIG.cs
    assert 0.7 < r["cv"]["auc"] < 1.0
    assert len(r["cv"]["fold_auc"]) == CONFIG.folds
    assert r["calibration"]["slope"] > 0
    assert synthetic_fit.provenance["config"]["seed"] == 3
    assert synthetic_fit.provenance["date"]


def test_calibrated_scores_track_the_true_rate(synthetic_fit: Model) -> None:
    # on data drawn from a logistic model, the out-of-fold reliability table is near diagonal
    for row in synthetic_fit.report["calibration"]["table"]:
        if row["n"] >= 150:
            assert abs(row["mean_score"] - row["share_reliable"]) < 10, row


def test_bands_meet_their_target_locally(synthetic_fit: Model) -> None:
    bands = synthetic_fit.report["bands"]
    assert bands["low"] < 50 < bands["high"]  # a well-calibrated model keeps a mixed middle
    for band in ("low", "high"):
        assert f"{band}_note" not in bands
        assert bands[f"{band}_local"] >= CONFIG.band_target
        assert bands[f"{band}_precision"] >= CONFIG.band_target  # the whole band, too
        assert bands[f"{band}_share"] >= CONFIG.min_band_share
    # calibrated scores: the 70% points sit near 30 and 70
    assert 20 <= bands["low"] <= 40
    assert 60 <= bands["high"] <= 80
    assert synthetic_fit.bands == {"low": bands["low"], "high": bands["high"]}


def test_bands_say_when_the_target_is_out_of_reach() -> None:
    from reliability._fit import choose_bands

    rng = np.random.default_rng(0)
    score_ = rng.uniform(0, 100, 2000)
    y = (rng.random(2000) < 0.4 + 0.2 * score_ / 100).astype(np.int64)  # 40% to 60%
    bands = choose_bands(score_, y, target=0.7, min_share=0.05)
    assert "not reached" in bands["high_note"]
    assert "not reached" in bands["low_note"]
    assert bands["high_local"] < 0.7
    assert bands["low_local"] < 0.7
    assert bands["low"] <= 50 <= bands["high"]


# ---------------------------------------------------------------- sign constraints


def test_a_constraint_holds_against_the_data() -> None:
    values, y, groups = synthetic_values(1500, seed=5)
    # the data says named_attribution raises the odds; forbid that
    cfg = FitConfig(
        signals=tuple(TRUE), constraints={"named_attribution": "<=0"}, seed=1, cs=FAST_CS, folds=3
    )
    model = fit_values(values, y, groups=groups, config=cfg).model
    w = {t.signal: t.weight for t in model.terms}
    assert w["named_attribution"] == 0.0
    assert w["sensational_language"] < 0
    assert model.report["at_bound"] == ["named_attribution"]
    assert "held at 0" in model.terms[0].note
    assert {t.signal: t.constraint for t in model.terms}["named_attribution"] == "<=0"
    assert model.provenance["constraints"] == {"named_attribution": "<=0"}


def test_constrained_fit_is_the_bounded_optimum() -> None:
    from scipy.optimize import minimize

    rng = np.random.default_rng(0)
    z = rng.normal(size=(600, 4))
    y = (z @ np.array([1.0, 0.8, -0.5, 0.3]) + rng.normal(size=600) > 0).astype(np.int64)
    w = rng.uniform(0.5, 2.0, size=600)
    signs = np.array([-1.0, 0.0, 1.0, 1.0])  # the first and third fight the data
    c = 0.3
    coef, intercept = fit_constrained(z, y, w, c=c, signs=signs)

    def objective(p: np.ndarray) -> tuple[float, np.ndarray]:
        lin = p[0] + z @ p[1:]
        margin = np.where(y == 1, lin, -lin)
        prob = 1 / (1 + np.exp(-lin))
        g = w * (prob - y)
        value = c * np.sum(w * np.logaddexp(0, -margin)) + 0.5 * p[1:] @ p[1:]
        return value, np.concatenate([[c * g.sum()], c * (z.T @ g) + p[1:]])

    bounds = [(None, None)] + [
        (0, None) if s > 0 else (None, 0) if s < 0 else (None, None) for s in signs
    ]
    ref = minimize(
        objective,
        np.zeros(5),
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
        options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 10_000},
    )
    assert coef[0] == 0.0
    assert coef[2] == 0.0
    assert np.allclose(coef, ref.x[1:], atol=1e-5)
    assert intercept == pytest.approx(ref.x[0], abs=1e-5)


def test_without_constraints_the_fit_is_sklearns_logistic_regression() -> None:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(1)
    z = rng.normal(size=(400, 3))
    y = (z[:, 0] - z[:, 1] + rng.normal(size=400) > 0).astype(np.int64)
    w = rng.uniform(0.5, 2.0, size=400)
    coef, intercept = fit_constrained(z, y, w, c=0.5, signs=np.zeros(3))
    ref = LogisticRegression(C=0.5, tol=1e-10, max_iter=10_000).fit(z, y, sample_weight=w)
    assert np.allclose(coef, ref.coef_[0], atol=1e-8)
    assert intercept == pytest.approx(ref.intercept_[0], abs=1e-8)


def test_default_constraints_keep_bare_anonymity_from_raising_the_score() -> None:
    assert reliability.FitConfig().constraints["anonymous_bare"] == "<=0"
    assert reliability.FitConfig().constraints["named_attribution"] == ">=0"
    assert "anonymous_attribution" in reliability.FitConfig().exclude


# ---------------------------------------------------------------- signal selection


def test_rare_and_duplicate_signals_are_left_out_with_a_reason() -> None:
    rng = np.random.default_rng(2)
    base = rng.normal(size=500)
    rare = np.zeros(500)
    rare[:3] = 1.0
    v = np.column_stack([base, base * 2 + 1e-3 * rng.normal(size=500), rare, rng.normal(size=500)])
    keep, dropped = select_signals(v, ["a", "b", "c", "d"], FitConfig())
    assert keep == [0, 3]
    assert "nearly a copy of a" in dropped["b"]
    assert "too rare" in dropped["c"]


def test_missing_values_sit_at_the_mean() -> None:
    values, y, groups = synthetic_values(400, seed=8)
    for row in values[::3]:
        row["hedging"] = None
    cfg = FitConfig(signals=tuple(TRUE), constraints={}, cs=(1.0,), folds=3)
    model = fit_values(values, y, groups=groups, config=cfg).model
    hedging = next(t for t in model.terms if t.signal == "hedging")
    present = [r["hedging"] for r in values if r["hedging"] is not None]
    assert hedging.mean == pytest.approx(float(np.mean(present)), rel=1e-12)
    assert hedging.z(None, model.clip) == 0.0


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ([1, 1, 1, 1], "all 4 labels are 1"),
        ([0, 0, 0, 0], "all 4 labels are 0"),
        ([1, 0, 1], "4 articles but 3 labels"),
        ([1, 0, float("nan"), 1], r"labels\[2\] is missing"),
        ([1, None, 0, 1], r"labels\[1\] is missing"),
        ([1, 0, 2, 1], r"labels\[2\] is 2"),
        ([1, 0, "1", 0], r"labels\[2\] is '1'"),
    ],
)
def test_bad_labels_are_refused_clearly(labels: list[object], message: str) -> None:
    with pytest.raises(FitError, match=message):
        reliability.fit(["a b c"] * 4, labels)


def test_bad_labels_fail_before_any_extraction() -> None:
    # objects score() cannot read would raise TypeError if extraction came first
    with pytest.raises(FitError, match="2 articles but 1 labels"):
        reliability.fit([object(), object()], [1])
    assert issubclass(FitError, ValueError)


def test_bool_and_numpy_labels_are_accepted() -> None:
    y = [1, 0, 0, 1]
    expected = [1, 0, 0, 1]
    assert check_labels([bool(v) for v in y], 4).tolist() == expected
    assert check_labels(np.array(y, dtype=float), 4).tolist() == expected
    assert check_labels(np.array(y, dtype=np.int8), 4).tolist() == expected
    assert check_labels(iter(y), 4).tolist() == expected


def test_groups_must_pair_with_articles_and_outnumber_folds() -> None:
    values, y, _ = synthetic_values(100, seed=1)
    with pytest.raises(FitError, match="100 articles but 3 groups"):
        fit_values(values, y, groups=["a", "b", "c"], config=CONFIG)
    with pytest.raises(FitError, match="4-fold grouped CV needs at least 4 groups, got 3"):
        fit_values(values, y, groups=[i % 3 for i in range(100)], config=CONFIG)
    with pytest.raises(FitError, match="nested CV, outer fold 0: 4-fold grouped CV needs"):
        fit_values(values, y, groups=[i % 4 for i in range(100)], config=CONFIG)
    with pytest.raises(FitError, match=r"groups\[0\] is missing"):
        fit_values(values, y, groups=[None] * 100, config=CONFIG)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"signals": ("nope",)}, "unknown signal 'nope'"),
        ({"constraints": {"hedging": ">0"}}, "constraint of 'hedging'"),
        ({"folds": 1}, "folds must be at least 2"),
        ({"cs": ()}, "cs must be"),
        ({"cs": (1.0, -1.0)}, "cs must be"),
        ({"band_target": 1.5}, "band_target"),
        ({"band_target": 0.4}, "band_target"),
    ],
)
def test_bad_config_is_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(FitError, match=message):
        FitConfig(**kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------- folds and weights


def test_folds_never_split_a_group() -> None:
    y = np.array([i % 2 for i in range(200)], dtype=np.int64)
    codes = group_codes([f"g{i % 23}" for i in range(200)], 200)
    folds = grouped_folds(y, codes, folds=5, seed=0)
    seen: set[int] = set()
    for train, test in folds:
        assert not set(codes[train]) & set(codes[test])
        seen |= set(test.tolist())
    assert seen == set(range(200))


def test_sample_weights_balance_classes_and_damp_big_groups() -> None:
    y = np.array([1] * 10 + [0] * 30, dtype=np.int64)
    codes = group_codes(["big"] * 25 + [f"s{i}" for i in range(15)], 40)
    w = sample_weights(y, codes, group_power=0.5)
    assert w[y == 1].sum() == pytest.approx(20.0)
    assert w[y == 0].sum() == pytest.approx(20.0)
    # within class 0, an article of the 25-article outlet weighs 1/5 of a lone one
    assert w[20] / w[30] == pytest.approx(1 / 5)


# ---------------------------------------------------------------- through real text


NAMED = [
    "The harbour budget rose by {n} percent, Finance Minister Clara Holm said on Tuesday.",
    "“We will publish the full figures in June,” said Omar Reyes, a spokesman for the port.",
    "Ticket sales fell by {n} percent last year, said Ines Okafor, the museum's director.",
]
LOUD = [
    "This shocking, outrageous scandal is a total disaster that will stun everyone.",
    "In an explosive bombshell, the terrifying truth finally came out.",
    "It is an unbelievable, jaw-dropping catastrophe for {n} families!",
]
PLAIN = [
    "The council meets again next month.",
    "Trains will run on the usual timetable.",
    "The report covers the years 2019 to 2023.",
    "About {n} people attended the meeting in the town hall.",
]


def synthetic_article(reliable: bool, rng: random.Random) -> dict[str, str]:
    """A made-up article: reliable ones name sources more, unreliable ones shout more."""
    p_named, p_loud = (0.45, 0.05) if reliable else (0.1, 0.35)
    sentences = []
    for _ in range(14):
        r = rng.random()
        pool = NAMED if r < p_named else LOUD if r < p_named + p_loud else PLAIN
        sentences.append(rng.choice(pool).format(n=rng.randint(2, 90)))
    return {"title": "Council report", "text": " ".join(sentences)}


@pytest.fixture(scope="module")
def text_data() -> tuple[list[dict[str, str]], list[int]]:
    rng = random.Random(7)
    labels = [i % 2 for i in range(160)]
    return [synthetic_article(bool(y), rng) for y in labels], labels


@pytest.fixture(scope="module")
def text_model(text_data: tuple[list[dict[str, str]], list[int]]) -> Model:
    articles, labels = text_data
    return reliability.fit(
        articles, labels, config=FitConfig(seed=2, name="synthetic", cs=FAST_CS, folds=4)
    )


def test_fit_on_text_learns_the_planted_signs(text_model: Model) -> None:
    w = {t.signal: t.weight for t in text_model.terms}
    assert w["named_attribution"] > 0
    assert w["sensational_language"] < 0
    assert text_model.name == "synthetic"
    assert text_model.report["cv"]["auc"] > 0.8


def test_score_with_a_fitted_model_ranks_fresh_articles(text_model: Model) -> None:
    rng = random.Random(99)
    good = [score(synthetic_article(True, rng), model=text_model).score for _ in range(20)]
    bad = [score(synthetic_article(False, rng), model=text_model).score for _ in range(20)]
    assert float(np.mean(good)) > float(np.mean(bad)) + 20


def test_score_is_at_least_50_exactly_when_the_model_predicts_reliable(
    text_model: Model,
) -> None:
    rng = random.Random(5)
    fresh = [synthetic_article(bool(i % 2), rng) for i in range(60)]
    names = text_model.signals
    values = signal_values(fresh)
    # the model's prediction, computed independently of score(): numpy over the terms
    v = np.array([[np.nan if r[s] is None else r[s] for s in names] for r in values])
    means = np.array([t.mean for t in text_model.terms])
    scales = np.array([t.scale for t in text_model.terms])
    z = np.nan_to_num(np.clip((v - means) / scales, -text_model.clip, text_model.clip))
    linear = text_model.intercept + z @ np.array([t.weight for t in text_model.terms])
    predicted = linear >= 0
    scores = [score(a, model=text_model) for a in fresh]
    assert [p.score >= 50 for p in scores] == predicted.tolist()
    assert [text_model.predict(p.linear) for p in scores] == predicted.astype(int).tolist()
    assert 0 < predicted.sum() < len(fresh)  # both outcomes occur


def test_score_threshold_matches_sklearns_classifier() -> None:
    from sklearn.linear_model import LogisticRegression

    values, y, groups = synthetic_values(600, seed=21)
    cfg = FitConfig(signals=tuple(TRUE), constraints={}, calibrate=False, cs=FAST_CS, folds=3)
    model = fit_values(values, y, groups=groups, config=cfg).model
    names = model.signals
    v = np.array([[r[s] for s in names] for r in values], dtype=float)
    means = np.array([t.mean for t in model.terms])
    scales = np.array([t.scale for t in model.terms])
    z = np.clip((v - means) / scales, -model.clip, model.clip)
    w = sample_weights(np.array(y), group_codes(groups, len(y)), group_power=cfg.group_power)
    clf = LogisticRegression(C=model.report["c"], tol=1e-10, max_iter=10_000)
    clf.fit(z, y, sample_weight=w)
    ours = [model.predict(model.linear(model.contributions(r))) for r in values]
    assert ours == clf.predict(z).tolist()


def test_contributions_still_add_up_with_a_fitted_model(text_model: Model) -> None:
    rng = random.Random(3)
    p = score(synthetic_article(False, rng), model=text_model)
    assert math.isclose(
        p.intercept + math.fsum(s.contribution for s in p.signals.values()),
        p.linear,
        abs_tol=1e-12,
    )
    assert math.isclose(
        p.base + math.fsum(s.points for s in p.signals.values()), p.score, abs_tol=1e-9
    )


# ---------------------------------------------------------------- save, load, refit


def test_fitted_model_round_trips_through_json(text_model: Model, tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    text_model.save(path)
    assert path.read_text(encoding="utf-8").lstrip().startswith("{")
    again = load_model(path)
    assert again == text_model
    assert again.report["cv"]["auc"] == text_model.report["cv"]["auc"]


def test_refit_from_saved_config_reproduces_weights(
    text_model: Model, text_data: tuple[list[dict[str, str]], list[int]], tmp_path: Path
) -> None:
    path = tmp_path / "weights.json"
    text_model.save(path)
    saved = load_model(path)
    articles, labels = text_data
    again = reliability.fit(
        articles, labels, config=FitConfig.from_json(saved.provenance["config"])
    )
    assert again.signals == saved.signals
    for a, b in zip(again.terms, saved.terms, strict=True):
        assert a.weight == pytest.approx(b.weight, abs=1e-9)
        assert a.mean == pytest.approx(b.mean, abs=1e-9)
        assert a.scale == pytest.approx(b.scale, abs=1e-9)
    assert again.intercept == pytest.approx(saved.intercept, abs=1e-9)
    assert again.bands == saved.bands


def test_config_json_round_trip_and_unknown_options() -> None:
    cfg = FitConfig(seed=9, cs=(0.1, 1.0), constraints={"hedging": "<=0"}, signals=("hedging",))
    assert FitConfig.from_json(cfg.to_json()) == cfg
    with pytest.raises(FitError, match="unknown FitConfig options: bogus"):
        FitConfig.from_json({"bogus": 1})


# ---------------------------------------------------------------- the model table


def test_table_points_per_unit_is_the_score_slope_at_the_base(text_model: Model) -> None:
    from reliability.model import sigmoid_score

    table = text_model.table().set_index("signal")
    base = sigmoid_score(text_model.intercept)
    for t in text_model.terms:
        row = table.loc[t.signal]
        h = 1e-4 * t.scale
        moved = sigmoid_score(text_model.intercept + t.weight * h / t.scale)
        assert row["points_per_unit"] == pytest.approx((moved - base) / h, rel=1e-3, abs=1e-9)
        assert row["points_per_scale"] == pytest.approx(row["points_per_unit"] * t.scale)
        assert row["direction"] == ("+" if t.weight > 0 else "-" if t.weight < 0 else "0")
        assert row["constraint"] == t.constraint
    assert table.loc["(intercept)", "weight"] == text_model.intercept
    assert f"{base:.1f}" in str(table.loc["(intercept)", "note"])


def test_weights_file_refuses_a_weight_that_breaks_its_constraint() -> None:
    from reliability.model import ModelError, from_json

    term = {"signal": "anonymous_bare", "weight": 0.4, "mean": 0, "scale": 1}
    data = {"format": "reliability.model/1", "intercept": 0.0, "terms": [term]}
    assert from_json(data).terms[0].constraint == ""
    with pytest.raises(ModelError, match="breaks its constraint <=0"):
        from_json({**data, "terms": [{**term, "constraint": "<=0"}]})
    with pytest.raises(ModelError, match="'constraint' must be one of"):
        from_json({**data, "terms": [{**term, "constraint": "negative"}]})


@pytest.mark.parametrize(
    "module", ["reliability._fit", "reliability._features", "reliability.frame"]
)
def test_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
