"""score_frame, compare_outlets and outlet_difference: the pandas faces."""

from __future__ import annotations

import dataclasses
import doctest
import itertools
import math
import warnings
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reliability
import reliability.frame
from reliability import SIGNAL_NAMES, compare_outlets, outlet_difference, score, score_frame
from reliability.model import default_model

from .conftest import golden

CAREFUL = golden("careful.txt")
LEAKY = golden("leaky_tail.txt")
OURS = ["score", "band", *SIGNAL_NAMES, "error"]

SHOUTY_TITLE = "You Won't Believe What They Found!"
SHOUTY = (
    "Critics say it is a shocking disaster. Sources say everything is about to collapse. "
    "Some people believe it could be the biggest scandal ever."
)


def articles() -> pd.DataFrame:
    """A small frame with a custom index, extra columns and a few unscorable rows."""
    return pd.DataFrame(
        {
            "title": ["Port talks resume", SHOUTY_TITLE, None, "Empty", "Number"],
            "text": [CAREFUL, SHOUTY, LEAKY, "   \n ", 42],
            "outlet": ["ledger", "blaze", "ledger", "blaze", "ledger"],
            "note": ["keep", "me", "as", "I", "was"],
        },
        index=pd.Index([10, 3, 7, 99, 5], name="article_id"),
    )


def at(frame: pd.DataFrame, row: object, column: str) -> Any:
    """One cell (typed loosely: a cell can be any scalar)."""
    return frame.at[row, column]


# --- score_frame -------------------------------------------------------------------------


def test_score_frame_keeps_columns_and_index_and_adds_ours_in_order() -> None:
    df = articles()
    out = score_frame(df)
    assert list(out.columns) == [*df.columns, *OURS]
    assert out.index.equals(df.index)
    pd.testing.assert_frame_equal(out[df.columns], df)


def test_score_frame_matches_score_row_by_row() -> None:
    out = score_frame(articles())
    for key, title, text in [(10, "Port talks resume", CAREFUL), (3, SHOUTY_TITLE, SHOUTY)]:
        p = score({"title": title, "text": text})
        assert at(out, key, "score") == p.score
        assert at(out, key, "band") == p.band
        for name in SIGNAL_NAMES:
            value = p.signals[name].value
            if value is None:
                assert math.isnan(at(out, key, name))
            else:
                assert at(out, key, name) == value
        assert pd.isna(at(out, key, "error"))


def test_rows_that_cannot_be_scored_get_an_error_not_an_exception() -> None:
    out = score_frame(articles())
    assert "empty" in at(out, 99, "error")
    assert "int" in at(out, 5, "error")
    for key in (99, 5):
        assert math.isnan(at(out, key, "score"))
        assert pd.isna(at(out, key, "band"))
        assert out.loc[key, list(SIGNAL_NAMES)].isna().all()
    missing = score_frame(pd.DataFrame({"text": [None, float("nan"), "The mayor said so."]}))
    assert list(missing["error"].isna()) == [False, False, True]
    assert missing["error"].iloc[0] == "text is missing"


def test_band_is_an_ordered_categorical() -> None:
    band = score_frame(articles())["band"]
    assert isinstance(band.dtype, pd.CategoricalDtype)
    assert band.cat.ordered
    assert list(band.cat.categories) == ["low", "mixed", "high"]


def test_input_frame_is_not_modified() -> None:
    df = articles()
    before = df.copy()
    score_frame(df)
    pd.testing.assert_frame_equal(df, before)


def test_column_names_are_keyword_arguments() -> None:
    df = pd.DataFrame({"headline": [SHOUTY_TITLE], "body": [SHOUTY], "site": ["blaze"]})
    out = score_frame(df, text="body", title="headline", outlet="site")
    p = score({"title": SHOUTY_TITLE, "text": SHOUTY})
    assert out["score"].iloc[0] == p.score
    assert out.attrs["reliability"]["outlet"] == "site"


def test_a_named_column_must_exist_a_default_one_need_not() -> None:
    df = pd.DataFrame({"text": [SHOUTY]})
    assert math.isnan(score_frame(df)["clickbait_title"].iloc[0])  # no title column: fine
    with pytest.raises(KeyError, match="headline"):
        score_frame(df, title="headline")
    with pytest.raises(KeyError, match="body"):
        score_frame(df, text="body")


def test_title_none_ignores_the_title_column() -> None:
    df = pd.DataFrame({"title": [SHOUTY_TITLE], "text": [SHOUTY]})
    assert not math.isnan(score_frame(df)["clickbait_title"].iloc[0])
    assert math.isnan(score_frame(df, title=None)["clickbait_title"].iloc[0])


def test_clashing_columns_are_suffixed_with_a_warning_and_user_columns_kept() -> None:
    df = pd.DataFrame({"text": [SHOUTY, CAREFUL], "score": [1, 2], "hedging": ["x", "y"]})
    with pytest.warns(UserWarning, match="score_rel"):
        out = score_frame(df)
    assert list(out["score"]) == [1, 2]
    assert list(out["hedging"]) == ["x", "y"]
    assert "score_rel" in out.columns
    assert "hedging_rel" in out.columns
    assert "band" in out.columns  # only clashing names get the suffix
    assert out.attrs["reliability"]["columns"]["score"] == "score_rel"
    assert 0 <= out["score_rel"].iloc[0] <= 100


def test_clashing_columns_can_raise_instead() -> None:
    df = pd.DataFrame({"text": [SHOUTY], "band": ["mine"]})
    with pytest.raises(ValueError, match="band"):
        score_frame(df, on_clash="raise")


def test_no_warning_without_a_clash() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        score_frame(pd.DataFrame({"text": [SHOUTY]}))


def test_outlet_is_derived_from_url_when_there_is_no_outlet_column() -> None:
    df = pd.DataFrame(
        {"text": [SHOUTY, CAREFUL, CAREFUL], "url": ["https://www.blaze.example/a", None, 3]}
    )
    out = score_frame(df)
    assert out["outlet"].iloc[0] == "blaze.example"
    assert out["outlet"].iloc[1:].isna().all()
    assert out.attrs["reliability"]["outlet"] == "outlet"


def test_signal_columns_follow_signal_names() -> None:
    out = score_frame(pd.DataFrame({"text": [SHOUTY]}))
    assert [c for c in out.columns if c in SIGNAL_NAMES] == list(SIGNAL_NAMES)


@pytest.mark.parametrize("jobs", [0, -2, 1.5, True])
def test_bad_jobs_are_refused(jobs: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        score_frame(articles(), jobs=jobs)  # type: ignore[arg-type]


def test_not_a_frame_is_refused() -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        score_frame([{"text": "x"}])  # type: ignore[arg-type]


def test_parallel_scoring_gives_the_same_frame_as_serial() -> None:
    df = pd.concat([articles()] * 3)
    shifted = dataclasses.replace(default_model(), name="shifted", intercept=1.5)
    serial = score_frame(df, model=shifted)
    parallel = score_frame(df, model=shifted, jobs=2)
    pd.testing.assert_frame_equal(serial, parallel)
    assert serial.attrs == parallel.attrs
    # the custom model reached the workers: its intercept moves every score up
    default = score_frame(df)
    ok = default["error"].isna()
    assert (parallel.loc[ok, "score"].to_numpy() > default.loc[ok, "score"].to_numpy()).all()


# --- compare_outlets ---------------------------------------------------------------------


def synthetic(seed: int = 1) -> pd.DataFrame:
    """Scores for four outlets of known means, plus one unscored row."""
    rng = np.random.default_rng(seed)
    parts = []
    for outlet, n, mean in [("careful", 40, 80.0), ("middling", 30, 55.0), ("loud", 25, 20.0)]:
        s = np.clip(rng.normal(mean, 8.0, n), 0, 100)
        parts.append(
            pd.DataFrame(
                {
                    "outlet": outlet,
                    "score": s,
                    "band": pd.Categorical(
                        np.where(s < 35, "low", np.where(s >= 65, "high", "mixed")),
                        categories=["low", "mixed", "high"],
                        ordered=True,
                    ),
                    "hedging": rng.uniform(0, 2, n),
                    "error": None,
                }
            )
        )
    parts.append(
        pd.DataFrame(
            {
                "outlet": ["tiny", "tiny", "loud"],
                "score": [60.0, 64.0, np.nan],
                "band": pd.Categorical(
                    ["mixed", "mixed", None], categories=["low", "mixed", "high"]
                ),
                "hedging": [0.5, np.nan, np.nan],
                "error": [None, None, "text is missing"],
            }
        )
    )
    return pd.concat(parts, ignore_index=True)


def test_compare_outlets_counts_means_and_medians() -> None:
    s = synthetic()
    table = compare_outlets(s, by="outlet")
    assert list(table.index) == ["careful", "tiny", "middling", "loud"]  # by mean, highest first
    assert table.index.name == "outlet"
    for outlet, group in s.groupby("outlet"):
        row = table.loc[outlet]
        scored = group["score"].dropna()
        assert row["n"] == len(scored)
        assert row["score_mean"] == pytest.approx(scored.mean())
        assert row["score_median"] == pytest.approx(scored.median())
        assert row["hedging"] == pytest.approx(group.loc[scored.index, "hedging"].mean())
    assert at(table, "loud", "n_unscored") == 1
    assert at(table, "careful", "n_unscored") == 0


def test_small_outlets_are_flagged_not_dropped() -> None:
    table = compare_outlets(synthetic(), min_count=10)
    assert bool(at(table, "tiny", "few"))
    assert not table.loc[["careful", "middling", "loud"], "few"].any()
    assert not compare_outlets(synthetic(), min_count=2).loc["tiny", "few"]


def test_band_shares_add_up_and_match_the_bands() -> None:
    s = synthetic()
    table = compare_outlets(s)
    shares = table[["share_low", "share_mixed", "share_high"]]
    assert np.allclose(shares.sum(axis=1), 1.0)
    careful = s[s.outlet == "careful"]
    assert at(table, "careful", "share_high") == pytest.approx((careful.band == "high").mean())


def test_bootstrap_interval_brackets_the_mean_with_the_expected_width() -> None:
    s = synthetic()
    table = compare_outlets(s)
    for outlet in ("careful", "middling", "loud"):
        row = table.loc[outlet]
        assert row["score_ci_low"] < row["score_mean"] < row["score_ci_high"]
        x = s.loc[s.outlet == outlet, "score"].dropna()
        normal_width = 2 * 1.96 * x.std(ddof=0) / math.sqrt(len(x))
        width = row["score_ci_high"] - row["score_ci_low"]
        assert width == pytest.approx(normal_width, rel=0.2)


def test_bootstrap_is_seeded_and_per_outlet() -> None:
    s = synthetic()
    a = compare_outlets(s, seed=3)
    pd.testing.assert_frame_equal(a, compare_outlets(s, seed=3))
    b = compare_outlets(s, seed=4)
    assert at(a, "careful", "score_ci_low") != at(b, "careful", "score_ci_low")
    # an outlet's interval does not move when other outlets come or go
    alone = compare_outlets(s[s.outlet == "middling"], seed=3)
    assert at(alone, "middling", "score_ci_low") == at(a, "middling", "score_ci_low")
    assert at(alone, "middling", "score_ci_high") == at(a, "middling", "score_ci_high")


def test_wider_confidence_gives_a_wider_interval() -> None:
    s = synthetic()
    narrow = compare_outlets(s, confidence=0.8).loc["careful"]
    wide = compare_outlets(s, confidence=0.99).loc["careful"]
    assert wide["score_ci_low"] < narrow["score_ci_low"]
    assert wide["score_ci_high"] > narrow["score_ci_high"]


def test_one_article_has_no_interval() -> None:
    table = compare_outlets(pd.DataFrame({"outlet": ["a", "b", "b"], "score": [50.0, 1, 2]}))
    assert math.isnan(at(table, "a", "score_ci_low"))
    assert at(table, "a", "score_mean") == 50.0


def test_compare_outlets_reads_suffixed_columns_from_score_frame() -> None:
    df = articles().assign(score="user's own")
    with pytest.warns(UserWarning, match="score_rel"):
        scored = score_frame(df)
    table = compare_outlets(scored, min_count=1)
    assert set(table.index) == {"ledger", "blaze"}
    assert at(table, "ledger", "n") == 2  # the int text is unscored
    assert at(table, "ledger", "n_unscored") == 1
    assert at(table, "ledger", "score_mean") == pytest.approx(
        scored.loc[[10, 7], "score_rel"].mean()
    )
    assert set(SIGNAL_NAMES) <= set(table.columns)


def test_compare_outlets_needs_the_columns() -> None:
    with pytest.raises(KeyError, match="site"):
        compare_outlets(synthetic(), by="site")
    with pytest.raises(KeyError, match="score"):
        compare_outlets(pd.DataFrame({"outlet": ["a"]}))
    with pytest.raises(ValueError, match="resamples"):
        compare_outlets(synthetic(), resamples=5)


def test_the_frame_doctests_run() -> None:
    result = doctest.testmod(reliability.frame)
    assert result.attempted >= 10
    assert result.failed == 0


# --- outlet_difference -------------------------------------------------------------------


def test_clearly_different_outlets_differ_beyond_noise() -> None:
    d = outlet_difference(synthetic(), "careful", "loud")
    assert d.differs
    assert d.p_value < 0.001
    assert d.ci_low > 40
    assert d.ci_high < 80
    assert d.difference == pytest.approx(d.mean_a - d.mean_b)
    assert "beyond noise" in d.verdict
    assert d.verdict.startswith("careful scores")


def test_identical_samples_are_within_noise() -> None:
    scores = [40.0, 52.0, 61.0, 47.0, 58.0, 66.0, 43.0, 55.0, 50.0, 62.0]
    s = pd.DataFrame({"outlet": ["a"] * 10 + ["b"] * 10, "score": scores + scores[::-1]})
    d = outlet_difference(s, "a", "b")
    assert d.difference == 0.0
    assert d.p_value == 1.0  # every relabelling is at least as extreme as no gap at all
    assert not d.differs
    assert "within noise" in d.verdict
    assert d.ci_low < 0 < d.ci_high


def test_swapping_the_outlets_mirrors_the_result_exactly() -> None:
    s = synthetic()
    ab = outlet_difference(s, "middling", "careful")
    ba = outlet_difference(s, "careful", "middling")
    assert ab.difference == -ba.difference
    assert (ab.ci_low, ab.ci_high) == (-ba.ci_high, -ba.ci_low)
    assert ab.p_value == ba.p_value
    assert (ab.n_a, ab.n_b) == (ba.n_b, ba.n_a)


def test_permutation_p_value_matches_exact_enumeration() -> None:
    x = [61.0, 70.0, 66.0, 58.0]
    y = [52.0, 60.0, 49.0, 57.0]
    pooled = x + y
    observed = abs(np.mean(x) - np.mean(y))
    extreme = 0
    splits = list(itertools.combinations(range(8), 4))
    for idx in splits:
        a = [pooled[i] for i in idx]
        b = [pooled[i] for i in range(8) if i not in idx]
        extreme += abs(np.mean(a) - np.mean(b)) >= observed - 1e-9
    exact = extreme / len(splits)
    s = pd.DataFrame({"outlet": ["x"] * 4 + ["y"] * 4, "score": pooled})
    d = outlet_difference(s, "x", "y", permutations=40_000)
    assert d.p_value == pytest.approx(exact, abs=0.01)


def test_too_few_articles_gives_no_verdict_either_way() -> None:
    s = pd.DataFrame({"outlet": ["a", "b", "b"], "score": [90.0, 10.0, 12.0]})
    d = outlet_difference(s, "a", "b")
    assert not d.differs
    assert math.isnan(d.p_value)
    assert d.difference == pytest.approx(79.0)
    assert "Too few" in d.verdict


def test_small_outlets_are_called_a_hint() -> None:
    d = outlet_difference(synthetic(), "tiny", "loud", min_count=10)
    assert "tiny (n=2)" in d.verdict
    assert "hint" in d.verdict


def test_outlet_difference_is_deterministic_and_frozen() -> None:
    s = synthetic()
    d = outlet_difference(s, "careful", "middling")
    assert d == outlet_difference(s, "careful", "middling")
    assert d.to_dict()["verdict"] == d.verdict
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.p_value = 0.5  # type: ignore[misc]


def test_unknown_outlet_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="nowhere"):
        outlet_difference(synthetic(), "careful", "nowhere")
    with pytest.raises(ValueError, match="two different"):
        outlet_difference(synthetic(), "careful", "careful")


def test_pandas_faces_are_reachable_from_the_package() -> None:
    assert reliability.score_frame is score_frame
    assert reliability.OutletDifference is reliability.frame.OutletDifference
    for name in ("score_frame", "compare_outlets", "outlet_difference", "OutletDifference"):
        assert name in reliability.__all__
        assert name in dir(reliability)


# --- invariants --------------------------------------------------------------------------

scores_st = st.lists(st.floats(0.0, 100.0, allow_nan=False), min_size=2, max_size=40)


@given(values=scores_st, seed=st.integers(0, 2**32 - 1))
@settings(max_examples=60, deadline=None)
def test_bootstrap_interval_lies_within_the_data_and_brackets_the_mean(
    values: list[float], seed: int
) -> None:
    low, high = reliability.frame.bootstrap_interval(values, resamples=400, seed=seed)
    mean = float(np.mean(values))
    assert min(values) - 1e-9 <= low <= high <= max(values) + 1e-9
    assert low - 1e-9 <= mean <= high + 1e-9


@given(
    outlets=st.lists(st.sampled_from(["a", "b", "c", None]), min_size=1, max_size=40),
    data=st.data(),
)
@settings(max_examples=40, deadline=None)
def test_compare_outlets_accounts_for_every_row(outlets: list[str | None], data: Any) -> None:
    n = len(outlets)
    values = data.draw(
        st.lists(st.one_of(st.none(), st.floats(0.0, 100.0)), min_size=n, max_size=n)
    )
    s = pd.DataFrame({"outlet": outlets, "score": [np.nan if v is None else v for v in values]})
    s["band"] = pd.Categorical(
        [
            None if v is None else "low" if v < 35 else "high" if v >= 65 else "mixed"
            for v in values
        ],
        categories=["low", "mixed", "high"],
        ordered=True,
    )
    table = compare_outlets(s, resamples=200)
    present = {o for o in outlets if o is not None}
    assert set(table.index) == present
    for outlet in present:
        group = s[s.outlet == outlet]
        assert at(table, outlet, "n") + at(table, outlet, "n_unscored") == len(group)
        if at(table, outlet, "n"):
            shares = [at(table, outlet, f"share_{b}") for b in ("low", "mixed", "high")]
            assert sum(shares) == pytest.approx(1.0)
    means = table["score_mean"].dropna().to_list()
    assert means == sorted(means, reverse=True)


@given(a=scores_st, b=scores_st)
@settings(max_examples=30, deadline=None)
def test_outlet_difference_is_a_valid_mirrored_test(a: list[float], b: list[float]) -> None:
    s = pd.DataFrame({"outlet": ["a"] * len(a) + ["b"] * len(b), "score": a + b})
    ab = outlet_difference(s, "a", "b", permutations=200, resamples=200)
    ba = outlet_difference(s, "b", "a", permutations=200, resamples=200)
    assert 0.0 < ab.p_value <= 1.0
    assert ab.p_value == ba.p_value
    assert ab.difference == -ba.difference
    assert ab.ci_low <= ab.ci_high
    assert ab.differs == (ab.p_value < 0.05)


def test_error_column_has_one_dtype_whether_or_not_a_row_failed() -> None:
    ok = pd.DataFrame({"text": ["The mayor, Ana Ruiz, said the bridge would reopen."]})
    mixed = pd.DataFrame({"text": ["The mayor, Ana Ruiz, said the bridge would reopen.", " "]})
    a, b = score_frame(ok), score_frame(mixed)
    assert a["error"].dtype == b["error"].dtype
    assert a["error"].isna().all()
    assert b["error"].isna().tolist() == [True, False]
