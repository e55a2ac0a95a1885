"""Fitting the transparent model: penalised logistic regression on standardised signals.

The recipe (every step is recorded in the fitted model's ``provenance`` and ``report``):

1. **Signals.** Every signal in :data:`reliability.SIGNAL_NAMES`, minus the ones
   :data:`EXCLUDED` names (a signal that is the sum of two others), minus any that
   vary in too few articles to estimate a weight (``min_support``), minus any that
   are nearly a copy of a signal already kept (``max_corr``). The rules look at the
   signal values only, never at the labels.
2. **Standardising.** ``mean`` is the mean of the present values; ``scale`` is the
   standard deviation of the values winsorised at the ``winsor`` and ``1 - winsor``
   quantiles, so one extreme article does not flatten everyone else. Then
   ``z = clip((value - mean) / scale, -clip, clip)`` and a missing value gives
   ``z = 0`` (the mean), exactly as :meth:`reliability.Term.z` does when scoring.
3. **Weighing articles.** Each article weighs ``n_group ** -group_power`` (its
   outlet's article count), then the two classes are rescaled to equal total weight:
   one prolific outlet cannot define what "unreliable" looks like, and 50 means even
   odds between the classes rather than the training mix.
4. **Fitting.** scikit-learn's ``LogisticRegression`` (L2, lbfgs) on the z-values.
   Sign constraints are kept by an active set: a constrained weight that comes out
   with the wrong sign is fixed at 0 and the rest refitted; a fixed weight is freed
   again when the gradient says it would move the allowed way. The result is the
   optimum of the same penalised loss under the bounds (the KKT conditions hold).
5. **Regularisation.** ``C`` is chosen from ``cs`` by grouped cross-validation
   (weighted log-loss of out-of-fold predictions; ties go to the smaller ``C``).
   The reported metrics come from *nested* grouped CV: each outer fold chooses its
   own ``C`` on its training part only. No group is ever split across folds.
6. **Calibration.** A Platt line ``a * linear + b`` is fitted to the out-of-fold
   linear scores (classes weighted equally) and folded into the weights
   (``weight * a``, ``intercept * a + b``), so the model stays linear and
   ``score / 100`` reads as the chance that the article is reliable when reliable and
   unreliable articles are equally common.
7. **Bands.** ``high`` starts at the lowest whole score where out-of-fold articles
   *at that score* are reliable at least ``band_target`` of the time (an isotonic fit
   of label on score, classes weighted equally) and ``low`` ends where those just below
   it are unreliable as often; each band must hold ``min_band_share`` of the articles.
   Where the target cannot be reached, the threshold goes where the local share is
   best and the report says so (see :func:`choose_bands`).
"""

from __future__ import annotations

import datetime as _dt
import itertools
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from threadpoolctl import threadpool_limits

from ._core import _checked
from .document import Document
from .model import CONSTRAINTS, Model, Term
from .signals import DESCRIPTIONS, SIGNAL_NAMES, extract_all

Float = NDArray[np.float64]
Int = NDArray[np.int64]
Values = Mapping[str, float | None]

#: Sign constraints on by default: ``">=0"`` may only raise the score, ``"<=0"`` may
#: only lower it. Signals not listed (hedging, readability, anonymous_explained and
#: any new signal) are free: the data chooses their sign. See docs/model.md.
#: unattributed_quotes is held <= 0 because a quote nobody said cannot raise trust; in
#: PolitiFact's "real" transcripts (quotes by the speaker, who is never "attributed")
#: the data pulls the other way, which is label noise, not journalism.
DEFAULT_CONSTRAINTS: Mapping[str, str] = MappingProxyType(
    {
        "named_attribution": ">=0",
        "anonymous_bare": "<=0",
        "vague_attribution": "<=0",
        "anonymous_share": "<=0",
        "boilerplate_leakage": "<=0",
        "sensational_language": "<=0",
        "clickbait_title": "<=0",
        "unattributed_quotes": "<=0",
        "article_length": ">=0",
        "figures": ">=0",
        "title_length": "<=0",
    }
)

#: Signals left out of fitting by default, with the reason.
EXCLUDED: Mapping[str, str] = MappingProxyType(
    {
        "anonymous_attribution": (
            "the sum of anonymous_explained and anonymous_bare: fitted beside its parts it "
            "would split one weight between collinear columns arbitrarily"
        ),
    }
)

#: Appended to the note of a weight its sign constraint holds at 0.
AT_BOUND = "; held at 0 by its sign constraint (the data pulled the other way)"

#: The regularisation grid: C = 10^-3 ... 10^2 in half-decade steps.
DEFAULT_CS: tuple[float, ...] = tuple(float(10.0 ** (k / 2)) for k in range(-6, 5))


class FitError(ValueError):
    """The labels, groups or data cannot be fitted (with a message saying why)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FitConfig:
    """Every option of :func:`fit`, stored in the fitted model's provenance.

    Parameters
    ----------
    name:
        The fitted model's name.
    signals:
        Signals to consider; ``None`` means every signal in ``SIGNAL_NAMES`` not in
        ``exclude``.
    exclude:
        Signals never fitted, with the reason (default :data:`EXCLUDED`).
    constraints:
        ``signal -> ">=0" | "<=0"`` (default :data:`DEFAULT_CONSTRAINTS`).
    cs:
        The grid of inverse regularisation strengths ``C`` to choose from.
    folds:
        Number of grouped cross-validation folds (outer and inner).
    seed:
        Seed of the fold shuffling; the only randomness in fitting.
    group_power:
        Each article weighs ``n_group ** -group_power`` (0: every article the same).
    clip:
        z-values are clipped to ``[-clip, clip]``.
    winsor:
        Quantile at which values are winsorised for the scale.
    min_support:
        A signal must differ from its most common value in at least this share of
        the articles (and in at least 10 of them) to be fitted.
    max_corr:
        A signal whose z-values correlate above this with a signal already kept is
        left out as nearly a copy.
    calibrate:
        Fold a Platt line fitted out of fold into the weights.
    band_target:
        Out-of-fold share of reliable (for ``high``) or unreliable (for ``low``)
        articles that a band's threshold must reach (see :func:`choose_bands`).
    min_band_share:
        Least share of the articles the ``high`` and ``low`` bands must each hold.
    """

    name: str = "fitted"
    signals: tuple[str, ...] | None = None
    exclude: Mapping[str, str] = field(default_factory=lambda: dict(EXCLUDED))
    constraints: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_CONSTRAINTS))
    cs: tuple[float, ...] = DEFAULT_CS
    folds: int = 5
    seed: int = 0
    group_power: float = 0.5
    clip: float = 4.0
    winsor: float = 0.01
    min_support: float = 0.02
    max_corr: float = 0.95
    calibrate: bool = True
    band_target: float = 0.7
    min_band_share: float = 0.05

    def __post_init__(self) -> None:
        for key in ("exclude", "constraints"):
            object.__setattr__(self, key, MappingProxyType(dict(getattr(self, key))))
        if self.signals is not None:
            object.__setattr__(self, "signals", tuple(self.signals))
        object.__setattr__(self, "cs", tuple(float(c) for c in self.cs))
        self.check()

    def check(self) -> None:
        """Raise :class:`FitError` for an impossible option."""
        known = set(SIGNAL_NAMES)
        for name in [*(self.signals or ()), *self.constraints]:
            if name not in known:
                raise FitError(f"unknown signal {name!r} (known: {', '.join(SIGNAL_NAMES)})")
        for name, c in self.constraints.items():
            if c not in CONSTRAINTS:
                raise FitError(f"constraint of {name!r} must be one of {CONSTRAINTS}, got {c!r}")
        if not self.cs or any(not (math.isfinite(c) and c > 0) for c in self.cs):
            raise FitError("cs must be a non-empty tuple of positive numbers")
        if self.folds < 2:
            raise FitError(f"folds must be at least 2, got {self.folds}")
        if not 0.5 < self.band_target < 1 or not 0 <= self.min_band_share < 0.5:
            raise FitError("band_target must be in (0.5, 1) and min_band_share in [0, 0.5)")
        if not 0 <= self.winsor < 0.5 or not self.clip > 0 or not 0 < self.max_corr <= 1:
            raise FitError("need 0 <= winsor < 0.5, clip > 0 and 0 < max_corr <= 1")

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data; :meth:`from_json` reads it back."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Mapping):
                value = dict(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FitConfig:
        """The config stored by :meth:`to_json` (e.g. ``model.provenance["config"]``)."""
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise FitError(f"unknown FitConfig options: {', '.join(sorted(unknown))}")
        kwargs: dict[str, Any] = dict(data)
        for key in ("signals", "cs"):
            if kwargs.get(key) is not None:
                kwargs[key] = tuple(kwargs[key])
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class Fitted:
    """A fitted model with its out-of-fold predictions (for scripts and evaluations).

    ``oof_linear`` holds each article's calibrated linear score from the nested grouped
    CV (the model that scored it never saw its group); ``folds`` the outer test indices.
    """

    model: Model
    oof_linear: Float
    folds: tuple[Int, ...]
    labels: Int
    weights: Float


# --------------------------------------------------------------------------- inputs


def signal_values(articles: Iterable[object]) -> list[dict[str, float | None]]:
    """Every signal value of every article (``None`` where a signal does not apply)."""
    out: list[dict[str, float | None]] = []
    for article in articles:
        art = _checked(article)
        found = extract_all(Document(art.text, art.title))
        out.append({name: found[name].value for name in SIGNAL_NAMES})
    return out


def check_labels(labels: Iterable[object], n: int) -> Int:
    """Labels as an int array of 0/1, or a :class:`FitError` saying what is wrong."""
    try:
        items = list(labels)
    except TypeError:
        raise FitError(f"labels must be a sequence of 0/1, got {type(labels).__name__}") from None
    if len(items) != n:
        raise FitError(f"got {n} articles but {len(items)} labels: they must pair up one to one")
    out = np.empty(n, dtype=np.int64)
    for i, v in enumerate(items):
        if v is None or (isinstance(v, float | np.floating) and math.isnan(v)):
            raise FitError(f"labels[{i}] is missing ({v!r}): every article needs 1 or 0")
        is_number = isinstance(v, bool | int | float | np.bool_ | np.integer | np.floating)
        if is_number and v in (0, 1):
            out[i] = int(v)
        else:
            raise FitError(f"labels[{i}] is {v!r}: labels must be 1 (reliable) or 0 (not)")
    counts = np.bincount(out, minlength=2)
    if counts.min() == 0:
        only = 1 if counts[1] else 0
        raise FitError(
            f"all {n} labels are {only}: fitting needs reliable (1) and unreliable (0) articles"
        )
    return out


def group_codes(groups: Iterable[Hashable] | None, n: int) -> Int:
    """Groups as integer codes in order of first appearance (each article alone if None)."""
    if groups is None:
        return np.arange(n, dtype=np.int64)
    items = list(groups)
    if len(items) != n:
        raise FitError(f"got {n} articles but {len(items)} groups")
    codes: dict[Hashable, int] = {}
    out = np.empty(n, dtype=np.int64)
    for i, g in enumerate(items):
        if g is None or (isinstance(g, float) and math.isnan(g)):
            raise FitError(f"groups[{i}] is missing: every article needs its outlet or group")
        out[i] = codes.setdefault(g, len(codes))
    return out


def grouped_folds(y: Int, codes: Int, *, folds: int, seed: int) -> tuple[tuple[Int, Int], ...]:
    """Stratified grouped folds: no group on both sides; both classes in each train part."""
    n_groups = len(np.unique(codes))
    if n_groups < folds:
        raise FitError(f"{folds}-fold grouped CV needs at least {folds} groups, got {n_groups}")
    cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    out = []
    for k, (train, test) in enumerate(cv.split(np.zeros((len(y), 1)), y, codes)):
        if len(np.unique(y[train])) < 2:
            raise FitError(
                f"fold {k}: the training part holds one class only; use fewer folds or more groups"
            )
        out.append((train.astype(np.int64), test.astype(np.int64)))
    return tuple(out)


def sample_weights(y: Int, codes: Int, *, group_power: float, balance: bool = True) -> Float:
    """``n_group ** -group_power``, rescaled so each class holds half the total weight."""
    counts = np.bincount(codes)
    w = counts[codes].astype(np.float64) ** -group_power
    n = len(y)
    if balance:
        for c in (0, 1):
            mask = y == c
            w[mask] *= (n / 2) / w[mask].sum()
    else:
        w *= n / w.sum()
    return w


# --------------------------------------------------------------------------- the fit


def _matrix(values: Sequence[Values], names: Sequence[str]) -> Float:
    out = np.full((len(values), len(names)), np.nan)
    for i, row in enumerate(values):
        for j, name in enumerate(names):
            v = row.get(name)
            if v is not None:
                out[i, j] = float(v)
    out[~np.isfinite(out)] = np.nan
    return out


def _standardisation(col: Float, winsor: float) -> tuple[float, float]:
    present = col[~np.isnan(col)]
    if present.size == 0:
        return 0.0, 1.0
    mean = float(np.mean(present))
    lo, hi = np.quantile(present, [winsor, 1.0 - winsor])
    scale = float(np.std(np.clip(present, lo, hi)))
    if not scale > 0:
        scale = float(np.std(present))
    return mean, scale if scale > 0 else 1.0


def _z(v: Float, means: Float, scales: Float, clip: float) -> Float:
    z = np.clip((v - means) / scales, -clip, clip)
    z[np.isnan(z)] = 0.0
    return z


def _support(col: Float) -> int:
    present = col[~np.isnan(col)]
    if present.size == 0:
        return 0
    _, counts = np.unique(present, return_counts=True)
    return int(present.size - counts.max())


def select_signals(
    v: Float, names: Sequence[str], config: FitConfig
) -> tuple[list[int], dict[str, str]]:
    """Columns to fit, and why each other candidate was left out (labels are not used)."""
    n = v.shape[0]
    need = max(10, math.ceil(config.min_support * n))
    keep: list[int] = []
    dropped: dict[str, str] = {}
    zs: dict[int, Float] = {}
    for j, name in enumerate(names):
        support = _support(v[:, j])
        if support < need:
            dropped[name] = (
                f"differs from its most common value in {support} of {n} articles "
                f"(fewer than {need}): too rare to estimate a weight"
            )
            continue
        mean, scale = _standardisation(v[:, j], config.winsor)
        z = _z(v[:, [j]], np.array([mean]), np.array([scale]), config.clip)[:, 0]
        z = z - z.mean()
        norm = float(np.sqrt(z @ z))
        if not norm > 0:
            dropped[name] = "constant once standardised and clipped"
            continue
        z /= norm
        twin = None
        for k in keep:
            r = float(z @ zs[k])  # the correlation: both are centred, unit-length
            if abs(r) > config.max_corr:
                twin = (names[k], r)
                break
        if twin is not None:
            dropped[name] = f"nearly a copy of {twin[0]} (r = {twin[1]:.3f})"
            continue
        keep.append(j)
        zs[j] = z
    if not keep:
        raise FitError("no signal varies enough to fit a model: " + "; ".join(dropped.values()))
    return keep, dropped


def _expit(x: Float) -> Float:
    out: Float = 0.5 * (1.0 + np.tanh(0.5 * x))
    return out


def fit_constrained(z: Float, y: Int, w: Float, *, c: float, signs: Float) -> tuple[Float, float]:
    """Weighted L2 logistic regression with sign bounds, by an active set over sklearn fits.

    ``signs[j]`` is +1 (weight >= 0), -1 (weight <= 0) or 0 (free). Returns the
    weights and the intercept.
    """
    k = z.shape[1]
    free = np.ones(k, dtype=bool)
    coef = np.zeros(k)
    for _ in range(4 * k + 4):
        coef = np.zeros(k)
        if free.any():
            lr = LogisticRegression(C=c, tol=1e-10, max_iter=10_000)
            lr.fit(z[:, free], y, sample_weight=w)
            coef[free] = lr.coef_[0]
            intercept = float(lr.intercept_[0])
        else:
            intercept = float(np.log(w[y == 1].sum() / w[y == 0].sum()))
        wrong = free & (signs * coef < 0)
        if wrong.any():
            free[int(np.argmax(np.where(wrong, -signs * coef, -np.inf)))] = False
            continue
        grad = z.T @ (w * (_expit(z @ coef + intercept) - y))
        tol = 1e-7 * float(w.sum())
        release = ~free & (signs * grad < -tol)
        if release.any():
            free[int(np.argmax(np.where(release, -signs * grad, -np.inf)))] = True
            continue
        return coef, intercept
    raise FitError("sign-constrained fit did not settle (active set cycled)")  # pragma: no cover


@dataclass(frozen=True, slots=True)
class _Block:
    means: Float
    scales: Float
    coef: Float
    intercept: float

    def linear(self, v: Float, clip: float) -> Float:
        out: Float = self.intercept + _z(v, self.means, self.scales, clip) @ self.coef
        return out


def _fit_block(v: Float, y: Int, codes: Int, c: float, signs: Float, config: FitConfig) -> _Block:
    stats = [_standardisation(v[:, j], config.winsor) for j in range(v.shape[1])]
    means = np.array([m for m, _ in stats])
    scales = np.array([s for _, s in stats])
    w = sample_weights(y, codes, group_power=config.group_power)
    coef, intercept = fit_constrained(_z(v, means, scales, config.clip), y, w, c=c, signs=signs)
    return _Block(means, scales, coef, intercept)


def _log_loss(linear: Float, y: Int, w: Float) -> float:
    # log(1 + exp(-m)) with the margin m = linear for y=1 and -linear for y=0
    margin = np.where(y == 1, linear, -linear)
    return float(np.sum(w * np.logaddexp(0.0, -margin)) / np.sum(w))


def choose_c(
    v: Float, y: Int, codes: Int, signs: Float, config: FitConfig
) -> tuple[float, dict[str, float]]:
    """The C with the lowest grouped-CV weighted log-loss (ties: the smaller C)."""
    folds = grouped_folds(y, codes, folds=config.folds, seed=config.seed)
    w = sample_weights(y, codes, group_power=config.group_power)
    losses: dict[str, float] = {}
    best_c, best = config.cs[0], math.inf
    for c in sorted(config.cs):
        oof = np.zeros(len(y))
        for train, test in folds:
            block = _fit_block(v[train], y[train], codes[train], c, signs, config)
            oof[test] = block.linear(v[test], config.clip)
        loss = _log_loss(oof, y, w)
        losses[repr(c)] = loss
        if loss < best - 1e-12:
            best_c, best = c, loss
    return best_c, losses


def _auc(y: Int, score: Float) -> float | None:
    return float(roc_auc_score(y, score)) if len(np.unique(y)) == 2 else None


def _platt(linear: Float, y: Int, w: Float) -> tuple[float, float]:
    lr = LogisticRegression(C=1e12, tol=1e-12, max_iter=10_000)
    lr.fit(linear.reshape(-1, 1), y, sample_weight=w)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def _score(linear: Float) -> Float:
    out: Float = 100.0 * _expit(linear)
    return out


def choose_bands(score: Float, y: Int, *, target: float, min_share: float) -> dict[str, Any]:
    """Band thresholds from out-of-fold scores, with the evidence for each.

    The local share of reliable articles at each score is estimated by isotonic
    regression (scores that rise never lower it; classes weighted equally). ``high``
    is the lowest whole score from 50 up where that share reaches ``target`` with at
    least ``min_share`` of the articles at or above it; ``low`` is the highest whole
    score from 50 down where the share just below it is at most ``1 - target`` with at
    least ``min_share`` of the articles below it. Where no threshold reaches the target,
    the threshold goes where the local share is best among those holding ``min_share``
    of the articles, and the report says that the target was missed.
    """
    from sklearn.isotonic import IsotonicRegression

    w = sample_weights(y, np.arange(len(y), dtype=np.int64), group_power=0.0)
    total = float(w.sum())
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit(score, y, sample_weight=w)
    grid = np.arange(0, 101, dtype=np.float64)
    local = iso.predict(grid)  # local share of reliable articles at each whole score

    def share(mask: NDArray[np.bool_]) -> float:
        return float(w[mask].sum() / total)

    def purity(mask: NDArray[np.bool_], label: int) -> float:
        return float(w[mask & (y == label)].sum() / w[mask].sum()) if mask.any() else 0.0

    highs = [t for t in range(50, 101) if share(score >= t) >= min_share]
    lows = [t for t in range(50, 0, -1) if share(score < t) >= min_share]
    out: dict[str, Any] = {
        "rule": (
            f"high: lowest whole score >= 50 where the out-of-fold share of reliable "
            f"articles (isotonic fit, classes weighted equally) reaches {target:.0%}, with "
            f">= {min_share:.0%} of the articles at or above it; low: highest whole score "
            f"<= 50 where the share just below it is at most {1 - target:.0%}, with >= "
            f"{min_share:.0%} of the articles below it"
        ),
        "target": target,
        "min_share": min_share,
    }

    def local_high(t: int) -> float:
        return float(local[t])  # reliable share at the threshold itself

    def local_low(t: int) -> float:
        return float(1.0 - local[t - 1])  # unreliable share just below the threshold

    choices = (("high", highs, 1, local_high), ("low", lows, 0, local_low))
    for band, candidates, label, local_purity in choices:
        if not candidates:
            t = 50
            out[f"{band}_note"] = f"no threshold holds {min_share:.0%} of the articles"
        else:
            met = [t for t in candidates if local_purity(t) >= target]
            if met:
                t = met[0]
            else:
                best = max(local_purity(t) for t in candidates)
                t = next(t for t in candidates if local_purity(t) == best)
                out[f"{band}_note"] = (
                    f"target {target:.0%} not reached: the best local share is {best:.0%}"
                )
        mask = score >= t if label == 1 else score < t
        out[band] = float(t)
        out[f"{band}_local"] = local_purity(t)
        out[f"{band}_precision"] = purity(mask, label)
        out[f"{band}_share"] = share(mask)
    return out


def reliability_table(
    score: Float, y: Int, *, edges: Sequence[float] = range(0, 101, 10)
) -> list[dict[str, Any]]:
    """Mean score vs share reliable in score bins (classes weighted equally)."""
    w = sample_weights(y, np.arange(len(y), dtype=np.int64), group_power=0.0)
    rows = []
    bounds = list(edges)
    for lo, hi in itertools.pairwise(bounds):
        mask = (score >= lo) & ((score < hi) if hi < bounds[-1] else (score <= hi))
        if not mask.any():
            continue
        rows.append(
            {
                "bin": f"{lo}-{hi}",
                "n": int(mask.sum()),
                "mean_score": float(np.average(score[mask], weights=w[mask])),
                "share_reliable": float(100.0 * np.average(y[mask], weights=w[mask])),
            }
        )
    return rows


def fit_values(
    values: Sequence[Values],
    labels: Iterable[object],
    *,
    groups: Iterable[Hashable] | None = None,
    config: FitConfig | None = None,
    provenance: Mapping[str, Any] | None = None,
) -> Fitted:
    """:func:`fit` on signal values already extracted (see :func:`signal_values`).

    BLAS runs single-threaded meanwhile: the problems are tiny (a few columns), and
    threads only add overhead (and contention on a busy machine).
    """
    with threadpool_limits(limits=1):
        return _fit_values(values, labels, groups=groups, config=config, provenance=provenance)


def _fit_values(
    values: Sequence[Values],
    labels: Iterable[object],
    *,
    groups: Iterable[Hashable] | None,
    config: FitConfig | None,
    provenance: Mapping[str, Any] | None,
) -> Fitted:
    cfg = config if config is not None else FitConfig()
    n = len(values)
    y = check_labels(labels, n)
    codes = group_codes(groups, n)
    candidates = [
        s
        for s in (cfg.signals if cfg.signals is not None else SIGNAL_NAMES)
        if s not in cfg.exclude
    ]
    if not candidates:
        raise FitError("no signals left to fit after exclusions")
    v_all = _matrix(values, candidates)
    keep, dropped = select_signals(v_all, candidates, cfg)
    names = [candidates[j] for j in keep]
    v = v_all[:, keep]
    signs = np.array(
        [{">=0": 1.0, "<=0": -1.0}.get(cfg.constraints.get(s, ""), 0.0) for s in names]
    )
    w_fit = sample_weights(y, codes, group_power=cfg.group_power)

    # nested grouped CV: honest out-of-fold predictions
    outer = grouped_folds(y, codes, folds=cfg.folds, seed=cfg.seed)
    oof = np.zeros(n)
    fold_c: list[float] = []
    fold_auc: list[float | None] = []
    for k, (train, test) in enumerate(outer):
        try:
            c_k, _ = choose_c(v[train], y[train], codes[train], signs, cfg)
        except FitError as exc:
            raise FitError(f"nested CV, outer fold {k}: {exc}") from None
        block = _fit_block(v[train], y[train], codes[train], c_k, signs, cfg)
        oof[test] = block.linear(v[test], cfg.clip)
        fold_c.append(c_k)
        fold_auc.append(_auc(y[test], oof[test]))

    # the final model: C chosen by grouped CV on everything, then refitted on everything
    c_best, c_path = choose_c(v, y, codes, signs, cfg)
    final = _fit_block(v, y, codes, c_best, signs, cfg)

    w_bal = sample_weights(y, codes, group_power=0.0)
    slope, offset = 1.0, 0.0
    calib_note = "not requested"
    if cfg.calibrate:
        a, b = _platt(oof, y, w_bal)
        if a > 0:
            slope, offset = a, b
            calib_note = "Platt line fitted on out-of-fold linear scores, folded into the weights"
        else:
            calib_note = f"skipped: out-of-fold slope {a:.3g} <= 0 (the signals do not separate)"
    oof_cal = slope * oof + offset
    score_raw, score_cal = _score(oof), _score(oof_cal)
    bands = choose_bands(score_cal, y, target=cfg.band_target, min_share=cfg.min_band_share)

    at_bound = [s for j, s in enumerate(names) if signs[j] != 0 and final.coef[j] == 0.0]
    terms = tuple(
        Term(
            signal=name,
            weight=float(slope * final.coef[j]),
            mean=float(final.means[j]),
            scale=float(final.scales[j]),
            note=DESCRIPTIONS.get(name, "") + (AT_BOUND if name in at_bound else ""),
            constraint=cfg.constraints.get(name, ""),
        )
        for j, name in enumerate(names)
    )
    auc = _auc(y, oof)
    report: dict[str, Any] = {
        "n_articles": n,
        "n_reliable": int(y.sum()),
        "n_unreliable": int(n - y.sum()),
        "n_groups": len(np.unique(codes)),
        "signals": names,
        "at_bound": at_bound,
        "excluded": {**dict(cfg.exclude), **dropped},
        "c": c_best,
        "c_log_loss": c_path,
        "cv": {
            "scheme": (
                f"nested StratifiedGroupKFold({cfg.folds}, shuffle, seed {cfg.seed}): no group "
                "in two folds; each outer fold chooses C by an inner grouped CV of its own"
            ),
            "auc": auc,
            "fold_auc": fold_auc,
            "fold_c": fold_c,
            "log_loss": _log_loss(oof, y, w_bal),
            "log_loss_calibrated": _log_loss(oof_cal, y, w_bal),
            "brier": float(np.average((score_raw / 100 - y) ** 2, weights=w_bal)),
            "brier_calibrated": float(np.average((score_cal / 100 - y) ** 2, weights=w_bal)),
            "accuracy": float(np.average((oof_cal >= 0) == (y == 1), weights=w_bal)),
        },
        "calibration": {
            "slope": slope,
            "offset": offset,
            "note": calib_note,
            "table": reliability_table(score_cal, y),
        },
        "bands": bands,
    }
    prov: dict[str, Any] = {
        "kind": "fitted",
        "method": (
            "L2 logistic regression (scikit-learn lbfgs) on standardised, clipped signals; "
            "sign constraints by an active set; C by grouped CV; Platt calibration out of fold"
        ),
        "date": _dt.datetime.now(_dt.UTC).date().isoformat(),
        "config": cfg.to_json(),
        "constraints": {t.signal: t.constraint for t in terms if t.constraint},
        **dict(provenance or {}),
    }
    model = Model(
        name=cfg.name,
        intercept=float(slope * final.intercept + offset),
        terms=terms,
        clip=cfg.clip,
        bands={"low": bands["low"], "high": bands["high"]},
        provenance=prov,
        report=report,
    )
    return Fitted(model, oof_cal, tuple(test for _, test in outer), y, w_fit)


def fit(
    articles: Iterable[object],
    labels: Iterable[object],
    *,
    groups: Iterable[Hashable] | None = None,
    config: FitConfig | None = None,
    provenance: Mapping[str, Any] | None = None,
) -> Model:
    """Fit the transparent model's weights to labelled articles.

    Parameters
    ----------
    articles:
        Anything :func:`reliability.score` takes: ``str``, mappings, ``Article``.
    labels:
        1 (reliable) or 0 (not), one per article; ``bool`` works too.
    groups:
        The outlet (or other unit) of each article. Cross-validation never puts one
        group on both sides, and a group's articles share their weight. ``None``
        makes each article its own group.
    config:
        Every option (:class:`FitConfig`); stored in ``model.provenance["config"]``.
    provenance:
        Extra entries for ``model.provenance`` (what the data is, its licence...).

    Returns
    -------
    Model
        Use it with ``score(article, model=model)``; ``model.report`` holds the CV
        metrics, the calibration and how the bands were chosen.

    Raises
    ------
    FitError
        (a ``ValueError``) for mismatched lengths, missing or non-0/1 labels, a single
        class, or too few groups for the folds.

    Examples
    --------
    >>> import reliability
    >>> calm = "The council approved the budget on Monday, Mayor Ana Ruiz said."
    >>> loud = "SHOCKING! You won't believe this outrageous, explosive scandal!"
    >>> texts = [f"{calm} Item {i}." for i in range(12)] + [f"{loud} {i}" for i in range(12)]
    >>> model = reliability.fit(texts, [1] * 12 + [0] * 12,
    ...                         config=reliability.FitConfig(folds=3, min_support=0, cs=(1.0,)))
    >>> reliability.score(calm, model=model).score > reliability.score(loud, model=model).score
    True
    """
    items = list(articles)
    label_list = list(labels)
    check_labels(label_list, len(items))  # fail fast, before extracting any signal
    return fit_values(
        signal_values(items), label_list, groups=groups, config=config, provenance=provenance
    ).model


__all__ = [
    "DEFAULT_CONSTRAINTS",
    "DEFAULT_CS",
    "EXCLUDED",
    "FitConfig",
    "FitError",
    "Fitted",
    "fit",
    "fit_values",
    "signal_values",
]
