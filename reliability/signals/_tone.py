"""Helpers shared by the tone families (hedging, sensational language, clickbait).

Everything here works on offsets the :class:`~reliability.document.Document`
already computed; nothing re-tokenises an article body.
"""

from __future__ import annotations

import re
from bisect import bisect_left
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
#: Offsets come from this one regex pass; the caller groups them into runs.
_CAPS_WORD_RE = re.compile(r"(?<!\w)[A-Z][A-Z\d]++(?:['’\-][A-Z\d]++)*+(?!\w)")
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
    return TitleView(doc, _lexicon.scan(doc, TITLE_LEXICONS))


def weight_of(lexicon: str, entry: str) -> float:
    """The strength of a lexicon entry (1 when the file gives none)."""
    return lexicon_weights(lexicon).get(entry, 1.0)


@cache
def lexicon_weights(lexicon: str) -> Mapping[str, float]:
    """Entry (as written) -> strength, for every entry of a lexicon."""
    lex = _lexicon.load(lexicon)
    return MappingProxyType({e: lex.value(e) for e in lex.entries})


def token_at(doc: Document, pos: int) -> int:
    """Index of the first word that ends after ``pos``."""
    return bisect_left(doc.word_starts, pos)


def is_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens its line and is followed by ``:``, ``!``, ``|``, a dash."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t\u00a0\"'“‘([*#"):
        return False
    rest = text[end : end + 3].lstrip(" \t\u00a0")
    return bool(rest) and rest[0] in _LABEL_MARKS


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
    if letters.lower() not in acronyms:
        return _english_shape(letters)
    return False


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
    is shouting when one of its words is (see :func:`is_shouted_word`) and it is not
    a parenthesised abbreviation ("(UNESCO)").
    """
    stop = len(text) if end is None else end
    acronyms = _lexicon.load("acronyms").words
    out: list[tuple[int, int]] = []
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
                out.append((run_start, run_end))
            run_start, run_end, loud = s, e, False
        if is_shouted_word(m.group(), acronyms) and not (
            s > 0 and text[s - 1] == "(" and text[e : e + 1] == ")"
        ):
            loud = True
    if run_end >= 0 and loud:
        out.append((run_start, run_end))
    return out


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
