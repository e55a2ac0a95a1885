"""Golden behaviour of the specificity family: which particulars are figures, which not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliability.document import Document
from reliability.profile import Signal
from reliability.signals import specificity

TAIL = "\n\nYour email address will not be published. Required fields are marked *"


def run(text: str) -> Signal:
    return specificity.extract(Document(text))["figures"]


def figures(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.kind) for e in run(text).evidence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout was 61.2% in the capital.", [("61.2%", "percent")]),
        ("Inflation fell to 3.5 percent in June.", [("3.5 percent", "percent")]),
        ("Support rose by 2 percentage points.", [("2 percentage points", "percent")]),
        ("The ministry spent $4.5 billion on roads.", [("$4.5 billion", "money")]),
        ("The club paid £30m for the striker.", [("£30m", "money")]),
        ("Fines reach 500 euros per day.", [("500 euros", "money")]),
        ("The hospital treated 1,200 patients.", [("1,200", "number")]),
        ("The vote was held in 2019.", [("2019", "number")]),
        ("The ferry left at 10:30 on the dot.", [("10:30", "number")]),
        ("The bill was drafted in the 1990s.", [("1990s", "number")]),
        ("The trial opens on March 3rd.", [("3rd", "number")]),
        ("The 2018-19 season ended early.", [("2018-19", "number")]),
        ("The hosts won 3-2 after extra time.", [("3-2", "number")]),
        ("A 23-year-old man was arrested.", [("23", "number")]),
        # AP style spells out small numbers: they are just as specific
        ("Three people were injured.", [("Three", "number")]),
        ("Twenty-five homes were flooded.", [("Twenty-five", "number")]),
        ("The grant is worth two million dollars.", [("two million dollars", "money")]),
        ("The panel has twelve members.", [("twelve", "number")]),
    ],
)
def test_a_particular_is_one_figure(text: str, expected: list[tuple[str, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "one" is mostly a pronoun; vague magnitudes say "many", not how many
        "One of the officials left early.",
        "Thousands of people marched through the city.",
        "Millions of dollars were lost, the audit found.",
        "Hundreds of flights were cancelled.",
        # digits inside a name are not a particular of the story
        "The G7 leaders met on the island.",
        "The COVID-19 ward reopened.",
        "The F-35 programme was reviewed.",
        "He streamed the MP3 files.",
        # words that only start like a number
        "Tenants and twelvefold claims are not figures. The often tense tone stayed.",
    ],
)
def test_no_figure_where_there_is_no_particular(text: str) -> None:
    assert figures(text) == []


def test_a_figure_never_reaches_across_a_line_break() -> None:
    text = "The fund holds 40\nmillion reasons to worry, and $\n5 more."
    assert figures(text) == [("40", "number"), ("5", "number")]


def test_a_date_written_with_slashes_is_one_figure() -> None:
    assert figures("The order was signed on 5/12/2019.") == [("5", "number")]


def test_rate_is_per_thousand_words_of_the_article_own_lines() -> None:
    body = "The council approved 14 new homes and a budget of $2 million on Tuesday."
    clean, leaky = run(body), run(body + TAIL + "\n© 2019 Example Media. All rights reserved.")
    words = len(body.split())
    assert clean.value == pytest.approx(2 * 1000 / words)
    # furniture lines neither add figures nor dilute the rate
    assert leaky.value == pytest.approx(clean.value)
    assert leaky.details["figures_in_furniture"] == 1  # the copyright year
    assert [e.text for e in leaky.evidence] == ["14", "$2 million"]


def test_no_words_gives_no_value() -> None:
    s = run("")
    assert s.value is None
    assert s.evidence == ()


def test_more_particulars_raise_the_rate() -> None:
    vague = "Officials said many people were hurt and costs rose sharply last year."
    precise = "Officials said 14 people were hurt and costs rose 12% to $3 million in 2018."
    low, high = run(vague).value, run(precise).value
    assert low == 0
    assert high is not None
    assert high > 0


_PIECES = st.sampled_from(
    [
        "The",
        "council",
        "approved",
        "14",
        "$2.5",
        "billion",
        "12%",
        "three",
        "one",
        "COVID-19",
        "G7",
        "2018-19",
        "10:30",
        "thousands",
        "of",
        "homes.",
        "\n",
        "5/12/2019",
        "twenty-one",
        "-",
        ",",
    ]
)


@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_evidence_is_exact_ordered_and_counted(text: str) -> None:
    s = run(text)
    doc_text = Document(text).text
    for e in s.evidence:
        assert doc_text[e.start : e.end] == e.text
        assert e.kind in {"number", "money", "percent"}
    starts = [e.start for e in s.evidence]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(s.evidence, s.evidence[1:], strict=False))
    assert s.details["figures"] == len(s.evidence)
    words = s.details["words"]
    assert isinstance(words, int)
    assert s.value == (len(s.evidence) * 1000 / words if words else None)
