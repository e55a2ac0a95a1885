"""Golden behaviour of the hedging family: each cue, and each hard negative."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliability.document import Document
from reliability.profile import Signal
from reliability.signals import hedging


def run(text: str) -> Signal:
    return hedging.extract(Document(text))["hedging"]


def own(text: str) -> list[str]:
    return [e.text for e in run(text).evidence]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The new tariffs may push up prices.", "may"),
        ("The court might delay its ruling.", "might"),
        ("The strike could spread to other ports.", "could"),
        ("The fire was possibly started by a cigarette.", "possibly"),
        ("Perhaps the result was a fluke.", "Perhaps"),
        ("The governor is likely to sign the bill.", "likely"),
        ("A deal before the summit is unlikely.", "unlikely"),
        ("The damage appears to be limited.", "appears to"),
        ("The coalition seems unable to agree.", "seems"),
        ("The rise suggests the virus is spreading.", "suggests"),
        ("Who ordered the raid remains unclear.", "remains unclear"),
        ("It is not yet clear whether the airline will appeal.", "not yet clear"),
        ("Whether the plant reopens remains to be seen.", "remains to be seen"),
        ("The bridge will probably reopen soon.", "probably"),
        ("The dispute could well end up in court.", "could well"),
    ],
)
def test_epistemic_hedge_in_own_voice_is_counted(text: str, cue: str) -> None:
    s = run(text)
    assert [e.text for e in s.evidence] == [cue]
    assert s.evidence[0].kind == "hedge"
    assert s.details["hedges_own"] == 1


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The company reportedly paid the fine.", "reportedly"),
        ("The suspect allegedly crossed the border twice.", "allegedly"),
        ("It is believed the ship sank within minutes.", "It is believed"),
        ("The painting is thought to date from the 1600s.", "is thought to"),
        # an evidential hedge stays the reporter's even in reported speech
        ("The minister reportedly told aides he would resign.", "reportedly"),
        ("Police said the man allegedly stole three cars.", "allegedly"),
    ],
)
def test_evidential_hedge_is_the_reporters_own(text: str, cue: str) -> None:
    s = run(text)
    assert [(e.text, e.kind) for e in s.evidence] == [(cue, "evidential")]
    assert s.details["hedges_evidential"] == 1


def test_quoted_hedge_is_reported_apart() -> None:
    s = run('The deal may collapse. "It might," she said. "We could lose," he added.')
    assert [e.text for e in s.evidence] == ["may"]
    assert s.details["hedges_quoted"] == 2
    assert s.details["hedges_own"] == 1


def test_curly_quotes_hold_quoted_hedges() -> None:
    s = run("“We may need more time,” the minister said. ‘Perhaps,’ he added.")
    assert s.evidence == ()
    assert s.details["hedges_quoted"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the talks could resume next week.",
        "Officials said the flight may have been diverted.",
        "According to the ministry, the cost might rise.",
        "The union warned that the strike could last for weeks.",
        "Analysts say inflation is likely to ease.",
        "Shares might recover, analysts wrote.",
    ],
)
def test_hedge_in_reported_speech_is_attributed(text: str) -> None:
    s = run(text)
    assert s.evidence == ()
    assert s.details["hedges_attributed"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "The report, published in May, found no fraud.",
        "Elections will be held on 5 May.",
        "The festival runs from May 12 to May 20.",
        "May was the wettest month on record.",
        "Theresa May met the Irish prime minister.",
        "Voters go to the polls in May 2025.",
    ],
)
def test_may_the_month_or_a_name_is_not_a_hedge(text: str) -> None:
    s = run(text)
    assert s.evidence == ()
    assert int(s.details["may_month_or_name"] or 0) >= 1


def test_may_modal_and_may_month_in_one_sentence() -> None:
    assert own("The Supreme Court may hear the case in May.") == ["may"]


def test_capital_may_in_a_title_case_line_is_the_modal() -> None:
    assert own("Officials May Delay Vote On Port Strike\n\nTalks resume on Monday.") == ["May"]


@pytest.mark.parametrize(
    "text",
    ["With all its military might, the army failed.", "The might of the navy was on show."],
)
def test_might_the_noun_is_not_a_hedge(text: str) -> None:
    s = run(text)
    assert s.evidence == ()
    assert s.details["might_noun"] == 1


@pytest.mark.parametrize(
    ("text", "ability"),
    [
        ("Police could not confirm the number of arrests.", 1),
        ("Residents could see smoke from across the river.", 1),
        ("Rescuers couldn't reach the village.", 0),  # one token, never a "could" hit
    ],
)
def test_could_of_past_ability_is_not_a_hedge(text: str, ability: int) -> None:
    s = run(text)
    assert s.evidence == ()
    assert s.details["could_ability"] == ability


@pytest.mark.parametrize(
    "text",
    [
        "The plan could be approved if parliament agrees.",
        "Under the plan, officers could work abroad for three months.",
        "Under the new rules, landlords may raise rents once a year.",
        "The fine could be waived provided the company pays.",
        "As long as funding is approved, construction could begin in June.",
        "Unless the union agrees, the deal could still fall apart.",
    ],
)
def test_modal_of_a_conditional_plan_is_not_speculation(text: str) -> None:
    s = run(text)
    assert s.evidence == ()
    assert s.details["modal_conditional"] == 1


def test_could_of_speculation_is_a_hedge() -> None:
    assert own("The move could spark a trade war.") == ["could"]


@pytest.mark.parametrize(
    "text",
    [
        "Please apply as soon as possible.",
        "Where possible, the schools will stay open.",
        "The grant made possible a new wing.",
        "Their best possible outcome is a settlement.",
    ],
)
def test_look_alike_phrases_are_not_hedges(text: str) -> None:
    assert own(text) == []


def test_boosters_are_details_not_hedges() -> None:
    s = run("The results clearly show a fall. The evidence proves that it works. Indeed it does.")
    assert s.evidence == ()
    assert s.details["boosters_own"] == 3
    assert s.value == 0.0


def test_negated_booster_is_counted_apart() -> None:
    s = run("It is not necessarily a sign of weakness. This isn't clearly wrong.")
    assert s.details["boosters_negated"] == 2
    assert s.details["boosters_own"] == 0


def test_quoted_and_attributed_boosters() -> None:
    s = run('"This is clearly a mistake," she said. He said it was certainly late.')
    assert s.details["boosters_quoted"] == 1
    assert s.details["boosters_attributed"] == 1
    assert s.details["boosters_own"] == 0


def test_value_is_own_hedges_per_100_words() -> None:
    text = "The vote may be close. " + "Turnout was high in the north. " * 3
    doc = Document(text)
    s = hedging.extract(doc)["hedging"]
    assert s.value == pytest.approx(100 / doc.word_count)


def test_no_hedges_no_value() -> None:
    s = run("The council approved the budget on Tuesday.")
    assert s.value == 0.0
    assert s.evidence == ()


@given(st.text(max_size=300))
def test_evidence_slices_back_and_counts_agree(text: str) -> None:
    doc = Document(text)
    s = hedging.extract(doc)["hedging"]
    assert s.value is not None
    assert s.value >= 0.0
    assert len(s.evidence) == s.details["hedges_own"]
    for e in s.evidence:
        assert text[e.start : e.end] == e.text
        assert not doc.in_quote(e.start)


def test_transcript_speaker_lines_are_quoted_speech() -> None:
    s = run(
        "Q: Could the talks fail?\nBERG: They may. Perhaps.\nLONDON (Reuters) - Talks may fail."
    )
    assert [e.text for e in s.evidence] == ["may"]
    assert s.details["hedges_quoted"] == 3


def test_hedges_in_page_furniture_are_not_counted() -> None:
    body = "The council approved the budget on Monday. The cuts may be reversed next year.\n"
    furniture = "You may also like\nYou might also like\n"
    s = hedging.extract(Document(body + furniture))["hedging"]
    assert [e.text for e in s.evidence] == ["may"]
    assert s.details["furniture"] == 2
