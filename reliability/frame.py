"""pandas faces: the model table, frames of scores, and outlet comparisons.

:func:`score_frame` scores every row of a DataFrame, :func:`compare_outlets`
summarises the scores per outlet with bootstrap intervals, and
:func:`outlet_difference` says whether two outlets differ beyond noise. This module
imports pandas, so ``reliability`` imports it only when one of these is used.
"""

from __future__ import annotations

import math
import warnings
import zlib
from collections.abc import Hashable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ._workers import cpu_count
from .model import sigmoid_score

if TYPE_CHECKING:
    from .model import Model

#: The columns of :func:`model_table`, in order.
TABLE_COLUMNS = (
    "signal",
    "weight",
    "mean",
    "scale",
    "direction",
    "constraint",
    "logodds_per_unit",
    "points_per_unit",
    "points_per_scale",
    "note",
)


def model_table(model: Model) -> pd.DataFrame:
    """The whole model on a page: one row per signal, then the intercept.

    Columns
    -------
    signal, weight, mean, scale:
        The term: ``contribution = weight * clip((value - mean) / scale)``.
    direction:
        ``+`` a higher value raises the score, ``-`` lowers it, ``0`` no effect.
    constraint:
        The sign the fit was bound to (``>=0``, ``<=0``) or empty when free.
    logodds_per_unit:
        ``weight / scale``: log-odds per unit of the signal (inside the clip).
    points_per_unit:
        Score points per unit of the signal for an article at the base score (every
        signal at its mean): ``100 * b * (1 - b) * weight / scale`` with
        ``b = base / 100``, the slope of the 0-100 score there.
    points_per_scale:
        The same for one ``scale`` (about one standard deviation): comparable across
        signals, so it ranks what matters most.
    note:
        Why the term is there (and, for the intercept row, the base score).

    Examples
    --------
    >>> from reliability import default_model
    >>> table = default_model().table()
    >>> table["signal"].iloc[-1]
    '(intercept)'
    """
    base = sigmoid_score(model.intercept)
    slope = base * (1.0 - base / 100.0)  # d score / d log-odds at the base score
    rows = []
    for t in model.terms:
        rows.append(
            {
                "signal": t.signal,
                "weight": t.weight,
                "mean": t.mean,
                "scale": t.scale,
                "direction": t.direction,
                "constraint": t.constraint,
                "logodds_per_unit": t.weight / t.scale,
                "points_per_unit": slope * t.weight / t.scale,
                "points_per_scale": slope * t.weight,
                "note": t.note,
            }
        )
    rows.append(
        {
            "signal": "(intercept)",
            "weight": model.intercept,
            "mean": float("nan"),
            "scale": float("nan"),
            "direction": "",
            "constraint": "",
            "logodds_per_unit": float("nan"),
            "points_per_unit": float("nan"),
            "points_per_scale": float("nan"),
            "note": f"base score {base:.1f}: an article with every signal at its mean",
        }
    )
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))


# --------------------------------------------------------------------------------------
# Frames of scores
# --------------------------------------------------------------------------------------

#: The suffix given to a column of ours whose name the input frame already uses.
CLASH_SUFFIX = "_rel"

#: Key of the ``DataFrame.attrs`` entry where these functions record what they did.
ATTRS_KEY = "reliability"

# Largest number of array cells one bootstrap or permutation step draws at once.
_CHUNK_CELLS = 1_000_000

# One scored row: score, band, signal values (NaN for None), error message.
_Row = tuple[float, str | None, tuple[float, ...], str | None]


def _our_columns() -> list[str]:
    """The columns score_frame adds, in order: score, band, every signal, error."""
    from .signals import SIGNAL_NAMES

    return ["score", "band", *SIGNAL_NAMES, "error"]


def _is_missing(value: object) -> bool:
    """True for None, NaN, pd.NA and NaT: an empty cell, whatever its dtype."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _pick_column(
    frame: pd.DataFrame, role: str, name: str | None, *, default: str, required: bool = False
) -> str | None:
    """The column to read ``role`` from, or None when there is none to read.

    A column named by its default may be absent (unless ``required``); a column the
    caller named explicitly must exist, so a typo fails loudly instead of scoring
    articles without their titles.
    """
    if name is None:
        if required:
            raise ValueError(f"score_frame: {role}= cannot be None")
        return None
    if name in frame.columns:
        if isinstance(frame[name], pd.DataFrame):
            raise ValueError(f"score_frame: the frame has more than one column named {name!r}")
        return name
    if name == default and not required:
        return None
    shown = ", ".join(repr(c) for c in list(frame.columns)[:20])
    raise KeyError(
        f"score_frame: no column {name!r} for the article {role} (pass {role}=<column name>; "
        f"columns: {shown or 'none'})"
    )


def _cell_text(value: object, role: str) -> str | None:
    """A cell as text, None when empty; other types are refused with a clear message."""
    if _is_missing(value):
        return None
    if isinstance(value, str):
        return value
    raise TypeError(f"{role} is a {type(value).__name__}, not a string")


def _score_one(text: str, title: str | None, model: Model | None) -> _Row:
    """Score one article; a text that cannot be scored gives an error row instead."""
    from ._core import score
    from .article import Article
    from .signals import SIGNAL_NAMES

    try:
        profile = score(Article(text=text, title=title), model=model)
    except ValueError as exc:  # EmptyArticleError and over-long text are ValueErrors
        return (math.nan, None, (math.nan,) * len(SIGNAL_NAMES), str(exc))
    values = tuple(
        math.nan if (v := profile.signals[name].value) is None else float(v)
        for name in SIGNAL_NAMES
    )
    return (profile.score, profile.band, values, None)


def _score_chunk(
    items: Sequence[tuple[str, str | None]], model_json: dict[str, Any] | None
) -> list[_Row]:
    """Worker entry point: score a chunk of (text, title) pairs in order."""
    from .model import from_json

    model = None if model_json is None else from_json(model_json, source="score_frame model")
    return [_score_one(text, title, model) for text, title in items]


def _worker_count(jobs: int) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be an int, not {type(jobs).__name__}")
    if jobs == -1:
        return cpu_count()
    if jobs < 1:
        raise ValueError(f"jobs must be a positive number of processes, or -1 (got {jobs})")
    return jobs


def _score_items(
    items: list[tuple[str, str | None]], model: Model | None, workers: int
) -> list[_Row]:
    """Score in this process, or in a pool of ``workers`` processes; same rows either way."""
    if workers == 1 or len(items) < 2:
        return [_score_one(text, title, model) for text, title in items]
    model_json = None if model is None else model.to_json()
    size = max(1, math.ceil(len(items) / (workers * 4)))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    # "spawn" starts clean interpreters: no state inherited from a notebook kernel's
    # threads, and the same behaviour on Linux, macOS and Windows.
    try:
        with ProcessPoolExecutor(
            max_workers=min(workers, len(chunks)), mp_context=get_context("spawn")
        ) as pool:
            done = pool.map(_score_chunk, chunks, [model_json] * len(chunks))
            return [row for chunk in done for row in chunk]
    except BrokenProcessPool as exc:
        raise RuntimeError(
            "score_frame(jobs=...): the worker processes stopped before finishing. In a "
            "script, call score_frame under `if __name__ == '__main__':` (worker processes "
            "import your script again); or use jobs=1."
        ) from exc


def score_frame(
    frame: pd.DataFrame,
    *,
    text: str = "text",
    title: str | None = "title",
    outlet: str | None = "outlet",
    url: str | None = "url",
    model: Model | None = None,
    jobs: int = 1,
    on_clash: Literal["suffix", "raise"] = "suffix",
) -> pd.DataFrame:
    """Score every row of a DataFrame of articles.

    Returns a new frame with the input's columns and index unchanged, followed by
    ``score`` (0-100), ``band`` (an ordered categorical: low < mixed < high), one
    column per signal (:data:`reliability.SIGNAL_NAMES`, NaN where a signal does not
    apply) and ``error``. A row that cannot be scored (missing or empty text, a text
    that is not a string) does not raise: its score, band and signals are missing
    and ``error`` says why; ``error`` is missing on every scored row, so
    ``out[out.error.isna()]`` keeps the scored ones.

    Parameters
    ----------
    frame:
        One article per row.
    text, title, outlet, url:
        Column names. ``text`` must exist. A title, outlet or url column left at its
        default name may be absent; one you name explicitly must exist (``None``
        ignores it). Only ``text`` and ``title`` change the score. When there is no
        outlet column but there is a url column, an ``outlet`` column is added with
        each url's host (``www.`` removed).
    model:
        The weights to use; the shipped default model when ``None``.
    jobs:
        Worker processes: 1 scores here, ``n > 1`` uses a pool of ``n`` processes,
        -1 one per available CPU. Every row is scored independently, so the result
        is the same whatever ``jobs`` is. Workers are started fresh ("spawn"): in a
        script, call this under ``if __name__ == "__main__":``; in a notebook,
        nothing is needed. Starting them takes about a second, so a pool pays off
        from a few hundred articles.
    on_clash:
        What to do when the frame already has a column named like one of ours
        (``score``, ``band``, a signal, ``error``). ``"suffix"`` (the default) names
        ours with ``"_rel"`` appended (``score_rel``) and warns; ``"raise"`` raises
        ``ValueError``. Your columns are never overwritten.

    The frame's ``attrs["reliability"]["columns"]`` maps each of our column names to
    the name it was given, which :func:`compare_outlets` reads.

    Examples
    --------
    >>> import pandas as pd
    >>> from reliability import score_frame
    >>> df = pd.DataFrame({"outlet": ["a", "b"],
    ...                    "text": ["The mayor, Ana Ruiz, said the bridge would reopen.", ""]})
    >>> out = score_frame(df)
    >>> list(out.columns[:4])
    ['outlet', 'text', 'score', 'band']
    >>> bool(0 <= out.loc[0, "score"] <= 100), out.loc[1, "error"]
    (True, 'article text is empty (or only whitespace): nothing to score')
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"score_frame takes a pandas DataFrame, not {type(frame).__name__}")
    if on_clash not in ("suffix", "raise"):
        raise ValueError(f"on_clash must be 'suffix' or 'raise', not {on_clash!r}")
    workers = _worker_count(jobs)
    text_col = _pick_column(frame, "text", text, default="text", required=True)
    title_col = _pick_column(frame, "title", title, default="title")
    outlet_col = _pick_column(frame, "outlet", outlet, default="outlet")
    url_col = _pick_column(frame, "url", url, default="url")

    names = _plan_columns(frame, on_clash)

    texts = frame[text_col].tolist()
    titles = frame[title_col].tolist() if title_col is not None else [None] * len(frame)
    rows: list[_Row | None] = [None] * len(frame)
    todo: list[int] = []
    items: list[tuple[str, str | None]] = []
    for i, (raw_text, raw_title) in enumerate(zip(texts, titles, strict=True)):
        try:
            body = _cell_text(raw_text, "text")
            head = _cell_text(raw_title, "title")
        except TypeError as exc:
            rows[i] = _error_row(str(exc))
            continue
        if body is None:
            rows[i] = _error_row("text is missing")
            continue
        todo.append(i)
        items.append((body, head))
    for i, row in zip(todo, _score_items(items, model, workers), strict=True):
        rows[i] = row

    from .model import BANDS
    from .signals import SIGNAL_NAMES

    done = [r for r in rows if r is not None]
    assert len(done) == len(frame)
    values = np.array([r[2] for r in done], dtype=float).reshape(len(done), len(SIGNAL_NAMES))
    new: dict[str, Any] = {
        names["score"]: np.array([r[0] for r in done], dtype=float),
        names["band"]: pd.Categorical([r[1] for r in done], categories=list(BANDS), ordered=True),
    }
    for j, name in enumerate(SIGNAL_NAMES):
        new[names[name]] = values[:, j]
    new[names["error"]] = _text_column([r[3] for r in done])

    out = frame.copy()
    if outlet_col is None and url_col is not None and "outlet" not in frame.columns:
        from .article import domain_of

        out["outlet"] = [
            None if _is_missing(u) or not isinstance(u, str) else domain_of(u)
            for u in frame[url_col].tolist()
        ]
        outlet_col = "outlet"
    for name, column in new.items():
        out[name] = column
    out.attrs[ATTRS_KEY] = {
        "columns": dict(names),
        "outlet": outlet_col,
        "model": model.name if model is not None else _default_model_name(),
    }
    return out


def _default_model_name() -> str:
    from .model import default_model

    return default_model().name


def _text_column(values: list[str | None]) -> Any:
    """Text with gaps in one dtype whatever the values (so every partition of a big frame
    agrees): pandas' own string dtype with NaN for missing where it has one, else object."""
    try:
        dtype = pd.StringDtype(na_value=np.nan)
    except TypeError:  # pandas before 2.3
        return np.array(values, dtype=object)
    return pd.array(values, dtype=dtype)


def _error_row(message: str) -> _Row:
    from .signals import SIGNAL_NAMES

    return (math.nan, None, (math.nan,) * len(SIGNAL_NAMES), message)


def _plan_columns(frame: pd.DataFrame, on_clash: str) -> dict[str, str]:
    """Our column name -> the name it gets in the output (suffixed on a clash)."""
    ours = _our_columns()
    clashes = [c for c in ours if c in frame.columns]
    if not clashes:
        return {c: c for c in ours}
    if on_clash == "raise":
        raise ValueError(
            f"score_frame: the frame already has column(s) {clashes}, which score_frame adds; "
            f"rename them, or pass on_clash='suffix' to get {clashes[0] + CLASH_SUFFIX!r} etc."
        )
    names = {c: (c + CLASH_SUFFIX if c in clashes else c) for c in ours}
    still = [n for c, n in names.items() if c in clashes and n in frame.columns]
    if still:
        raise ValueError(
            f"score_frame: the frame already has column(s) {clashes} and {still}; "
            "rename some of them first"
        )
    warnings.warn(
        f"score_frame: the frame already has column(s) {clashes}; the scores are in "
        f"{[names[c] for c in clashes]} instead (on_clash='raise' refuses instead)",
        UserWarning,
        stacklevel=3,
    )
    return names


# --------------------------------------------------------------------------------------
# Outlets
# --------------------------------------------------------------------------------------


def _columns_of(scores: pd.DataFrame) -> dict[str, str]:
    """Where score_frame put each of our columns (plain names if it left no record)."""
    record = scores.attrs.get(ATTRS_KEY, {})
    recorded = record.get("columns", {}) if isinstance(record, dict) else {}
    return {c: recorded.get(c, c) for c in _our_columns()}


def _outlet_column(scores: pd.DataFrame, by: str | None) -> str:
    if by is None:
        record = scores.attrs.get(ATTRS_KEY, {})
        by = record.get("outlet") if isinstance(record, dict) else None
        by = by or "outlet"
    if by not in scores.columns:
        raise KeyError(f"no column {by!r} to group by (pass by=<the outlet column>)")
    return by


def _score_column(scores: pd.DataFrame, columns: dict[str, str]) -> str:
    name = columns["score"]
    if name not in scores.columns:
        raise KeyError(
            f"no {name!r} column: pass the frame that score_frame() returned "
            "(or any frame with a 'score' column)"
        )
    return name


def _check_stats(*, resamples: int, confidence: float, seed: int) -> None:
    if isinstance(resamples, bool) or not isinstance(resamples, int) or resamples < 100:
        raise ValueError(f"resamples must be an int of at least 100, not {resamples!r}")
    if not 0.5 <= confidence < 1:
        raise ValueError(f"confidence must be in [0.5, 1), not {confidence!r}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative int, not {seed!r}")


def _rng(seed: int, *keys: Hashable) -> np.random.Generator:
    """A generator seeded by ``seed`` and the names involved, stable across processes."""
    return np.random.default_rng([seed, *(zlib.crc32(str(k).encode("utf-8")) for k in keys)])


def _bootstrap_means(values: np.ndarray, rng: np.random.Generator, resamples: int) -> np.ndarray:
    """The means of ``resamples`` resamples (with replacement) of ``values``."""
    n = len(values)
    out = np.empty(resamples)
    step = max(1, _CHUNK_CELLS // n)
    for start in range(0, resamples, step):
        k = min(step, resamples - start)
        out[start : start + k] = values[rng.integers(0, n, size=(k, n))].mean(axis=1)
    return out


def _interval(draws: np.ndarray, confidence: float) -> tuple[float, float]:
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(draws, [tail, 1.0 - tail])
    return float(low), float(high)


def bootstrap_interval(
    values: Sequence[float] | np.ndarray,
    *,
    resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``values`` (NaN with fewer than 2).

    Draws ``resamples`` samples with replacement from a ``numpy`` Generator seeded
    with ``seed``, so the same values always give the same interval.

    Examples
    --------
    >>> from reliability.frame import bootstrap_interval
    >>> low, high = bootstrap_interval([40.0, 50.0, 60.0, 55.0, 45.0])
    >>> 40.0 <= low < 50.0 < high <= 60.0
    True
    """
    _check_stats(resamples=resamples, confidence=confidence, seed=seed)
    arr = np.asarray(values, dtype=float)
    arr = arr[~np.isnan(arr)]
    if len(arr) < 2:
        return (math.nan, math.nan)
    return _interval(_bootstrap_means(arr, _rng(seed), resamples), confidence)


def compare_outlets(
    scores: pd.DataFrame,
    *,
    by: str | None = None,
    min_count: int = 10,
    resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """One row per outlet: how many articles, their scores, bands and signals.

    Columns, per outlet (the index, named after ``by``):

    - ``n``: scored articles; ``n_unscored``: rows with no score (see ``error``);
    - ``few``: True when ``n < min_count``. Such outlets are kept and flagged, not
      dropped: read their numbers as hints;
    - ``score_mean``, ``score_median``;
    - ``score_ci_low``, ``score_ci_high``: a percentile bootstrap interval of the
      mean (``confidence``, 95% by default) from ``resamples`` resamples (2,000 by
      default) drawn by a ``numpy`` Generator seeded with ``seed`` and the outlet's
      name, so an outlet's interval depends only on its own scores: adding or
      removing other outlets never moves it. NaN with fewer than 2 articles;
    - ``share_low``, ``share_mixed``, ``share_high``: the share of scored articles
      in each band (when the frame has a band column);
    - one column per signal present in ``scores``: the mean over the outlet's
      articles (articles where the signal does not apply are left out).

    Rows are sorted by ``score_mean``, highest first (ties by outlet name). Rows
    whose outlet is missing belong to no outlet.

    Parameters
    ----------
    scores:
        The frame :func:`score_frame` returned (suffixed columns are found).
    by:
        The outlet column; by default the one ``score_frame`` used, else ``"outlet"``.

    Examples
    --------
    >>> import pandas as pd
    >>> from reliability import compare_outlets
    >>> scores = pd.DataFrame({"outlet": ["a", "a", "a", "b"],
    ...                        "score": [70.0, 80.0, 75.0, 30.0]})
    >>> table = compare_outlets(scores, min_count=3)
    >>> table["score_mean"].to_dict()
    {'a': 75.0, 'b': 30.0}
    >>> table["few"].to_dict()
    {'a': False, 'b': True}
    """
    _check_stats(resamples=resamples, confidence=confidence, seed=seed)
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be a positive int, not {min_count!r}")
    from .model import BANDS
    from .signals import SIGNAL_NAMES

    columns = _columns_of(scores)
    by_col = _outlet_column(scores, by)
    score_col = _score_column(scores, columns)
    band_col = columns["band"] if columns["band"] in scores.columns else None
    signal_cols = {s: columns[s] for s in SIGNAL_NAMES if columns[s] in scores.columns}

    keys: list[Hashable] = []
    rows: list[dict[str, Any]] = []
    for key, group in scores.groupby(by_col, sort=True, dropna=True, observed=True):
        vals = group[score_col].to_numpy(dtype=float)
        scored = ~np.isnan(vals)
        x = vals[scored]
        n = len(x)
        row: dict[str, Any] = {"n": n, "n_unscored": int((~scored).sum()), "few": n < min_count}
        row["score_mean"] = float(x.mean()) if n else math.nan
        row["score_median"] = float(np.median(x)) if n else math.nan
        if n >= 2:
            draws = _bootstrap_means(x, _rng(seed, key), resamples)
            row["score_ci_low"], row["score_ci_high"] = _interval(draws, confidence)
        else:
            row["score_ci_low"] = row["score_ci_high"] = math.nan
        if band_col is not None:
            bands = group[band_col].astype(object).to_numpy()[scored]
            for b in BANDS:
                row[f"share_{b}"] = float(np.mean(bands == b)) if n else math.nan
        for name, col in signal_cols.items():
            sig = group[col].to_numpy(dtype=float)[scored]
            sig = sig[~np.isnan(sig)]
            row[name] = float(sig.mean()) if len(sig) else math.nan
        keys.append(key)
        rows.append(row)

    names = ["n", "n_unscored", "few", "score_mean", "score_median", "score_ci_low"]
    names += ["score_ci_high", *([f"share_{b}" for b in BANDS] if band_col else []), *signal_cols]
    table = pd.DataFrame(rows, index=pd.Index(keys, name=by_col), columns=names)
    table = table.sort_values("score_mean", ascending=False, na_position="last", kind="stable")
    table.attrs[ATTRS_KEY] = {
        "by": by_col,
        "min_count": min_count,
        "resamples": resamples,
        "confidence": confidence,
        "seed": seed,
    }
    return table


@dataclass(frozen=True, slots=True)
class OutletDifference:
    """Whether two outlets' mean scores differ beyond noise, and by how much.

    ``difference`` is ``mean_a - mean_b`` in score points; ``ci_low``/``ci_high``
    its bootstrap interval; ``p_value`` the two-sided permutation p-value of the
    difference in means; ``differs`` is ``p_value < alpha``; ``verdict`` says all
    of it in a sentence.
    """

    a: str
    b: str
    n_a: int
    n_b: int
    mean_a: float
    mean_b: float
    difference: float
    ci_low: float
    ci_high: float
    confidence: float
    p_value: float
    permutations: int
    alpha: float
    differs: bool
    verdict: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _permutation_p(
    x: np.ndarray, y: np.ndarray, rng: np.random.Generator, permutations: int
) -> float:
    """Two-sided permutation p-value of ``mean(x) - mean(y)``, (hits + 1) / (draws + 1)."""
    pooled = np.concatenate([x, y])
    nx, total = len(x), float(pooled.sum())
    ny = len(pooled) - nx
    observed = abs(float(x.mean()) - float(y.mean()))
    # Differences equal to the observed one up to rounding count as hits.
    threshold = observed - 1e-9 * max(1.0, observed)
    step = max(1, _CHUNK_CELLS // len(pooled))
    hits = 0
    for start in range(0, permutations, step):
        k = min(step, permutations - start)
        shuffled = rng.permuted(np.tile(pooled, (k, 1)), axis=1)
        sx = shuffled[:, :nx].sum(axis=1)
        hits += int(np.count_nonzero(np.abs(sx / nx - (total - sx) / ny) >= threshold))
    return (hits + 1) / (permutations + 1)


def _outlet_scores(
    scores: pd.DataFrame, by_col: str, score_col: str, outlet: Hashable
) -> np.ndarray:
    mask = scores[by_col] == outlet
    if not bool(mask.any()):
        known = sorted(map(str, scores[by_col].dropna().unique()))
        shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
        raise KeyError(f"no outlet {outlet!r} in column {by_col!r} (outlets: {shown})")
    vals: np.ndarray = scores.loc[mask, score_col].to_numpy(dtype=float)
    kept: np.ndarray = vals[~np.isnan(vals)]
    return kept


def outlet_difference(
    scores: pd.DataFrame,
    a: str,
    b: str,
    *,
    by: str | None = None,
    permutations: int = 10_000,
    resamples: int = 2000,
    confidence: float = 0.95,
    alpha: float = 0.05,
    min_count: int = 10,
    seed: int = 0,
) -> OutletDifference:
    """Do outlets ``a`` and ``b`` differ in mean score beyond noise?

    Two numbers answer it. A permutation test: shuffle the outlet labels of the two
    outlets' articles ``permutations`` times and count how often the shuffled gap in
    mean scores is at least as large as the real one (two-sided p-value). And a
    bootstrap interval of the gap (``resamples`` resamples of each outlet). Both use
    a ``numpy`` Generator seeded with ``seed`` and the two names, so the answer is
    the same every time, and ``outlet_difference(s, b, a)`` mirrors
    ``outlet_difference(s, a, b)`` exactly.

    Assumptions, and why the verdict is modest: the test treats each outlet's
    articles as independent draws from its output. They rarely are: a sample
    collected over a few days, or around a few stories, repeats topics, authors and
    templates. And topic mix confounds: an outlet that covers courts quotes more
    named people than one that covers celebrity gossip, whatever its care. "Beyond
    noise" means the gap is unlikely to be an accident of *this sample*; it does not
    say why the outlets differ, nor that one is more honest.

    Examples
    --------
    >>> import pandas as pd
    >>> from reliability import outlet_difference
    >>> s = pd.DataFrame({"outlet": ["a"] * 12 + ["b"] * 12,
    ...                   "score": [80.0 + i % 3 for i in range(12)]
    ...                            + [40.0 + i % 4 for i in range(12)]})
    >>> d = outlet_difference(s, "a", "b")
    >>> d.differs, round(d.difference, 1)
    (True, 39.5)
    """
    _check_stats(resamples=resamples, confidence=confidence, seed=seed)
    if isinstance(permutations, bool) or not isinstance(permutations, int) or permutations < 100:
        raise ValueError(f"permutations must be an int of at least 100, not {permutations!r}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1, not {alpha!r}")
    if a == b:
        raise ValueError("outlet_difference needs two different outlets")
    by_col = _outlet_column(scores, by)
    score_col = _score_column(scores, _columns_of(scores))
    # Work in name order so that swapping a and b mirrors the result exactly.
    first, second = sorted((a, b), key=str)
    x = _outlet_scores(scores, by_col, score_col, first)
    y = _outlet_scores(scores, by_col, score_col, second)
    sign = 1.0 if first == a else -1.0
    if len(x) < 2 or len(y) < 2:
        lo = hi = p = diff = math.nan
        if len(x) and len(y):
            diff = float(x.mean()) - float(y.mean())
    else:
        rng = _rng(seed, first, second)
        diff = float(x.mean()) - float(y.mean())
        draws = _bootstrap_means(x, rng, resamples) - _bootstrap_means(y, rng, resamples)
        lo, hi = _interval(draws, confidence)
        p = _permutation_p(x, y, rng, permutations)
    if sign < 0:
        x, y = y, x
        diff, lo, hi = -diff, -hi, -lo
    differs = bool(p < alpha)  # False when p is NaN
    return OutletDifference(
        a=str(a),
        b=str(b),
        n_a=len(x),
        n_b=len(y),
        mean_a=float(x.mean()) if len(x) else math.nan,
        mean_b=float(y.mean()) if len(y) else math.nan,
        difference=diff,
        ci_low=lo,
        ci_high=hi,
        confidence=confidence,
        p_value=p,
        permutations=permutations,
        alpha=alpha,
        differs=differs,
        verdict=_verdict(
            str(a),
            str(b),
            len(x),
            len(y),
            diff,
            lo,
            hi,
            p,
            differs=differs,
            confidence=confidence,
            alpha=alpha,
            min_count=min_count,
        ),
    )


def _verdict(
    a: str,
    b: str,
    n_a: int,
    n_b: int,
    diff: float,
    lo: float,
    hi: float,
    p: float,
    *,
    differs: bool,
    confidence: float,
    alpha: float,
    min_count: int,
) -> str:
    """The result in one or two plain sentences."""
    if math.isnan(p):
        return (
            f"Too few scored articles to compare {a} (n={n_a}) and {b} (n={n_b}): "
            "each outlet needs at least 2."
        )
    direction = "higher" if diff > 0 else "lower" if diff < 0 else "the same as"
    gap = f"{abs(diff):.1f} points {direction} than" if diff != 0 else "the same as"
    p_text = "p < 0.001" if p < 0.001 else f"p = {p:.3f}"
    judgement = (
        f"beyond noise at the {alpha:g} level"
        if differs
        else "within noise: this sample cannot tell them apart"
    )
    text = (
        f"{a} scores {gap} {b} on average ({confidence:.0%} interval of the gap "
        f"{lo:+.1f} to {hi:+.1f} points; permutation test {p_text}): {judgement}."
    )
    few = [f"{name} (n={n})" for name, n in ((a, n_a), (b, n_b)) if n < min_count]
    if few:
        text += f" Few articles for {' and '.join(few)}: read this as a hint."
    return text
