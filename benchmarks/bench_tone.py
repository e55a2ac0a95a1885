"""How long do the tone families (hedging, sensational, clickbait) take per article?

Two measures on generated ~600-word articles, after warm-up:

* marginal: the three families' ``extract`` on a Document whose shared views
  (tokens, lexicon hits, sentences, quotes) were already built by the other
  families, which is what the tone families add to ``score()``;
* standalone: a fresh Document each time, so the families also pay for the shared
  views they use.

Usage: python benchmarks/bench_tone.py [--words 600] [--n 300]
The issue's budget is under 1 ms per 600-word article for the three together.
"""

from __future__ import annotations

import argparse
import random
import time

from reliability.document import Document
from reliability.signals import clickbait, hedging, sensational

_SENTENCES = [
    "The minister said the plan would be put to parliament in the spring.",
    "Officials said the talks had made progress but that no deal had been reached.",
    "“We are not there yet,” said Anna Berg, the union's chief negotiator.",
    "Critics argue the proposal could cost more than the government admits.",
    "The company may face fines, though it is unclear when a decision will come.",
    "In a dramatic turn, the council reversed its decision on Monday, a move NATO welcomed.",
    "Residents have complained about road closures in previous years.",
    "The report will be published on the commission's website in May.",
    "It is a shocking failure, and you deserve to know why!",
    "Prices will clearly rise, though analysts say growth may possibly slow.",
    "Under the plan, officers could work across the border if parliament agrees.",
    "The secret memo, reportedly drafted in March, was never published.",
]
_TITLES = [
    "Talks on port strike resume as deadline nears",
    "You Won't Believe What This Minister Said About The Budget",
    "17 Things Every Commuter Needs To Know About The Strike",
    "BREAKING: Council reverses decision on road closures",
]


def article(words: int, seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        para = " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(2, 4)))
        out.append(para)
        count += len(para.split())
    return rng.choice(_TITLES), "\n\n".join(out)


def _families(doc: Document) -> None:
    hedging.extract(doc)
    sensational.extract(doc)
    clickbait.extract(doc)


def _warm(doc: Document) -> Document:
    """Build the views other families would already have built."""
    _ = doc.hits, doc.sentences, doc.quotes, doc.lines, doc.word_starts
    return doc


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    arts = [article(args.words, i) for i in range(args.n)]
    for title, text in arts[:20]:
        _families(Document(text, title))  # warm-up: lexicons, weights, caches
    docs = [_warm(Document(text, title)) for title, text in arts]
    t0 = time.perf_counter()
    for doc in docs:
        _families(doc)
    marginal = (time.perf_counter() - t0) / args.n * 1000
    t0 = time.perf_counter()
    for title, text in arts:
        _families(Document(text, title))
    standalone = (time.perf_counter() - t0) / args.n * 1000
    words = sum(Document(text).word_count for _, text in arts) / args.n
    print(f"{args.n} articles of ~{words:.0f} words (one process):")
    print(f"  tone families, marginal (shared views built): {marginal:.3f} ms per article")
    print(f"  tone families, standalone (fresh Document):   {standalone:.3f} ms per article")
    print(f"  budget: 1 ms per 600-word article -> {'OK' if marginal < 1.0 else 'OVER'}")


if __name__ == "__main__":
    main()
