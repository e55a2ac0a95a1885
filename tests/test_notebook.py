"""examples/compare_outlets.ipynb: committed without outputs, and it runs from top to bottom."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "examples").glob("**/*.ipynb"))
COMPARE = ROOT / "examples" / "compare_outlets.ipynb"


def test_strip_script_removes_outputs(tmp_path: Path) -> None:
    nb = json.loads(COMPARE.read_text(encoding="utf-8"))
    dirty = json.loads(json.dumps(nb))
    code = next(c for c in dirty["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}]
    code["execution_count"] = 3
    code["metadata"]["execution"] = {"iopub.status.idle": "2026-11-22T00:00:00Z"}
    path = tmp_path / "dirty.ipynb"
    path.write_text(json.dumps(dirty, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    strip = load_script("strip_notebooks")
    assert strip.main(["--check", str(path)]) == 1
    assert strip.main([str(path)]) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == nb
    assert strip.main(["--check", str(path)]) == 0


def test_the_example_notebook_exists() -> None:
    assert COMPARE in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_have_no_outputs(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: strip outputs before committing"
            assert cell["execution_count"] is None
        assert not cell.get("attachments")
    assert "widgets" not in nb["metadata"]


def _kernel_dir(tmp_path: Path) -> Path:
    """A kernel spec named python3 that runs *this* interpreter, whatever else is installed."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "Python 3", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    return tmp_path / "jupyter"


@pytest.mark.slow
def test_compare_outlets_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("JUPYTER_PATH", str(_kernel_dir(tmp_path)))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(COMPARE, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(COMPARE.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell, if any cell fails
    outputs: list[dict[str, Any]] = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs
    ]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the two plots
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert sum("reliability-profile" in h for h in html) == 2  # the two profiles
    printed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "beyond noise" in printed
    # the strip script turns the executed notebook back into the committed cells
    executed = tmp_path / "executed.ipynb"
    nbformat.write(nb, executed)
    assert load_script("strip_notebooks").main([str(executed)]) == 0
    committed = json.loads(COMPARE.read_text(encoding="utf-8"))
    assert json.loads(executed.read_text(encoding="utf-8"))["cells"] == committed["cells"]
