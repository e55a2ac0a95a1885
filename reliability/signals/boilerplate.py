"""Boilerplate leakage: page furniture a scraper left in the article text.

A line (paragraph) classifier for plain text, in transparent steps, all linear
in the length of the text:

1. **Line model.** Each line on its own gets the log-odds that it is furniture,
   from a logistic regression over readable features (length, share of function
   words, punctuation and capitalisation shape, digits and separators, dates,
   furniture lexicon hits per category, repeats on the page), a dozen of which
   also get a weight per range of their values: a scorecard.
2. **Core.** The first sure run of prose that weighs at least 0.7 of the
   heaviest: the article comes before the page's teasers and comments.
3. **Span.** The article is one run of lines around the core. Walking away from
   it, the head and tail models score each line from its neighbourhood (the line
   model's verdicts around it, walls of furniture phrases crossed, runs of
   non-prose lines, the vocabulary it shares with the core); the span ends where
   the running sum of their verdicts peaks. Every line outside the span (the
   leaked head and tail) is furniture.
4. **Guards** keep real text at the span's edges (an article cut by an embedded
   post, a dateline, a lone title, a short last paragraph, a list the article ends
   with, a wordless rule such as "___" at its edge), and the **insert model**
   removes furniture inside the span (an "Advertisement" label between paragraphs)
   when it is sure.

All weights are data in ``reliability/weights/boilerplate.json``, fitted by
``scripts/fit_boilerplate.py`` and evaluated here in pure Python.

A removed line's category comes from the furniture lexicons (``comment_form``,
``theme_ad``, ...): a run of removed lines takes the category of its first line
with furniture phrases ("Related articles" over a list of headlines), and a later
line switches it only where it is furniture on its own account or its own
phrases cover a quarter of it; a run without
any takes ``byline`` (a date or "By ..."), ``navigation`` (a short line) or
``other``.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from operator import mul
from pathlib import Path
from typing import Any, overload

from ..document import Document, Span
from ..profile import Evidence, Signal
from ._boilerplate_features import (
    BINNED_FEATURES,
    DENSE_FEATURES,
    INSERT_FEATURES,
    LEXICON_CATEGORIES,
    LINE_FEATURES,
    SPAN_BASE,
    SPAN_FEATURES,
    LineInfo,
    Shape,
    SpanRows,
    byline_shaped,
    core_span,
    extend,
    insert_rows,
    is_dump,
    line_category,
    line_info,
    line_model_names,
    settled,
    shape,
)
from ._common import evidence

SIGNALS = ("boilerplate_leakage",)

#: Every category a removed line can carry: the lexicon categories, then ``other``.
CATEGORIES = (*LEXICON_CATEGORIES, "other")


@dataclass(frozen=True, slots=True)
class LineLabel:
    """The verdict on one line.

    ``score`` is the line model's probability that the line, on its own, is
    furniture; ``in_span`` says whether it lies inside the article span.
    """

    span: Span
    boilerplate: bool
    category: str | None
    score: float
    in_span: bool


@dataclass(frozen=True, slots=True)
class _Linear:
    """A linear score over raw features: ``bias + sum(w * x)``."""

    weights: tuple[float, ...]
    bias: float

    def __call__(self, row: Sequence[float]) -> float:
        return self.bias + float(sum(map(mul, self.weights, row)))


@dataclass(frozen=True, slots=True)
class _LineModel:
    """The line model: a linear score over :data:`LINE_FEATURES`, plus, for each binned
    feature, the points of the range its value falls in."""

    linear: _Linear
    bins: tuple[tuple[int, tuple[float, ...], tuple[float, ...]], ...]  # (feature, edges, points)
    lexical: dict[str, tuple[float, float]]  # category -> weights of its hit and cover features


@dataclass(frozen=True, slots=True)
class _Model:
    line: _LineModel
    head: tuple[_Linear, _Linear]  # above the core: log-odds of lying outside (leak, dump)
    head_bias: tuple[float, float]  # added to the head model's log-odds (leak, dump)
    tail: tuple[_Linear, _Linear]  # below the core: log-odds of lying outside (leak, dump)
    tail_bias: tuple[float, float]
    drawdown: float  # how far below its peak the running sum may fall, in a leaked text
    dump_drawdown: float  # ... in a whole page dump (inline adverts must be crossed)
    line_weight: float  # share of the line model's own log-odds added to the head/tail ones
    insert: _Linear
    insert_threshold: float  # log-odds an insert needs to be removed


def _standardised(stage: Mapping[str, Any], names: tuple[str, ...]) -> _Linear:
    """A logistic regression stored on standardised features, folded to raw ones."""
    feats = stage["features"]
    if tuple(feats) != names:
        raise ValueError(f"boilerplate weights list {tuple(feats)}, expected {names}")
    weights: list[float] = []
    bias = float(stage["intercept"])
    for name in names:
        f = feats[name]
        w = float(f["weight"]) / float(f["scale"])
        weights.append(w)
        bias -= w * float(f["mean"])
    return _Linear(tuple(weights), bias)


def _line_model(stage: Mapping[str, Any]) -> _LineModel:
    """The line model from its weights: the bin indicators' standardised weights are folded
    into points per range (their means into the bias)."""
    edges = {name: tuple(float(e) for e in stage["bins"][name]) for name in BINNED_FEATURES}
    names = line_model_names(edges)
    full = _standardised(stage, names)
    k = len(LINE_FEATURES)
    bins = []
    for name in BINNED_FEATURES:
        points = full.weights[k : k + len(edges[name]) + 1]
        bins.append((LINE_FEATURES.index(name), edges[name], points))
        k += len(points)
    w = dict(zip(LINE_FEATURES, full.weights, strict=False))
    lexical = {c: (w[f"hit_{c}"], w[f"cover_{c}"]) for c in LEXICON_CATEGORIES}
    return _LineModel(_Linear(full.weights[: len(LINE_FEATURES)], full.bias), tuple(bins), lexical)


def _regimes(model: _Linear) -> tuple[_Linear, _Linear]:
    """Split a span model over :data:`SPAN_FEATURES` into its leaked and dump halves."""
    k = len(SPAN_BASE)
    w = model.weights
    return _Linear(w[1 : 1 + k], model.bias), _Linear(w[1 + k :], model.bias + w[0])


#: Where :func:`_model` reads its weights; ``None``: the packaged ``boilerplate.json``.
_weights_path: Path | None = None


def use_weights(path: str | Path | None) -> None:
    """Read the weights from ``path`` from now on (``None``: the packaged ones).

    For development scripts (out-of-fold evaluation of a refit); documents already
    labelled keep their labels, since the labels are cached on each document.
    """
    global _weights_path
    _weights_path = None if path is None else Path(path)
    _model.cache_clear()


def _biases(stage: Mapping[str, Any]) -> tuple[float, float]:
    """A span model's biases in a leaked text and in a whole page dump (a weights file
    with one ``bias`` uses it for both)."""
    bias = float(stage["bias"])
    return bias, float(stage.get("dump_bias", bias))


@cache
def _model() -> _Model:
    if _weights_path is None:
        source = files("reliability").joinpath("weights", "boilerplate.json")
        raw = source.read_text(encoding="utf-8")
    else:
        raw = _weights_path.read_text(encoding="utf-8")
    data = json.loads(raw)
    return _Model(
        line=_line_model(data["line"]),
        head=_regimes(_standardised(data["head"], SPAN_FEATURES)),
        head_bias=_biases(data["head"]),
        tail=_regimes(_standardised(data["tail"], SPAN_FEATURES)),
        tail_bias=_biases(data["tail"]),
        drawdown=float(data["extend"]["drawdown"]),
        dump_drawdown=float(data["extend"]["dump_drawdown"]),
        line_weight=float(data["extend"]["line_weight"]),
        insert=_standardised(data["insert"], INSERT_FEATURES),
        insert_threshold=float(data["insert"]["threshold"]),
    )


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def line_logits(info: LineInfo) -> list[float]:
    """The line model's log-odds of furniture for every line.

    The per-category lexicon features are all zero on a line without a lexicon
    hit, so their part of the sum is only computed for the categories that hit.
    """
    model = _model().line
    dense = model.linear.weights[: len(DENSE_FEATURES)]
    lexical = model.lexical
    bias = model.linear.bias
    bins = model.bins
    out = []
    for row, cover, (start, end) in zip(info.features, info.cover, info.spans, strict=True):
        z = bias + sum(map(mul, dense, row))
        for j, edges, points in bins:
            z += points[bisect_right(edges, row[j])]
        if cover:
            chars = end - start
            for cat, c in cover.items():
                hit, share = lexical[cat]
                z += hit + share * min(1.0, c / chars)
        out.append(float(z))
    return out


class _Scores(Sequence[float]):
    """A span model's log-odds for each line, computed when the walk reaches the line."""

    def __init__(self, n: int, score: Callable[[int], float]) -> None:
        self._n = n
        self._score = score

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> float: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[float]: ...

    def __getitem__(self, i: int | slice) -> float | Sequence[float]:
        if isinstance(i, slice):
            return [self._score(k) for k in range(*i.indices(self._n))]
        return self._score(i)


def article_span(text: str, info: LineInfo, sh: Shape) -> tuple[int, int]:
    """The first and last article line (``(-1, -1)`` without lines).

    The core (the surest run of prose) is grown up by the head model and down by
    the tail model, each line's log-odds plus a share of the line model's own;
    then the guards keep real text at its edges, a date stamp or photo credit at the
    foot of the header starts it and a wall with nothing of the article under it ends
    it (:func:`settled`). Only the lines the walk away from the core reaches are
    scored.
    """
    model = _model()
    core = core_span(sh)
    if core[0] < 0:
        return core
    n = len(sh.logit)
    dump = is_dump(core)
    head = model.head[dump]
    tail = model.tail[dump]
    rows = SpanRows(info, sh, core)
    own = 4 * model.line_weight  # Shape.logit is the line model's clipped log-odds / 4
    z = sh.logit
    first, last = extend(
        core,
        _Scores(n, lambda i: head(rows.row(i)) + own * z[i]),
        _Scores(n, lambda i: tail(rows.row(i)) + own * z[i]),
        up_bias=model.head_bias[dump],
        down_bias=model.tail_bias[dump],
        drawdown=model.dump_drawdown if dump else model.drawdown,
        skip=info.slot,
    )
    return settled(text, info, sh, core, first, last)


def inserts(info: LineInfo, sh: Shape, first: int, last: int) -> set[int]:
    """Lines inside the span ``first..last`` that the insert model removes.

    Prose lines (long, and article to the line model) are never inserts and are
    not scored; an ad slot's bare label ("Advertisement") always is one.
    """
    model = _model()
    slots = {i for i in range(first, last + 1) if info.slot[i]}
    candidates = [i for i in range(first, last + 1) if not sh.prose[i] and i not in slots]
    rows = insert_rows(info, sh, first, last, candidates)
    return slots | {
        i
        for i, r in zip(candidates, rows, strict=True)
        if model.insert(r) >= model.insert_threshold
    }


#: Inside a run of removed lines, a line's own lexicon category replaces the run's
#: where the line is furniture on its own account (the line model leans that way) or
#: its furniture phrases cover at least this share of it: a comment that happens to
#: say "home" stays a comment, a theme blurb after a comment form is a theme blurb.
CATEGORY_COVER = 0.25


def _covered(info: LineInfo, i: int) -> float:
    start, end = info.spans[i]
    return sum(info.cover[i].values()) / (end - start)


def _shape_category(info: LineInfo, i: int) -> str:
    if byline_shaped(info.features[i]):
        return "byline"
    if info.words[i] <= 5:
        return "navigation"
    return "other"


def classify_lines(doc: Document) -> list[LineLabel]:
    """Label every non-blank line of ``doc`` as article or boilerplate (once per document:
    other families read the labels too).

    Examples
    --------
    >>> doc = Document("The council met on Monday and voted on the budget.\\nLeave a Reply")
    >>> [(lb.boilerplate, lb.category) for lb in classify_lines(doc)]
    [(False, None), (True, 'comment_form')]
    """
    return doc.memo("boilerplate.lines", lambda: _classify(doc))


def _classify(doc: Document) -> list[LineLabel]:
    info = line_info(doc)
    n = len(info.spans)
    if n == 0:
        return []
    logits = line_logits(info)
    sh = shape(info, logits)
    first, last = article_span(doc.text, info, sh)
    removed = inserts(info, sh, first, last)
    labels: list[LineLabel] = []
    heading: str | None = None  # lexicon category heading the current run of flagged lines
    for i in range(n):
        inside = first <= i <= last
        flag = i in removed if inside else True
        p = _sigmoid(logits[i])
        if not flag:
            heading = None
            labels.append(LineLabel(info.spans[i], False, None, p, inside))
            continue
        lex = line_category(info, i)
        if lex is not None and (
            heading is None or logits[i] >= 0 or _covered(info, i) >= CATEGORY_COVER
        ):
            heading = lex
        cat = heading or _shape_category(info, i)
        labels.append(LineLabel(info.spans[i], True, cat, p, inside))
    return labels


def in_furniture(doc: Document) -> Callable[[int], bool] | None:
    """A test of whether a character offset lies in a line labelled page furniture, or
    ``None`` when no line is: other families leave furniture out of their counts (a
    comment form's "Your email address" is not the reporter addressing the reader)."""
    spans = [lb.span for lb in classify_lines(doc) if lb.boilerplate]
    if not spans:
        return None
    starts = [sp.start for sp in spans]

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i].end

    return inside


def removed_spans(doc: Document, labels: Sequence[LineLabel] | None = None) -> tuple[Evidence, ...]:
    """Evidence for every boilerplate line, with its category (weight: the line score)."""
    labels = classify_lines(doc) if labels is None else labels
    return tuple(
        evidence(doc, lb.span.start, lb.span.end, lb.category or "other", weight=lb.score)
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
