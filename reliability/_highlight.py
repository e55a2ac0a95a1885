"""An article's title and text with every evidence span marked, for the ``explain`` command.

On a terminal the spans are coloured (ANSI): green where the signal raises the
score, red where it lowers it, yellow where its weight is zero (shown for context).
Without colour the spans are wrapped in ``⟦ ⟧``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .profile import ReliabilityProfile

_RESET: Final = "\x1b[0m"
_COLOURS: Final = {-1: "\x1b[4;31m", 1: "\x1b[4;32m", 0: "\x1b[4;33m"}
OPEN: Final = "⟦"
CLOSE: Final = "⟧"


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (ESC...) become ``\ufffd``.

    Line breaks and tabs are kept; every character maps to one character, so
    evidence offsets still apply.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c in "\n\t" else "\ufffd" for c in text)


def _direction(weight: float) -> int:
    return (weight > 0) - (weight < 0)


def _segments(
    length: int, spans: Iterable[tuple[int, int, int]]
) -> list[tuple[int, int, int | None]]:
    """Split ``[0, length)`` into runs: ``(start, end, direction)``; ``None`` is unmarked.

    Where spans overlap, a lowering signal wins over a raising one, which wins over a
    zero-weight one.
    """
    events: list[tuple[int, int, int]] = []
    for start, end, direction in spans:
        if 0 <= start < end <= length:
            events.append((start, 1, direction))
            events.append((end, -1, direction))
    events.sort()
    active = {-1: 0, 0: 0, 1: 0}
    out: list[tuple[int, int, int | None]] = []
    pos = 0
    for at, change, direction in events:
        if at > pos:
            current = next((d for d in (-1, 1, 0) if active[d] > 0), None)
            if out and out[-1][2] == current and out[-1][1] == pos:
                out[-1] = (out[-1][0], at, current)
            else:
                out.append((pos, at, current))
            pos = at
        active[direction] += change
    if pos < length:
        out.append((pos, length, None))
    return out


def _mark(text: str, spans: Iterable[tuple[int, int, int]], *, color: bool) -> str:
    parts: list[str] = []
    runs = _segments(len(text), spans)
    open_run = False
    for start, end, direction in runs:
        piece = printable(text[start:end])
        if color:
            parts.append(piece if direction is None else _COLOURS[direction] + piece + _RESET)
            continue
        if direction is not None and not open_run:
            parts.append(OPEN)
            open_run = True
        elif direction is None and open_run:
            parts.append(CLOSE)
            open_run = False
        parts.append(piece)
    if open_run:
        parts.append(CLOSE)
    return "".join(parts)


def legend(*, color: bool) -> str:
    """One line saying what the marks mean."""
    if not color:
        return f"Evidence is marked {OPEN}like this{CLOSE}."
    return (
        f"Evidence: {_COLOURS[1]}raises the score{_RESET} · "
        f"{_COLOURS[-1]}lowers the score{_RESET} · {_COLOURS[0]}context (weight 0){_RESET}"
    )


def highlighted(profile: ReliabilityProfile, *, color: bool) -> str:
    """The title (if any) and text of the profile's article, evidence marked."""
    spans: dict[str, list[tuple[int, int, int]]] = {"title": [], "text": []}
    for s in profile.signals.values():
        direction = _direction(s.weight)
        for e in s.evidence:
            spans[e.field].append((e.start, e.end, direction))
    art = profile.article
    out = []
    if art.title:
        out.append(_mark(art.title, spans["title"], color=color))
        out.append("")
    out.append(_mark(art.text, spans["text"], color=color).strip("\n"))
    return "\n".join(out)
