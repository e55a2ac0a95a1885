"""Fit the clickbait-title weights and write reliability/weights/clickbait.json.

Usage: python scripts/fit_clickbait.py [DATA_DIR] [--out PATH] [--check]

DATA_DIR defaults to ../shared/data and must hold clickbait/train.jsonl (headlines
labelled by publishing site; Chakraborty et al. 2016, MIT). The article bodies in
DATA_DIR/articles, when present, are read only to tell names from common words
(capitalisation in running text) and, at the end, to report how often titles of
other outlets are flagged; their labels are never fitted.

The script runs a seeded, stratified k-fold cross-validation of the whole recipe
(vocabulary selection included, inside each fold), prints the metrics, then fits
on all headlines and writes the weights with their provenance. ``--check`` runs
the cross-validation only and writes nothing. The recipe is documented in
reliability/_clickbait_fit.py and docs/signals.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reliability import _clickbait_fit as fit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "reliability" / "weights" / "clickbait.json"
CITATION = (
    "Chakraborty, Paranjape, Kakarla and Ganguly (2016), 'Stop Clickbait: Detecting and "
    "Preventing Clickbaits in Online News Media', ASONAM 2016, pp. 9-16; data MIT-licensed"
)


def _rounded(x: Any) -> Any:
    """Metrics with four decimals, for a readable file."""
    if isinstance(x, float):
        return round(x, 4)
    if isinstance(x, dict):
        return {k: _rounded(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_rounded(v) for v in x]
    return x


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="cross-validate only")
    args = ap.parse_args(argv)
    train = args.data / "clickbait" / "train.jsonl"
    if not train.is_file():
        print(f"error: {train} not found", file=sys.stderr)
        return 2
    opts = fit.FitOptions()
    t0 = time.perf_counter()
    data = fit.read(train)
    reference = fit.read_reference(args.data)
    n_bait = sum(data.labels)
    print(f"{len(data.labels):,} headlines ({n_bait:,} clickbait) from {train}")

    scores = fit.cross_validate(data, opts, reference)
    for k, s in enumerate(scores, 1):
        print(f"  fold {k}: AUC {s.auc:.4f}  accuracy {s.accuracy:.4f}  terms {s.terms}")
    summary = fit.summary(scores)
    print(
        f"{opts.folds}-fold CV (stratified, seed {opts.seed}): "
        f"AUC {summary['auc_mean']:.4f} ± {summary['auc_sd']:.4f}, "
        f"accuracy {summary['accuracy_mean']:.4f} ± {summary['accuracy_sd']:.4f}"
    )
    if args.check:
        print(f"done in {time.perf_counter() - t0:.0f} s (nothing written)")
        return 0

    weights = fit.fit(data, range(len(data.labels)), opts, reference)
    lean = fit.reliance(weights, data)
    transfer = fit.flag_rates(weights, fit.article_titles(args.data))
    print("what the model leans on: mean |contribution - its mean| per headline (log-odds)")
    for name, value in sorted(lean.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<18} {value:.3f}")
    if transfer:
        print("transfer check, titles of other outlets (share flagged at p >= 0.5):")
        for group, r in transfer.items():
            print(f"  {group:<20} {r['flagged']:.3f} of {r['titles']}  (mean p {r['mean']:.3f})")

    out: dict[str, Any] = {
        "format": weights["format"],
        "provenance": {
            "fitted_by": "scripts/fit_clickbait.py (recipe in reliability/_clickbait_fit.py)",
            "date": dt.date.today().isoformat(),
            "data": "clickbait/train.jsonl of the project's development data",
            "data_sha256": _sha256(train),
            "data_rows": len(data.labels),
            "data_clickbait": n_bait,
            "data_citation": CITATION,
            "name_filter": "article bodies in articles/ (case counts only, labels unread)",
            "options": asdict(opts),
        },
        "metrics": _rounded(
            {
                "cv": {
                    "folds": opts.folds,
                    "stratified": True,
                    "seed": opts.seed,
                    **summary,
                    "per_fold": [asdict(s) for s in scores],
                },
                "reliance": lean,
                "transfer": transfer,
            }
        ),
        "intercept": weights["intercept"],
        "features": weights["features"],
        "vocabulary": weights["vocabulary"],
    }
    args.out.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
