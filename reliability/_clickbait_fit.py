"""Fit the clickbait-title weights, and measure them with cross-validation.

Used by ``scripts/fit_clickbait.py`` (which writes ``weights/clickbait.json``) and
by the evaluation gate in the tests. scikit-learn and numpy are imported here,
never on the scoring path: scoring evaluates the JSON in pure Python.

The recipe, run inside every cross-validation fold so that nothing about the
held-out fold leaks into its model:

1. Read each headline with :func:`reliability.signals.clickbait.analyse`: the
   named features and every lower-cased word and word pair (numbers as ``<num>``).
2. Candidate vocabulary: words and pairs in at least ``min_df`` training headlines,
   minus single function words (they mark the register of the news sources'
   headlinese, not bait) and the words a named feature already counts, minus
   **names**: every word of a candidate must be seen mid-sentence, mostly in lower
   case, in running text (the article bodies of the development data, labels
   unread) or in the fold's sentence-case headlines. "Obama", "Kabul", "BuzzFeed"
   and "Kardashian" are topics and outlets, not a way of writing.
3. An L1-penalised logistic regression over the standardised named features and
   the candidates picks the vocabulary: the ``max_terms`` candidates with the
   largest absolute weights.
4. An L2-penalised logistic regression over the named features and that
   vocabulary gives the final weights, converted back to raw units (weight per
   word of length, per "you", ...) so the JSON reads directly.
5. Features the data cannot estimate keep a hand-set prior (:data:`PRIORS`).

Probabilities for the held-out fold come from the same pure-Python evaluation
that scores articles (:class:`~reliability.signals.clickbait.ClickbaitModel`).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .signals.clickbait import (
    FEATURES,
    FORMAT,
    NUM,
    RESERVED,
    ClickbaitModel,
    TitleFeatures,
    analyse,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: Features whose weight is set by hand, with the reason the data cannot estimate it.
PRIORS: Mapping[str, tuple[float, str]] = {
    "exclamation": (
        1.0,
        "prior: only 31 training headlines contain '!', most of them inside names "
        "(Panic! at the Disco, Yahoo!), too few to estimate; exclamation is a clickbait "
        "cue in Chakraborty et al. (2016) and Horne and Adali (2017)",
    ),
    "label_prefix": (
        1.0,
        "prior: label prefixes ('BREAKING:', 'Exclusive:', 'WATCH:') open 2 training "
        "headlines, too few to estimate; a moderate push, after the urgency cues of "
        "Chen, Conroy and Rubin (2015)",
    ),
    "question_mark": (
        0.5,
        "prior: question marks were stripped from the end of the clickbait half of the "
        "training data (0 of 12,841 clickbait headlines end in '?'), so a fitted weight "
        "would learn the stripping; a mild push, smaller than a fitted question opening, "
        "because news uses question marks in analysis headlines too",
    ),
}

#: Weights are rounded to this many decimals (readable JSON; the held-out folds are
#: scored with the rounded weights, so the metrics are those of what ships).
DECIMALS = 4
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
#: After these, a capital letter is the start of a sentence or a quote.
_OPENERS = frozenset(".!?:;\"“”‘'(\n—–-*•|[")


@dataclass(frozen=True, slots=True)
class FitOptions:
    """Settings of one fit (all recorded in the weights file)."""

    min_df: int = 10
    max_terms: int = 500
    l1_c: float = 0.5
    l2_c: float = 1.0
    folds: int = 5
    seed: int = 20161
    lower_share: float = 0.5  # a common word is lower case in at least half its uses
    min_uses: int = 3


@dataclass(frozen=True, slots=True)
class Data:
    """Headlines, labels and their analysed features."""

    headlines: tuple[str, ...]
    labels: tuple[bool, ...]
    feats: tuple[TitleFeatures, ...]
    term_sets: tuple[frozenset[str], ...] = field(repr=False)


def read(path: str | Path) -> Data:
    """Read ``clickbait/train.jsonl`` (``headline``, ``clickbait``) and analyse it."""
    heads: list[str] = []
    labels: list[bool] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                heads.append(" ".join(str(row["headline"]).split()))
                labels.append(bool(row["clickbait"]))
    feats = tuple(analyse(h) for h in heads)
    terms = tuple(frozenset(t.name for t in f.terms) for f in feats)
    return Data(tuple(heads), tuple(labels), feats, terms)


def _sentence_case(headline: str) -> bool:
    """Whether a headline keeps most longer words in lower case (not Title Case)."""
    words = [w for w in _WORD.findall(headline)[1:] if len(w) >= 4]
    return bool(words) and sum(w[0].islower() for w in words) >= len(words) / 2


@dataclass(frozen=True, slots=True)
class CaseCounts:
    """How often each word appears mid-sentence, and how often in lower case."""

    lower: Mapping[str, int]
    total: Mapping[str, int]

    def __add__(self, other: CaseCounts) -> CaseCounts:
        lower = Counter(self.lower)
        lower.update(other.lower)
        total = Counter(self.total)
        total.update(other.total)
        return CaseCounts(lower, total)


def case_counts(texts: Iterable[str], *, headlines: bool = False) -> CaseCounts:
    """Count mid-sentence uses of each word, and its lower-case ones.

    A word right after sentence punctuation, a quote mark or a line break is
    skipped (its capital says nothing). With ``headlines=True`` only sentence-case
    headlines count, and never their first word.
    """
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        if headlines and not _sentence_case(text):
            continue
        for k, m in enumerate(_WORD.finditer(text)):
            start = m.start()
            before = text[max(0, start - 3) : start].rstrip(" \t")
            if k == 0 or not before or before[-1] in _OPENERS:
                continue
            w = m.group()
            low = w.lower().replace("’", "'")
            total[low] += 1
            if w[0].islower():
                lower[low] += 1
    return CaseCounts(lower, total)


def common_words(counts: CaseCounts, opts: FitOptions) -> frozenset[str]:
    """Words seen often enough mid-sentence, and mostly in lower case: not names."""
    return frozenset(
        w
        for w, n in counts.total.items()
        if n >= opts.min_uses and counts.lower.get(w, 0) >= opts.lower_share * n
    )


def candidates(
    data: Data, rows: Sequence[int], opts: FitOptions, reference: CaseCounts
) -> list[str]:
    """Words and pairs frequent enough in ``rows`` to be weighed; names left out.

    Single letters other than "a" and "i" are pieces of abbreviations ("U.S.")
    and are left out. Every word of a candidate must be a common lower-case word by
    :func:`common_words` over ``reference`` (running text) plus the sentence-case
    headlines among ``rows``, or a number, or a pronoun a feature counts.
    """
    df: Counter[str] = Counter()
    for i in rows:
        df.update(data.term_sets[i])
    counts = reference + case_counts((data.headlines[i] for i in rows), headlines=True)
    common = common_words(counts, opts) | RESERVED | {NUM}
    out = []
    for term, n in df.items():
        if n < opts.min_df or term in RESERVED:
            continue
        parts = term.split(" ")
        if all(part in common and (len(part) > 1 or part in "ai") for part in parts):
            out.append(term)
    return sorted(out)


def read_reference(data_dir: str | Path) -> CaseCounts:
    """Case counts over the article bodies in ``data_dir/articles`` (running text).

    These bodies are used only to tell names from common words; their labels are
    not read. Missing files are skipped.
    """
    arts = Path(data_dir) / "articles"
    texts: list[str] = []
    gz = arts / "politifact.jsonl.gz"
    if gz.is_file():
        with gzip.open(gz, "rt", encoding="utf-8") as fh:
            texts.extend(str(json.loads(line).get("text") or "") for line in fh)
    for name in ("fakenewscorpus_sample.jsonl", "horne2017.jsonl"):
        path = arts / name
        if path.is_file():
            with open(path, encoding="utf-8") as fh:
                texts.extend(str(json.loads(line).get("text") or "") for line in fh)
    return case_counts(texts)


def _fitted_features() -> list[str]:
    return [f for f in FEATURES if f not in PRIORS]


def _design(
    data: Data, rows: Sequence[int], vocab: Sequence[str]
) -> tuple[NDArray[np.float64], Any]:
    """Dense named-feature matrix and sparse 0/1 term matrix for ``rows``."""
    import numpy as np
    from scipy.sparse import csr_matrix

    names_ = _fitted_features()
    dense = np.array([[data.feats[i].values[f] for f in names_] for i in rows], dtype=float)
    col = {t: j for j, t in enumerate(vocab)}
    indptr = [0]
    indices: list[int] = []
    for i in rows:
        js = sorted(col[t] for t in data.term_sets[i] if t in col)
        indices.extend(js)
        indptr.append(len(indices))
    sparse = csr_matrix(
        (np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr)),
        shape=(len(rows), len(vocab)),
    )
    return dense, sparse


def fit(data: Data, rows: Sequence[int], opts: FitOptions, reference: CaseCounts) -> dict[str, Any]:
    """Fit on ``rows``; return the weights as the JSON-ready dict (without provenance)."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    y = np.array([data.labels[i] for i in rows], dtype=int)
    cands = candidates(data, rows, opts, reference)
    dense, sparse = _design(data, rows, cands)
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale == 0] = 1.0
    z = (dense - mean) / scale
    x = hstack([csr_matrix(z), sparse]).tocsr()
    nf = dense.shape[1]

    l1 = LogisticRegression(
        l1_ratio=1.0, C=opts.l1_c, solver="liblinear", max_iter=2000, random_state=opts.seed
    )
    l1.fit(x, y)
    coef = l1.coef_[0][nf:]
    order = np.argsort(-np.abs(coef), kind="stable")
    vocab = sorted(cands[j] for j in order[: opts.max_terms] if coef[j] != 0)

    dense, sparse = _design(data, rows, vocab)
    z = (dense - mean) / scale
    x = hstack([csr_matrix(z), sparse]).tocsr()
    l2 = LogisticRegression(C=opts.l2_c, max_iter=5000)
    l2.fit(x, y)
    w = l2.coef_[0]
    raw = w[:nf] / scale  # back to raw units: weight per unit of each feature
    intercept = float(l2.intercept_[0] - np.sum(w[:nf] * mean / scale))

    feats: dict[str, dict[str, Any]] = {}
    fitted = _fitted_features()
    for f in FEATURES:
        if f in PRIORS:
            weight, note = PRIORS[f]
            feats[f] = {"weight": weight, "fitted": False, "note": note}
        else:
            j = fitted.index(f)
            feats[f] = {"weight": round(float(raw[j]), DECIMALS), "fitted": True}
    terms = {t: round(float(w[nf + j]), DECIMALS) for j, t in enumerate(vocab)}
    ordered = dict(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0])))
    return {
        "format": FORMAT,
        "intercept": round(intercept, DECIMALS),
        "features": feats,
        "vocabulary": ordered,
    }


def predict(weights: Mapping[str, Any], data: Data, rows: Sequence[int]) -> list[float]:
    """Probabilities for ``rows`` from the pure-Python scorer."""
    m = ClickbaitModel.from_dict(weights)
    return [1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, m.logit(data.feats[i]))))) for i in rows]


@dataclass(frozen=True, slots=True)
class FoldScore:
    """Held-out metrics of one fold."""

    auc: float
    accuracy: float
    terms: int


def cross_validate(data: Data, opts: FitOptions, reference: CaseCounts) -> list[FoldScore]:
    """Stratified, seeded k-fold cross-validation of the whole recipe."""
    import numpy as np
    from sklearn.metrics import accuracy_score, roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    y = np.array(data.labels, dtype=int)
    folds = StratifiedKFold(n_splits=opts.folds, shuffle=True, random_state=opts.seed)
    out = []
    for train, test in folds.split(np.zeros(len(y)), y):
        weights = fit(data, train.tolist(), opts, reference)
        p = np.array(predict(weights, data, test.tolist()))
        out.append(
            FoldScore(
                auc=float(roc_auc_score(y[test], p)),
                accuracy=float(accuracy_score(y[test], p >= 0.5)),
                terms=len(weights["vocabulary"]),
            )
        )
    return out


def summary(scores: Sequence[FoldScore]) -> dict[str, float]:
    """Mean and standard deviation of the fold metrics."""
    import numpy as np

    auc = np.array([s.auc for s in scores])
    acc = np.array([s.accuracy for s in scores])
    return {
        "auc_mean": float(auc.mean()),
        "auc_sd": float(auc.std()),
        "accuracy_mean": float(acc.mean()),
        "accuracy_sd": float(acc.std()),
    }


def reliance(weights: Mapping[str, Any], data: Data) -> dict[str, float]:
    """How much each named feature, and the vocabulary, moves the log-odds.

    For each part: the mean absolute deviation of its contribution from its
    average over the headlines. An always-on feature (length) that shifts every
    headline alike moves nothing; a cue that fires in some headlines and not in
    others moves a lot. This is what the model leans on to tell them apart.
    """
    m = ClickbaitModel.from_dict(weights)
    parts = [*FEATURES, "vocabulary"]
    rows: list[list[float]] = []
    for f in data.feats:
        row = [m.features.get(name, 0.0) * f.values[name] for name in FEATURES]
        row.append(sum(m.vocabulary.get(t, 0.0) for t in {t.name for t in f.terms}))
        rows.append(row)
    n = max(1, len(rows))
    out = {}
    for j, name in enumerate(parts):
        col = [r[j] for r in rows]
        mean = sum(col) / n
        out[name] = sum(abs(c - mean) for c in col) / n
    return out


def flag_rates(
    weights: Mapping[str, Any], titles: Iterable[tuple[str, str]]
) -> dict[str, dict[str, float]]:
    """Share of titles with probability >= 0.5, and the mean probability, per group."""
    m = ClickbaitModel.from_dict(weights)
    probs: dict[str, list[float]] = {}
    for group, title in titles:
        z = m.logit(analyse(title))
        probs.setdefault(group, []).append(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))))
    return {
        g: {"titles": len(p), "flagged": sum(x >= 0.5 for x in p) / len(p), "mean": sum(p) / len(p)}
        for g, p in sorted(probs.items())
    }


def article_titles(data_dir: str | Path) -> list[tuple[str, str]]:
    """(source-label, title) for the articles in ``data_dir/articles`` that have titles.

    A transfer check only: these titles come from other outlets and years than the
    training headlines, and their labels (real, fake, satire) are about the claims,
    not the headline, so they are read but never fitted.
    """
    arts = Path(data_dir) / "articles"
    out: list[tuple[str, str]] = []
    gz = arts / "politifact.jsonl.gz"
    if gz.is_file():
        with gzip.open(gz, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("title"):
                    out.append((f"politifact/{row['label']}", str(row["title"])))
    path = arts / "horne2017.jsonl"
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("title"):
                    out.append((f"horne2017/{row['label']}", str(row["title"])))
    return out
