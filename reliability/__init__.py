"""reliability: how much a news article's text looks like careful journalism, and why.

>>> from reliability import score
>>> profile = score("The minister said the plan would cost 4 billion euros.")
>>> 0.0 <= profile.score <= 100.0
True
"""

from __future__ import annotations

from ._core import Cleaned, clean, score
from .article import Article, EmptyArticleError, to_article
from .document import Document
from .model import Model, ModelError, Term, default_model, load_model
from .profile import Evidence, ReliabilityProfile, Signal, SignalScore
from .signals import DESCRIPTIONS, SIGNAL_NAMES
from .signals.readability import readability_report

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
    "ReliabilityProfile",
    "Signal",
    "SignalScore",
    "Term",
    "__version__",
    "clean",
    "default_model",
    "load_model",
    "readability_report",
    "score",
    "to_article",
]
