"""Fuzz score() and clean() for a bounded time with hypothesis; save what breaks.

Usage: python scripts/fuzz.py [--seconds 120] [--out tests/robustness/regressions]

Each round generates news-like and arbitrary Unicode text (quotes, dashes, NULs,
right-to-left marks, emoji, huge runs of one character) and checks the invariants
in tests/robustness/invariants.py. A failing input is shrunk by hypothesis and
written to the regressions folder, where tests/robustness/test_regressions.py
keeps it as a regression test. Exit code 1 when anything failed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.robustness.invariants import check  # noqa: E402

PIECES = [
    "said",
    "Officials",
    "according to",
    "who spoke on condition of anonymity",
    "May",
    "may",
    "BREAKING",
    "!!!",
    "?!",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "—",
    "…",
    "\n",
    "\n\n",
    "\r\n",
    "\x00",
    "\u200f",
    "\u202e",
    "🙂",
    "👍🏽",
    "مرحبا",
    "שלום",
    "日本語",
    "Mr.",
    "U.S.",
    "©",
    "Your email address will not be published.",
    "Share this:",
    "16.8k SHARES",
    "<script>",
    "&amp;",
    "\t",
    "\ufeff",
    "\ud800",
    "İ",
    "ß",
    "ﬁ",
    "A" * 300,
    "." * 200,
    "‘" * 100,
]
TEXT = st.one_of(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=120).map(" ".join),
    st.text(max_size=2000),
    st.builds(lambda c, n: c * n, st.characters(), st.integers(0, 20_000)),
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "robustness" / "regressions")
    args = ap.parse_args(argv)
    failures: list[tuple[str, str | None]] = []
    last: list[tuple[str, str | None]] = []

    @settings(
        max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(TEXT, st.one_of(st.none(), TEXT))
    def round_(text: str, title: str | None) -> None:
        try:
            check(text, title)
        except Exception:
            last[:] = [(text, title)]  # hypothesis shrinks: the last failure is the smallest
            raise

    stop = time.monotonic() + args.seconds
    rounds = 0
    while time.monotonic() < stop:
        rounds += 1
        try:
            round_()
        except Exception as exc:  # a broken invariant or a crash: keep the input
            text, title = last[0]
            failures.append((text, title))
            print(f"round {rounds}: {type(exc).__name__}: {str(exc)[:200]}", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    for text, title in failures:
        body = f"{title or ''}\n---text---\n{text}"
        name = hashlib.sha1(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        (args.out / f"fuzz-{name}.txt").write_text(body, encoding="utf-8", errors="surrogatepass")
    print(f"{rounds} rounds of 300 examples in {args.seconds:.0f} s; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
