from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reliability.cli import main

from .conftest import GOLDEN


def test_score_folder_prints_one_line_per_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text((GOLDEN / "careful.txt").read_text(), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(
        (GOLDEN / "leaky_tail.txt").read_text(), encoding="utf-8"
    )
    (tmp_path / "ignored.csv").write_text("x", encoding="utf-8")
    assert main(["score", str(tmp_path)]) == 0
    out = capsys.readouterr()
    lines = out.out.strip().splitlines()
    assert [ln.split("\t")[0] for ln in lines] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.txt"),
    ]
    scores = [float(ln.split("\t")[1]) for ln in lines]
    assert scores[0] > scores[1]
    assert "scored 2, failed 0" in out.err


def test_failed_file_is_reported_and_the_rest_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Officials said the talks went well.", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03")
    assert main(["score", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "empty.txt\terror\t" in out
    assert "bin.txt\terror\t" in out
    assert "ok.txt\t" in out


def test_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(tmp_path / "nope")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_clean_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "page.txt"
    f.write_text("The council met.\nLeave a Reply\n", encoding="utf-8")
    assert main(["clean", str(f)]) == 0
    assert capsys.readouterr().out == "The council met.\n"


def test_installed_command_runs_on_examples() -> None:
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, "-m", "reliability.cli", "score", "examples"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.strip().splitlines()) >= 6
