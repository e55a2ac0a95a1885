"""The signal families and the one list of signal names.

Each family is a module with a pure ``extract(doc) -> {name: Signal}`` function and
a ``SIGNALS`` tuple naming what it returns. The order here is the order of columns
in every output.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..document import Document
from ..profile import Signal
from . import attribution, boilerplate, clickbait, hedging, readability, sensational, specificity


@dataclass(frozen=True, slots=True)
class Family:
    """A group of signals computed together from one document."""

    name: str
    extract: Callable[[Document], Mapping[str, Signal]]
    signals: tuple[str, ...]


FAMILIES: tuple[Family, ...] = (
    Family("attribution", attribution.extract, attribution.SIGNALS),
    Family("boilerplate", boilerplate.extract, boilerplate.SIGNALS),
    Family("hedging", hedging.extract, hedging.SIGNALS),
    Family("sensational", sensational.extract, sensational.SIGNALS),
    Family("clickbait", clickbait.extract, clickbait.SIGNALS),
    Family("readability", readability.extract, readability.SIGNALS),
    Family("specificity", specificity.extract, specificity.SIGNALS),
)

#: Every signal name, in output order. Stable identifiers: see docs/signals.md.
SIGNAL_NAMES: tuple[str, ...] = tuple(name for fam in FAMILIES for name in fam.signals)

#: One line per signal: what it measures and in which unit.
DESCRIPTIONS: Mapping[str, str] = {
    "named_attribution": "attributions to a named person or organisation, per 1,000 words",
    "anonymous_attribution": "attributions to unnamed sources (explained or not), per 1,000 words",
    "anonymous_explained": "unnamed sources with a stated reason for anonymity, per 1,000 words",
    "anonymous_bare": "unnamed sources with no reason given, per 1,000 words",
    "vague_attribution": "unspecified groups or agentless claims ('critics argue') per 1,000 words",
    "anonymous_share": "share of attributions that are anonymous or vague (None: no attributions)",
    "unattributed_quotes": "share of direct quotes with no attributed speaker (None: no quotes)",
    "boilerplate_leakage": "share of line characters that are page furniture left by a scraper",
    "hedging": "hedges in the reporter's own voice, per 100 words",
    "sensational_language": "strength-weighted sensational cues per 1,000 words (title counts 3x)",
    "clickbait_title": "probability that the title is clickbait (None: no title)",
    "title_length": "words in the title (None: no title)",
    "readability": "Flesch reading ease of the article's own lines (higher is easier)",
    "article_length": "log10 of the words in the article's own lines (2 = 100, 3 = 1,000)",
    "figures": "numbers, amounts and percentages per 1,000 words of the article's own lines",
}


def extract_all(doc: Document) -> dict[str, Signal]:
    """Every signal for ``doc``, in :data:`SIGNAL_NAMES` order."""
    out: dict[str, Signal] = {}
    for fam in FAMILIES:
        found = fam.extract(doc)
        for name in fam.signals:
            out[name] = found[name]
    return out


__all__ = ["DESCRIPTIONS", "FAMILIES", "SIGNAL_NAMES", "Family", "extract_all"]
