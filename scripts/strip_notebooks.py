"""Remove outputs, execution counts and run metadata from Jupyter notebooks, in place.

Usage: python scripts/strip_notebooks.py NOTEBOOK.ipynb [...]   (--check: only report)

Notebooks are committed without outputs (tests/test_notebook.py checks it), so diffs show
code and prose only and no stale result is ever shipped. Plain JSON, no Jupyter needed;
the file keeps nbformat's layout (one-space indent, a final newline).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

_RUN_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


def strip(nb: dict[str, Any]) -> dict[str, Any]:
    """The notebook without outputs, counts, widget state or per-run cell metadata."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        meta = cell.get("metadata", {})
        for key in _RUN_METADATA:
            meta.pop(key, None)
    nb.get("metadata", {}).pop("widgets", None)
    return nb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--check", action="store_true", help="exit 1 if any notebook needs it")
    args = ap.parse_args(argv)
    dirty = 0
    for path in args.paths:
        before = path.read_text(encoding="utf-8")
        after = json.dumps(strip(json.loads(before)), indent=1, ensure_ascii=False) + "\n"
        if after != before:
            dirty += 1
            if args.check:
                print(f"{path}: has outputs", file=sys.stderr)
            else:
                path.write_text(after, encoding="utf-8")
                print(f"{path}: stripped")
    return 1 if args.check and dirty else 0


if __name__ == "__main__":
    sys.exit(main())
