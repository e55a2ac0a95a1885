"""ReliabilityFeatures: the signals as a scikit-learn transformer."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from reliability import SIGNAL_NAMES, ReliabilityFeatures, score

from .test_fit import synthetic_article

TEXTS = [
    "Talks resumed on Monday, Foreign Minister Anna Berg said.",
    "This shocking, outrageous scandal is a total disaster!",
]


def test_columns_are_the_signal_values_score_reports() -> None:
    feats = ReliabilityFeatures()
    x = feats.fit_transform(TEXTS)
    assert x.shape == (2, len(SIGNAL_NAMES))
    assert list(feats.get_feature_names_out()) == list(SIGNAL_NAMES)
    for row, text in zip(x, TEXTS, strict=True):
        p = score(text)
        for j, name in enumerate(SIGNAL_NAMES):
            value = p.signals[name].value
            if value is None:
                assert np.isnan(row[j])
            else:
                assert row[j] == value


def test_missing_values_become_the_chosen_fill() -> None:
    x = ReliabilityFeatures(signals=["clickbait_title"], missing=-1.0).transform(TEXTS)
    assert x.tolist() == [[-1.0], [-1.0]]  # plain strings have no title
    x = ReliabilityFeatures(signals=["clickbait_title"]).transform(
        [{"title": "You won't believe what happened next", "text": TEXTS[0]}]
    )
    assert 0.0 <= x[0, 0] <= 1.0


def test_pandas_output_names_the_columns() -> None:
    feats = ReliabilityFeatures(signals=["named_attribution", "sensational_language"])
    frame = feats.set_output(transform="pandas").fit_transform(pd.Series(TEXTS))
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["named_attribution", "sensational_language"]
    assert frame["named_attribution"].iloc[0] > 0
    assert frame["sensational_language"].iloc[1] > 0


def test_inside_a_pipeline() -> None:
    rng = random.Random(1)
    labels = [i % 2 for i in range(80)]
    articles = [synthetic_article(bool(y), rng) for y in labels]
    pipe = make_pipeline(
        ReliabilityFeatures(signals=["named_attribution", "sensational_language"]),
        LogisticRegression(),
    )
    pipe.fit(articles, labels)
    fresh = [synthetic_article(bool(i % 2), rng) for i in range(40)]
    accuracy = float(np.mean(pipe.predict(fresh) == np.array([i % 2 for i in range(40)])))
    assert accuracy > 0.8
    assert list(pipe[:-1].get_feature_names_out()) == [
        "named_attribution",
        "sensational_language",
    ]


def test_a_one_column_frame_is_accepted() -> None:
    frame = pd.DataFrame({"text": TEXTS})
    x = ReliabilityFeatures(signals=["sensational_language"]).transform(frame)
    assert x.shape == (2, 1)
    with pytest.raises(ValueError, match="one column"):
        ReliabilityFeatures().transform(pd.DataFrame({"a": TEXTS, "b": TEXTS}))


def test_follows_sklearn_conventions() -> None:
    feats = ReliabilityFeatures(signals=("hedging",), missing=0.0)
    assert feats.get_params() == {"signals": ("hedging",), "missing": 0.0}
    twin = clone(feats)
    assert twin is not feats
    assert twin.get_params() == feats.get_params()
    assert feats.fit(TEXTS) is feats
    assert feats.__sklearn_tags__().requires_fit is False
    assert feats.__sklearn_tags__().input_tags.string is True


@pytest.mark.parametrize(
    ("kwargs", "x", "message"),
    [
        ({"signals": ["nope"]}, TEXTS, "unknown signal"),
        ({"signals": "hedging"}, TEXTS, "not one string"),
        ({"signals": []}, TEXTS, "at least one signal"),
        ({}, "just one text", "a single one"),
    ],
)
def test_bad_input_is_refused(kwargs: dict[str, object], x: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ReliabilityFeatures(**kwargs).fit_transform(x)  # type: ignore[arg-type]


def test_sklearn_check_estimator_on_what_applies() -> None:
    """scikit-learn's own checks, as far as they apply to a text-input transformer.

    ``check_estimator`` feeds random numeric arrays; for an estimator whose tags say
    "strings in, no 2-D arrays" (like scikit-learn's own ``HashingVectorizer``) it runs
    only the clone check and skips the rest. The parameter checks, which need no data,
    are run here one by one.
    """
    from sklearn.exceptions import SkipTestWarning
    from sklearn.utils.estimator_checks import (
        check_estimator,
        check_get_params_invariance,
        check_no_attributes_set_in_init,
        check_parameters_default_constructible,
        check_set_params,
    )

    with pytest.warns(SkipTestWarning, match="Can't test estimator ReliabilityFeatures"):
        results = check_estimator(ReliabilityFeatures(), on_fail=None)
    assert [r["status"] for r in results if r["status"] != "skipped"] == ["passed"]
    for check in (
        check_get_params_invariance,
        check_no_attributes_set_in_init,
        check_parameters_default_constructible,
        check_set_params,
    ):
        check("ReliabilityFeatures", ReliabilityFeatures())


def test_fit_transform_reads_a_generator_once() -> None:
    texts = ["Officials said the talks went well.", "Critics argue it may fail."]
    feats = ReliabilityFeatures(signals=["hedging", "vague_attribution"])
    out = feats.fit_transform(t for t in texts)
    assert out.shape == (2, 2)
    np.testing.assert_array_equal(
        out, ReliabilityFeatures(signals=["hedging", "vague_attribution"]).transform(texts)
    )
