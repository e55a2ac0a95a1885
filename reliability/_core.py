"""``score()`` and ``clean()``: the one-way flow from input to profile."""

from __future__ import annotations

import re
from bisect import bisect_left
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
    r"""Remove lines of page furniture (comment forms, theme adverts, share prompts...).

    Each removed line goes with its line break; everything else is kept byte for
    byte. Lines end at ``\n``, ``\r\n`` or ``\r``, as in :func:`score`, and the
    removed spans are offsets into ``text`` as given.

    Examples
    --------
    >>> c = clean("The council met on Monday.\nLeave a Reply\n")
    >>> c.text
    'The council met on Monday.\n'
    >>> [(r.category, r.text) for r in c.removed]
    [('comment_form', 'Leave a Reply')]
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    norm, pairs = _unix_newlines(text)
    doc = Document(norm)
    found = removed_spans(doc, classify_lines(doc))
    if not found:
        return Cleaned(text, ())

    def orig(i: int) -> int:  # offset in ``norm`` -> offset in ``text``
        return i + bisect_left(pairs, i) if pairs else i

    removed: list[Evidence] = []
    parts: list[str] = []
    pos = 0
    for ev in found:
        start, end = orig(ev.start), orig(ev.end)
        removed.append(Evidence(start, end, text[start:end], ev.kind, ev.field, ev.weight))
        line_start = norm.rfind("\n", 0, ev.start) + 1
        line_end = norm.find("\n", ev.end)
        line_end = len(norm) if line_end < 0 else line_end + 1
        parts.append(text[pos : orig(line_start)])
        pos = orig(line_end)
    parts.append(text[pos:])
    return Cleaned("".join(parts), tuple(removed))


def _unix_newlines(text: str) -> tuple[str, list[int]]:
    r"""``text`` with ``\r\n`` and ``\r`` as ``\n``, and where each ``\r\n`` now stands
    (positions in the result, sorted), to map offsets back."""
    if "\r" not in text:
        return text, []
    pairs = [m.start() - k for k, m in enumerate(_CRLF_RE.finditer(text))]
    return text.replace("\r\n", "\n").replace("\r", "\n"), pairs


_CRLF_RE = re.compile(r"\r\n")
