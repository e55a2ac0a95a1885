"""Sensational language: hyperbole, secrecy framing, urgency, shouting.

Seven kinds of cue, each with a strength:

==============  ===========================================  ==================
kind            what                                         strength
==============  ===========================================  ==================
hyperbole       loaded words (``sensational.txt``)           1-3 (per entry)
secrecy         secrecy framing (``secrecy.txt``)            1-3 (per entry)
urgency         BREAKING, URGENT, JUST IN (``urgency.txt``)  1-3 (per entry)
superlative     "best ever", "craziest" (``superlatives``)   1-2 (per entry)
exclamation     "!" (1); a run such as "!!" or "?!" (2)      1 or 2
shouting        a phrase in capitals, not an acronym         1
second_person   "you", "your" addressing the reader          0.5
==============  ===========================================  ==================

Only the writer's own voice counts: cues inside quotation marks belong to the
person quoted and are reported in the details, not counted. A one- or two-word
urgency cue counts only in capitals or as a label ("Breaking: ..."): "breaking
the law" is plain English. A shouted phrase needs a word of four letters or more
with a vowel that is not a known acronym (NATO, COVID), so "EU", "FBI" and
"LGBT" never shout; a phrase already counted as urgency is not counted again.

The title is read apart and counts ``TITLE_FACTOR`` times, because a headline is
where sensationalism sells. The value is ``(body + TITLE_FACTOR * title) * 1000 /
words``; each evidence item's ``weight`` is its share of that numerator (title
items already multiplied), so the value can be checked by hand.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from itertools import accumulate

from .._lexicon import Hit
from ..document import Document
from ..profile import Detail, Evidence, Field, Signal
from ._common import per_words
from ._tone import Voices, is_label, lexicon_weights, shouted_runs, title_view
from .boilerplate import in_furniture

SIGNALS = ("sensational_language",)

#: How many times a cue in the title counts, against one in the body.
TITLE_FACTOR = 3.0
#: Strength of one reader-addressing "you" outside quotes.
SECOND_PERSON = 0.5
#: Strength of a single "!" and of a run of two or more marks holding one.
EXCLAMATION = 1.0
EXCLAMATION_RUN = 2.0
SHOUTING = 1.0

KINDS = (
    "hyperbole",
    "secrecy",
    "urgency",
    "superlative",
    "exclamation",
    "shouting",
    "second_person",
)
_LEXICON_KIND = {
    "sensational": "hyperbole",
    "secrecy": "secrecy",
    "urgency": "urgency",
    "superlatives": "superlative",
}
_EXCLAIM_RE = re.compile(r"\?*+!++[!?]*+")


def _urgent(text: str, hit: Hit) -> bool:
    """Whether an urgency hit is used as one (capitals, a label, or three words)."""
    if hit.last - hit.first >= 3:
        return True
    surface = text[hit.start : hit.end]
    return surface.isupper() or is_label(text, hit.start, hit.end)


def _scan(
    text: str,
    hits: Mapping[str, list[Hit]],
    in_quote: Callable[[int], bool] | None,
    field: Field,
    factor: float,
) -> tuple[list[Evidence], int]:
    """The counted cues of one field, and how many cues sat inside quotes.

    ``in_quote`` is ``None`` when the field has no quotation marks at all.
    """
    cues: list[tuple[int, int, str, float]] = []  # start, end, kind, strength
    urgent_spans: list[tuple[int, int]] = []
    for lexicon, kind in _LEXICON_KIND.items():
        weights = lexicon_weights(lexicon)
        for h in hits[lexicon]:
            strength = weights.get(h.entry, 1.0)
            if strength <= 0:
                continue
            if kind == "urgency":
                if not _urgent(text, h):
                    continue
                urgent_spans.append((h.start, h.end))
            cues.append((h.start, h.end, kind, strength))
    if hits["second_person"]:
        phrases = sorted((c[0], c[1]) for c in cues)
        starts = [ps for ps, _ in phrases]
        reach = list(accumulate((pe for _, pe in phrases), max))  # furthest end so far
        for h in hits["second_person"]:
            # "you" inside a counted phrase ("you won't believe") is not counted twice
            i = bisect_right(starts, h.start) - 1
            if i < 0 or reach[i] <= h.start:
                cues.append((h.start, h.end, "second_person", SECOND_PERSON))
    if "!" in text:
        for m in _EXCLAIM_RE.finditer(text):
            strength = EXCLAMATION_RUN if m.end() - m.start() > 1 else EXCLAMATION
            cues.append((m.start(), m.end(), "exclamation", strength))
    for s, e in shouted_runs(text):
        if not any(us <= s and e <= ue for us, ue in urgent_spans):
            cues.append((s, e, "shouting", SHOUTING))
    cues.sort()
    found: list[Evidence] = []
    quoted = 0
    for s, e, kind, strength in cues:
        if in_quote is not None and in_quote(s):
            quoted += 1  # the person quoted chose these words, not the writer
        else:
            found.append(Evidence(s, e, text[s:e], kind, field, strength * factor))
    return found, quoted


def extract(doc: Document) -> Mapping[str, Signal]:
    """``sensational_language``: strength-weighted cues per 1,000 words, title apart.

    Examples
    --------
    >>> from reliability.document import Document
    >>> doc = Document("A shocking report, officials said.", title="BREAKING: Secret deal")
    >>> s = extract(doc)["sensational_language"]
    >>> [(e.kind, e.text, e.field) for e in s.evidence]  # doctest: +NORMALIZE_WHITESPACE
    [('urgency', 'BREAKING', 'title'), ('secrecy', 'Secret', 'title'),
     ('hyperbole', 'shocking', 'text')]
    """
    voices = Voices(doc)
    body, body_quoted = _scan(
        doc.text, doc.hits, voices.quoted if voices.any else None, "text", 1.0
    )
    inside = in_furniture(doc)
    furniture = 0
    if inside is not None:
        kept = [e for e in body if not inside(e.start)]
        furniture = len(body) - len(kept)
        body = kept
    title: list[Evidence] = []
    title_quoted = 0
    if doc.title:
        tv = title_view(doc.title)
        quotes = tv.doc.in_quote if tv.doc.quotes else None
        title, title_quoted = _scan(doc.title, tv.hits, quotes, "title", TITLE_FACTOR)
    body_strength = math.fsum(e.weight for e in body)
    title_strength = math.fsum(e.weight for e in title) / TITLE_FACTOR
    per_kind = dict.fromkeys(KINDS, 0.0)
    for e in (*title, *body):
        per_kind[e.kind] += e.weight
    details: dict[str, Detail] = dict(per_kind)
    details.update(
        {
            "body_strength": body_strength,
            "title_strength": title_strength,
            "title_factor": TITLE_FACTOR,
            "body_cues": len(body),
            "title_cues": len(title),
            "quoted_cues": body_quoted + title_quoted,
            "furniture_cues": furniture,
        }
    )
    weighted = body_strength + TITLE_FACTOR * title_strength
    return {
        "sensational_language": Signal(
            per_words(weighted, doc.word_count), (*title, *body), details
        )
    }
