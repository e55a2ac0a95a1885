"""``score()`` and ``clean()``: the one-way flow from input to profile."""

from __future__ import annotations

from dataclasses import dataclass

from .article import MAX_CHARS, Article, EmptyArticleError, to_article
from .document import Document
from .model import Model, default_model, points, sigmoid_score
from .profile import Evidence, ReliabilityProfile, SignalScore
from .signals import SIGNAL_NAMES, extract_all
from .signals.boilerplate import classify_lines, removed_spans


def _checked(article: object) -> Article:
    art = to_article(article)
    if not art.text.strip():
        raise EmptyArticleError("article text is empty (or only whitespace): nothing to score")
    if len(art.text) > MAX_CHARS:
        raise ValueError(
            f"article text too long: {len(art.text):,} characters (the limit is {MAX_CHARS:,})"
        )
    return art


def score(article: object, *, model: Model | None = None) -> ReliabilityProfile:
    """Score one article: a 0-100 reliability profile with every signal explained.

    Parameters
    ----------
    article:
        Article text (``str``), a mapping with ``text`` and optional ``title``,
        ``outlet``, ``url``, ``published``, ``byline``; an :class:`Article`; or a
        :class:`pathlib.Path` to a file holding one article, in any format the batch
        reader reads (``.txt``, ``.md``, ``.json``, ``.jsonl``, ``.csv``, ``.html``...).
    model:
        Weights to use; the shipped default model when ``None``.

    Raises
    ------
    TypeError
        For an input of an unsupported type.
    EmptyArticleError
        (a ``ValueError``) when the text is empty or whitespace only.

    Examples
    --------
    >>> from reliability import score
    >>> p = score({"title": "Talks resume", "text": "Talks resumed on Monday, "
    ...            "Foreign Minister Anna Berg said."})
    >>> 0 <= p.score <= 100
    True
    >>> p.signals["named_attribution"].evidence[0].text
    'Foreign Minister Anna Berg said'
    """
    art = _checked(article)
    m = model if model is not None else default_model()
    doc = Document(art.text, art.title)
    found = extract_all(doc)
    values = {name: found[name].value for name in SIGNAL_NAMES}
    contributions = m.contributions(values)
    linear = m.linear(contributions)
    value = sigmoid_score(linear)
    pts = points(contributions, m.intercept, linear, value)
    weights = {t.signal: t.weight for t in m.terms}
    signals = {
        name: SignalScore(
            name=name,
            value=found[name].value,
            weight=weights.get(name, 0.0),
            contribution=contributions.get(name, 0.0),
            points=pts.get(name, 0.0),
            evidence=found[name].evidence,
            details=found[name].details,
        )
        for name in SIGNAL_NAMES
    }
    return ReliabilityProfile(
        score=value,
        band=m.band(value),
        linear=linear,
        intercept=m.intercept,
        base=sigmoid_score(m.intercept),
        signals=signals,
        article=art,
        model=m.name,
    )


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Text with leaked boilerplate removed, and what was removed.

    ``removed`` holds one evidence item per removed line, with offsets into the
    *input* text and the furniture's ``category``.
    """

    text: str
    removed: tuple[Evidence, ...]


def clean(text: str) -> Cleaned:
    """Remove lines of page furniture (comment forms, theme adverts, share prompts...).

    Each removed line goes with its line break; everything else is kept byte for
    byte.

    Examples
    --------
    >>> c = clean("The council met on Monday.\\nLeave a Reply\\n")
    >>> c.text
    'The council met on Monday.\\n'
    >>> [(r.category, r.text) for r in c.removed]
    [('comment_form', 'Leave a Reply')]
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    doc = Document(text)
    removed = removed_spans(doc, classify_lines(doc))
    if not removed:
        return Cleaned(text, ())
    parts: list[str] = []
    pos = 0
    for ev in removed:
        line_start = text.rfind("\n", 0, ev.start) + 1
        line_end = text.find("\n", ev.end)
        line_end = len(text) if line_end < 0 else line_end + 1
        parts.append(text[pos:line_start])
        pos = line_end
    parts.append(text[pos:])
    return Cleaned("".join(parts), removed)
