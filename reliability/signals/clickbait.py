"""Clickbait title: how much a headline baits instead of informs.

A logistic model over interpretable title features, evaluated in pure Python
from readable JSON (``reliability/weights/clickbait.json``)::

    logit = intercept + sum(weight[f] * value[f] for each named feature f)
                      + sum(weight[t] for each vocabulary term t in the title)
    clickbait_title = 1 / (1 + exp(-logit))

Named features (see :data:`FEATURES`) are the cues the clickbait literature
describes: forward references ("This is why", "Here's what"), listicle numbers,
second- and first-person address, question openings, hyperbole and
superlatives, label prefixes ("BREAKING:"), shouting, length. The vocabulary is
a bounded list of lower-cased words and word pairs (numbers read as ``<num>``)
with one weight each. Weights are fitted by ``scripts/fit_clickbait.py``; a few
features the training data cannot estimate carry hand-set priors, marked as such
in the JSON. Capitalisation of small words ("Is The Star Of") is deliberately
not a feature: in the training data it identifies the publishing site, not the
bait.

No title, no value: the signal is ``None``, never 0.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import NamedTuple

from ..document import Document
from ..profile import Detail, Evidence, Signal
from ._common import evidence
from ._tone import TitleView, is_label, shouted_runs, title_view, weight_of

SIGNALS = ("clickbait_title", "title_length")
FORMAT = "reliability.clickbait/2"

#: The named features, in the order of the weights file.
FEATURES: tuple[str, ...] = (
    "listicle_number",
    "forward_reference",
    "second_person",
    "first_person",
    "question_opening",
    "yes_no_opening",
    "hyperbole",
    "superlative",
    "exclamation",
    "shouting",
    "label_prefix",
    "question_mark",
    "words",
    "mean_word_length",
)
#: Longer titles count as this many words: 99.9% of the training headlines have fewer,
#: and a linear weight should not be stretched past the data it was fitted on.
WORDS_CAP = 20
#: Read as a number in the vocabulary, and as a listicle number first in a title.
NUM = "<num>"
_NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred""".split()
)
_SECOND = frozenset("you your yours yourself yourselves you're you'll you've you'd ya".split())
_FIRST = frozenset(
    """i i'm i've i'd i'll me my mine myself we we're we've we'll we'd us our ours
    ourselves""".split()
)
_DEMONSTRATIVES = frozenset(["this", "these"])
#: "This week", "these days": a demonstrative of time points at the calendar, not ahead.
_TIME_WORDS = frozenset(
    """week weekend year month morning afternoon evening night season summer winter spring
    autumn fall time decade century term quarter days weeks months years monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
_WH = frozenset("how why what what's which who who's whom whose when where".split())
_AUX = frozenset(
    """can could do does did is are was were will would should shall have has had am
    isn't aren't don't doesn't didn't won't can't wouldn't shouldn't""".split()
)
#: Words that make a label prefix ("BREAKING:", "Exclusive -", "WATCH:"). Labels of
#: ordinary news formats ("Video:", "Photos:", "Update:", "Analysis:") are not bait.
_LABELS = frozenset("breaking urgent exclusive watch revealed shocking alert".split())
#: What may separate the two words of a vocabulary pair.
_PAIR_GAPS = frozenset([" ", ", ", ","])
#: Closed-class words. Alone they mark the register a headline is written in (the
#: news half of the training data writes headlinese, without articles or auxiliaries),
#: not bait, so they never enter the vocabulary alone; in word pairs they may.
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet for of in on at to from by with about into onto over
    under after before as than that which who whom whose what when where why how is are
    was were be been being am do does did done have has had will would shall should can
    could may might must it its it's this these those there here they them their he him
    his she her not no if""".split()
)
#: Unigrams never in the vocabulary: function words, and words a named feature counts.
RESERVED = FUNCTION_WORDS | _SECOND | _FIRST | _DEMONSTRATIVES | frozenset(["here's"])


class Cue(NamedTuple):
    """One place in the title behind a feature or a vocabulary term."""

    name: str  # feature name, or the vocabulary term
    start: int
    end: int
    amount: float = 1.0  # what this cue adds to its feature's value


@dataclass(frozen=True, slots=True)
class TitleFeatures:
    """What the model reads in a title: named feature values, their cues, and terms."""

    values: Mapping[str, float]
    cues: tuple[Cue, ...]
    terms: tuple[Cue, ...]  # every unigram and bigram, vocabulary or not
    formulas: int = 0  # news formulas whose words were not read as bait


@dataclass(frozen=True, slots=True)
class ClickbaitModel:
    """The weights: an intercept, one weight per named feature and per vocabulary term."""

    intercept: float
    features: Mapping[str, float]
    vocabulary: Mapping[str, float]

    def logit(self, feats: TitleFeatures) -> float:
        """The model's log-odds for a title's features."""
        z = self.intercept
        for name, value in feats.values.items():
            z += self.features.get(name, 0.0) * value
        seen: set[str] = set()
        for t in feats.terms:
            if t.name not in seen:
                seen.add(t.name)
                z += self.vocabulary.get(t.name, 0.0)
        return z

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ClickbaitModel:
        """Read the JSON form written by ``scripts/fit_clickbait.py``."""
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} weights file: {data.get('format')!r}")
        feats = data["features"]
        vocab = data["vocabulary"]
        if not isinstance(feats, Mapping) or not isinstance(vocab, Mapping):
            raise ValueError("features and vocabulary must be objects")
        unknown = set(feats) - set(FEATURES)
        if unknown:
            raise ValueError(f"unknown features: {sorted(unknown)}")
        intercept = data["intercept"]
        if not isinstance(intercept, int | float):
            raise ValueError("intercept must be a number")
        return cls(
            float(intercept),
            MappingProxyType({str(k): float(v["weight"]) for k, v in feats.items()}),
            MappingProxyType({str(k): float(v) for k, v in vocab.items()}),
        )


@cache
def model() -> ClickbaitModel:
    """The shipped weights (read once per process)."""
    raw = files("reliability").joinpath("weights", "clickbait.json").read_text(encoding="utf-8")
    return ClickbaitModel.from_dict(json.loads(raw))


def _vocab_token(token: str) -> str:
    return NUM if token[0].isdigit() or token in _NUMBER_WORDS else token


def analyse(title: str, view: TitleView | None = None) -> TitleFeatures:
    """The features of one title, with the character span behind each.

    Examples
    --------
    >>> f = analyse("17 Things You Need To Know About Cats")
    >>> f.values["listicle_number"], f.values["second_person"]
    (1.0, 1.0)
    >>> sorted({t.name for t in f.terms})[:3]
    ['<num>', '<num> things', 'about cats']
    """
    tv = view if view is not None else title_view(title)
    doc = tv.doc
    words, tokens = doc.words, doc.tokens
    n = len(tokens)
    cues: list[Cue] = []

    def cue(name: str, i: int, j: int | None = None, amount: float = 1.0) -> None:
        cues.append(Cue(name, words[i][0], words[(i if j is None else j) - 1][1], amount))

    # words inside a news formula ("what you need to know") are not read as bait
    neutral: set[int] = set()
    for h in tv.hits["news_formulas"]:
        neutral.update(range(h.first, h.last))
    in_quote = doc.in_quote if doc.quotes else None
    for i, tok in enumerate(tokens):
        if i in neutral or (in_quote is not None and in_quote(words[i][0])):
            continue  # a quoted speaker's "I" or "you" does not address the reader
        if tok in _SECOND:
            cue("second_person", i, i + 1)
        elif tok in _FIRST and not (tok == "us" and title[words[i][0] : words[i][1]] == "US"):
            cue("first_person", i, i + 1)
        elif tok in _DEMONSTRATIVES:
            if i + 1 >= n or tokens[i + 1] not in _TIME_WORDS:
                cue("forward_reference", i, i + 1)
        elif tok == "here's" or (
            tok == "here" and i + 1 < n and tokens[i + 1] in ("is", "are", "comes", "how", "why")
        ):
            cue("forward_reference", i, i + 1)
        elif tok == "why" and i > 0 and tokens[i - 1] in ("is", "reason", "reasons", "that's"):
            cue("forward_reference", i - 1, i + 1)
        elif (
            tok == "what"
            and i + 2 < n
            and tokens[i + 1] in ("happened", "happens")
            and tokens[i + 2] in ("next", "when", "after", "if")
        ):
            cue("forward_reference", i, i + 3)
    if n:
        first = tokens[0]
        if _vocab_token(first) == NUM or (
            first in ("the", "top") and n > 1 and (_vocab_token(tokens[1]) == NUM)
        ):
            cue("listicle_number", 0, 2 if _vocab_token(first) != NUM else 1)
        elif first in _WH and 0 not in neutral:
            cue("question_opening", 0, 1)
        elif first in _AUX and 0 not in neutral:
            cue("yes_no_opening", 0, 1)
        if first in _LABELS and is_label(title, words[0][0], words[0][1]):
            cue("label_prefix", 0, 1)
        elif (
            n > 1
            and f"{first} {tokens[1]}" in ("breaking news", "just in", "must see", "must watch")
            and is_label(title, words[0][0], words[1][1])
        ):
            cue("label_prefix", 0, 2)
    for lexicon, feature in (
        ("sensational", "hyperbole"),
        ("secrecy", "hyperbole"),
        ("superlatives", "superlative"),
    ):
        for h in tv.hits[lexicon]:
            strength = weight_of(lexicon, h.entry)
            if strength > 0:
                cues.append(Cue(feature, h.start, h.end, strength))
    for s, e in shouted_runs(title):
        cues.append(Cue("shouting", s, e))
    stripped = title.rstrip()
    if stripped.endswith("?"):
        cues.append(Cue("question_mark", len(stripped) - 1, len(stripped)))
    bang = title.find("!")
    if bang >= 0:
        cues.append(Cue("exclamation", bang, bang + 1))

    values = dict.fromkeys(FEATURES, 0.0)
    for c in cues:
        values[c.name] += c.amount
    values["words"] = float(min(n, WORDS_CAP))
    values["mean_word_length"] = sum(e - s for s, e in words) / n if n else 0.0

    terms: list[Cue] = []
    vt = [_vocab_token(t) for t in tokens]
    for i, t in enumerate(vt):
        if i in neutral:
            continue
        s, e = words[i]
        if t not in RESERVED:
            terms.append(Cue(t, s, e))
        if i + 1 < n and i + 1 not in neutral:
            s2, e2 = words[i + 1]
            if e == s2 or title[e:s2] in _PAIR_GAPS:
                terms.append(Cue(f"{t} {vt[i + 1]}", s, e2))
    cues.sort(key=lambda c: (c.start, c.end))
    return TitleFeatures(
        MappingProxyType(values), tuple(cues), tuple(terms), len(tv.hits["news_formulas"])
    )


def probability(title: str, weights: ClickbaitModel | None = None) -> float:
    """The model's probability that ``title`` is clickbait.

    Examples
    --------
    >>> probability("You Won't Believe What This Dog Did Next") > 0.9
    True
    >>> probability("Parliament approves budget after late-night vote") < 0.1
    True
    """
    m = weights if weights is not None else model()
    return _sigmoid(m.logit(analyse(title)))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def extract(doc: Document) -> Mapping[str, Signal]:
    """``clickbait_title`` in [0, 1] and ``title_length`` in words, or ``None`` for both
    without a title.

    ``title_length`` stands apart from the clickbait model (which was fitted on
    headlines alone): a headline that packs a whole story into one line is a cue of
    its own (Horne and Adali 2017: fake news titles are longer and say more).
    """
    title = doc.title
    if not title or not title.strip():
        return {"clickbait_title": Signal(None), "title_length": Signal(None)}
    words = title_view(title).doc.word_count
    length = Signal(float(words) if words else None, (), {"words": words})
    m = model()
    feats = analyse(title)
    z = m.logit(feats)
    # Evidence is what pushes towards bait; words that read as news (negative weights)
    # still count in the logit, and their sum is a detail.
    found: list[Evidence] = []
    news_like = 0.0
    for c in feats.cues:
        w = m.features.get(c.name, 0.0) * c.amount
        if w > 0:
            found.append(evidence(doc, c.start, c.end, c.name, field="title", weight=w))
        else:
            news_like += w
    seen: set[str] = set()
    for t in feats.terms:
        w = m.vocabulary.get(t.name, 0.0)
        if t.name in seen:
            continue
        seen.add(t.name)
        if w > 0:
            found.append(evidence(doc, t.start, t.end, "term", field="title", weight=w))
        else:
            news_like += w
    found.sort(key=lambda e: (e.start, e.end))
    details: dict[str, Detail] = dict(feats.values)
    details["news_formulas"] = feats.formulas
    details["logit"] = z
    details["vocabulary_logit"] = math.fsum(
        [e.weight for e in found if e.kind == "term"]
        + [m.vocabulary.get(t, 0.0) for t in seen if m.vocabulary.get(t, 0.0) <= 0]
    )
    # cues and words that read as news: in the logit, not shown as evidence of bait
    details["news_logit"] = news_like
    return {"clickbait_title": Signal(_sigmoid(z), tuple(found), details), "title_length": length}
