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
#: leaked recall 0.957 with 0.90% of article lines removed (18 of 2,003), dumps 0.916 with 0.90%
#: (2026-12-07, a seventh session: wordless rules at the span's edges kept, from 1.05%, which had
#: been one line over the issue's 1%; both removed-share pins tightened from 1.5% to the issue's
#: 1%). Before it (a sixth session: box headings of up to eight words raised the leaked recall from
#: 0.943 with 1.00% removed, and the leaked recall pin to 0.95; before it the distance from the core
#: counting up to 20 lines took 4 article lines fewer from the dumps, 0.85% against 1.05%; the
#: header's stamp or credit starting the span, a fifth session: pins raised to 0.94 and 0.91; before
#: it 0.939 and 0.913 with the same lines removed, from the wall cut; with the machine-name line
#: feature alone 0.939 with 1.00% and 0.904 with 1.05%; the versions before reached 0.939 with 1.05%
#: and 0.908 with 1.05%, and 0.937 with 1.05% and 0.903 with 1.15%). The dumps' recall pin rose to
#: 0.905 with the wall cut; the guard for sure prose below the span (a fourth session of 2026-12-07)
#: and the dated-run wall after it left both numbers as they were. The version of 2026-11-22 reached
#: 0.935 with 2.10% and 0.951 with 2.35% and was pinned at recall >= 0.92 / 0.935 with at most 2.6%
#: / 3% removed. The first version of 2026-12-06 traded recall, which the dumps had to spare against
#: the issue's floors, for article lines, which neither variant kept within them (0.948 with 1.10%,
#: 0.899 with 1.15%): the removed-share pins tightened to 1.5%, the leaked recall pin rose to 0.935
#: and the dumps' fell to 0.885. The ad-slot version after it (same day) reaches the dumps' issue
#: floors, asserted below; their recall pin is that floor and their removed-share pin stays at 1.5%,
#: tighter than the issue's 2%; its leaked recall on this half fell to 0.937 while it rose on every
#: out-of-fold split of the tuning half (docs/signals.md, "What was changed on 2026-12-06").
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
