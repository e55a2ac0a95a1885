from __future__ import annotations

import pytest

from reliability import _lexicon
from reliability.document import Document


@pytest.mark.parametrize("name", _lexicon.available())
def test_every_lexicon_loads_with_provenance(name: str) -> None:
    lex = _lexicon.load(name)
    assert lex.entries
    for key in ("source", "licence", "date"):
        assert lex.header.get(key), f"{name}.txt lacks a {key} header"


def test_duplicates_are_refused() -> None:
    src = "# source: x\n# licence: x\n# date: x\nword\nWord\n"
    with pytest.raises(_lexicon.LexiconError, match="duplicate entry 'Word'"):
        _lexicon.parse("t", src)


def test_empty_list_and_missing_header_are_refused() -> None:
    with pytest.raises(_lexicon.LexiconError, match="no entries"):
        _lexicon.parse("t", "# source: x\n# licence: x\n# date: x\n")
    with pytest.raises(_lexicon.LexiconError, match="lacks licence, date"):
        _lexicon.parse("t", "# source: x\nword\n")


def test_bad_number_and_bad_pattern_are_refused() -> None:
    head = "# source: x\n# licence: x\n# date: x\n"
    with pytest.raises(_lexicon.LexiconError, match="not a number"):
        _lexicon.parse("t", head + "word\tmany\n")
    with pytest.raises(_lexicon.LexiconError, match="bad pattern"):
        _lexicon.parse("t", head + "re:(unclosed\n")


def hits(text: str, name: str) -> list[str]:
    doc = Document(text)
    return [text[h.start : h.end] for h in doc.hits[name]]


def test_scan_prefers_longest_and_never_overlaps() -> None:
    text = "She spoke on condition of anonymity, on condition of anonymity."
    assert hits(text, "anonymity_reasons") == [
        "spoke on condition of anonymity",
        "on condition of anonymity",
    ]


def test_scan_phrase_does_not_cross_sentence_punctuation() -> None:
    assert hits("It was a secret. Deal done.", "secrecy") == ["secret"]
    assert hits("Leave a. Reply now", "boilerplate_comment_form") == []


def test_scan_numbers_and_case_and_curly_apostrophes() -> None:
    assert hits("16.8k SHARES", "boilerplate_share_prompt") == ["8k SHARES"]
    assert hits("What They Don’t Want You To Know", "secrecy") == [
        "What They Don’t Want You To Know"
    ]


def test_scan_regex_entries_are_word_bounded() -> None:
    assert hits("It is widely believed that", "vague_passives") == ["It is widely believed"]
    assert hits("Split is widely-known", "vague_passives") == []
    assert hits("bit is said", "vague_passives") == []


def test_scan_matches_regex_compiled_from_the_same_entries() -> None:
    # The token index and the compiled pattern (used on titles) agree on plain prose.
    text = (
        "Sources say the shocking, unprecedented firestorm was a bombshell. "
        "Critics argue it is a massive scandal and a cover-up."
    )
    lex = _lexicon.load("sensational")
    assert hits(text, "sensational") == [m.group() for m in lex.pattern.finditer(text)]
