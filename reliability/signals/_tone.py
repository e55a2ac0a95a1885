"""Helpers shared by the tone families (hedging, sensational language, clickbait).

Everything here works on offsets the :class:`~reliability.document.Document`
already computed; nothing re-tokenises an article body.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType

from .. import _lexicon
from .._lexicon import Hit
from ..document import Document

#: The lexicons the tone families read in a title (a title is scanned on its own).
TITLE_LEXICONS: tuple[str, ...] = (
    "sensational",
    "secrecy",
    "urgency",
    "superlatives",
    "second_person",
    "news_formulas",
)

#: A word written in capitals: two or more upper-case letters or digits, with inner ' or -.
_CAPS_WORD_RE = re.compile(r"(?<!\w)[A-Z][A-Z\d]++(?:['’\-][A-Z\d]++)*+(?!\w)")
#: Two capitals in a row: a cheap pattern that finds where to try _CAPS_WORD_RE.
_CAPS_PAIR_RE = re.compile(r"[A-Z][A-Z\d]")
_VOWELS = frozenset("AEIOUY")
_VOWELS_NO_Y = frozenset("AEIOU")
#: Two-consonant clusters that open English words (STR- and SPL- open with ST, SP).
_ONSETS = frozenset(
    """BL BR CH CL CR DR DW FL FR GH GL GN GR KN KL PH PL PR PS QU SC SH SK SL SM SN SP
    SQ ST SW TH TR TW WH WR""".split()
)
#: Two-consonant clusters that close English words (before a plural S).
_CODAS = frozenset(
    """BS CH CK CT DS FF FT GH GS HT KS LB LD LF LK LL LM LP LS LT MB MP MS ND NG NK NS
    NT PH PS PT RB RC RD RF RG RK RL RM RN RP RS RT RV SH SK SP SS ST TH TS TZ WL WN WS
    XT ZZ""".split()
)
#: What may separate two capitalised words of one shouted phrase.
_RUN_GAP_RE = re.compile(r"[ \t\u00a0,]{1,3}")
#: After a run in capitals opening a line: a speaker label or a dateline.
_DATELINE_MARKS = frozenset(":(,-–—")
#: Characters that make the word before them a label ("BREAKING:", "Urgent -").
_LABEL_MARKS = frozenset(":!|-–—")


@dataclass(frozen=True, slots=True)
class TitleView:
    """A title as a small document of its own, with the tone lexicons' hits."""

    doc: Document
    hits: Mapping[str, list[Hit]]


@lru_cache(maxsize=256)
def title_view(title: str) -> TitleView:
    """Tokenise ``title`` and find the tone lexicons in it (one pass over its tokens).

    Memoised: the sensational and clickbait families both read the same title.
    """
    doc = Document(title)
    return TitleView(doc, MappingProxyType(_lexicon.scan(doc, TITLE_LEXICONS)))


def weight_of(lexicon: str, entry: str) -> float:
    """The strength of a lexicon entry (1 when the file gives none)."""
    return lexicon_weights(lexicon).get(entry, 1.0)


@cache
def lexicon_weights(lexicon: str) -> Mapping[str, float]:
    """Entry (as written) -> strength, for every entry of a lexicon."""
    lex = _lexicon.load(lexicon)
    return MappingProxyType({e: lex.value(e) for e in lex.entries})


def _opens_line(text: str, start: int, end: int, *, lead: str, marks: frozenset[str]) -> bool:
    """Whether ``text[start:end]`` opens its line (after any of the ``lead`` characters)
    and is followed, within a few spaces, by one of ``marks``."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t\u00a0" + lead):
        return False
    rest = text[end : end + 3].lstrip(" \t\u00a0")
    return bool(rest) and rest[0] in marks


def is_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens its line and is followed by ``:``, ``!``, ``|``, a dash."""
    return _opens_line(text, start, end, lead="\"'“‘([*#", marks=_LABEL_MARKS)


def is_shouted_word(word: str, acronyms: frozenset[str]) -> bool:
    """Whether an all-capitals word is shouting rather than an abbreviation.

    Shouting needs four letters or more, a vowel, and the shape of an English word:
    it opens with a vowel or a consonant cluster English words open with (not
    "HB", "NS") and closes with a vowel or a cluster English words close with (not
    "HD", "TM", "NB"). That tells "NEVER" and "REALLY" from ADHD, LGBT, UNHCR and
    most other abbreviations; common pronounceable ones (NATO, COVID, NASA) are
    listed in ``acronyms.txt``.
    """
    letters = "".join(c for c in word if c.isalpha())
    if len(letters) < 4 or not _VOWELS.intersection(letters[1:] + letters[:1].replace("Y", "")):
        return False
    if letters.lower() not in _letters_only(acronyms):
        return _english_shape(letters)
    return False


@lru_cache(maxsize=4)
def _letters_only(words: frozenset[str]) -> frozenset[str]:
    """``words`` with everything but letters removed ("afl-cio" -> "aflcio")."""
    return frozenset("".join(c for c in w if c.isalpha()) for w in words)


def _english_shape(letters: str) -> bool:
    """Whether upper-case ``letters`` open and close like an English word."""
    two_consonants = letters[0] not in _VOWELS_NO_Y and letters[1] not in _VOWELS
    if two_consonants and letters[:2] not in _ONSETS:
        return False
    end = letters[:-1] if letters[-1] == "S" and len(letters) > 4 else letters
    if end[-1] not in _VOWELS and end[-2] not in _VOWELS:
        return end[-2:] in _CODAS
    return True


def shouted_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Shouted phrases in ``text[start:end]``: runs of capitalised words holding shouting.

    A run is a stretch of all-capitals words separated only by spaces or commas. It
    is shouting when one of its words is (see :func:`is_shouted_word`), except:

    * a run in brackets: an abbreviation or a stage direction ("(UNESCO)",
      "(BEGIN VIDEO CLIP)", "[CROSSTALK]");
    * a run followed by a colon: a label ("TAPPER:", "THE PRESIDENT:", "NOTE:"), also in
      the middle of a transcript paragraph;
    * a run that opens a line and is followed by ``(``, ``,`` or a dash: a dateline
      ("WASHINGTON (Reuters) -", "LONDON —").
    """
    stop = len(text) if end is None else end
    acronyms = _lexicon.load("acronyms").words
    runs: list[tuple[int, int]] = []
    run_start = run_end = -1
    loud = False
    pos = start
    while True:
        # find two capitals in a row with a cheap pattern, then read the word there
        pair = _CAPS_PAIR_RE.search(text, pos, stop)
        if pair is None:
            break
        m = _CAPS_WORD_RE.match(text, pair.start(), stop)
        if m is None:  # capitals inside a word ("McDONALD"): skip past them
            pos = pair.end()
            continue
        s, e = m.span()
        pos = e
        if run_end >= 0 and _RUN_GAP_RE.fullmatch(text, run_end, s):
            run_end = e
        else:
            if run_end >= 0 and loud:
                runs.append((run_start, run_end))
            run_start, run_end, loud = s, e, False
        if is_shouted_word(m.group(), acronyms):
            loud = True
    if run_end >= 0 and loud:
        runs.append((run_start, run_end))
    return [
        (s, e)
        for s, e in runs
        if text[e : e + 1] != ":" and not _bracketed(text, s, e) and not _line_label(text, s, e)
    ]


def _bracketed(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end : end + 1]
    return (before, after) in (("(", ")"), ("[", "]"))


def _line_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens its line and is followed by a dateline mark."""
    return _opens_line(text, start, end, lead="*#>", marks=_DATELINE_MARKS)


#: A speaker label opening a transcript line: words in capitals ("TAPPER", "THE
#: PRESIDENT", "SEN. JOHN SMITH", "Q"), maybe a parenthesis ("(D-Va.)"), then a colon.
#: It matches only at the start of a line, so no scan restarts inside a run.
_SPEAKER_RE = re.compile(
    r"(?<![^\n])[ \t]*+(?:[A-Z][A-Z.'’\-]*+[ \t]){0,4}[A-Z][A-Z.'’\-]*+"
    r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*:"
)
#: Labels that open news lines, not transcript speakers.
_NOT_SPEAKERS = frozenset(
    """breaking urgent update updated alert exclusive watch developing note editor's
    correction warning just""".split()
)


class Voices:
    """Who is speaking where: quotations, and transcript lines opened by a speaker label.

    Words inside quotation marks (as ``Document.quotes`` decides) or on a line that
    opens with a speaker label ("TAPPER: ...", "Q: ...") are someone else's words,
    not the writer's.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._quotes = bool(doc.quotes)
        spans: list[tuple[int, int]] = []
        text = doc.text
        if ":" in text:
            for line in doc.lines:
                m = _SPEAKER_RE.match(text, text.rfind("\n", 0, line.start) + 1, line.end)
                if m is None:
                    continue
                label = text[line.start : m.end() - 1].strip().split(" ")[0].lower()
                if label.rstrip(".") not in _NOT_SPEAKERS:
                    spans.append((m.end(), line.end))
        self._starts = [s for s, _ in spans]
        self._spans = spans

    @property
    def any(self) -> bool:
        """Whether the document has any quoted or transcript speech at all."""
        return self._quotes or bool(self._spans)

    def quoted(self, pos: int) -> bool:
        """Whether character ``pos`` is in someone else's words."""
        if self._quotes and self.doc.in_quote(pos):
            return True
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._spans[i][1]


def sentence_bounds(doc: Document, pos: int) -> tuple[int, int]:
    """The sentence around ``pos`` (or its line, or the whole text as a last resort)."""
    sent = doc.sentence_at(pos)
    if sent is not None:
        return sent.start, sent.end
    line = doc.line_at(pos)
    if line is not None:
        return line.start, line.end
    return 0, len(doc.text)


def any_between(starts: Sequence[int], lo: int, hi: int) -> bool:
    """Whether a sorted list of offsets has one in ``[lo, hi)``."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi
