"""Evaluation gate for the boilerplate classifier on the held-out pages (needs ../shared/data).

Runs ``scripts/eval_boilerplate.py`` on the held-out half of the labelled pages
(sites the weights never saw) and checks two sets of floors:

* the floors this version reaches, pinned so that no change may lower them;
* the floors issue 4 asks for (leaked: recall >= 0.95 with at most 1% of article
  lines removed; whole dumps: recall >= 0.90 with at most 2% removed). Both
  variants reach them, and both are asserted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ..conftest import load_script

#: What this version reaches on the held-out half, less a small margin (non-regression):
#: leaked recall 0.957 with 0.90% of article lines removed (18 of 2,003), dumps 0.916 with
#: 0.90% (2026-12-07). The leaked pins are the issue's floors, which the leaked pages reach
#: with little to spare; the dumps' pins are tighter than the issue's. How each version
#: moved these numbers, and the pins with them, is in docs/signals.md ("Evaluation").
PINNED = {
    "leaked": {"recall": 0.95, "article_removed_share": 0.01},
    "pages": {"recall": 0.91, "article_removed_share": 0.01},
}
#: What issue 4 asks for (the dumps' pins above, 0.91 and 1%, are tighter).
ISSUE = {
    "leaked": {"recall": 0.95, "article_removed_share": 0.01},
    "pages": {"recall": 0.90, "article_removed_share": 0.02},
}


@pytest.fixture(scope="module")
def heldout(shared_data: Path) -> dict[str, Any]:
    """Every number the evaluation script prints for the held-out half."""
    result: dict[str, Any] = load_script("eval_boilerplate").report(shared_data, "heldout")
    return result


@pytest.mark.data
@pytest.mark.parametrize("variant", ["leaked", "pages"])
def test_pinned_floors_hold(heldout: dict[str, Any], variant: str) -> None:
    got = heldout[variant]
    assert got["pages"] > 50
    assert got["recall"] >= PINNED[variant]["recall"]
    assert got["article_removed_share"] <= PINNED[variant]["article_removed_share"]
    assert got["precision"] >= 0.95


@pytest.mark.data
@pytest.mark.parametrize("variant", ["leaked", "pages"])
def test_issue_floors(heldout: dict[str, Any], variant: str) -> None:
    got = heldout[variant]
    assert got["recall"] >= ISSUE[variant]["recall"]
    assert got["article_removed_share"] <= ISSUE[variant]["article_removed_share"]


@pytest.mark.data
def test_split_keeps_sites_apart(shared_data: Path) -> None:
    script = load_script("eval_boilerplate")
    tune = {script.site(p.url) for p in script.load(shared_data, "leaked", "tune")}
    held = {script.site(p.url) for p in script.load(shared_data, "leaked", "heldout")}
    assert tune
    assert held
    assert not tune & held
    assert script.site("https://www.bbc.co.uk/news/x") == "bbc.co.uk"
    assert script.site("https://edition.cnn.com/x") == "cnn.com"


@pytest.mark.data
def test_seed_articles(shared_data: Path) -> None:
    """The project's five seed articles: four are clean, the fifth ends with a
    comment-form line and a theme blurb, and loses exactly those two lines."""
    from reliability import clean

    seeds = sorted((shared_data / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    for path in seeds[:4]:
        assert clean(path.read_text(encoding="utf-8")).removed == (), path.name
    c = clean(seeds[4].read_text(encoding="utf-8"))
    assert [r.category for r in c.removed] == ["comment_form", "theme_ad"]
    assert c.removed[0].text.startswith("Your email address will not be published")
    assert "WordPress theme" in c.removed[1].text
