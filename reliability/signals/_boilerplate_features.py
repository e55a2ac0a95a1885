"""Features for the boilerplate classifier, shared by run time and the fitting script.

Three readable models run on them:

* the **line model**, a logistic regression over what one line (a paragraph) looks
  like on its own: its length, how much of it is function words, how it is
  punctuated and capitalised, digits and separators, dates, which furniture
  lexicons it hits, whether it repeats elsewhere on the page (a dozen of these
  also get a weight per range of their values);
* the **head and tail models**, which score each line above and below the
  article's core from its neighbourhood, for the walk that finds where the
  article starts and ends (:class:`SpanRows`, :func:`extend`);
* the **insert model**, a logistic regression that finds furniture *inside* the span
  (an "Advertisement" label between two paragraphs).

Everything is linear in the length of the text: one pass over the lines, word
flags counted by prefix sums, lexicon hits and digits mapped to lines by
bisection, windows by prefix sums.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import accumulate
from operator import itemgetter

from .._lexicon import load as lexicon
from .._lexicon import parse, scan
from ..document import Document, Span

#: Furniture categories that have a lexicon ``boilerplate_<category>.txt``.
LEXICON_CATEGORIES = (
    "comment_form",
    "theme_ad",
    "cookie_notice",
    "share_prompt",
    "newsletter",
    "related_links",
    "advertisement",
    "copyright",
    "author_bio",
    "navigation",
    "image_credit",
    "byline",
)

_LEXICONS = tuple(f"boilerplate_{c}" for c in LEXICON_CATEGORIES)

#: First-stage features: what one line looks like on its own. The dense ones are
#: computed for every line; the per-category lexicon ones (:data:`LEXICAL_FEATURES`)
#: are zero on a line without a furniture-lexicon hit and are read from
#: :attr:`LineInfo.cover` where there is one.
DENSE_FEATURES: tuple[str, ...] = (
    "log_words",
    "words_le_2",
    "words_le_5",
    "words_le_10",
    "words_ge_25",
    "log_chars",
    "stopword_share",
    "no_stopwords",
    "ends_sentence",
    "ends_colon",
    "ends_alnum",
    "title_case_share",
    "all_caps_share",
    "digit_share",
    "symbol_share",
    "log_separators",
    "url_or_email",
    "comma_rate",
    "log_sentences",
    "has_quote",
    "starts_lower",
    "starts_marker",
    "has_date",
    "has_time",
    "starts_by",
    "comment_header",
    "identifier",
    "cjk_share",
    "log_repeats",
    "lexicon_cover",
    "lexicon_at_start",
)
LEXICAL_FEATURES: tuple[str, ...] = (
    *(f"hit_{c}" for c in LEXICON_CATEGORIES),
    *(f"cover_{c}" for c in LEXICON_CATEGORIES),
)
LINE_FEATURES: tuple[str, ...] = (*DENSE_FEATURES, *LEXICAL_FEATURES)

#: Line features whose effect is not a straight line: besides its weight, each range of
#: values (edges in the weights file) gets a weight of its own.
BINNED_FEATURES: tuple[str, ...] = (
    "log_words",
    "log_chars",
    "stopword_share",
    "title_case_share",
    "all_caps_share",
    "digit_share",
    "symbol_share",
    "log_separators",
    "comma_rate",
    "log_sentences",
    "cjk_share",
    "log_repeats",
)


def line_model_names(edges: Mapping[str, Sequence[float]]) -> tuple[str, ...]:
    """The line model's inputs: :data:`LINE_FEATURES`, then one indicator per range of
    each binned feature (``"log_words@0"`` below the first edge, ``"log_words@1"`` from
    it to the next, ...)."""
    return (
        *LINE_FEATURES,
        *(f"{name}@{k}" for name in BINNED_FEATURES for k in range(len(edges[name]) + 1)),
    )


#: Features of a line in its neighbourhood, for the span models: the line model's
#: verdict on it and its neighbours, its shape, whether it shares the core's words,
#: and what lies between it and the core (walls, very furniture-like lines, distance,
#: tail walls seen above). A deliberately short list, each feature with a plain
#: meaning: with 45 features (runs of non-prose lines, dated lines, counts of prose
#: around) the span models fitted the tuning pages' own tails and carried over
#: worse to unseen sites (docs/signals.md, "What was changed on 2026-12-06").
_SPAN_BASE: tuple[str, ...] = (
    "line_logit",
    "prev_logit",
    "next_logit",
    "window_2",
    "window_5",
    "wall",
    "prose",
    "sentence",
    "topic_overlap",
    "log_walls_from_core",
    "log_strong_from_core",
    "log_core_distance",
    "log_slots_from_core",
    *(f"{c}_wall_above" for c in ("copyright", "comment_form", "related_links", "share_prompt")),
    "run_after_colon",
    "no_prose_below",
    "no_prose_above",
)
#: The core takes only lines whose line-model log-odds of furniture are below minus this.
CORE_BIAS = 2.0
#: The core is the first run of prose that weighs at least this share of the heaviest.
CORE_SHARE = 0.7
#: A text whose surest prose starts this many lines down is a whole page dump.
DUMP_HEAD_LINES = 8
#: The span models have one weight per feature and regime: an article with a short
#: leaked head and tail (``leak.``), or a whole page dump (``dump.``).
SPAN_BASE = _SPAN_BASE
SPAN_FEATURES: tuple[str, ...] = (
    "dump",
    *(f"leak.{name}" for name in _SPAN_BASE),
    *(f"dump.{name}" for name in _SPAN_BASE),
)

#: Features of a line inside the span, for the insert model.
INSERT_FEATURES: tuple[str, ...] = (
    "line_logit",
    "prev_logit",
    "next_logit",
    "window_2",
    "wall",
    "short",
    "prose",
    "log_from_start",
    "log_from_end",
)

#: Han and kana: scripts written without spaces, where a "word" is a whole clause.
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = frozenset(".!?…。！？")
#: Full stops: a line that ends with one (not with an ellipsis) reads as a statement; a
#: headline or a teaser ends with none, or with a question mark.
_FULL_STOPS = frozenset(".。．")
_CLOSING = "\"'”’»)]」』"
_CLOSERS = frozenset(_CLOSING)
_QUOTE_RE = re.compile('["“”«»„「」]')
#: All-caps words are counted on lines of at most this many words (headers, buttons).
_CAPS_WORDS = 15
#: A word in capitals (Latin, Greek or Cyrillic), two letters or more.
_CAPS_RE = re.compile(r"[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ]{2,}(?![a-zß-öø-ÿα-ωа-яё])")
_SEPARATORS = "|•·»›"
_SYMBOL_RE = re.compile(r"[|•·»›«‹/\\>#@©®™+=*_~^<\[\]{}]")
_URL_RE = re.compile(r"https?://|www\.|\w@\w")
#: Month names and abbreviations (English, German, French, Spanish, Portuguese, Italian,
#: Dutch, Indonesian, and Russian in the nominative and the genitive of "6 марта").
_MONTHS = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december januar februar märz mai juni juli oktober
    dezember janvier février mars avril juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    janeiro fevereiro março maio junho julho setembro outubro novembro dezembro gennaio
    febbraio aprile maggio giugno luglio settembre ottobre januari februari maart mei
    augustus maret agustus desember январь февраль март апрель май июнь июль август сентябрь
    октябрь ноябрь декабрь января февраля марта апреля мая июня июля августа сентября
    октября ноября декабря""".split()
)
#: A date written with numbers ("19.11.2019", "2019-11-19", "2019年").
_NUMERIC_DATE_RE = re.compile(r"[0-9](?:[./-]\d{1,2}[./-]\d|[年月])")
#: A clock or relative time ("6:34", "8 am", "32M ago", "2 hours ago"), looked for only
#: on a line with a colon, "a.m." or a time word (:data:`_TIME_WORDS`).
_CLOCK_RE = re.compile(
    r"[0-9](?::\d\d|\s?[ap]\.?m\.?(?!\w)"
    r"|\s?(?:s|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wks?|weeks?|months?)\sago(?!\w))",
    re.IGNORECASE,
)
#: Capital and digit initials, on ASCII lines (``str.isupper`` / ``str.isdigit`` otherwise).
_ASCII_UPPER_RE = re.compile("[A-Z]")
_ASCII_DIGIT_RE = re.compile("[0-9]")
#: Words after a number that make it a time ("8 am", "2 hours ago").
_TIME_WORDS = frozenset({"am", "pm", "ago"})
#: Digits, found in one pass over the whole text and counted per line by bisection.
_DIGIT_RE = re.compile(r"[0-9]")
_MARKER_RE = re.compile(r"[-–—•*·▪►✓]\s|\d{1,2}[.)]\s|\(\w\)\s")
#: A commenter's header: "jane says:", "Max schreibt:".
_COMMENT_HEADER_RE = re.compile(
    r"(?<!\w)(?:says|said|wrote|writes|replied|schreibt|sagt|dit|écrit|dice|diz|escreveu|пишет)"
    r"\s*:\s*$",
    re.IGNORECASE,
)
#: A line that is one machine name: lower-case letters and digits joined by an
#: underscore or by two hyphens or more ("sidebar-wide-and-up", "chevron_right_small",
#: "share_url_mail"), the class names, icon ligatures and template keys that a scrape
#: of the markup leaves behind. One hyphen is not enough: a list in an article may read
#: "e-bikes", "cargo-bikes".
_IDENTIFIER_RE = re.compile(r"(?<![a-z0-9])[a-z0-9]++(?:[-_][a-z0-9]++)++")
_LOWER_RE = re.compile("[a-z]")
#: Periods (in lines) of a dated run: a list of teasers or comments, each a few lines
#: long and each with its date (:func:`_dated_runs`). Two is left out, and so is a run
#: of period four or six that repeats every two lines: an article's timeline ("March 2,
#: 2026" over a sentence, "Harbour ferry - April 2025" over a quote) is built that way.
_RUN_PERIODS = (3, 4, 5, 6)
#: A dated run repeats its shape at least this many times.
_RUN_REPEATS = 3
#: A short dated line ("Monday March 2, 2026", "2H ago") has at most this many words.
_DATED_WORDS = 8
#: A line's shape for :func:`_dated_runs`: its length class (0 up to 3 words, 1 up to
#: 10, 2 more) times ``_SHAPE_CLASS``, plus ``_SHAPE_ENDS`` for a sentence end, plus
#: ``_SHAPE_DATED`` for a short dated line. A shape of ``_SHAPE_LONG`` or more is a line
#: of more than ten words.
_SHAPE_DATED = 1
_SHAPE_ENDS = 2
_SHAPE_CLASS = 4
_SHAPE_LONG = 2 * _SHAPE_CLASS
#: "By" in the languages of the data: a byline's first word.
_BY_WORDS = frozenset({"by", "von", "por", "par", "di", "da", "door", "автор"})


@cache
def stopwords() -> frozenset[str]:
    """Function words of several languages (``reliability/wordlists/stopwords.txt``)."""
    path = files("reliability").joinpath("wordlists", "stopwords.txt")
    _, entries, _ = parse("stopwords", path.read_text(encoding="utf-8"))
    return frozenset(entries)


@dataclass(frozen=True, slots=True)
class LineInfo:
    """What the second stage and the categoriser need to know about each line."""

    spans: tuple[Span, ...]
    words: tuple[float, ...]  # words, with han and kana characters counted as half a word each
    features: tuple[tuple[float, ...], ...]  # DENSE_FEATURES, one row per line
    cover: tuple[dict[str, int], ...]  # characters covered per lexicon category
    first_hit: tuple[str | None, ...]  # category of the line's first lexicon hit
    tokens: Sequence[str]  # the document's tokens
    word_spans: tuple[tuple[int, int], ...]  # each line's first and past-last token index
    function_words: tuple[int, ...]  # each line's function words
    slot: tuple[bool, ...]  # an ad slot's bare label (see _is_ad_slot)
    dated_run: tuple[bool, ...]  # in a run of dated teasers or comments (see _dated_runs)
    statement: tuple[bool, ...]  # ends with a full stop, not an ellipsis (see _FULL_STOPS)

    def full_row(self, i: int) -> tuple[float, ...]:
        """Line ``i``'s :data:`LINE_FEATURES`: the dense ones, then per lexicon category
        whether it hits the line and the share of the line's characters it covers."""
        return (
            *self.features[i],
            *lexical_row(self.cover[i], self.spans[i].end - self.spans[i].start),
        )


def lexical_row(cover: Mapping[str, int], chars: int) -> tuple[float, ...]:
    """:data:`LEXICAL_FEATURES` of a line of ``chars`` characters with lexicon ``cover``."""
    hits = [0.0] * len(LEXICON_CATEGORIES)
    shares = [0.0] * len(LEXICON_CATEGORIES)
    for k, cat in enumerate(LEXICON_CATEGORIES):
        c = cover.get(cat)
        if c:
            hits[k] = 1.0
            shares[k] = min(1.0, c / chars)
    return (*hits, *shares)


def _lexicon_cover(doc: Document) -> tuple[list[dict[str, int]], list[tuple[int, str] | None]]:
    """Characters each category covers on each line, and each line's first hit."""
    lines = doc.lines
    starts = [s for s, _ in lines]
    cover: list[dict[str, int]] = [{} for _ in lines]
    first: list[tuple[int, str] | None] = [None] * len(lines)
    # the document's shared hits when another family has scanned it already; otherwise
    # (clean() on a fresh document) only the furniture lexicons are scanned
    hits = doc.hits if "hits" in vars(doc) else scan(doc, _LEXICONS)
    for cat in LEXICON_CATEGORIES:
        for h in hits.get(f"boilerplate_{cat}", ()):
            i = bisect_right(starts, h.start) - 1
            if i < 0 or h.end > lines[i].end:
                continue
            row = cover[i]
            row[cat] = row.get(cat, 0) + (h.end - h.start)
            f = first[i]
            if f is None or h.start < f[0]:
                first[i] = (h.start, cat)
    return cover, first


def _month_day(toks: Sequence[str]) -> bool:
    """Whether a month name sits right next to a number ("Nov 19", "19 November")."""
    for k, tok in enumerate(toks):
        if tok in _MONTHS and (
            (k + 1 < len(toks) and toks[k + 1][:1].isdigit()) or (k and toks[k - 1][:1].isdigit())
        ):
            return True
    return False


def line_info(doc: Document) -> LineInfo:
    """First-stage features of every line of ``doc``.

    Function words are flagged once for the whole document and counted per line
    by prefix sums; symbols and digits are found in one pass over the text each
    and counted per line by bisection. What is left per line is a few string
    operations, most of them in C (``str.count``, ``in``, anchored regexes).
    """
    text = doc.text
    lines = doc.lines
    word_starts = doc.word_starts
    tokens = doc.tokens
    cover, first = _lexicon_cover(doc)
    keys = [text[s:e] for s, e in lines]
    seen = Counter(keys)
    stop_at = list(accumulate(map(stopwords().__contains__, tokens), initial=0))
    if len(word_starts) > 1:
        initials = "".join(itemgetter(*word_starts)(text))
    else:
        initials = "".join(text[k] for k in word_starts)
    symbol_at = [m.start() for m in _SYMBOL_RE.finditer(text)]
    digit_at = [m.start() for m in _DIGIT_RE.finditer(text)]
    ascii_text = text.isascii()
    log1p = math.log1p
    rows: list[tuple[float, ...]] = []
    eff_words: list[float] = []
    word_spans: list[tuple[int, int]] = []
    function_words: list[int] = []
    slot: list[bool] = []
    shapes: list[int] = []  # a line's shape for :func:`_dated_runs`
    statement: list[bool] = []
    a = 0
    for i, (start, end) in enumerate(lines):
        line = keys[i]
        chars = end - start
        a = bisect_left(word_starts, start, a)
        b = bisect_left(word_starts, end, a)
        nw = b - a
        ascii_line = ascii_text or line.isascii()
        cjk = 0 if ascii_line else len(_CJK_RE.findall(line))
        eff = nw + cjk / 2
        eff_words.append(eff)
        nstop = stop_at[b] - stop_at[a]
        word_spans.append((a, b))
        function_words.append(nstop)
        if ascii_line:
            upper = len(_ASCII_UPPER_RE.findall(initials, a, b))
        else:
            upper = sum(map(str.isupper, initials[a:b]))
        if upper:
            if ascii_line:
                alpha = nw - len(_ASCII_DIGIT_RE.findall(initials, a, b))
            else:
                alpha = nw - sum(map(str.isdigit, initials[a:b]))
            caps = len(_CAPS_RE.findall(line)) if nw <= _CAPS_WORDS else 0
        else:
            alpha = nw
            caps = 0
        last = line[-1]
        bare = line.rstrip(_CLOSING) if last in _CLOSERS else line  # closing quotes aside
        last_core = bare[-1:]
        ends = last_core in _SENTENCE_END
        statement.append(last_core in _FULL_STOPS and not bare.endswith(".."))
        digits = bisect_left(digit_at, end) - bisect_left(digit_at, start) if digit_at else 0
        symbols = bisect_left(symbol_at, end) - bisect_left(symbol_at, start) if symbol_at else 0
        # a sentence end inside the line: punctuation, then a space (the line is
        # trimmed, so the pair never straddles its end)
        sentences = line.count(". ") + line.count("? ") + line.count("! ")
        if not ascii_line:
            sentences += line.count("。")
        has_date = has_time = False
        if digits:
            toks = tokens[a:b]
            has_date = (not _MONTHS.isdisjoint(toks) and _month_day(toks)) or bool(
                _NUMERIC_DATE_RE.search(line)
            )
            if ":" in line or not _TIME_WORDS.isdisjoint(toks) or ".m." in line:
                has_time = bool(_CLOCK_RE.search(line))
        if ascii_line:
            commas = line.count(",")
            seps = line.count("|") + line.count(" / ")
            quoted = '"' in line
        else:
            commas = line.count(",") + line.count("،") + line.count("、")
            seps = sum(map(line.count, _SEPARATORS)) + line.count(" / ")
            quoted = _QUOTE_RE.search(line) is not None
        cov = cover[i]
        slot.append(eff <= 5 and "advertisement" in cov and _is_ad_slot(line))
        dated = (has_date or has_time) and eff <= _DATED_WORDS and not ends
        length_class = 0 if eff <= 3 else 1 if eff <= 10 else 2
        shapes.append(
            length_class * _SHAPE_CLASS
            + (_SHAPE_ENDS if ends else 0)
            + (_SHAPE_DATED if dated else 0)
        )
        if cov:
            covered = sum(cov.values())
            f = first[i]
            lex_start = 1.0 if f is not None and f[0] == start else 0.0
        else:
            covered = 0
            lex_start = 0.0
        rows.append(
            (
                log1p(eff),
                1.0 if eff <= 2 else 0.0,
                1.0 if eff <= 5 else 0.0,
                1.0 if eff <= 10 else 0.0,
                1.0 if eff >= 25 else 0.0,
                log1p(chars),
                nstop / nw if nw else 0.0,
                1.0 if nw >= 3 and nstop == 0 else 0.0,
                1.0 if ends else 0.0,
                1.0 if last == ":" else 0.0,
                1.0 if last.isalnum() else 0.0,
                upper / alpha if alpha else 0.0,
                caps / alpha if alpha else 0.0,
                digits / chars,
                symbols / chars,
                log1p(seps),
                1.0
                if ("http" in line or "www." in line or "@" in line) and _URL_RE.search(line)
                else 0.0,
                commas / nw if nw else 0.0,
                log1p(sentences + ends),
                1.0 if quoted else 0.0,
                1.0 if line[0].islower() else 0.0,
                1.0 if _MARKER_RE.match(line) else 0.0,
                1.0 if has_date else 0.0,
                1.0 if has_time else 0.0,
                1.0 if nw and tokens[a] in _BY_WORDS and nw <= 12 else 0.0,
                1.0 if last == ":" and nw <= 6 and _COMMENT_HEADER_RE.search(line) else 0.0,
                1.0
                if " " not in line
                and ("_" in line or line.count("-") >= 2)
                and _IDENTIFIER_RE.fullmatch(line)
                and _LOWER_RE.search(line)
                else 0.0,
                cjk / chars,
                log1p(seen[line] - 1),
                min(1.0, covered / chars),
                lex_start,
            )
        )
    return LineInfo(
        spans=lines,
        words=tuple(eff_words),
        features=tuple(rows),
        cover=tuple(cover),
        first_hit=tuple(None if f is None else f[1] for f in first),
        tokens=tokens,
        word_spans=tuple(word_spans),
        function_words=tuple(function_words),
        slot=tuple(slot),
        dated_run=tuple(_dated_runs(shapes)),
        statement=tuple(statement),
    )


def _dated_runs(shapes: Sequence[int]) -> list[bool]:
    """Which lines belong to a dated run: lines whose shapes (length class, sentence end,
    short dated line) repeat every 3 to 6 lines, at least three times over, each repeat
    holding a short dated line and a long one (:func:`_teaser_period`).

    A list of teasers (headline, author, "Monday March 2, 2026", lede), of stories
    with their age ("2H ago") or of comments (name, date, comment) is built that way; an
    article's paragraphs are not. On the tuning pages every such line is furniture. Long
    lines at the start of a run are left out of it: an item ends in its long line.
    Linear: for each period, one pass that jumps to the end of each run.
    """
    n = len(shapes)
    out = [False] * n
    for p in _RUN_PERIODS:
        i = 0
        while i < n:
            j = i
            while j + p < n and shapes[j] == shapes[j + p]:
                j += 1
            length = j + p - i  # lines i .. j + p - 1 repeat every p lines
            if length >= _RUN_REPEATS * p and _teaser_period(shapes[i : i + p]):
                # a teaser or a comment ends in its long line (the lede, the comment):
                # a long line at the run's start is the text above it (an article's
                # last paragraph, shaped like a lede)
                start = i
                while shapes[start] >= _SHAPE_LONG:
                    start += 1
                out[start : i + length] = [True] * (i + length - start)
            i = max(j, i + 1)
    return out


def _teaser_period(shapes: Sequence[int]) -> bool:
    """Whether one repeat of a run (the shapes of its lines) reads as a teaser or a
    comment: it holds a short dated line and a line of more than ten words, and it is
    not itself a shorter repeat (a timeline's date and sentence, twice over)."""
    p = len(shapes)
    if not any(s & _SHAPE_DATED for s in shapes) or not any(s >= _SHAPE_LONG for s in shapes):
        return False
    return not any(
        p % d == 0 and all(shapes[k] == shapes[k + d] for k in range(p - d)) for d in range(1, p)
    )


@dataclass(frozen=True, slots=True)
class Shape:
    """Per-line flags the span and insert features are built from."""

    logit: tuple[float, ...]  # line-model log-odds, clipped to [-8, 8] and divided by 4
    prose: tuple[bool, ...]  # a long line the line model calls article with confidence
    wall: tuple[bool, ...]  # mostly furniture phrases ("Related articles"), or opens with one
    short: tuple[bool, ...]  # five words or fewer
    sentence: tuple[bool, ...]  # four words or more, function words, ends like a sentence


_F = {name: k for k, name in enumerate(LINE_FEATURES)}

#: The words of a line, without the punctuation at its ends ("- Advertisement -").
_WORDED_RE = re.compile(r"\w(?:.*\w)?", re.DOTALL)


def _is_ad_slot(line: str) -> bool:
    """Whether a short ``line`` is an ad slot's bare label (lexicon ``ad_slot_labels``).

    Pages set these between the article's own paragraphs as well as after its end, so
    a slot line is always removed (an insert inside the span), the walk steps over it
    (:func:`extend`), and :func:`_from_core` counts slots crossed apart from the other
    walls, for the span models to weigh on their own.
    """
    words = _WORDED_RE.search(line)
    return words is not None and lexicon("ad_slot_labels").pattern.fullmatch(words[0]) is not None


#: Categories whose phrases open a box of furniture under them: a short heading that
#: starts with one ("Next Up In Science & Health", "Trending in Entertainment", "More
#: from Science", "Related coverage from the Money Desk:") is a wall, though its other
#: words are not furniture phrases ...
_OPENERS = frozenset({"related_links", "share_prompt", "newsletter", "comment_form"})
#: ... when it has at most this many words and no sentence end.
_OPENER_WORDS = 8


def shape(info: LineInfo, logits: Sequence[float]) -> Shape:
    """The flags of every line, from its features and line-model ``logits``."""
    z = tuple(max(-8.0, min(8.0, v)) / 4 for v in logits)
    cover = _F["lexicon_cover"]
    ends = _F["ends_sentence"]
    stop = _F["stopword_share"]
    at_start = _F["lexicon_at_start"]
    return Shape(
        logit=z,
        prose=tuple(v <= -0.5 and w >= 8 for v, w in zip(z, info.words, strict=True)),
        wall=tuple(
            row[cover] >= 0.5
            or (row[at_start] > 0 and w <= _OPENER_WORDS and not row[ends] and hit in _OPENERS)
            for row, w, hit in zip(info.features, info.words, info.first_hit, strict=True)
        ),
        short=tuple(w <= 5 for w in info.words),
        sentence=tuple(
            row[ends] > 0 and row[stop] >= 0.15 and w >= 4
            for row, w in zip(info.features, info.words, strict=True)
        ),
    )


def _after_colon(info: LineInfo, sh: Shape) -> list[float]:
    """For each line in a run of consecutive non-prose lines, whether the line before
    the run ends with a colon (a list the article announces: "The tour dates:");
    zero for prose lines."""
    colon = _F["ends_colon"]
    rows = info.features
    out = [0.0] * len(sh.prose)
    flag = 0.0
    for i, prose in enumerate(sh.prose):
        if prose:
            continue
        if i == 0 or sh.prose[i - 1]:
            flag = rows[i - 1][colon] if i > 0 else 0.0
        out[i] = flag
    return out


def span_rows(
    info: LineInfo, sh: Shape, core: tuple[int, int], lines: Iterable[int] | None = None
) -> list[tuple[float, ...]]:
    """Span features of the ``lines`` (default: all), given the article's ``core``.

    One value per name of the ``leak.`` half of :data:`SPAN_FEATURES`; the span
    models weigh them by regime (see :func:`regime_row`).
    """
    rows = SpanRows(info, sh, core)
    return [rows.row(i) for i in (range(len(sh.logit)) if lines is None else lines)]


class SpanRows:
    """The span features of any line of a text, given its ``core``: what every row
    needs is computed once, in a few passes over the lines; each row on demand
    (the walk away from the core usually stops long before the text's end)."""

    def __init__(self, info: LineInfo, sh: Shape, core: tuple[int, int]) -> None:
        self.info = info
        self.sh = sh
        self.core = core
        z = sh.logit
        n = len(z)
        # the first and last prose lines (a line has prose above it when it comes after
        # the first one); n and -1 when there is none
        prose = [i for i, p in enumerate(sh.prose) if p]
        self.first_prose = prose[0] if prose else n
        self.last_prose = prose[-1] if prose else -1
        zsum = [0.0, *accumulate(z)]
        # walls of the categories that usually open a page's tail, seen anywhere above
        tail_cats = ("copyright", "comment_form", "related_links", "share_prompt")
        seen_above: list[tuple[float, ...]] = []
        seen = [0.0] * len(tail_cats)
        for i in range(n):
            seen_above.append(tuple(seen))
            cov = info.cover[i]
            if sh.wall[i] or sum(cov.values()) >= 0.3 * (info.spans[i].end - info.spans[i].start):
                for k, c in enumerate(tail_cats):
                    if c in cov:
                        seen[k] = 1.0
        self.n = n
        self.zsum = zsum
        self.after_colon = _after_colon(info, sh)
        self.seen_above = seen_above
        self.from_core = _from_core(info, sh, core)
        first, last = core
        tokens = info.tokens
        self.vocab: set[str] = (
            set(tokens[info.word_spans[first][0] : info.word_spans[last][1]])
            if first >= 0
            else set()
        )
        self.shared_function = self.vocab & stopwords()

    def topic_overlap(self, i: int) -> float:
        """The share of line ``i``'s words other than function words that the core also
        uses. The article's paragraphs share names and topic words; a teaser for another
        story, a comment or a menu mostly does not. Zero for a line of function words only.
        """
        info = self.info
        a, b = info.word_spans[i]
        content = b - a - info.function_words[i]
        if content <= 0:
            return 0.0
        toks = info.tokens[a:b]
        hits = sum(map(self.vocab.__contains__, toks))
        return (hits - sum(map(self.shared_function.__contains__, toks))) / content

    def row(self, i: int) -> tuple[float, ...]:
        """Line ``i``'s span features (the names in :data:`SPAN_BASE`, in order)."""
        sh = self.sh
        z = sh.logit
        n = self.n
        zsum = self.zsum
        # windows of two and five lines either side, by prefix sums
        lo2 = i - 2 if i >= 2 else 0
        hi2 = i + 3 if i + 3 <= n else n
        lo5 = i - 5 if i >= 5 else 0
        hi5 = i + 6 if i + 6 <= n else n
        w2, c2 = zsum[hi2] - zsum[lo2], hi2 - lo2
        w5, c5 = zsum[hi5] - zsum[lo5], hi5 - lo5
        return (
            z[i],
            z[i - 1] if i > 0 else 0.0,
            z[i + 1] if i + 1 < n else 0.0,
            (w2 - z[i]) / (c2 - 1) if c2 > 1 else 0.0,
            (w5 - z[i]) / (c5 - 1) if c5 > 1 else 0.0,
            float(sh.wall[i]),
            float(sh.prose[i]),
            float(sh.sentence[i]),
            self.topic_overlap(i),
            *self.from_core[i],
            *self.seen_above[i],
            self.after_colon[i],
            0.0 if i < self.last_prose else 1.0,
            0.0 if i > self.first_prose else 1.0,
        )


def is_dump(core: tuple[int, int]) -> bool:
    """Whether a text whose core is ``core`` reads as a whole page dump."""
    return core[0] >= DUMP_HEAD_LINES


def regime_row(base: Sequence[float], dump: bool) -> tuple[float, ...]:
    """A :func:`span_rows` row spread over :data:`SPAN_FEATURES` (the fitting script's view)."""
    zeros = (0.0,) * len(base)
    return (1.0, *zeros, *base) if dump else (0.0, *base, *zeros)


def core_span(sh: Shape) -> tuple[int, int]:
    """The article's core: the first sure run of prose (``(-1, -1)`` for no lines).

    Each line weighs ``-(line log-odds + CORE_BIAS)``, so that only lines the line
    model calls article with some confidence pull a run along. Of the runs with a
    positive weight (each cut to its best segment), the core is the first that
    weighs at least :data:`CORE_SHARE` of the heaviest: a page's teasers, a comment
    thread or a second article further down may outweigh a short article, but they
    come after it. When no line leans to article, the line that leans least.
    """
    return first_strong_segment([4 * z for z in sh.logit], bias=CORE_BIAS, share=CORE_SHARE)


def first_strong_segment(
    logits: Sequence[float], *, bias: float = 0.0, share: float = 1.0, cap: float = 8.0
) -> tuple[int, int]:
    """The first run whose best segment weighs at least ``share`` of the heaviest one.

    A line weighs ``-(logit + bias)``, clipped to ``[-cap, cap]``. Runs are cut
    where the running sum falls to zero (Kadane's algorithm); each run's best
    segment is found in the same pass, so everything is linear. With
    ``share=1`` this is the single heaviest segment (:func:`best_segment`).
    """
    segments: list[tuple[float, int, int]] = []
    run = 0.0
    start = 0
    best = -math.inf
    span = (-1, -1)
    for i, z in enumerate(logits):
        w = -max(-cap, min(cap, z + bias))
        if run <= 0:
            if best > 0:
                segments.append((best, *span))
            run, start, best = w, i, -math.inf
        else:
            run += w
        if run > best:
            best, span = run, (start, i)
    if best > 0:
        segments.append((best, *span))
    if not segments:
        return best_segment(logits, bias=bias, cap=cap)
    top = max(s[0] for s in segments)
    for weight, first, last in segments:
        if weight >= share * top:
            return first, last
    raise AssertionError("unreachable: the heaviest segment qualifies")


#: How far a line is from the core counts up to this many lines, no further.
CORE_DISTANCE_CAP = 20


def _from_core(
    info: LineInfo, sh: Shape, core: tuple[int, int], *, strong: float = 1.0
) -> list[tuple[float, ...]]:
    """What lies between each line and the ``core``: how many walls and very
    furniture-like lines (line-model log-odds of 4 or more), in log counts, how far
    it is (log lines, up to :data:`CORE_DISTANCE_CAP`), and how many ad slots (log
    count; a slot is not counted as a wall or a strong line). Zeros for the core's
    own lines.

    The distance is capped because the tail model weighs it towards the article (a
    long article's later paragraphs lie far below a core that is its first run of
    prose): uncapped, that weight grew with every line, and a long run of furniture
    far down (a teaser list of headlines and time stamps) no longer stopped the walk.
    """
    n = len(sh.logit)
    first, last = core
    out: list[tuple[float, ...]] = [(0.0,) * 4] * n
    log1p = math.log1p
    cap = CORE_DISTANCE_CAP
    for direction in (-1, 1):
        start = first - 1 if direction < 0 else last + 1
        stop = -1 if direction < 0 else n
        edge = first if direction < 0 else last
        walls = strong_lines = slots = 0
        for i in range(start, stop, direction):
            out[i] = (
                log1p(walls),
                log1p(strong_lines),
                log1p(min(abs(i - edge), cap)),
                log1p(slots),
            )
            if info.slot[i]:
                slots += 1
            else:
                walls += sh.wall[i]
                strong_lines += sh.logit[i] >= strong
    return out


def extend(
    core: tuple[int, int],
    up: Sequence[float],
    down: Sequence[float],
    *,
    up_bias: float = 0.0,
    down_bias: float = 0.0,
    drawdown: float = math.inf,
    cap: float = 8.0,
    skip: Sequence[bool] | None = None,
) -> tuple[int, int]:
    """Grow the ``core`` into the article span, up and down, each side on its own.

    ``up`` and ``down`` hold, for every line, the log-odds that it lies outside
    the article (only lines above, respectively below, the core are read). Going
    away from the core, each line adds ``-(logit + bias)`` (clipped to
    ``[-cap, cap]``) to a running sum; the span reaches the line where the sum
    peaks: the most probable head and tail, given that the core is article. The
    walk stops once the sum has fallen ``drawdown`` below its peak, so that a
    strong wall ("Related articles", a copyright line) is not crossed to reach
    prose-like teasers beyond it. Lines flagged in ``skip`` (ad slots: removed
    wherever they are, and set inside articles as well as after them) add nothing.
    """
    first, last = core
    if skip is None:
        skip = [False] * len(up)
    best = acc = 0.0
    start = first
    for i in range(first - 1, -1, -1):
        if skip[i]:
            continue
        acc -= max(-cap, min(cap, up[i] + up_bias))
        if acc > best:
            best, start = acc, i
        elif best - acc > drawdown:
            break
    best = acc = 0.0
    end = last
    for i in range(last + 1, len(down)):
        if skip[i]:
            continue
        acc -= max(-cap, min(cap, down[i] + down_bias))
        if acc > best:
            best, end = acc, i
        elif best - acc > drawdown:
            break
    return start, end


def best_segment(
    logits: Sequence[float], *, bias: float = 0.0, cap: float = 8.0
) -> tuple[int, int]:
    """The heaviest run of lines: ``[first, last]`` maximising the sum of
    ``-(logit + bias)``, each term clipped to ``[-cap, cap]`` (Kadane's algorithm,
    one pass).

    With ``logits`` log-odds that each line is furniture, it is the run most
    likely to be article, taken as a whole. There is always one: when no line
    leans to article, the line that leans least. ``(-1, -1)`` for no lines.
    """
    best = -math.inf
    span = (-1, -1)
    run = 0.0
    start = 0
    for i, z in enumerate(logits):
        w = -max(-cap, min(cap, z + bias))
        if run <= 0:
            run, start = w, i
        else:
            run += w
        if run > best:
            best, span = run, (start, i)
    return span


def insert_rows(
    info: LineInfo, sh: Shape, first: int, last: int, lines: Iterable[int] | None = None
) -> list[tuple[float, ...]]:
    """:data:`INSERT_FEATURES` of the ``lines`` (default: all) of the span ``first..last``."""
    z = sh.logit
    n = len(z)
    out: list[tuple[float, ...]] = []
    for i in range(first, last + 1) if lines is None else lines:
        lo = max(0, i - 2)
        hi = min(n, i + 3)
        others = hi - lo - 1
        window = (sum(z[lo:hi]) - z[i]) / others if others else 0.0
        out.append(
            (
                z[i],
                z[i - 1] if i > 0 else 0.0,
                z[i + 1] if i + 1 < n else 0.0,
                window,
                float(sh.wall[i]),
                float(sh.short[i]),
                float(sh.prose[i]),
                math.log1p(i - first),
                math.log1p(last - i),
            )
        )
    return out


#: A dateline on a line of its own: a place in capitals, then optionally a region,
#: a date and an agency, and a dash ("LONDON, March 3 (Reuters) -", "KYIV, Ukraine —").
_DATELINE_RE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’.\- ]{1,40}"
    r"(?:,[ ]?[A-Z][\w'’.\- ]{1,40})?"
    r"(?:[, ][ ]?\d{1,2}[ ]?\w{3,9}\.?(?:[ ]\d{4})?|[, ][ ]?\w{3,9}\.?[ ]\d{1,2}(?:,[ ]\d{4})?)?"
    r"(?:[ ]?\([^()\n]{1,40}\))?"
    r"[ ]?[-–—:]?"
)
#: A lone title line above the article stays when it is at most this many words.
TITLE_WORDS = 25
#: A sentence below the span joins it unless furniture phrases cover this share of it.
_GUARD_COVER = 0.25
#: A heading below the span ("The Doobie Brothers Tour Dates") joins it with the list it
#: heads when it has at most this many words ...
_HEADING_WORDS = 10
#: ... and at least this share of its words other than function words are the span's.
_HEADING_SHARE = 0.5
#: A short heading below the span joins it with the sentence under it when at least this
#: share of the sentence's words other than function words are the span's: a subheading
#: ("Share prices tumble", "Latest figures") is not the end of the article, even when it
#: opens with a furniture phrase and the walk stopped at it.
_PARAGRAPH_SHARE = 0.2
#: Items of one list differ by at most this much in log word count.
_LIST_WORDS = 0.5
#: Sure prose: line-model log-odds of -3 or less (``Shape.logit`` is a quarter of it) ...
_SURE_PROSE = -0.75
#: ... on a line of at least this many words.
_SURE_WORDS = 12


#: A wall below the core ends the article unless a line under it, down to the span's
#: end, is article text (hardly covered by furniture phrases): a paragraph of sure
#: prose, or prose or a sentence with at least this share of its words other than
#: function words used in the span above the wall.
_CUT_SHARE = 0.4
#: Walls of these categories sit inside articles (a photo credit, an ad label, a
#: byline over the text) and end nothing.
_INLINE_WALLS = frozenset({"image_credit", "advertisement", "byline"})


def _sure_prose(info: LineInfo, sh: Shape, k: int) -> bool:
    """Whether line ``k`` is a paragraph of sure prose (:data:`_SURE_PROSE`,
    :data:`_SURE_WORDS`)."""
    return sh.logit[k] <= _SURE_PROSE and info.words[k] >= _SURE_WORDS


def _share_in(info: LineInfo, k: int, words: set[str]) -> float:
    """The share of line ``k``'s words other than function words found in ``words``
    (0 for a line of function words only)."""
    a, b = info.word_spans[k]
    stop = stopwords()
    own = [t for t in info.tokens[a:b] if t not in stop]
    return sum(t in words for t in own) / len(own) if own else 0.0


def wall_cut(info: LineInfo, sh: Shape, core: tuple[int, int], first: int, last: int) -> int:
    """The span ``first..last``'s last line, cut above the first wall below the core
    that has no article text under it.

    The tail walk may cross a wall ("Related articles", "Next Up In Science &
    Health", a share bar) when the teasers under it read like article lines (a whole
    dump's walk is lenient, to cross the boxes set inside its article); a box inside
    an article has more of the article under it, a paragraph of sure prose or lines
    in the article's words. Comments share the article's words too, so nothing under
    a comment-form wall counts. A line in the article's words counts only when it ends
    with a full stop (``LineInfo.statement``): the boxes of related stories under a
    wall ("You may also like...") hold headlines on the article's own topic, which end
    with none or with a question mark. Each line of a dated run (teasers or comments, each
    with its date: :func:`_dated_runs`) is a wall too; under it only a line in the
    article's words counts, since a teaser's lede is often sure prose. Linear: the
    span's words are gathered once, top down, and each line is looked at from at most
    one wall.
    """
    if last <= core[1]:
        return last
    cover = _F["lexicon_cover"]
    feats = info.features
    tokens = info.tokens
    spans = info.word_spans
    words: set[str] = set(tokens[spans[first][0] : spans[core[1]][1]])
    added = core[1] + 1  # lines above this one have their words in `words`
    i = core[1] + 1
    runs = info.dated_run
    while i <= last:
        if not (sh.wall[i] or runs[i]) or info.slot[i]:
            i += 1
            continue
        run_only = not sh.wall[i]  # a line of a dated run, not a wall of phrases
        category = None if run_only else line_category(info, i)
        if category in _INLINE_WALLS:
            i += 1
            continue
        while added < i:
            words.update(tokens[spans[added][0] : spans[added][1]])
            added += 1
        found = -1
        if category != "comment_form":
            for j in range(i + 1, last + 1):
                if feats[j][cover] >= _GUARD_COVER:
                    continue
                if not run_only and _sure_prose(info, sh, j):
                    found = j  # a paragraph of sure prose
                    break
                if (
                    (sh.prose[j] or sh.sentence[j])
                    and info.statement[j]
                    and _share_in(info, j, words) >= _CUT_SHARE
                ):
                    found = j
                    break
        if found < 0:
            return i - 1
        i = found + 1
    return last


#: The span's first line moves below a date stamp or photo credit among this many
#: lines at its top ...
_STAMP_DEPTH = 5
#: ... above the first paragraph of sure prose or prose line of this many words ...
_STAMP_PROSE_WORDS = 20
#: ... when a date stamp has at most this many words ...
_STAMP_WORDS = 12
#: ... and the lines it would drop hold at most this many dated lines.
_STAMP_DATED = 2


def _dated(row: Sequence[float]) -> bool:
    """Whether a line's feature ``row`` says it holds a date or a clock time."""
    return bool(row[_F["has_date"]] or row[_F["has_time"]])


def byline_shaped(row: Sequence[float]) -> bool:
    """Whether a line's feature ``row`` reads like a byline or a date stamp: it holds a
    date or a clock time, or opens with "By"."""
    return _dated(row) or bool(row[_F["starts_by"]])


def _stamp(text: str, info: LineInfo, sh: Shape, k: int) -> bool:
    """Whether line ``k`` is a date stamp ("Updated 9:14 pm CST, Friday, March 6, 2026")
    or a photo credit ("Photo: Jane Roe/Harbour Ledger"), not a sentence or a dateline
    ("BRUSSELS, March 3 (Reuters) -")."""
    row = info.features[k]
    if sh.prose[k] or row[_F["ends_sentence"]]:
        return False
    dated = _dated(row) and info.words[k] <= _STAMP_WORDS
    if not (dated or line_category(info, k) == "image_credit"):
        return False
    s, e = info.spans[k]
    return not _DATELINE_RE.fullmatch(text, s, e)


def stamp_cut(text: str, info: LineInfo, sh: Shape, first: int, last: int) -> int:
    """The span ``first..last``'s first line, moved below the last date stamp or photo
    credit (:func:`_stamp`) near its top.

    An article's body starts under its header: headline, standfirst, byline, the
    publication date and the lead photo's caption and credit. Where the walk up took
    the header in, the stamp or credit at its foot marks where the body starts: it
    is looked for among the span's top :data:`_STAMP_DEPTH` lines above its first
    paragraph of prose, and the lines above it go too. A dated list at the top (more
    than :data:`_STAMP_DATED` dated lines to drop) is the article's and stays.
    """
    if first < 0:
        return first
    start = first
    for k in range(first, min(first + _STAMP_DEPTH, last)):
        if _sure_prose(info, sh, k) or (sh.prose[k] and info.words[k] >= _STAMP_PROSE_WORDS):
            break
        if _stamp(text, info, sh, k):
            start = k + 1
    dated = sum(1 for k in range(first, start) if _dated(info.features[k]))
    return first if dated > _STAMP_DATED else start


def settled(
    text: str, info: LineInfo, sh: Shape, core: tuple[int, int], first: int, last: int
) -> tuple[int, int]:
    """A walked span after the guards (:func:`guarded`), the header's stamp or credit
    (:func:`stamp_cut`) and the wall cut (:func:`wall_cut`), in that order: how both the
    classifier and the fitting script finish a span.

    Last, the span takes in the runs of wordless lines (a rule of underscores, a
    row of stars) right above and below it: such a line says nothing of which side
    it belongs to, so it goes only with furniture on both sides of it.
    """
    first, last = guarded(text, info, sh, first, last)
    first = stamp_cut(text, info, sh, first, last)
    last = wall_cut(info, sh, core, first, last)
    if first < 0:
        return first, last
    words = info.words
    while first > 0 and not words[first - 1]:
        first -= 1
    while last + 1 < len(words) and not words[last + 1]:
        last += 1
    return first, last


def line_category(info: LineInfo, i: int) -> str | None:
    """The lexicon category covering most of line ``i`` (``None`` without a hit); a tie
    goes to the category listed first."""
    cover = info.cover[i]
    if not cover:
        return None
    return max(cover, key=lambda c: (cover[c], -LEXICON_CATEGORIES.index(c)))


def guarded(text: str, info: LineInfo, sh: Shape, first: int, last: int) -> tuple[int, int]:
    """The span after the guards that keep real text at its edges.

    * Two or more consecutive paragraphs of sure prose above the span join it, with
      everything between: an article's first part cut off from the rest by an
      embedded post or a photo gallery is still the article (the insert model then
      removes what is furniture in between). Sentences right above a part so joined
      (as below the span: see the fourth point) join it too, and so on up.
    * A dateline right above the span ("BRUSSELS, March 3 (Reuters) -") joins it.
    * A lone title line at the very top, right above the span, joins it: a
      clean article's headline is not leakage (no lexicon hit, no date, no "By").
    * A sentence right below the span (four words or more, function words,
      sentence punctuation, furniture phrases covering less than a quarter of
      it) joins it, and so on down: a short real last paragraph ("The council
      meets again in June.").
    * A line right below the span that continues a list the span ends with (the
      span's last two lines and it read as items of one list, see
      :func:`_list_items`) joins it, and so on down: the article's tour dates or
      table rows are not cut in the middle. A list announced with a colon ("The night
      bus timetable from March:") on the span's last line joins from its first item;
      once the span holds the announcing line, the list goes on while each next line
      reads as an item of it (beside its first item, and about as long as some item
      so far). A heading in the article's own words right below the span ("The
      Doobie Brothers Tour Dates", see ``heading``) announces the list of three or
      more items under it the same way; a heading in other words ("Next Up In
      Music") over a run of teasers does not.
    * A short heading right below the span (``subheading``) joins it with the
      sentence under it when the sentence is in the article's words (a fifth of
      its words other than function words are the span's), and the sentence
      guard above goes on from there: the walk stops at a subheading that looks
      like furniture ("Latest figures"), but the article goes on under it.
    * Two consecutive paragraphs of sure prose below the span, each in the
      article's words (as for a subheading), join it with everything between,
      unless a wall comes first: the walk stops at a list of one-word items
      ("cabbage", "leeks", "peas") in a short article, and the article goes on
      under it. Comments and teasers sit under a wall.
    """
    if first < 0:
        return first, last
    rows = info.features
    cover = _F["lexicon_cover"]
    colon = _F["ends_colon"]
    ends = _F["ends_sentence"]

    def sentence(k: int) -> bool:  # a sentence that furniture phrases hardly cover
        return sh.sentence[k] and rows[k][cover] < _GUARD_COVER

    def announces(k: int) -> bool:  # ends with a colon, not furniture ("The tour dates:")
        return bool(rows[k][colon]) and not sh.wall[k] and rows[k][cover] < _GUARD_COVER

    span_words: set[str] = set()  # the words of the span's lines above line `upto`
    upto = first

    def span_share(k: int) -> float:  # the share of line k's own words the span uses
        nonlocal upto
        if upto <= last:  # the span's words, added once each (the span only grows down)
            span_words.update(info.tokens[info.word_spans[upto][0] : info.word_spans[last][1]])
            upto = last + 1
        return _share_in(info, k, span_words)

    def heading(k: int) -> bool:  # a heading in the article's words over a list of items
        return (
            k + 3 < n
            and not sh.prose[k]
            and rows[k][cover] < _GUARD_COVER
            and not rows[k][ends]
            and info.words[k] <= _HEADING_WORDS
            and _list_items(text, info, sh, k + 1, k + 2)
            and _list_items(text, info, sh, k + 2, k + 3)
            and span_share(k) >= _HEADING_SHARE
        )

    def subheading(k: int) -> bool:  # a heading over a paragraph in the article's words
        return (
            k + 1 < n
            and not sh.prose[k]
            and not rows[k][ends]
            and info.words[k] <= _HEADING_WORDS
            and sentence(k + 1)
            and span_share(k + 1) >= _PARAGRAPH_SHARE
        )

    def prose_below(k: int) -> int:  # the second of two sure paragraphs from k on, or -1
        run = 0
        for j in range(k, n):
            if sh.wall[j] and not info.slot[j]:
                return -1
            if _sure_prose(info, sh, j) and span_share(j) >= _PARAGRAPH_SHARE:
                run += 1
                if run >= 2:
                    return j
            else:
                run = 0
        return -1

    run = 0
    joined = False  # whether sure prose above the span has joined it
    for i in range(first - 1, -1, -1):
        if _sure_prose(info, sh, i):
            run += 1
            if run >= 2:
                first = i
                joined = True
                continue
        else:
            run = 0
        if joined and i == first - 1 and sentence(i):
            first = i
    while first > 0:
        s, e = info.spans[first - 1]
        if not _DATELINE_RE.fullmatch(text, s, e):
            break
        first -= 1
    if first == 1 and not info.cover[0] and info.words[0] <= TITLE_WORDS:
        row = rows[0]
        if not byline_shaped(row):
            first = 0
    n = len(rows)
    upto = first  # the span's first line, once the guards above have moved it
    # the first item of a list announced with a colon that the span ends in ("The tour
    # dates:" and its first items), or -1
    announced = -1
    lw = _F["log_words"]
    r = last
    while r > first and not (sh.prose[r] or sh.wall[r] or rows[r][colon]):
        r -= 1
    words = (0.0, 0.0)  # the least and most log words of the announced list's items so far
    if r < last and announces(r):
        announced = r + 1
        items = [rows[k][lw] for k in range(announced, last + 1)]
        words = (min(items), max(items))
    while last + 1 < n:
        nxt = last + 1
        if sentence(nxt) or (
            last - 1 >= first
            and _list_items(text, info, sh, last - 1, last)
            and _list_items(text, info, sh, last, nxt)
        ):
            last = nxt
            if sh.prose[nxt]:
                announced = -1  # the list has ended
        elif announces(last) and not sh.wall[nxt] and rows[nxt][cover] < _GUARD_COVER:
            last = announced = nxt
            words = (rows[nxt][lw], rows[nxt][lw])
        elif subheading(nxt):  # the heading and the paragraph under it
            last = nxt + 1
            announced = -1
        elif announced < 0 and heading(nxt):  # the heading and its first item
            last = announced = nxt + 1
            words = (rows[last][lw], rows[last][lw])
        elif announced >= 0 and _list_items(text, info, sh, announced, nxt, words):
            last = nxt
            words = (min(words[0], rows[nxt][lw]), max(words[1], rows[nxt][lw]))
        elif (far := prose_below(nxt)) >= 0:  # two sure paragraphs further down
            last = far
            announced = -1
        else:
            break
    return first, last


def _list_items(
    text: str, info: LineInfo, sh: Shape, i: int, j: int, words: tuple[float, float] | None = None
) -> bool:
    """Whether lines ``i`` and ``j`` read as items of one list (tour dates, a table's rows).

    Neither is prose or a wall of furniture phrases; both have about the same
    number of words (within a factor of about 1.6; with ``words``, the least and
    most log words of the list's items so far, ``j`` within that factor of the
    range), start with the same kind of character (capital, small letter, digit,
    other), and agree on sentence punctuation at the end and on holding a date.
    """
    if sh.prose[i] or sh.prose[j] or sh.wall[i] or sh.wall[j]:
        return False
    a, b = info.features[i], info.features[j]
    f = _F
    if a[f["lexicon_cover"]] >= _GUARD_COVER or b[f["lexicon_cover"]] >= _GUARD_COVER:
        return False
    low, high = words or (a[f["log_words"]], a[f["log_words"]])
    if not low - _LIST_WORDS <= b[f["log_words"]] <= high + _LIST_WORDS:
        return False
    for name in ("ends_sentence", "has_date"):
        if a[f[name]] != b[f[name]]:
            return False
    return _initial_kind(text[info.spans[i].start]) == _initial_kind(text[info.spans[j].start])


def _initial_kind(c: str) -> int:
    """0 for a capital, 1 for a small letter, 2 for a digit, 3 for anything else."""
    return 0 if c.isupper() else 1 if c.islower() else 2 if c.isdigit() else 3
