"""How fast is score()? Articles per second on generated news articles, after warm-up.

Usage: python benchmarks/bench_score.py [--words 600] [--n 300]

The articles come from benchmarks/_articles.py (seeded, realistic sentence mix). For
the full picture (several lengths, the regex floor, cold start, cost per family) run
benchmarks/bench_perf.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _articles import article

from reliability import score


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    arts = [article(args.words, i) for i in range(args.n)]
    for a in arts[:20]:
        score(a)  # warm-up: lexicons, CMU dictionary, caches
    t0 = time.perf_counter()
    for a in arts:
        score(a)
    dt = time.perf_counter() - t0
    print(
        f"{args.n} articles of ~{args.words} words: {dt / args.n * 1000:.2f} ms each, "
        f"{args.n / dt:,.0f} articles/s (one process)"
    )


if __name__ == "__main__":
    main()
