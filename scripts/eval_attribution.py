"""Precision and recall of the attribution family on our golden set.

Usage: python scripts/eval_attribution.py [GOLDEN] [--errors]

The golden set (tests/golden/attribution.jsonl) holds sentences and short passages
we wrote, one per row: ``expect`` lists what must be found (a kind and a piece of
the text the evidence must overlap), ``not`` what must not be found ("any" means
any attribution kind). A found item matches an expected one of the same kind whose
text it overlaps; each expected item is matched at most once. Kinds: named,
anonymous_explained, anonymous_bare, vague, quote_attributed, quote_unattributed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reliability.document import Document
from reliability.signals.attribution import BARE, EXPLAINED, NAMED, VAGUE, analyse

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden" / "attribution.jsonl"
KINDS = (NAMED, EXPLAINED, BARE, VAGUE, "quote_attributed", "quote_unattributed")
ATTRIBUTION_KINDS = frozenset({NAMED, EXPLAINED, BARE, VAGUE})


@dataclass(frozen=True, slots=True)
class Item:
    """One found or expected item: a kind and a character span."""

    kind: str
    start: int
    end: int


@dataclass(slots=True)
class Tally:
    """True positives, false positives and false negatives of one kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(slots=True)
class Report:
    """The evaluation of the whole golden set."""

    rows: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    violations: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_golden(path: Path = GOLDEN) -> Iterator[dict[str, Any]]:
    """The golden rows, in file order."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def found_items(text: str) -> list[Item]:
    """What the attribution family finds in ``text``."""
    result = analyse(Document(text))
    items = [
        Item(a.kind, a.start, a.end) for a in result.attributions if a.kind in ATTRIBUTION_KINDS
    ]
    items += [
        Item("quote_attributed" if q.attributed else "quote_unattributed", q.start, q.end)
        for q in result.quotes
    ]
    return items


def _locate(text: str, anchor: str, row_id: str) -> Item:
    at = text.find(anchor)
    if at < 0:
        raise ValueError(f"{row_id}: {anchor!r} is not in the text")
    return Item("", at, at + len(anchor))


def _overlap(a: Item, b: Item) -> bool:
    return a.start < b.end and b.start < a.end


def evaluate(rows: Sequence[dict[str, Any]]) -> Report:
    """Match found items to expected ones, row by row."""
    report = Report(rows=len(rows))
    for row in rows:
        text = row["text"]
        found = found_items(text)
        expected = [
            Item(e["kind"], *_span(_locate(text, e["text"], row["id"]))) for e in row["expect"]
        ]
        used: set[int] = set()
        for exp in expected:
            match = next(
                (
                    i
                    for i, f in enumerate(found)
                    if i not in used and f.kind == exp.kind and _overlap(f, exp)
                ),
                None,
            )
            if match is None:
                report.tallies[exp.kind].fn += 1
                report.errors.append(
                    f"{row['id']}: missed {exp.kind} {text[exp.start : exp.end]!r}"
                )
            else:
                used.add(match)
                report.tallies[exp.kind].tp += 1
        for i, f in enumerate(found):
            if i not in used:
                report.tallies[f.kind].fp += 1
                report.errors.append(f"{row['id']}: extra {f.kind} {text[f.start : f.end]!r}")
        for neg in row.get("not", ()):
            bad = _locate(text, neg["text"], row["id"])
            for f in found:
                wanted = ATTRIBUTION_KINDS if neg["kind"] == "any" else {neg["kind"]}
                if f.kind in wanted and _overlap(f, bad):
                    report.violations.append(
                        f"{row['id']}: {f.kind} {text[f.start : f.end]!r} covers {neg['text']!r}"
                    )
    return report


def _span(item: Item) -> tuple[int, int]:
    return item.start, item.end


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("golden", nargs="?", default=GOLDEN, type=Path)
    ap.add_argument("--errors", action="store_true", help="list every miss and extra")
    args = ap.parse_args(argv)
    report = evaluate(list(read_golden(args.golden)))
    print(f"{report.rows} golden rows")
    print(f"{'kind':<22}{'expected':>9}{'found':>7}{'tp':>5}{'precision':>11}{'recall':>8}")
    for kind, t in report.tallies.items():
        print(
            f"{kind:<22}{t.tp + t.fn:>9}{t.tp + t.fp:>7}{t.tp:>5}"
            f"{t.precision:>11.3f}{t.recall:>8.3f}"
        )
    print(f"must-not violations: {len(report.violations)}")
    for v in report.violations:
        print("  " + v)
    if args.errors:
        for e in report.errors:
            print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
