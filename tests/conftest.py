"""Shared fixtures: our golden articles, and the optional development data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


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
