"""Every awkward input named in the robustness issue gives a defined result or a clear
error from score() and clean(), never a crash or a hang. (Files, encodings and batches
are covered in tests/test_readers.py, tests/test_batch.py and tests/test_e2e.py.)"""

from __future__ import annotations

import pytest

from reliability import EmptyArticleError, clean, score
from reliability.article import MAX_CHARS

from .invariants import check

DEFINED = {
    "one word": "Hello",
    "no sentence punctuation": "officials said the plan would go ahead " * 40,
    "nul bytes": "The council met.\x00 It voted\x00 on Monday.",
    "right to left": "قال المسؤولون إن الخطة ستمضي قدما. ‏המועצה התכנסה ביום שני.",
    "emoji": "Officials said 🙂 the plan 👍🏽 would go ahead 🚀🚀🚀!!!",
    "html with scripts and entities": (
        "<p>The council &amp; the mayor met.</p><script>alert('x')</script>"
    ),
    "one long line": "The council met and voted, a spokesperson said, and " * 5000,
    "mixed line endings": "First line.\r\nSecond line.\rThird line.\n",
    "lone surrogate": "The council met \ud800 on Monday.",
    "only punctuation": "… — ! ? ,",
}


@pytest.mark.parametrize("name", sorted(DEFINED))
def test_defined_result(name: str) -> None:
    text = DEFINED[name]
    check(text)
    check(text, title=text[:80])
    p = score(text)
    assert 0 <= p.score <= 100


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n", "\ufeff"])
def test_empty_text_is_a_clear_error(text: str) -> None:
    with pytest.raises(EmptyArticleError, match="empty"):
        score(text)
    assert clean(text).text == text  # nothing to remove, nothing lost


def test_title_only_is_a_clear_error() -> None:
    with pytest.raises(EmptyArticleError):
        score({"title": "Council approves budget", "text": ""})


def test_text_over_the_limit_is_refused_with_its_length() -> None:
    text = "a " * (MAX_CHARS // 2 + 1)
    with pytest.raises(ValueError, match="too long"):
        score(text)
