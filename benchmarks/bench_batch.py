"""Batch benchmark: a folder of many small articles, scored by the real command.

Builds a folder of N synthetic articles (text files, written by this script from a few
sentences of our own), runs ``reliability score FOLDER -o OUT.csv`` in a subprocess and
prints the wall time, the rate and the peak memory of the largest process (the command
or one of its workers). Run it at two sizes to see that memory stays flat::

    python benchmarks/bench_batch.py --articles 10000 100000 --jobs 2

The folder is built in a temporary directory (or ``--workdir``) and removed afterwards.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = (
    "The council voted {a} to {b} on Monday to extend the night bus service, "
    "transport chair Ida Moreno said.",
    "Officials who asked not to be named said the budget would be revised in spring.",
    "Critics argue the shocking plan is a disaster for families, insiders say.",
    "The report, published by the regional audit office, found {a} errors in {b} files.",
    '"We will publish the figures every month," said spokesperson Omar Lindqvist.',
    "It is widely believed that the decision may have been made behind closed doors.",
    "Share this article",
    "Ticket prices will rise by {a} percent from June, the operator confirmed.",
)


def build(folder: Path, n: int, seed: int = 7) -> None:
    """``n`` articles of 3-12 sentences in 100 sub-folders (one per outlet)."""
    rng = random.Random(seed)
    for i in range(n):
        sub = folder / f"outlet-{i % 100:02d}"
        if i < 100:
            sub.mkdir(parents=True)
        body = " ".join(
            rng.choice(SENTENCES).format(a=rng.randint(2, 90), b=rng.randint(91, 500))
            for _ in range(rng.randint(3, 12))
        )
        (sub / f"a{i:06d}.txt").write_text(f"Story number {i}\n\n{body}\n", encoding="utf-8")


def run(folder: Path, out: Path, jobs: int) -> tuple[float, int, float]:
    """Seconds, rows written, and peak RSS (MiB) of the largest process of the run."""
    cmd = [sys.executable, "-m", "reliability.cli", "score", str(folder), "-o", str(out)]
    cmd += ["--jobs", str(jobs), "-q"]
    # A fresh parent per run, so the peak is this run's alone (RUSAGE_CHILDREN keeps the
    # largest descendant ever waited for).
    wrapper = (
        "import resource, subprocess, sys; "
        "rc = subprocess.run(sys.argv[1:]).returncode; "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(rc)"
    )
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"reliability failed ({proc.returncode}): {proc.stderr}")
    with out.open(newline="", encoding="utf-8") as f:
        rows = sum(1 for _ in csv.reader(f)) - 1
    return seconds, rows, int(proc.stdout.split()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[2000], metavar="N")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--workdir", type=Path, help="where to build the folders (default: temp)")
    args = ap.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="reliability-bench-", dir=args.workdir))
    try:
        print(f"{'articles':>9} {'jobs':>4} {'seconds':>8} {'per s':>7} {'peak MiB':>9}")
        for n in args.articles:
            folder = base / f"n{n}"
            build(folder, n)
            seconds, rows, peak = run(folder, base / f"n{n}.csv", args.jobs)
            if rows != n:
                raise SystemExit(f"expected {n} rows, found {rows}")
            print(f"{n:>9} {args.jobs:>4} {seconds:>8.1f} {n / seconds:>7.0f} {peak:>9.1f}")
            shutil.rmtree(folder)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
