"""The documentation site builds with MkDocs in strict mode (warnings are errors), offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs.yml"


def _config() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    data: dict[str, Any] = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return data


def _nav_pages(nav: list[Any]) -> list[str]:
    pages: list[str] = []
    for item in nav:
        for value in item.values() if isinstance(item, dict) else [item]:
            pages.extend(_nav_pages(value) if isinstance(value, list) else [value])
    return pages


def _build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config),
            "--site-dir",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )


def test_every_page_is_in_the_nav_and_the_config_stays_offline() -> None:
    cfg = _config()
    pages = _nav_pages(cfg["nav"])
    on_disk = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    assert sorted(pages) == on_disk
    for page in ("index.md", "signals.md", "model.md", "batch.md", "notebook.md", "limits.md"):
        assert page in pages
    assert cfg["strict"] is True
    assert cfg["theme"]["name"] == "material"
    assert cfg["theme"]["font"] is False  # no web fonts fetched by readers' browsers
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in cfg.get("plugins", [])]
    assert plugins == ["search"]  # nothing that downloads at build time (social, privacy, ...)


@pytest.mark.slow
def test_site_builds_strict(tmp_path: Path) -> None:
    proc = _build(CONFIG, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    for page in _nav_pages(_config()["nav"]):
        name = page.removesuffix(".md")
        built = tmp_path / "site" / ("index.html" if name == "index" else f"{name}/index.html")
        assert built.is_file(), page
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Getting started" in index


@pytest.mark.slow
def test_strict_build_fails_on_a_broken_link(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(CONFIG, tmp_path / "mkdocs.yml")
    with (tmp_path / "docs" / "notebook.md").open("a", encoding="utf-8") as fh:
        fh.write("\nSee [the missing page](missing.md).\n")
    proc = _build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode != 0
    assert "missing.md" in proc.stderr
