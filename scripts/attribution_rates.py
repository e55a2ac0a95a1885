"""Per-source attribution rates over the real articles in ../shared/data/articles.

Usage: python scripts/attribution_rates.py [DATA_DIR] [--by source|label|both] [--examples N]

No labels are needed to read it: it prints, per corpus (and label), the mean rate
of each kind of attribution per 1,000 words, the share of articles with at least
one, the anonymous-or-vague share, and the share of direct quotes without a
speaker, so that surprises are visible. ``--examples`` prints a few evidence
spans of each kind per corpus (spans only, for reading; never copy them into the
repository).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

import pandas as pd
from signal_stats import read_articles

from reliability.article import to_article
from reliability.document import Document
from reliability.signals import attribution

KINDS = (
    attribution.NAMED,
    attribution.EXPLAINED,
    attribution.BARE,
    attribution.VAGUE,
)


def article_row(art: dict[str, Any]) -> tuple[dict[str, Any], attribution.Analysis, str]:
    """One article's counts and rates, its analysis and its text."""
    a = to_article({"title": art["title"], "text": art["text"]})
    doc = Document(a.text, a.title)
    found = attribution.analyse(doc)
    words = doc.word_count
    counts = {k: len(found.of_kind(k)) for k in KINDS}
    total = sum(counts.values())
    quotes = len(found.quotes)
    unattributed = sum(1 for q in found.quotes if not q.attributed)
    row: dict[str, Any] = {
        "source": art["source"],
        "label": art["label"],
        "words": words,
        **{f"{k}_per_1k": counts[k] * 1000 / words if words else 0.0 for k in KINDS},
        **{f"has_{k}": counts[k] > 0 for k in KINDS},
        "anonymous_share": (
            (counts[attribution.EXPLAINED] + counts[attribution.BARE] + counts[attribution.VAGUE])
            / total
            if total
            else None
        ),
        "quotes_per_1k": quotes * 1000 / words if words else 0.0,
        "unattributed_quotes": unattributed / quotes if quotes else None,
    }
    return row, found, doc.text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="../shared/data", type=Path)
    ap.add_argument("--by", default="source", choices=["source", "label", "both"])
    ap.add_argument("--examples", type=int, default=0, help="evidence spans per kind and corpus")
    args = ap.parse_args(argv)
    if not (args.data / "articles").is_dir():
        print(f"no articles under {args.data}", file=sys.stderr)
        return 2
    rows = []
    examples: dict[tuple[str, str], list[str]] = {}
    for art in read_articles(args.data):
        if not (art["text"] or "").strip():
            continue
        row, found, text = article_row(art)
        rows.append(row)
        for a in found.attributions:
            if a.kind in KINDS:
                span = " ".join(text[a.start : a.end].split())
                examples.setdefault((art["source"], a.kind), []).append(span)
    df = pd.DataFrame(rows)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 30)
    keys = ["source", "label"] if args.by == "both" else [args.by]
    rates = [f"{k}_per_1k" for k in KINDS] + ["quotes_per_1k"]
    shares = ["anonymous_share", "unattributed_quotes"]
    print(f"{len(df)} articles, {int(df['words'].sum()):,} words")
    grouped = df.groupby(keys)
    print("\nmean per 1,000 words")
    print(grouped[rates].mean().round(2).to_string())
    print("\nshare of articles with at least one")
    print(grouped[[f"has_{k}" for k in KINDS]].mean().round(2).to_string())
    print("\nanonymous-or-vague share of attributions; share of quotes without a speaker (means)")
    print(grouped[shares].mean().round(3).join(grouped.size().rename("articles")).to_string())
    if args.examples:
        rng = random.Random(0)
        for (source, kind), spans in sorted(examples.items()):
            pick = rng.sample(spans, min(args.examples, len(spans)))
            print(f"\n{source} / {kind} ({len(spans)}):")
            for s in pick:
                print(f"  {s[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
