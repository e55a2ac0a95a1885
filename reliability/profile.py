"""Result types: evidence spans, signal values and the reliability profile.

Everything here is a frozen, slotted dataclass. The core never rounds; only
``explain()`` and the other faces format numbers for people.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .article import Article

Field = Literal["text", "title"]
Detail = float | int | str | bool | None

_EMPTY: Mapping[str, Detail] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article that a signal found.

    ``start`` and ``end`` are character offsets into the article's ``text`` (or its
    ``title`` when ``field == "title"``), so ``article.text[start:end] == text`` always.
    ``kind`` says what was found (``"anonymous_bare"``, ``"comment_form"``, ...).
    """

    start: int
    end: int
    text: str
    kind: str
    field: Field = "text"
    weight: float = 1.0

    @property
    def category(self) -> str:
        """Alias of ``kind``, the word the boilerplate detector uses."""
        return self.kind

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "field": self.field,
            "weight": self.weight,
        }


@dataclass(frozen=True, slots=True)
class Signal:
    """What a signal function returns: a value, the evidence behind it, and details.

    ``value`` is ``None`` when the signal does not apply (a clickbait score for an
    article without a title); the model then treats it as average.
    """

    value: float | None
    evidence: tuple[Evidence, ...] = ()
    details: Mapping[str, Detail] = field(default_factory=lambda: _EMPTY)

    def __post_init__(self) -> None:
        if not isinstance(self.details, MappingProxyType):
            object.__setattr__(self, "details", MappingProxyType(dict(self.details)))


@dataclass(frozen=True, slots=True)
class SignalScore:
    """One signal inside a profile: its value and what it did to the score.

    ``contribution`` is in log-odds (``weight * (value - mean) / scale``); the
    intercept plus all contributions is the model's linear score, exactly.
    ``points`` is the same contribution in score points; the profile's ``base``
    plus all points is the 0-100 score.
    """

    name: str
    value: float | None
    weight: float
    contribution: float
    points: float
    evidence: tuple[Evidence, ...] = ()
    details: Mapping[str, Detail] = field(default_factory=lambda: _EMPTY)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {
            "name": self.name,
            "value": self.value,
            "weight": self.weight,
            "contribution": self.contribution,
            "points": self.points,
            "evidence": [e.to_dict() for e in self.evidence],
            "details": dict(self.details),
        }


@dataclass(frozen=True, slots=True)
class ReliabilityProfile:
    """The answer for one article: a 0-100 score, its band, and every signal.

    Higher means the text looks more like careful journalism. ``linear`` is the
    model's log-odds, ``intercept + sum(contributions) == linear``, and
    ``score == 100 / (1 + exp(-linear))``; ``base`` is the score of an article
    whose every signal sits at the model's mean.
    """

    score: float
    band: str
    linear: float
    intercept: float
    base: float
    signals: Mapping[str, SignalScore]
    article: Article
    model: str

    def __post_init__(self) -> None:
        if not isinstance(self.signals, MappingProxyType):
            object.__setattr__(self, "signals", MappingProxyType(dict(self.signals)))

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """All evidence of all signals once each, in text order (title first)."""
        unique = {
            (e.field, e.start, e.end, e.kind): e for s in self.signals.values() for e in s.evidence
        }
        return tuple(unique[k] for k in sorted(unique, key=lambda k: (k[0] != "title", *k[1:])))

    def top(self, n: int = 3) -> list[SignalScore]:
        """The ``n`` signals that moved the score most, either way."""
        ranked = sorted(self.signals.values(), key=lambda s: (-abs(s.contribution), s.name))
        return [s for s in ranked[:n] if s.contribution != 0.0]

    def explain(self, evidence_per_signal: int = 2) -> str:
        """A readable table: signal, value, weight, contribution, top evidence."""
        from ._explain import explain_text

        return explain_text(self, evidence_per_signal=evidence_per_signal)

    def _repr_html_(self) -> str:
        from ._html import profile_html

        return profile_html(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (``json.dumps`` works on it)."""
        return {
            "score": self.score,
            "band": self.band,
            "linear": self.linear,
            "intercept": self.intercept,
            "base": self.base,
            "model": self.model,
            "article": self.article.to_dict(),
            "signals": {name: s.to_dict() for name, s in self.signals.items()},
        }
