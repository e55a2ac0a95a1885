"""Evaluate the boilerplate line classifier on the labelled pages in ../shared/data/boilerplate.

Usage: python scripts/eval_boilerplate.py [DATA_DIR] [--split heldout|tune|all] [--json]

Prints, per variant (``leaked``: an article with its leaked head and tail;
``pages``: whole naive page dumps), boilerplate-line precision and recall and the
share of article lines wrongly removed, then the snippet check (trafilatura's
must-remove snippets flagged, must-keep snippets kept).

The split is fixed: a page belongs to the held-out half when the SHA-1 of its
site (the URL host without ``www.``, cut to its registrable part) is even, so one
site never lands in both halves. Weights are fitted on the ``tune`` half only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reliability.document import Document
from reliability.signals.boilerplate import classify_lines

VARIANTS = ("leaked", "pages")
#: Second-level labels under which sites register names ("bbc.co.uk", "globo.com.br").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"})


def site(url: str) -> str:
    """The registrable part of a URL's host: ``https://www.bbc.co.uk/x`` -> ``bbc.co.uk``."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def split_of(url: str) -> str:
    """``"heldout"`` or ``"tune"``: a fixed function of the page's site."""
    digest = hashlib.sha1(site(url).encode("utf-8")).hexdigest()
    return "tune" if int(digest, 16) % 2 else "heldout"


@dataclass(frozen=True, slots=True)
class Page:
    """One labelled page: its lines and whether each is boilerplate."""

    id: str
    url: str
    lines: tuple[str, ...]
    boilerplate: tuple[bool, ...]


def load(data: Path, variant: str, split: str = "all") -> list[Page]:
    """The pages of one variant (``leaked`` or ``pages``), optionally one half."""
    out: list[Page] = []
    with open(data / "boilerplate" / f"{variant}.jsonl", encoding="utf-8") as fh:
        for raw in fh:
            r = json.loads(raw)
            if split != "all" and split_of(r["url"]) != split:
                continue
            lines = tuple(" ".join(ln["text"].split()) for ln in r["lines"])
            labels = tuple(ln["label"] == "boilerplate" for ln in r["lines"])
            keep = [k for k, t in enumerate(lines) if t]
            out.append(
                Page(
                    r["id"],
                    r["url"],
                    tuple(lines[k] for k in keep),
                    tuple(labels[k] for k in keep),
                )
            )
    return out


def predict(lines: Sequence[str]) -> list[tuple[bool, str | None]]:
    """The classifier's verdict and category for each line of a page."""
    doc = Document("\n".join(lines))
    labels = classify_lines(doc)
    if len(labels) != len(lines):
        raise ValueError(f"{len(lines)} lines became {len(labels)} document lines")
    return [(lb.boilerplate, lb.category) for lb in labels]


@dataclass(frozen=True, slots=True)
class Scores:
    """Line counts and the rates the issue asks for."""

    pages: int
    lines: int
    boilerplate: int
    flagged: int
    true_flags: int
    article_removed: int

    @property
    def precision(self) -> float:
        return self.true_flags / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.true_flags / self.boilerplate if self.boilerplate else 1.0

    @property
    def article_removed_share(self) -> float:
        article = self.lines - self.boilerplate
        return self.article_removed / article if article else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "pages": self.pages,
            "lines": self.lines,
            "boilerplate_lines": self.boilerplate,
            "precision": self.precision,
            "recall": self.recall,
            "article_removed_share": self.article_removed_share,
            "article_lines_removed": self.article_removed,
        }


def evaluate(pages: Sequence[Page]) -> tuple[Scores, Counter[str]]:
    """Line-level scores over ``pages`` and the categories of the removed lines."""
    lines = boiler = flagged = true = removed = 0
    cats: Counter[str] = Counter()
    for page in pages:
        for truth, (flag, cat) in zip(page.boilerplate, predict(page.lines), strict=True):
            lines += 1
            boiler += truth
            if flag:
                flagged += 1
                cats[cat or "other"] += 1
                if truth:
                    true += 1
                else:
                    removed += 1
    return Scores(len(pages), lines, boiler, flagged, true, removed), cats


def snippets(data: Path, split: str = "all") -> dict[str, float | int]:
    """Trafilatura's snippets, each judged on its own by the line model.

    The snippets are fragments without their page, so there is no context to
    run the span model on (and clean() never empties a one-line text). This
    checks the furniture lexicons and the line model: a must-remove snippet is
    found when the line model gives it a probability of furniture of 0.5 or
    more, a must-keep snippet is kept when it gives less. The split applies to
    the snippet pages' sites too.
    """
    keep_total = keep_ok = remove_total = remove_found = 0
    with open(data / "boilerplate" / "snippets.jsonl", encoding="utf-8") as fh:
        for raw in fh:
            r = json.loads(raw)
            if split != "all" and split_of(r["page"]) != split:
                continue
            for s in r.get("must_keep", []):
                if s.strip():
                    keep_total += 1
                    keep_ok += _line_furniture(s) < 0.5
            for s in r.get("must_remove", []):
                if s.strip():
                    remove_total += 1
                    remove_found += _line_furniture(s) >= 0.5
    return {
        "must_keep": keep_total,
        "must_keep_kept": keep_ok / keep_total if keep_total else 1.0,
        "must_remove": remove_total,
        "must_remove_found": remove_found / remove_total if remove_total else 0.0,
    }


def _line_furniture(fragment: str) -> float:
    """The line model's probability that a fragment, as a line of its own, is furniture."""
    labels = classify_lines(Document(" ".join(fragment.split())))
    return labels[0].score


def report(data: Path, split: str) -> dict[str, Any]:
    """Every number this script prints, as one JSON-ready mapping."""
    out: dict[str, Any] = {"split": split}
    for variant in VARIANTS:
        scores, cats = evaluate(load(data, variant, split))
        out[variant] = scores.to_dict() | {"categories": dict(cats.most_common())}
    out["snippets"] = snippets(data, split)
    return out


def _lines(result: dict[str, Any]) -> Iterator[str]:
    yield f"split: {result['split']}"
    for variant in VARIANTS:
        r = result[variant]
        yield (
            f"{variant:7s} pages {r['pages']:4d}  lines {r['lines']:6d}  "
            f"boilerplate precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
            f"article lines removed {r['article_removed_share']:.2%} "
            f"({r['article_lines_removed']})"
        )
        yield "        removed by category: " + ", ".join(
            f"{c} {k}" for c, k in r["categories"].items()
        )
    s = result["snippets"]
    yield (
        f"snippets (line model alone) must_remove found {s['must_remove_found']:.3f} "
        f"(of {s['must_remove']})  must_keep kept {s['must_keep_kept']:.3f} (of {s['must_keep']})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("data", nargs="?", type=Path, default=Path("../shared/data"))
    ap.add_argument("--split", choices=("heldout", "tune", "all"), default="heldout")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = ap.parse_args(argv)
    if not (args.data / "boilerplate").is_dir():
        print(f"no boilerplate data under {args.data}", file=sys.stderr)
        return 2
    result = report(args.data, args.split)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for line in _lines(result):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
