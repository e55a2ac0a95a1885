"""The invariants every input must keep; shared by the tests and scripts/fuzz.py."""

from __future__ import annotations

from reliability import EmptyArticleError, clean, score
from reliability.article import normalise_text


def check(text: str, title: str | None = None) -> None:
    """Score and clean ``text``; raise AssertionError if any invariant breaks.

    Invariants: no exception but the documented ``EmptyArticleError`` for blank
    text; score in [0, 100]; every evidence span slices back to its text; the
    linear score is the intercept plus the contributions; clean() removes whole
    lines only and its spans slice back to the input.
    """
    try:
        p = score({"text": text, "title": title})
    except EmptyArticleError:
        # Blank after normalisation (a lone byte-order mark is blank too).
        assert not normalise_text(text).strip(), "EmptyArticleError for non-blank text"
    else:
        assert 0.0 <= p.score <= 100.0, p.score
        for e in p.evidence:
            source = p.article.text if e.field == "text" else (p.article.title or "")
            assert 0 <= e.start <= e.end <= len(source), e
            assert source[e.start : e.end] == e.text, e
        total = p.intercept
        for s in p.signals.values():
            total += s.contribution
        assert abs(total - p.linear) < 1e-9
    c = clean(text)
    for r in c.removed:
        assert text[r.start : r.end] == r.text, r
    assert len(c.text) <= len(text)
