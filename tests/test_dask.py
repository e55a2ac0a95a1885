"""reliability.dask: a Dask DataFrame scored partition by partition on a local cluster
gives exactly what score_frame gives on the whole frame."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

# Dask turns text columns into Arrow strings by default; keep pandas' own dtypes so the
# two paths can be compared exactly, dtypes included.
pytestmark = pytest.mark.usefixtures("plain_strings")


@pytest.fixture(autouse=False)
def plain_strings() -> object:
    with dask.config.set({"dataframe.convert-string": False}):
        yield


from reliability import SIGNAL_NAMES, score_frame  # noqa: E402
from reliability.dask import score_dask  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "outlets" / "articles.jsonl"


def articles() -> pd.DataFrame:
    rows = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()]
    df = pd.DataFrame(rows)
    df.loc[len(df)] = {**df.iloc[0].to_dict(), "text": "   "}  # one row that cannot be scored
    return df.set_index(pd.Index([f"a{i:03d}" for i in range(len(df))], name="id"))


@pytest.fixture(scope="module")
def client() -> object:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def test_meta_matches_the_computed_partitions() -> None:
    ddf = dd.from_pandas(articles(), npartitions=3)
    lazy = score_dask(ddf)
    assert list(lazy.columns) == [*ddf.columns, "score", "band", *SIGNAL_NAMES, "error"]
    assert lazy.dtypes["band"] == score_frame(articles().head(2)).dtypes["band"]


def test_local_cluster_gives_the_single_process_result(client: object) -> None:
    df = articles()
    expected = score_frame(df)
    ddf = dd.from_pandas(df, npartitions=4)
    got = score_dask(ddf).compute()  # type: ignore[no-untyped-call]
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got["error"].notna().sum() == 1


def test_column_options_pass_through(client: object) -> None:
    df = articles().rename(columns={"text": "body"})
    lazy = score_dask(dd.from_pandas(df, npartitions=2), text="body")
    got = lazy.compute()  # type: ignore[no-untyped-call]
    expected = score_frame(df, text="body")
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
