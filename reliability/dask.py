"""Score a Dask DataFrame partition by partition (the ``dask`` extra).

For collections too big for one machine. Dask does the distribution, retries and
memory management; we only say how to score one partition: :func:`score_dask` maps
:func:`reliability.score_frame` over the partitions with the right ``meta`` (the
empty frame of the result's columns and dtypes), so nothing is computed until you
ask. The result is, row for row, what ``score_frame`` gives on the whole frame.

Example
-------
>>> import dask.dataframe as dd                                  # doctest: +SKIP
>>> from reliability.dask import score_dask                      # doctest: +SKIP
>>> articles = dd.read_json("s3://bucket/articles-*.jsonl", lines=True)  # doctest: +SKIP
>>> scores = score_dask(articles)                                # lazy   # doctest: +SKIP
>>> scores.groupby("outlet").score.mean().compute()              # doctest: +SKIP

Each worker loads the lexicons and the pronunciation dictionary once (about half a
second), then scores a few hundred to a thousand articles a second per core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from .frame import score_frame

if TYPE_CHECKING:
    import dask.dataframe as dd

    from .model import Model

__all__ = ["score_dask"]


def score_dask(
    frame: dd.DataFrame,
    *,
    text: str = "text",
    title: str | None = "title",
    outlet: str | None = "outlet",
    url: str | None = "url",
    model: Model | None = None,
    on_clash: Literal["suffix", "raise"] = "suffix",
) -> dd.DataFrame:
    """Lazily score every row of a Dask DataFrame of articles.

    Takes the same column options as :func:`reliability.score_frame` and returns a
    Dask DataFrame with the input's columns and index, followed by ``score``,
    ``band``, every signal and ``error``. Scoring runs in the partitions, on whatever
    scheduler is active (threads, processes or a ``dask.distributed`` cluster).
    """
    options: dict[str, Any] = {
        "text": text,
        "title": title,
        "outlet": outlet,
        "url": url,
        "model": model,
        "on_clash": on_clash,
    }
    meta = score_frame(_empty_like(frame._meta), **options)
    scored: dd.DataFrame = frame.map_partitions(  # type: ignore[no-untyped-call]
        _score_partition, options, meta=meta
    )
    return scored


def _empty_like(meta: pd.DataFrame) -> pd.DataFrame:
    """The partition template Dask keeps, without rows."""
    return meta.iloc[:0]


def _score_partition(part: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    """Score one partition in the calling worker (no process pool inside a worker)."""
    return score_frame(part, jobs=1, **options)
