"""reliability: how much a news article's text looks like careful journalism, and why.

>>> from reliability import score
>>> profile = score("The minister said the plan would cost 4 billion euros.")
>>> 0.0 <= profile.score <= 100.0
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._core import Cleaned, clean, score
from .article import Article, EmptyArticleError, to_article
from .document import Document
from .model import Model, ModelError, Term, default_model, load_model
from .profile import Evidence, ReliabilityProfile, Signal, SignalScore
from .signals import DESCRIPTIONS, SIGNAL_NAMES
from .signals.readability import readability_report

if TYPE_CHECKING:  # scikit-learn is heavy: these load on first use (see __getattr__)
    from ._features import ReliabilityFeatures
    from ._fit import FitConfig, FitError, fit

__version__ = "0.1.0"

_LAZY = {
    "fit": "._fit",
    "FitConfig": "._fit",
    "FitError": "._fit",
    "ReliabilityFeatures": "._features",
}

__all__ = [
    "DESCRIPTIONS",
    "SIGNAL_NAMES",
    "Article",
    "Cleaned",
    "Document",
    "EmptyArticleError",
    "Evidence",
    "FitConfig",
    "FitError",
    "Model",
    "ModelError",
    "ReliabilityFeatures",
    "ReliabilityProfile",
    "Signal",
    "SignalScore",
    "Term",
    "__version__",
    "clean",
    "default_model",
    "fit",
    "load_model",
    "readability_report",
    "score",
    "to_article",
]


def __getattr__(name: str) -> Any:
    """Load the scikit-learn parts (``fit``, ``ReliabilityFeatures``) on first use."""
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
