"""Clickbait title: how much the headline baits instead of informs.

A logistic model over interpretable title features (forward references, listicle
numbers, second person, question hooks, "Exclusive:" prefixes, hyperbole, length
and capitalisation shape). Its weights are data in
``reliability/weights/clickbait.json``. No title, no value: the signal is ``None``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files

from .. import _lexicon
from ..document import Document
from ..profile import Evidence, Signal
from ._common import evidence

SIGNALS = ("clickbait_title",)

#: Each feature: a name, and a pattern whose matches are the evidence (None: shape only).
_CUES: dict[str, re.Pattern[str]] = {
    "forward_reference": re.compile(
        r"(?<!\w)(?:this|these|here(?:'s|’s| is| are)|what happened next|why|the reason)(?!\w)",
        re.IGNORECASE,
    ),
    "listicle_number": re.compile(
        r"^\s*\d+\b|(?<!\w)\d+\s+(?:\w+\s+)?(?:things|ways|reasons|"
        r"times|signs|facts|photos|people|tips|tricks)(?!\w)",
        re.IGNORECASE,
    ),
    "second_person": re.compile(
        r"(?<!\w)(?:you|your|you're|you’re|you'll|you’ll|yourself)(?!\w)", re.IGNORECASE
    ),
    "question_hook": re.compile(
        r"\?\s*$|^(?:can|do|does|did|is|are|will|would|should|could|"
        r"which|who|what|how|why)\b",
        re.IGNORECASE,
    ),
    "label_prefix": re.compile(
        r"^\s*(?:exclusive|breaking|watch|video|must see|revealed|just in)"
        r"\s*[:!\-–—|]",
        re.IGNORECASE,
    ),
}


@cache
def _weights() -> Mapping[str, float]:
    raw = files("reliability").joinpath("weights", "clickbait.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return {str(k): float(v) for k, v in data["weights"].items()} | {
        "intercept": float(data["intercept"])
    }


def features(title: str) -> dict[str, float]:
    """The interpretable features of a title (counts and shares)."""
    words = title.split()
    n = len(words)
    caps = sum(1 for w in words if w[:1].isupper())
    feats = {name: float(len(rx.findall(title))) for name, rx in _CUES.items()}
    feats["hyperbole"] = float(len(_lexicon.load("sensational").pattern.findall(title)))
    feats["words"] = float(n)
    feats["title_case"] = caps / n if n else 0.0
    feats["ends_with_punctuation"] = 1.0 if title.rstrip()[-1:] in {"!", "?"} else 0.0
    return feats


def probability(title: str) -> float:
    """The model's probability that ``title`` is clickbait."""
    w = _weights()
    z = w["intercept"] + sum(w.get(k, 0.0) * v for k, v in features(title).items())
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def extract(doc: Document) -> Mapping[str, Signal]:
    """``clickbait_title`` in [0, 1], or ``None`` without a title."""
    title = doc.title
    if not title or not title.strip():
        return {"clickbait_title": Signal(None)}
    found: list[Evidence] = []
    for name, rx in _CUES.items():
        for m in rx.finditer(title):
            if m.end() > m.start():
                found.append(evidence(doc, m.start(), m.end(), name, field="title"))
    for m in _lexicon.load("sensational").pattern.finditer(title):
        found.append(evidence(doc, m.start(), m.end(), "hyperbole", field="title"))
    found.sort(key=lambda e: (e.start, e.end))
    return {"clickbait_title": Signal(probability(title), tuple(found), features(title))}
