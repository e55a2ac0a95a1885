"""`import reliability` stays light: pandas and matplotlib load only when their faces are used."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import reliability

_CHILD = textwrap.dedent("""
    import json, sys
    heavy = ("pandas", "matplotlib", "sklearn", "scipy")
    def loaded():
        return sorted({m.split(".")[0] for m in sys.modules} & set(heavy))
    import reliability
    steps = {"import": loaded()}
    reliability.score("The mayor, Ana Ruiz, said the bridge would reopen in May.")
    steps["score"] = loaded()
    reliability.score_frame
    steps["score_frame"] = loaded()
    try:
        reliability.plot
    except ImportError:
        pass
    steps["plot"] = loaded()
    print(json.dumps(steps))
""")


@pytest.fixture(scope="module")
def steps() -> dict[str, list[str]]:
    """Heavy modules loaded after each step, in a fresh interpreter."""
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    loaded: dict[str, list[str]] = json.loads(proc.stdout)
    return loaded


def test_import_reliability_does_not_import_pandas_or_matplotlib(
    steps: dict[str, list[str]],
) -> None:
    assert steps["import"] == []
    assert steps["score"] == []
    assert "pandas" in steps["score_frame"]
    assert "matplotlib" not in steps["score_frame"]


def test_plot_submodule_loads_matplotlib_on_first_use(steps: dict[str, list[str]]) -> None:
    pytest.importorskip("matplotlib")
    assert "matplotlib" in steps["plot"]


def test_unknown_attributes_still_raise() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        reliability.no_such_thing  # noqa: B018


def test_lazy_names_are_public_and_listed() -> None:
    for name in ("score_frame", "compare_outlets", "outlet_difference", "OutletDifference"):
        assert name in reliability.__all__
        assert callable(getattr(reliability, name))
    assert "plot" in dir(reliability)
