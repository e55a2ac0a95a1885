"""The Spark recipe in docs/performance.md (mapInPandas over score_frame) gives the
single-process scores. Runs where pyspark and Java are installed; CI leaves pyspark out
(it doubles the install time), so this is checked by hand before a release."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pandas as pd
import pytest

pyspark_sql = pytest.importorskip("pyspark.sql")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)

import reliability  # noqa: E402
from reliability import SIGNAL_NAMES  # noqa: E402


def score_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """The recipe's function: score each Arrow batch with score_frame."""
    for part in batches:
        scored = reliability.score_frame(part)
        yield scored[["id", "outlet", "score", *SIGNAL_NAMES, "error"]].assign(
            band=scored["band"].astype(str)
        )


def test_spark_map_in_pandas_matches_score_frame() -> None:
    spark = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("reliability-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    try:
        rows = pd.DataFrame(
            {
                "id": range(60),
                "outlet": ["a", "b", "c"] * 20,
                "title": ["Council approves budget"] * 60,
                "text": [
                    f"The council approved item {i} on Monday, mayor Ana Ruiz said."
                    for i in range(59)
                ]
                + [" "],
            }
        )
        schema = (
            "id long, outlet string, score double, "
            + ", ".join(f"{s} double" for s in SIGNAL_NAMES)
            + ", error string, band string"
        )
        got = (
            spark.createDataFrame(rows)
            .mapInPandas(score_batches, schema=schema)
            .toPandas()
            .sort_values("id")
            .reset_index(drop=True)
        )
    finally:
        spark.stop()
    expected = reliability.score_frame(rows)
    pd.testing.assert_series_equal(got["score"], expected["score"], check_names=False)
    assert got["error"].notna().sum() == 1
