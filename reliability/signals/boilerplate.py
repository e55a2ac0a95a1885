"""Boilerplate leakage: page furniture a scraper left in the article text.

Each line (paragraph) is matched once against one combined pattern whose named
groups are the categories (``comment_form``, ``theme_ad``, ``share_prompt``, ...).
A line is boilerplate when the furniture covers most of it, when it is a short
line that matches, or when it matches a category that never occurs in prose
(comment forms, theme adverts, cookie notices) and is not a long paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..document import Document, Span
from ..profile import Evidence, Signal
from ._common import evidence

SIGNALS = ("boilerplate_leakage",)

CATEGORIES = (
    "comment_form",
    "theme_ad",
    "cookie_notice",
    "share_prompt",
    "newsletter",
    "related_links",
    "advertisement",
    "copyright",
    "author_bio",
    "navigation",
    "image_credit",
)

#: Categories that do not occur in article prose: a match flags the line up to this many words.
_STRONG = {"comment_form": 60, "theme_ad": 60, "cookie_notice": 40}
#: A line this short that matches any category is furniture.
_SHORT_WORDS = 6
#: Share of a line's characters the matches must cover to flag a longer line.
_MIN_COVER = 0.5


@dataclass(frozen=True, slots=True)
class LineLabel:
    """The verdict on one line."""

    span: Span
    boilerplate: bool
    category: str | None
    cover: float


def _line_matches(doc: Document) -> list[Counter[str]]:
    """Characters matched per category, for each line."""
    per_line: list[Counter[str]] = [Counter() for _ in doc.lines]
    starts = [s for s, _ in doc.lines]
    for cat in CATEGORIES:
        for h in doc.hits[f"boilerplate_{cat}"]:
            i = bisect_right(starts, h.start) - 1
            if i >= 0 and h.end <= doc.lines[i].end:
                per_line[i][cat] += h.end - h.start
    return per_line


def classify_lines(doc: Document) -> list[LineLabel]:
    """Label every non-blank line of ``doc`` as article or boilerplate."""
    text = doc.text
    labels: list[LineLabel] = []
    for span, cats in zip(doc.lines, _line_matches(doc), strict=True):
        covered = sum(cats.values())
        if not cats:
            labels.append(LineLabel(span, False, None, 0.0))
            continue
        length = span.end - span.start
        cover = covered / length
        category = max(cats, key=lambda c: (cats[c], -CATEGORIES.index(c)))
        words = len(text[span.start : span.end].split())
        strong = max((_STRONG.get(c, 0) for c in cats), default=0)
        flagged = cover >= _MIN_COVER or words <= _SHORT_WORDS or words <= strong
        if flagged and strong and category not in _STRONG:
            category = next(c for c in CATEGORIES if c in cats and c in _STRONG)
        labels.append(LineLabel(span, flagged, category if flagged else None, cover))
    return labels


def removed_spans(doc: Document, labels: Sequence[LineLabel] | None = None) -> tuple[Evidence, ...]:
    """Evidence for every boilerplate line, with its category."""
    labels = classify_lines(doc) if labels is None else labels
    return tuple(
        evidence(doc, lb.span.start, lb.span.end, lb.category or "boilerplate")
        for lb in labels
        if lb.boilerplate
    )


def extract(doc: Document) -> Mapping[str, Signal]:
    """``boilerplate_leakage``: the share of line characters that are furniture."""
    labels = classify_lines(doc)
    found = removed_spans(doc, labels)
    total = sum(lb.span.end - lb.span.start for lb in labels)
    leaked = sum(e.end - e.start for e in found)
    counts = Counter(e.kind for e in found)
    details: dict[str, float | int] = {f"lines_{c}": counts[c] for c in CATEGORIES if counts[c]}
    details["lines"] = len(labels)
    details["lines_boilerplate"] = len(found)
    return {"boilerplate_leakage": Signal(leaked / total if total else 0.0, found, details)}
