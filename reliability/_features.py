"""``ReliabilityFeatures``: the signals as a scikit-learn transformer (text in, columns out)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, TransformerMixin

from .signals import SIGNAL_NAMES


class ReliabilityFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Turn articles into one column per signal, for your own scikit-learn pipeline.

    Stateless, like ``HashingVectorizer``: ``fit`` only checks the parameters and
    ``transform`` works on each article alone (the same values :func:`reliability.score`
    reports). ``get_feature_names_out`` names the columns, so
    ``set_output(transform="pandas")`` gives a DataFrame.

    Parameters
    ----------
    signals:
        Signal names to output, in this order; ``None`` for every signal in
        :data:`reliability.SIGNAL_NAMES`.
    missing:
        The value written where a signal does not apply (``clickbait_title``
        without a title, ``anonymous_share`` without attributions). ``NaN`` by default:
        add an imputer, or use ``0.0``, before a model that refuses ``NaN``.

    Examples
    --------
    >>> from reliability import ReliabilityFeatures
    >>> feats = ReliabilityFeatures(signals=["named_attribution", "clickbait_title"])
    >>> X = feats.fit_transform(["Talks resumed, Foreign Minister Anna Berg said."])
    >>> X.shape
    (1, 2)
    >>> list(feats.get_feature_names_out())
    ['named_attribution', 'clickbait_title']
    """

    def __init__(self, signals: Iterable[str] | None = None, missing: float = np.nan) -> None:
        self.signals = signals
        self.missing = missing

    def _names(self) -> tuple[str, ...]:
        if self.signals is None:
            return SIGNAL_NAMES
        if isinstance(self.signals, str):
            raise ValueError("signals must be a list of signal names, not one string")
        names = tuple(self.signals)
        unknown = [n for n in names if n not in SIGNAL_NAMES]
        if unknown:
            raise ValueError(
                f"unknown signal(s) {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(SIGNAL_NAMES)})"
            )
        if not names or len(set(names)) != len(names):
            raise ValueError("signals must name at least one signal, each once")
        return names

    def fit(self, X: Iterable[object], y: object = None) -> ReliabilityFeatures:  # noqa: N803
        """Check the parameters; nothing is learnt. Returns ``self``.

        ``X`` is not read (it may be a one-shot iterator that ``transform`` needs).
        """
        self._names()
        if isinstance(X, str | bytes | dict):
            _articles(X)  # the clear error for a single article
        return self

    def fit_transform(self, X: Iterable[object], y: object = None, **fit_params: Any) -> Any:  # noqa: N803
        """``fit`` then ``transform``, reading ``X`` once (it may be a generator)."""
        return self.fit(X, y).transform(X)

    def transform(self, X: Iterable[object]) -> NDArray[np.float64]:  # noqa: N803
        """One row per article, one float column per signal (``missing`` where absent)."""
        from ._fit import signal_values

        names = self._names()
        rows = signal_values(_articles(X))
        out = np.full((len(rows), len(names)), float(self.missing))
        for i, row in enumerate(rows):
            for j, name in enumerate(names):
                value = row[name]
                if value is not None:
                    out[i, j] = value
        return out

    def get_feature_names_out(self, input_features: object = None) -> NDArray[np.object_]:
        """The signal names, in column order."""
        return np.asarray(self._names(), dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.input_tags.dict = True
        tags.input_tags.allow_nan = False
        return tags


def _articles(x: Iterable[object]) -> list[object]:
    """The articles of ``x``: a 1-D sequence, or a 2-D table with one column."""
    if isinstance(x, str | bytes | dict):
        raise ValueError("expected a sequence of articles (texts, dicts...), got a single one")
    table: Any = x
    shape = getattr(table, "shape", None)
    if shape is not None and len(shape) == 2:
        if shape[1] != 1:
            raise ValueError(f"expected one column of articles, got {shape[1]} columns")
        column = table.iloc[:, 0] if hasattr(table, "iloc") else np.asarray(table)[:, 0]
        return list(column)
    try:
        return list(x)
    except TypeError:
        raise ValueError(f"expected a sequence of articles, got {type(x).__name__}") from None
