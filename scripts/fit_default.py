"""Fit reliability/weights/default.json on the labelled development articles and print the report.

Usage: python scripts/fit_default.py [DATA_DIR] [--out PATH] [--no-write] [--strict]

DATA_DIR defaults to ../shared/data (its README describes the files, labels and licences).

Labels (1 = reliable, 0 = not):
- politifact: ``real`` -> 1, ``fake`` -> 0 (PolitiFact rated the *claim* the article
  carried, not the outlet: label noise, and many "real" rows are primary sources).
- fakenewscorpus: OpenSources type of the domain. ``reliable`` -> 1; ``fake``,
  ``conspiracy``, ``junksci``, ``hate``, ``unreliable``, ``clickbait`` -> 0 (types that
  say the content is false or misleading). Left out: ``political`` and ``bias``
  (a point of view, not a verdict on accuracy), ``satire``, ``rumor``, ``state``,
  ``unknown`` and missing types.
- horne2017: ``real`` -> 1, ``fake`` -> 0; ``satire`` is left out of fitting (it is not
  trying to be news) and only scored, as a check, at the end.

Groups (no group is ever split across CV folds; articles of a group share its weight):
the outlet's domain for politifact and fakenewscorpus (one key across both files);
horne2017 has no domain, so each of its set/label folders is one group -- conservative:
every outlet in a folder stays on one side.

Texts under ``--min-words`` words (default 100) are left out of fitting and of both
evaluations: they are mostly scraper fragments and social-media stubs, where per-1,000-word
rates are noise.

The black-box baseline (TF-IDF + logistic regression on title and text) is cross-validated
on the same outer folds with the same article weights; its C is chosen by an inner grouped
CV on each outer training part (its vocabulary is fitted on that whole training part, a
small advantage to the baseline).

Every signal in reliability.SIGNAL_NAMES is considered, by the rules of
reliability._fit (documented in docs/model.md): new signals are picked up on re-running.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits

from reliability import SIGNAL_NAMES, __version__, score
from reliability._fit import (
    AT_BOUND,
    FitConfig,
    Fitted,
    fit_values,
    group_codes,
    grouped_folds,
    sample_weights,
)
from reliability.article import to_article
from reliability.document import Document
from reliability.model import Model, sigmoid_score
from reliability.signals import extract_all

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "reliability" / "weights" / "default.json"
FLOOR = 0.03  # the transparent model's AUC may trail the black box by at most this
EVALUATION_DOC = ROOT / "docs" / "evaluation.md"
REPORT_MARK = "<!-- fit-report: written by scripts/fit_default.py -->"
BASELINE_CS: tuple[float, ...] = (1.0, 10.0, 100.0, 1000.0)

UNRELIABLE_TYPES = frozenset({"fake", "conspiracy", "junksci", "hate", "unreliable", "clickbait"})
RELIABLE_TYPES = frozenset({"reliable"})

#: One line per signal for the weights file: what it measures and why its sign makes
#: sense (docs/model.md has the long version). Signals not listed get their description.
NOTES: dict[str, str] = {
    "named_attribution": (
        "named sources make claims checkable; bound >= 0 (naming a source never lowers the score)"
    ),
    "anonymous_explained": "anonymity with a stated reason (the AP rule); free sign",
    "anonymous_bare": (
        "unnamed sources with no reason cannot be checked; bound <= 0 (never raises the score)"
    ),
    "vague_attribution": "'critics say' puts a claim in nobody's mouth; bound <= 0",
    "anonymous_share": "a story leaning on unnamed or vague sources overall; bound <= 0",
    "boilerplate_leakage": (
        "leaked page furniture marks careless copying, not editing; bound <= 0"
    ),
    "hedging": (
        "speculation in the reporter's own voice; free sign (hedging can also be honest caution)"
    ),
    "sensational_language": "hyperbole and urgency sell rather than inform; bound <= 0",
    "clickbait_title": "a headline that baits instead of informs; bound <= 0",
    "unattributed_quotes": (
        "a direct quote with no speaker cannot be checked; bound <= 0 (transcripts in the "
        "PolitiFact 'real' set pull it the other way: label noise)"
    ),
    "article_length": (
        "log10 of the body's words: careful reporting runs longer (Horne and Adali 2017); "
        "bound >= 0; depth, not quality"
    ),
    "title_length": (
        "words in the headline: fake news packs more into its titles (Horne and Adali 2017); "
        "bound <= 0"
    ),
    "figures": (
        "numbers, amounts and percentages per 1,000 words: checkable particulars; bound >= 0"
    ),
    "readability": (
        "reading ease of the body; free sign (fake news reads simpler, Horne and Adali "
        "2017, but plain writing is also good writing)"
    ),
}


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled article from the development data."""

    source: str
    group: str
    label: int | None  # None: not used for fitting (satire, ambiguous types)
    kind: str  # the original label or type
    title: str | None
    text: str


def _label_fnc(kind: str | None) -> int | None:
    if kind in RELIABLE_TYPES:
        return 1
    if kind in UNRELIABLE_TYPES:
        return 0
    return None


def read_rows(data: Path) -> Iterator[Row]:
    """Every article of the three files, labelled and grouped by the rules above."""
    arts = data / "articles"
    with gzip.open(arts / "politifact.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            label = {"real": 1, "fake": 0}.get(r["label"])
            yield Row("politifact", r["domain"], label, r["label"], r.get("title"), r["text"])
    with open(arts / "fakenewscorpus_sample.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            kind = r.get("type")
            yield Row(
                "fakenewscorpus",
                r["domain"],
                _label_fnc(kind),
                kind or "none",
                r.get("title"),
                r["text"],
            )
    with open(arts / "horne2017.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            label = {"real": 1, "fake": 0}.get(r["label"])
            group = f"horne2017/{r['set']}/{r['label']}"
            yield Row("horne2017", group, label, r["label"], r.get("title"), r["text"])


@dataclass(frozen=True, slots=True)
class Dataset:
    """Extracted signal values of the usable articles, with what was left out."""

    rows: tuple[Row, ...]
    values: tuple[dict[str, float | None], ...]
    skipped: pd.DataFrame  # per source: short texts and unlabelled rows left out
    extra: tuple[tuple[Row, dict[str, float | None]], ...]  # unlabelled but scoreable

    @property
    def labels(self) -> list[int]:
        return [int(r.label) for r in self.rows if r.label is not None]

    @property
    def groups(self) -> list[str]:
        return [r.group for r in self.rows]

    @property
    def sources(self) -> NDArray[np.str_]:
        return np.array([r.source for r in self.rows])

    @property
    def texts(self) -> list[str]:
        return [f"{r.title or ''}\n{r.text}" for r in self.rows]


def load(data: Path, *, min_words: int = 100) -> Dataset:
    """Read, filter and extract (the slow step: every signal of every article, once)."""
    kept: list[Row] = []
    values: list[dict[str, float | None]] = []
    extra: list[tuple[Row, dict[str, float | None]]] = []
    skipped: dict[str, dict[str, int]] = {}
    for row in read_rows(data):
        count = skipped.setdefault(row.source, {"short": 0, "unlabelled": 0})
        if not row.text.strip():
            count["short"] += 1
            continue
        art = to_article({"title": row.title, "text": row.text})
        doc = Document(art.text, art.title)
        if len(doc.words) < min_words:
            count["short"] += 1
            continue
        found = extract_all(doc)
        vals = {name: found[name].value for name in SIGNAL_NAMES}
        if row.label is None:
            count["unlabelled"] += 1
            extra.append((row, vals))
            continue
        kept.append(row)
        values.append(vals)
    return Dataset(
        tuple(kept), tuple(values), pd.DataFrame(skipped).T.rename_axis("source"), tuple(extra)
    )


# --------------------------------------------------------------------------- evaluation


def _log_loss(linear: NDArray[np.float64], y: NDArray[np.int64], w: NDArray[np.float64]) -> float:
    margin = np.where(y == 1, linear, -linear)
    return float(np.sum(w * np.logaddexp(0.0, -margin)) / np.sum(w))


def term_counts(texts: Sequence[str]) -> Any:
    """Word counts of every text, tokenised once (TfidfVectorizer's default analyzer)."""
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(dtype=np.float64).fit_transform(texts).tocsr()


def _tfidf(counts: Any, train: NDArray[np.int64], test: NDArray[np.int64]) -> tuple[Any, Any]:
    """TF-IDF fitted on ``train`` only: what ``TfidfVectorizer(sublinear_tf=True, min_df=2,
    max_df=0.9)`` fitted on those texts gives, without tokenising them again."""
    from sklearn.feature_extraction.text import TfidfTransformer

    rows = counts[train]
    df = np.bincount(rows.indices, minlength=rows.shape[1])  # documents per word
    keep = np.flatnonzero((df >= 2) & (df <= 0.9 * len(train)))
    tfidf = TfidfTransformer(sublinear_tf=True).fit(rows[:, keep])
    return tfidf.transform(rows[:, keep]), tfidf.transform(counts[test][:, keep])


def _tfidf_lr(
    counts: Any,
    y: NDArray[np.int64],
    codes: NDArray[np.int64],
    train: NDArray[np.int64],
    test: NDArray[np.int64],
    *,
    cs: Sequence[float],
    folds: int,
    seed: int,
    group_power: float,
) -> tuple[NDArray[np.float64], float]:
    """Decision values on ``test`` from TF-IDF + LR fitted on ``train`` (C by inner CV)."""
    from sklearn.linear_model import LogisticRegression

    x_train, x_test = _tfidf(counts, train, test)
    y_tr, codes_tr = y[train], codes[train]
    w_tr = sample_weights(y_tr, codes_tr, group_power=group_power)

    def model(c: float, rows: NDArray[np.int64]) -> Any:
        w = sample_weights(y_tr[rows], codes_tr[rows], group_power=group_power)
        return LogisticRegression(C=c, max_iter=5000).fit(
            x_train[rows], y_tr[rows], sample_weight=w
        )

    best_c = cs[0]
    if len(cs) > 1:
        inner = grouped_folds(y_tr, codes_tr, folds=folds, seed=seed)
        losses = []
        for c in cs:
            oof = np.zeros(len(train))
            for itr, ite in inner:
                oof[ite] = model(c, itr).decision_function(x_train[ite])
            losses.append(_log_loss(oof, y_tr, w_tr))
        best_c = cs[int(np.argmin(losses))]
    everything = np.arange(len(train), dtype=np.int64)
    return model(best_c, everything).decision_function(x_test), best_c


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Both models' out-of-fold decision values on the same folds."""

    fitted: Fitted
    baseline_oof: NDArray[np.float64]
    baseline_cs: tuple[float, ...]
    seconds: dict[str, float]

    @property
    def transparent_auc(self) -> float:
        return _auc(self.fitted.labels, self.fitted.oof_linear)

    @property
    def baseline_auc(self) -> float:
        return _auc(self.fitted.labels, self.baseline_oof)


def _auc(y: NDArray[np.int64], s: NDArray[np.float64]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, s))


def evaluate(
    ds: Dataset,
    config: FitConfig,
    *,
    baseline_cs: Sequence[float] = BASELINE_CS,
    provenance: dict[str, Any] | None = None,
) -> Evaluation:
    """Fit the transparent model (nested grouped CV inside) and cross-validate the baseline."""
    t0 = time.perf_counter()
    fitted = fit_values(
        list(ds.values), ds.labels, groups=ds.groups, config=config, provenance=provenance
    )
    t1 = time.perf_counter()
    y = fitted.labels
    codes = group_codes(ds.groups, len(y))
    counts = term_counts(ds.texts)
    oof = np.zeros(len(y))
    chosen = []
    everyone = np.arange(len(y), dtype=np.int64)
    with threadpool_limits(limits=1):
        for test in fitted.folds:
            train = np.setdiff1d(everyone, test)
            oof[test], c = _tfidf_lr(
                counts,
                y,
                codes,
                train,
                test,
                cs=baseline_cs,
                folds=config.folds,
                seed=config.seed,
                group_power=config.group_power,
            )
            chosen.append(c)
    t2 = time.perf_counter()
    return Evaluation(fitted, oof, tuple(chosen), {"transparent": t1 - t0, "baseline": t2 - t1})


def _by_source(
    ds: Dataset, y: NDArray[np.int64], s: NDArray[np.float64]
) -> dict[str, tuple[float | None, int, int]]:
    """AUC within each source (None when a class has fewer than 10 articles there)."""
    out = {}
    src = ds.sources
    for name in dict.fromkeys(src):
        mask = src == name
        n1, n0 = int(y[mask].sum()), int((1 - y[mask]).sum())
        auc = _auc(y[mask], s[mask]) if min(n1, n0) >= 10 else None
        out[str(name)] = (auc, n1, n0)
    return out


def external_check(ds: Dataset, config: FitConfig, holdout: str) -> dict[str, float]:
    """Train both models without ``holdout`` (a source) and score it: an unseen-corpus check."""
    src = ds.sources
    train = np.flatnonzero(src != holdout).astype(np.int64)
    test = np.flatnonzero(src == holdout).astype(np.int64)
    y = np.array(ds.labels, dtype=np.int64)
    sub = fit_values(
        [ds.values[i] for i in train],
        y[train],
        groups=[ds.groups[i] for i in train],
        config=replace(config, calibrate=False),
    ).model
    lin = np.array([_linear(sub, ds.values[i]) for i in test])
    codes = group_codes(ds.groups, len(y))
    with threadpool_limits(limits=1):
        base, _ = _tfidf_lr(
            term_counts(ds.texts),
            y,
            codes,
            train,
            test,
            cs=BASELINE_CS,
            folds=config.folds,
            seed=config.seed,
            group_power=config.group_power,
        )
    return {"transparent": _auc(y[test], lin), "baseline": _auc(y[test], base)}


def _linear(model: Model, values: dict[str, float | None]) -> float:
    return model.linear(model.contributions(values))


# --------------------------------------------------------------------------- report


def report(ev: Evaluation, ds: Dataset, *, external: dict[str, float] | None) -> str:
    """The printed report (pasted into docs/evaluation.md)."""
    m = ev.fitted.model
    r = m.report
    cv = r["cv"]
    y = ev.fitted.labels
    lines = [f"reliability {__version__}: fitting {m.name} on {len(y)} articles", ""]
    counts = (
        pd.DataFrame(
            {
                "reliable": pd.Series([r.source for r in ds.rows if r.label == 1]).value_counts(),
                "unreliable": pd.Series([r.source for r in ds.rows if r.label == 0]).value_counts(),
                "groups": pd.Series(
                    {
                        s: len({r.group for r in ds.rows if r.source == s})
                        for s in dict.fromkeys(ds.sources)
                    }
                ),
            }
        )
        .fillna(0)
        .astype(int)
    )
    table = counts.join(ds.skipped).fillna(0).astype(int)
    lines += [
        "data (short: under --min-words; unlabelled: satire / ambiguous types)",
        table.to_string(),
        "",
    ]
    lines.append(f"signals fitted: {', '.join(r['signals'])}")
    for name, why in r["excluded"].items():
        lines.append(f"  left out {name}: {why}")
    if r["at_bound"]:
        lines.append(f"  held at 0 by their sign constraint: {', '.join(r['at_bound'])}")
    lines += [
        "",
        f"grouped CV: {cv['scheme']}",
        f"chosen C (all data): {r['c']:.4g}; per "
        f"outer fold: {', '.join(f'{c:.3g}' for c in cv['fold_c'])}",
        "",
    ]
    t_auc, b_auc = ev.transparent_auc, ev.baseline_auc
    by_t = _by_source(ds, y, ev.fitted.oof_linear)
    by_b = _by_source(ds, y, ev.baseline_oof)
    lines.append(f"{'grouped-CV AUC':<34}{'transparent':>12}{'black box':>12}")
    lines.append(f"{'  all articles':<34}{t_auc:>12.3f}{b_auc:>12.3f}")
    for src, (auc_t, n1, n0) in by_t.items():
        auc_b = by_b[src][0]
        cells = (
            f"{auc_t:>12.3f}{auc_b:>12.3f}"
            if auc_t is not None and auc_b is not None
            else f"{'n/a':>12}{'n/a':>12}"
        )
        lines.append(f"  {f'{src} ({n1} vs {n0})':<32}{cells}")
    folds_t = ", ".join("n/a" if a is None else f"{a:.3f}" for a in cv["fold_auc"])
    lines.append(f"  per outer fold (transparent): {folds_t}")
    lines.append(f"  black-box C per outer fold: {', '.join(f'{c:g}' for c in ev.baseline_cs)}")
    if external is not None:
        lines.append(
            f"  {'horne2017, never seen in training':<32}{external['transparent']:>12.3f}"
            f"{external['baseline']:>12.3f}"
        )
    gap = b_auc - t_auc
    verdict = "met" if gap <= FLOOR else "NOT MET"
    lines += [
        "",
        f"floor: transparent AUC >= black box - {FLOOR}: {verdict} "
        f"({t_auc:.3f} vs {b_auc:.3f}, gap {gap:+.3f})",
        "",
        f"out of fold, classes weighted equally: accuracy {cv['accuracy']:.3f}; "
        f"log-loss {cv['log_loss']:.4f} -> {cv['log_loss_calibrated']:.4f} calibrated; "
        f"Brier {cv['brier']:.4f} -> {cv['brier_calibrated']:.4f} calibrated",
        f"calibration: {r['calibration']['note']} (slope {r['calibration']['slope']:.3f}, "
        f"offset {r['calibration']['offset']:+.3f})",
        "",
        "reliability table (out-of-fold calibrated scores, classes weighted equally)",
        pd.DataFrame(r["calibration"]["table"]).to_string(index=False, float_format="%.1f"),
        "",
    ]
    bands = r["bands"]
    lines.append(f"bands: {bands['rule']}")
    for band in ("low", "high"):
        note = bands.get(f"{band}_note", "")
        lines.append(
            f"  {band}: {bands[band]:g}  (at the threshold {bands[f'{band}_local']:.0%} "
            f"{'reliable' if band == 'high' else 'unreliable'}; the whole band "
            f"{bands[f'{band}_precision']:.0%}, holding {bands[f'{band}_share']:.0%} of the "
            f"articles) {note}".rstrip()
        )
    table = m.table()
    pd.set_option("display.width", 200)
    lines += [
        "",
        "the model (points: score points at the base score)",
        table.drop(columns=["note"]).to_string(index=False, float_format="%.4g"),
    ]
    satire = [(row, v) for row, v in ds.extra if row.kind == "satire"]
    if satire:
        scores = [sigmoid_score(_linear(m, v)) for _, v in satire]
        lines += [
            "",
            f"horne2017 satire (not fitted), {len(scores)} articles: median score "
            f"{float(np.median(scores)):.1f}, share below 50: "
            f"{float(np.mean(np.array(scores) < 50)):.2f}",
        ]
    lines.append("")
    lines.append(
        f"time: transparent {ev.seconds['transparent']:.0f} s (nested CV), "
        f"black box {ev.seconds['baseline']:.0f} s"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("data", nargs="?", default=ROOT.parent / "shared" / "data", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="weights file to write")
    ap.add_argument("--no-write", action="store_true", help="print the report only")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-words", type=int, default=100)
    ap.add_argument("--no-external", action="store_true", help="skip the held-out-source check")
    ap.add_argument("--strict", action="store_true", help="exit 1 when the AUC floor is not met")
    args = ap.parse_args(argv)
    if not (args.data / "articles").is_dir():
        print(f"no articles under {args.data}", file=sys.stderr)
        return 2
    ds = load(args.data, min_words=args.min_words)
    date = _dt.datetime.now(_dt.UTC).date()
    config = FitConfig(name=f"default-fitted-{date:%Y.%m}", seed=args.seed, folds=args.folds)
    provenance = {
        "data": (
            "shared/data/articles: politifact.jsonl.gz (FakeNewsNet, Shu et al. 2018), "
            "fakenewscorpus_sample.jsonl (FakeNewsCorpus sample, OpenSources types), "
            "horne2017.jsonl (Horne and Adali 2017); texts not redistributed"
        ),
        "labels": (
            "1 = politifact real, fakenewscorpus reliable, horne2017 real; 0 = politifact "
            "fake, fakenewscorpus fake/conspiracy/junksci/hate/unreliable/clickbait, "
            "horne2017 fake; left out: political, bias, satire, unknown and untyped"
        ),
        "groups": "outlet domain; horne2017: one group per set/label folder",
        "min_words": args.min_words,
        "script": "scripts/fit_default.py",
        "library_version": __version__,
    }
    ev = evaluate(ds, config, provenance=provenance)
    external = None if args.no_external else external_check(ds, config, "horne2017")
    model = ev.fitted.model
    at_bound = set(model.report["at_bound"])
    notes = {
        t.signal: NOTES.get(t.signal, t.note) + (AT_BOUND if t.signal in at_bound else "")
        for t in model.terms
    }
    model = replace(
        model,
        terms=tuple(replace(t, note=notes[t.signal]) for t in model.terms),
        report={
            **dict(model.report),
            "baseline": {
                "model": "TF-IDF (sublinear tf, min_df 2, max_df 0.9) + L2 logistic regression",
                "auc": ev.baseline_auc,
                "fold_c": list(ev.baseline_cs),
            },
            "floor": {"max_gap": FLOOR, "gap": ev.baseline_auc - ev.transparent_auc},
            **({"external_horne2017": external} if external else {}),
        },
    )
    printed = report(replace(ev, fitted=replace(ev.fitted, model=model)), ds, external=external)
    print(printed)
    if not args.no_write:
        model.save(args.out)
        print(f"\nwrote {args.out}")
        if args.out == DEFAULT_OUT:
            _paste_report(printed)
            print(f"pasted the report into {EVALUATION_DOC.relative_to(ROOT)}")
        golden = ROOT / "tests" / "golden"
        if golden.is_dir():
            for path in sorted(golden.glob("*.txt")):
                print(f"  golden {path.name}: {score(path, model=model).score:.1f}")
    met = ev.baseline_auc - ev.transparent_auc <= FLOOR
    return 1 if args.strict and not met else 0


def _paste_report(printed: str) -> None:
    """Put the printed report under its marker in docs/evaluation.md."""
    doc = EVALUATION_DOC.read_text(encoding="utf-8")
    head, mark, tail = doc.partition(REPORT_MARK)
    if not mark:
        raise SystemExit(f"{EVALUATION_DOC}: no {REPORT_MARK} line")
    rest = tail.split("\n```\n", 2)  # ["", the old report, what follows]
    after = rest[2] if len(rest) == 3 else tail
    EVALUATION_DOC.write_text(f"{head}{mark}\n```\n{printed}\n```\n{after}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
