"""Hedging and boosting: how sure the writer sounds.

Hedges ("may", "reportedly", "it is unclear") are counted in the reporter's own
voice, outside quotation marks; hedges inside quotes belong to the source and are
reported apart. "May" the month is not a hedge. Boosters ("clearly", "proves")
are counted apart, and a negated booster ("not clearly") is not one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..document import Document
from ..profile import Evidence, Signal
from ._common import evidence, per_words

SIGNALS = ("hedging",)

#: "May" as a month: capitalised and next to a day number or year, or after "in"/"of"/"since".
_MONTH_AFTER = re.compile(r"(?<![\s,])(?:\s++\d{1,4}\b|,\s*+\d{4}\b)")
_MONTH_BEFORE = re.compile(
    r"(?:\b(?:in|of|since|until|by|early|late|mid|last|next|this)|\d{1,2})\s+$", re.IGNORECASE
)
_NEGATION = re.compile(r"\b(?:not|n't|never|hardly|no)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _is_month(text: str, start: int, end: int) -> bool:
    if text[start:end] != "May":
        return False
    return bool(
        _MONTH_AFTER.match(text, end) or _MONTH_BEFORE.search(text, max(0, start - 12), start)
    )


def extract(doc: Document) -> Mapping[str, Signal]:
    """``hedging``: hedges per 100 words in the reporter's own voice."""
    text = doc.text
    own: list[Evidence] = []
    quoted = 0
    for h in doc.hits["hedges"]:
        if _is_month(text, h.start, h.end):
            continue
        if doc.in_quote(h.start):
            quoted += 1
        else:
            own.append(evidence(doc, h.start, h.end, "hedge"))
    boosters = 0
    for h in doc.hits["boosters"]:
        if _NEGATION.search(text, max(0, h.start - 20), h.start):
            continue
        boosters += 1
    words = doc.word_count
    details = {
        "hedges_own": len(own),
        "hedges_quoted": quoted,
        "quoted_per_100_words": per_words(quoted, words, 100),
        "boosters": boosters,
        "boosters_per_100_words": per_words(boosters, words, 100),
    }
    return {"hedging": Signal(per_words(len(own), words, 100), tuple(own), details)}
