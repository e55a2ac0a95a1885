"""Batch benchmark: a folder of many small articles, scored by the real command.

Builds a folder of N synthetic articles (text files, written by this script from a few
sentences of our own), runs ``reliability score FOLDER -o OUT.csv`` in a subprocess and
prints the wall time, the rate and the peak resident memory of the command and all its
workers together (sampled from /proc, Linux). Run it at two sizes to see that memory stays
flat, and with one and two jobs to see the speed-up::

    python benchmarks/bench_batch.py --articles 10000 --jobs 1 2 --words 600
    python benchmarks/bench_batch.py --articles 10000 100000 --jobs 2 --words 600

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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _articles import article

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


def build(folder: Path, n: int, seed: int = 7, *, words: int = 0) -> None:
    """``n`` articles in 100 sub-folders (one per outlet): short ones of 3-12 sentences, or
    generated news articles of about ``words`` words (benchmarks/_articles.py)."""
    rng = random.Random(seed)
    for i in range(n):
        sub = folder / f"outlet-{i % 100:02d}"
        if i < 100:
            sub.mkdir(parents=True)
        if words:
            art = article(words, seed * 1_000_003 + i)
            (sub / f"a{i:06d}.txt").write_text(
                f"{art['title']}\n\n{art['text']}\n", encoding="utf-8"
            )
            continue
        body = " ".join(
            rng.choice(SENTENCES).format(a=rng.randint(2, 90), b=rng.randint(91, 500))
            for _ in range(rng.randint(3, 12))
        )
        (sub / f"a{i:06d}.txt").write_text(f"Story number {i}\n\n{body}\n", encoding="utf-8")


def _tree_rss(root: int) -> int:
    """Resident memory (bytes) of ``root`` and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[int(entry.name)] = int(line.split()[1]) * 1024
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


def run(folder: Path, out: Path, jobs: int) -> tuple[float, int, float]:
    """Seconds, rows written, and the peak total RSS (MiB) of the command and its workers,
    sampled ten times a second."""
    cmd = [sys.executable, "-m", "reliability.cli", "score", str(folder), "-o", str(out)]
    cmd += ["--jobs", str(jobs), "-q"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"reliability failed ({proc.returncode}): {err}")
    with out.open(newline="", encoding="utf-8") as f:
        rows = sum(1 for _ in csv.reader(f)) - 1
    return seconds, rows, peak / 2**20


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[2000], metavar="N")
    ap.add_argument("--jobs", type=int, nargs="+", default=[2], metavar="J")
    ap.add_argument(
        "--words",
        type=int,
        default=0,
        help="generated news articles of about this many words (default: short)",
    )
    ap.add_argument("--workdir", type=Path, help="where to build the folders (default: temp)")
    args = ap.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="reliability-bench-", dir=args.workdir))
    try:
        print(f"{'articles':>9} {'jobs':>4} {'seconds':>8} {'per s':>7} {'peak MiB (all)':>15}")
        for n in args.articles:
            folder = base / f"n{n}"
            build(folder, n, words=args.words)
            rates = {}
            for jobs in args.jobs:
                seconds, rows, peak = run(folder, base / f"n{n}-j{jobs}.csv", jobs)
                if rows != n:
                    raise SystemExit(f"expected {n} rows, found {rows}")
                rates[jobs] = n / seconds
                print(f"{n:>9} {jobs:>4} {seconds:>8.1f} {n / seconds:>7.0f} {peak:>15.1f}")
            if len(rates) > 1:
                one, most = min(rates), max(rates)
                print(
                    f"{'':>9} throughput with {most} jobs / with {one}: "
                    f"{rates[most] / rates[one]:.2f}x"
                )
            shutil.rmtree(folder)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
