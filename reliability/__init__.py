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

if TYPE_CHECKING:  # imported lazily at run time (pandas, matplotlib), seen by type checkers
    from reliability import plot as plot

    from .frame import OutletDifference, compare_outlets, outlet_difference, score_frame

__version__ = "0.1.0"

__all__ = [
    "DESCRIPTIONS",
    "SIGNAL_NAMES",
    "Article",
    "Cleaned",
    "Document",
    "EmptyArticleError",
    "Evidence",
    "Model",
    "ModelError",
    "OutletDifference",
    "ReliabilityProfile",
    "Signal",
    "SignalScore",
    "Term",
    "__version__",
    "clean",
    "compare_outlets",
    "default_model",
    "load_model",
    "outlet_difference",
    "readability_report",
    "score",
    "score_frame",
    "to_article",
]

# Public names whose modules import pandas or matplotlib: loaded on first use, so that
# `import reliability` stays fast and works without matplotlib installed.
_LAZY = {
    "OutletDifference": "frame",
    "compare_outlets": "frame",
    "outlet_difference": "frame",
    "score_frame": "frame",
}


def __getattr__(name: str) -> Any:
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | {"plot"})
