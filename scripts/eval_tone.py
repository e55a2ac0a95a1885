"""Print precision and recall of the hedging and sensational families on our annotated sentences.

Usage: python scripts/eval_tone.py [--show]

The sentences are in tests/golden/{hedging,sensational}_sentences.tsv (development
sets) and tests/golden/{hedging,sensational}_sentences_holdout.tsv (written after the
rules were settled), all written for this project; the annotation guide is in their
headers and in docs/signals.md. ``--show`` lists every miss and false
alarm. The floors pinned in tests/test_tone_gates.py are checked against the same
numbers.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reliability import _tone_eval

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden"
#: (family, set, file): the development sets were written with the lexicons; the
#: held-out sets after the rules were settled (first scores are in the issue report).
FILES = (
    ("hedging", "development", GOLDEN / "hedging_sentences.tsv"),
    ("hedging", "held-out", GOLDEN / "hedging_sentences_holdout.tsv"),
    ("sensational", "development", GOLDEN / "sensational_sentences.tsv"),
    ("sensational", "held-out", GOLDEN / "sensational_sentences_holdout.tsv"),
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="list misses and false alarms")
    args = ap.parse_args(argv)
    print(f"{'family':<12} {'set':<12} {'sentences':>9} {'cues':>5} {'found':>5} {'P':>6} {'R':>6}")
    results = _tone_eval.evaluate_files((family, path) for family, _, path in FILES)
    for (_, name, _), r in zip(FILES, results, strict=True):
        print(
            f"{r.family:<12} {name:<12} {r.sentences:>9} {r.expected:>5} {r.found:>5} "
            f"{r.precision:>6.3f} {r.recall:>6.3f}"
        )
        if args.show:
            for m in r.misses:
                print(f"    miss  {m}")
            for a in r.false_alarms:
                print(f"    alarm {a}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
