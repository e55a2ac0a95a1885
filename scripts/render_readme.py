"""Refresh the example output in README.md from the current code and weights.

Usage: python scripts/render_readme.py  (rewrites the blocks after <!-- explain-output -->
and <!-- score-output -->)
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
    return buf.getvalue().rstrip()


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
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
    readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
