"""Inputs that once broke something, kept so they never do again.

``scripts/fuzz.py`` writes every crashing input it finds to ``regressions/``;
each file there is checked against the same invariants here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .invariants import check

CASES = sorted((Path(__file__).parent / "regressions").glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_regression_input_keeps_the_invariants(path: Path) -> None:
    raw = path.read_text(encoding="utf-8", errors="surrogatepass")
    title, sep, text = raw.partition("\n---text---\n")
    if not sep:
        title, text = "", raw
    check(text, title or None)


def test_there_are_regression_cases() -> None:
    assert CASES, "the regressions folder should hold the cases the fuzzer found"
