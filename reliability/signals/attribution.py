"""Attribution: who is speaking — named sources, anonymous ones, vague ones.

Each speech cue (a reporting verb, or "according to") is paired with its source,
looked for before the cue ("Schoof noted", "a senior official, who asked not to be
named, said") or after it ("said Keir Starmer", "according to NATO"). The source
phrase is then classified by its head word:

* a proper name ("Starmer", "NATO", "Prime Minister Dick Schoof") is **named**;
* a role noun without a name ("a senior EU diplomat", "officials", "sources")
  is **anonymous**, *explained* when the sentence says why ("who spoke on condition
  of anonymity") and *bare* otherwise;
* an unspecified group ("critics", "some", "analysts") or an agentless passive
  ("it is widely believed") is **vague**.

Pronouns ("he said") and definite descriptions ("the minister said") refer back to
someone already introduced, so they count as none of these.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass

from .. import _lexicon
from ..document import Document, Span
from ..profile import Evidence, Signal
from ._common import evidence, per_words

SIGNALS = (
    "named_attribution",
    "anonymous_attribution",
    "anonymous_explained",
    "anonymous_bare",
    "vague_attribution",
    "anonymous_share",
)

_PRONOUNS = frozenset("""he she they it we i you who which this that these those one""".split())
_DEFINITE = frozenset(
    ["the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your"]
)
_STOP = frozenset(
    """that and but or when while as if because where so than then though although after
    before since until unless whether what how why however meanwhile also""".split()
)
_AUX = frozenset(
    """has have had also previously later repeatedly once recently is was were are been be
    will would could may might shall should can reportedly publicly privately separately
    further then too already earlier long often always never not has subsequently
    initially first last yesterday today""".split()
)
_PREPS = frozenset(["for", "of", "at", "from", "with", "in", "close", "to", "within", "inside"])
_PARTICLES = frozenset("""von van der de den du da di la le al bin ibn del della dos""".split())
_RELATIVE_TAIL = re.compile(r",\s*(?:who|which|whose|whom)\b[^,]{0,200},\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Source:
    kind: str  # named | anonymous | vague | other
    start: int
    end: int


Phrase = list[int]  # token indices


def _classify(doc: Document, phrase: Phrase, sentence_start: int) -> str:
    """Classify a source phrase by its head word."""
    if not phrase:
        return "other"
    roles = _lexicon.load("role_nouns").words
    vague = _lexicon.load("vague_subjects").words
    lowered = [doc.tokens[k] for k in phrase]
    head = len(phrase) - 1
    for i in range(
        len(phrase) - 1
    ):  # "a spokesperson for the ministry": head before the preposition
        if lowered[i + 1] in _PREPS and (lowered[i] in roles or lowered[i] in vague):
            head = i
            break
    start, end = doc.words[phrase[head]]
    word = doc.text[start:end]
    low = lowered[head]
    if low in _PRONOUNS and head == 0:
        return "other"
    if low in roles:
        before = lowered[:head]
        if (
            before
            and before[0] in _DEFINITE
            and "unnamed" not in before
            and "anonymous" not in before
        ):
            return "other"
        if not before and not low.endswith(("s", "people", "men", "women")):
            return "other"  # headline style, "minister says": a bare singular is not a source
        return "anonymous"
    if low in vague and not any(doc.text[doc.words[k][0]].isupper() for k in phrase[head + 1 :]):
        return "vague"
    if word[0].isupper():
        if start == sentence_start and len(phrase) == 1 and low in _PRONOUNS | _DEFINITE | _STOP:
            return "other"
        return "named"
    return "other"


def _gap(doc: Document, a: int, b: int) -> str:
    """The text between word ``a`` and word ``b``."""
    return doc.text[doc.words[a][1] : doc.words[b][0]]


def _forward(doc: Document, first: int, limit: int) -> Phrase:
    """The noun phrase right after a cue: "said a senior EU diplomat, who ..."."""
    out: Phrase = []
    words = doc.words
    if first >= len(words) or words[first][0] >= limit:
        return out
    lead = doc.text[words[first - 1][1] if first else 0 : words[first][0]]
    if any(ch in lead for ch in ',;:()“”"\n'):
        return out
    k = first
    while k < len(words) and words[k][0] < limit and len(out) < 8:
        if out:
            gap = _gap(doc, k - 1, k)
            if any(ch in gap for ch in ',;:()“”"\n') or gap.strip(" .-"):
                break
            low = doc.tokens[k]
            if low in _STOP or (low in _PREPS and low != "of" and low not in _PARTICLES):
                if low in _PREPS:
                    out.append(k)  # keep the preposition so the head is found
                break
        out.append(k)
        k += 1
    while out and doc.tokens[out[-1]] in _PREPS:
        out.pop()
    return out


def _backward(doc: Document, sentence_start: int, cue: int) -> Phrase:
    """The noun phrase right before a cue, skipping auxiliaries and a relative clause."""
    words = doc.words
    cue_start = words[cue][0]
    window_start = max(sentence_start, cue_start - 300)
    rel = _RELATIVE_TAIL.search(doc.text, window_start, cue_start)
    end = rel.start() if rel else cue_start
    k = bisect_left(doc.word_starts, end) - 1
    while k >= 0 and words[k][0] >= window_start and doc.tokens[k] in _AUX:
        k -= 1
    out: Phrase = []
    while k >= 0 and words[k][0] >= window_start and len(out) < 8:
        if out:
            gap = _gap(doc, k, out[0])
            if gap.strip(" .") or "\n" in gap:
                break
        if doc.tokens[k] in _STOP:
            break
        out.insert(0, k)
        k -= 1
    return out


_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|these|those|this|"
    r"that|such|whose|any|no|new|recent|latest)|['’]s)\s+$",
    re.IGNORECASE,
)
_QUOTE_CLOSE = frozenset({",", "”", '"', "’", "'"})


def _not_a_cue(text: str, start: int, sentence_start: int, according: bool) -> bool:
    """A capitalised verb mid-sentence is a name ("United States"); one after a
    determiner or possessive is a noun ("Starmer's comments", "the claims")."""
    if start != sentence_start and text[start].isupper():
        return True
    return not according and bool(_NOUN_BEFORE.search(text, max(0, start - 12), start))


def _sources(doc: Document) -> list[_Source]:
    text = doc.text
    found: list[_Source] = []
    for h in doc.hits["speech_verbs"]:
        sent = doc.sentence_at(h.start)
        according = h.entry == "according to"
        if sent is None or _not_a_cue(text, h.start, sent.start, according):
            continue
        if according:
            phrase = _forward(doc, h.last, sent.end)
        else:
            phrase = _backward(doc, sent.start, h.first)
            prev = text[sent.start : h.start].rstrip()[-1:]
            if (not phrase and (prev in _QUOTE_CLOSE or not prev)) or (
                phrase and prev in _QUOTE_CLOSE - {","}
            ):
                phrase = _forward(doc, h.last, sent.end)
        kind = _classify(doc, phrase, sent.start)
        if kind == "other":
            continue
        start = min(h.start, doc.words[phrase[0]][0])
        end = max(h.end, doc.words[phrase[-1]][1])
        found.append(_Source(kind, start, end))
    return found


def _explained(doc: Document, src: _Source) -> Span | None:
    """The anonymity reason in the source's sentence, if it gives one."""
    sent = doc.sentence_at(src.start)
    if sent is None:
        return None
    for h in doc.hits["anonymity_reasons"]:
        if sent.start <= h.start and h.end <= sent.end:
            return Span(h.start, h.end)
    return None


def extract(doc: Document) -> Mapping[str, Signal]:
    """All attribution signals for one document (counts per 1,000 words)."""
    text = doc.text
    named: list[Evidence] = []
    explained: list[Evidence] = []
    bare: list[Evidence] = []
    vague: list[Evidence] = []
    for src in _sources(doc):
        if src.kind == "named":
            named.append(evidence(doc, src.start, src.end, "named"))
        elif src.kind == "vague":
            vague.append(evidence(doc, src.start, src.end, "vague"))
        else:
            reason = _explained(doc, src)
            if reason is None:
                bare.append(evidence(doc, src.start, src.end, "anonymous_bare"))
            else:
                end = max(src.end, reason.end) if reason.start >= src.start else src.end
                explained.append(evidence(doc, src.start, end, "anonymous_explained"))
    for h in doc.hits["vague_passives"]:
        vague.append(evidence(doc, h.start, h.end, "vague"))
    vague.sort(key=lambda e: e.start)

    quotes = [q for q in doc.quotes if len(text[q.start : q.end].split()) >= 5]
    cue_lines = {
        doc.line_at(h.start) for h in doc.hits["speech_verbs"] if not doc.in_quote(h.start)
    }
    attributed = sum(1 for q in quotes if doc.line_at(q.start) in cue_lines)

    words = doc.word_count
    anonymous = sorted(explained + bare, key=lambda e: e.start)
    total = len(named) + len(anonymous) + len(vague)
    share = (len(anonymous) + len(vague)) / total if total else None
    details = {
        "named": len(named),
        "anonymous_explained": len(explained),
        "anonymous_bare": len(bare),
        "vague": len(vague),
        "quotes": len(quotes),
        "quotes_attributed": attributed,
    }
    return {
        "named_attribution": Signal(per_words(len(named), words), tuple(named), details),
        "anonymous_attribution": Signal(per_words(len(anonymous), words), tuple(anonymous)),
        "anonymous_explained": Signal(per_words(len(explained), words), tuple(explained)),
        "anonymous_bare": Signal(per_words(len(bare), words), tuple(bare)),
        "vague_attribution": Signal(per_words(len(vague), words), tuple(vague)),
        "anonymous_share": Signal(share, (), {"attributions": total}),
    }
