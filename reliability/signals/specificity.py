"""Specificity: the checkable particulars a report gives (figures, amounts, shares).

A careful report pins its claims to particulars a reader can check: how many, how
much, what share, which year. ``figures`` counts them per 1,000 words of the
article's own lines (page furniture is set aside: a copyright year or a share
counter is not a detail of the story). Each figure is one evidence span:

* a number written in digits, with its separators and an attached currency sign,
  percent sign or scale word: ``$4.5 billion``, ``12%``, ``1,200``, ``10:30``,
  ``2019``, ``the 1990s``, ``March 3rd``;
* a cardinal written out, as AP style asks for small numbers: ``three people``,
  ``twenty-five``, ``two million``. "One" is left out (it is mostly a pronoun:
  "one of them"), and so are vague magnitudes ("thousands of", "millions of"),
  which say that the number is large, not what it is.

Digits inside a name are not figures: ``G7``, ``COVID-19``, ``F-35``, ``MP3``.

Kinds (``Evidence.kind``): ``money`` (a currency sign or word), ``percent`` (a
percent sign or word, percentage points), ``number`` (everything else). The signal's
sign in the default model is bound to ``>= 0``: particulars never count against an
article (docs/model.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping

from ..document import Document
from ..profile import Evidence, Signal
from ._common import evidence, per_words
from .boilerplate import classify_lines

SIGNALS = ("figures",)

_CURRENCY_SIGNS = "$£€¥"
#: What may follow a number and belong to its figure: a scale word ("4.5 billion",
#: "two million"), a percent sign or word, a currency word ("500 euros"); never across a
#: line break, so a figure stays in its line.
_TAIL_RE = re.compile(
    r"(?:[^\S\n](?:hundred|thousand|million|billion|trillion)\b)?"
    r"(?P<pct>[^\S\n]?(?:%|percent\b|per[^\S\n]?cent\b|percentage[^\S\n]+points?\b))?"
    r"(?P<cur>[^\S\n](?:dollars?|euros?|pounds?|yen|yuan|rupees?|francs?|pesos?|USD|EUR|GBP)\b)?"
)
#: A number written in digits. It opens with a currency sign or a digit (one character
#: class first, so the regex engine skips ahead fast). A digit may not follow a letter
#: or another number's separator, nor a hyphen after a letter ("COVID-19", "F-35") or a
#: slash ("24/7" is one figure, and so is "5/12/2019"). A range or score ("2018-19",
#: "3-2"), an ordinal ("3rd"), a decade ("1990s") and an attached scale ("$3bn",
#: "4.5m") are one figure each.
_DIGITS_RE = re.compile(
    r"[$£€¥\d](?<![\w.,/]\d)(?<![^\W\d_]-\d)"
    r"(?:(?<=\d)|[^\S\n]?\d)"
    r"\d*+(?:[.,:\-–]\d++)*+(?:st|nd|rd|th|s|bn|m|k)?+(?!\w)"
)


def _figure(doc: Document, start: int, end: int) -> Evidence:
    """The figure from ``start``: the number ending at ``end`` and the tail after it."""
    text = doc.text
    tail = _TAIL_RE.match(text, end)
    assert tail is not None  # every part of the tail is optional
    if text[start] in _CURRENCY_SIGNS or tail.group("cur"):
        kind = "money"
    elif tail.group("pct"):
        kind = "percent"
    else:
        kind = "number"
    return evidence(doc, start, tail.end(), kind)


def extract(doc: Document) -> Mapping[str, Signal]:
    """``figures``: numbers, amounts and shares per 1,000 words of the article's own lines.

    Examples
    --------
    >>> from reliability.document import Document
    >>> s = extract(Document("Prices rose 12% to $4.5 billion, three analysts said."))["figures"]
    >>> [(e.text, e.kind) for e in s.evidence]
    [('12%', 'percent'), ('$4.5 billion', 'money'), ('three', 'number')]
    """
    text = doc.text
    furniture = [lb.span for lb in classify_lines(doc) if lb.boilerplate]
    starts = doc.word_starts
    own_words = doc.word_count - sum(
        bisect_left(starts, sp.end) - bisect_left(starts, sp.start) for sp in furniture
    )
    numbers = [(m.start(), m.end()) for m in _DIGITS_RE.finditer(text)]
    numbers += [(h.start, h.end) for h in doc.hits["numbers_spelled"]]
    numbers.sort()
    found: list[Evidence] = []
    in_furniture = 0
    line = reach = 0
    for start, end in numbers:
        if start < reach:  # inside the tail of the figure before ("two million euros")
            continue
        while line < len(furniture) and furniture[line].end <= start:
            line += 1
        if line < len(furniture) and furniture[line].start <= start:
            in_furniture += 1
            continue
        fig = _figure(doc, start, end)
        reach = fig.end
        found.append(fig)
    counts = {k: sum(1 for e in found if e.kind == k) for k in ("number", "money", "percent")}
    details = {
        "figures": len(found),
        "figures_money": counts["money"],
        "figures_percent": counts["percent"],
        "figures_in_furniture": in_furniture,
        "words": own_words,
    }
    value = per_words(len(found), own_words) if own_words > 0 else None
    return {"figures": Signal(value, tuple(found), details)}
