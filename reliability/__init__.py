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

if TYPE_CHECKING:  # loaded on first use (pandas, matplotlib, scikit-learn), seen by type checkers
    from reliability import plot as plot

    from ._features import ReliabilityFeatures
    from ._fit import FitConfig, FitError, fit
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
    "FitConfig",
    "FitError",
    "Model",
    "ModelError",
    "OutletDifference",
    "ReliabilityFeatures",
    "ReliabilityProfile",
    "Signal",
    "SignalScore",
    "Term",
    "__version__",
    "clean",
    "compare_outlets",
    "default_model",
    "fit",
    "load_model",
    "outlet_difference",
    "readability_report",
    "score",
    "score_frame",
    "to_article",
]

# Public names whose modules import pandas, matplotlib or scikit-learn: loaded on first
# use, so that `import reliability` stays fast and works without the optional extras.
_LAZY = {
    "OutletDifference": ".frame",
    "compare_outlets": ".frame",
    "outlet_difference": ".frame",
    "score_frame": ".frame",
    "fit": "._fit",
    "FitConfig": "._fit",
    "FitError": "._fit",
    "ReliabilityFeatures": "._features",
}


def __getattr__(name: str) -> Any:
    """Load the heavy faces (pandas, matplotlib, scikit-learn) on first use."""
    from importlib import import_module

    if name == "plot":
        return import_module(".plot", __name__)
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | {"plot"})
