"""The batch engine: rows, ordered parallel scoring, writers, atomic and resumable files."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reliability.batch as batch
from reliability import SIGNAL_NAMES, Article, score
from reliability._format import score_text
from reliability.batch import (
    CHUNK_RECORDS,
    CsvWriter,
    JsonlWriter,
    OutputFile,
    Progress,
    ResumeError,
    Row,
    TableWriter,
    columns,
    count_records,
    partial_path,
    run,
    score_record,
)
from reliability.readers import ReadOptions, Record, iter_records

from .conftest import golden

CAREFUL = golden("careful.txt")
LEAKY = golden("leaky_tail.txt")


def article_records(n: int, prefix: str = "r") -> list[Record]:
    texts = [CAREFUL, LEAKY, "Critics argue the shocking plan may fail, insiders say."]
    return [
        Record(f"{prefix}{i:05d}", article=Article(text=texts[i % 3], title=f"Title {i}"))
        for i in range(n)
    ]


class ListSink:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.flushes = 0

    def write(self, rows: Sequence[Row]) -> None:
        self.rows.extend(rows)

    def flush(self) -> None:
        self.flushes += 1


# --- rows ----------------------------------------------------------------------------


def test_columns_follow_signal_names() -> None:
    assert columns() == ("id", "outlet", "title", "score", "band", *SIGNAL_NAMES, "error")


def test_row_of_a_scored_article_matches_score() -> None:
    art = Article(text=CAREFUL, title="Border plan", outlet="gazette")
    row = score_record(Record("x", article=art))
    profile = score(art)
    assert row.ok
    assert (row.id, row.outlet, row.title, row.score, row.band) == (
        "x",
        "gazette",
        "Border plan",
        profile.score,
        profile.band,
    )
    assert row.values == tuple(profile.signals[n].value for n in SIGNAL_NAMES)
    assert row.top == tuple((s.name, s.points) for s in profile.top(len(SIGNAL_NAMES)))
    assert len(row.top) > 3  # every signal that moved the score, not only three
    assert list(row.to_dict()) == list(columns())


@pytest.mark.parametrize(
    ("record", "error"),
    [
        (Record("e", error="malformed JSON", outlet="o", title="t"), "malformed JSON"),
        (Record("e", article=Article(text="   \n ")), "article text is empty"),
        (Record("e", article=Article(text="", title="Only a title")), "article text is empty"),
    ],
)
def test_error_rows(record: Record, error: str) -> None:
    row = score_record(record)
    assert not row.ok
    assert row.error is not None
    assert error in row.error
    assert (row.score, row.band) == (None, None)
    assert row.values == (None,) * len(SIGNAL_NAMES)


def test_error_row_keeps_what_is_known() -> None:
    row = score_record(Record("e", error="bad", outlet="gazette", title="A title"))
    assert (row.outlet, row.title) == ("gazette", "A title")
    row = score_record(Record("e", article=Article(text="", title="T", outlet="o")))
    assert (row.outlet, row.title) == ("o", "T")


def test_a_bug_in_a_signal_becomes_an_error_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(article: object, *, model: object = None) -> object:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(batch, "score", broken)
    row = score_record(Record("x", article=Article(text=CAREFUL)))
    assert row.error == "internal error, please report it: ZeroDivisionError: division by zero"


def test_memory_error_becomes_an_error_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def hungry(article: object, *, model: object = None) -> object:
        raise MemoryError

    monkeypatch.setattr(batch, "score", hungry)
    row = score_record(Record("x", article=Article(text=CAREFUL)))
    assert row.error == "MemoryError: input too large or too deeply nested"


def test_cells_are_single_clean_lines() -> None:
    row = Row.failed("id", "line one\nline two\x1b[31m", title="A\ttitle\x00")
    assert row.error == "line one line two\ufffd[31m"
    assert row.title == "A title\ufffd"


# --- run: order, determinism, bounded reading ------------------------------------------


def test_rows_are_in_input_order_and_identical_for_any_jobs() -> None:
    recs = article_records(3 * CHUNK_RECORDS + 5)
    recs.insert(7, Record("bad", error="unreadable"))
    one, two = ListSink(), ListSink()
    s1 = run(recs, one, jobs=1)
    s2 = run(recs, two, jobs=2)
    assert [r.id for r in one.rows] == [r.id for r in recs]
    assert one.rows == two.rows  # same floats, same order, whatever the workers
    assert s1 == s2
    assert (s1.scored, s1.failed) == (len(recs) - 1, 1)


def test_run_skips_known_ids_and_ignores_duplicates() -> None:
    recs = article_records(10)
    recs.append(recs[2])
    sink = ListSink()
    summary = run(recs, sink, skip={"r00000", "r00005"})
    assert [r.id for r in sink.rows] == [f"r{i:05d}" for i in range(10) if i not in (0, 5)]
    assert (summary.skipped, summary.duplicates, summary.written) == (2, 1, 8)
    assert summary.found == len(recs)


@pytest.mark.parametrize("jobs", [1, 2])
def test_records_are_read_lazily(jobs: int) -> None:
    pulled = 0
    pulled_at_first_row: list[int] = []

    def source() -> Iterator[Record]:
        nonlocal pulled
        for rec in article_records(200):
            pulled += 1
            yield rec

    class Watch(ListSink):
        def write(self, rows: Sequence[Row]) -> None:
            if not self.rows:
                pulled_at_first_row.append(pulled)
            super().write(rows)

    sink = Watch()
    run(source(), sink, jobs=jobs)
    assert len(sink.rows) == 200
    bound = (jobs * batch.AHEAD_PER_WORKER + 2) * CHUNK_RECORDS if jobs > 1 else CHUNK_RECORDS
    assert pulled_at_first_row[0] <= bound  # never the whole input before the first row


@pytest.mark.parametrize("jobs", [1, 2])
def test_stop_keeps_a_prefix_of_rows(jobs: int) -> None:
    recs = article_records(11 * CHUNK_RECORDS)
    stop = threading.Event()
    sink = ListSink()
    summary = run(recs, sink, jobs=jobs, stop=stop, observe=lambda rows: stop.set())
    assert summary.interrupted
    assert 0 < len(sink.rows) < len(recs)
    assert [r.id for r in sink.rows] == [r.id for r in recs[: len(sink.rows)]]
    assert sink.flushes >= 1


def test_custom_model_travels_to_workers(tmp_path: Path) -> None:
    from reliability import default_model
    from reliability.model import from_json

    data = default_model().to_json()
    data["name"] = "flat"
    data["intercept"] = 1.0
    for term in data["terms"]:
        term["weight"] = 0.0
    flat = from_json(data)
    sink = ListSink()
    run(article_records(2 * CHUNK_RECORDS + 1), sink, jobs=2, model=flat)
    expected = score(CAREFUL, model=flat).score
    assert {r.score for r in sink.rows} == {expected}


# --- writers ---------------------------------------------------------------------------


def sample_rows() -> list[Row]:
    recs = [*article_records(2), Record('bad, "quoted"', error="line 3: malformed JSON")]
    return [score_record(r) for r in recs]


def test_csv_writer_round_trips() -> None:
    buf = io.StringIO()
    rows = sample_rows()
    CsvWriter(buf).write(rows)
    got = list(csv.reader(io.StringIO(buf.getvalue())))
    assert tuple(got[0]) == columns()
    assert got[1][0] == "r00000"
    assert float(got[1][3]) == rows[0].score  # full precision
    assert got[3][0] == 'bad, "quoted"'
    assert got[3][3:5] == ["", ""]  # no score, no band
    assert got[3][-1] == "line 3: malformed JSON"
    assert len(buf.getvalue().splitlines()) == 4  # one physical line per row


def test_jsonl_writer() -> None:
    buf = io.StringIO()
    rows = sample_rows()
    JsonlWriter(buf).write(rows)
    got = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [list(g) for g in got] == [list(columns())] * 3
    assert got[0]["score"] == rows[0].score
    assert got[2]["score"] is None
    assert got[2]["error"] == "line 3: malformed JSON"


def test_table_writer() -> None:
    buf = io.StringIO()
    rows = sample_rows()
    TableWriter(buf, top=1).write(rows)
    lines = buf.getvalue().splitlines()
    assert lines[0].split()[:4] == ["score", "band", "outlet", "article"]
    assert rows[0].score is not None
    assert lines[1].split()[0] == score_text(rows[0].score)
    assert rows[0].top[0][0] in lines[1]
    assert lines[3].split()[:2] == ["-", "error"]
    assert lines[3].endswith("line 3: malformed JSON")


def test_table_writer_clips_to_the_terminal_width() -> None:
    buf = io.StringIO()
    long = Row.failed("x" * 200, "word " * 100)
    TableWriter(buf, width=100).write([long])
    assert all(len(line) <= 100 for line in buf.getvalue().splitlines())
    assert "…" in buf.getvalue()


# --- output files: atomic, resumable -----------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_output_is_written_atomically(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"scores.{fmt}"
    f = OutputFile(out, fmt)
    f.write(sample_rows())
    f.flush()
    assert partial_path(out).exists()
    assert not out.exists()  # nothing that looks finished until commit
    f.commit()
    assert out.exists()
    assert not partial_path(out).exists()
    assert ids_in(out, fmt) == [r.id for r in sample_rows()]


def ids_in(path: Path, fmt: str) -> list[str]:
    if fmt == "csv":
        return [row[0] for row in list(csv.reader(path.open(newline="")))[1:]]
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in path.open()]
    import pyarrow.parquet as pq

    return [str(x) for x in pq.read_table(path).column("id").to_pylist()]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_resume_from_a_partial_with_a_torn_last_line(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"scores.{fmt}"
    rows = [score_record(r) for r in article_records(5)]
    f = OutputFile(out, fmt)
    f.write(rows[:3])
    f.suspend()
    with partial_path(out).open("a", encoding="utf-8") as p:
        p.write('r00003,"torn in the midd')  # a run killed while writing
    resumed = OutputFile(out, fmt, resume=True)
    assert resumed.resumed_from == partial_path(out)
    assert resumed.done == {"r00000", "r00001", "r00002"}
    resumed.write(rows[3:])
    resumed.commit()
    assert ids_in(out, fmt) == [r.id for r in rows]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_resume_from_a_finished_output(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"scores.{fmt}"
    rows = [score_record(r) for r in article_records(4)]
    f = OutputFile(out, fmt)
    f.write(rows[:2])
    f.commit()
    before = out.read_bytes()
    resumed = OutputFile(out, fmt, resume=True)
    assert resumed.resumed_from == out
    assert resumed.done == {"r00000", "r00001"}
    assert out.read_bytes() == before  # the finished file is untouched until commit
    resumed.write(rows[2:])
    resumed.commit()
    assert ids_in(out, fmt) == [r.id for r in rows]


def test_parquet_values_and_types(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "s.parquet"
    f = OutputFile(out, "parquet")
    rows = sample_rows()
    f.write(rows)
    f.commit()
    table = pq.read_table(out)
    assert table.column_names == list(columns())
    assert str(table.schema.field("score").type) == "double"
    assert table.column("score").to_pylist() == [r.score for r in rows]
    assert table.column("error").to_pylist() == [r.error for r in rows]


def test_empty_parquet_has_the_schema(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "s.parquet"
    OutputFile(out, "parquet").commit()
    assert pq.read_table(out).column_names == list(columns())


def test_resume_refuses_other_columns(tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    out.write_text("id,score\nx,1\n", encoding="utf-8")
    with pytest.raises(ResumeError, match="other columns"):
        OutputFile(out, "csv", resume=True)
    out = tmp_path / "s.jsonl"
    out.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ResumeError, match="other columns"):
        OutputFile(out, "jsonl", resume=True)


def test_resume_refuses_a_corrupt_middle_line(tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    f = OutputFile(out, "jsonl")
    f.write(sample_rows()[:1])
    f.commit()
    with out.open("a", encoding="utf-8") as h:
        h.write("garbage\n")
    with pytest.raises(ResumeError, match="line 2 is not JSON"):
        OutputFile(out, "jsonl", resume=True)


def test_without_resume_an_old_partial_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    partial_path(out).write_text("old junk\n", encoding="utf-8")
    f = OutputFile(out, "csv")
    assert f.replaced_partial
    assert f.done == frozenset()
    f.write(sample_rows()[:1])
    f.commit()
    assert "old junk" not in out.read_text(encoding="utf-8")


def test_discard_leaves_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    out.write_text("previous\n", encoding="utf-8")
    f = OutputFile(out, "csv")
    f.discard()
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not partial_path(out).exists()


# --- progress ------------------------------------------------------------------------


def test_count_records_matches_the_reader(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "a"}\n{"text": "b"}\nbad\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("text", encoding="utf-8")
    opts = ReadOptions()
    assert count_records([str(tmp_path)], opts) == len(list(iter_records([tmp_path], opts))) == 4
    stop = threading.Event()
    stop.set()
    assert count_records([str(tmp_path)], opts, stop) is None


def test_progress_bar_shows_count_rate_and_total() -> None:
    buf = io.StringIO()
    bar = Progress(enabled=True, stream=buf, count=lambda stop: 10)
    assert bar.counted.wait(10)
    bar.advance(4, failed=1)
    bar.advance(1, skipped=True)
    bar.close()
    shown = buf.getvalue()
    assert "/10" in shown
    assert "failed 1" in shown


def test_disabled_progress_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progress(enabled=False)
    bar.advance(3)
    bar.echo(io.StringIO())("x")
    bar.close()
    assert capsys.readouterr().err == ""


def test_resume_reads_back_a_very_long_title(tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    long_title = "word " * 50_000  # over the csv module's default field limit
    rows = [score_record(Record("long", article=Article(text=CAREFUL, title=long_title)))]
    f = OutputFile(out, "csv")
    f.write(rows)
    f.commit()
    assert OutputFile(out, "csv", resume=True).done == {"long"}


# --- invariants (hypothesis) ----------------------------------------------------------

_TEXTS = ["Officials said the port reopened.", "", "Critics argue it may fail.", "  \n"]


@settings(max_examples=40, deadline=None)
@given(
    picks=st.lists(st.tuples(st.integers(0, 12), st.integers(0, 3), st.booleans()), max_size=40),
    skip=st.sets(st.integers(0, 12), max_size=5),
)
def test_every_id_once_in_order_and_counts_reconcile(
    picks: list[tuple[int, int, bool]], skip: set[int]
) -> None:
    recs = [
        Record(f"id{n}", error="unreadable")
        if broken
        else Record(f"id{n}", article=Article(text=_TEXTS[t]))
        for n, t, broken in picks
    ]
    sink = ListSink()
    summary = run(recs, sink, skip={f"id{n}" for n in skip})
    unique = list(dict.fromkeys(r.id for r in recs))
    assert [r.id for r in sink.rows] == [i for i in unique if i not in {f"id{n}" for n in skip}]
    assert summary.found == len(recs)
    assert summary.scored + summary.failed == len(sink.rows) == summary.written
    assert summary.failed == sum(1 for r in sink.rows if r.error is not None)


_ROWS = [score_record(r) for r in article_records(5)] + [Row.failed("bad", 'why, "quoted"')]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fmt=st.sampled_from(["csv", "jsonl"]), cut=st.floats(0, 1))
def test_a_partial_cut_at_any_byte_resumes_to_every_row_once(
    tmp_path: Path, fmt: str, cut: float
) -> None:
    out = tmp_path / f"s.{fmt}"
    f = OutputFile(out, fmt)
    f.write(_ROWS)
    f.suspend()
    partial = partial_path(out)
    data = partial.read_bytes()
    partial.write_bytes(data[: round(cut * len(data))])  # killed at any byte
    resumed = OutputFile(out, fmt, resume=True)
    ids = [r.id for r in _ROWS]
    assert set(resumed.done) == set(ids[: len(resumed.done)])  # a prefix survived
    resumed.write([r for r in _ROWS if r.id not in resumed.done])
    resumed.commit()
    assert ids_in(out, fmt) == ids
