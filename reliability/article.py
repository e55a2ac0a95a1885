"""Turn any supported input into an :class:`Article`.

An article can come as plain text, a mapping (``{"title": ..., "text": ...}``), an
``Article``, or a :class:`pathlib.Path` to a file holding one article. A plain
``str`` is always article text, never a file name: a one-word article called
"notes.txt" must not be read from disk by surprise.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

#: Accepted spellings of each field in a mapping, first match wins.
FIELD_ALIASES: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article", "maintext"),
    "outlet": ("outlet", "domain", "source", "site", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date", "publish_date", "published_at"),
    "byline": ("byline", "author", "authors"),
}

#: Articles longer than this are refused rather than scored (characters). The longest
#: news articles are under 100,000 characters; this bound keeps memory flat in a batch.
MAX_CHARS = 5_000_000


class EmptyArticleError(ValueError):
    """The article has no text to score."""


@dataclass(frozen=True, slots=True)
class Article:
    """A news article, normalised once.

    ``text`` has its line endings normalised to ``\\n`` and a leading byte-order
    mark removed; evidence offsets always index this normalised text.
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    byline: str | None = None

    def __post_init__(self) -> None:
        for name in ("text", "title", "outlet", "url", "published", "byline"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"Article.{name} must be a str or None, not {type(value).__name__}")
        object.__setattr__(self, "text", normalise_text(self.text))
        if self.title is not None:
            title = " ".join(normalise_text(self.title).split())
            object.__setattr__(self, "title", title or None)
        if self.outlet is None and self.url:
            object.__setattr__(self, "outlet", domain_of(self.url))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {
            "title": self.title,
            "text": self.text,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "byline": self.byline,
        }


def normalise_text(text: str) -> str:
    """Normalise line endings to ``\\n`` and drop a leading byte-order mark."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def domain_of(url: str) -> str | None:
    """The host of ``url`` in lower case without ``www.`` (``None`` if there is none)."""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def from_mapping(data: Mapping[str, Any]) -> Article:
    """Build an :class:`Article` from a mapping, accepting common field spellings."""
    values: dict[str, str | None] = {}
    for name, aliases in FIELD_ALIASES.items():
        values[name] = None
        for key in aliases:
            if key in data and data[key] is not None:
                raw = data[key]
                if name == "byline" and isinstance(raw, list | tuple):
                    raw = ", ".join(str(a) for a in raw)
                if not isinstance(raw, str):
                    raise TypeError(f"field {key!r} must be a string, not {type(raw).__name__}")
                values[name] = raw
                break
    text = values.pop("text")
    if text is None:
        keys = ", ".join(sorted(map(str, data))) or "none"
        raise ValueError(
            f"the mapping has no article text (looked for 'text', 'body', "
            f"'content'; keys present: {keys})"
        )
    return Article(text=text, **values)


def from_path(path: str | os.PathLike[str]) -> Article:
    """Read the one article a file holds, as ``reliability score`` reads it.

    Every format of the batch reader is accepted (``.txt``, ``.md``, ``.json``,
    ``.jsonl``, ``.csv``, ``.tsv``, ``.html``; see docs/batch.md): the same decoding,
    the same title rule, the same outlet rule. A file that holds several articles, an
    unknown suffix or an unreadable file raises ``ValueError`` saying why.
    """
    from .readers import ReadOptions, format_of, read_file, resolve

    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{p}: not a file")
    fmt = format_of(p)
    if fmt is None:
        raise ValueError(
            f"{p}: unknown file type {p.suffix!r}: score the text itself, or "
            "give the file a .txt, .md, .json, .jsonl, .csv, .tsv or .html name"
        )
    records = read_file(p, ReadOptions(), fmt=fmt)
    first = next(records, None)
    if first is None:
        raise ValueError(f"{p}: no article in the file")
    if next(records, None) is not None:
        raise ValueError(
            f"{p}: holds more than one article: use reliability.score_frame, "
            "reliability.readers.iter_records or the command line"
        )
    try:
        return resolve(first)
    except ValueError as exc:
        raise ValueError(f"{p}: {exc}") from None


def decode_bytes(raw: bytes, name: str = "input") -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252.

    Binary data (a NUL byte anywhere, without a UTF-16 BOM) is refused with a clear
    error, as is anything none of the three can decode.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ValueError(f"{name}: NUL byte at byte {nul:,}: binary data, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{name}: not UTF-8, UTF-16 or Windows-1252 text ({exc.reason} at byte {exc.start})"
        ) from None


def split_title(text: str) -> tuple[str | None, str]:
    """Split a plain-text file into (title, body).

    The first non-empty line is a title when it is short (at most 200 characters
    and 30 words), does not end in sentence punctuation other than ``?`` or ``!``,
    and is followed by more text. Otherwise there is no title.
    """
    stripped = text.lstrip("\ufeff")
    lines = stripped.split("\n", 1)
    while len(lines) == 2 and not lines[0].strip():
        lines = lines[1].split("\n", 1)
    if len(lines) < 2 or not lines[1].strip():
        return None, text
    first = lines[0].strip()
    if (
        len(first) <= 200
        and len(first.split()) <= 30
        and not first.endswith((".", ",", ";", ":", "”", '"', "’"))
    ):
        return first, lines[1]
    return None, text


def to_article(obj: object) -> Article:
    """Turn ``obj`` into an :class:`Article`.

    Accepts an ``Article``, a ``str`` (the article text), a mapping with at least a
    text field, or a :class:`pathlib.Path`. Anything else raises ``TypeError``.
    """
    if isinstance(obj, Article):
        return obj
    if isinstance(obj, str):
        return Article(text=obj)
    if isinstance(obj, Mapping):
        return from_mapping(obj)
    if isinstance(obj, os.PathLike):
        return from_path(obj)
    if isinstance(obj, bytes | bytearray):
        raise TypeError(
            "got bytes: decode them first (reliability.article.decode_bytes), "
            "or pass a pathlib.Path to read a file"
        )
    raise TypeError(
        f"cannot score a {type(obj).__name__}: pass a str, a mapping with a "
        "'text' field, an Article, or a pathlib.Path"
    )
