"""Refresh the example output in README.md from the current code and weights.

Usage: python scripts/render_readme.py  (rewrites the block after <!-- explain-output -->)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from reliability import score

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "articles" / "harbour-ledger" / "port-strike-talks.txt"


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    output = score(EXAMPLE).explain()
    block = f"<!-- explain-output -->\n```text\n{output}\n```"
    new, n = re.subn(
        r"<!-- explain-output -->\n```text\n.*?\n```", lambda _: block, text, flags=re.DOTALL
    )
    if n != 1:
        print("README.md has no explain-output block", file=sys.stderr)
        return 1
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
