from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reliability.document import WORD_RE, Document


def spans(doc: Document, name: str) -> list[str]:
    return [doc.text[s:e] for s, e in getattr(doc, name)]


def test_sentences_respect_abbreviations_and_initials() -> None:
    doc = Document(
        "Mr. Smith met Dr. Jones in the U.S. on Monday. John F. Kennedy was not there. "
        "Was it 5 p.m. already? Yes!"
    )
    assert spans(doc, "sentences") == [
        "Mr. Smith met Dr. Jones in the U.S. on Monday.",
        "John F. Kennedy was not there.",
        "Was it 5 p.m. already?",
        "Yes!",
    ]


def test_lines_are_trimmed_and_blank_lines_skipped() -> None:
    doc = Document("  first line \n\n\t\nsecond\n")
    assert spans(doc, "lines") == ["first line", "second"]


def test_words_and_tokens_are_parallel() -> None:
    doc = Document("Don’t STOP the co-op now")
    assert spans(doc, "words") == ["Don’t", "STOP", "the", "co-op", "now"]
    assert doc.tokens == ["don't", "stop", "the", "co-op", "now"]


def test_quotes_curly_single_with_apostrophes() -> None:
    doc = Document("He said ‘it’s not over, it’s just begun’ and left. The States’ view differs.")
    assert spans(doc, "quotes") == ["‘it’s not over, it’s just begun’"]
    assert doc.in_quote(doc.text.index("begun"))
    assert not doc.in_quote(doc.text.index("left"))


def test_quotes_double_and_unclosed() -> None:
    doc = Document('She said "yes" and “no”.\n“An unclosed quote\nNext line')
    assert spans(doc, "quotes") == ['"yes"', "“no”", "“An unclosed quote"]


def test_sentence_and_line_lookup() -> None:
    doc = Document("One two.\nThree four. Five.")
    assert doc.sentence_at(doc.text.index("Five")) == (doc.text.index("Five"), len(doc.text))
    assert doc.line_at(doc.text.index("Three")) == (9, len(doc.text))
    assert doc.line_at(8) is None  # the newline itself


@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
    | st.text(alphabet=" a-'’B1_.é\U0001f642\U0001d400İ\n", max_size=60)
)
def test_fast_tokeniser_matches_the_word_pattern(text: str) -> None:
    doc = Document(text)
    spans = [m.span() for m in WORD_RE.finditer(text)]
    assert doc.words == spans
    assert doc.tokens == [text[s:e].lower().replace("’", "'") for s, e in spans]
    assert doc.word_count == len(spans)


def test_tokeniser_edge_cases() -> None:
    text = "a--b 'tis don’t co-op U.S. 16.8k ’x x’ -a- x_y İstanbul \ud800z"
    doc = Document(text)
    assert [text[s:e] for s, e in doc.words] == [
        "a",
        "b",
        "tis",
        "don’t",
        "co-op",
        "U",
        "S",
        "16",
        "8k",
        "x",
        "x",
        "a",
        "x",
        "y",
        "İstanbul",
        "z",
    ]
