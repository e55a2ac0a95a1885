"""Fit the boilerplate line classifier and write reliability/weights/boilerplate.json.

Usage: python scripts/fit_boilerplate.py [DATA_DIR] [--out PATH]

Uses the ``tune`` half of ../shared/data/boilerplate only (see ``split_of`` in
scripts/eval_boilerplate.py). Training texts are the leaked pages, the whole page
dumps, and texts made from the same tuning pages so that the common real case is
seen too: the article alone (nothing to remove), the article with only its first
one, two or three tail lines, and the article with only its last one or two head
lines.

Four logistic regressions are fitted on standardised features (scikit-learn, at
development time only; run time is pure Python):

* the line model (is this line furniture?) on the lines of the whole page dumps,
  each page's lines once (the leaked pages and the variants repeat them), article
  and furniture lines weighing the same in total and a long page no more than
  :data:`LINE_PER_PAGE` lines; each feature in ``BINNED_FEATURES`` also gets a
  weight per range of its values (:data:`LINE_BINS` ranges, cut at quantiles);
* the head and tail models (does this line lie outside the article span?) on the
  lines above and below the core, with the line model's out-of-fold scores as
  inputs (folds grouped by site, so no site is scored by a model that saw it);
* the insert model (is this line inside the span furniture?) on the lines
  inside the true span.

The walk's settings (head and tail bias and drawdown, one set per regime: an article
with a leaked head and tail, a whole page dump) and the insert threshold are then
chosen on out-of-fold scores: boilerplate recall minus :data:`COST` times the share
of article lines removed, on each kind of text (see :func:`choose`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from eval_boilerplate import Page, load, site
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from reliability.document import Document
from reliability.signals._boilerplate_features import (
    BINNED_FEATURES,
    DENSE_FEATURES,
    INSERT_FEATURES,
    LINE_FEATURES,
    SPAN_FEATURES,
    LineInfo,
    core_span,
    extend,
    insert_rows,
    is_dump,
    line_info,
    line_model_names,
    regime_row,
    settled,
    shape,
    span_rows,
)

FOLDS = 5
#: Head and tail models: a text weighs at most as much as this many lines.
PER_TEXT = 30.0
KINDS = ("leaked", "pages", "clean", "tail", "head")
#: Kinds of text whose boilerplate recall counts when the setting is chosen: the leaked
#: pages, the dumps, and the common real case of an article with a short leaked tail or head.
RECALL = ("leaked", "pages", "tail", "head")
#: What one article line removed costs, in boilerplate recall, per kind of text: the
#: rate issue 4's floors trade at, 5 points of recall for 1% of article lines on leaked
#: pages (0.95 with 1%) and 10 for 2% on whole dumps (0.90 with 2%). Each regime's
#: biases are chosen on its own texts, so each trade is made where it applies.
COST = {"leaked": 5.0, "pages": 5.0, "clean": 5.0}
#: Settings whose value is within this of the best count as equally good.
TIE = 0.01
#: The grid the settings are chosen from. It is kept narrow on purpose: out of fold on
#: the tuning half (scripts/oof_boilerplate.py, several splits), the extreme values a
#: wider grid offered (biases down to -3, a drawdown of 1, a dump drawdown of 2 or 4, a
#: line weight below 1) were chosen on some folds by a few pages and then did worse on
#: the fold held out; each split compared (two, with the 45 span features and with the
#: 19) did better with them left out (docs/signals.md).
BIASES = tuple(round(-2.0 + 0.5 * k, 2) for k in range(5))
DRAWDOWNS = (2.0, 3.0, 4.0, 6.0)
DUMP_DRAWDOWNS = (8.0, 16.0)
#: Shares of the line model's own log-odds added to the head and tail models' ones:
#: the whole of it (the line's own evidence counts once, in full).
LINE_WEIGHTS = (1.0,)
INSERT_THRESHOLDS = (1.0, 2.0, 3.0, 4.0, 6.0, 99.0)


@dataclass(frozen=True, slots=True)
class Text:
    """One training text: its kind, site, lines, line labels and line features."""

    kind: str  # leaked, pages, clean, tail, head
    site: str
    lines: tuple[str, ...]
    labels: tuple[bool, ...]  # True: boilerplate
    info: LineInfo

    @property
    def gold(self) -> tuple[int, int]:
        """First and last article line (``(-1, -1)`` when there is none)."""
        art = [k for k, b in enumerate(self.labels) if not b]
        return (art[0], art[-1]) if art else (-1, -1)


def _pick(key: str, k: int) -> int:
    """A deterministic number in ``[1, k]`` from a string."""
    return 1 + int(hashlib.sha1(key.encode()).hexdigest(), 16) % k


def _variants(leaked: Page) -> list[tuple[str, list[str], list[bool]]]:
    """The article alone, with its first tail lines (1 to 3) or last head lines (1 or 2)."""
    lines, labels = list(leaked.lines), list(leaked.boilerplate)
    art = [k for k, b in enumerate(labels) if not b]
    if not art:
        return []
    first, last = art[0], art[-1]
    out = [("clean", lines[first : last + 1], labels[first : last + 1])]
    for tail in (1, 2, 3):
        if last + tail < len(lines):
            out.append(("tail", lines[first : last + 1 + tail], labels[first : last + 1 + tail]))
    for head in (1, 2):
        if first - head >= 0:
            out.append(("head", lines[first - head : last + 1], labels[first - head : last + 1]))
    return out


def texts(data: Path) -> list[Text]:
    """Every training text from the tuning half."""
    raw: list[tuple[str, str, list[str], list[bool]]] = []
    for page in load(data, "leaked", "tune"):
        raw.append(("leaked", site(page.url), list(page.lines), list(page.boilerplate)))
        raw.extend((k, site(page.url), ls, lb) for k, ls, lb in _variants(page))
    for page in load(data, "pages", "tune"):
        raw.append(("pages", site(page.url), list(page.lines), list(page.boilerplate)))
    out: list[Text] = []
    for kind, where, lines, labels in raw:
        info = line_info(Document("\n".join(lines)))
        if len(info.spans) != len(labels):
            raise ValueError(f"{where}: {len(labels)} lines became {len(info.spans)}")
        out.append(Text(kind, where, tuple(lines), tuple(labels), info))
    return out


# --- fitting -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fitted:
    """A standardised logistic regression."""

    scaler: StandardScaler
    model: Any

    def logits(self, x: np.ndarray) -> np.ndarray:
        if len(x) == 0:
            return np.zeros(0)
        return np.asarray(self.model.decision_function(self.scaler.transform(x)), dtype=float)

    def to_json(self, names: Sequence[str]) -> dict[str, Any]:
        coef = self.model.coef_[0]
        return {
            "intercept": float(self.model.intercept_[0]),
            "features": {
                n: {
                    "weight": float(coef[k]),
                    "mean": float(self.scaler.mean_[k]),
                    "scale": float(self.scaler.scale_[k]),
                }
                for k, n in enumerate(names)
            },
        }


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> Fitted:
    """Standardise (weighted) and fit a logistic regression.

    A column that is constant in the training rows (a range of a binned feature no
    training line falls in) has a weighted variance of zero, or a rounding error
    below it: its scale is set to one.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "invalid value encountered in sqrt", RuntimeWarning)
        scaler = StandardScaler().fit(x, sample_weight=w)
    scaler.scale_ = np.where(scaler.scale_ > 1e-9, scaler.scale_, 1.0)
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(scaler.transform(x), y, sample_weight=w)
    return Fitted(scaler, model)


def _weight(kind: str) -> float:
    """Every line weighs the same, as in the evaluation; whole dumps count half."""
    return 0.5 if kind == "pages" else 1.0


Rows = list[tuple[np.ndarray, np.ndarray, np.ndarray]]  # per text: x, y, line indices


def out_of_fold(
    ts: Sequence[Text], rows: Rows, c: float, per_text: float | None = None
) -> tuple[list[np.ndarray], Fitted]:
    """Out-of-fold logits for each text's rows (folds grouped by site), and the fit on all."""
    groups = np.array([t.site for t in ts])
    out = [np.zeros(len(y)) for _, y, _ in rows]
    for train, test in GroupKFold(n_splits=FOLDS).split(np.zeros(len(ts)), groups=groups):
        model = _fit_rows(ts, rows, train, c, per_text)
        for k in test:
            out[k] = model.logits(rows[k][0])
    return out, _fit_rows(ts, rows, range(len(ts)), c, per_text)


def _fit_rows(
    ts: Sequence[Text], rows: Rows, which: Any, c: float, per_text: float | None = None
) -> Fitted:
    """Fit on the rows of the texts ``which``.

    With ``per_text``, a text with more rows than that has its rows down-weighted
    so that it weighs as much as one with ``per_text`` rows: a page with a
    hundred-line table must not decide alone how tails look.
    """
    keep = [k for k in which if len(rows[k][1])]
    x = np.vstack([rows[k][0] for k in keep])
    y = np.concatenate([rows[k][1] for k in keep]).astype(int)
    w = np.concatenate(
        [
            np.full(
                len(rows[k][1]),
                _weight(ts[k].kind)
                * (1.0 if per_text is None else min(1.0, per_text / len(rows[k][1]))),
            )
            for k in keep
        ]
    )
    return fit(x, y, w, c)


#: Line model: a page weighs at most as much as this many lines.
LINE_PER_PAGE = 150.0


#: Ranges per binned line feature (quantiles of the tuning pages' lines).
LINE_BINS = 6


def bin_edges(ts: Sequence[Text]) -> dict[str, list[float]]:
    """Edges of the ranges of each feature in :data:`BINNED_FEATURES`: the quantiles of its
    values over the lines of the tuning pages, rounded (no labels are read)."""
    x = np.vstack([np.array(t.info.features, dtype=float) for t in ts if t.kind == "pages"])
    out: dict[str, list[float]] = {}
    for name in BINNED_FEATURES:
        col = x[:, DENSE_FEATURES.index(name)]
        qs = np.quantile(col, np.linspace(0, 1, LINE_BINS + 1)[1:-1])
        out[name] = sorted({round(float(q), 3) for q in qs})
    return out


def line_matrix(infos: Sequence[LineInfo], edges: dict[str, list[float]]) -> np.ndarray:
    """The line model's inputs: :data:`LINE_FEATURES`, then one indicator per range of
    each binned feature (see :func:`line_model_names`)."""
    x = np.array([i.full_row(k) for i in infos for k in range(len(i.spans))], dtype=float).reshape(
        -1, len(LINE_FEATURES)
    )
    cols = [x]
    for name in BINNED_FEATURES:
        e = edges[name]
        b = np.searchsorted(e, x[:, LINE_FEATURES.index(name)], side="right")
        onehot = np.zeros((len(x), len(e) + 1))
        onehot[np.arange(len(x)), b] = 1.0
        cols.append(onehot)
    return np.hstack(cols)


def _line_fit(
    ts: Sequence[Text], which: Sequence[int], c: float, edges: dict[str, list[float]]
) -> Fitted:
    """The line model fitted on the whole page dumps among the texts ``which``.

    Each page's lines are seen once (the leaked pages and the variants made from
    them repeat the same lines), article and furniture lines weigh the same in
    total, and a long page weighs no more than :data:`LINE_PER_PAGE` lines.
    """
    keep = [k for k in which if ts[k].kind == "pages"]
    x = line_matrix([ts[k].info for k in keep], edges)
    y = np.concatenate([np.array(ts[k].labels, dtype=bool) for k in keep])
    w = np.concatenate(
        [np.full(len(ts[k].labels), min(1.0, LINE_PER_PAGE / len(ts[k].labels))) for k in keep]
    )
    w = np.where(y, w / w[y].sum(), w / w[~y].sum()) * len(y) / 2
    return fit(x, y.astype(int), w, c)


def line_out_of_fold(
    ts: Sequence[Text], c: float, edges: dict[str, list[float]]
) -> tuple[list[np.ndarray], Fitted]:
    """Out-of-fold line-model logits for every text (folds grouped by site), and the fit on all."""
    groups = np.array([t.site for t in ts])
    out = [np.zeros(len(t.labels)) for t in ts]
    for train, test in GroupKFold(n_splits=FOLDS).split(np.zeros(len(ts)), groups=groups):
        model = _line_fit(ts, train, c, edges)
        for k in test:
            out[k] = model.logits(line_matrix([ts[k].info], edges))
    return out, _line_fit(ts, range(len(ts)), c, edges)


def outside(t: Text) -> np.ndarray:
    """Whether each line lies outside the true article span."""
    first, last = t.gold
    y = np.ones(len(t.labels), dtype=bool)
    if first >= 0:
        y[first : last + 1] = False
    return y


@dataclass(frozen=True, slots=True)
class Scored:
    """What the span and insert decisions need for one text, from out-of-fold models."""

    core: tuple[int, int]
    up: np.ndarray  # head-model logits, for every line (zero at and below the core)
    down: np.ndarray  # tail-model logits, for every line (zero at and above the core)
    rows: np.ndarray  # span features
    insert_x: np.ndarray  # insert features of the true span's lines


def span_and_insert(ts: Sequence[Text], line_logits: Sequence[np.ndarray], c: float) -> Any:
    """Fit the head, tail and insert models; return them with out-of-fold scores."""
    shapes = [shape(t.info, list(z)) for t, z in zip(ts, line_logits, strict=True)]
    cores = [core_span(sh) for sh in shapes]
    feats = [
        np.array(
            [regime_row(r, is_dump(core)) for r in span_rows(t.info, sh, core)], dtype=float
        ).reshape(-1, len(SPAN_FEATURES))
        for t, sh, core in zip(ts, shapes, cores, strict=True)
    ]
    up_rows: Rows = []
    down_rows: Rows = []
    for t, x, (first, last) in zip(ts, feats, cores, strict=True):
        y = outside(t)
        above = np.arange(0, first)
        below = np.arange(last + 1, len(y))
        up_rows.append((x[above], y[above], above))
        down_rows.append((x[below], y[below], below))
    up_oof, up_model = out_of_fold(ts, up_rows, c, PER_TEXT)
    down_oof, down_model = out_of_fold(ts, down_rows, c, PER_TEXT)
    ups, downs = [], []
    for t, (_, _, a), za, (_, _, b), zb in zip(
        ts, up_rows, up_oof, down_rows, down_oof, strict=True
    ):
        u = np.zeros(len(t.labels))
        u[a] = za
        d = np.zeros(len(t.labels))
        d[b] = zb
        ups.append(u)
        downs.append(d)
    # insert model: the lines of the true span that are not prose; target: boilerplate
    ins_rows: Rows = []
    for t, sh in zip(ts, shapes, strict=True):
        first, last = t.gold
        cand = [i for i in range(first, last + 1) if not sh.prose[i]] if first >= 0 else []
        x = np.array(insert_rows(t.info, sh, first, last, cand), dtype=float)
        y = np.array([t.labels[i] for i in cand], dtype=bool)
        ins_rows.append((x.reshape(-1, len(INSERT_FEATURES)), y, np.array(cand, dtype=int)))
    ins_scores, ins_model = out_of_fold(ts, ins_rows, c)
    ins_oof = []  # over each true span's lines; prose lines are never inserts
    for t, (_, _, idx), z in zip(ts, ins_rows, ins_scores, strict=True):
        first, last = t.gold
        full = np.full(max(0, last - first + 1), -np.inf)
        full[idx - first] = z
        full[[i - first for i in range(first, last + 1) if t.info.slot[i]]] = np.inf
        ins_oof.append(full)
    return shapes, cores, ups, downs, ins_oof, up_model, down_model, ins_model


def rates(ts: Sequence[Text], removed: Sequence[np.ndarray]) -> dict[str, dict[str, float]]:
    """Precision, recall and article lines removed per kind of text."""
    out: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        tp = fl = bo = art = rem = 0
        shares: list[float] = []
        for t, r in zip(ts, removed, strict=True):
            if t.kind != kind:
                continue
            y = np.array(t.labels)
            tp += int((r & y).sum())
            fl += int(r.sum())
            bo += int(y.sum())
            art += int((~y).sum())
            rem += int((r & ~y).sum())
            if (~y).any():
                shares.append(float((r & ~y).sum() / (~y).sum()))
        out[kind] = {
            "precision": tp / fl if fl else 1.0,
            "recall": tp / bo if bo else 1.0,
            "article_removed_share": rem / art if art else 0.0,
            "article_lines_removed": rem,
            "article_removed_share_per_text": float(np.mean(shares)) if shares else 0.0,
        }
    return out


def removed_lines(
    ts: Sequence[Text],
    starts: Sequence[int],
    ends: Sequence[int],
    inserts: Sequence[np.ndarray],
    threshold: float,
) -> list[np.ndarray]:
    """Which lines each text loses: outside the span, or inserts scored over ``threshold``.

    Inserts are scored out of fold on the true span's lines; those inside the
    predicted span count.
    """
    out = []
    for t, s, e, z in zip(ts, starts, ends, inserts, strict=True):
        r = np.ones(len(t.labels), dtype=bool)
        r[s : e + 1] = False
        gs, ge = t.gold
        if gs >= 0:
            idx = np.arange(gs, ge + 1)
            inside = (idx >= s) & (idx <= e)
            r[idx[inside]] |= z[inside] >= threshold
        out.append(r)
    return out


@dataclass(frozen=True, slots=True)
class Setting:
    """The walk's settings: biases per regime (leaked text, whole dump), drawdowns and
    the insert threshold."""

    head_bias: float
    tail_bias: float
    drawdown: float
    dump_head_bias: float
    dump_tail_bias: float
    dump_drawdown: float
    threshold: float

    def span(self, dump: bool) -> tuple[float, float, float]:
        """Head bias, tail bias and drawdown of one regime."""
        if dump:
            return self.dump_head_bias, self.dump_tail_bias, self.dump_drawdown
        return self.head_bias, self.tail_bias, self.drawdown


def _smoothed(
    values: Sequence[tuple[float, float, float, float]], grid: tuple[int, int, int]
) -> list[tuple[float, float, float, float]]:
    """Each setting's value replaced by the mean over it and its neighbours on the grid
    (each bias and the drawdown one step either way), ``values`` in grid order.

    A setting chosen for its own value alone was often a lucky peak: a few pages that
    flip between two walks decided it, and a refit on other folds chose another one
    (docs/signals.md, "refit noise"). The mean picks a setting whose neighbours do
    about as well, one that still holds when the data moves a little.
    """
    v = np.array([x[0] for x in values]).reshape(grid)
    out = np.empty_like(v)
    for idx in itertools.product(*(range(m) for m in grid)):
        out[idx] = v[tuple(slice(max(0, j - 1), j + 2) for j in idx)].mean()
    return [(float(m), *x[1:]) for m, x in zip(out.ravel(), values, strict=True)]


def choose(
    ts: Sequence[Text],
    starts: dict[tuple[float, float], list[int]],
    ends: dict[tuple[float, float], list[int]],
    dumps: Sequence[bool],
    inserts: Sequence[np.ndarray],
    *,
    verbose: bool = False,
) -> tuple[float, Setting]:
    """The biases and drawdown of each regime, and the insert threshold.

    The setting with the best balance of boilerplate recall and article lines
    removed: recall on the kinds in :data:`RECALL` minus :data:`COST` times the
    share of article lines removed from each kind (averaged over its texts), each
    setting valued with its neighbours on the grid (:func:`_smoothed`). That value is
    a sum over texts, so the leaked-text regime and the dump regime are chosen each on
    its own texts, for each insert threshold.
    """
    kind = np.concatenate([np.full(len(t.labels), t.kind) for t in ts])
    y = np.concatenate([np.array(t.labels, dtype=bool) for t in ts])
    lengths = [len(t.labels) for t in ts]
    offsets = np.cumsum([0, *lengths])
    ins = np.full(len(y), -np.inf)
    for k, t in enumerate(ts):
        gs, ge = t.gold
        if gs >= 0:
            ins[offsets[k] + gs : offsets[k] + ge + 1] = inserts[k]
    pos = np.concatenate([np.arange(n) for n in lengths])
    starts_at = offsets[:-1]
    text_kind = np.array([t.kind for t in ts])
    text_art = np.array([sum(1 for b in t.labels if not b) for t in ts])
    # what one boilerplate line found and one article line lost are worth, per text
    found_worth = np.zeros(len(ts))
    lost_worth = np.zeros(len(ts))
    for kd in KINDS:
        mine = text_kind == kd
        bp = int(((kind == kd) & y).sum())
        if kd in RECALL and bp:
            found_worth[mine] = 1.0 / bp
        if kd in COST and mine.any():
            lost_worth[mine] = COST[kd] / mine.sum() / np.maximum(text_art[mine], 1)
    regime = np.array(dumps, dtype=bool)
    grids = {False: DRAWDOWNS, True: DUMP_DRAWDOWNS}
    best: tuple[float, Setting] | None = None
    for thr in INSERT_THRESHOLDS:
        inserted = ins >= thr
        part: dict[bool, tuple[float, float, float, float]] = {}
        for dump, drawdowns in grids.items():
            mine = regime == dump
            values: list[tuple[float, float, float, float]] = []
            for ub, db, dd in itertools.product(BIASES, BIASES, drawdowns):
                first = np.repeat(starts[ub, dd], lengths)
                last = np.repeat(ends[db, dd], lengths)
                removed = (pos < first) | (pos > last) | inserted
                found = np.add.reduceat(removed & y, starts_at)
                lost = np.add.reduceat(removed & ~y, starts_at)
                value = float(np.sum((found * found_worth - lost * lost_worth)[mine]))
                values.append((value, ub, db, dd))
            values = _smoothed(values, (len(BIASES), len(BIASES), len(drawdowns)))
            # among the settings the data cannot tell apart from the best, the one that
            # walks furthest over walls (largest drawdown): least likely to cut an article
            top = max(v[0] for v in values)
            near = [v for v in values if v[0] >= top - TIE / 2]
            part[dump] = max(near, key=lambda v: (v[3], v[0]))
        value = part[False][0] + part[True][0]
        setting = Setting(*part[False][1:], *part[True][1:], thr)
        if verbose:
            print(f"insert threshold {thr}: value {value:.4f}, {setting}")
        if best is None or value > best[0] + 1e-12:
            best = (value, setting)
    assert best is not None
    return best


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("data", nargs="?", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("reliability/weights/boilerplate.json"))
    ap.add_argument("--c-line", type=float, default=1.0, help="line model: inverse regularisation")
    ap.add_argument("--c", type=float, default=0.1, help="other models: inverse regularisation")
    ap.add_argument(
        "--verbose", action="store_true", help="print the best setting per insert threshold"
    )
    args = ap.parse_args(argv)

    out = fit_weights(texts(args.data), args.c_line, args.c, verbose=args.verbose)
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    ext = out["extend"]
    print(
        f"line weight {ext['line_weight']}, head bias {out['head']['bias']} "
        f"(dumps {out['head']['dump_bias']}), tail bias {out['tail']['bias']} "
        f"(dumps {out['tail']['dump_bias']}), drawdown {ext['drawdown']} "
        f"(dumps {ext['dump_drawdown']}), insert threshold {out['insert']['threshold']}"
    )
    for kind, r in out["metrics"]["cross_validated_on_tune"].items():
        print(
            f"{kind:7s} precision {r['precision']:.3f} recall {r['recall']:.3f} "
            f"article removed {r['article_removed_share']:.2%} ({r['article_lines_removed']}), "
            f"per text {r['article_removed_share_per_text']:.2%}"
        )
    return 0


def fit_weights(
    ts: Sequence[Text], c_line: float = 1.0, c: float = 0.1, *, verbose: bool = False
) -> dict[str, Any]:
    """Fit every stage on the texts ``ts`` and return the weights file's contents.

    ``scripts/oof_boilerplate.py`` calls this on four folds of the tuning half at a
    time, to score the whole pipeline on the fifth.
    """
    edges = bin_edges(ts)
    line_oof, line_model = line_out_of_fold(ts, c_line, edges)
    shapes, cores, ups, downs, ins_oof, up_model, down_model, ins_model = span_and_insert(
        ts, line_oof, c
    )

    dumps = [is_dump(core) for core in cores]
    texts_joined = ["\n".join(t.lines) for t in ts]
    best_value = -np.inf
    chosen = None
    line_weight = 0.0
    for a in LINE_WEIGHTS:
        own = [a * np.clip(z, -8, 8) for z in line_oof]
        starts: dict[tuple[float, float], list[int]] = {}
        ends: dict[tuple[float, float], list[int]] = {}
        for b, d in itertools.product(BIASES, sorted({*DRAWDOWNS, *DUMP_DRAWDOWNS})):
            spans = [
                settled(
                    joined,
                    t.info,
                    sh,
                    c,
                    *extend(
                        c,
                        list(u + o),
                        list(w + o),
                        up_bias=b,
                        down_bias=b,
                        drawdown=d,
                        skip=t.info.slot,
                    ),
                )
                for t, joined, sh, c, u, w, o in zip(
                    ts, texts_joined, shapes, cores, ups, downs, own, strict=True
                )
            ]
            starts[b, d] = [s for s, _ in spans]
            ends[b, d] = [e for _, e in spans]
        value, setting = choose(ts, starts, ends, dumps, ins_oof, verbose=verbose)
        if verbose:
            print("line weight", a, "value", value, "setting", setting)
        if value > best_value + TIE:
            best_value, line_weight, chosen = value, a, (starts, ends, setting)
    assert chosen is not None
    starts, ends, setting = chosen
    walks = [setting.span(dp) for dp in dumps]
    first = [starts[hb, dd][k] for k, (hb, _, dd) in enumerate(walks)]
    last = [ends[tb, dd][k] for k, (_, tb, dd) in enumerate(walks)]
    cv = rates(ts, removed_lines(ts, first, last, ins_oof, setting.threshold))

    kinds = {k: sum(1 for t in ts if t.kind == k) for k in KINDS}
    out = {
        "format": "reliability.boilerplate/5",
        "provenance": {
            "data": "scrapinghub/article-extraction-benchmark @ 4a3bc97, as "
            "../shared/data/boilerplate pages.jsonl and leaked.jsonl (MIT)",
            "split": "tune half only: pages whose site's SHA-1, read as an integer, is odd "
            "(scripts/eval_boilerplate.py split_of)",
            "texts": kinds,
            "lines": int(sum(len(t.labels) for t in ts)),
            "fitted": dt.date.today().isoformat(),
            "script": "scripts/fit_boilerplate.py",
            "model": f"scikit-learn LogisticRegression(C={c_line} for the line model, "
            f"{c} for the others) on standardised features; "
            "head, tail and insert models use the line model's out-of-fold scores",
            "line_model": "fitted on the whole page dumps only (each page's lines once), "
            f"article and furniture lines weighing the same in total, a page at most "
            f"{LINE_PER_PAGE:g} lines; each binned feature also gets one weight per range "
            f"between the {LINE_BINS - 1} quantiles in 'bins' (of the tuning pages' lines)",
            "removal_costs": COST,
            "removal_share": "averaged over texts when the setting is chosen",
        },
        "metrics": {"cross_validated_on_tune": cv, "folds": FOLDS, "grouped_by": "site"},
        "line": line_model.to_json(line_model_names(edges)) | {"bins": edges},
        "head": up_model.to_json(SPAN_FEATURES)
        | {"bias": setting.head_bias, "dump_bias": setting.dump_head_bias},
        "tail": down_model.to_json(SPAN_FEATURES)
        | {"bias": setting.tail_bias, "dump_bias": setting.dump_tail_bias},
        "extend": {
            "drawdown": setting.drawdown,
            "dump_drawdown": setting.dump_drawdown,
            "line_weight": line_weight,
        },
        "insert": ins_model.to_json(INSERT_FEATURES) | {"threshold": setting.threshold},
    }
    return out


if __name__ == "__main__":
    raise SystemExit(main())
