"""Precision and recall of the tone families on annotated sentences.

An annotation file (``tests/golden/*_sentences.tsv``) holds one sentence per line:
the expected cues separated by ``|`` (``-`` for none), a TAB, the sentence. Each
sentence is scored as an article of its own. A found cue (an evidence span) is
correct when it overlaps an expected cue that no other found cue has taken; span
boundaries may differ ("remains unclear" for "unclear"). Used by
``scripts/eval_tone.py`` and by the evaluation gate in the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .profile import Signal
from .signals import hedging, sensational

#: Family name -> (extract function, signal whose evidence is scored).
FAMILIES: Mapping[str, tuple[Callable[[Document], Mapping[str, Signal]], str]] = {
    "hedging": (hedging.extract, "hedging"),
    "sensational": (sensational.extract, "sensational_language"),
}


@dataclass(frozen=True, slots=True)
class Annotated:
    """One annotated sentence."""

    expected: tuple[str, ...]
    sentence: str
    line: int


@dataclass(frozen=True, slots=True)
class Result:
    """Cue-level counts of one family over its sentences."""

    family: str
    sentences: int
    true_positives: int
    found: int
    expected: int
    misses: tuple[str, ...] = field(default=(), repr=False)
    false_alarms: tuple[str, ...] = field(default=(), repr=False)

    @property
    def precision(self) -> float:
        """Share of found cues that were expected (1 when nothing was found)."""
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of expected cues that were found (1 when nothing was expected)."""
        return self.true_positives / self.expected if self.expected else 1.0


def read(path: str | Path) -> list[Annotated]:
    """Read an annotation file (``#`` lines are comments)."""
    out: list[Annotated] = []
    for k, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cues, sep, sentence = raw.partition("\t")
        if not sep or not sentence.strip():
            raise ValueError(f"{path}:{k}: expected 'cues<TAB>sentence'")
        expected = () if cues.strip() == "-" else tuple(c.strip() for c in cues.split("|"))
        out.append(Annotated(expected, sentence.strip(), k))
    return out


def _expected_spans(row: Annotated) -> list[tuple[int, int]]:
    """Where the expected cues are in the sentence.

    A cue is looked for with its case first ("may" is not "May"), then without. A
    cue listed twice takes its next place, or shares its only one ("SHOCKING" as
    both a loaded word and a shouted one).
    """
    text = row.sentence
    low = text.lower()

    def bounded(i: int, n: int) -> bool:
        """No letter or digit glued to a word-like cue ("you" is not in "your")."""
        left = i > 0 and text[i].isalnum() and text[i - 1].isalnum()
        right = i + n < len(text) and text[i + n - 1].isalnum() and text[i + n].isalnum()
        return not (left or right)

    spans: list[tuple[int, int]] = []
    for cue in row.expected:
        n = len(cue)
        starts = [i for i in range(len(text)) if text.startswith(cue, i) and bounded(i, n)]
        if not starts:
            c = cue.lower()
            starts = [i for i in range(len(low)) if low.startswith(c, i) and bounded(i, n)]
        if not starts:
            raise ValueError(f"line {row.line}: cue {cue!r} is not in the sentence")
        taken = sum(1 for s in spans if s[0] in starts)
        start = starts[min(taken, len(starts) - 1)]
        spans.append((start, start + n))
    return spans


def evaluate(family: str, rows: Sequence[Annotated]) -> Result:
    """Match each family's evidence against the annotations, sentence by sentence."""
    extract, signal = FAMILIES[family]
    tp = found_n = expected_n = 0
    misses: list[str] = []
    alarms: list[str] = []
    for row in rows:
        found = [(e.start, e.end) for e in extract(Document(row.sentence))[signal].evidence]
        expected = _expected_spans(row)
        free = list(expected)
        for s, e in found:
            hit = next((x for x in free if x[0] < e and s < x[1]), None)
            if hit is None:
                alarms.append(f"{row.line}: {row.sentence[s:e]!r} in {row.sentence!r}")
            else:
                free.remove(hit)
                tp += 1
        misses.extend(f"{row.line}: {row.sentence[s:e]!r} in {row.sentence!r}" for s, e in free)
        found_n += len(found)
        expected_n += len(expected)
    return Result(family, len(rows), tp, found_n, expected_n, tuple(misses), tuple(alarms))


def evaluate_files(paths: Iterable[tuple[str, str | Path]]) -> list[Result]:
    """Evaluate several (family, annotation file) pairs."""
    return [evaluate(family, read(path)) for family, path in paths]
