"""Shared fixtures: our golden articles, and the optional development data."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

GOLDEN = Path(__file__).parent / "golden"
SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def data_dir() -> Path | None:
    """``../shared/data`` (or $RELIABILITY_DATA) when present, else None."""
    env = os.environ.get("RELIABILITY_DATA")
    candidates = [Path(env)] if env else []
    candidates.append(Path(__file__).resolve().parents[2] / "shared" / "data")
    for c in candidates:
        if (c / "README.md").is_file():
            return c
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The development data folder; skips the test where it is absent."""
    found = data_dir()
    if found is None:
        pytest.skip("../shared/data is not present (evaluation gates run where it is)")
    return found


def golden(name: str) -> str:
    """The text of one of our golden articles."""
    return (GOLDEN / name).read_text(encoding="utf-8")


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module, loaded once (``scripts/`` is not a package)."""
    key = f"_reliability_script_{name}"
    if key in sys.modules:
        return sys.modules[key]
    if str(SCRIPTS) not in sys.path:  # the scripts import each other ("eval_boilerplate")
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(key, SCRIPTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module  # dataclasses look their module up by name while it runs
    spec.loader.exec_module(module)
    return module
