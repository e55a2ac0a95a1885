"""How long do the tone families (hedging, sensational, clickbait) take per article?

Two measures on generated ~600-word articles, after warm-up:

* marginal: the three families' ``extract`` on a Document whose shared views
  (tokens, lexicon hits, sentences, quotes, and the boilerplate family's line labels)
  were already built by the other families, which is what the tone families add to
  ``score()``;
* standalone: a fresh Document each time, so the families also pay for the shared
  views they use.

Times are process CPU time (the machine is shared; wall-clock time there measures
the neighbours), best of several runs. Two kinds of article: typical news (the
``REPORTING`` sentences of benchmarks/_articles.py) and a cue-dense worst case where
every sentence carries several tone cues.

Usage: python benchmarks/bench_tone.py [--words 600] [--n 200] [--repeats 5]
The issue's budget is under 1 ms per 600-word article for the three together.
"""

from __future__ import annotations

import argparse
import math
import random
import time

from _articles import REPORTING, paragraphs

from reliability.document import Document
from reliability.signals import clickbait, hedging, sensational
from reliability.signals._tone import title_view
from reliability.signals.boilerplate import classify_lines

#: Every sentence loaded with tone cues: a worst case, ten times denser than news.
_DENSE = [
    "It is a shocking failure, and you deserve to know why!",
    "Prices will clearly rise, though analysts say growth may possibly slow.",
    "Under the plan, officers could work across the border if parliament agrees.",
    "The secret memo, reportedly drafted in May, was NEVER published, a move NATO condemned.",
    "The bombshell report could spark a firestorm, and it might be the worst ever.",
    "“This may be unprecedented,” she said, but the deal perhaps seems likely to collapse.",
]
_TITLES = [
    "Talks on port strike resume as deadline nears",
    "You Won't Believe What This Minister Said About The Budget",
    "17 Things Every Commuter Needs To Know About The Strike",
    "BREAKING: Council reverses decision on road closures",
]


def article(words: int, seed: int, sentences: list[str] = REPORTING) -> tuple[str, str]:
    rng = random.Random(seed)
    out = paragraphs(rng, words, sentences)
    # a distinct title per article, so no title is read from the title_view memo
    return f"{rng.choice(_TITLES)} in district {seed}", "\n\n".join(out)


def _families(doc: Document) -> None:
    hedging.extract(doc)
    sensational.extract(doc)
    clickbait.extract(doc)


def _warm(doc: Document) -> Document:
    """Build the views other families would already have built, the boilerplate family's
    line labels among them (hedging and sensational leave page furniture out)."""
    _ = doc.hits, doc.sentences, doc.quotes, doc.lines, doc.word_starts
    classify_lines(doc)
    return doc


def _marginal_ms(arts: list[tuple[str, str]], repeats: int) -> float:
    """Best of ``repeats``: CPU ms per article for the families alone, views prebuilt."""
    best = math.inf
    for _ in range(repeats):
        docs = [_warm(Document(text, title)) for title, text in arts]
        title_view.cache_clear()  # each run reads every title afresh
        t0 = time.process_time()
        for doc in docs:
            _families(doc)
        best = min(best, time.process_time() - t0)
    return best / len(arts) * 1000


def _standalone_ms(arts: list[tuple[str, str]], repeats: int) -> float:
    """Best of ``repeats``: CPU ms per article with a fresh Document each time."""
    best = math.inf
    for _ in range(repeats):
        title_view.cache_clear()
        t0 = time.process_time()
        for title, text in arts:
            _families(Document(text, title))
        best = min(best, time.process_time() - t0)
    return best / len(arts) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    print(f"{args.n} articles of ~{args.words} words, best of {args.repeats} runs (one process):")
    for name, pool in (("typical news", REPORTING), ("cue-dense worst case", _DENSE)):
        arts = [article(args.words, i, pool) for i in range(args.n)]
        for title, text in arts[:20]:
            _families(Document(text, title))  # warm-up: lexicons, weights, caches
        m = _marginal_ms(arts, args.repeats)
        s = _standalone_ms(arts, args.repeats)
        words = sum(Document(text).word_count for _, text in arts) / args.n
        print(f"  {name} (~{words:.0f} words):")
        print(f"    marginal, shared views already built: {m:.3f} ms per article")
        print(f"    standalone, fresh Document each time: {s:.3f} ms per article")
    print("budget (issue 5): the three families add under 1 ms per 600-word article (marginal)")


if __name__ == "__main__":
    main()
