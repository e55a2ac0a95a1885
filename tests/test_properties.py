"""Invariants of score() and clean() over arbitrary text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability import EmptyArticleError, clean, score

# Text that looks a little like news: words, punctuation, quotes, newlines, any Unicode.
_words = st.sampled_from(
    [
        "said",
        "officials",
        "Critics",
        "argue",
        "may",
        "May",
        "could",
        "shocking",
        "BREAKING",
        "Your email address will not be published.",
        "Leave a Reply",
        "according",
        "to",
        "NATO",
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        ",",
        ".",
        "!",
        "?",
        "\n",
        "\n\n",
        " ",
        "who",
        "spoke",
        "on condition of anonymity",
        "Share this:",
        "Mr.",
        "U.S.",
        "16.8k",
        "shares",
        "©",
        "2024",
    ]
)
news_text = st.lists(st.one_of(_words, st.text(max_size=12)), max_size=80).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=400))
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")


@given(any_text, st.one_of(st.none(), any_text))
def test_score_in_range_and_offsets_slice_back(text: str, title: str | None) -> None:
    try:
        p = score({"text": text, "title": title})
    except EmptyArticleError:
        assert not text.strip()
        return
    assert 0.0 <= p.score <= 100.0
    assert p.band in {"low", "mixed", "high"}
    art = p.article
    for e in p.evidence:
        source = art.text if e.field == "text" else (art.title or "")
        assert 0 <= e.start <= e.end <= len(source)
        assert source[e.start : e.end] == e.text


@given(any_text)
def test_scoring_is_deterministic(text: str) -> None:
    if not text.strip():
        return
    assert score(text) == score(text)
    assert score(text).to_dict() == score(text).to_dict()


@given(any_text)
def test_clean_only_removes_whole_lines(text: str) -> None:
    c = clean(text)
    for r in c.removed:
        assert text[r.start : r.end] == r.text
    # What is left is the input minus some lines, in order.
    # (split on every line ending clean() honours)
    kept = c.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    it = iter(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    assert all(line in it for line in kept if line)
    assert len(c.text) <= len(text)
