"""The ``reliability`` command: score files and folders, explain one article, clean one.

``main(argv) -> int`` over a parser that tests can drive. Exit codes:

- 0: every input was scored;
- 1: some inputs failed (each still has a row, with its error), or the output could
  not be written;
- 2: usage errors (bad options, missing paths, an output that cannot be resumed);
- 128 + signal number (130 for Ctrl-C, 143 for SIGTERM): interrupted; the rows done
  are kept in ``OUT.partial`` and ``--resume`` finishes the run.

See ``docs/batch.md``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from types import FrameType
from typing import Final, TextIO

from . import __version__
from ._core import clean, score
from ._highlight import highlighted, legend, printable
from ._workers import cpu_count
from .article import FIELD_ALIASES
from .batch import (
    OUTPUT_FORMATS,
    BatchError,
    CsvWriter,
    JsonlWriter,
    OutputFile,
    Progress,
    ResumeError,
    Row,
    RowSink,
    Summary,
    TableWriter,
    count_records,
    countable,
    output_format,
    run,
    work_paths,
)
from .model import Model, ModelError, load_model
from .readers import FORMATS, STDIN, ReadOptions, decode, iter_records, resolve

EXIT_OK: Final = 0
EXIT_SOME_FAILED: Final = 1
EXIT_USAGE: Final = 2
#: Failed inputs printed on stderr before the rest are only counted.
SHOWN_ERRORS: Final = 10


class UsageError(Exception):
    """A problem with the command line itself (exit code 2)."""


def _columns_arg(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in text.split(","):
        name, sep, column = part.partition("=")
        name, column = name.strip().lower(), column.strip()
        if not sep or not column or name not in FIELD_ALIASES:
            raise argparse.ArgumentTypeError(
                f"expected FIELD=COLUMN with FIELD one of {', '.join(FIELD_ALIASES)}; got {part!r}"
            )
        out[name] = column
    return out


def _jobs_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``reliability`` command."""
    ap = argparse.ArgumentParser(
        prog="reliability",
        description="How much a news article's text looks like careful journalism, and why.",
        epilog="Exit codes: 0 all scored, 1 some inputs failed, 2 usage error, "
        "130/143 interrupted (resume with --resume). See docs/batch.md.",
    )
    ap.add_argument("--version", action="version", version=f"reliability {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sc = sub.add_parser(
        "score",
        help="score files, folders and stdin: a table, or CSV / JSON Lines / Parquet",
        description="Score every article in files, folders (recursively) and standard input "
        "('-'). Inputs: .txt/.md (first line is the title when it looks like one), .json "
        "(an object or a list), .jsonl, .csv/.tsv, .html (needs the html extra).",
    )
    sc.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    sc.add_argument(
        "-o", "--output", metavar="OUT", help="write rows to OUT (.csv, .jsonl, .parquet)"
    )
    sc.add_argument(
        "-f",
        "--format",
        choices=("table", *OUTPUT_FORMATS),
        help="output format (default: from OUT's suffix; a table when there is no -o)",
    )
    sc.add_argument(
        "-j",
        "--jobs",
        type=_jobs_arg,
        default=0,
        metavar="N",
        help=f"worker processes (default 0: all cores, here {cpu_count()})",
    )
    sc.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run: skip ids already in OUT.partial or OUT",
    )
    sc.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in folders, read only matching files (name, or path with /); repeatable",
    )
    sc.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="in folders, skip matching files and folders; repeatable",
    )
    sc.add_argument(
        "--columns",
        type=_columns_arg,
        action="append",
        default=[],
        metavar="FIELD=COLUMN,...",
        help="CSV columns / JSON keys for title, text, outlet, url (e.g. text=body)",
    )
    sc.add_argument("--outlet", metavar="NAME", help="use this outlet for every article")
    sc.add_argument(
        "--no-folder-outlet",
        action="store_true",
        help="do not fall back on the folder name when no outlet or URL is known",
    )
    sc.add_argument(
        "--stdin-format",
        choices=("auto", *FORMATS),
        default="auto",
        help="format of standard input (default: guessed from its first line)",
    )
    sc.add_argument("--model", type=Path, metavar="JSON", help="weights file (default: shipped)")
    sc.add_argument("--top", type=int, default=2, metavar="N", help="signals per table row")
    sc.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no summary, no error list"
    )

    ex = sub.add_parser(
        "explain",
        help="one article: every signal, its weight and points, evidence highlighted",
    )
    ex.add_argument("path", metavar="PATH", help="a file, or - for stdin")
    ex.add_argument(
        "--record", type=int, metavar="N", help="the N-th article of a multi-article file"
    )
    ex.add_argument("--model", type=Path, metavar="JSON")
    ex.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the evidence (default: when stdout is a terminal and NO_COLOR is unset)",
    )
    ex.add_argument("--no-text", action="store_true", help="the table only, not the text")
    ex.add_argument("--evidence", type=int, default=2, metavar="N", help="evidence per signal")

    cl = sub.add_parser("clean", help="print a text file with leaked boilerplate removed")
    cl.add_argument("path", metavar="PATH", help="a text file, or - for stdin")
    return ap


def _err(message: str) -> None:
    print(f"reliability: {message}", file=sys.stderr)


def _check_paths(paths: Sequence[str]) -> None:
    missing = [p for p in paths if p != STDIN and not os.path.lexists(p)]
    if missing:
        raise UsageError("; ".join(f"{p}: no such file or folder" for p in missing))
    if list(paths).count(STDIN) > 1:
        raise UsageError("standard input ('-') can be read only once")


def _model(path: Path | None) -> Model | None:
    if path is None:
        return None
    try:
        return load_model(path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the model ({exc.strerror or exc})") from None
    except ModelError as exc:
        raise UsageError(str(exc)) from None


# --- score ---------------------------------------------------------------------------


@contextmanager
def _stop_on_signals(received: list[int]) -> Iterator[threading.Event]:
    """SIGINT/SIGTERM set a stop flag (finish cleanly); a second one interrupts at once.

    The signals received are appended to ``received``.
    """
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        received.append(signum)
        stop.set()

    wanted = (signal.SIGINT, signal.SIGTERM)
    old = {s: signal.signal(s, handler) for s in wanted}
    try:
        yield stop
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {secs:02d} s"


def _summary_line(s: Summary, seconds: float, out: Path | None) -> str:
    parts = [f"scored {s.scored:,}", f"failed {s.failed:,}"]
    if s.skipped:
        parts.append(f"skipped {s.skipped:,} already in {out}")
    if s.duplicates:
        parts.append(f"{s.duplicates:,} duplicate ids ignored")
    line = ", ".join(parts) + f" in {_duration(seconds)}"
    return line + (f"; wrote {out}" if out is not None else "")


class _ErrorList:
    """Prints the first failed inputs on stderr, then only counts them."""

    def __init__(self, echo: Callable[[str], None]) -> None:
        self._echo = echo
        self.count = 0

    def __call__(self, rows: Sequence[Row]) -> None:
        for r in rows:
            if not r.ok:
                self.count += 1
                if self.count <= SHOWN_ERRORS:
                    self._echo(f"reliability: {r.id}: {r.error}")

    def close(self) -> None:
        if self.count > SHOWN_ERRORS:
            more = self.count - SHOWN_ERRORS
            self._echo(f"reliability: ... and {more:,} more failed inputs (see the error column)")


def _output(args: argparse.Namespace) -> tuple[Path | None, str]:
    out = None if args.output in (None, STDIN) else Path(args.output)
    fmt = args.format
    if out is not None and out.is_dir():
        raise UsageError(f"{out} is a folder: give a file name for -o")
    if out is not None and fmt is None:
        fmt = output_format(out)
        if fmt is None:
            raise UsageError(
                f"{out}: cannot tell the format from the suffix; "
                f"use .csv, .jsonl or .parquet, or --format {{{','.join(OUTPUT_FORMATS)}}}"
            )
    fmt = fmt or "table"
    if out is not None:
        if fmt == "table":
            raise UsageError("the table is for the terminal: use --format csv, jsonl or parquet")
        if not out.parent.is_dir():
            raise UsageError(f"{out.parent}: no such folder for the output")
    elif fmt == "parquet":
        raise UsageError("parquet cannot go to standard output: give -o FILE.parquet")
    if args.resume and out is None:
        raise UsageError("--resume needs an output file (-o OUT)")
    return out, fmt


def _read_options(args: argparse.Namespace, out: Path | None) -> ReadOptions:
    columns: dict[str, str] = {}
    for mapping in args.columns:
        columns.update(mapping)
    try:
        return ReadOptions(
            include=tuple(args.include),
            exclude=tuple(args.exclude),
            columns=columns,
            outlet=args.outlet,
            folder_outlet=not args.no_folder_outlet,
            stdin_format=args.stdin_format,
            ignore=frozenset(str(p) for p in work_paths(out)) if out is not None else frozenset(),
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _stdout_sink(fmt: str, args: argparse.Namespace, progress: Progress) -> RowSink:
    if fmt == "csv":
        return CsvWriter(sys.stdout)
    if fmt == "jsonl":
        return JsonlWriter(sys.stdout)
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    return TableWriter(sys.stdout, top=args.top, width=width, echo=progress.echo(sys.stdout))


def _score(args: argparse.Namespace) -> int:
    paths: list[str] = list(args.paths)
    _check_paths(paths)
    out, fmt = _output(args)
    model = _model(args.model)
    options = _read_options(args, out)
    jobs = args.jobs or cpu_count()

    file: OutputFile | None = None
    if out is not None:
        try:
            file = OutputFile(out, fmt, resume=args.resume)
        except ResumeError as exc:
            raise UsageError(str(exc)) from None
        except ValueError as exc:  # parquet without pyarrow
            raise UsageError(str(exc)) from None
        except OSError as exc:
            raise UsageError(f"cannot write {exc.filename or out}: {exc.strerror or exc}") from None
        if file.replaced_partial and not args.quiet:
            _err(f"note: starting over; the unfinished {file.partial} is replaced (see --resume)")
        if file.resumed_from is not None and not args.quiet:
            _err(f"resuming from {file.resumed_from}: {len(file.done):,} rows already there")

    show_bar = not args.quiet and sys.stderr.isatty()
    count = None
    if show_bar and countable(paths):

        def count(stop: threading.Event) -> int | None:
            return count_records(paths, options, stop)

    progress = Progress(enabled=show_bar, count=count)
    sink: RowSink = file if file is not None else _stdout_sink(fmt, args, progress)
    errors = _ErrorList(progress.echo(sys.stderr))
    list_errors = not args.quiet and fmt != "table"
    started = time.monotonic()
    received: list[int] = []
    try:
        with _stop_on_signals(received) as stop:
            summary = run(
                iter_records(paths, options, defer=True),
                sink,
                jobs=jobs,
                model=model,
                skip=file.done if file is not None else frozenset(),
                stop=stop,
                observe=errors if list_errors else None,
                progress=progress,
                stopping=None if args.quiet else _say_stopping(progress),
            )
    except KeyboardInterrupt:
        progress.close()
        return _interrupted(file, received[0] if received else signal.SIGINT)
    except BatchError as exc:
        progress.close()
        if file is not None:
            file.suspend()
        _err(str(exc))
        return EXIT_SOME_FAILED
    finally:
        progress.close()
    errors.close()
    if summary.interrupted:
        return _interrupted(file, received[0] if received else signal.SIGINT, summary)
    if summary.found == 0:
        if file is not None:
            if file.resumed_from is None:
                file.discard()
            else:
                file.suspend()  # a resumed run keeps the rows it started from
        raise UsageError(f"no articles found in {', '.join(paths)}")
    if file is not None:
        file.commit()
    if not args.quiet:
        print(_summary_line(summary, time.monotonic() - started, out), file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _say_stopping(progress: Progress) -> Callable[[], None]:
    echo = progress.echo(sys.stderr)
    return lambda: echo(
        "reliability: stopping once the articles in progress are scored "
        "(press Ctrl-C again to stop at once)"
    )


def _interrupted(file: OutputFile | None, signum: int, summary: Summary | None = None) -> int:
    name = signal.Signals(signum).name
    if file is not None:
        file.suspend()
        done = f" ({summary.written:,} rows this run)" if summary is not None else ""
        _err(
            f"interrupted by {name}: the rows done are in {file.partial}{done}; "
            "run the same command with --resume to finish"
        )
    else:
        _err(f"interrupted by {name}")
    return 128 + signum


# --- explain and clean ---------------------------------------------------------------


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def _explain(args: argparse.Namespace) -> int:
    _check_paths([args.path])
    model = _model(args.model)
    wanted = args.record if args.record is not None else 1
    if wanted < 1:
        raise UsageError("--record counts from 1")
    records = list(islice(iter_records([args.path]), wanted if args.record else 2))
    if args.record is None and len(records) > 1:
        raise UsageError(f"{args.path} holds several articles: pick one with --record N")
    if len(records) < wanted:
        raise UsageError(f"{args.path} holds {len(records)} article(s), not {wanted}")
    record = records[wanted - 1]
    try:
        profile = score(resolve(record), model=model)
    except (ValueError, TypeError) as exc:
        _err(f"{record.id}: {exc}")
        return EXIT_SOME_FAILED
    color = _use_color(args.color, sys.stdout)
    print(printable(profile.explain(evidence_per_signal=args.evidence)))
    if not args.no_text:
        print()
        print(legend(color=color))
        print()
        print(highlighted(profile, color=color))
    return EXIT_OK


def _clean(args: argparse.Namespace) -> int:
    _check_paths([args.path])
    if args.path != STDIN and Path(args.path).is_dir():
        raise UsageError(f"{args.path}: is a folder; clean takes one text file (or - for stdin)")
    try:
        raw = sys.stdin.buffer.read() if args.path == STDIN else Path(args.path).read_bytes()
        text = decode(raw)
    except OSError as exc:
        _err(f"{args.path}: cannot read ({exc.strerror or exc})")
        return EXIT_SOME_FAILED
    except ValueError as exc:
        _err(f"{args.path}: {exc}")
        return EXIT_SOME_FAILED
    sys.stdout.write(clean(text).text)  # line endings and all other bytes kept as they were
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handlers = {"score": _score, "explain": _explain, "clean": _clean}
    try:
        return handlers[args.command](args)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader of our output went away (``| head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_SOME_FAILED
    except OSError as exc:  # writing the output (reading errors are rows, not exceptions)
        _err(f"cannot go on: {exc}")
        return EXIT_SOME_FAILED


if __name__ == "__main__":
    sys.exit(main())
