"""Out-of-fold evaluation of the whole boilerplate pipeline on the tuning half.

Usage: python scripts/oof_boilerplate.py [DATA_DIR] [--folds 5] [--seed N] [--exclude ID ...]
       [--lines PATH] [--json PATH] [--weights DIR]

Only the ``tune`` half of ../shared/data/boilerplate is read (``split_of`` in
scripts/eval_boilerplate.py); the held-out half is never loaded. Its sites are
cut into folds (``GroupKFold`` by site). For each fold, everything
scripts/fit_boilerplate.py fits (line model and its ranges, head, tail and
insert models, biases, drawdowns, line weight and insert threshold) is fitted
on the other folds' pages only, written to a temporary weights file, and the
classifier, reading that file, labels the fold's leaked pages, whole dumps,
bare articles (the leaked pages' article lines alone) and short leaks (the article
with its first one to three tail lines, or its last one or two head lines, as
fit_boilerplate.py trains on). The scores are those of
scripts/eval_boilerplate.py (boilerplate precision and recall, share of article
lines removed, micro over lines), summed over the folds.

The settings the fit chooses (biases, drawdowns) depend on a few pages, so the
numbers move with the split: ``--seed`` shuffles the sites before they are cut
into folds, to compare a change over several splits. ``--exclude`` also prints
the scores without the given pages (by id);
``--lines`` writes every out-of-fold verdict (one JSON object per text) and
``--json`` the settings chosen per fold and the counts per page, and
``--weights`` each fold's weights, to files outside the repository, for error
analysis.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from eval_boilerplate import Page, Scores, evaluate, load, predict, site
from fit_boilerplate import _variants, fit_weights, texts
from sklearn.model_selection import GroupKFold

from reliability.signals import boilerplate

#: What is scored: the leaked pages, the whole dumps, and the variants fit_boilerplate.py
#: trains on too: the article alone, with its first one to three tail lines, and with
#: its last one or two head lines (the common real case of a short leak).
KINDS = ("leaked", "pages", "clean", "tail", "head")


def _add(a: Scores, b: Scores) -> Scores:
    return Scores(
        a.pages + b.pages,
        a.lines + b.lines,
        a.boilerplate + b.boilerplate,
        a.flagged + b.flagged,
        a.true_flags + b.true_flags,
        a.article_removed + b.article_removed,
    )


def folds_of(sites: Sequence[str], k: int, seed: int | None = None) -> dict[str, int]:
    """Each site's fold: ``GroupKFold`` over the tuning pages, grouped by site (with a
    ``seed``, the sites are shuffled first: another split, to see how much the numbers
    owe to one)."""
    out: dict[str, int] = {}
    kfold = (
        GroupKFold(n_splits=k)
        if seed is None
        else GroupKFold(n_splits=k, shuffle=True, random_state=seed)
    )
    for f, (_, test) in enumerate(kfold.split(np.zeros(len(sites)), groups=sites)):
        for j in test:
            out[sites[j]] = f
    return out


def tune_pages(data: Path) -> dict[str, list[Page]]:
    """The tuning half's leaked pages, dumps, and the variants of each leaked page
    (fit_boilerplate.py's ``clean``, ``tail`` and ``head`` texts)."""
    leaked = load(data, "leaked", "tune")
    out: dict[str, list[Page]] = {"leaked": leaked, "pages": load(data, "pages", "tune")}
    for kind in ("clean", "tail", "head"):
        out[kind] = [
            Page(p.id, p.url, tuple(lines), tuple(labels))
            for p in leaked
            for k, lines, labels in _variants(p)
            if k == kind
        ]
    return out


def run(
    data: Path,
    k: int,
    lines_out: Path | None = None,
    keep_weights: Path | None = None,
    seed: int | None = None,
) -> dict[str, Any]:
    """Fit on ``k - 1`` folds, score the ``k``-th: the settings chosen per fold, and
    per-page counts for every kind."""
    pages = tune_pages(data)
    sites = [site(p.url) for p in pages["leaked"]]
    fold = folds_of(sites, k, seed)
    train_texts = texts(data)
    per_page: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    verdicts: list[dict[str, Any]] = []
    settings: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "boilerplate.json"
        try:
            for f in range(k):
                train = [t for t in train_texts if fold[t.site] != f]
                weights = fit_weights(train)
                path.write_text(json.dumps(weights), encoding="utf-8")
                if keep_weights is not None:
                    (keep_weights / f"fold{f}.json").write_text(json.dumps(weights), "utf-8")
                settings.append(
                    {
                        "head_bias": weights["head"]["bias"],
                        "tail_bias": weights["tail"]["bias"],
                        "dump_head_bias": weights["head"]["dump_bias"],
                        "dump_tail_bias": weights["tail"]["dump_bias"],
                        **weights["extend"],
                        "insert_threshold": weights["insert"]["threshold"],
                    }
                )
                boilerplate.use_weights(path)
                for kind in KINDS:
                    for p in pages[kind]:
                        if fold[site(p.url)] != f:
                            continue
                        scores, _ = evaluate([p])
                        per_page[kind].append(
                            {
                                "id": p.id,
                                "fold": f,
                                **scores.to_dict(),
                                "flagged": scores.flagged,
                                "true_flags": scores.true_flags,
                            }
                        )
                        if lines_out is not None:
                            verdicts.append(
                                {
                                    "kind": kind,
                                    "id": p.id,
                                    "url": p.url,
                                    "fold": f,
                                    "lines": p.lines,
                                    "gold": p.boilerplate,
                                    "pred": [flag for flag, _ in predict(p.lines)],
                                    "cat": [cat for _, cat in predict(p.lines)],
                                }
                            )
                print(f"fold {f}: {len(train)} training texts, {settings[-1]}", file=sys.stderr)
        finally:
            boilerplate.use_weights(None)
    if lines_out is not None:
        with open(lines_out, "w", encoding="utf-8") as fh:
            for v in verdicts:
                fh.write(json.dumps(v, ensure_ascii=False) + "\n")
    return {"settings": settings, **per_page}


def total(rows: Sequence[dict[str, Any]], exclude: frozenset[str] = frozenset()) -> Scores:
    """Micro totals over the pages ``rows`` (except ``exclude``)."""
    out = Scores(0, 0, 0, 0, 0, 0)
    for r in rows:
        if r["id"] in exclude:
            continue
        page = Scores(
            1,
            r["lines"],
            r["boilerplate_lines"],
            r["flagged"],
            r["true_flags"],
            r["article_lines_removed"],
        )
        out = _add(out, page)
    return out


def _lines(result: dict[str, Any], exclude: frozenset[str]) -> Iterator[str]:
    for f, setting in enumerate(result["settings"]):
        yield f"fold {f} setting: " + ", ".join(f"{k} {v:g}" for k, v in setting.items())
    views = [("all tune pages", frozenset[str]())]
    if exclude:
        views.append((f"without {len(exclude)} excluded pages", exclude))
    for label, skip in views:
        yield label
        for kind in KINDS:
            s = total(result[kind], skip)
            hit = Counter(r["id"] for r in result[kind] if r["article_lines_removed"])
            yield (
                f"  {kind:7s} pages {s.pages:4d}  lines {s.lines:6d}  "
                f"boilerplate precision {s.precision:.3f}  recall {s.recall:.3f}  "
                f"article lines removed {s.article_removed_share:.2%} ({s.article_removed}, "
                f"on {len(hit.keys() - skip)} pages)"
            )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("data", nargs="?", type=Path, default=Path("../shared/data"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, help="shuffle the sites before cutting the folds")
    ap.add_argument("--exclude", nargs="*", default=[], help="page ids also left out of a total")
    ap.add_argument("--lines", type=Path, help="write every out-of-fold verdict here (JSONL)")
    ap.add_argument("--json", type=Path, help="write the settings and per-page counts here")
    ap.add_argument("--weights", type=Path, help="keep each fold's weights in this folder")
    args = ap.parse_args(argv)
    if not (args.data / "boilerplate").is_dir():
        print(f"no boilerplate data under {args.data}", file=sys.stderr)
        return 2
    if args.weights is not None:
        args.weights.mkdir(parents=True, exist_ok=True)
    result = run(args.data, args.folds, args.lines, args.weights, args.seed)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    for line in _lines(result, frozenset(args.exclude)):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
