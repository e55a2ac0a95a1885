"""score_frame over arbitrary Unicode: never raises, keeps every row and the index, and
agrees with score() row by row."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from reliability import EmptyArticleError, score, score_frame

texts = st.one_of(st.text(max_size=300), st.sampled_from(["", "   ", "\ufeff", "Leave a Reply"]))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(texts, st.one_of(st.none(), st.text(max_size=40))), max_size=8),
    st.lists(st.integers(-1000, 1000), unique=True, min_size=8, max_size=8),
)
def test_score_frame_never_raises_and_matches_score(
    rows: list[tuple[str, str | None]], index: list[int]
) -> None:
    df = pd.DataFrame(rows, columns=["text", "title"], index=index[: len(rows)])
    out = score_frame(df)
    assert list(out.index) == list(df.index)
    assert out["text"].tolist() == df["text"].tolist()
    for i, (text, title) in zip(df.index, rows, strict=True):
        try:
            expected = score({"text": text, "title": title}).score
        except EmptyArticleError:
            assert pd.isna(out.loc[i, "score"])
            assert isinstance(out.loc[i, "error"], str)
        else:
            assert out.loc[i, "score"] == expected
            assert pd.isna(out.loc[i, "error"])
