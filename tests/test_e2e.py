"""End to end: the real command in a subprocess over folders built here.

Every input kind with broken files mixed in; every row, error row and the exit code
checked; runs killed mid-way (SIGINT to the process group as a terminal's Ctrl-C does,
SIGTERM, SIGKILL) and finished with --resume: no duplicate and no missing row.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reliability import default_model, score
from reliability.batch import columns
from reliability.readers import iter_records

from .conftest import golden

HAS_HTML = importlib.util.find_spec("trafilatura") is not None

CAREFUL = golden("careful.txt")
NEWS = "The harbour reopened on Monday, port director Ana Silva said in a statement."

PAGE = """<html><head><title>Tram line opens</title>
<script>document.write("<p>hidden script text</p>")</script></head>
<body><nav>Home | News | Sport</nav><article><h1>Tram line opens</h1>
<p>The new tram line opened on Saturday with 12 stops between the station and the
university, the city transport office said, after three years of works.</p>
<p>&ldquo;It is a good day,&rdquo; said Mayor Elena Costa &amp; her deputy, who rode the
first tram. Fares match the bus network, the office confirmed.</p></article>
<footer>&copy; 2026</footer></body></html>"""


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "reliability.cli", *args]


def run_cli(
    cwd: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command to its end, its output captured as text."""
    return subprocess.run(
        command(*args), cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=300
    )


def clean_env(tmp_path: Path) -> dict[str, str]:
    """The process environment with a fresh, empty home and temporary folder."""
    home, tmp = tmp_path / "home", tmp_path / "tmpdir"
    home.mkdir(exist_ok=True)
    tmp.mkdir(exist_ok=True)
    env = dict(os.environ, HOME=str(home), TMPDIR=str(tmp), PYTHONDONTWRITEBYTECODE="1")
    env.pop("NO_COLOR", None)
    return env


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def build_mixed(d: Path) -> list[tuple[str, str | None]]:
    """Every input kind, good and broken; returns the expected (id, error part) in order."""
    (d / "sub").mkdir(parents=True)
    (d / "careful.txt").write_text(CAREFUL, encoding="utf-8")
    (d / "notes.md").write_text(f"# Harbour reopens\n\n{NEWS}\n", encoding="utf-8")
    (d / "one.json").write_text(json.dumps({"title": "T", "text": NEWS}), encoding="utf-8")
    (d / "list.json").write_text(
        json.dumps([{"text": NEWS, "url": "https://www.port.example/a"}, 5, {"title": "x"}]),
        encoding="utf-8",
    )
    lines = [json.dumps({"title": f"Story {i}", "text": f"{NEWS} Item {i}."}) for i in range(24)]
    lines[9] = '{"title": "broken", "text": '  # line 10
    lines[14] = ""  # line 15: blank, not an article
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "table.csv").write_text(
        'title,text,outlet\n"Two, paragraphs","First.\n\nSecond, said Bo.",gazette\n'
        "Too,many,cells,here\n"
        "Empty text,,gazette\n",
        encoding="utf-8",
    )
    (d / "table.tsv").write_text(f"title\ttext\nTab story\t{NEWS}\n", encoding="utf-8")
    (d / "page.html").write_text(PAGE, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
    (d / "latin1.txt").write_bytes(f"Café reopens\n{NEWS}".encode("cp1252"))
    (d / "utf16.txt").write_bytes(f"Harbour reopens\n{NEWS}".encode("utf-16"))
    (d / "nul-late.txt").write_bytes(NEWS.encode() * 10 + b"\x00")
    (d / "deep.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    (d / "title-only.json").write_text(json.dumps({"title": "Just a headline"}), encoding="utf-8")
    (d / "broken-link.txt").symlink_to(d / "gone.txt")
    (d / ".hidden.txt").write_text(NEWS, encoding="utf-8")
    (d / "readme.pdf").write_bytes(b"%PDF-1.4")
    (d / "sub" / "inner.txt").write_text(f"Inner story\n{NEWS}", encoding="utf-8")

    feed: list[tuple[str, str | None]] = []
    for n in range(1, 25):
        if n == 10:
            feed.append((f"feed.jsonl:{n}", "line 10: malformed JSON"))
        elif n != 15:
            feed.append((f"feed.jsonl:{n}", None))
    html_error = None if HAS_HTML else "pip install '.[html]'"
    return [
        ("binary.txt", "NUL byte at byte 8: binary data, not text"),
        ("blank.txt", "article text is empty"),
        ("broken-link.txt", "broken symbolic link"),
        ("careful.txt", None),
        ("deep.json", "malformed JSON: nested too deeply"),
        ("empty.txt", "article text is empty"),
        *feed,
        ("latin1.txt", None),
        ("list.json#1", None),
        ("list.json#2", "record 2: expected a JSON object, found a number"),
        ("list.json#3", "record 3: the mapping has no article text"),
        ("notes.md", None),
        ("nul-late.txt", "NUL byte at byte 760"),
        ("one.json", None),
        ("page.html", html_error),
        ("sub/inner.txt", None),
        ("table.csv#1", None),
        ("table.csv#2", "record 2: 4 cells, but the header has 3"),
        ("table.csv#3", "article text is empty"),
        ("table.tsv#1", None),
        ("title-only.json", "the mapping has no article text"),
        ("utf16.txt", None),
    ]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_mixed_folder_end_to_end(tmp_path: Path) -> None:
    d = tmp_path / "in"
    expected = build_mixed(d)
    stdin_data = "\n".join(json.dumps({"text": NEWS, "outlet": "wire"}) for _ in range(2)) + "\n"
    expected += [("<stdin>:1", None), ("<stdin>:2", None)]
    out = tmp_path / "scores.csv"
    env = clean_env(tmp_path)
    before = tree(tmp_path)

    proc = run_cli(
        tmp_path, "score", "in", "-", "-o", "scores.csv", "--jobs", "2", env=env, stdin=stdin_data
    )
    assert proc.returncode == 1, proc.stderr  # some inputs failed
    assert tree(tmp_path) == before | {"scores.csv"}  # nothing else written, anywhere here

    rows = read_csv(out)
    assert list(rows[0]) == list(columns())
    got_ids = [r["id"] for r in rows]
    want_ids = [i if i.startswith("<") else f"in/{i}" for i, _ in expected]
    assert got_ids == want_ids  # every article and unreadable file once, in a stable order
    for row, (_, error) in zip(rows, expected, strict=True):
        if error is None:
            assert row["error"] == "", row
            assert 0.0 <= float(row["score"]) <= 100.0
            assert row["band"] in ("low", "mixed", "high")
        else:
            assert error in row["error"], row
            assert row["score"] == row["band"] == ""
    by_id = {r["id"]: r for r in rows}
    assert by_id["in/careful.txt"]["score"] == repr(score(d / "careful.txt").score)
    assert by_id["in/careful.txt"]["outlet"] == "in"  # the folder's name
    assert by_id["in/sub/inner.txt"]["outlet"] == "sub"
    assert by_id["in/list.json#1"]["outlet"] == "port.example"  # the URL's domain
    assert by_id["in/table.csv#1"]["outlet"] == "gazette"  # the record's own
    assert by_id["<stdin>:1"]["outlet"] == "wire"
    assert by_id["in/latin1.txt"]["title"] == "Café reopens"
    assert by_id["in/notes.md"]["title"] == "Harbour reopens"

    failed = sum(1 for _, e in expected if e is not None)
    summary = proc.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"scored {len(expected) - failed}, failed {failed} in ")
    assert "reliability: in/binary.txt: NUL byte at byte 8" in proc.stderr

    # The same rows whatever the format and the number of workers.
    jsonl_args = ("score", "in", "-", "--format", "jsonl", "--jobs", "1", "-q")
    as_jsonl = run_cli(tmp_path, *jsonl_args, env=env, stdin=stdin_data)
    assert as_jsonl.returncode == 1
    assert as_jsonl.stderr == ""
    again = [json.loads(x) for x in as_jsonl.stdout.splitlines()]
    assert [r["id"] for r in again] == got_ids
    assert [r["score"] for r in again] == [float(r["score"]) if r["score"] else None for r in rows]
    assert [r["error"] or "" for r in again] == [r["error"] for r in rows]


def test_parquet_output(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"a{i}.txt").write_text(f"Story {i}\n{NEWS}", encoding="utf-8")
    (d / "bad.json").write_text("{", encoding="utf-8")
    proc = run_cli(tmp_path, "score", "in", "-o", "s.parquet", "-q", env=clean_env(tmp_path))
    assert proc.returncode == 1, proc.stderr
    table = pq.read_table(tmp_path / "s.parquet")
    assert table.column_names == list(columns())
    assert table.column("id").to_pylist() == ["in/a0.txt", "in/a1.txt", "in/a2.txt", "in/bad.json"]
    assert table.column("score").to_pylist()[3] is None
    assert not (tmp_path / "s.parquet.partial").exists()


def test_main_command_on_the_examples() -> None:
    root = Path(__file__).resolve().parents[1]
    proc = run_cli(root, "score", "examples/")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()[1:]
    scores = {line.split()[3].rsplit("/", 1)[-1]: float(line.split()[0]) for line in lines}
    assert len(scores) >= 12
    # Careful and careless reporting side by side: the contrast is visible at once, in the
    # shipped model's own bands (careless is "low", careful is at least "mixed").
    bands = default_model().bands
    for careful, careless in [
        ("port-strike-talks.txt", "port-strike-chaos.txt"),
        ("wire-roundup.jsonl:3", "wire-roundup.jsonl:4"),
    ]:
        assert scores[careful] - scores[careless] >= 40, (careful, careless, scores)
        assert scores[careful] >= bands["low"] > scores[careless]
    assert scores["reader-desk.csv#1"] > scores["reader-desk.csv#2"]


# --- interrupted runs ------------------------------------------------------------------


def build_many(d: Path, n_lines: int = 1000, n_files: int = 40) -> None:
    """Many small articles: a JSON Lines feed and a folder of text files."""
    (d / "notes").mkdir(parents=True)
    with (d / "feed.jsonl").open("w", encoding="utf-8") as f:
        for i in range(n_lines):
            text = f"{NEWS} The vote was {i} to {i + 3}, clerk Jo Park said."
            f.write(json.dumps({"title": f"Vote {i}", "text": text, "outlet": "gazette"}) + "\n")
    for i in range(n_files):
        body = f"Note {i}\nCritics argue the plan {i} may fail, sources say."
        (d / "notes" / f"n{i:03d}.txt").write_text(body, encoding="utf-8")


def rows_in(path: Path) -> list[dict[str, str]]:
    return read_csv(path) if path.exists() else []


def marked_processes(token: str) -> list[int]:
    """Processes (the command and its workers) whose environment carries ``token``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if token.encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def all_gone(token: str) -> bool:
    """Whether every process of the run has ended (waiting up to 30 s for stragglers)."""
    deadline = time.monotonic() + 30
    while marked_processes(token):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
@pytest.mark.parametrize(
    ("sig", "to_group", "jobs"),
    [
        (signal.SIGINT, True, "2"),  # Ctrl-C in a terminal: every process of the group
        (signal.SIGTERM, False, "1"),  # a scheduler stopping the command
        (signal.SIGKILL, False, "2"),  # no chance to clean up: a torn last line
    ],
    ids=["SIGINT-to-group", "SIGTERM-one-worker", "SIGKILL"],
)
def test_killed_run_resumes_without_duplicate_or_missing_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sig: signal.Signals, to_group: bool, jobs: str
) -> None:
    build_many(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    articles = {r.id: r.article for r in iter_records(["in"])}
    expected = list(articles)
    out, partial = tmp_path / "s.csv", tmp_path / "s.csv.partial"
    token = f"reliability-e2e-{uuid.uuid4()}"
    env = dict(clean_env(tmp_path), E2E_MARK=token)  # only to find our processes in /proc
    argv = command("score", "in", "-o", "s.csv", "--jobs", jobs)

    proc = subprocess.Popen(
        argv,
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    # Kill as soon as the first rows are on disk: the run is then far from done.
    deadline = time.monotonic() + 120
    while len(rows_in(partial)) < 1:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no row written in time"
        time.sleep(0.02)
    if to_group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=120)

    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 128 + sig, err
        assert f"interrupted by {sig.name}" in err
        assert "--resume" in err
    assert all_gone(token), "worker processes outlived the command"
    assert not out.exists()  # no finished-looking file from an interrupted run
    kept = rows_in(partial)
    kept_ids = [r["id"] for r in kept]
    assert 0 < len(kept_ids) < len(expected)
    assert kept_ids == expected[: len(kept_ids)]  # a clean prefix, in order

    # Resumed with one worker: the rows do not depend on --jobs, and it is quicker here.
    done = run_cli(tmp_path, "score", "in", "-o", "s.csv", "--jobs", "1", "--resume", env=env)
    assert done.returncode == 0, done.stderr
    assert not partial.exists()
    rows = read_csv(out)
    ids = [r["id"] for r in rows]
    assert ids == expected  # every article exactly once, in input order
    assert rows[: len(kept)] == kept  # what was done before is kept as it was
    assert f"skipped {len(kept):,} already in s.csv" in done.stderr
    assert f"scored {len(expected) - len(kept):,}, failed 0" in done.stderr
    for row in rows[::50]:  # kept and resumed rows alike are the article's real score
        article = articles[row["id"]]
        assert article is not None
        assert float(row["score"]) == score(article).score


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_second_interrupt_stops_at_once_and_leaves_no_worker(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    with (d / "feed.jsonl").open("w", encoding="utf-8") as f:
        for i in range(16):  # the first chunk: rows on disk quickly
            f.write(json.dumps({"text": f"{NEWS} Item {i}."}) + "\n")
        long = f"{NEWS} " * 4_000  # ~300,000 characters: seconds of work per chunk
        for _ in range(4):
            f.write(json.dumps({"text": long}) + "\n")
        for i in range(40):
            f.write(json.dumps({"text": f"{NEWS} Item {i}."}) + "\n")
    token = f"reliability-e2e-{uuid.uuid4()}"
    env = dict(clean_env(tmp_path), E2E_MARK=token)
    partial = tmp_path / "s.jsonl.partial"
    proc = subprocess.Popen(
        command("score", "in", "-o", "s.jsonl", "--jobs", "2"),
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    while not (partial.exists() and partial.read_text(encoding="utf-8").count("\n") >= 1):
        assert proc.poll() is None
        assert time.monotonic() < deadline, "no row written in time"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    first = proc.stderr.readline()  # said before waiting for the long articles
    assert "stopping once the articles in progress are scored" in first
    os.killpg(proc.pid, signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(timeout=120) == 130
    assert "interrupted by SIGINT" in rest
    assert "rows this run" not in rest  # the hard stop: no wait for the chunk in progress
    assert all_gone(token), "worker processes outlived the command"
    rows = [json.loads(x) for x in partial.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"in/feed.jsonl:{i}" for i in range(1, len(rows) + 1)]
    assert not (tmp_path / "s.jsonl").exists()
