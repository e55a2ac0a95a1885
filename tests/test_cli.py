"""The command line, driven in-process through main(argv): options, outputs, exit codes."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from reliability import score
from reliability._format import score_text
from reliability.batch import columns
from reliability.cli import build_parser, main

from .conftest import GOLDEN, golden

ROOT = Path(__file__).resolve().parents[1]


def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(golden("careful.txt"), encoding="utf-8")
    (d / "sub" / "b.txt").write_text(golden("leaky_tail.txt"), encoding="utf-8")
    (d / "ignored.pdf").write_bytes(b"%PDF-1.4")
    return d


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_table_on_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = folder(tmp_path)
    assert main(["score", str(d), "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["score", "band"]
    assert all(
        ln.split()[3].endswith(n) for ln, n in zip(lines[1:], ["a.txt", "b.txt"], strict=True)
    )
    first = score(GOLDEN / "careful.txt")
    assert lines[1].split()[0] == score_text(first.score)
    assert "scored 2, failed 0" in err


def test_csv_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = folder(tmp_path)
    out = tmp_path / "scores.csv"
    assert main(["score", str(d), "-o", str(out), "--jobs", "1"]) == 0
    rows = read_csv(out)
    assert [r["id"] for r in rows] == [str(d / "a.txt"), str(d / "sub" / "b.txt")]
    assert list(rows[0]) == list(columns())
    assert float(rows[0]["score"]) == score(GOLDEN / "careful.txt").score
    assert rows[0]["outlet"] == "in"  # no outlet, no URL: the folder's name
    assert rows[1]["outlet"] == "sub"
    assert f"wrote {out}" in capsys.readouterr().err


def test_format_overrides_the_suffix_and_stdout_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = folder(tmp_path)
    out = tmp_path / "scores.txt"
    assert main(["score", str(d), "-o", str(out), "--format", "jsonl", "-q"]) == 0
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == [
        str(d / "a.txt"),
        str(d / "sub" / "b.txt"),
    ]
    capsys.readouterr()
    assert main(["score", str(d), "--format", "csv", "-q"]) == 0
    out_text, err = capsys.readouterr()
    assert next(csv.reader(io.StringIO(out_text))) == list(columns())
    assert err == ""  # --quiet: no summary


def test_failures_give_rows_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = folder(tmp_path)
    (d / "empty.txt").write_text("  \n", encoding="utf-8")
    (d / "bin.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "s.csv"
    assert main(["score", str(d), "-o", str(out)]) == 1
    rows = {Path(r["id"]).name: r for r in read_csv(out)}
    assert set(rows) == {"a.txt", "b.txt", "bin.txt", "empty.txt"}
    assert rows["bin.txt"]["error"] == "NUL byte at byte 0: binary data, not text"
    assert "empty" in rows["empty.txt"]["error"]
    assert rows["a.txt"]["error"] == ""
    err = capsys.readouterr().err
    assert f"{d / 'bin.txt'}: NUL byte" in err  # failures are listed on stderr too
    assert "scored 2, failed 2" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "{tmp}/nope"], "nope: no such file or folder"),
        (["score", "-", "-"], "standard input ('-') can be read only once"),
        (["score", "{d}", "-o", "{tmp}/s.xlsx"], "cannot tell the format"),
        (["score", "{d}", "--resume"], "--resume needs an output file"),
        (["score", "{d}", "--format", "parquet"], "parquet cannot go to standard output"),
        (
            ["score", "{d}", "-o", "{tmp}/s.csv", "--format", "table"],
            "the table is for the terminal",
        ),
        (["score", "{d}", "-o", "{tmp}/missing/s.csv"], "no such folder for the output"),
        (["score", "{d}", "-o", "{tmp}"], "is a folder"),
        (["score", "{d}", "--model", "{tmp}/nope.json"], "cannot read the model"),
        (["score", "{tmp}/empty"], "no articles found"),
        (["score", "{d}", "--columns", "body=x"], "expected FIELD=COLUMN"),
        (["score", "{d}", "--jobs", "-1"], "must be 0 (all cores) or more"),
        (["explain", "{d}"], "holds several articles: pick one with --record N"),
        (["explain", "{d}/a.txt", "--record", "3"], "holds 1 article(s), not 3"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    d = folder(tmp_path)
    (tmp_path / "empty").mkdir()
    args = [a.replace("{tmp}", str(tmp_path)).replace("{d}", str(d)) for a in argv]
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "s.csv").exists()
    assert not (tmp_path / "s.csv.partial").exists()


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--help"]) == 0
    assert "--resume" in capsys.readouterr().out


def test_output_inside_the_input_folder_is_not_read_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = folder(tmp_path)
    out = d / "scores.csv"
    assert main(["score", str(d), "-o", str(out), "-q"]) == 0
    assert main(["score", str(d), "-o", str(out), "-q"]) == 0
    assert len(read_csv(out)) == 2


def test_resume_skips_what_is_done(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = folder(tmp_path)
    out = tmp_path / "s.jsonl"
    assert main(["score", str(d / "a.txt"), "-o", str(out), "-q"]) == 0
    assert main(["score", str(d), "-o", str(out), "--resume"]) == 0
    ids = [json.loads(x)["id"] for x in out.read_text().splitlines()]
    assert ids == [str(d / "a.txt"), str(d / "sub" / "b.txt")]
    err = capsys.readouterr().err
    assert f"resuming from {out}: 1 rows already there" in err
    assert f"skipped 1 already in {out}" in err


def test_top_shows_as_many_signals_as_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = folder(tmp_path)
    assert main(["score", str(d / "a.txt"), "--top", "5", "--jobs", "1", "-q"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    moved = [s for s in score(GOLDEN / "careful.txt").top(5)]
    assert row.count(", ") == len(moved) - 1 > 2  # more than the three a row used to keep
    assert all(s.name in row for s in moved)


def test_resume_that_finds_nothing_keeps_the_earlier_rows(tmp_path: Path) -> None:
    d = folder(tmp_path)
    out = tmp_path / "s.jsonl"
    partial = tmp_path / "s.jsonl.partial"
    assert main(["score", str(d), "-o", str(out), "-q"]) == 0
    out.rename(partial)  # as an interrupted run leaves it
    before = partial.read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["score", str(empty), "-o", str(out), "--resume", "-q"]) == 2
    assert partial.read_bytes() == before  # a mistyped path must not cost the earlier rows
    assert not out.exists()


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = b'{"text": "Officials said the talks went well.", "outlet": "wire"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["score", "-", "--format", "jsonl", "-q"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["id"], row["outlet"], row["error"]) == ("<stdin>:1", "wire", None)


def test_options_reach_the_reader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.csv").write_text("head,story\nT,Officials said so.\n", encoding="utf-8")
    (d / "skip.txt").write_text("Officials said so.", encoding="utf-8")
    out = tmp_path / "s.csv"
    argv = ["score", str(d), "-o", str(out), "--columns", "title=head,text=story"]
    assert main([*argv, "--exclude", "*.txt", "--outlet", "Mine", "-q"]) == 0
    rows = read_csv(out)
    assert [(r["title"], r["outlet"]) for r in rows] == [("T", "Mine")]


# --- explain and clean -------------------------------------------------------------------


def test_explain_plain(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "examples" / "articles" / "daily-blaze" / "water-secret.txt"
    assert main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out  # not a terminal: no colour
    assert "sensational_language" in out
    assert "⟦According to sources⟧" in out


def test_explain_colour(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "examples" / "articles" / "daily-blaze" / "water-secret.txt"
    assert main(["explain", str(path), "--color", "always"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[4;31mAccording to sources\x1b[0m" in out  # lowers the score: red
    assert "⟦" not in out


def test_explain_a_record_of_a_feed(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "examples" / "articles" / "wire-roundup.jsonl"
    assert main(["explain", str(path), "--record", "2", "--no-text"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("This Bridge Closure Will RUIN Your Summer")


def test_explain_unscorable_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    assert main(["explain", str(f)]) == 1
    assert "article text is empty" in capsys.readouterr().err


def test_clean_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes(b"The council met.\r\nLeave a Reply\r\n")
    assert main(["clean", str(f)]) == 0
    assert capsys.readouterr().out == "The council met.\r\n"  # what is kept is kept as it was


def test_clean_refuses_binary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes(b"\x00\x01")
    assert main(["clean", str(f)]) == 1
    assert "binary" in capsys.readouterr().err


def test_parser_defaults() -> None:
    args = build_parser().parse_args(["score", "x"])
    assert (args.jobs, args.resume, args.format, args.output) == (0, False, None, None)


def test_clean_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "The council met on Monday to debate the budget for the coming year.\n"
        "It voted by 23 votes to 14 to cut library opening hours, the mayor said.\n"
    )
    data = (body + "Share this article\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["clean", "-"]) == 0
    assert capsys.readouterr().out == body


def test_clean_a_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_clean_keeps_windows_line_endings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes(b"The council met on Monday and voted on the budget.\r\nLeave a Reply\r\n")
    assert main(["clean", str(f)]) == 0
    assert capsys.readouterr().out == "The council met on Monday and voted on the budget.\r\n"
