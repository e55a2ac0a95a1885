"""Hedging and boosting: how sure the reporter sounds, in their own voice.

A hedge ("may", "perhaps", "it is unclear", "reportedly") withholds full
commitment to a claim; a booster ("clearly", "undoubtedly", "proves") insists on
it (Hyland 2005). The signal counts hedges per 100 words **in the reporter's own
voice**. Every cue found lands in one of these places:

* **own**: outside quotation marks, and not inside a sentence that reports what a
  source said. Evidential hedges ("reportedly", "allegedly", "it is believed") are
  always the reporter's own when outside quotes: they mark the reporter's
  distance from a claim even in "the minister reportedly said".
* **attributed**: in a sentence with a verb of saying or "according to" ("the
  ministry said costs could rise"): the doubt is the source's, passed on.
* **quoted**: inside quotation marks (as the core's ``Document.quotes`` decides).

Rules for look-alikes (each has a count in the details):

* "May" with a capital is the month or a name ("in May", "Theresa May"), except in
  a line written in title case; "may" in lower case is the modal verb.
* "might" after a determiner or before "of" is the noun ("military might").
* "could" is **not** counted as speculation when its sentence states a condition
  (if, unless, provided, as long as) or a framework ("under the plan", "under the
  law"): "the plan could be approved if parliament agrees" says what a rule
  allows, not what the reporter guesses. The same framework rule applies to "may"
  ("under the rules, officers may cross"). "could not"/"couldn't" and "could"
  before a verb of perception ("could see") are past ability, not hedges.
* Look-alike phrases ("as soon as possible", "clearly visible") are listed in the
  lexicons with weight 0 and win over the cue inside them.
* A booster after a negation ("not necessarily", "isn't clearly") is counted as
  a negated booster, not as a booster.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from .._lexicon import Hit
from ..document import Document
from ..profile import Detail, Evidence, Signal
from ._common import per_words
from ._tone import Voices, any_between, lexicon_weights, sentence_bounds
from .boilerplate import in_furniture

SIGNALS = ("hedging",)

#: Words that open a condition: a "could" in their sentence is a conditional plan.
_CONDITIONS = frozenset(["if", "unless", "provided", "providing"])
#: "under the <framework>": a "could"/"may" in that sentence says what the framework allows.
_FRAMEWORKS = frozenset(
    """plan plans deal agreement accord law laws rules rule proposal proposals scheme bill
    terms treaty regulation regulations policy programme program arrangement system
    constitution legislation contract""".split()
)
#: Verbs of perception after "could": past ability ("residents could see smoke").
_PERCEPTION = frozenset("see hear feel smell sense watch".split())
#: Words before "might" that make it the noun.
_MIGHT_NOUN_BEFORE = frozenset(
    """the its their his her our my your military economic naval financial industrial
    full all with whose""".split()
)
_NEGATORS = frozenset("not never no hardly scarcely barely nor neither".split())
#: Punctuation that stops a look-back for negation or a look-around for context.
_CLAUSE_STOPS = frozenset(".!?;:")


def _title_case_line(doc: Document, i: int) -> bool:
    """Whether token ``i`` sits in a line written in title case (a subheading).

    Cheap first: in a title-case line the next word is capitalised too.
    """
    if i + 1 >= len(doc.words):
        return False
    after = doc.words[i + 1][0]
    if not doc.text[after].isupper():
        return False
    line = doc.line_at(doc.words[i][0])
    if line is None:
        return False
    words = [w for w in doc.text[line.start : line.end].split() if w[:1].isalpha()]
    if not 2 <= len(words) <= 20:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _prev_tokens(doc: Document, i: int, n: int) -> list[str]:
    """Up to ``n`` tokens before token ``i``, nearest first, stopping at clause punctuation."""
    out: list[str] = []
    text, words, tokens = doc.text, doc.words, doc.tokens
    k = i - 1
    while k >= 0 and len(out) < n:
        gap = text[words[k][1] : words[k + 1][0]]
        if any(c in _CLAUSE_STOPS for c in gap):
            break
        out.append(tokens[k])
        k -= 1
    return out


def _next_token(doc: Document, i: int) -> str | None:
    """The token after token ``i`` if nothing but spaces separates them."""
    if i + 1 >= len(doc.tokens):
        return None
    gap = doc.text[doc.words[i][1] : doc.words[i + 1][0]]
    return doc.tokens[i + 1] if not gap.strip() else None


class _Sentences:
    """Facts about the sentences of one document, each worked out once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.speech = [h.start for h in doc.hits["reported_speech"]]
        self._frames: dict[int, tuple[bool, bool]] = {}

    def attributed(self, pos: int) -> bool:
        """Whether the sentence at ``pos`` has a verb of saying or "according to"."""
        lo, hi = sentence_bounds(self.doc, pos)
        return any_between(self.speech, lo, hi)

    def frame(self, pos: int) -> tuple[bool, bool]:
        """Whether the sentence at ``pos`` names a framework ("under the plan") and
        whether it states a condition (if, unless, provided, as long as)."""
        lo, hi = sentence_bounds(self.doc, pos)
        found = self._frames.get(lo)
        if found is None:
            starts = self.doc.word_starts
            toks = self.doc.tokens[bisect_left(starts, lo) : bisect_left(starts, hi)]
            framed = "under" in toks and any(
                t == "under"
                and toks[k + 1 : k + 2] in (["the"], ["a"], ["an"], ["this"], ["its"])
                and not _FRAMEWORKS.isdisjoint(toks[k + 2 : k + 4])  # "the new plan"
                for k, t in enumerate(toks)
            )
            conditional = not _CONDITIONS.isdisjoint(toks) or (
                "long" in toks
                and any(toks[k - 1 : k + 2] == ["as", "long", "as"] for k in _where(toks, "long"))
            )
            found = self._frames[lo] = (framed, conditional)
        return found


def _where(toks: list[str], word: str) -> list[int]:
    return [k for k, t in enumerate(toks) if t == word]


def _modal_exclusion(doc: Document, hit: Hit, sents: _Sentences) -> str | None:
    """Why a modal-verb hit is not a hedge (a details key), or ``None`` if it is one."""
    word = hit.entry
    if word not in ("may", "might", "could"):
        return None
    i = hit.first
    surface = doc.text[hit.start : hit.end]
    nxt = _next_token(doc, i)
    if word == "may":
        if surface[0] == "M" and surface != "MAY" and not _title_case_line(doc, i):
            return "may_month_or_name"
        if nxt is not None and nxt[0].isdigit():
            return "may_month_or_name"
    elif word == "might":
        prev = _prev_tokens(doc, i, 1)
        if (prev and prev[0] in _MIGHT_NOUN_BEFORE) or nxt == "of":
            return "might_noun"
    elif nxt in ("not", "never", "barely", "hardly", "only") or nxt in _PERCEPTION:
        return "could_ability"
    if word != "might":
        framed, conditional = sents.frame(hit.start)
        if framed or (word == "could" and conditional):
            return "modal_conditional"
    return None


def _negated(doc: Document, hit: Hit) -> bool:
    prev = _prev_tokens(doc, hit.first, 2)
    return any(t in _NEGATORS or t.endswith("n't") for t in prev)


def extract(doc: Document) -> Mapping[str, Signal]:
    """``hedging``: hedges per 100 words in the reporter's own voice.

    Examples
    --------
    >>> from reliability.document import Document
    >>> doc = Document('The deal may collapse. "It might," she said. Talks resume in May.')
    >>> s = extract(doc)["hedging"]
    >>> [e.text for e in s.evidence], s.details["hedges_quoted"]
    (['may'], 1)
    """
    hits = doc.hits
    text = doc.text
    sents = _Sentences(doc)
    voices = Voices(doc)
    in_quote = voices.quoted if voices.any else None
    excluded = {
        "may_month_or_name": 0,
        "might_noun": 0,
        "could_ability": 0,
        "modal_conditional": 0,
        "furniture": 0,
    }

    own: list[Evidence] = []
    h_attr = h_quoted = 0
    inside = in_furniture(doc)  # page furniture is nobody's voice: left out
    weights = lexicon_weights("hedges")
    cues = [(h, "hedge") for h in hits["hedges"] if weights.get(h.entry, 1.0) > 0]
    cues += [(h, "evidential") for h in hits["hedges_evidential"]]
    cues.sort(key=lambda c: c[0].start)
    last_end = -1
    for h, kind in cues:
        if h.start < last_end:  # an evidential phrase overlapping a plain hedge
            continue
        why = _modal_exclusion(doc, h, sents) if kind == "hedge" else None
        if why is not None:
            excluded[why] += 1
            continue
        last_end = h.end
        if inside is not None and inside(h.start):
            excluded["furniture"] += 1
            continue
        if in_quote is not None and in_quote(h.start):
            h_quoted += 1
        elif kind == "hedge" and sents.attributed(h.start):
            h_attr += 1
        else:
            own.append(Evidence(h.start, h.end, text[h.start : h.end], kind))

    b_own = b_attr = b_quoted = b_negated = 0
    weights = lexicon_weights("boosters")
    for h in hits["boosters"]:
        if weights.get(h.entry, 1.0) <= 0:
            continue
        if _negated(doc, h):
            b_negated += 1
        elif in_quote is not None and in_quote(h.start):
            b_quoted += 1
        elif sents.attributed(h.start):
            b_attr += 1
        else:
            b_own += 1

    words = doc.word_count
    details: dict[str, Detail] = dict(excluded)
    details.update(
        {
            "hedges_own": len(own),
            "hedges_evidential": sum(1 for e in own if e.kind == "evidential"),
            "hedges_attributed": h_attr,
            "hedges_quoted": h_quoted,
            "hedges_quoted_per_100_words": per_words(h_quoted, words, 100),
            "boosters_own": b_own,
            "boosters_attributed": b_attr,
            "boosters_quoted": b_quoted,
            "boosters_negated": b_negated,
            "boosters_per_100_words": per_words(b_own, words, 100),
        }
    )
    return {"hedging": Signal(per_words(len(own), words, 100), tuple(own), details)}
