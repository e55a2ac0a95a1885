"""The attribution family: the golden-set gate, the editorial rules, and invariants."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability import score
from reliability.document import Document
from reliability.signals import attribution
from reliability.signals.attribution import BARE, EXPLAINED, NAMED, REFERENCE, VAGUE, analyse

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from eval_attribution import KINDS, Report, evaluate, read_golden

#: Floors from the issue, pinned: a change may not push any kind below them.
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.90


def kinds_in(text: str) -> list[tuple[str, str]]:
    """(kind, evidence text) of every counted attribution in ``text``."""
    return [
        (a.kind, text[a.start : a.end])
        for a in analyse(Document(text)).attributions
        if a.kind != REFERENCE
    ]


# --- the gate -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(list(read_golden()))


def test_golden_set_is_large_and_covers_every_kind(report: Report) -> None:
    assert report.rows >= 150
    for kind in KINDS:
        t = report.tallies[kind]
        assert t.tp + t.fn >= 10, f"too few golden examples of {kind}"


@pytest.mark.parametrize("kind", KINDS)
def test_precision_and_recall_floors(report: Report, kind: str) -> None:
    t = report.tallies[kind]
    assert t.precision >= PRECISION_FLOOR, (kind, t, report.errors)
    assert t.recall >= RECALL_FLOOR, (kind, t, report.errors)


def test_no_must_not_violations(report: Report) -> None:
    assert report.violations == []


#: A held-out set written blind (by someone who had read only the rules in
#: docs/signals.md, never the code or the development set) and scored once, as it came:
#: named P 0.975 R 0.951, explained P 1.000 R 0.917, bare 1.000/1.000, vague 1.000/1.000,
#: quote_attributed 1.000/0.950, quote_unattributed 0.889/1.000. Its floors pin that first
#: run; it is not tuned on (a fix it prompts gets its own rows in the development set).
HELDOUT = Path(__file__).resolve().parents[1] / "golden" / "attribution_heldout.jsonl"
HELDOUT_PRECISION, HELDOUT_RECALL = 0.85, 0.90


@pytest.mark.parametrize("kind", KINDS)
def test_blind_heldout_floors(kind: str) -> None:
    held = evaluate(list(read_golden(HELDOUT)))
    assert held.rows >= 100
    t = held.tallies[kind]
    assert t.precision >= HELDOUT_PRECISION, (kind, t, held.errors)
    assert t.recall >= HELDOUT_RECALL, (kind, t, held.errors)
    assert held.violations == []


def test_golden_rows_are_unique_and_well_formed() -> None:
    rows = list(read_golden())
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        for item in r["expect"] + r["not"]:
            assert item["text"] in r["text"], (r["id"], item)
            assert item["kind"] in (*KINDS, "any"), (r["id"], item)


# --- editorial rules, one example each -----------------------------------------------------


def test_both_orders_are_named() -> None:
    assert kinds_in("Nadia Haddad said the bill would pass.") == [(NAMED, "Nadia Haddad said")]
    text = "The bill will pass, said Nadia Haddad, the party's chief whip."
    assert kinds_in(text) == [(NAMED, "said Nadia Haddad, the party's chief whip")]


def test_a_title_with_a_name_is_named_and_a_title_alone_is_not() -> None:
    assert kinds_in("President Okonjo said the border was open.") == [
        (NAMED, "President Okonjo said")
    ]
    assert kinds_in("The president said the border was open.") == []


def test_spokesperson_rule() -> None:
    named = "A spokesperson for Marlow Water said the pipe had burst."
    assert kinds_in(named) == [(NAMED, "A spokesperson for Marlow Water said")]
    assert kinds_in("A spokesperson said the pipe had burst.") == []
    hidden = "A Marlow Water spokesperson, who declined to be named, said the pipe had burst."
    assert [k for k, _ in kinds_in(hidden)] == [EXPLAINED]


def test_anonymity_reason_in_the_next_sentence() -> None:
    text = (
        "A senior police officer said the raid had been planned for weeks. The officer "
        "spoke on condition of anonymity because the inquiry is continuing."
    )
    found = analyse(Document(text)).attributions
    assert [a.kind for a in found] == [EXPLAINED]
    assert found[0].reason is not None
    assert text[found[0].reason.start : found[0].reason.end].startswith("spoke on condition")


def test_source_broken_across_lines_is_not_a_name() -> None:
    text = (
        "“There is no change to our policy,” said a U.S.\n\n"
        "State Department spokesperson, who declined to be named."
    )
    found = kinds_in(text)
    assert [k for k, _ in found] == [EXPLAINED]
    assert found[0][1].startswith("said a U.S.")
    quotes = analyse(Document(text)).quotes
    assert [q.attributed for q in quotes] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "That said, the committee will meet again.",
        "The painting is said to be worth millions.",
        "It is easier said than done.",
        "Residents want a say in the plan.",
        "His remarks were greeted with silence.",
        "She would not say whether she would run.",
        "Minister says talks will resume\n\nTalks resume on Monday.",
        "The thought of it worries many families.",
    ],
)
def test_speech_words_in_other_senses_are_not_attributions(text: str) -> None:
    assert kinds_in(text) == []


def test_sentence_initial_common_word_is_not_a_name() -> None:
    assert kinds_in("Prosecutors said the evidence was overwhelming.") == []
    assert kinds_in("Officials said the bridge would reopen.") == [(BARE, "Officials said")]


def test_quotes_inside_quotes_belong_to_the_speaker() -> None:
    text = "“Officials told me it was all fine, every last part of it,” the farmer said."
    assert kinds_in(text) == []
    assert [q.attributed for q in analyse(Document(text)).quotes] == [True]


def test_pronoun_attributes_a_quote_and_a_bare_quote_does_not() -> None:
    text = "“We will appeal this decision,” she said.\n\n“Nobody listens to us any more.”"
    assert [q.attributed for q in analyse(Document(text)).quotes] == [True, False]


def test_vague_passive_and_group() -> None:
    text = "It is widely believed that the vote will be close. Critics argue it is rigged."
    assert kinds_in(text) == [(VAGUE, "It is widely believed"), (VAGUE, "Critics argue")]


# --- the signals ------------------------------------------------------------------------------

_MIXED = (
    "Nadia Haddad said the bill would pass. Officials said it might not. "
    "A senior aide, who asked not to be named, said the vote was close. Critics argue it "
    "is rushed. “We have the votes,” she said.\n\n“Nobody in this town believes that.”"
)


def test_signal_values_are_rates_and_shares() -> None:
    doc = Document(_MIXED)
    out = attribution.extract(doc)
    assert set(out) == set(attribution.SIGNALS)
    per_1k = 1000 / doc.word_count
    assert out["named_attribution"].value == pytest.approx(1 * per_1k)
    assert out["anonymous_explained"].value == pytest.approx(1 * per_1k)
    assert out["anonymous_bare"].value == pytest.approx(1 * per_1k)
    assert out["anonymous_attribution"].value == pytest.approx(2 * per_1k)
    assert out["vague_attribution"].value == pytest.approx(1 * per_1k)
    assert out["anonymous_share"].value == pytest.approx(3 / 4)
    assert out["unattributed_quotes"].value == pytest.approx(1 / 2)
    assert [e.kind for e in out["anonymous_attribution"].evidence] == [BARE, EXPLAINED]


def test_empty_signals_are_none_not_zero() -> None:
    out = attribution.extract(Document("The bridge reopened on Monday after repairs."))
    assert out["anonymous_share"].value is None
    assert out["unattributed_quotes"].value is None
    assert out["named_attribution"].value == 0.0


def test_score_exposes_the_family() -> None:
    p = score({"title": "Vote", "text": _MIXED})
    assert p.signals["named_attribution"].evidence[0].text == "Nadia Haddad said"


# --- invariants (hypothesis) -----------------------------------------------------------------

_pieces = st.sampled_from(
    [
        "said",
        "says",
        "told",
        "according to",
        "officials",
        "Officials",
        "a senior diplomat",
        "who spoke on condition of anonymity",
        "Critics",
        "argue",
        "it is widely believed",
        "Anna Lind",
        "the minister",
        "a spokesperson for",
        "Marlow Water",
        "U.S.",
        "Mr.",
        "“",
        "”",
        '"',
        "‘",
        "’",
        ",",
        ".",
        "?",
        ":",
        "\n",
        "\n\n",
        " ",
        "who",
        "and",
        "the",
        "people familiar with the matter",
        "some",
        "Some",
    ]
)
_texts = st.lists(_pieces, min_size=1, max_size=40).map(" ".join) | st.text(max_size=200)


def test_attributions_stay_in_text_order_when_a_span_takes_in_its_reason() -> None:
    # found by the property test below: the explained source's span is widened to a
    # reason that stands before an earlier (vague) attribution
    text = (
        "said said said who spoke on condition of anonymity it is widely believed "
        "officials who spoke on condition of anonymity said"
    )
    found = analyse(Document(text)).attributions
    assert [a.kind for a in found] == ["anonymous_explained", "vague"]
    assert [a.start for a in found] == sorted(a.start for a in found)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_evidence_slices_back_and_analysis_is_deterministic(text: str) -> None:
    doc = Document(text)
    first = analyse(doc)
    assert first == analyse(Document(text))
    starts = [a.start for a in first.attributions]
    assert starts == sorted(starts)
    for a in first.attributions:
        assert 0 <= a.start < a.end <= len(text)
        assert a.start <= a.cue.start
        assert a.cue.end <= a.end
    out = attribution.extract(doc)
    for sig in out.values():
        for e in sig.evidence:
            assert text[e.start : e.end] == e.text
    n_anon = len(out["anonymous_attribution"].evidence)
    assert n_anon == len(out["anonymous_explained"].evidence) + len(out["anonymous_bare"].evidence)
    share = out["anonymous_share"].value
    assert share is None or 0.0 <= share <= 1.0
