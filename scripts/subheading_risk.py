"""How often a subheading that looks like furniture cuts an article short.

Usage: python scripts/subheading_risk.py [DATA_DIR] [--split tune|heldout|all]

Into each leaked article of six lines or more, sets one of ten subheadings that open
with a furniture phrase ("Latest figures", "Share prices tumble", ...) 30% and 60% of
the way down, one at a time, and counts the texts in which the boilerplate family then
removes article lines, and how many. The same count without a subheading is printed
for comparison (a text that loses lines anyway). A stress test with the packaged
weights, not an evaluation: the headings are ours and some land inside lists, where no
real subheading would be.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from eval_boilerplate import Page, load, predict

#: Subheadings an article could have, each opening with a phrase of a furniture lexicon.
HEADINGS = (
    "Share prices tumble",
    "Latest figures",
    "More from the mayor",
    "Email from the mayor",
    "Popular anger",
    "Print edition sales",
    "Tags and labels",
    "Comments from the minister",
    "Related costs",
    "Subscribe or not",
)
#: Where a subheading goes, as a share of the article's lines.
PLACES = (0.3, 0.6)


def lost(lines: Sequence[str], boilerplate: Sequence[bool]) -> int:
    """Article lines the family removes from ``lines``."""
    verdicts = predict(lines)
    return sum(1 for (bp, _), gold in zip(verdicts, boilerplate, strict=True) if bp and not gold)


def stress(pages: Sequence[Page]) -> dict[str, int]:
    """Texts and lines lost, with and without a subheading, over ``pages``."""
    out = {"texts": 0, "texts_losing": 0, "lines_lost": 0, "bare_losing": 0, "bare_lost": 0}
    for page in pages:
        art = [k for k, b in enumerate(page.boilerplate) if not b]
        if len(art) < 6:
            continue
        bare = lost(page.lines, page.boilerplate)
        for place in PLACES:
            at = art[int(len(art) * place)]
            for heading in HEADINGS:
                k = lost(
                    [*page.lines[:at], heading, *page.lines[at:]],
                    [*page.boilerplate[:at], False, *page.boilerplate[at:]],
                )
                out["texts"] += 1
                out["texts_losing"] += k > 0
                out["lines_lost"] += k
                out["bare_losing"] += bare > 0
                out["bare_lost"] += bare
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("data", nargs="?", type=Path, default=Path("../shared/data"))
    ap.add_argument("--split", default="tune", choices=("tune", "heldout", "all"))
    args = ap.parse_args(argv)
    if not (args.data / "boilerplate" / "leaked.jsonl").is_file():
        print(f"no boilerplate data under {args.data}", file=sys.stderr)
        return 2
    r = stress(load(args.data, "leaked", args.split))
    print(
        f"{r['texts']} texts with a subheading: {r['texts_losing']} lose article lines, "
        f"{r['lines_lost']} lines in all; without it, {r['bare_losing']} and {r['bare_lost']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
