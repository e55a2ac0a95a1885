"""Every regular expression in the package scans in linear time.

Patterns are discovered, not listed: every module-level compiled pattern in
``reliability`` and its signal modules, and every lexicon's compiled pattern and
``re:`` entries. Each runs over adversarial strings (long runs of what quantifiers
accept, unclosed quotes, repeated openers) at two sizes; the time ratio must stay
near the size ratio. Catastrophic backtracking is quadratic or worse: at 16x the
input it shows as 64x the time or more, twice the bound used here.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Iterator

import pytest

import reliability
from reliability import _lexicon

SMALL, FACTOR, MAX_RATIO = 400, 8, 32.0

# Units repeated to build adversarial inputs: each targets a family of quantifiers.
UNITS = [
    "a",
    " ",
    "aa ",
    "A",
    "AB CD ",
    "1",
    "1.",
    "1,2",
    "‘",
    "’",
    "'",
    '"',
    "“",
    "”",
    "‘a’b ",
    "'a'b ",
    "!",
    "?!",
    "...",
    ". ",
    ".a",
    "a.",
    "-",
    "a-",
    "—",
    "\n",
    " \n",
    ", ",
    ",a",
    "it is ",
    "said ",
    "who said, ",
    "Mr. ",
    "U.S. ",
    "©",
    "home ",
    "share ",
    "é",
    "日本",
    "\t",
    "a ’",
    "‘a ",
    "(",
    "[",
    "<",
    "&amp;",
    "#",
    "@",
    "http://",
    "www.",
    "_",
    "*",
]


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    seen: set[int] = set()
    for mod_info in pkgutil.walk_packages(reliability.__path__, "reliability."):
        if mod_info.name.endswith((".cli", ".plot", ".dask")):
            continue
        try:
            mod = importlib.import_module(mod_info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern) and id(value) not in seen:
                seen.add(id(value))
                yield f"{mod_info.name}.{name}", value
    for lex in _lexicon.available():
        yield f"lexicon {lex}", _lexicon.load(lex).pattern
    for lex, entry, _literal, bare, bounded in _lexicon._index(_lexicon.available()).regexes:
        yield f"lexicon {lex} {entry!r} (bare)", bare
        yield f"lexicon {lex} {entry!r}", bounded


PATTERNS = dict(_patterns())


def _cost(rx: re.Pattern[str], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in rx.finditer(text):
            pass
        best = min(best, time.perf_counter() - t0)
    return best


def test_patterns_are_discovered() -> None:
    names = " ".join(PATTERNS)
    assert "WORD_RE" in names
    assert "reliability.document._QUOTE_RE" in names
    assert "lexicon speech_verbs" in names
    assert len(PATTERNS) > 20


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_scans_in_linear_time(name: str) -> None:
    rx = PATTERNS[name]
    worst = 0.0
    for unit in UNITS:
        small = (unit * (SMALL // len(unit) + 1))[:SMALL]
        large = small * FACTOR
        ratio = float("inf")
        for _ in range(3):  # re-measure before failing: a busy machine adds noise
            t_small = max(_cost(rx, small), 1e-5)  # below this, timer noise dominates
            ratio = min(ratio, _cost(rx, large) / t_small)
            if ratio < MAX_RATIO:
                break
        worst = max(worst, ratio)
        assert ratio < MAX_RATIO, (
            f"{name} took {ratio:.0f}x longer on {FACTOR}x the input of {unit!r}: "
            "catastrophic backtracking"
        )
    assert worst > 0
