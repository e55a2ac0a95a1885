"""Print every signal's distribution over the real articles in ../shared/data/articles.

Usage: python scripts/signal_stats.py [DATA_DIR] [--by source|label]

No labels are needed to read it: it shows per-source means so that surprises
(a signal that never fires on one corpus, or fires everywhere) are visible.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from reliability import SIGNAL_NAMES, score


def read_articles(data: Path) -> Iterator[dict[str, Any]]:
    """Yield {source, label, title, text, outlet} from the three article files."""
    arts = data / "articles"
    with gzip.open(arts / "politifact.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            yield {
                "source": "politifact",
                "label": r["label"],
                "title": r.get("title"),
                "text": r["text"],
                "outlet": r.get("domain"),
            }
    with open(arts / "fakenewscorpus_sample.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            yield {
                "source": "fakenewscorpus",
                "label": r.get("type") or "unknown",
                "title": r.get("title"),
                "text": r["text"],
                "outlet": r.get("domain"),
            }
    with open(arts / "horne2017.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            yield {
                "source": f"horne2017-{r['set']}",
                "label": r["label"],
                "title": r.get("title"),
                "text": r["text"],
                "outlet": None,
            }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="../shared/data", type=Path)
    ap.add_argument("--by", default="source", choices=["source", "label", "both"])
    args = ap.parse_args(argv)
    if not (args.data / "articles").is_dir():
        print(f"no articles under {args.data}", file=sys.stderr)
        return 2
    rows = []
    for art in read_articles(args.data):
        if not (art["text"] or "").strip():
            continue
        p = score(art)
        rows.append(
            {
                "source": art["source"],
                "label": art["label"],
                **{n: p.signals[n].value for n in SIGNAL_NAMES},
                "score": p.score,
            }
        )
    df = pd.DataFrame(rows)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 30)
    keys = ["source", "label"] if args.by == "both" else [args.by]
    cols = [*SIGNAL_NAMES, "score"]
    print(f"{len(df)} articles")
    print(df.groupby(keys)[cols].mean().round(3).T.to_string())
    print("\noverall: mean, std, median, p95")
    summary = df[cols].describe(percentiles=[0.5, 0.95]).T[["mean", "std", "50%", "95%"]]
    print(summary.round(3).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
