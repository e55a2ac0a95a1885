"""``import reliability`` and ``score()`` must not load scikit-learn (it takes about a second)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import reliability
reliability.score("Talks resumed on Monday, Foreign Minister Anna Berg said.")
heavy = sorted(m for m in ("sklearn", "scipy", "pandas") if m in sys.modules)
print(",".join(heavy) or "-")
reliability.fit, reliability.ReliabilityFeatures
print("sklearn" in sys.modules)
"""


def test_score_does_not_import_sklearn() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert out == ["-", "True"]


def test_lazy_names_are_public() -> None:
    import reliability

    for name in ("fit", "FitConfig", "FitError", "ReliabilityFeatures"):
        assert name in reliability.__all__
        assert name in dir(reliability)
        assert getattr(reliability, name) is not None
