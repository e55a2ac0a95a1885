"""Golden behaviours of score() and clean() on articles we wrote."""

from __future__ import annotations

import json
import math

import pytest

from reliability import SIGNAL_NAMES, clean, default_model, score
from reliability.model import sigmoid_score

from .conftest import golden

LEAKY = golden("leaky_tail.txt")
CAREFUL = golden("careful.txt")


def leaky() -> dict[str, str]:
    title, _, body = LEAKY.partition("\n")
    return {"title": title, "text": body, "outlet": "example.com"}


def kinds(profile_signal: object) -> list[tuple[str, str]]:
    return [(e.kind, e.text) for e in profile_signal.evidence]  # type: ignore[attr-defined]


def test_every_signal_is_present_in_order() -> None:
    p = score(leaky())
    assert tuple(p.signals) == SIGNAL_NAMES


def test_boilerplate_evidence_covers_comment_form_and_theme_ad() -> None:
    p = score(leaky())
    found = kinds(p.signals["boilerplate_leakage"])
    assert [k for k, _ in found] == ["comment_form", "theme_ad"]
    assert found[0][1].startswith("Your email address will not be published")
    assert found[1][1].startswith("Nova is a premium WordPress theme")
    assert (p.signals["boilerplate_leakage"].value or 0) > 0


def test_clean_removes_exactly_the_two_furniture_paragraphs() -> None:
    body = leaky()["text"]
    c = clean(body)
    assert [r.category for r in c.removed] == ["comment_form", "theme_ad"]
    for r in c.removed:
        assert body[r.start : r.end] == r.text
    kept = [ln for ln in c.text.split("\n") if ln.strip()]
    original = [ln for ln in body.split("\n") if ln.strip()]
    assert kept == original[:-2]
    assert c.text.rstrip().endswith("call the secrecy unprecedented.")


def test_clean_keeps_clean_text_byte_for_byte() -> None:
    assert clean(CAREFUL).text == CAREFUL
    assert clean(CAREFUL).removed == ()


def test_anonymous_sources_are_found_with_their_reason() -> None:
    p = score(leaky())
    anon = kinds(p.signals["anonymous_attribution"])
    assert (
        "anonymous_explained",
        "said one senior official, who spoke on condition of anonymity",
    ) in anon
    assert any(
        k == "anonymous_explained" and t.startswith("A second diplomat, who asked not to be named")
        for k, t in anon
    )
    assert ("anonymous_bare", "Sources say") in anon
    assert (p.signals["anonymous_explained"].value or 0) > 0
    assert (p.signals["anonymous_bare"].value or 0) > 0


def test_named_source_across_a_relative_clause() -> None:
    p = score(leaky())
    named = [t for _, t in kinds(p.signals["named_attribution"])]
    assert "Interior Minister Laura Becker, who attended the meeting in Vienna, stated" in named


def test_vague_attribution() -> None:
    p = score(leaky())
    assert ("vague", "Critics argue") in kinds(p.signals["vague_attribution"])


def test_sensational_evidence() -> None:
    p = score(leaky())
    found = {t.lower() for _, t in kinds(p.signals["sensational_language"])}
    assert {"dramatic", "firestorm", "unprecedented", "secret"} <= found


def test_careless_scores_lower_than_careful() -> None:
    assert score(leaky()).score < score(CAREFUL).score


def test_careful_article_has_no_false_flags() -> None:
    p = score(CAREFUL)  # the headline line stays in the text: "..., minister says" is not a source
    assert p.signals["boilerplate_leakage"].evidence == ()
    assert p.signals["sensational_language"].evidence == ()
    assert p.signals["vague_attribution"].evidence == ()
    assert p.signals["anonymous_bare"].evidence == ()


def test_contributions_add_up_exactly() -> None:
    p = score(leaky())
    total = p.intercept
    for s in p.signals.values():
        total += s.contribution
    assert math.isclose(total, p.linear, rel_tol=0, abs_tol=1e-12)
    assert math.isclose(
        p.base + math.fsum(s.points for s in p.signals.values()), p.score, rel_tol=0, abs_tol=1e-9
    )
    assert p.score == sigmoid_score(p.linear)


def test_band_follows_score() -> None:
    bands = default_model().bands
    for p in (score(CAREFUL), score(leaky())):
        expected = (
            "high" if p.score >= bands["high"] else "low" if p.score < bands["low"] else "mixed"
        )
        assert p.band == expected


def test_to_dict_is_json_and_complete() -> None:
    p = score(leaky())
    data = json.loads(json.dumps(p.to_dict()))
    assert data["score"] == p.score
    assert set(data["signals"]) == set(SIGNAL_NAMES)
    assert data["article"]["outlet"] == "example.com"


def test_explain_lists_every_signal() -> None:
    text = score(leaky()).explain()
    for name in SIGNAL_NAMES:
        assert name in text
    assert "score" in text.splitlines()[1]


def test_clickbait_is_none_without_title() -> None:
    p = score(CAREFUL.partition("\n")[2])
    assert p.signals["clickbait_title"].value is None
    assert p.signals["clickbait_title"].contribution == 0.0


def test_title_evidence_points_into_the_title() -> None:
    p = score(leaky())
    title = leaky()["title"]
    title_ev = [e for e in p.evidence if e.field == "title"]
    assert title_ev
    for e in title_ev:
        assert title[e.start : e.end] == e.text


def test_clean_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        clean(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_clean_finds_the_same_lines_whatever_the_line_endings(newline: str) -> None:
    body = leaky()["text"]
    text = body.replace("\n", newline)
    c = clean(text)
    assert [r.category for r in c.removed] == ["comment_form", "theme_ad"]
    for r in c.removed:
        assert text[r.start : r.end] == r.text
    assert c.text == clean(body).text.replace("\n", newline)
    assert (score(text).signals["boilerplate_leakage"].value or 0) > 0
