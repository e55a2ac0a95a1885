"""Golden behaviour of the clickbait-title family, and the shipped weights file."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reliability.document import Document
from reliability.signals import clickbait
from reliability.signals.clickbait import FEATURES, analyse, probability

#: Floors the issue names for the cross-validated metrics of the shipped weights.
AUC_FLOOR = 0.97
ACCURACY_FLOOR = 0.93

BAIT = [
    "You Won't Believe What This Dog Did Next",
    "21 Things Only People Who Grew Up In The 90s Will Understand",
    "This Is Why You Should Never Eat Cereal At Night",
    "Which Disney princess are you?",
    "We tried the viral pasta hack and it changed everything",
    "Here's what happens when you stop drinking coffee",
    "These photos of cats will make your day",
    "Can you guess the movie from one emoji?",
    "17 celebrities who look totally different now",
    "What your favourite pizza topping says about you",
    "The most adorable puppies you'll see all day",
    "People are freaking out over this optical illusion",
]

NEWS = [
    # numbers that count casualties, arrests, addresses and rates, not list items
    "5 killed in Kabul blast",
    "Three dead as storm hits coast",
    "3 dead, dozens injured as train derails near Lyon",
    "Police arrest 12 after protest in Paris",
    "10 Downing Street rejects report on spending",
    "Inflation falls to 3.2% in March",
    # the reader addressed by explainer formulas, or "you" inside a quote
    "What you need to know about the budget",
    "Budget 2024: what you need to know",
    "Your questions about the energy price cap, answered",
    "What we know so far about the train derailment",
    'Minister: "You will pay less tax next year"',
    '"We will not back down," says striking nurses\' union',
    # labels and demonstratives of news
    "This week in Congress: a shutdown looms",
    "Live updates: polls open in the general election",
    "BREAKING: Earthquake strikes off coast of Chile",
    "Exclusive: Bank to cut 3,000 jobs",
    "Parliament approves budget after late-night vote",
]


def weights_file() -> dict[str, object]:
    raw = files("reliability").joinpath("weights", "clickbait.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(raw)
    return data


@pytest.mark.parametrize("title", BAIT)
def test_clickbait_titles_are_flagged(title: str) -> None:
    assert probability(title) >= 0.5


@pytest.mark.parametrize("title", NEWS)
def test_news_titles_are_not_flagged(title: str) -> None:
    assert probability(title) < 0.5


@pytest.mark.parametrize("title", [None, "", "   "])
def test_no_title_gives_no_value_not_zero(title: str | None) -> None:
    found = clickbait.extract(Document("Some body text.", title))
    for name in ("clickbait_title", "title_length"):
        assert found[name].value is None
        assert found[name].evidence == ()


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("5 killed in Kabul blast", 5),
        ("EU ministers agree gas price cap after all-night talks", 9),
        # words, not characters or spaces: hyphens and apostrophes join, marks do not count
        ("Judge's ruling on co-op  —  expected Monday!", 6),
        (
            "BREAKING: Senator Caught Hiding Secret Files That Prove Everything, "
            "Insiders Say, And The Media Won't Tell You",
            17,
        ),
    ],
)
def test_title_length_counts_the_headline_words(title: str, words: int) -> None:
    s = clickbait.extract(Document("Body text.", title))["title_length"]
    assert s.value == words
    assert s.details["words"] == words


def test_title_length_ignores_the_body() -> None:
    short = clickbait.extract(Document("One line.", "Storm closes port"))["title_length"]
    long_body = " ".join(["The storm closed the port for a week."] * 50)
    same = clickbait.extract(Document(long_body, "Storm closes port"))["title_length"]
    assert short.value == same.value == 3


@pytest.mark.parametrize(
    ("title", "feature", "cue"),
    [
        ("17 Things Every Commuter Knows", "listicle_number", "17"),
        ("Seven reasons to visit Porto", "listicle_number", "Seven"),
        ("This is why the sea is salty", "forward_reference", "This"),
        ("Here's how the trick works", "forward_reference", "Here's"),
        ("A man opened a door and what happened next was odd", "forward_reference", None),
        ("Dogs know when you are sad", "second_person", "you"),
        ("We tried every sandwich in town", "first_person", "We"),
        ("Why cats hate water", "question_opening", "Why"),
        ("Can dogs see colours", "yes_no_opening", "Can"),
        ("A shocking twist in the cake contest", "hyperbole", "shocking"),
        ("The best ever summer songs", "superlative", "best ever"),
        ("BREAKING: minister resigns", "label_prefix", "BREAKING"),
        ("Cats rule the world!", "exclamation", "!"),
        ("Is the sky falling?", "question_mark", "?"),
        ("This is NOT OKAY", "shouting", "NOT OKAY"),
    ],
)
def test_each_named_feature_fires(title: str, feature: str, cue: str | None) -> None:
    f = analyse(title)
    assert f.values[feature] >= 1.0
    spans = [title[c.start : c.end] for c in f.cues if c.name == feature]
    assert spans
    if cue is not None:
        assert cue in spans


def test_time_demonstratives_and_us_the_country_are_not_cues() -> None:
    f = analyse("This week US and EU leaders meet on trade")
    assert f.values["forward_reference"] == 0.0
    assert f.values["first_person"] == 0.0


def test_news_formula_words_are_not_read_as_bait() -> None:
    f = analyse("What you need to know about the budget")
    assert f.formulas == 1
    assert f.values["second_person"] == 0.0
    assert f.values["question_opening"] == 0.0
    assert all(t.start >= len("What you need to know") for t in f.terms)


def test_capitalisation_of_small_words_does_not_matter() -> None:
    assert probability("Is This The Best Pizza In Town") == pytest.approx(
        probability("Is this the best pizza in town")
    )


_WORDS = st.sampled_from(
    "you this the 17 dog things why what we killed in budget is best shocking your here's "
    "of new report police amazing people can who".split()
)


@given(st.lists(_WORDS, min_size=1, max_size=12))
def test_probability_ignores_title_case(words: list[str]) -> None:
    lower = " ".join(words)
    upper = " ".join(w[:1].upper() + w[1:] for w in words)
    assert probability(lower) == pytest.approx(probability(upper))


@given(st.text(min_size=1, max_size=120))
def test_value_in_range_and_evidence_slices_the_title(title: str) -> None:
    s = clickbait.extract(Document("Body.", title))["clickbait_title"]
    if not title.strip():
        assert s.value is None
        return
    assert s.value is not None
    assert 0.0 <= s.value <= 1.0
    for e in s.evidence:
        assert e.field == "title"
        assert title[e.start : e.end] == e.text


def test_logit_is_intercept_plus_evidence_plus_shape() -> None:
    title = "17 Things You Need To See Before You Die"
    s = clickbait.extract(Document("Body.", title))["clickbait_title"]
    m = clickbait.model()
    shape = sum(
        m.features[name] * float(s.details[name] or 0.0) for name in ("words", "mean_word_length")
    )
    assert all(e.weight > 0 for e in s.evidence)  # evidence is what pushes towards bait
    news = float(s.details["news_logit"] or 0.0)
    assert news <= 0
    total = m.intercept + shape + math.fsum(e.weight for e in s.evidence) + news
    assert total == pytest.approx(s.details["logit"])
    assert s.value == pytest.approx(1 / (1 + math.exp(-total)))


def test_weights_file_is_readable_and_complete() -> None:
    data = weights_file()
    assert data["format"] == clickbait.FORMAT
    feats = data["features"]
    assert isinstance(feats, dict)
    assert set(feats) == set(FEATURES)
    for spec in feats.values():
        assert isinstance(spec["weight"], float | int)
        assert spec["fitted"] or spec.get("note", "").startswith("prior:")
    vocab = data["vocabulary"]
    assert isinstance(vocab, dict)
    assert 0 < len(vocab) <= 500
    assert all(isinstance(w, float | int) for w in vocab.values())
    prov = data["provenance"]
    assert isinstance(prov, dict)
    for key in ("fitted_by", "date", "data", "data_sha256", "options"):
        assert prov.get(key)


def test_recorded_cross_validation_meets_the_floors() -> None:
    data = weights_file()
    metrics = data["metrics"]
    assert isinstance(metrics, dict)
    cv = metrics["cv"]
    assert cv["stratified"] is True
    assert cv["folds"] >= 5
    assert cv["auc_mean"] >= AUC_FLOOR
    assert cv["accuracy_mean"] >= ACCURACY_FLOOR


def test_scoring_never_imports_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from reliability import score\n"
        "p = score({'title': '17 Things You Need To Know', 'text': 'The minister said so.'})\n"
        "assert p.signals['clickbait_title'].value is not None\n"
        "print(any(m == 'sklearn' or m.startswith('sklearn.') for m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False"
