"""Load the word lists in ``reliability/lexicons/`` and match them in one pass.

A lexicon file is data: a ``#`` header that names its source, licence and date,
then one entry per line. An entry is

* a plain term, matched case-insensitively as whole words; words in a phrase may
  be separated by spaces or a comma, and ``'`` matches ``’`` too;
* a single word ending in ``*``, which also matches longer words (``allege*``);
* ``<num>`` in a phrase, which matches any number (``<num> comments``);
* ``re:`` followed by a regular expression, for shapes a word list cannot say.
  Write it in lower case and start it with a literal word: it runs over the
  lower-cased text, and a literal start lets the regex engine skip ahead fast;
* any of these followed by a tab and a number: a strength or weight.

Duplicate entries and empty lists are refused, so no entry silently wins over
another (a fault we saw in older sentiment lexicons).

Matching is token-based: every lexicon's words go into one index, and
:func:`scan` walks a document's tokens once, looking each up in a dict. Only
``re:`` entries run as regular expressions over the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import NamedTuple, Protocol

from .document import WORD_RE

_REQUIRED_HEADERS = ("source", "licence", "date")
_WORD = r"(?:<num>|[^\W_]+(?:['\-][^\W_]+)*)"
_PHRASE_RE = re.compile(rf"{_WORD}(?:,? {_WORD})*")
#: In a phrase, ``<num>`` stands for any token that starts with a digit ("16", "8k").
NUM = "<num>"
#: Characters that may separate the words of a phrase in running text.
_GAP_OK = frozenset(" \t,\u00a0")


class LexiconError(ValueError):
    """A lexicon file is malformed."""


class Hit(NamedTuple):
    """One lexicon match: character span, token span and the entry it came from."""

    start: int
    end: int
    first: int  # index of the first token
    last: int  # index after the last token
    entry: str


class Tokenised(Protocol):
    """What :func:`scan` needs of a document."""

    text: str

    @property
    def word_starts(self) -> Sequence[int]: ...

    @property
    def word_ends(self) -> Sequence[int]: ...

    @property
    def tokens(self) -> Sequence[str]: ...


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A parsed word list."""

    name: str
    entries: tuple[str, ...]
    values: Mapping[str, float]
    header: Mapping[str, str]

    def value(self, entry: str, default: float = 1.0) -> float:
        """The number attached to ``entry`` (or to matched text of a plain entry)."""
        return self.values.get(key(entry), default)

    @property
    def words(self) -> frozenset[str]:
        """The single-word plain entries, normalised (for ``token in lexicon`` tests)."""
        return _single_words(self.name)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and normalise(word) in self.words

    @property
    def pattern(self) -> re.Pattern[str]:
        """All entries as one word-bounded regex, for short strings such as titles."""
        return _pattern(self.name)


def normalise(term: str) -> str:
    """Lower case, single spaces, straight apostrophes."""
    return " ".join(term.replace("’", "'").lower().split())


def key(entry: str) -> str:
    """The lookup key of an entry: a ``re:`` entry as written, others normalised."""
    return entry if entry.startswith("re:") else normalise(entry)


def _is_token_entry(term: str) -> bool:
    """Whether a plain entry can be matched on tokens (words, spaces, commas)."""
    core = normalise(term).removesuffix("*")
    return bool(_PHRASE_RE.fullmatch(core)) and not (term.endswith("*") and " " in core)


def term_regex(term: str) -> str:
    """The regular expression for one entry (without word boundaries)."""
    if term.startswith("re:"):
        return f"(?:{term[3:]})"
    wildcard = term.endswith("*")
    core = term[:-1] if wildcard else term
    parts = [
        r"(?<![\d.,])\d[\d.,]*+k?" if p == NUM else re.escape(p).replace("'", "['’]")
        for p in core.replace(",", " ").split()
    ]
    return r",?\s+".join(parts) + (r"\w*" if wildcard else "")


def compile_terms(terms: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One word-bounded alternation of ``terms``, longest first so the longest wins."""
    unique = sorted(set(terms), key=lambda t: (-len(t), t))
    if not unique:
        raise LexiconError("cannot compile an empty list of terms")
    body = "|".join(term_regex(t) for t in unique)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def parse(name: str, source: str) -> tuple[dict[str, str], list[str], dict[str, float]]:
    """Parse a lexicon file's text into (header, entries, values)."""
    header: dict[str, str] = {}
    entries: list[str] = []
    values: dict[str, float] = {}
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(source.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            k, sep, val = line.lstrip("# ").partition(":")
            if sep and k.strip().lower() in (*_REQUIRED_HEADERS, "name", "note", "format"):
                header.setdefault(k.strip().lower(), val.strip())
            continue
        term, _, number = line.partition("\t")
        term = term.strip()
        k = key(term)
        if k in seen:
            raise LexiconError(
                f"{name}.txt line {lineno}: duplicate entry {term!r} (first on line {seen[k]})"
            )
        seen[k] = lineno
        entries.append(term)
        if number.strip():
            try:
                values[k] = float(number)
            except ValueError:
                raise LexiconError(
                    f"{name}.txt line {lineno}: {number!r} is not a number"
                ) from None
        if term.startswith("re:"):
            try:
                re.compile(term[3:])
            except re.error as exc:
                raise LexiconError(f"{name}.txt line {lineno}: bad pattern: {exc}") from None
    missing = [h for h in _REQUIRED_HEADERS if h not in header]
    if missing:
        raise LexiconError(f"{name}.txt: header lacks {', '.join(missing)}")
    if not entries:
        raise LexiconError(f"{name}.txt: no entries")
    return header, entries, values


@cache
def load(name: str) -> Lexicon:
    """Load ``reliability/lexicons/<name>.txt`` (cached per process)."""
    path = files("reliability").joinpath("lexicons", f"{name}.txt")
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"no lexicon named {name!r}") from None
    header, entries, values = parse(name, source)
    return Lexicon(name, tuple(entries), MappingProxyType(values), MappingProxyType(header))


@cache
def _single_words(name: str) -> frozenset[str]:
    return frozenset(
        normalise(t)
        for t in load(name).entries
        if not t.startswith("re:") and not t.endswith("*") and " " not in t.strip()
    )


@cache
def _pattern(name: str) -> re.Pattern[str]:
    return compile_terms(load(name).entries)


@cache
def available() -> tuple[str, ...]:
    """Names of all lexicons shipped with the package."""
    folder = files("reliability").joinpath("lexicons")
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


# --- the one-pass matcher -------------------------------------------------------------

_Entry = tuple[str, tuple[str, ...], str]  # (lexicon, remaining words, entry as written)


@dataclass(frozen=True, slots=True)
class _Index:
    first: Mapping[str, tuple[_Entry, ...]]  # first word -> entries, longest first
    prefixes: tuple[tuple[int, Mapping[str, tuple[tuple[str, str], ...]]], ...]
    # (lexicon, entry, bare pattern for lower-cased text, word-bounded case-blind pattern)
    regexes: tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...]


@cache
def _index(names: tuple[str, ...]) -> _Index:
    first: dict[str, list[_Entry]] = {}
    prefixes: dict[int, dict[str, list[tuple[str, str]]]] = {}
    regexes: list[tuple[str, str, re.Pattern[str], re.Pattern[str]]] = []
    for name in names:
        lex = load(name)
        for entry in lex.entries:
            if entry.startswith("re:") or not _is_token_entry(entry):
                bare = re.compile(
                    term_regex(entry if entry.startswith("re:") else normalise(entry))
                )
                regexes.append((name, entry, bare, compile_terms([entry])))
                continue
            words = [
                w if w == NUM else WORD_RE.findall(w)[0]
                for w in normalise(entry).removesuffix("*").replace(",", " ").split()
            ]
            if entry.endswith("*"):
                prefixes.setdefault(len(words[0]), {}).setdefault(words[0], []).append(
                    (name, entry)
                )
            else:
                first.setdefault(words[0], []).append((name, tuple(words[1:]), entry))
    return _Index(
        first={w: tuple(sorted(es, key=lambda e: -len(e[1]))) for w, es in first.items()},
        prefixes=tuple(
            (n, {p: tuple(v) for p, v in d.items()}) for n, d in sorted(prefixes.items())
        ),
        regexes=tuple(regexes),
    )


def _gap_ok(text: str, start: int, end: int) -> bool:
    return end - start <= 3 and all(ch in _GAP_OK for ch in text[start:end])


def scan(doc: Tokenised, names: tuple[str, ...] | None = None) -> dict[str, list[Hit]]:
    """Every lexicon's hits in ``doc``, in one pass over its tokens.

    Within a lexicon, hits never overlap: as with a regex scan, the leftmost match
    wins and, among those, the longest.
    """
    names = available() if names is None else names
    idx = _index(names)
    text = doc.text
    starts = doc.word_starts
    ends = doc.word_ends
    tokens = doc.tokens
    n = len(tokens)
    found: dict[str, list[Hit]] = {name: [] for name in names}
    free: dict[str, int] = dict.fromkeys(names, 0)  # first token a new hit may use
    get = idx.first.get
    numeric = idx.first.get(NUM, ())
    prefixes = idx.prefixes
    for i, tok in enumerate(tokens):
        cands = get(tok)
        if tok[0].isdigit() and numeric:
            cands = (*(cands or ()), *numeric)
        if cands:
            for lex, rest, entry in cands:
                if free[lex] > i:
                    continue
                j = i + 1 + len(rest)
                if rest:
                    if j > n or not _same(tokens, i + 1, rest):
                        continue
                    if not all(_gap_ok(text, ends[k - 1], starts[k]) for k in range(i + 1, j)):
                        continue
                found[lex].append(Hit(starts[i], ends[j - 1], i, j, entry))
                free[lex] = j
        for length, table in prefixes:
            if len(tok) >= length:
                for lex, entry in table.get(tok[:length], ()):
                    if free[lex] <= i:
                        found[lex].append(Hit(starts[i], ends[i], i, i + 1, entry))
                        free[lex] = i + 1
    if idx.regexes:
        extra: dict[str, list[Hit]] = {}
        lowered = text.lower()
        same = len(lowered) == len(text)
        for lex, entry, bare, bounded in idx.regexes:
            matches = (
                (m for m in bare.finditer(lowered) if _bounded(lowered, m.start(), m.end()))
                if same
                else bounded.finditer(text)
            )
            extra.setdefault(lex, []).extend(
                Hit(
                    m.start(),
                    m.end(),
                    bisect_left(ends, m.start() + 1),
                    bisect_right(starts, m.end() - 1),
                    entry,
                )
                for m in matches
                if m.end() > m.start()
            )
        for lex, hits in extra.items():
            if hits:
                found[lex] = _merge(found[lex], hits)
    return found


def _same(tokens: Sequence[str], at: int, rest: tuple[str, ...]) -> bool:
    for k, word in enumerate(rest, at):
        tok = tokens[k]
        if tok != word and not (word == NUM and tok[0].isdigit()):
            return False
    return True


def _bounded(text: str, start: int, end: int) -> bool:
    """No word character just before ``start`` or just after ``end``."""
    before = start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")
    after = end < len(text) and (text[end].isalnum() or text[end] == "_")
    return not (before or after)


def _merge(a: list[Hit], b: list[Hit]) -> list[Hit]:
    """Merge two sorted hit lists, dropping hits that overlap an earlier, longer one."""
    out: list[Hit] = []
    for hit in sorted(a + b, key=lambda h: (h.start, -h.end)):
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out
