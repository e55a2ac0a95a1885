"""The transparent model: standardised signals times weights, plus an intercept.

For each signal in the model::

    z            = clip((value - mean) / scale, -clip, +clip)      # 0 when value is None
    contribution = weight * z                                       # log-odds
    linear       = intercept + sum(contributions)
    score        = 100 / (1 + exp(-linear))                         # 0-100, 50 = even odds

``score >= 50`` exactly when ``linear >= 0``. Contributions are also given in
score points, spread in proportion to the log-odds, so that ``base + sum(points)``
is the score (``base`` is the score of an all-average article).

A term may carry a sign ``constraint`` (``">=0"`` or ``"<=0"``) that its fitted weight
respects; a weights file whose weight breaks its constraint is refused on load.
Fitting lives in ``reliability/_fit.py`` (``reliability.fit``), loaded lazily.

Weights are JSON, never pickle: see ``reliability/weights/default.json``.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

FORMAT = "reliability.model/1"
BANDS = ("low", "mixed", "high")
#: Sign constraints a term may carry: the weight must be >= 0, <= 0, or is free ("").
CONSTRAINTS = ("", ">=0", "<=0")


class ModelError(ValueError):
    """A weights file is malformed."""


@dataclass(frozen=True, slots=True)
class Term:
    """One signal in the model.

    ``constraint`` is ``">=0"`` (the signal may only raise the score), ``"<=0"`` (only
    lower it) or ``""`` (free); the fit keeps to it and loading checks it.
    """

    signal: str
    weight: float
    mean: float
    scale: float
    note: str = ""
    constraint: str = ""

    def z(self, value: float | None, clip: float) -> float:
        """The standardised, clipped value (0 for a missing value)."""
        if value is None or not math.isfinite(value):
            return 0.0
        z = (value - self.mean) / self.scale
        return max(-clip, min(clip, z))

    @property
    def direction(self) -> str:
        """``"+"`` when a higher value raises the score, ``"-"`` when it lowers it, else ``"0"``."""
        return "+" if self.weight > 0 else "-" if self.weight < 0 else "0"


@dataclass(frozen=True, slots=True)
class Model:
    """A transparent linear model over the signals.

    ``bands`` holds the score thresholds: below ``low`` is "low", at or above
    ``high`` is "high", anything between is "mixed". ``provenance`` says where the
    weights came from (for a fitted model: data, date, the full ``FitConfig``);
    ``report`` how well they did (grouped-CV metrics, calibration, how the bands were
    chosen).
    """

    name: str
    intercept: float
    terms: tuple[Term, ...]
    clip: float = 4.0
    bands: Mapping[str, float] = field(default_factory=lambda: {"low": 35.0, "high": 65.0})
    provenance: Mapping[str, Any] = field(default_factory=dict)
    report: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _check(self)
        for name in ("bands", "provenance", "report"):
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType):
                object.__setattr__(self, name, MappingProxyType(dict(value)))

    @property
    def signals(self) -> tuple[str, ...]:
        """The signals the model weighs, in order."""
        return tuple(t.signal for t in self.terms)

    def contributions(self, values: Mapping[str, float | None]) -> dict[str, float]:
        """Log-odds contribution of each term for these signal values."""
        return {t.signal: t.weight * t.z(values.get(t.signal), self.clip) for t in self.terms}

    def linear(self, contributions: Mapping[str, float]) -> float:
        """``intercept + sum(contributions)``, summed in term order."""
        total = self.intercept
        for t in self.terms:
            total += contributions[t.signal]
        return total

    def band(self, score: float) -> str:
        """The band a score falls in."""
        if score < self.bands["low"]:
            return "low"
        if score >= self.bands["high"]:
            return "high"
        return "mixed"

    def predict(self, linear: float) -> int:
        """1 (reliable) when ``linear >= 0``, else 0."""
        return 1 if linear >= 0 else 0

    def to_json(self) -> dict[str, Any]:
        """The model as JSON data."""
        return {
            "format": FORMAT,
            "name": self.name,
            "intercept": self.intercept,
            "clip": self.clip,
            "bands": dict(self.bands),
            "terms": [
                {
                    "signal": t.signal,
                    "weight": t.weight,
                    "mean": t.mean,
                    "scale": t.scale,
                    "constraint": t.constraint,
                    "note": t.note,
                }
                for t in self.terms
            ],
            "provenance": dict(self.provenance),
            "report": dict(self.report),
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as indented JSON (a temporary file, then renamed)."""
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(
            json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        os.replace(tmp, target)

    def table(self) -> pd.DataFrame:
        """The whole model on a page (a pandas DataFrame)."""
        from .frame import model_table

        return model_table(self)


def sigmoid_score(linear: float) -> float:
    """100 / (1 + exp(-linear)), kept below 50 whenever ``linear < 0``."""
    if linear >= 0:
        score = 100.0 / (1.0 + math.exp(-linear))
    else:
        e = math.exp(linear)
        score = 100.0 * e / (1.0 + e)
        if score >= 50.0:
            score = math.nextafter(50.0, 0.0)
    return score


def points(
    contributions: Mapping[str, float], intercept: float, linear: float, score: float
) -> dict[str, float]:
    """Spread ``score - base`` over the terms in proportion to their log-odds."""
    base = sigmoid_score(intercept)
    delta = linear - intercept
    if delta != 0.0:
        factor = (score - base) / delta
    else:
        p = base / 100.0
        factor = 100.0 * p * (1.0 - p)
    return {name: c * factor for name, c in contributions.items()}


def _number(data: Mapping[str, Any], key: str, where: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ModelError(f"{where}: {key!r} must be a finite number, got {value!r}")
    return float(value)


def _constraint(data: Mapping[str, Any], where: str) -> str:
    value = data.get("constraint", "")
    if value not in CONSTRAINTS:
        raise ModelError(f"{where}: 'constraint' must be one of {CONSTRAINTS}, got {value!r}")
    return str(value)


def from_json(data: object, *, source: str = "model") -> Model:
    """Build a :class:`Model` from parsed JSON, validating every field."""
    if not isinstance(data, Mapping):
        raise ModelError(f"{source}: expected a JSON object")
    if data.get("format") != FORMAT:
        raise ModelError(f"{source}: 'format' must be {FORMAT!r}, got {data.get('format')!r}")
    raw_terms = data.get("terms")
    if not isinstance(raw_terms, list) or not raw_terms:
        raise ModelError(f"{source}: 'terms' must be a non-empty list")
    terms = []
    for i, t in enumerate(raw_terms):
        where = f"{source}: terms[{i}]"
        if not isinstance(t, Mapping) or not isinstance(t.get("signal"), str):
            raise ModelError(f"{where}: needs a 'signal' name")
        terms.append(
            Term(
                t["signal"],
                _number(t, "weight", where),
                _number(t, "mean", where),
                _number(t, "scale", where),
                str(t.get("note", "")),
                _constraint(t, where),
            )
        )
    bands = data.get("bands", {"low": 35.0, "high": 65.0})
    if not isinstance(bands, Mapping):
        raise ModelError(f"{source}: 'bands' must be an object")
    for key in ("provenance", "report"):
        if not isinstance(data.get(key, {}), Mapping):
            raise ModelError(f"{source}: {key!r} must be an object")
    return Model(
        name=str(data.get("name", "unnamed")),
        intercept=_number(data, "intercept", source),
        terms=tuple(terms),
        clip=_number(data, "clip", source) if "clip" in data else 4.0,
        bands={
            "low": _number(bands, "low", f"{source}: bands"),
            "high": _number(bands, "high", f"{source}: bands"),
        },
        provenance=data.get("provenance", {}),
        report=data.get("report", {}),
    )


def _check(model: Model) -> None:
    from .signals import SIGNAL_NAMES

    seen: set[str] = set()
    for t in model.terms:
        if t.signal not in SIGNAL_NAMES:
            raise ModelError(
                f"model {model.name!r}: unknown signal {t.signal!r} "
                f"(known: {', '.join(SIGNAL_NAMES)})"
            )
        if t.signal in seen:
            raise ModelError(f"model {model.name!r}: signal {t.signal!r} appears twice")
        seen.add(t.signal)
        if not t.scale > 0:
            raise ModelError(f"model {model.name!r}: scale of {t.signal!r} must be positive")
        if t.constraint not in CONSTRAINTS:
            raise ModelError(
                f"model {model.name!r}: constraint of {t.signal!r} must be one of {CONSTRAINTS}"
            )
        if (t.constraint == ">=0" and t.weight < 0) or (t.constraint == "<=0" and t.weight > 0):
            raise ModelError(
                f"model {model.name!r}: weight {t.weight!r} of {t.signal!r} breaks its "
                f"constraint {t.constraint}"
            )
    if not model.clip > 0:
        raise ModelError(f"model {model.name!r}: clip must be positive")
    low, high = model.bands.get("low"), model.bands.get("high")
    if low is None or high is None or not 0 <= low <= high <= 100:
        raise ModelError(f"model {model.name!r}: bands need 0 <= low <= high <= 100")


def load_model(path: str | os.PathLike[str]) -> Model:
    """Load a model saved with :meth:`Model.save` (JSON only, validated)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{p}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return from_json(data, source=str(p))


@cache
def default_model() -> Model:
    """The shipped model, ``reliability/weights/default.json``."""
    raw = files("reliability").joinpath("weights", "default.json").read_text(encoding="utf-8")
    return from_json(json.loads(raw), source="weights/default.json")
