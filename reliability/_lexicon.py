"""Load the word lists in ``reliability/lexicons/`` and match them in one pass.

A lexicon file is data: a ``#`` header that names its source, licence and date,
then one entry per line. An entry is

* a plain term, matched case-insensitively as whole words; words in a phrase may
  be separated by spaces or a comma, and ``'`` matches ``’`` too;
* a single word ending in ``*``, which also matches longer words (``allege*``);
* ``<num>`` in a phrase, which matches any number (``<num> comments``);
* ``(a|b)`` in a phrase for one of several words, ``[a|b]`` for an optional one
  (``it (is|was) [widely] believed``): expanded into plain phrases when loaded;
* ``re:`` followed by a regular expression, for shapes a word list cannot say.
  Write it in lower case and start it with a literal word: it runs over the
  lower-cased text, and a literal start lets the regex engine skip ahead fast;
* any of these followed by a tab and a number: a strength or weight.

A header line ``# use: words`` marks a vocabulary: signals look words up in it
(``word in lexicon``) and :func:`scan` does not look for it in texts.

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
    phrases = [p for t in terms for p in ([t] if t.startswith("re:") else expand(t))]
    unique = sorted(set(phrases), key=lambda t: (-len(t), t))
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
            if sep and k.strip().lower() in (*_REQUIRED_HEADERS, "name", "note", "format", "use"):
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


@cache
def scanned() -> tuple[str, ...]:
    """The lexicons :func:`scan` looks for in a text by default: all but vocabularies
    (a ``use: words`` header), which signals only look words up in."""
    return tuple(n for n in available() if load(n).header.get("use", "").split()[:1] != ["words"])


# --- the one-pass matcher -------------------------------------------------------------

_Single = tuple[str, str]  # (lexicon, entry as written)
# (lexicon, words, the same as a list, anchor offset, entry, whether a word is <num>)
_Phrase = tuple[str, tuple[str, ...], list[str], int, str, bool]
_Regex = tuple[str, str, str, re.Pattern[str], re.Pattern[str]]
_DIGITS = frozenset("0123456789")
_DIGIT_RE = re.compile(r"\d")
#: A digit with no letter or digit before it: where a token that starts with one begins.
_NUMBER_START_RE = re.compile(r"(?<![^\W_])\d")
_GROUP_RE = re.compile(r"\(([^()\[\]]*)\)|\[([^()\[\]]*)\]")
_META = frozenset(".^$*+?{}[]\\|()")
_MAX_EXPANSIONS = 5000
#: Words too common to anchor a phrase on: a phrase is looked for where its first word
#: outside this list stands, so "it is widely believed" is tried only where "widely" is.
_COMMON = frozenset(
    """a an the of to in on at for by with from as into about over after before and or but
    nor so if than then that this these those there here it its is are was were be been
    being am has have had do does did will would shall should can could may might must
    not no yes i me my we us our you your he him his she her they them their who whom
    which what when where why how all any some many most more much few one two up out""".split()
)


def expand(entry: str) -> list[str]:
    """Phrases an entry stands for: ``(a|b)`` picks one, ``[a|b]`` picks one or none.

    >>> expand("it (is|was) [widely] believed")
    ['it is widely believed', 'it is believed', 'it was widely believed', 'it was believed']
    """
    parts: list[list[str]] = []
    pos = 0
    for m in _GROUP_RE.finditer(entry):
        parts.append([entry[pos : m.start()]])
        options = (m.group(1) if m.group(1) is not None else m.group(2)).split("|")
        parts.append(options + ([""] if m.group(2) is not None else []))
        pos = m.end()
    parts.append([entry[pos:]])
    out = [""]
    for options in parts:
        out = [head + opt for head in out for opt in options]
        if len(out) > _MAX_EXPANSIONS:
            raise LexiconError(f"entry {entry!r} expands to more than {_MAX_EXPANSIONS} phrases")
    return [" ".join(p.split()) for p in out]


def _literal_prefix(pattern: str) -> str:
    """The literal text every match of ``pattern`` starts with ('' if unknown)."""
    out = []
    for ch in pattern:
        if ch in _META:
            break
        out.append(ch)
    if len(out) < len(pattern) and pattern[len(out)] in "*?{":
        out = out[:-1]  # the last literal is optional or repeated
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Index:
    single: Mapping[str, tuple[_Single, ...]]  # word -> one-word entries
    phrases: Mapping[str, tuple[_Phrase, ...]]  # anchor word -> longer entries, longest first
    keys: frozenset[str]  # every one-word entry and every anchor
    numeric: bool  # whether a one-word entry is <num>
    prefixes: tuple[tuple[int, Mapping[str, tuple[_Single, ...]]], ...]
    # (lexicon, entry, literal start, bare pattern for lower-cased text, case-blind pattern)
    regexes: tuple[_Regex, ...]


def _anchor(words: Sequence[str]) -> int:
    """Where a phrase is looked for: its first uncommon word (else its longest one)."""
    for k, w in enumerate(words):
        if w != NUM and w not in _COMMON:
            return k
    return max(range(len(words)), key=lambda k: (words[k] != NUM, len(words[k]), -k))


@cache
def _index(names: tuple[str, ...]) -> _Index:
    single: dict[str, dict[_Single, None]] = {}
    phrases: dict[str, dict[tuple[str, tuple[str, ...], int, str], None]] = {}
    prefixes: dict[int, dict[str, list[_Single]]] = {}
    regexes: list[_Regex] = []
    for name in names:
        for entry in load(name).entries:
            if entry.startswith("re:"):
                bare = term_regex(entry)[3:-1]
                regexes.append(
                    (name, entry, _literal_prefix(bare), re.compile(bare), compile_terms([entry]))
                )
                continue
            for phrase in expand(entry):
                if not _is_token_entry(phrase):
                    bare = term_regex(normalise(phrase))
                    regexes.append((name, entry, "", re.compile(bare), compile_terms([phrase])))
                    continue
                words = tuple(
                    w if w == NUM else WORD_RE.findall(w)[0]
                    for w in normalise(phrase).removesuffix("*").replace(",", " ").split()
                )
                if phrase.endswith("*"):
                    prefixes.setdefault(len(words[0]), {}).setdefault(words[0], []).append(
                        (name, entry)
                    )
                elif len(words) == 1:
                    same_word = single.setdefault(words[0], {})
                    if not any(lex == name for lex, _ in same_word):  # one hit per word
                        same_word[(name, entry)] = None
                else:
                    k = _anchor(words)
                    phrases.setdefault(words[k], {})[(name, words, k, entry)] = None
    return _Index(
        single={w: tuple(es) for w, es in single.items()},
        phrases={
            w: tuple((lex, ws, list(ws), k, e, NUM in ws) for lex, ws, k, e in es)
            for w, es in phrases.items()
        },
        keys=frozenset(single) | frozenset(phrases),
        numeric=NUM in single,
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
    names = scanned() if names is None else names
    idx = _index(names)
    text = doc.text
    starts = doc.word_starts
    ends = doc.word_ends
    tokens = doc.tokens
    n = len(tokens)
    found: dict[str, list[Hit]] = {name: [] for name in names}
    # Narrow the tokens to look at with a set intersection, which runs in C: one-word
    # entries and phrase anchors present in the text (plus numbers for <num> entries).
    present = set(tokens)
    hot = present.intersection(idx.keys)
    at = [i for i, t in enumerate(tokens) if t in hot] if hot else []
    numbers = idx.numeric and _DIGIT_RE.search(text) is not None
    if numbers:
        nums = {bisect_right(starts, m.start()) - 1 for m in _NUMBER_START_RE.finditer(text)}
        at = sorted({*at, *(i for i in nums if i >= 0 and tokens[i][0] in _DIGITS)})
    new = tuple.__new__  # Hit(...) without the Python-level __new__ of a NamedTuple
    single, phrases = idx.single, idx.phrases
    raw: dict[str, list[Hit]] = {}
    phrased: set[str] = set()  # lexicons with hits of more than one word
    for i in at:
        tok = tokens[i]
        candidates = phrases.get(tok)
        if candidates is not None:
            for lex, words, as_list, k, entry, has_num in candidates:
                first = i - k
                last = first + len(words)
                if first < 0 or last > n:
                    continue
                if not (_same(tokens, first, words) if has_num else tokens[first:last] == as_list):
                    continue
                if not all(_gap_ok(text, ends[m - 1], starts[m]) for m in range(first + 1, last)):
                    continue
                hit = new(Hit, (starts[first], ends[last - 1], first, last, entry))
                raw.setdefault(lex, []).append(hit)
                phrased.add(lex)
        for lex, entry in single.get(tok, ()):
            raw.setdefault(lex, []).append(new(Hit, (starts[i], ends[i], i, i + 1, entry)))
        if numbers and tok[0] in _DIGITS:
            for lex, entry in single.get(NUM, ()):
                raw.setdefault(lex, []).append(new(Hit, (starts[i], ends[i], i, i + 1, entry)))
                phrased.add(lex)  # may repeat a one-word hit at this token: resolve below
    for length, table in idx.prefixes:
        for i, tok in enumerate(tokens):
            for lex, entry in table.get(tok[:length], ()) if len(tok) >= length else ():
                raw.setdefault(lex, []).append(new(Hit, (starts[i], ends[i], i, i + 1, entry)))
                phrased.add(lex)
    for lex, hits in raw.items():
        # One-word hits come in text order, one per token; anything else is sorted out.
        found[lex] = _leftmost_longest(hits) if lex in phrased else hits
    if idx.regexes:
        _scan_regexes(idx.regexes, text, starts, ends, found)
    return found


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    """Hits in text order, keeping the leftmost and then the longest where they overlap."""
    if len(hits) > 1:
        hits.sort(key=lambda h: (h.first, -h.last))
        kept = [hits[0]]
        for h in hits[1:]:
            if h.first >= kept[-1].last:
                kept.append(h)
        return kept
    return hits


def _scan_regexes(
    regexes: tuple[_Regex, ...],
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    found: dict[str, list[Hit]],
) -> None:
    extra: dict[str, list[Hit]] = {}
    lowered = text.lower()
    same = len(lowered) == len(text)
    for lex, entry, literal, bare, bounded in regexes:
        if same and literal and literal not in lowered:
            continue  # the cheap test: the entry's literal start is nowhere in the text
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


def _same(tokens: Sequence[str], at: int, rest: tuple[str, ...]) -> bool:
    for k, word in enumerate(rest, at):
        tok = tokens[k]
        if tok != word and not (word == NUM and tok[0] in _DIGITS):
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
