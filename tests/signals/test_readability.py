"""Readability and length: Flesch reading ease as textstat computes it, on the article's
own lines; article_length counts those lines' words."""

from __future__ import annotations

import math

import pytest

from reliability import readability_report
from reliability.document import WORD_RE, Document
from reliability.signals.readability import extract, syllables

ARTICLE = (
    "The council approved the budget on Monday. It cuts library hours at six branches.\n"
    "Councillor Ines Haddad said the council had no choice after a fall in grants.\n"
)
TAIL = (
    "Your email address will not be published. Required fields are marked *\n"
    "Lumen is a next generation WordPress theme for magazines: quick to load, easy to set up "
    "and ready to turn visitors into subscribers.\n"
)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("the", 1),
        ("council", 2),
        ("library", 3),
        ("reliability", 6),
        ("co-op", 2),
    ],
)
def test_syllables_follow_the_cmu_dictionary(word: str, count: int) -> None:
    assert syllables(word) == count


def test_unknown_words_fall_back_to_hyphenation() -> None:
    assert syllables("zorblaxian") >= 3  # not in the dictionary: Pyphen's count plus one


def test_flesch_agrees_with_textstat_on_plain_prose() -> None:
    ours = extract(Document(ARTICLE))["readability"].value
    theirs = readability_report(ARTICLE)["flesch_reading_ease"]
    assert ours is not None
    assert ours == pytest.approx(theirs, abs=5.0)  # same formula; tokenisers differ slightly


def test_furniture_lines_are_set_aside() -> None:
    clean = extract(Document(ARTICLE))
    leaky = extract(Document(ARTICLE + TAIL))
    words = len(WORD_RE.findall(ARTICLE))
    assert clean["article_length"].value == pytest.approx(math.log10(words))
    assert leaky["article_length"].value == clean["article_length"].value
    assert leaky["readability"].value == clean["readability"].value
    assert leaky["article_length"].details["words_with_furniture"] == len(
        WORD_RE.findall(ARTICLE + TAIL)
    )


def test_text_without_words_has_no_value() -> None:
    found = extract(Document("— … !"))
    assert found["article_length"].value is None
    assert found["readability"].value is None
