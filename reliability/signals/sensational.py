"""Sensational language: hyperbole, urgency and secrecy framing, shouting.

Lexicon terms carry a strength (1 mild to 3 strong). Urgency labels, runs of
exclamation marks and shouted ALL-CAPS phrases are added with fixed strengths.
The title is scored apart and counts ``TITLE_FACTOR`` times, because a headline
is where sensationalism sells.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .. import _lexicon
from ..document import Document
from ..profile import Evidence, Field, Signal
from ._common import evidence, match_evidence, per_words

SIGNALS = ("sensational_language",)

TITLE_FACTOR = 3.0
_URGENCY = re.compile(
    r"(?<!\w)(?:BREAKING(?: NEWS)?|URGENT|JUST IN|ALERT|MUST READ|MUST WATCH)(?!\w)"
)
_EXCLAIM = re.compile(r"!{2,}|[!?]*\?!+[!?]*")
_SHOUT = re.compile(r"(?<!\w)[A-Z]{3,}(?:['’][A-Z]+)?(?:\s+[A-Z]{2,}(?:['’][A-Z]+)?)+(?!\w)")


def _scan(doc: Document, text: str, field: Field) -> list[Evidence]:
    lex = _lexicon.load("sensational")
    if field == "text":
        found = [
            evidence(doc, h.start, h.end, "hyperbole", weight=lex.value(h.entry))
            for h in doc.hits["sensational"]
        ]
    else:  # a title is short: the compiled pattern is quicker than a token index
        found = [
            match_evidence(doc, m, "hyperbole", field=field, weight=lex.value(m.group()))
            for m in lex.pattern.finditer(text)
        ]
    found += [
        match_evidence(doc, m, "urgency", field=field, weight=2.0) for m in _URGENCY.finditer(text)
    ]
    found += [
        match_evidence(doc, m, "exclamation", field=field, weight=1.0)
        for m in _EXCLAIM.finditer(text)
    ]
    found += [
        match_evidence(doc, m, "shouting", field=field, weight=1.0) for m in _SHOUT.finditer(text)
    ]
    found.sort(key=lambda e: (e.start, e.end))
    return found


def extract(doc: Document) -> Mapping[str, Signal]:
    """``sensational_language``: strength-weighted cues per 1,000 words, title counted apart."""
    body = _scan(doc, doc.text, "text")
    title = _scan(doc, doc.title, "title") if doc.title else []
    body_strength = sum(e.weight for e in body)
    title_strength = sum(e.weight for e in title)
    weighted = body_strength + TITLE_FACTOR * title_strength
    details = {
        "body_strength": body_strength,
        "title_strength": title_strength,
        "body_cues": len(body),
        "title_cues": len(title),
    }
    return {
        "sensational_language": Signal(
            per_words(weighted, doc.word_count), tuple(title + body), details
        )
    }
