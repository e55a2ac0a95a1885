"""What does the attribution family cost per article? Milliseconds per ~600-word article.

Usage: python benchmarks/bench_attribution.py [--words 600] [--n 300] [--repeat 5] [--data DIR]

For each set of articles (generated news, a dense worst case where every sentence
attributes, and with ``--data`` the development articles) two numbers are printed:

* ``family``: ``attribution.extract(doc)`` on a document whose shared views
  (words, tokens, sentences, lines, quotes, lexicon hits) are already built, as
  they are when :func:`reliability.score` runs every family on one document.
  This is the cost the family adds, and the number the issue's 1 ms floor is about.
* ``with shared views``: the same, plus building those views from a fresh
  document (paid once per article, shared with every other family).

CPU time (``time.process_time``) is measured and the best of ``--repeat`` runs is
reported, so that other processes on a shared machine count as little as possible.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from _articles import REPORTING, paragraphs

from reliability.document import Document
from reliability.signals import attribution

_SENTENCES = [
    *REPORTING,
    "Interior Minister Laura Becker, who attended the meeting in Vienna, stated it was close.",
    "“It is a question of trust,” she told reporters, adding that she would not resign.",
    "Sources say the deal was drafted in secret and signed late at night.",
    "It is widely believed that the election will be called early.",
    "A spokesperson for Marlow Water said the leak had been repaired.",
    "Prices rose 3 percent in March, the fastest pace since 2019.",
]
#: Sentences without a speech cue: news copy is mostly these (the development
#: articles average 17 cues per 1,000 words; the mix below gives about 35).
_PLAIN = [
    "The bridge was closed for repairs in 2019 and reopened two years later.",
    "Traffic on the ring road has doubled since the new terminal opened.",
    "The vote is expected to take place before the end of the month.",
    "Unemployment in the region stood at 7.4 percent in the last quarter.",
    "The company employs about 2,000 people at its two plants near the port.",
    "Negotiations resumed on Tuesday after a pause of almost three weeks.",
    "The budget includes money for 40 new teachers and a second school bus.",
    "Several roads in the old town will be closed to cars from next week.",
    "The ferry service was suspended after the storm damaged the harbour wall.",
    "Rents in the capital have risen faster than wages for a decade.",
    "The museum will reopen in the autumn with a new wing for modern art.",
    "Farmers in the north have had the driest spring on record.",
    "The inquiry is due to report its findings early next year.",
    "More than 300 people attended the meeting at the town hall.",
    "The plant produces about 12,000 tonnes of steel a year.",
    "Water bills are set to rise by an average of 6 percent in April.",
]


def article(words: int, seed: int, *, dense: bool = False) -> str:
    """A generated article of about ``words`` words, in paragraphs. ``dense``:
    every sentence attributes (about 70 cues per 1,000 words, a worst case)."""
    pool = _SENTENCES if dense else _SENTENCES + _PLAIN
    return "\n\n".join(paragraphs(random.Random(seed), words, pool))


def _warm(doc: Document) -> Document:
    """Build the views every family shares."""
    _ = doc.words, doc.tokens, doc.word_starts, doc.sentences, doc.lines, doc.quotes, doc.hits
    return doc


def _time(texts: list[str], repeat: int) -> tuple[float, float, float, float]:
    """Best CPU seconds per article for the family alone and with the shared views,
    the mean word count, and speech cues per 1,000 words."""
    for t in texts[:20]:
        attribution.extract(_warm(Document(t)))  # warm-up: lexicons, caches
    family = []
    shared = []
    for _ in range(repeat):
        docs = [_warm(Document(t)) for t in texts]
        t0 = time.process_time()
        for d in docs:
            attribution.extract(d)
        family.append((time.process_time() - t0) / len(texts))
        t0 = time.process_time()
        for t in texts:
            attribution.extract(_warm(Document(t)))
        shared.append((time.process_time() - t0) / len(texts))
    docs = [_warm(Document(t)) for t in texts]
    words = sum(d.word_count for d in docs)
    cues = sum(len(d.hits["speech_verbs"]) for d in docs)
    return min(family), min(shared), words / len(texts), cues * 1000 / words


def _real(data: Path) -> list[str]:
    """The development articles' texts (when ../shared/data is there)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from signal_stats import read_articles

    return [a["text"] for a in read_articles(data) if (a["text"] or "").strip()]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--data", type=Path, default=None, help="also time ../shared/data articles")
    args = ap.parse_args(argv)
    runs = [
        ("generated news", [article(args.words, i) for i in range(args.n)]),
        (
            "dense (every sentence attributes)",
            [article(args.words, i, dense=True) for i in range(args.n)],
        ),
    ]
    if args.data is not None and (args.data / "articles").is_dir():
        runs.append(("development articles", _real(args.data)))
    print(f"CPU time, best of {args.repeat}; per article, and scaled to {args.words} words")
    for name, texts in runs:
        family, shared, words, cues = _time(texts, args.repeat)
        scale = args.words / words
        print(f"  {name}: {len(texts)} articles, ~{words:.0f} words, {cues:.0f} cues/1,000 words")
        for label, secs in (("family", family), ("with shared views", shared)):
            per = secs * scale * 1000
            print(
                f"    {label + ':':<19}{secs * 1000:.3f} ms ({per:.3f} ms per {args.words} words)"
            )


if __name__ == "__main__":
    main()
