"""Read files, folders and standard input into records: one per article, each with an id.

A :class:`Record` is what the batch scorer works on. It carries a stable ``id`` (the
path, plus ``:LINE`` for a JSON Lines line or ``#N`` for the N-th record of a JSON
list or CSV file) and either an :class:`~reliability.article.Article` ready to score,
HTML still to extract (see :func:`resolve`), a one-article file still to read (see
:func:`load`; only with ``iter_records(..., defer=True)``), or the ``error`` that made
the input unreadable. Reading never raises for a bad input: every unreadable file, line or
record becomes an error record, so a batch can report it and go on.

This module knows nothing of signals or scores. See ``docs/batch.md`` for the rules
(formats, ids, the outlet rule, encodings, limits).
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, Final

from .article import FIELD_ALIASES, MAX_CHARS, Article, decode_bytes, from_mapping, split_title

#: File suffixes read inside folders, and the format each one means.
SUFFIX_FORMATS: Final[Mapping[str, str]] = MappingProxyType(
    {
        ".txt": "txt",
        ".text": "txt",
        ".md": "md",
        ".markdown": "md",
        ".json": "json",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".csv": "csv",
        ".tsv": "tsv",
        ".html": "html",
        ".htm": "html",
    }
)

#: Every input format, in the order the docs list them.
FORMATS: Final = ("txt", "md", "json", "jsonl", "csv", "tsv", "html")

#: The path that means standard input, and the name its ids use.
STDIN: Final = "-"
STDIN_NAME: Final = "<stdin>"

#: A whole-file input (txt, md, json, html) or one line of JSONL/CSV larger than
#: this many bytes is refused without being decoded.
MAX_BYTES: Final = 4 * MAX_CHARS

_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to find and read articles; every field is optional.

    Parameters
    ----------
    include, exclude:
        Glob patterns for files inside folders (explicitly named files are always
        read). A pattern without ``/`` matches the file name, one with ``/`` the path
        relative to the folder given (``*`` crosses ``/``). A folder matching an
        ``exclude`` pattern is not entered. Matching is case-sensitive.
    columns:
        Field name -> column or key name, for CSV columns and JSON keys that are not
        spelled as any of :data:`reliability.article.FIELD_ALIASES` (e.g.
        ``{"text": "body_html_stripped"}``). Only ``title``, ``text``, ``outlet``,
        ``url``, ``published`` and ``byline`` can be mapped.
    outlet:
        Use this outlet for every article, whatever the record says.
    folder_outlet:
        When neither the record nor its URL names an outlet, use the name of the
        folder holding the file (default ``True``).
    stdin_format:
        Format of standard input: ``"auto"`` (sniffed: ``{`` starts JSON or JSON
        Lines, ``[`` JSON, ``<`` HTML, anything else plain text) or one of
        :data:`FORMATS`.
    ignore:
        Absolute paths never read, even inside a folder (the batch's own output).
    hidden:
        Also read files and folders whose name starts with ``.`` (default ``False``).
    max_bytes:
        Size limit of a whole-file input or of one JSONL/CSV line.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    outlet: str | None = None
    folder_outlet: bool = True
    stdin_format: str = "auto"
    ignore: frozenset[str] = frozenset()
    hidden: bool = False
    max_bytes: int = MAX_BYTES

    def __post_init__(self) -> None:
        unknown = sorted(set(self.columns) - set(FIELD_ALIASES))
        if unknown:
            raise ValueError(
                f"cannot map {', '.join(unknown)}: the fields are {', '.join(FIELD_ALIASES)}"
            )
        if self.stdin_format != "auto" and self.stdin_format not in FORMATS:
            raise ValueError(
                f"unknown stdin format {self.stdin_format!r}: use auto or {', '.join(FORMATS)}"
            )
        if self.max_bytes < 1:
            raise ValueError("max_bytes must be positive")
        if not isinstance(self.columns, MappingProxyType):
            object.__setattr__(self, "columns", MappingProxyType(dict(self.columns)))
        object.__setattr__(self, "include", tuple(self.include))
        object.__setattr__(self, "exclude", tuple(self.exclude))
        object.__setattr__(self, "ignore", frozenset(os.path.abspath(p) for p in self.ignore))


@dataclass(frozen=True, slots=True)
class Pending:
    """A one-article file (txt, md or html) found but not read yet.

    Everything reading it needs travels with it (the outlet rule already applied to
    its folder), so a batch worker can read it: the main process then only walks the
    folders, and reading and decoding run in parallel with scoring.
    """

    path: str
    fmt: str
    folder: str | None  # the outlet to fall back on (or the forced one)
    forced: bool  # ``folder`` is ``ReadOptions.outlet``: it wins over the file's own
    max_bytes: int
    size: int  # bytes on disk when found; only to size a batch's chunks


@dataclass(frozen=True, slots=True)
class Record:
    """One article found in the inputs, or one input that could not be read.

    Exactly one of ``article``, ``markup``, ``pending`` and ``error`` is set.
    ``markup`` is HTML whose main text is extracted by :func:`resolve` (in a worker,
    since extraction is the slow part of reading); ``pending`` is a file still to be
    read by :func:`load`. ``outlet`` and ``title`` say what is known about an
    unreadable input; for ``markup``, ``outlet`` is the outlet to fall back on (or,
    when ``outlet_forced``, to use whatever the page says).
    """

    id: str
    article: Article | None = None
    markup: str | None = None
    error: str | None = None
    outlet: str | None = None
    title: str | None = None
    outlet_forced: bool = False
    pending: Pending | None = None

    def __post_init__(self) -> None:
        held = (self.article, self.markup, self.error, self.pending)
        if sum(x is not None for x in held) != 1:
            raise ValueError("a Record holds exactly one of article, markup, pending or error")


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The input format a file name stands for (``None`` for an unknown suffix)."""
    return SUFFIX_FORMATS.get(Path(path).suffix.lower())


def safe_id(text: str) -> str:
    """``text`` with control characters escaped, so an id is always one printable line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" for c in text)


def iter_records(
    paths: Iterable[str | os.PathLike[str]],
    options: ReadOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
    defer: bool = False,
) -> Iterator[Record]:
    """Every article in ``paths``, in a stable order, one :class:`Record` each.

    Folders are walked depth-first with entries sorted by name; ``"-"`` reads
    ``stdin`` (default: the process's standard input). Nothing is read ahead: the
    records stream, so memory stays flat whatever the number of articles.

    With ``defer``, a file that holds one article by its format (txt, md, html) is
    not opened: its record is ``pending``, read later by :func:`load`, which gives
    exactly the record reading it now would have given. The batch scorer defers, so
    that its workers read the files in parallel.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Port reopens\\nThe port reopened, officials said.")
    >>> [(r.id == str(d / "a.txt"), r.article.title) for r in iter_records([d])]
    [(True, 'Port reopens')]
    """
    opts = options if options is not None else ReadOptions()
    for raw in paths:
        name = os.fspath(raw)
        if name == STDIN:
            yield from _read_stdin(stdin, opts)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_folder(path, opts, defer=defer)
        elif path.exists() or path.is_symlink():
            fmt = format_of(path) or "txt"
            size = _regular_file_size(path) if defer and fmt in _ONE_ARTICLE else None
            if size is not None:
                yield _pending(path, fmt, opts, size)
            else:  # read now, so that what stands in the way is reported as reading does
                yield from read_file(path, opts, fmt=fmt)
        else:
            yield Record(safe_id(name), error="no such file or folder")


#: Formats whose file is always one article (or one error): these can be deferred.
_ONE_ARTICLE: Final = frozenset({"txt", "md", "html"})


def _regular_file_size(path: Path) -> int | None:
    """The size of ``path`` if it is a regular file (after links), else ``None``."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _pending(path: Path, fmt: str, options: ReadOptions, size: int) -> Record:
    folder = _folder_name(path, options)
    return Record(
        safe_id(str(path)),
        pending=Pending(
            os.fspath(path), fmt, folder, options.outlet is not None, options.max_bytes, size
        ),
    )


def load(record: Record) -> Record:
    """``record`` with a pending file read: what ``iter_records`` without ``defer`` gives.

    Any other record comes back as it is. Never raises for a bad file: an unreadable,
    undecodable or oversized one gives an error record, as reading does.
    """
    p = record.pending
    if p is None:
        return record
    options = ReadOptions(outlet=p.folder if p.forced else None, max_bytes=p.max_bytes)
    (loaded,) = _read_path(Path(p.path), record.id, p.fmt, p.folder, options)
    return loaded


def read_file(path: Path, options: ReadOptions, *, fmt: str) -> Iterator[Record]:
    """The records of one file read as ``fmt`` (one of :data:`FORMATS`)."""
    return _read_path(path, safe_id(str(path)), fmt, _folder_name(path, options), options)


def _read_path(
    path: Path, rid: str, fmt: str, folder: str | None, options: ReadOptions
) -> Iterator[Record]:
    try:
        with path.open("rb") as f:
            if fmt in ("jsonl", "csv", "tsv"):
                yield from _read_stream(f, rid, fmt, folder, options)
                return
            raw = f.read(options.max_bytes + 1)
    except OSError as exc:
        yield Record(rid, error=f"cannot read: {exc.strerror or exc}", outlet=folder)
        return
    if len(raw) > options.max_bytes:
        yield Record(rid, error=f"file too large (over {options.max_bytes:,} bytes)", outlet=folder)
        return
    yield from _read_whole(raw, rid, fmt, folder, options)


def resolve(record: Record) -> Article:
    """The article of ``record``, extracting HTML main text when needed.

    Raises
    ------
    ValueError
        When the record is an error record, when HTML holds no main text, or when
        the HTML extractor (the ``html`` extra, trafilatura) is not installed.
    """
    if record.article is not None:
        return record.article
    if record.error is not None:
        raise ValueError(record.error)
    assert record.markup is not None
    article = _html_article(record.markup)
    if record.outlet is not None and (record.outlet_forced or article.outlet is None):
        article = replace(article, outlet=record.outlet)
    return article


# --- folders -----------------------------------------------------------------------


def _matches(rel: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatchcase(rel if "/" in p else name, p.rstrip("/")) for p in patterns)


def _read_folder(root: Path, options: ReadOptions, *, defer: bool = False) -> Iterator[Record]:
    for path, error, size in _walk(root, options):
        if error is not None:
            yield Record(safe_id(str(path)), error=error, outlet=_folder_name(path, options))
            continue
        fmt = format_of(path) or "txt"
        if defer and fmt in _ONE_ARTICLE:
            yield _pending(path, fmt, options, size)
        else:
            yield from read_file(path, options, fmt=fmt)


def _walk(root: Path, options: ReadOptions) -> Iterator[tuple[Path, str | None, int]]:
    """Files to read under ``root`` (depth-first, sorted by name), or folders/files in
    error, with their size in bytes (0 for an error).

    Symbolic links to folders are not followed (no loops); a broken link or a
    non-regular file (FIFO, socket, device) with an article suffix is an error.
    """
    stack: list[tuple[str, Iterator[os.DirEntry[str]]]] = []
    try:
        stack.append(("", _sorted_entries(root)))
    except OSError as exc:
        yield root, f"cannot list folder: {exc.strerror or exc}", 0
        return
    while stack:
        prefix, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if not options.hidden and entry.name.startswith("."):
            continue
        rel = prefix + entry.name
        path = root / rel
        if entry.is_dir(follow_symlinks=False):
            if not _matches(rel, entry.name, options.exclude):
                try:
                    stack.append((rel + "/", _sorted_entries(path)))
                except OSError as exc:
                    yield path, f"cannot list folder: {exc.strerror or exc}", 0
            continue
        if format_of(entry.name) is None:
            continue
        if options.include and not _matches(rel, entry.name, options.include):
            continue
        if _matches(rel, entry.name, options.exclude):
            continue
        if options.ignore and os.path.abspath(path) in options.ignore:
            continue
        yield (path, *_regular_size(entry))


def _sorted_entries(path: Path) -> Iterator[os.DirEntry[str]]:
    with os.scandir(path) as it:
        return iter(sorted(it, key=lambda e: e.name))


def _regular_size(entry: os.DirEntry[str]) -> tuple[str | None, int]:
    """``(None, size)`` for a regular file, else ``(why it cannot be read, 0)``."""
    try:
        st = entry.stat(follow_symlinks=True)
    except OSError as exc:
        if entry.is_symlink():
            return "broken symbolic link", 0
        return f"cannot read: {exc.strerror or exc}", 0
    return (None, st.st_size) if stat.S_ISREG(st.st_mode) else ("not a regular file", 0)


def _folder_name(path: Path, options: ReadOptions) -> str | None:
    """The outlet to fall back on: the name of the folder holding ``path``."""
    if options.outlet is not None:
        return options.outlet
    if not options.folder_outlet:
        return None
    return Path(os.path.abspath(path)).parent.name or None


# --- whole files ---------------------------------------------------------------------


def _finish(article: Article, folder: str | None, options: ReadOptions) -> Article:
    """Apply the outlet rule: forced outlet, else the record's, else its URL's, else folder."""
    if options.outlet is not None:
        return replace(article, outlet=options.outlet)
    if article.outlet is not None and not article.outlet.strip():
        article = replace(article, outlet=None)  # re-derives the outlet from the URL
    if article.outlet is None and folder is not None:
        return replace(article, outlet=folder)
    return article


def decode(raw: bytes, what: str = "input") -> str:
    """Decode file bytes as :func:`~reliability.article.decode_bytes` does, with the
    file name left out of the message (the record's id already names it).

    UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252. Raises
    ``ValueError`` for binary data (a NUL byte outside UTF-16) or undecodable bytes.
    """
    try:
        return decode_bytes(raw, what)
    except UnicodeDecodeError as exc:
        raise ValueError(f"cannot decode ({exc.reason} at byte {exc.start})") from None
    except ValueError as exc:
        raise ValueError(str(exc).removeprefix(f"{what}: ")) from None


def _read_whole(
    raw: bytes, rid: str, fmt: str, folder: str | None, options: ReadOptions
) -> Iterator[Record]:
    try:
        text = decode(raw, "file")
    except ValueError as exc:
        yield Record(rid, error=str(exc), outlet=folder)
        return
    if fmt == "json":
        yield from _json_records(text, rid, folder, options)
        return
    if len(text) > MAX_CHARS and fmt != "html":
        yield Record(rid, error=_too_long(len(text)), outlet=folder)
        return
    if fmt == "html":
        yield Record(rid, markup=text, outlet=folder, outlet_forced=options.outlet is not None)
        return
    title, body = split_title(text)
    if fmt == "md" and title is not None:
        title = title.lstrip("#").strip() or None
    yield Record(rid, article=_finish(Article(text=body, title=title), folder, options))


def _too_long(n: int) -> str:
    return f"text too long: {n:,} characters (the limit is {MAX_CHARS:,})"


def _load_json(text: str, *, one_line: bool = False) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}" if not one_line else f"column {exc.colno}"
        raise ValueError(f"malformed JSON: {exc.msg} ({where})") from None
    except RecursionError:
        raise ValueError("malformed JSON: nested too deeply") from None


def _json_records(
    text: str, rid: str, folder: str | None, options: ReadOptions
) -> Iterator[Record]:
    try:
        data = _load_json(text)
    except ValueError as exc:
        yield Record(rid, error=str(exc), outlet=folder)
        return
    columns = options.columns
    if isinstance(data, Mapping):
        yield _mapping_record(data, rid, folder, options, columns=columns)
    elif isinstance(data, list):
        if not data:
            yield Record(rid, error="empty JSON list: no articles", outlet=folder)
        for i, item in enumerate(data, 1):
            yield _mapping_record(
                item, f"{rid}#{i}", folder, options, columns=columns, what=f"record {i}"
            )
    else:
        yield Record(
            rid,
            error=f"expected a JSON object or a list of objects, found {_json_type(data)}",
            outlet=folder,
        )


def _json_type(data: object) -> str:
    names = {str: "a string", int: "a number", float: "a number", bool: "true/false"}
    if data is None:
        return "null"
    if isinstance(data, list):
        return "a list"
    return names.get(type(data), type(data).__name__)


def _mapped(data: Mapping[str, Any], columns: Mapping[str, str]) -> Mapping[str, Any]:
    """``data`` with the user's column names moved to their canonical field names."""
    if not columns:
        return data
    out = dict(data)
    for fieldname, column in columns.items():
        for alias in FIELD_ALIASES[fieldname]:
            out.pop(alias, None)
        out[fieldname] = data.get(column)
    return out


def _mapping_record(
    data: object,
    rid: str,
    folder: str | None,
    options: ReadOptions,
    *,
    columns: Mapping[str, str],
    what: str = "",
) -> Record:
    lead = f"{what}: " if what else ""
    if not isinstance(data, Mapping):
        return Record(
            rid, error=f"{lead}expected a JSON object, found {_json_type(data)}", outlet=folder
        )
    data = _mapped(data, columns)
    title = data.get("title") if isinstance(data.get("title"), str) else None
    try:
        article = from_mapping(data)
    except (ValueError, TypeError) as exc:
        return Record(rid, error=f"{lead}{exc}", outlet=folder, title=title)
    if len(article.text) > MAX_CHARS:
        return Record(rid, error=f"{lead}{_too_long(len(article.text))}", outlet=folder)
    return Record(rid, article=_finish(article, folder, options))


# --- streamed files: JSON Lines and CSV ----------------------------------------------


class _BadLineError(Exception):
    """A line of a streamed file that cannot be decoded (stops a CSV file)."""

    def __init__(self, lineno: int, message: str) -> None:
        super().__init__(f"line {lineno}: {message}")
        self.lineno = lineno


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, str | None, str | None]]:
    """``(line number, text with its line ending, error)`` for each line of ``stream``.

    UTF-8 (a BOM is dropped) is tried per line, then Windows-1252; a file starting
    with a UTF-16 BOM is decoded as UTF-16. A line over ``limit`` bytes is skipped
    without being held in memory, and reported.
    """
    head = stream.read(2)
    if head in _UTF16_BOMS:
        text = io.TextIOWrapper(io.BufferedReader(_Prefixed(head, stream)), "utf-16", newline="")
        n = 0
        try:
            while line := text.readline(limit + 1):
                n += 1
                if len(line) > limit:
                    yield n, None, f"line longer than {limit:,} characters"
                    while line and not line.endswith("\n"):
                        line = text.readline(1 << 20)
                    continue
                yield n, line, None
        except UnicodeDecodeError as exc:
            yield n + 1, None, f"cannot decode UTF-16 ({exc.reason}); stopped reading here"
        return
    buffered = io.BufferedReader(_Prefixed(head, stream))
    n = 0
    while raw := buffered.readline(limit + 1):
        n += 1
        if len(raw) > limit:
            yield n, None, f"line longer than {limit:,} bytes"
            while raw and not raw.endswith(b"\n"):
                raw = buffered.readline(1 << 20)
            continue
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if b"\x00" in raw:
            yield n, None, "NUL byte: binary data, not text"
            continue
        try:
            yield n, raw.decode("utf-8"), None
        except UnicodeDecodeError:
            try:
                yield n, raw.decode("cp1252"), None
            except UnicodeDecodeError as exc:
                yield n, None, f"not UTF-8 or Windows-1252 ({exc.reason} at byte {exc.start})"


class _Prefixed(io.RawIOBase):
    """A raw stream that first returns ``head`` (bytes already read), then ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _read_stream(
    stream: BinaryIO, rid: str, fmt: str, folder: str | None, options: ReadOptions
) -> Iterator[Record]:
    if fmt == "jsonl":
        yield from _jsonl_records(stream, rid, folder, options)
    else:
        yield from _csv_records(stream, rid, fmt, folder, options)


def _jsonl_records(
    stream: BinaryIO, rid: str, folder: str | None, options: ReadOptions
) -> Iterator[Record]:
    found = False
    for n, line, error in _lines(stream, options.max_bytes):
        lid = f"{rid}:{n}"
        if error is not None:
            found = True
            yield Record(lid, error=f"line {n}: {error}", outlet=folder)
            continue
        assert line is not None
        if not line.strip():
            continue
        found = True
        try:
            data = _load_json(line.rstrip("\r\n"), one_line=True)
        except ValueError as exc:
            yield Record(lid, error=f"line {n}: {exc}", outlet=folder)
            continue
        yield _mapping_record(data, lid, folder, options, columns=options.columns, what=f"line {n}")
    if not found:
        yield Record(rid, error="no JSON lines: the file is empty", outlet=folder)


def _csv_lines(stream: BinaryIO, limit: int) -> Iterator[str]:
    for n, line, error in _lines(stream, limit):
        if error is not None:
            raise _BadLineError(n, error)
        assert line is not None
        yield line


@contextmanager
def csv_cells_up_to(limit: int) -> Iterator[None]:
    """Let the csv module read cells of up to ``limit`` characters while inside.

    A CSV cell may hold a whole article. The csv module's limit is process-wide, so
    it is raised here and put back as it was on the way out.
    """
    before = csv.field_size_limit()
    if before >= limit:
        yield
        return
    csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _csv_records(
    stream: BinaryIO, rid: str, fmt: str, folder: str | None, options: ReadOptions
) -> Iterator[Record]:
    with csv_cells_up_to(MAX_CHARS):
        yield from _csv_rows(stream, rid, fmt, folder, options)


def _csv_rows(
    stream: BinaryIO, rid: str, fmt: str, folder: str | None, options: ReadOptions
) -> Iterator[Record]:
    reader = csv.reader(
        _csv_lines(stream, options.max_bytes), delimiter="\t" if fmt == "tsv" else ","
    )
    try:
        header = next(reader, None)
    except (csv.Error, _BadLineError) as exc:
        yield Record(rid, error=f"unreadable header: {exc}", outlet=folder)
        return
    if header is None:
        yield Record(rid, error="empty CSV file: no header, no articles", outlet=folder)
        return
    names = [h.strip().lower() for h in header]
    wanted = {c.lower() for c in options.columns.values()}
    missing = sorted(wanted - set(names))
    text_names = (
        {options.columns["text"].lower()}
        if "text" in options.columns
        else set(FIELD_ALIASES["text"])
    )
    if missing or not text_names & set(names):
        what = f"column {', '.join(missing)} not found" if missing else "no text column"
        yield Record(
            rid,
            error=f"{what} (columns: {', '.join(names) or 'none'}); "
            "map one with --columns text=NAME",
            outlet=folder,
        )
        return
    columns = {k: v.lower() for k, v in options.columns.items()}
    n = 0
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            n += 1
            yield Record(f"{rid}#{n}", error=f"record {n}: malformed CSV ({exc})", outlet=folder)
            continue
        except _BadLineError as exc:
            yield Record(rid, error=f"{exc}; stopped reading after record {n}", outlet=folder)
            return
        if row is None:
            break
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line is not an article
        n += 1
        if len(row) != len(names):
            yield Record(
                f"{rid}#{n}",
                error=f"record {n}: {len(row)} cells, but the header has {len(names)}",
                outlet=folder,
            )
            continue
        # An empty cell is a missing value, except in the text column, where it is an
        # empty article (reported as such when scored).
        data = {
            k: (v if v != "" or k in text_names else None) for k, v in zip(names, row, strict=True)
        }
        yield _mapping_record(
            data, f"{rid}#{n}", folder, options, columns=columns, what=f"record {n}"
        )
    if n == 0:
        yield Record(rid, error="no records: the CSV file has a header only", outlet=folder)


# --- standard input ------------------------------------------------------------------


def _read_stdin(stdin: BinaryIO | None, options: ReadOptions) -> Iterator[Record]:
    import sys

    stream: BinaryIO = stdin if stdin is not None else sys.stdin.buffer
    outlet = options.outlet
    fmt = options.stdin_format
    if fmt in ("jsonl", "csv", "tsv"):
        yield from _read_stream(stream, STDIN_NAME, fmt, outlet, options)
        return
    if fmt == "auto":
        first = stream.readline(options.max_bytes + 1)
        fmt = _sniff(first)
        if fmt == "jsonl":
            yield from _jsonl_records(
                io.BufferedReader(_Prefixed(first, stream)), STDIN_NAME, outlet, options
            )
            return
        rest = stream.read(options.max_bytes + 1 - len(first))
        raw = first + rest
    else:
        raw = stream.read(options.max_bytes + 1)
    if len(raw) > options.max_bytes:
        yield Record(
            STDIN_NAME, error=f"standard input too large (over {options.max_bytes:,} bytes)"
        )
        return
    yield from _read_whole(raw, STDIN_NAME, fmt, outlet, options)


def _sniff(first: bytes) -> str:
    """Guess the format of standard input from its first line."""
    if first.startswith(_UTF16_BOMS):
        return "txt"  # decoded whole; plain text is the only safe guess
    head = first.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"<"):
        return "html"
    if head.startswith(b"{"):
        try:
            return "jsonl" if isinstance(json.loads(first.decode("utf-8-sig")), dict) else "json"
        except (ValueError, RecursionError):
            return "json"  # an object spread over several lines
    return "txt"


# --- HTML ----------------------------------------------------------------------------


def _html_article(markup: str) -> Article:
    """Main text, title, site name and URL of an HTML page, by trafilatura."""
    try:
        import trafilatura
    except ImportError:
        raise ValueError(
            "reading HTML needs the optional extractor: the html extra "
            "(pip install '.[html]' in a checkout of reliability)"
        ) from None
    doc = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no main text found in the HTML")
    title = getattr(doc, "title", None)
    title = title if isinstance(title, str) and title.strip() else None
    if title is not None:
        first, _, rest = text.partition("\n")
        if first.strip() == title.strip() and rest.strip():
            text = rest  # the headline repeated as the first paragraph
    sitename = getattr(doc, "sitename", None)
    url = getattr(doc, "url", None)
    article = Article(
        text=text,
        title=title,
        outlet=sitename if isinstance(sitename, str) and sitename.strip() else None,
        url=url if isinstance(url, str) and url.strip() else None,
    )
    if len(article.text) > MAX_CHARS:
        raise ValueError(_too_long(len(article.text)))
    return article


__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "STDIN",
    "STDIN_NAME",
    "SUFFIX_FORMATS",
    "Pending",
    "ReadOptions",
    "Record",
    "decode",
    "format_of",
    "iter_records",
    "load",
    "read_file",
    "resolve",
    "safe_id",
]
