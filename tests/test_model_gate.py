"""Evaluation gate for the fitted default model, on ../shared/data (skipped without it).

It re-runs scripts/fit_default.py's evaluation once per session: the signals of every
article, the nested grouped CV of the transparent model, and the TF-IDF baseline on the
same folds (with its C fixed at 100, the value every outer fold chose in the full run,
to save the inner search).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reliability import FitConfig, default_model

from .conftest import load_script

pytestmark = [pytest.mark.data, pytest.mark.slow]

#: Pinned from the run recorded in docs/evaluation.md (0.838); a change may not lower it.
TRANSPARENT_AUC_FLOOR = 0.83
#: No-skill Brier score with classes weighted equally is 0.25; the run gave 0.1637.
BRIER_CEILING = 0.17


@pytest.fixture(scope="session")
def evaluation(shared_data: Path) -> Any:
    script = load_script("fit_default")
    shipped = default_model()
    min_words = int(shipped.provenance.get("min_words", 100))
    dataset = script.load(shared_data, min_words=min_words)
    config = FitConfig.from_json(shipped.provenance["config"])
    return script.evaluate(dataset, config, baseline_cs=(100.0,))


def test_default_weights_are_reproducible_from_the_data(evaluation: Any) -> None:
    refit = evaluation.fitted.model
    shipped = default_model()
    stale = "reliability/weights/default.json is stale: re-run python scripts/fit_default.py"
    assert refit.signals == shipped.signals, stale
    for a, b in zip(refit.terms, shipped.terms, strict=True):
        assert a.weight == pytest.approx(b.weight, abs=1e-9), f"{a.signal}: {stale}"
        assert a.mean == pytest.approx(b.mean, abs=1e-9), f"{a.signal}: {stale}"
        assert a.scale == pytest.approx(b.scale, abs=1e-9), f"{a.signal}: {stale}"
        assert a.constraint == b.constraint
    assert refit.intercept == pytest.approx(shipped.intercept, abs=1e-9), stale
    assert refit.bands == shipped.bands, stale


def test_transparent_grouped_cv_auc_floor(evaluation: Any) -> None:
    assert evaluation.transparent_auc >= TRANSPARENT_AUC_FLOOR


def test_calibrated_scores_beat_no_skill(evaluation: Any) -> None:
    cv = evaluation.fitted.model.report["cv"]
    assert cv["brier_calibrated"] <= BRIER_CEILING
    assert cv["brier_calibrated"] <= cv["brier"] + 1e-12  # calibration never made it worse


@pytest.mark.xfail(
    strict=True,
    reason=(
        "issue 6 floor not met: the black box (TF-IDF + LR) leads on PolitiFact, where it "
        "learns era and topic; the transparent model leads on horne2017 (numbers: "
        "docs/evaluation.md). Remove this mark once the floor holds (strict: it fails as "
        "soon as the floor is met)."
    ),
)
def test_transparent_model_is_within_003_of_the_black_box(evaluation: Any) -> None:
    assert evaluation.transparent_auc >= evaluation.baseline_auc - 0.03
