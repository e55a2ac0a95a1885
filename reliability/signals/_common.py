"""Small helpers shared by the signal families."""

from __future__ import annotations

import re

from ..document import Document
from ..profile import Evidence, Field


def per_words(count: float, words: int, per: int = 1000) -> float:
    """``count`` as a rate per ``per`` words (0 for an article without words)."""
    return count * per / words if words else 0.0


def evidence(
    doc: Document, start: int, end: int, kind: str, *, field: Field = "text", weight: float = 1.0
) -> Evidence:
    """An :class:`Evidence` whose text is sliced from the document, so it always matches."""
    source = doc.text if field == "text" else (doc.title or "")
    return Evidence(start, end, source[start:end], kind, field, weight)


def match_evidence(
    doc: Document, m: re.Match[str], kind: str, *, field: Field = "text", weight: float = 1.0
) -> Evidence:
    """Evidence for a regex match over the document's text or title."""
    return evidence(doc, m.start(), m.end(), kind, field=field, weight=weight)
