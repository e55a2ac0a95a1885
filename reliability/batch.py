"""Score many articles: parallel workers, output rows in input order, resumable files.

The pieces, each usable alone:

- :class:`Row` and :func:`columns`: one output row per article (id, outlet, title,
  score, band, every signal in :data:`reliability.SIGNAL_NAMES` order, error).
- :func:`run`: score a stream of :class:`~reliability.readers.Record` s with a pool
  of worker processes, bounded work in flight (memory stays flat), rows handed to a
  writer in input order; the same rows whatever the number of workers.
- :class:`OutputFile`: rows go to ``OUT.partial`` and the file is renamed to ``OUT``
  only when the run completes, so an interrupted run never leaves a truncated file
  that looks finished; ``resume=True`` continues from the partial (or the finished)
  file, skipping ids already there.
- :class:`TableWriter`, :class:`CsvWriter`, :class:`JsonlWriter`: the formats.
- :class:`Progress`: a tqdm bar on a terminal, with a background count for the ETA.

Scoring itself is :func:`reliability.score`; nothing here knows about signals beyond
their names. See ``docs/batch.md`` for the design.
"""

from __future__ import annotations

import csv
import json
import math
import multiprocessing
import multiprocessing.context
import multiprocessing.process
import os
import shutil
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Protocol, TextIO

from ._core import score
from ._format import score_text
from .article import MAX_CHARS
from .model import Model, default_model, from_json
from .readers import STDIN, ReadOptions, Record, csv_cells_up_to, iter_records, load, resolve
from .signals import SIGNAL_NAMES

if TYPE_CHECKING:
    from .profile import ReliabilityProfile

#: Output formats for files (the terminal table is ``"table"``).
OUTPUT_FORMATS: Final = ("csv", "jsonl", "parquet")
SUFFIX_OUTPUT: Final[Mapping[str, str]] = MappingProxyType(
    {
        ".csv": "csv",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".parquet": "parquet",
        ".pq": "parquet",
    }
)

#: Records sent to a worker at once, and the most text characters in one such chunk.
CHUNK_RECORDS: Final = 16
CHUNK_CHARS: Final = 1_000_000
#: Chunks in flight per worker: enough to keep workers busy, few enough to bound memory.
AHEAD_PER_WORKER: Final = 4

#: What a bad input can raise while it is read or scored: its row gets the message.
_INPUT_ERRORS: Final = (ValueError, TypeError, OSError, RecursionError, MemoryError)
#: A signal or extractor failing on a strange text is a bug, but one article must not
#: stop a batch of 100,000: its row names the exception so the bug can be reported.
_BUG_ERRORS: Final = (ArithmeticError, LookupError, AttributeError)


def columns() -> tuple[str, ...]:
    """The output columns: id, outlet, title, score, band, each signal, error."""
    return ("id", "outlet", "title", "score", "band", *SIGNAL_NAMES, "error")


def output_format(path: str | os.PathLike[str]) -> str | None:
    """The output format a file name stands for (``None`` for an unknown suffix)."""
    return SUFFIX_OUTPUT.get(Path(path).suffix.lower())


# --- rows ------------------------------------------------------------------------------


def _cell(text: str | None) -> str | None:
    """A string as one clean line: whitespace runs become one space, controls are replaced."""
    if text is None:
        return None
    if not text.isprintable():
        text = "".join(c if c.isprintable() or c.isspace() else "\ufffd" for c in text)
    return " ".join(text.split()) or None


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


@dataclass(frozen=True, slots=True)
class Row:
    """One output row: an article's score and signal values, or why it has none.

    ``values`` follows :data:`reliability.SIGNAL_NAMES`. ``top`` (signal name and
    score points of the signals that moved the score most) is for the terminal table
    and is not written to files.
    """

    id: str
    outlet: str | None
    title: str | None
    score: float | None
    band: str | None
    values: tuple[float | None, ...]
    error: str | None
    top: tuple[tuple[str, float], ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the article was scored."""
        return self.error is None

    def cells(self) -> list[str | float | None]:
        """The row in :func:`columns` order."""
        return [self.id, self.outlet, self.title, self.score, self.band, *self.values, self.error]

    def to_dict(self) -> dict[str, str | float | None]:
        """Column name -> value, in :func:`columns` order (JSON-ready)."""
        return dict(zip(columns(), self.cells(), strict=True))

    @classmethod
    def from_profile(cls, rid: str, profile: ReliabilityProfile) -> Row:
        """The row of a scored article (``top``: every signal that moved the score, the
        strongest first; the table shows as many as ``--top`` asks)."""
        art = profile.article
        return cls(
            id=rid,
            outlet=_cell(art.outlet),
            title=_cell(art.title),
            score=profile.score,
            band=profile.band,
            values=tuple(_finite(profile.signals[n].value) for n in SIGNAL_NAMES),
            error=None,
            top=tuple((s.name, s.points) for s in profile.top(len(profile.signals))),
        )

    @classmethod
    def failed(
        cls, rid: str, error: str, *, outlet: str | None = None, title: str | None = None
    ) -> Row:
        """The row of an input that could not be read or scored."""
        return cls(
            id=rid,
            outlet=_cell(outlet),
            title=_cell(title),
            score=None,
            band=None,
            values=(None,) * len(SIGNAL_NAMES),
            error=_cell(error) or "error",
        )


def score_record(record: Record, model: Model | None = None) -> Row:
    """Score one record (reading it first if it is pending); an unreadable or unscorable
    input gives an error row, never raises."""
    art = record.article
    try:
        record = load(record)
        if record.error is not None:
            return Row.failed(record.id, record.error, outlet=record.outlet, title=record.title)
        art = resolve(record)
        return Row.from_profile(record.id, score(art, model=model))
    except _INPUT_ERRORS as exc:
        message = str(exc) or type(exc).__name__
        if isinstance(exc, RecursionError | MemoryError):
            message = f"{type(exc).__name__}: input too large or too deeply nested"
    except _BUG_ERRORS as exc:
        message = f"internal error, please report it: {type(exc).__name__}: {exc}"
    return Row.failed(
        record.id,
        message,
        outlet=art.outlet if art is not None else record.outlet,
        title=art.title if art is not None else record.title,
    )


def score_chunk(records: Sequence[Record], model_json: Mapping[str, Any] | None) -> list[Row]:
    """Score a chunk of records (the worker's task); the model travels as its JSON data."""
    model = from_json(model_json, source="batch") if model_json is not None else default_model()
    return [score_record(r, model) for r in records]


def _worker_init(parent: int) -> None:
    # Ctrl-C reaches every process of the terminal's group; the main process handles
    # it (stops, writes what is done, shuts the pool down), so workers ignore it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker must not outlive a main process killed outright (SIGKILL, OOM killer):
    # the pool's queues would keep it waiting forever.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


# --- the run ---------------------------------------------------------------------------


class BatchError(RuntimeError):
    """The batch could not go on (a worker process died, the output is unusable)."""


@dataclass(frozen=True, slots=True)
class Summary:
    """What a run did. ``found == scored + failed + skipped + duplicates``."""

    scored: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    interrupted: bool = False

    @property
    def found(self) -> int:
        """Records read from the inputs (articles plus unreadable inputs)."""
        return self.scored + self.failed + self.skipped + self.duplicates

    @property
    def written(self) -> int:
        """Rows written by this run."""
        return self.scored + self.failed


class RowSink(Protocol):
    """Where rows go: a writer or an output file."""

    def write(self, rows: Sequence[Row]) -> None:
        """Write rows, in order."""

    def flush(self) -> None:
        """Make the rows written so far durable enough to resume from."""


@dataclass(slots=True)
class _Counts:
    scored: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    seen: set[str] = field(default_factory=set)


def _chunks(
    records: Iterable[Record], counts: _Counts, skip: Container[str], note: Callable[[int], None]
) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    size = 0
    for rec in records:
        if rec.id in counts.seen:
            counts.duplicates += 1
            note(1)
            continue
        counts.seen.add(rec.id)
        if rec.id in skip:
            counts.skipped += 1
            note(1)
            continue
        chunk.append(rec)
        if rec.article is not None:
            size += len(rec.article.text)
        elif rec.pending is not None:
            size += rec.pending.size
        else:
            size += len(rec.markup or "")
        if len(chunk) >= CHUNK_RECORDS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run(
    records: Iterable[Record],
    sink: RowSink,
    *,
    jobs: int = 1,
    model: Model | None = None,
    skip: Container[str] = frozenset(),
    stop: threading.Event | None = None,
    observe: Callable[[Sequence[Row]], None] | None = None,
    progress: Progress | None = None,
    stopping: Callable[[], None] | None = None,
) -> Summary:
    """Score ``records`` and write one row each to ``sink``, in input order.

    Parameters
    ----------
    records:
        Usually :func:`reliability.readers.iter_records` (with ``defer=True``, so that
        the workers read the files); read lazily, never listed.
    sink:
        Gets the rows in input order, in chunks, then ``flush()`` after each chunk.
    jobs:
        Worker processes; ``1`` scores in this process. A pool is only started when
        there is more than one chunk of work. The rows do not depend on ``jobs``.
    model:
        Weights to use (default: the shipped model).
    skip:
        Ids not to score (already in the output, for a resumed run).
    stop:
        When set (by a signal handler, say), the run stops taking new work, writes
        every row already done, and returns with ``interrupted=True``.
    observe:
        Called with each chunk of rows after it is written.
    progress:
        Told about every record, written or skipped.
    stopping:
        Called once when ``stop`` is noticed, before waiting for the chunks that
        workers have already started (so a person knows why nothing happens).

    Returns
    -------
    Summary
        Counts of scored, failed, skipped and duplicate records.
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    counts = _Counts()
    stopper = stop if stop is not None else threading.Event()
    model_json = model.to_json() if model is not None else None

    def note(n: int) -> None:
        if progress is not None:
            progress.advance(n, skipped=True)

    def emit(rows: Sequence[Row]) -> None:
        sink.write(rows)
        sink.flush()
        failed = sum(1 for r in rows if not r.ok)
        counts.failed += failed
        counts.scored += len(rows) - failed
        if progress is not None:
            progress.advance(len(rows), failed=failed)
        if observe is not None:
            observe(rows)

    chunks = _chunks(records, counts, skip, note)
    interrupted = _score_in_order(chunks, jobs, model_json, stopper, emit, stopping)
    return Summary(
        scored=counts.scored,
        failed=counts.failed,
        skipped=counts.skipped,
        duplicates=counts.duplicates,
        interrupted=interrupted,
    )


def _score_in_order(
    chunks: Iterator[list[Record]],
    jobs: int,
    model_json: Mapping[str, Any] | None,
    stop: threading.Event,
    emit: Callable[[list[Row]], None],
    stopping: Callable[[], None] | None,
) -> bool:
    """Score every chunk and emit the rows in order; ``True`` when stopped early."""
    first = next(chunks, None) if not stop.is_set() else None
    if first is None:
        return stop.is_set()
    second = next(chunks, None) if jobs > 1 and not stop.is_set() else None
    if second is None:  # one worker, or too little work to be worth a pool
        for chunk in _chain(first, second, chunks):
            emit(score_chunk(chunk, model_json))
            if stop.is_set():
                return True
        return False
    return _score_in_pool(_chain(first, second, chunks), jobs, model_json, stop, emit, stopping)


def _score_in_pool(
    chunks: Iterator[list[Record]],
    jobs: int,
    model_json: Mapping[str, Any] | None,
    stop: threading.Event,
    emit: Callable[[list[Row]], None],
    stopping: Callable[[], None] | None,
) -> bool:
    # spawn: workers start clean (no copy of this process's threads or open files)
    # and import reliability once each; the same on every platform.
    context = _TrackingSpawnContext()
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_worker_init,
        initargs=(os.getpid(),),
    )
    pending: deque[Future[list[Row]]] = deque()
    limit = jobs * AHEAD_PER_WORKER
    stopped = False
    try:
        for chunk in chunks:
            if stop.is_set():
                stopped = True
                break
            pending.append(pool.submit(score_chunk, chunk, model_json))
            while len(pending) >= limit and not stopped:
                stopped = not _emit_next(pending, stop, emit)
            if stopped:
                break
        while pending and not stopped:
            stopped = not _emit_next(pending, stop, emit)
        # Done, or stopping: no new work; running chunks finish, and the ones done in
        # order are kept below.
        if stopped and stopping is not None:
            stopping()
        pool.shutdown(wait=True, cancel_futures=True)
    except BaseException:
        # Interrupted for good (a second Ctrl-C, even while waiting above) or failed:
        # end the workers rather than wait for one busy with a long article. A pool
        # left running would also hang the interpreter's exit.
        pool.shutdown(wait=False, cancel_futures=True)
        context.terminate()
        raise
    while pending and pending[0].done() and not pending[0].cancelled():
        fut = pending.popleft()
        if fut.exception() is not None:
            break
        emit(fut.result())
    return stopped or stop.is_set()


class _TrackingSpawnContext(multiprocessing.context.SpawnContext):
    """The spawn context, remembering the worker processes it starts (to end them early)."""

    def __init__(self) -> None:
        super().__init__()
        self.started: list[multiprocessing.process.BaseProcess] = []

    def Process(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]  # noqa: N802
        """A spawn process, recorded."""
        proc = multiprocessing.context.SpawnProcess(*args, **kwargs)
        self.started.append(proc)
        return proc

    def terminate(self) -> None:
        """End every worker still running."""
        for proc in self.started:
            if proc.is_alive():
                proc.terminate()


def _chain(
    first: list[Record], second: list[Record] | None, rest: Iterator[list[Record]]
) -> Iterator[list[Record]]:
    yield first
    if second is not None:
        yield second
    yield from rest


def _emit_next(
    pending: deque[Future[list[Row]]], stop: threading.Event, emit: Callable[[list[Row]], None]
) -> bool:
    """Wait for the oldest chunk and emit it; ``False`` if asked to stop while waiting."""
    fut = pending[0]
    while True:
        try:
            rows = fut.result(timeout=0.1)
        except TimeoutError:
            if stop.is_set():
                return False
            continue
        except BrokenProcessPool:
            # Killed with its workers (SIGTERM to the process group): our own handler
            # sets ``stop`` at once; give it a moment before calling this a failure.
            if stop.wait(0.5):
                return False
            raise BatchError(
                "a worker process died (out of memory, or killed); the rows written so far "
                "are kept: rerun with --resume to continue"
            ) from None
        break
    pending.popleft()
    emit(rows)
    return True


# --- writers ---------------------------------------------------------------------------


def _clip_left(text: str, width: int) -> str:
    """The end of ``text`` in ``width`` characters, cut at a ``/`` when there is one."""
    if len(text) <= width:
        return text
    tail = text[len(text) - width + 1 :]
    cut = tail.find("/")
    return "…" + (tail[cut:] if 0 <= cut < len(tail) - 1 else tail)


def _clip_right(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…"


class TableWriter:
    """A compact table for people: score, band, outlet, id, and the top signals or the error.

    Lines are printed as rows arrive. ``width`` (the terminal's) clips the last
    column; ``None`` leaves it whole (for pipes and files).
    """

    ID_WIDTH: Final = 44
    OUTLET_WIDTH: Final = 20

    def __init__(
        self,
        stream: TextIO,
        *,
        top: int = 2,
        width: int | None = None,
        echo: Callable[[str], None] | None = None,
    ) -> None:
        self._stream = stream
        self._top = top
        self._width = width
        self._echo = echo if echo is not None else (lambda line: stream.write(line + "\n"))
        self._started = False

    def _line(self, score: str, band: str, outlet: str, rid: str, detail: str) -> str:
        lead = (
            f"{score:>5}  {band:<6} {_clip_right(outlet, self.OUTLET_WIDTH):<{self.OUTLET_WIDTH}} "
            f"{_clip_left(rid, self.ID_WIDTH):<{self.ID_WIDTH}}  "
        )
        room = None if self._width is None else max(10, self._width - len(lead) - 1)
        return (lead + _clip_right(detail, room)).rstrip()

    def write(self, rows: Sequence[Row]) -> None:
        """Print one line per row (the header before the first)."""
        if not self._started:
            self._started = True
            self._echo(self._line("score", "band", "outlet", "article", "top signals (points)"))
        for r in rows:
            if r.ok:
                assert r.score is not None
                assert r.band is not None
                detail = ", ".join(f"{name} {pts:+.1f}" for name, pts in r.top[: self._top])
                self._echo(self._line(score_text(r.score), r.band, r.outlet or "-", r.id, detail))
            else:
                self._echo(self._line("-", "error", r.outlet or "-", r.id, r.error or ""))

    def flush(self) -> None:
        """Flush the stream."""
        self._stream.flush()


class CsvWriter:
    """Rows as CSV (RFC 4180 quoting, ``\\n`` line ends, empty cell for a missing value)."""

    def __init__(self, stream: TextIO, *, header: bool = True) -> None:
        self._stream = stream
        self._csv = csv.writer(stream, lineterminator="\n")
        if header:
            self._csv.writerow(columns())

    def write(self, rows: Sequence[Row]) -> None:
        """Write the rows."""
        self._csv.writerows(r.cells() for r in rows)

    def flush(self) -> None:
        """Flush the stream."""
        self._stream.flush()


class JsonlWriter:
    """Rows as JSON Lines: one object per line, keys in :func:`columns` order, null if missing."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, rows: Sequence[Row]) -> None:
        """Write the rows."""
        self._stream.writelines(
            json.dumps(r.to_dict(), ensure_ascii=False, allow_nan=False) + "\n" for r in rows
        )

    def flush(self) -> None:
        """Flush the stream."""
        self._stream.flush()


# --- output files: atomic and resumable ------------------------------------------------


class ResumeError(ValueError):
    """An existing output cannot be resumed (another format, other columns, corrupt)."""


def partial_path(path: Path) -> Path:
    """Where rows go while a run is unfinished: ``OUT.partial`` beside ``OUT``."""
    return path.with_name(path.name + ".partial")


def work_paths(path: Path) -> tuple[Path, ...]:
    """Every path a run writes for output ``path`` (the inputs never include them)."""
    return (path, partial_path(path), path.with_name(path.name + ".partial.parquet"))


def _cut_torn_line(path: Path) -> None:
    """Drop a last line that has no line end (a run killed in the middle of writing it)."""
    with path.open("rb+") as f:
        size = f.seek(0, os.SEEK_END)
        pos = size
        while pos > 0:
            step = min(1 << 16, pos)
            f.seek(pos - step)
            block = f.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                pos = pos - step + nl + 1
                break
            pos -= step
        if pos != size:
            f.truncate(pos)


def _csv_ids(path: Path) -> set[str]:
    ids: set[str] = set()
    with csv_cells_up_to(MAX_CHARS), path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            return ids
        if tuple(header) != columns():
            raise ResumeError(
                f"{path} has other columns than this version writes "
                f"({len(header)} vs {len(columns())}): cannot resume; run without --resume"
            )
        for row in reader:
            if row:
                ids.add(row[0])
    return ids


def _jsonl_ids(path: Path) -> set[str]:
    ids: set[str] = set()
    want = list(columns())
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                data = json.loads(line)
            except ValueError:
                raise ResumeError(f"{path} line {n} is not JSON: cannot resume") from None
            if not isinstance(data, dict) or list(data) != want:
                raise ResumeError(
                    f"{path} line {n} has other columns than this version writes: "
                    "cannot resume; run without --resume"
                )
            ids.add(str(data["id"]))
    return ids


def _parquet_schema() -> Any:
    import pyarrow as pa

    fields = [pa.field(c, pa.string()) for c in ("id", "outlet", "title")]
    fields += [pa.field("score", pa.float64()), pa.field("band", pa.string())]
    fields += [pa.field(n, pa.float64()) for n in SIGNAL_NAMES]
    fields.append(pa.field("error", pa.string()))
    return pa.schema(fields)


def _parquet_to_jsonl(src: Path, dst: Path) -> None:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(src)
    if list(pf.schema_arrow.names) != list(columns()):
        raise ResumeError(
            f"{src} has other columns than this version writes: cannot resume; run without --resume"
        )
    with dst.open("w", encoding="utf-8") as out:
        for batch in pf.iter_batches(batch_size=10_000):
            out.writelines(
                json.dumps(r, ensure_ascii=False, allow_nan=False) + "\n" for r in batch.to_pylist()
            )


def _jsonl_to_parquet(src: Path, dst: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    with src.open(encoding="utf-8") as f, pq.ParquetWriter(dst, schema) as writer:
        batch: list[dict[str, Any]] = []
        for line in f:
            batch.append(json.loads(line))
            if len(batch) == 10_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or writer.schema is None:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is still atomic
    finally:
        os.close(fd)


class OutputFile:
    """An output file written atomically and resumable after an interruption.

    Rows are appended to ``OUT.partial`` (for parquet: JSON Lines, converted at the
    end) and flushed after every chunk. :meth:`commit` syncs it and renames it to
    ``OUT``, so ``OUT`` is always a complete file, from this run or an earlier one.
    :meth:`suspend` (on interruption) leaves ``OUT.partial`` for ``resume=True``.

    With ``resume=True``, ``OUT.partial`` is continued if it exists, else a finished
    ``OUT`` is copied to ``OUT.partial`` and continued; a last line torn by a kill is
    dropped first, and :attr:`done` holds the ids already written.
    """

    def __init__(self, path: Path, fmt: str, *, resume: bool = False) -> None:
        if fmt not in OUTPUT_FORMATS:
            raise ValueError(f"unknown output format {fmt!r}: use {', '.join(OUTPUT_FORMATS)}")
        if fmt == "parquet":
            _require_pyarrow()
        self.path = path
        self.fmt = fmt
        self.partial = partial_path(path)
        self.resumed_from: Path | None = None
        self.replaced_partial = False
        stage = "jsonl" if fmt == "parquet" else fmt
        if resume and self.partial.exists():
            self.resumed_from = self.partial
        elif resume and path.exists():
            if fmt == "parquet":
                _parquet_to_jsonl(path, self.partial)
            else:
                shutil.copyfile(path, self.partial)
            self.resumed_from = path
        else:
            self.replaced_partial = self.partial.exists()
        if self.resumed_from is not None:
            _cut_torn_line(self.partial)
            self.done: frozenset[str] = frozenset(
                _csv_ids(self.partial) if stage == "csv" else _jsonl_ids(self.partial)
            )
        else:
            self.done = frozenset()
        self._stream = (
            self.partial.open("a", encoding="utf-8", newline="")
            if self.resumed_from is not None
            else self.partial.open("w", encoding="utf-8", newline="")
        )
        empty = self._stream.tell() == 0
        self._writer: CsvWriter | JsonlWriter = (
            CsvWriter(self._stream, header=empty) if stage == "csv" else JsonlWriter(self._stream)
        )

    def write(self, rows: Sequence[Row]) -> None:
        """Append rows to the partial file."""
        self._writer.write(rows)

    def flush(self) -> None:
        """Push written rows to the operating system (they survive a killed process)."""
        self._stream.flush()

    def _close(self) -> None:
        if not self._stream.closed:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()

    def commit(self) -> None:
        """Finish: sync the partial file and rename it to the output (atomically)."""
        self._close()
        if self.fmt == "parquet":
            tmp = work_paths(self.path)[2]
            _jsonl_to_parquet(self.partial, tmp)
            os.replace(tmp, self.path)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.path)
        _fsync_dir(self.path.parent)

    def suspend(self) -> None:
        """Stop early: keep the partial file for a resumed run; the output is untouched."""
        self._close()

    def discard(self) -> None:
        """Give up: remove the partial file; the output is untouched."""
        self._close()
        self.partial.unlink(missing_ok=True)


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ValueError(
            "parquet output needs pyarrow: the parquet extra "
            "(pip install '.[parquet]' in a checkout of reliability)"
        ) from None


# --- progress --------------------------------------------------------------------------


def countable(paths: Sequence[str]) -> bool:
    """Whether the inputs can be read twice (no stdin, no pipe), so they can be counted."""
    return all(p != STDIN and (Path(p).is_dir() or Path(p).is_file()) for p in paths)


def count_records(
    paths: Sequence[str], options: ReadOptions, stop: threading.Event | None = None
) -> int | None:
    """How many records the inputs hold (``None`` if stopped first): the progress total."""
    n = 0
    for _ in iter_records(paths, options, defer=True):
        if stop is not None and stop.is_set():
            return None
        n += 1
    return n


class Progress:
    """A progress bar on stderr (tqdm): articles done, rate, and ETA once the total is known.

    ``count`` runs in a background thread (it reads the inputs a second time, without
    scoring); the bar shows a rate at once and an ETA when the count is in.
    """

    def __init__(
        self,
        *,
        enabled: bool,
        stream: TextIO | None = None,
        count: Callable[[threading.Event], int | None] | None = None,
    ) -> None:
        self._bar: Any = None
        self._total: int | None = None
        self._failed = 0
        self._stop = threading.Event()
        #: Set once the background count is in (or given up).
        self.counted = threading.Event()
        if not enabled:
            return
        from tqdm import tqdm

        self._bar = tqdm(
            total=None,
            unit=" articles",
            file=stream if stream is not None else sys.stderr,
            dynamic_ncols=True,
            mininterval=0.2,
            smoothing=0.05,
            leave=False,
        )
        if count is not None:
            thread = threading.Thread(
                target=self._count, args=(count,), name="reliability-count", daemon=True
            )
            thread.start()

    def _count(self, count: Callable[[threading.Event], int | None]) -> None:
        try:
            self._total = count(self._stop)
        finally:
            self.counted.set()

    def advance(self, n: int, *, failed: int = 0, skipped: bool = False) -> None:
        """Record ``n`` more records done (``failed`` of them in error)."""
        if self._bar is None:
            return
        new_total = self._total is not None and self._bar.total is None
        if new_total:
            self._bar.total = self._total
        if failed:
            self._failed += failed
            self._bar.set_postfix_str(f"failed {self._failed}", refresh=False)
        self._bar.update(n)
        if new_total:
            self._bar.refresh()

    def echo(self, stream: TextIO) -> Callable[[str], None]:
        """A line printer for ``stream`` that does not garble the bar."""
        if self._bar is None:
            return lambda line: print(line, file=stream)
        from tqdm import tqdm

        return lambda line: tqdm.write(line, file=stream)

    def close(self) -> None:
        """Remove the bar and stop the count."""
        self._stop.set()
        if self._bar is not None:
            self._bar.close()
            self._bar = None
