"""Refresh the example output in README.md from the current code and weights.

Usage: python scripts/render_readme.py [--check]

Rewrites the blocks after <!-- explain-output --> and <!-- score-output -->; with --check,
changes nothing and exits 1 when README.md is stale (tests/test_readme.py runs it).
"""

from __future__ import annotations

import io
import re
import sys
from contextlib import chdir
from pathlib import Path

from reliability import score
from reliability.batch import TableWriter, run
from reliability.readers import iter_records

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "articles" / "harbour-ledger" / "port-strike-talks.txt"


def score_table() -> str:
    """What ``reliability score examples/`` prints, run from the repository root."""
    buf = io.StringIO()
    with chdir(ROOT):
        run(iter_records(["examples/"]), TableWriter(buf), jobs=1)
    lines = buf.getvalue().rstrip().splitlines()
    # The notebook's 43 articles (examples/outlets/) are scored too; the README shows the
    # articles/ folder and says how many more rows there are.
    shown = [ln for ln in lines if "examples/outlets/" not in ln]
    more = len(lines) - len(shown)
    if more:
        shown.append(f"… and {more} rows for examples/outlets/articles.jsonl (the notebook's data)")
    return "\n".join(shown)


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    readme = ROOT / "README.md"
    before = text = readme.read_text(encoding="utf-8")
    for marker, output in [
        ("explain-output", score(EXAMPLE).explain()),
        ("score-output", score_table()),
    ]:
        pattern = re.compile(rf"<!-- {marker} -->\n```text\n.*?\n```", flags=re.DOTALL)
        found = pattern.search(text)
        n = 1 if found is not None and pattern.search(text, found.end()) is None else 0
        if found is not None:
            block = f"<!-- {marker} -->\n```text\n{output}\n```"
            text = text[: found.start()] + block + text[found.end() :]
        if n != 1:
            print(f"README.md has no {marker} block", file=sys.stderr)
            return 1
    if check:
        if text != before:
            print("README.md is stale: run python scripts/render_readme.py", file=sys.stderr)
            return 1
        return 0
    readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
