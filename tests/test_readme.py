"""The README's example output and band thresholds match the code and the shipped model."""

from __future__ import annotations

from pathlib import Path

from reliability import default_model

from .conftest import load_script

ROOT = Path(__file__).resolve().parents[1]


def test_readme_example_output_is_current() -> None:
    render = load_script("render_readme")
    assert render.main(["--check"]) == 0, "run python scripts/render_readme.py"


def test_readme_and_docs_state_the_shipped_bands() -> None:
    bands = default_model().bands
    stated = f"below {bands['low']:g}, from {bands['high']:g}"
    for page in ("README.md", "docs/index.md"):
        assert stated in (ROOT / page).read_text(encoding="utf-8"), page


def test_the_pasted_fit_report_is_the_shipped_models() -> None:
    doc = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    report = doc.split("<!-- fit-report: written by scripts/fit_default.py -->", 1)[1]
    model = default_model()
    assert f"fitting {model.name} on" in report
    assert f"  low: {model.bands['low']:g}  (" in report
    assert f"  high: {model.bands['high']:g}  (" in report
