"""How fast is the boilerplate family, and does its time grow linearly with the text?

Usage: python benchmarks/bench_boilerplate.py [--words 600] [--n 200] [--repeats 5]
       [--linear-mb 10]

Prints, in CPU time per article (the best of ``--repeats`` runs, so that other
processes on the machine disturb it less):

for clean articles and for articles with a leaked head and tail:

* the family alone (``boilerplate.extract``) on fresh documents whose shared
  views (lines, words, tokens, lexicon hits) every family uses are already
  computed;
* the same with a fresh ``Document`` each time (tokenising and the lexicon scan
  included);
* ``clean()`` end to end;

then the time of ``clean()`` on leaky page text of 1.25, 2.5, 5 and 10 MB (by
default), with the time per MB, which stays flat when the work is linear.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence

from _articles import REPORTING, paragraphs

from reliability import clean
from reliability.document import Document
from reliability.signals import boilerplate

_HEAD = ["Home", "World", "Politics", "Port strike talks resume as deadline nears", "By Jane Roe"]
_TAIL = [
    "Share this:",
    "Facebook",
    "Twitter",
    "Related articles",
    "Dockers vote on new contract",
    "Union leaders meet ministers",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "© 2026 Example News. All rights reserved.",
]


def article(words: int, seed: int, *, leaky: bool = True) -> str:
    """A generated article of about ``words`` words, with a leaked head and tail."""
    paras = paragraphs(random.Random(seed), words, REPORTING)
    if leaky:
        paras = _HEAD + paras + _TAIL
    return "\n\n".join(paras)


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The smallest CPU time of ``repeats`` calls of ``run``, in seconds."""
    times = []
    for _ in range(repeats):
        t0 = time.process_time()
        run()
        times.append(time.process_time() - t0)
    return min(times)


def _ready(texts: Sequence[str]) -> list[Document]:
    """Fresh documents with the views every family shares (lines, words, tokens, lexicon
    hits) computed, and nothing of this family's: its line labels are cached on the
    document, so timing it twice on the same documents would time the cache."""
    docs = [Document(t) for t in texts]
    for d in docs:
        _ = d.hits, d.lines, d.word_starts, d.tokens
    return docs


def per_article(texts: Sequence[str], repeats: int) -> dict[str, float]:
    """Milliseconds per article: family alone, with a fresh document, and clean()."""
    for d in _ready(texts[:5]):
        boilerplate.extract(d)  # warm-up: weights, lexicons, compiled patterns

    family_times = []
    for _ in range(repeats):
        docs = _ready(texts)
        t0 = time.process_time()
        for d in docs:
            boilerplate.extract(d)
        family_times.append(time.process_time() - t0)

    def fresh() -> None:
        for t in texts:
            boilerplate.extract(Document(t))

    def cleaned() -> None:
        for t in texts:
            clean(t)

    n = len(texts)
    return {
        "family, shared views ready": min(family_times) / n * 1000,
        "family, fresh Document": best_of(repeats, fresh) / n * 1000,
        "clean()": best_of(repeats, cleaned) / n * 1000,
    }


def linearity(megabytes: float, repeats: int) -> list[tuple[float, float]]:
    """(size in MB, seconds) for clean() on leaky text of growing size."""
    unit = article(600, 0)
    out = []
    for share in (0.125, 0.25, 0.5, 1.0):
        size = megabytes * share * 1_000_000
        text = "\n\n".join([unit] * max(1, round(size / len(unit))))
        seconds = best_of(max(1, repeats // 2), lambda t=text: clean(t))  # type: ignore[misc]
        out.append((len(text) / 1_000_000, seconds))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--linear-mb", type=float, default=10.0)
    args = ap.parse_args()
    for leaky in (False, True):
        texts = [article(args.words, seed, leaky=leaky) for seed in range(args.n)]
        what = "with a leaked head and tail" if leaky else "(clean)"
        print(f"{args.n} articles of ~{args.words} words {what}, CPU time:")
        for name, ms in per_article(texts, args.repeats).items():
            print(f"  {name:28s} {ms:.3f} ms per article")
    if args.linear_mb > 0:
        print("clean() on long leaky text (time per MB stays flat when the work is linear):")
        for mb, seconds in linearity(args.linear_mb, args.repeats):
            print(f"  {mb:6.2f} MB  {seconds:7.2f} s  {seconds / mb:6.2f} s/MB")


if __name__ == "__main__":
    main()
