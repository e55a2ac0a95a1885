"""How fast is score()? Articles per second on generated articles, after warm-up.

Usage: python benchmarks/bench_score.py [--words 600] [--n 300]
"""

from __future__ import annotations

import argparse
import random
import time

from reliability import score

_SENTENCES = [
    "The minister said the plan would be put to parliament in the spring.",
    "Officials said the talks had made progress but that no deal had been reached.",
    "“We are not there yet,” said Anna Berg, the union's chief negotiator.",
    "Critics argue the proposal could cost more than the government admits.",
    "A senior official, who spoke on condition of anonymity, said the budget was not final.",
    "Cargo volumes fell by 61 percent last week, according to the statistics office.",
    "The company may face fines, though it is unclear when a decision will come.",
    "In a dramatic turn, the council reversed its decision on Monday.",
    "Residents have complained about road closures in previous years.",
    "The report will be published on the commission's website next month.",
]


def article(words: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        para = " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(2, 4)))
        out.append(para)
        count += len(para.split())
    return {"title": "Talks on port strike resume as deadline nears", "text": "\n\n".join(out)}


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
