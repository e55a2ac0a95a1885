"""The ``reliability`` command: score articles, explain one, clean one.

``main(argv) -> int`` over a parser that tests can drive; exit code 0 when every
input was scored, 1 when some failed (each failure is still reported), 2 for
usage errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from ._core import clean, score
from .article import Article, decode_bytes, from_path
from .model import Model, ModelError, load_model

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
SUFFIXES = (".txt", ".md", ".json")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="reliability",
        description=("How much a news article's text looks like careful journalism, and why."),
    )
    ap.add_argument("--version", action="version", version=f"reliability {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    sc = sub.add_parser("score", help="score files and folders, one line per article")
    sc.add_argument("paths", nargs="+", type=Path, help="files or folders (.txt, .md, .json)")
    sc.add_argument("--model", type=Path, help="weights JSON (default: the shipped model)")
    sc.add_argument("--top", type=int, default=3, help="signals to show per article (default 3)")
    ex = sub.add_parser("explain", help="one article: every signal with its evidence")
    ex.add_argument("path", type=Path)
    ex.add_argument("--model", type=Path)
    cl = sub.add_parser("clean", help="print a text file with leaked boilerplate removed")
    cl.add_argument("path", type=Path)
    return ap


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
            )
        else:
            yield p


def _model(path: Path | None) -> Model | None:
    return load_model(path) if path is not None else None


def _score(args: argparse.Namespace) -> int:
    model = _model(args.model)
    failed = scored = 0
    for path in _files(args.paths):
        try:
            profile = score(from_path(path), model=model)
        except (OSError, ValueError, TypeError) as exc:
            failed += 1
            print(f"{path}\terror\t{exc}")
            continue
        scored += 1
        top = ", ".join(f"{s.name} {s.points:+.1f}" for s in profile.top(args.top))
        print(f"{path}\t{profile.score:5.1f}\t{profile.band}\t{top}")
    print(f"scored {scored}, failed {failed}", file=sys.stderr)
    if scored + failed == 0:
        print("reliability: no articles found", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    print(score(from_path(args.path), model=_model(args.model)).explain())
    return EXIT_OK


def _clean(args: argparse.Namespace) -> int:
    text = decode_bytes(args.path.read_bytes(), str(args.path))
    sys.stdout.write(clean(Article(text=text).text).text)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    for p in getattr(args, "paths", None) or [getattr(args, "path", None)]:
        if p is not None and not p.exists():
            print(f"reliability: {p}: no such file or folder", file=sys.stderr)
            return EXIT_USAGE
    try:
        if args.command == "score":
            return _score(args)
        if args.command == "explain":
            return _explain(args)
        return _clean(args)
    except ModelError as exc:
        print(f"reliability: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError, TypeError) as exc:
        print(f"reliability: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED


if __name__ == "__main__":
    sys.exit(main())
