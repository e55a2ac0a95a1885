"""Golden behaviour of the sensational-language family: each cue, and each hard negative."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliability.document import Document
from reliability.profile import Signal
from reliability.signals import sensational


def run(text: str, title: str | None = None) -> Signal:
    return sensational.extract(Document(text, title))["sensational_language"]


def cues(text: str, title: str | None = None) -> list[tuple[str, str]]:
    return [(e.kind, e.text) for e in run(text, title).evidence]


@pytest.mark.parametrize(
    ("text", "kind", "cue", "strength"),
    [
        ("The shocking report came out on Friday.", "hyperbole", "shocking", 3.0),
        ("A bombshell memo has emerged.", "hyperbole", "bombshell", 3.0),
        ("The remarks set off a firestorm online.", "hyperbole", "firestorm", 3.0),
        ("The senator slams the budget.", "hyperbole", "slams", 3.0),
        ("The explosive claims were denied.", "hyperbole", "explosive", 2.0),
        ("In a dramatic turn, the council gave way.", "hyperbole", "dramatic", 1.0),
        ("The court took an unprecedented step.", "hyperbole", "unprecedented", 1.0),
        ("The new audit destroys the case for the tunnel.", "hyperbole", "destroys", 1.0),
        ("The deal was signed in a secret meeting.", "secrecy", "secret", 1.0),
        ("The covert operation lasted six months.", "secrecy", "covert", 1.0),
        ("Campaigners allege a cover-up.", "secrecy", "cover-up", 3.0),
        ("The leak exposed a network of shell firms.", "secrecy", "exposed", 2.0),
        (
            "This is what they don't want you to know.",
            "secrecy",
            "what they don't want you to know",
            3.0,
        ),
        ("BREAKING: Parliament dissolved.", "urgency", "BREAKING", 2.0),
        ("Breaking: a second quake has hit.", "urgency", "Breaking", 2.0),
        ("URGENT - leave the valley tonight.", "urgency", "URGENT", 2.0),
        ("It was the best ever season for the club.", "superlative", "best ever", 2.0),
        ("This is the craziest election in memory.", "superlative", "craziest", 2.0),
        ("The prime minister has resigned!", "exclamation", "!", 1.0),
        ("Nobody saw this coming!!", "exclamation", "!!", 2.0),
        ("How can this be allowed?!", "exclamation", "?!", 2.0),
        ("The rules will NEVER change.", "shouting", "NEVER", 1.0),
        ("Check your tax code.", "second_person", "your", 0.5),
    ],
)
def test_each_cue_with_its_strength(text: str, kind: str, cue: str, strength: float) -> None:
    s = run(text)
    assert [(e.kind, e.text, e.weight) for e in s.evidence] == [(kind, cue, strength)]
    assert s.details[kind] == strength


@pytest.mark.parametrize(
    "text",
    [
        "The fire destroyed three homes on Elm Street.",
        "Police found an explosive device near the station.",
        "Members elected the chair by secret ballot.",
        "The Secret Service closed the road.",
        "Workers were exposed to asbestos for years.",
        "The driver was charged with breaking the speed limit.",
        "There is an urgent need for nurses, the report said.",
        "The parcel arrived just in time.",
        "The car slammed into a wall.",
        "Engineers fear a nuclear meltdown if the cooling fails.",
        "It was the largest protest since 2003, and unemployment is at its highest level.",
        "NATO, the EU, the FBI and the U.S. agreed; COVID-19 cases fell in the UK.",
        "The LGBT group and the UNHCR (UNHCR) met UNESCO and ADHD experts.",
        "The company's IPO raised $2 billion for its iPhone rival.",
    ],
)
def test_hard_negatives_are_not_flagged(text: str) -> None:
    assert run(text).evidence == ()


@pytest.mark.parametrize(
    "text",
    [
        '"This is a shocking betrayal," said the union leader.',
        "“You won’t believe the mess,” one resident told us.",
        'The minister called the claims "outrageous and false!"',
    ],
)
def test_quoted_cues_belong_to_the_speaker(text: str) -> None:
    s = run(text)
    assert s.evidence == ()
    assert int(s.details["quoted_cues"] or 0) >= 1


def test_a_phrase_holding_you_is_not_counted_twice() -> None:
    assert cues("You won't believe what the council spent.") == [("hyperbole", "You won't believe")]


def test_an_urgency_label_is_not_also_shouting() -> None:
    assert cues("BREAKING NEWS: the vote is off.") == [("urgency", "BREAKING NEWS")]


def test_a_shouted_loaded_word_is_two_cues() -> None:
    assert cues("The SHOCKING truth about sugar.") == [
        ("hyperbole", "SHOCKING"),
        ("shouting", "SHOCKING"),
    ]


def test_a_shouted_phrase_is_one_cue() -> None:
    assert cues("THEY ARE LYING TO THE PUBLIC, WAKE UP") == [
        ("shouting", "THEY ARE LYING TO THE PUBLIC, WAKE UP"),
        ("secrecy", "WAKE UP"),
    ]


def test_title_counts_title_factor_times() -> None:
    body = "The council met on Tuesday to discuss the budget for next year."
    plain = run(body)
    titled = run(body, title="Shocking budget row")
    words = Document(body).word_count
    assert plain.value == 0.0
    assert titled.value == pytest.approx(sensational.TITLE_FACTOR * 3.0 * 1000 / words)
    [ev] = titled.evidence
    assert (ev.field, ev.text, ev.weight) == ("title", "Shocking", 3.0 * sensational.TITLE_FACTOR)
    assert titled.details["title_strength"] == 3.0
    assert titled.details["body_strength"] == 0.0


def test_title_evidence_slices_the_title() -> None:
    title = "The secret deal they hid, EXCLUSIVE!!"
    s = run("Body text here.", title=title)
    assert s.evidence
    for e in s.evidence:
        assert e.field == "title"
        assert title[e.start : e.end] == e.text
    kinds = {e.kind for e in s.evidence}
    assert {"secrecy", "exclamation", "shouting"} <= kinds


def test_value_is_the_weighted_sum_per_1000_words() -> None:
    text = "A shocking, dramatic night! You saw the secret files. " * 3
    doc = Document(text, "BREAKING: what a night")
    s = sensational.extract(doc)["sensational_language"]
    total = math.fsum(e.weight for e in s.evidence)
    assert s.value == pytest.approx(total * 1000 / doc.word_count)


def test_careful_prose_scores_zero() -> None:
    text = (
        "Interior ministers agreed on Friday to let border officers work at each other's "
        "crossings, Austrian Interior Minister Laura Becker said after the meeting."
    )
    assert run(text, title="Border staff plan goes to parliament").value == 0.0


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=80)))
def test_evidence_slices_back_and_value_is_non_negative(text: str, title: str | None) -> None:
    doc = Document(text, title)
    s = sensational.extract(doc)["sensational_language"]
    assert s.value is not None
    assert s.value >= 0.0
    for e in s.evidence:
        source = text if e.field == "text" else (title or "")
        assert source[e.start : e.end] == e.text
        assert e.weight > 0


def test_transcript_speaker_lines_are_the_speakers_words() -> None:
    text = (
        "TAPPER: You may be right, Senator. This is HUGE!\n"
        "THE PRESIDENT: We will NEVER give up. (APPLAUSE)\n"
        "(BEGIN VIDEO CLIP)\n"
        "Q: Could you say more?"
    )
    s = run(text)
    assert s.evidence == ()
    assert int(s.details["quoted_cues"] or 0) >= 4


def test_datelines_and_labels_are_not_shouting_but_the_writers_text_counts() -> None:
    s = run("WASHINGTON (Reuters) - They will NEVER agree, you know.\nBREAKING: a vote.")
    assert [(e.kind, e.text) for e in s.evidence] == [
        ("shouting", "NEVER"),
        ("second_person", "you"),
        ("urgency", "BREAKING"),
    ]


def test_page_furniture_is_not_the_writers_voice() -> None:
    body = (
        "The council approved the budget on Monday by 23 votes to 14, the mayor said.\n"
        "It cuts library opening hours at six of the city's eleven branches.\n"
    )
    furniture = (
        "Your email address will not be published. Required fields are marked *\n"
        "You may also like\n"
    )
    clean_doc = sensational.extract(Document(body))["sensational_language"]
    leaky = sensational.extract(Document(body + furniture))["sensational_language"]
    assert [e.text for e in leaky.evidence] == [e.text for e in clean_doc.evidence] == []
    assert int(leaky.details["furniture_cues"] or 0) >= 1
