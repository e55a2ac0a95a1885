"""Refresh what the docs say about the current code and weights.

Usage: python scripts/render_readme.py [--check]

Rewrites, from the code and reliability/weights/default.json:
- README.md: the blocks after <!-- explain-output --> and <!-- score-output -->;
- README.md and docs/index.md: the stated bands ("default bands below L, from H");
- docs/model.md: the weights table between <!-- weights-table --> and <!-- /weights-table -->.
With --check it changes nothing and exits 1 when a page is stale (tests/test_readme.py).
"""

from __future__ import annotations

import io
import math
import re
import sys
from contextlib import chdir
from pathlib import Path

from reliability import default_model, score
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


BANDS_RE = re.compile(r"default bands below [0-9.]+, from [0-9.]+")
TABLE_RE = re.compile(r"<!-- weights-table -->\n.*?<!-- /weights-table -->", re.DOTALL)


def bands_text() -> str:
    bands = default_model().bands
    return f"default bands below {bands['low']:g}, from {bands['high']:g}"


def weights_table() -> str:
    """The shipped model on a page, for docs/model.md."""
    m = default_model()
    base = 100 / (1 + math.exp(-m.intercept))
    lines = [
        "<!-- weights-table -->",
        f"Model `{m.name}`: base score {base:.1f} (intercept {m.intercept:.3f}), the score of "
        "an article whose every signal sits at its mean. Bands, chosen on out-of-fold data: "
        f"`low` below {m.bands['low']:g}, `high` from {m.bands['high']:g}. Points per scale "
        "are score points for one scale of the signal at the base score.",
        "",
        "| signal | weight | mean | scale | constraint | points per scale |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    slope = base * (100 - base) / 100  # score points per log-odds at the base score
    for t in m.terms:
        constraint = f"`{t.constraint}`" if t.constraint else "free"
        lines.append(
            f"| `{t.signal}` | {t.weight:.3f} | {t.mean:.4g} | {t.scale:.4g} | {constraint} | "
            f"{t.weight * slope:+.1f} |"
        )
    lines.append("<!-- /weights-table -->")
    return "\n".join(lines)


def render_readme(text: str) -> str | None:
    for marker, output in [
        ("explain-output", score(EXAMPLE).explain()),
        ("score-output", score_table()),
    ]:
        pattern = re.compile(rf"<!-- {marker} -->\n```text\n.*?\n```", flags=re.DOTALL)
        found = pattern.search(text)
        if found is None or pattern.search(text, found.end()) is not None:
            print(f"README.md needs exactly one {marker} block", file=sys.stderr)
            return None
        block = f"<!-- {marker} -->\n```text\n{output}\n```"
        text = text[: found.start()] + block + text[found.end() :]
    return BANDS_RE.sub(bands_text(), text)


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    stale = []
    for page in ("README.md", "docs/index.md", "docs/model.md"):
        path = ROOT / page
        before = path.read_text(encoding="utf-8")
        if page == "README.md":
            after = render_readme(before)
            if after is None:
                return 1
        elif page == "docs/index.md":
            after = BANDS_RE.sub(bands_text(), before)
        else:
            if TABLE_RE.search(before) is None:
                print(f"{page} has no weights-table block", file=sys.stderr)
                return 1
            after = TABLE_RE.sub(lambda _: weights_table(), before)
        if after != before:
            stale.append(page)
            if not check:
                path.write_text(after, encoding="utf-8")
    if check and stale:
        print(f"stale: {', '.join(stale)}: run python scripts/render_readme.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
